package dev.hardwired.train;

import dev.hardwired.Checks;
import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows a training run's progress on the console: the epoch of the most allowed, the training loss, the
 * validation loss and accuracy when they are measured, the time elapsed and an estimate of the time left.
 * Training is silent unless a listener like this one is added.
 *
 * <p>It works in one of two modes.
 *
 * <ul>
 *   <li><b>Redraw</b>, on a terminal: one line, drawn again over itself ({@code \r}) after an epoch, at
 *       most ten times a second so that fast epochs do not flood the terminal, and always after the first
 *       and the last epoch; at the end the line is kept, and a summary follows.
 *   <li><b>Plain</b>, in a log (a file, a pipe, a CI job): one line after the first epoch, after every
 *       {@linkplain #every n-th} epoch, after the last, and after any epoch that ends 10 seconds or more
 *       after the previous line, so that a slow run still shows signs of life; then a summary.
 * </ul>
 *
 * <p>Unless {@link #every} says otherwise, the period of plain lines is the smallest of 1, 2 or 5 × 10^k
 * epochs that gives at most 15 lines over the most epochs allowed: every epoch of a 5-epoch run, every
 * 100th of a 1000-epoch run. For example, with {@code named("Digits")}:
 *
 * <pre>
 * Digits  training DigitsNetwork 64-32-10 with Adam(…); at most 30 epochs
 * Digits  epoch  1/30  loss 0.9121  val 0.4410  acc  88.9 %  0:00 elapsed  0:09 left
 * Digits  epoch  2/30  loss 0.3342  val 0.2764  acc  92.5 %  0:01 elapsed  0:08 left
 * …
 * Digits  done after 30 of 30 epochs (max epochs)  best epoch 30: loss 0.0812  val 0.0954  acc 97.2 %  0:09 total
 * </pre>
 *
 * <p>The time left is the mean time of an epoch so far times the epochs left of the most allowed; a stop
 * rule (a target loss, early stopping) may end the run sooner. Numbers are written the same in every
 * locale, in ASCII. The columns keep their widths from line to line, so that a redrawn line does not
 * jitter: a column widens when a value needs more room, and stays so.
 *
 * <p>A listener holds the state of the run it shows; it starts afresh at {@link #started}.
 *
 * <p><b>Threads.</b> Not thread-safe: a listener is for one run at a time, on the thread that trains. Runs
 * at once (a {@link Sweep}) each need a trainer with a listener of their own.
 */
public final class ConsoleProgress implements TrainingListener {
  /** The least time between two redraws: a tenth of a second. */
  static final long REDRAW_NANOS = 100_000_000L;

  /** In plain mode, a line after an epoch that ends this long after the previous line: 10 seconds. */
  static final long PLAIN_NANOS = 10_000_000_000L;

  /** In plain mode, the automatic period gives at most this many lines over a run. */
  static final int MOST_LINES = 15;

  private final PrintStream out;
  private final boolean redraw;
  private final int every;
  private final String label;
  private final LongSupplier nanos;

  // The run shown: reset by started().
  private int maxEpochs;
  private int period;
  private boolean anyShown;
  private long lastShown;
  private int lastShownEpoch;
  private int lastLength;
  private final int[] widths = new int[Column.values().length];

  /**
   * @param every the period of plain lines in epochs; 0 for the automatic one
   * @param label what every line starts with; null for nothing
   * @param nanos the clock that spaces lines out, in nanoseconds
   */
  ConsoleProgress(PrintStream out, boolean redraw, int every, String label, LongSupplier nanos) {
    if (out == null) {
      throw new IllegalArgumentException("out is null; expected a stream to print the progress to");
    }
    this.out = out;
    this.redraw = redraw;
    this.every = every;
    this.label = label;
    this.nanos = nanos;
    reset(0);
  }

  /**
   * Progress on {@code System.out}, redrawn on one line when the program runs on a terminal: when there is
   * a console, the environment variable {@code TERM} is not {@code dumb} and {@code CI} is not set;
   * otherwise plain lines.
   */
  public static ConsoleProgress create() {
    return to(System.out, onTerminal());
  }

  /**
   * Progress on {@code out}, redrawn on one line over itself or in plain lines, as {@code redraw} says.
   *
   * @throws IllegalArgumentException when {@code out} is null
   */
  public static ConsoleProgress to(PrintStream out, boolean redraw) {
    return new ConsoleProgress(out, redraw, 0, null, System::nanoTime);
  }

  /**
   * This listener printing a plain line every {@code epochs} epochs (besides the first and the last, and
   * the 10-second lines); it does not change the redraw mode.
   *
   * @throws IllegalArgumentException when {@code epochs} is less than 1
   */
  public ConsoleProgress every(int epochs) {
    if (epochs < 1) {
      throw new IllegalArgumentException("a line every " + epochs + " epochs; expected at least 1");
    }
    return new ConsoleProgress(out, redraw, epochs, label, nanos);
  }

  /**
   * This listener with every line it prints starting with {@code label} (and two spaces), to tell apart
   * runs that share a log; {@code null} or empty for none.
   */
  public ConsoleProgress named(String label) {
    return new ConsoleProgress(out, redraw, every, label == null || label.isEmpty() ? null : label, nanos);
  }

  /** Whether this listener redraws one line rather than printing plain lines. */
  public boolean redraws() {
    return redraw;
  }

  /**
   * Prints a line of what is trained, for example {@code training XorNetwork 2-2-1 with Adam(…); at most
   * 1000 epochs}, and gets ready for the run.
   */
  @Override
  public void started(int maxEpochs, String description) {
    if (maxEpochs < 1) {
      throw new IllegalArgumentException("maxEpochs is " + maxEpochs + "; expected at least 1");
    }
    reset(maxEpochs);
    StringBuilder s = prefix();
    s.append("training");
    boolean described = description != null && !description.isEmpty();
    if (described) {
      s.append(' ').append(description);
    }
    if (maxEpochs > 0) {
      s.append(described ? "; at most " : " for at most ").append(maxEpochs)
          .append(maxEpochs == 1 ? " epoch" : " epochs");
    }
    out.print(s.append('\n'));
    out.flush();
  }

  /** Shows the epoch, when it is the first, the last or its turn comes. */
  @Override
  public void epochEnded(EpochRecord epoch, TrainingHistory history) {
    Checks.requireNonNull(epoch, "epoch", "the record of the epoch that ended");
    Checks.requireNonNull(history, "history", "the epochs so far");
    long now = nanos.getAsLong();
    int e = epoch.epoch();
    boolean show;
    if (!anyShown || e == maxEpochs) {
      show = true;
    } else if (redraw) {
      show = now - lastShown >= REDRAW_NANOS;
    } else {
      show = e % period == 0 || now - lastShown >= PLAIN_NANOS;
    }
    if (show) {
      show(epoch, now);
    }
  }

  /** Shows the last epoch if it has not been, ends the redrawn line, and prints a summary of the run. */
  @Override
  public void finished(TrainingHistory history) {
    Checks.requireNonNull(history, "history", "the epochs of the run");
    if (history.size() > 0 && history.last().epoch() != lastShownEpoch) {
      show(history.last(), nanos.getAsLong());
    }
    if (redraw && anyShown) {
      out.print('\n');
    }
    out.print(summary(history).append('\n'));
    out.flush();
    lastLength = 0;
  }

  /** Ends a redrawn line, then says where training diverged. */
  @Override
  public void failed(TrainingDivergedException diverged, TrainingHistory history) {
    Checks.requireNonNull(diverged, "diverged", "the exception that stopped the run");
    Checks.requireNonNull(history, "history", "the epochs so far");
    if (redraw && anyShown) {
      out.print('\n');
    }
    out.print(prefix().append("stopped: ").append(diverged.getMessage()).append('\n'));
    out.flush();
    lastLength = 0;
  }

  /**
   * The line of one epoch, for example {@code epoch 12/30  loss 0.0812  val 0.0954  acc  97.2 %  0:03
   * elapsed  0:05 left}, after the label; the values not measured are left out.
   */
  String line(EpochRecord epoch) {
    StringBuilder s = prefix();
    int e = epoch.epoch();
    if (maxEpochs > 0) {
      int digits = Integer.toString(maxEpochs).length();
      s.append("epoch ").append(pad(Column.EPOCH, Integer.toString(e), digits)).append('/').append(maxEpochs);
    } else {
      s.append("epoch ").append(pad(Column.EPOCH, Integer.toString(e), 1));
    }
    s.append("  loss ").append(pad(Column.LOSS, number(epoch.trainingLoss()), 6));
    if (!Double.isNaN(epoch.validationLoss())) {
      s.append("  val ").append(pad(Column.VALIDATION, number(epoch.validationLoss()), 6));
    }
    if (!Double.isNaN(epoch.validationAccuracy())) {
      s.append("  acc ")
          .append(pad(Column.ACCURACY, String.format(Locale.ROOT, "%.1f", 100 * epoch.validationAccuracy()), 5))
          .append(" %");
    }
    double seconds = epoch.seconds();
    if (!Double.isNaN(seconds)) {
      s.append("  ").append(pad(Column.ELAPSED, duration(seconds), 4)).append(" elapsed");
      if (maxEpochs > 0 && e > 0 && e <= maxEpochs) {
        double left = seconds / e * (maxEpochs - e);
        s.append("  ").append(pad(Column.LEFT, duration(left), 4)).append(" left");
      }
    }
    return s.toString();
  }

  /**
   * The summary at the end, for example {@code done after 40 of 100 epochs (early stopping)  best epoch
   * 32: loss 0.0812  val 0.0954  acc 97.2 %  0:08 total}.
   */
  StringBuilder summary(TrainingHistory history) {
    StringBuilder s = prefix();
    int trained = history.size();
    s.append("done after ").append(trained);
    if (maxEpochs > 0) {
      s.append(" of ").append(maxEpochs);
    }
    s.append(maxEpochs == 1 || (maxEpochs <= 0 && trained == 1) ? " epoch" : " epochs");
    TrainingHistory.StopReason reason = history.stopReason();
    if (reason != null) {
      s.append(" (").append(reason.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(')');
    }
    EpochRecord best = null;
    for (EpochRecord e : history.epochs()) {
      if (e.epoch() == history.bestEpoch()) {
        best = e;
      }
    }
    if (best != null) {
      s.append("  best epoch ").append(best.epoch()).append(": loss ").append(number(best.trainingLoss()));
      if (!Double.isNaN(best.validationLoss())) {
        s.append("  val ").append(number(best.validationLoss()));
      }
      if (!Double.isNaN(best.validationAccuracy())) {
        s.append(String.format(Locale.ROOT, "  acc %.1f %%", 100 * best.validationAccuracy()));
      }
    }
    if (trained > 0 && !Double.isNaN(history.last().seconds())) {
      s.append("  ").append(duration(history.last().seconds())).append(" total");
    }
    return s;
  }

  /**
   * The automatic period of plain lines: the smallest of 1, 2 or 5 × 10^k epochs that gives at most
   * {@value #MOST_LINES} lines over {@code maxEpochs}; 10 when the most is not known.
   */
  static int period(int maxEpochs) {
    if (maxEpochs <= 0) {
      return 10;
    }
    for (long power = 1; ; power *= 10) {
      for (int m : new int[] {1, 2, 5}) {
        long step = m * power;
        if (maxEpochs / step <= MOST_LINES) {
          return (int) step;
        }
      }
    }
  }

  /**
   * A loss as {@link EpochRecord#toString} writes it: four decimals, or four significant digits in
   * scientific notation below 0.001.
   */
  static String number(double value) {
    return EpochRecord.format(value);
  }

  /** Whole seconds as {@code m:ss}, or {@code h:mm:ss} from an hour on; {@code ?} when not finite. */
  static String duration(double seconds) {
    if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
      return "?";
    }
    long s = Math.max(0L, Math.round(seconds));
    long hours = s / 3600;
    long minutes = s / 60 % 60;
    long rest = s % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
        : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
  }

  /**
   * Whether the program runs on a terminal that can redraw a line: a console, {@code TERM} not {@code
   * dumb}, {@code CI} not set.
   */
  static boolean onTerminal() {
    return onTerminal(interactiveConsole(), System.getenv("TERM"), System.getenv("CI"));
  }

  static boolean onTerminal(boolean console, String term, String ci) {
    return console && !"dumb".equals(term) && ci == null;
  }

  /**
   * Whether there is a console on a terminal. From Java 22 on, {@link System#console()} gives a console
   * also when the output goes to a file or a pipe, and {@code Console.isTerminal()} tells them apart.
   */
  private static boolean interactiveConsole() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException e) {
      return true; // Before Java 22, a console is a terminal.
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  private void reset(int maxEpochs) {
    this.maxEpochs = maxEpochs;
    this.period = every > 0 ? every : period(maxEpochs);
    this.anyShown = false;
    this.lastShown = 0L;
    this.lastShownEpoch = 0;
    this.lastLength = 0;
    Arrays.fill(widths, 0);
  }

  private void show(EpochRecord epoch, long now) {
    String line = line(epoch);
    if (redraw) {
      StringBuilder s = new StringBuilder(line.length() + 8).append('\r').append(line);
      for (int i = line.length(); i < lastLength; i++) {
        s.append(' ');
      }
      out.print(s);
      lastLength = line.length();
    } else {
      out.print(line + '\n');
    }
    out.flush();
    anyShown = true;
    lastShown = now;
    lastShownEpoch = epoch.epoch();
  }

  private StringBuilder prefix() {
    StringBuilder s = new StringBuilder(96);
    if (label != null) {
      s.append(label).append("  ");
    }
    return s;
  }

  /** {@code text} right-aligned in its column, which is at least {@code least} wide and never narrows. */
  private String pad(Column column, String text, int least) {
    int width = Math.max(Math.max(widths[column.ordinal()], least), text.length());
    widths[column.ordinal()] = width;
    StringBuilder s = new StringBuilder(width);
    for (int i = text.length(); i < width; i++) {
      s.append(' ');
    }
    return s.append(text).toString();
  }

  private enum Column {
    EPOCH,
    LOSS,
    VALIDATION,
    ACCURACY,
    ELAPSED,
    LEFT
  }
}
