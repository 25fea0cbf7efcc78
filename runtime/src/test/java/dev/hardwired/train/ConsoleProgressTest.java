package dev.hardwired.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  private static final double NAN = Double.NaN;
  private static final long MS = 1_000_000L;

  /** A clock that moves only when told to. */
  private static final class FakeClock implements LongSupplier {
    long now;

    @Override
    public long getAsLong() {
      return now;
    }
  }

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final FakeClock clock = new FakeClock();

  private ConsoleProgress plain() {
    return new ConsoleProgress(out, false, 0, null, clock);
  }

  private ConsoleProgress redrawn() {
    return new ConsoleProgress(out, true, 0, null, clock);
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static EpochRecord record(int epoch, double loss, double validation, double accuracy, double seconds) {
    return new EpochRecord(epoch, 0.01, loss, validation, accuracy, 10L * epoch, seconds);
  }

  /**
   * Trains {@code epochs.size()} epochs through {@code progress}, the clock moving {@code nanosPerEpoch}
   * before each epoch ends, and finishes with {@code reason} and {@code best}.
   */
  private TrainingHistory run(
      ConsoleProgress progress,
      int maxEpochs,
      String description,
      List<EpochRecord> epochs,
      long nanosPerEpoch,
      TrainingHistory.StopReason reason,
      int best) {
    TrainingHistory history = new TrainingHistory();
    progress.started(maxEpochs, description);
    for (EpochRecord e : epochs) {
      clock.now += nanosPerEpoch;
      history.add(e);
      progress.epochEnded(e, history);
    }
    history.finish(reason, best);
    progress.finished(history);
    return history;
  }

  /** Epochs 1 to n with loss 1 / epoch, no validation, {@code secondsEach} seconds each. */
  private static List<EpochRecord> hyperbola(int n, double secondsEach) {
    List<EpochRecord> epochs = new ArrayList<>();
    for (int e = 1; e <= n; e++) {
      epochs.add(record(e, 1.0 / e, NAN, NAN, secondsEach * e));
    }
    return epochs;
  }

  private static List<Integer> shownEpochs(String printed) {
    List<Integer> shown = new ArrayList<>();
    for (String line : printed.split("[\r\n]")) {
      int at = line.indexOf("epoch ");
      if (at >= 0 && !line.contains("training") && !line.contains("done after")) {
        String number = line.substring(at + 6).trim().split("[/ ]")[0];
        shown.add(Integer.parseInt(number));
      }
    }
    return shown;
  }

  @Test
  void aShortRunInPlainModeShowsEveryEpochAndASummary() {
    List<EpochRecord> epochs =
        List.of(
            record(1, 0.9121, 0.4410, 0.889, 1.2),
            record(2, 0.3342, 0.2764, 0.925, 2.4),
            record(3, 0.2101, 0.1800, 0.950, 3.6),
            record(4, 0.1500, 0.1200, 0.965, 4.8),
            record(5, 0.0812, 0.0954, 0.972, 6.0));
    run(
        plain().named("Digits"),
        5,
        "DigitsNetwork 64-32-10 with Adam",
        epochs,
        MS,
        TrainingHistory.StopReason.MAX_EPOCHS,
        5);
    assertEquals(
        "Digits  training DigitsNetwork 64-32-10 with Adam; at most 5 epochs\n"
            + "Digits  epoch 1/5  loss 0.9121  val 0.4410  acc  88.9 %  0:01 elapsed  0:05 left\n"
            + "Digits  epoch 2/5  loss 0.3342  val 0.2764  acc  92.5 %  0:02 elapsed  0:04 left\n"
            + "Digits  epoch 3/5  loss 0.2101  val 0.1800  acc  95.0 %  0:04 elapsed  0:02 left\n"
            + "Digits  epoch 4/5  loss 0.1500  val 0.1200  acc  96.5 %  0:05 elapsed  0:01 left\n"
            + "Digits  epoch 5/5  loss 0.0812  val 0.0954  acc  97.2 %  0:06 elapsed  0:00 left\n"
            + "Digits  done after 5 of 5 epochs (max epochs)  best epoch 5: loss 0.0812  val 0.0954  acc 97.2 %"
            + "  0:06 total\n",
        printed());
  }

  @Test
  void aHundredEpochsInPlainModeShowEveryTenth() {
    run(plain(), 100, "", hyperbola(100, 2.0), MS, TrainingHistory.StopReason.MAX_EPOCHS, 100);
    assertEquals(
        "training for at most 100 epochs\n"
            + "epoch   1/100  loss 1.0000  0:02 elapsed  3:18 left\n"
            + "epoch  10/100  loss 0.1000  0:20 elapsed  3:00 left\n"
            + "epoch  20/100  loss 0.0500  0:40 elapsed  2:40 left\n"
            + "epoch  30/100  loss 0.0333  1:00 elapsed  2:20 left\n"
            + "epoch  40/100  loss 0.0250  1:20 elapsed  2:00 left\n"
            + "epoch  50/100  loss 0.0200  1:40 elapsed  1:40 left\n"
            + "epoch  60/100  loss 0.0167  2:00 elapsed  1:20 left\n"
            + "epoch  70/100  loss 0.0143  2:20 elapsed  1:00 left\n"
            + "epoch  80/100  loss 0.0125  2:40 elapsed  0:40 left\n"
            + "epoch  90/100  loss 0.0111  3:00 elapsed  0:20 left\n"
            + "epoch 100/100  loss 0.0100  3:20 elapsed  0:00 left\n"
            + "done after 100 of 100 epochs (max epochs)  best epoch 100: loss 0.0100  3:20 total\n",
        printed());
  }

  @Test
  void aThousandEpochsPrintAboutTenLinesAndFiveEpochsEveryOne() {
    run(plain(), 1000, null, hyperbola(1000, 0.001), MS, TrainingHistory.StopReason.MAX_EPOCHS, 1000);
    List<Integer> expected = new ArrayList<>(List.of(1));
    for (int e = 100; e <= 1000; e += 100) {
      expected.add(e);
    }
    assertEquals(expected, shownEpochs(printed()));
    assertEquals(13, printed().split("\n").length, printed());
  }

  @Test
  void thePeriodIsOneTwoOrFiveTimesAPowerOfTenForAtMostFifteenLines() {
    assertEquals(1, ConsoleProgress.period(1));
    assertEquals(1, ConsoleProgress.period(5));
    assertEquals(1, ConsoleProgress.period(15));
    assertEquals(2, ConsoleProgress.period(16));
    assertEquals(2, ConsoleProgress.period(30));
    assertEquals(2, ConsoleProgress.period(31));
    assertEquals(5, ConsoleProgress.period(32));
    assertEquals(10, ConsoleProgress.period(100));
    assertEquals(20, ConsoleProgress.period(300));
    assertEquals(100, ConsoleProgress.period(1000));
    assertEquals(200_000_000, ConsoleProgress.period(Integer.MAX_VALUE));
    assertEquals(10, ConsoleProgress.period(0), "the most epochs not known");
  }

  @Test
  void aRunStoppedEarlyShowsItsLastEpochAndWhy() {
    List<EpochRecord> epochs = new ArrayList<>();
    for (int e = 1; e <= 37; e++) {
      epochs.add(record(e, 1.0 / e, 2.0 / e, NAN, 0.5 * e));
    }
    run(plain(), 100, "x", epochs, MS, TrainingHistory.StopReason.EARLY_STOPPING, 27);
    assertEquals(List.of(1, 10, 20, 30, 37), shownEpochs(printed()));
    String[] lines = printed().split("\n");
    assertEquals("epoch  37/100  loss 0.0270  val 0.0541  0:19 elapsed  0:32 left", lines[lines.length - 2]);
    assertEquals(
        "done after 37 of 100 epochs (early stopping)  best epoch 27: loss 0.0370  val 0.0741  0:19 total",
        lines[lines.length - 1]);
  }

  @Test
  void slowEpochsPrintALineTenSecondsAfterThePreviousOne() {
    run(plain(), 1000, "x", hyperbola(12, 3.0), 3000 * MS, TrainingHistory.StopReason.TARGET_LOSS, 12);
    // Epoch e ends at 3e seconds: a line at 3 s, then at the first epoch 10 s later or more, and so on.
    assertEquals(List.of(1, 5, 9, 12), shownEpochs(printed()));
    assertTrue(printed().endsWith("done after 12 of 1000 epochs (target loss)  best epoch 12: loss 0.0833  0:36 total\n"),
        printed());
  }

  @Test
  void everySetsThePeriod() {
    run(plain().every(3), 10, "x", hyperbola(10, 1.0), MS, TrainingHistory.StopReason.MAX_EPOCHS, 10);
    assertEquals(List.of(1, 3, 6, 9, 10), shownEpochs(printed()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plain().every(0));
    assertEquals("a line every 0 epochs; expected at least 1", e.getMessage());
  }

  @Test
  void valuesNotMeasuredAreLeftOut() {
    run(plain(), 3, "x", hyperbola(3, 1.0), MS, TrainingHistory.StopReason.MAX_EPOCHS, 3);
    assertFalse(printed().contains("val"), printed());
    assertFalse(printed().contains("acc"), printed());
    assertFalse(printed().contains("NaN"), printed());
    assertTrue(printed().contains("epoch 2/3  loss 0.5000  0:02 elapsed  0:01 left\n"), printed());
  }

  @Test
  void accuracyWithoutAValidationLossIsShown() {
    ConsoleProgress progress = plain();
    progress.started(10, "x");
    assertEquals(
        "epoch  3/10  loss 0.2000  acc 100.0 %  0:03 elapsed  0:07 left",
        progress.line(record(3, 0.2, NAN, 1.0, 3.0)));
  }

  @Test
  void theTimeLeftIsTheMeanEpochTimeTimesTheEpochsLeft() {
    ConsoleProgress progress = plain();
    progress.started(1000, "x");
    // 3 s an epoch, 990 epochs left: 2970 s.
    assertTrue(progress.line(record(10, 0.5, NAN, NAN, 30.0)).endsWith("0:30 elapsed  49:30 left"));
    // 10 s an epoch: 9900 s, over two hours and a half. The column has widened for good.
    assertTrue(progress.line(record(10, 0.5, NAN, NAN, 100.0)).endsWith("1:40 elapsed  2:45:00 left"));
    assertTrue(progress.line(record(999, 0.5, NAN, NAN, 999.0)).endsWith("16:39 elapsed     0:01 left"));
  }

  @Test
  void durations() {
    assertEquals("0:00", ConsoleProgress.duration(0.0));
    assertEquals("0:00", ConsoleProgress.duration(-1.0));
    assertEquals("0:59", ConsoleProgress.duration(59.4));
    assertEquals("1:00", ConsoleProgress.duration(59.6));
    assertEquals("59:59", ConsoleProgress.duration(3599.0));
    assertEquals("1:00:00", ConsoleProgress.duration(3600.0));
    assertEquals("27:46:40", ConsoleProgress.duration(100_000.0));
    assertEquals("?", ConsoleProgress.duration(NAN));
    assertEquals("?", ConsoleProgress.duration(Double.POSITIVE_INFINITY));
  }

  @Test
  void columnsWidenAndNeverNarrowSoThatTheLineDoesNotJitter() {
    ConsoleProgress progress = plain();
    progress.started(10, "x");
    assertEquals("epoch  1/10  loss 1.5000  0:01 elapsed  0:09 left", progress.line(record(1, 1.5, NAN, NAN, 1.0)));
    assertEquals(
        "epoch  2/10  loss 1.234e-04  0:02 elapsed  0:08 left", progress.line(record(2, 1.234e-4, NAN, NAN, 2.0)));
    assertEquals(
        "epoch  3/10  loss    0.0010  0:03 elapsed  0:07 left", progress.line(record(3, 0.001, NAN, NAN, 3.0)));
    progress.started(10, "again");
    assertEquals(
        "epoch  3/10  loss 0.0010  0:03 elapsed  0:07 left",
        progress.line(record(3, 0.001, NAN, NAN, 3.0)),
        "a new run starts afresh");
  }

  @Test
  void redrawModeDrawsOverTheLineAndEndsItWithANewline() {
    run(redrawn().named("R"), 3, "x", hyperbola(3, 1.0), 500 * MS, TrainingHistory.StopReason.MAX_EPOCHS, 3);
    assertEquals(
        "R  training x; at most 3 epochs\n"
            + "\rR  epoch 1/3  loss 1.0000  0:01 elapsed  0:02 left"
            + "\rR  epoch 2/3  loss 0.5000  0:02 elapsed  0:01 left"
            + "\rR  epoch 3/3  loss 0.3333  0:03 elapsed  0:00 left"
            + "\n"
            + "R  done after 3 of 3 epochs (max epochs)  best epoch 3: loss 0.3333  0:03 total\n",
        printed());
  }

  @Test
  void aShorterRedrawnLineClearsTheRestOfTheLongerOne() {
    ConsoleProgress progress = redrawn();
    TrainingHistory history = new TrainingHistory();
    progress.started(2, "x");
    EpochRecord first = record(1, 0.5, 0.25, NAN, 1.0);
    EpochRecord second = record(2, 0.4, NAN, NAN, 2.0); // validated every other epoch
    history.add(first);
    progress.epochEnded(first, history);
    history.add(second);
    progress.epochEnded(second, history);
    String[] draws = printed().split("\r");
    assertEquals("epoch 1/2  loss 0.5000  val 0.2500  0:01 elapsed  0:01 left", draws[1]);
    assertEquals("epoch 2/2  loss 0.4000  0:02 elapsed  0:00 left" + " ".repeat(12), draws[2]);
    assertEquals(draws[1].length(), draws[2].length());
  }

  @Test
  void redrawingIsAtMostTenTimesASecondBesidesTheFirstAndLastEpoch() {
    run(redrawn(), 20, "x", hyperbola(20, 0.03), 30 * MS, TrainingHistory.StopReason.MAX_EPOCHS, 20);
    // Epoch e ends at 30e ms: drawn at 30 ms, then 100 ms or more after the previous draw, and the last.
    assertEquals(List.of(1, 5, 9, 13, 17, 20), shownEpochs(printed()));
    assertEquals(6, printed().chars().filter(c -> c == '\r').count());
    String[] lines = printed().split("\n");
    assertEquals(3, lines.length, "the start, the redrawn line, the summary");
    assertTrue(lines[1].endsWith("\repoch 20/20  loss 0.0500  0:01 elapsed  0:00 left"), lines[1]);
  }

  @Test
  void aRedrawnRunStoppedEarlyDrawsItsLastEpochAtTheEnd() {
    run(redrawn(), 100, "x", hyperbola(7, 0.001), MS, TrainingHistory.StopReason.TARGET_LOSS, 7);
    assertEquals(List.of(1, 7), shownEpochs(printed()));
    assertTrue(printed().endsWith("\repoch   7/100  loss 0.1429  0:00 elapsed  0:00 left"
        + "\ndone after 7 of 100 epochs (target loss)  best epoch 7: loss 0.1429  0:00 total\n"),
        printed());
  }

  @Test
  void aRunWithoutEpochsStillSaysItIsDone() {
    run(redrawn(), 10, "x", List.of(), MS, TrainingHistory.StopReason.TARGET_LOSS, 0);
    assertEquals("training x; at most 10 epochs\ndone after 0 of 10 epochs (target loss)\n", printed());
  }

  @Test
  void epochsWithoutStartedAreShownWithoutTheMost() {
    ConsoleProgress progress = plain();
    TrainingHistory history = new TrainingHistory();
    EpochRecord only = record(1, 0.5, NAN, NAN, 1.0);
    history.add(only);
    progress.epochEnded(only, history);
    assertEquals("epoch 1  loss 0.5000  0:01 elapsed\n", printed());
  }

  @Test
  void anEmptyNameIsNone() {
    ConsoleProgress progress = plain().named("");
    progress.started(1, null);
    assertEquals("training for at most 1 epoch\n", printed());
  }

  @Test
  void theModeIsKeptByEveryAndNamed() {
    assertTrue(ConsoleProgress.to(out, true).every(5).named("a").redraws());
    assertFalse(ConsoleProgress.to(out, false).named("a").every(5).redraws());
    assertThrows(IllegalArgumentException.class, () -> ConsoleProgress.to(null, false));
  }

  @Test
  void aTerminalIsAConsoleWhoseTermIsNotDumbOutsideCi() {
    assertTrue(ConsoleProgress.onTerminal(true, "xterm-256color", null));
    assertTrue(ConsoleProgress.onTerminal(true, null, null));
    assertFalse(ConsoleProgress.onTerminal(true, "dumb", null));
    assertFalse(ConsoleProgress.onTerminal(true, "xterm", "true"));
    assertFalse(ConsoleProgress.onTerminal(true, "xterm", ""));
    assertFalse(ConsoleProgress.onTerminal(false, "xterm", null));
    // Under Maven, the output goes to a pipe.
    assertFalse(ConsoleProgress.create().redraws());
  }
}
