package dev.hardwired.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.TrainableNetwork;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints written and resumed in this JVM: a run stopped after any epoch ends as if it had not stopped. */
class CheckpointTest {
  @TempDir Path folder;

  /** Stops a run, as a crash would, when epoch {@code at} has ended: before that epoch's checkpoint. */
  private static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(int epoch) {
      super("crash after epoch " + epoch);
    }
  }

  private static TrainingListener crashAfter(int epoch) {
    return (record, history) -> {
      if (record.epoch() == epoch) {
        throw new Crash(epoch);
      }
    };
  }

  /** The epochs that listeners were told of, and the description they were started with. */
  private static final class Seen implements TrainingListener {
    final List<Integer> epochs = new ArrayList<>();
    String description;
    boolean finished;

    @Override
    public void started(int maxEpochs, String description) {
      this.description = description;
    }

    @Override
    public void epochEnded(EpochRecord epoch, TrainingHistory history) {
      epochs.add(epoch.epoch());
    }

    @Override
    public void finished(TrainingHistory history) {
      finished = true;
    }
  }

  @Test
  void checkpointingChangesNoBitOfARun() {
    for (CheckpointRuns.Run run : CheckpointRuns.all(3)) {
      Object plain = run.network();
      TrainingHistory expected = run.train(run.trainer, plain);
      Object saved = run.network();
      TrainingHistory actual = run.train(run.trainer.checkpoint(folder.resolve(run.name + ".checkpoint"), 2), saved);
      CheckpointRuns.assertSameRun(
          run.name, CheckpointRuns.parameters(plain), expected, CheckpointRuns.parameters(saved), actual);
    }
  }

  @Test
  void aRunStoppedAfterAChosenEpochAndResumedEndsWithTheBitsOfTheRunThatWasNot() throws IOException {
    for (CheckpointRuns.Run run : CheckpointRuns.all(11)) {
      Object uninterrupted = run.network();
      TrainingHistory expected = run.train(run.trainer, uninterrupted);
      double[] expectedParameters = CheckpointRuns.parameters(uninterrupted);
      int last = expected.size();
      // Every checkpoint is forced to the disk: a few crash points per run keep the test fast; the kill test
      // adds crashes at random moments.
      for (int every : new int[] {1, 3}) {
        int[] crashes = every == 1 ? new int[] {1, last / 2, last} : new int[] {last - 1};
        for (int crash : crashes) {
          Path file = folder.resolve("run.checkpoint");
          Files.deleteIfExists(file);
          Trainer trainer = run.trainer.checkpoint(file, every);
          Object network = run.network();
          int at = crash;
          assertThrows(Crash.class, () -> run.train(trainer.listener(crashAfter(at)), network));
          // The last checkpoint is that of the last multiple of every before the crash; none before the first.
          int saved = (crash - 1) / every * every;
          assertEquals(saved > 0, Files.exists(file), run + ", every " + every + ", crash after " + crash);
          Seen seen = new Seen();
          Object resumed = run.network();
          // Resumed by the same trainer, which finds its checkpoint, or (writing no more) by resume(file).
          Trainer resuming = crash == last / 2 || saved == 0 ? trainer : run.trainer.resume(file);
          TrainingHistory actual = run.train(resuming.listener(seen), resumed);
          String what = run + ", every " + every + ", crash after epoch " + crash;
          CheckpointRuns.assertSameRun(
              what, expectedParameters, expected, CheckpointRuns.parameters(resumed), actual);
          assertEquals(expected.size() - saved, seen.epochs.size(), what + ": epochs trained after resuming");
          if (saved > 0) {
            assertEquals(saved + 1, (int) seen.epochs.get(0), what);
            assertTrue(seen.description.endsWith("; resumed after epoch " + saved + " from " + file), seen.description);
          }
          assertTrue(seen.finished, what);
        }
      }
    }
  }

  @Test
  void aFinishedRunIsNotTrainedAgain() {
    CheckpointRuns.Run run = CheckpointRuns.all(5).get(0);
    Path file = folder.resolve("done.checkpoint");
    Trainer trainer = run.trainer.checkpoint(file, 4);
    Object first = run.network();
    TrainingHistory expected = run.train(trainer, first);
    Seen seen = new Seen();
    Object again = run.network();
    TrainingHistory actual = run.train(trainer.listener(seen), again);
    CheckpointRuns.assertSameRun(
        run.name, CheckpointRuns.parameters(first), expected, CheckpointRuns.parameters(again), actual);
    assertEquals(List.of(), seen.epochs);
    assertTrue(seen.finished);
    assertTrue(seen.description.contains("resumed after epoch " + expected.size()), seen.description);
  }

  @Test
  void resumeContinuesANamedCheckpointAndCheckpointWritesWhereItIsTold() throws IOException {
    CheckpointRuns.Run run = CheckpointRuns.all(9).get(1);
    Object uninterrupted = run.network();
    TrainingHistory expected = run.train(run.trainer, uninterrupted);
    Path original = folder.resolve("original.checkpoint");
    assertThrows(Crash.class, () -> run.train(run.trainer.checkpoint(original, 2).listener(crashAfter(9)), run.network()));
    Path copy = Files.copy(original, folder.resolve("copy.checkpoint"));
    // resume alone writes nothing.
    Object resumed = run.network();
    TrainingHistory actual = run.train(run.trainer.resume(copy), resumed);
    CheckpointRuns.assertSameRun(
        run.name, CheckpointRuns.parameters(uninterrupted), expected, CheckpointRuns.parameters(resumed), actual);
    assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy));
    // resume and checkpoint: read one file, write another.
    Path next = folder.resolve("next.checkpoint");
    Object again = run.network();
    actual = run.train(run.trainer.resume(copy).checkpoint(next, 2), again);
    CheckpointRuns.assertSameRun(
        run.name, CheckpointRuns.parameters(uninterrupted), expected, CheckpointRuns.parameters(again), actual);
    assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy));
    assertTrue(Files.exists(next));
  }

  @Test
  void resumeInsistsOnACheckpoint() {
    CheckpointRuns.Run run = CheckpointRuns.all(9).get(0);
    Path missing = folder.resolve("missing.checkpoint");
    ReferenceNetwork network = (ReferenceNetwork) run.network();
    double[] before = network.parameters();
    CheckpointException e = assertThrows(CheckpointException.class, () -> run.train(run.trainer.resume(missing), network));
    assertEquals("expected a checkpoint at " + missing + ", found no file", e.getMessage());
    assertEquals(missing, e.file());
    assertArrayEquals(before, network.parameters());
  }

  @Test
  void aCheckpointThatCannotBeWrittenStopsTheRun() {
    CheckpointRuns.Run run = CheckpointRuns.all(9).get(2);
    Path nowhere = folder.resolve("no such folder").resolve("run.checkpoint");
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> run.train(run.trainer.checkpoint(nowhere, 5), run.network()));
    assertTrue(e.getMessage().startsWith("cannot write checkpoint " + nowhere + ": "), e.getMessage());
    assertEquals(nowhere, e.file());
  }

  @Test
  void settingsAreChecked() {
    assertEquals(
        "everyEpochs is 0; expected at least 1",
        assertThrows(IllegalArgumentException.class, () -> Trainer.create().checkpoint(folder, 0)).getMessage());
    assertEquals(
        "checkpoint file is null",
        assertThrows(IllegalArgumentException.class, () -> Trainer.create().checkpoint(null, 1)).getMessage());
    assertEquals(
        "checkpoint file to resume is null",
        assertThrows(IllegalArgumentException.class, () -> Trainer.create().resume(null)).getMessage());
    Path file = folder.resolve("x.checkpoint");
    assertTrue(Trainer.create().checkpoint(file, 5).toString().endsWith(", checkpoint every 5 epochs to " + file));
    assertTrue(Trainer.create().resume(file).toString().endsWith(", resuming " + file));
    assertFalse(Trainer.create().toString().contains("checkpoint"));
  }

  @Test
  void theShufflingGeneratorStandsWhereItsDrawsLeftIt() {
    Random random = new Random(99);
    for (long seed : new long[] {0, 1, -7, 42, Long.MIN_VALUE}) {
      CountingRandom reference = new CountingRandom(seed);
      Random plain = new Random(seed);
      long draws = 0;
      for (int round = 0; round < 40; round++) {
        int n = random.nextInt(300);
        for (int i = 0; i < n; i++) {
          int bound = 1 + random.nextInt(1000);
          assertEquals(plain.nextInt(bound), reference.nextInt(bound));
        }
        draws = reference.draws();
        CountingRandom jumped = CountingRandom.after(seed, draws);
        assertEquals(draws, jumped.draws());
        for (int i = 0; i < 5; i++) {
          assertEquals(reference.nextLong(), jumped.nextLong(), "seed " + seed + " after " + draws + " draws");
        }
        plain.nextLong();
        plain.nextLong();
        plain.nextLong();
        plain.nextLong();
        plain.nextLong();
      }
      assertTrue(draws > 1000);
    }
    // A long jump agrees with drawing one by one.
    CountingRandom far = new CountingRandom(5);
    for (int i = 0; i < 1_000_003; i++) {
      far.nextInt();
    }
    assertEquals(far.nextLong(), CountingRandom.after(5, 1_000_003).nextLong());
  }

  @Test
  void theNetworksParametersAreUntouchedByACheckpointThatIsRefused() throws IOException {
    CheckpointRuns.Run run = CheckpointRuns.all(2).get(0);
    Path file = folder.resolve("r.checkpoint");
    assertThrows(Crash.class, () -> run.train(run.trainer.checkpoint(file, 1).listener(crashAfter(5)), run.network()));
    TrainableNetwork network = (TrainableNetwork) run.network();
    double[] before = network.parameters();
    // Another seed: refused, the network as it was.
    assertThrows(CheckpointException.class, () -> run.train(run.trainer.seed(1234).checkpoint(file, 1), network));
    assertArrayEquals(before, network.parameters());
  }
}
