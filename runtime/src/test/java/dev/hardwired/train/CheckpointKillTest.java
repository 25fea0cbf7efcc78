package dev.hardwired.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training killed with SIGKILL in a child JVM at a random moment, then resumed here from its checkpoint,
 * ends with the parameters and history of the run that was never killed, bit for bit.
 */
class CheckpointKillTest {
  @TempDir Path folder;

  /** A kill: the runs' seed, which run, every how many epochs it saves. */
  private static final long[][] KILLS = {
    // seed, run, every
    {21, 0, 1},
    {22, 1, 1},
    {23, 2, 2},
    {24, 3, 1},
    {25, 4, 1},
    {26, 5, 3},
    {27, 0, 4},
    {28, 3, 2},
  };

  @Test
  void aRunKilledAtARandomMomentAndResumedEndsWithTheBitsOfTheRunThatWasNot() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    StringBuilder figures = new StringBuilder();
    long started = System.nanoTime();
    for (long[] kill : KILLS) {
      long seed = kill[0];
      CheckpointRuns.Run run = CheckpointRuns.all(seed).get((int) kill[1]);
      int every = (int) kill[2];
      Object uninterrupted = run.network();
      TrainingHistory expected = run.train(run.trainer, uninterrupted);
      // Killed after the line of epoch n, in the first half of the run, and up to 1.5 ms later: in epoch n + 1
      // or the writing of a checkpoint, with epochs and checkpoints left to write.
      Random random = new Random(seed);
      int n = 1 + random.nextInt(Math.max(1, expected.size() / 2));
      long delay = random.nextInt(1_500_000);
      Path file = folder.resolve("run" + seed + ".checkpoint");
      Path errors = folder.resolve("run" + seed + ".err");
      Process child =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  CheckpointChild.class.getName(),
                  Long.toString(seed),
                  Long.toString(kill[1]),
                  file.toString(),
                  Integer.toString(every))
              .redirectError(errors.toFile())
              .start();
      int lines = 0;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while (lines < n && (line = out.readLine()) != null) {
          assertEquals("epoch " + (lines + 1), line, run.name);
          lines++;
        }
        LockSupport.parkNanos(delay);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), run.name + ": the child did not end");
      }
      String what = run.name + ", seed " + seed + ", killed " + delay / 1000 + " µs after epoch " + n;
      assertEquals(n, lines, what + ": the child printed " + lines + " lines; its errors: " + errorsOf(errors));
      // Killed: 137 is 128 + SIGKILL on Linux; 1 where the platform ends a process otherwise.
      assertTrue(child.exitValue() != 0, what + ": the child ended by itself before it was killed");
      long temporary;
      try (Stream<Path> files = Files.list(folder)) {
        // A kill between the creation of the temporary file and its move over the checkpoint leaves it behind.
        String prefix = "." + file.getFileName() + ".";
        temporary = files.filter(p -> p.getFileName().toString().startsWith(prefix)).count();
      }
      Seen seen = new Seen();
      Object resumed = run.network();
      TrainingHistory actual = run.train(run.trainer.checkpoint(file, every).listener(seen), resumed);
      CheckpointRuns.assertSameRun(
          what, CheckpointRuns.parameters(uninterrupted), expected, CheckpointRuns.parameters(resumed), actual);
      // Checkpoint n - 1 (the last multiple of every before n) was written before the child printed epoch n.
      assertTrue(seen.resumedAfter >= (n - 1) / every * every, what + ": resumed after " + seen.resumedAfter);
      assertTrue(seen.resumedAfter < expected.size(), what + ": resumed after " + seen.resumedAfter);
      figures.append(String.format(
          "%n  %s: killed after epoch %d + %d µs (exit %d), resumed after epoch %d of %d%s",
          run.name, n, delay / 1000, child.exitValue(), seen.resumedAfter, expected.size(),
          temporary > 0 ? ", killed while writing a checkpoint" : ""));
    }
    System.out.printf("CheckpointKillTest: %d kills in %.1f s%s%n", KILLS.length, (System.nanoTime() - started) / 1e9, figures);
  }

  private static String errorsOf(Path errors) throws IOException {
    return Files.exists(errors) ? new String(Files.readAllBytes(errors), StandardCharsets.UTF_8) : "none";
  }

  /** The epoch after which the run resumed, from the description it started with (0 when it started anew). */
  private static final class Seen implements TrainingListener {
    int resumedAfter;

    @Override
    public void started(int maxEpochs, String description) {
      int at = description.indexOf("; resumed after epoch ");
      if (at >= 0) {
        String rest = description.substring(at + "; resumed after epoch ".length());
        resumedAfter = Integer.parseInt(rest.substring(0, rest.indexOf(' ')));
      }
    }

    @Override
    public void epochEnded(EpochRecord epoch, TrainingHistory history) {}
  }
}
