package dev.hardwired.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of checkpoints whose CRC-32 is then made right again, so that they reach the parser and
 * the checks behind the checksum: each ends in a resumed run (which may diverge, from parameters or moments
 * changed to numbers that are finite but wild) or in a {@link CheckpointException} that leaves the network as
 * it was, never in another exception or an exhausted heap.
 */
class CheckpointFuzzTest {
  private static final long SEED = 1215L;
  private static final int CASES = 600;

  @TempDir Path folder;

  @Test
  void mutatedCheckpointsAreResumedOrRefusedAndNothingElse() throws IOException {
    Random random = new Random(SEED);
    long start = System.nanoTime();
    int refused = 0;
    int resumed = 0;
    int diverged = 0;
    // A double run with early stopping (best parameters, two moments) and a float one with one moment.
    CheckpointRuns.Run[] runs = {CheckpointRuns.all(31).get(0), CheckpointRuns.all(32).get(4)};
    for (CheckpointRuns.Run run : runs) {
      Path file = folder.resolve(run.floats + ".checkpoint");
      TrainingListener crash =
          (epoch, history) -> {
            if (epoch.epoch() == 11) {
              throw new IllegalStateException("crash");
            }
          };
      assertThrows(IllegalStateException.class, () -> run.train(run.trainer.checkpoint(file, 2).listener(crash), run.network()));
      byte[] original = Files.readAllBytes(file);
      for (int c = 0; c < CASES; c++) {
        byte[] mutated = withChecksum(mutate(original, random));
        Files.write(file, mutated);
        Object network = run.network();
        double[] before = CheckpointRuns.parameters(network);
        try {
          run.train(run.trainer.resume(file), network);
          resumed++;
        } catch (TrainingDivergedException e) {
          diverged++;
        } catch (CheckpointException e) {
          refused++;
          assertArrayEquals(before, CheckpointRuns.parameters(network), e.getMessage());
          assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
      }
    }
    assertEquals(2 * CASES, refused + resumed + diverged);
    assertTrue(refused > CASES, refused + " refused");
    System.out.printf(
        "CheckpointFuzzTest: %d checkpoints (seed %d), %d refused with a CheckpointException, %d resumed (%d of them"
            + " diverged), in %d ms%n",
        2 * CASES, SEED, refused, resumed + diverged, diverged, (System.nanoTime() - start) / 1_000_000);
  }

  /** One to three changes after the magic line and the version: bytes set, bits flipped, ranges cut or repeated, ints made extreme. */
  private static byte[] mutate(byte[] original, Random random) {
    byte[] b = Arrays.copyOf(original, original.length - 4);
    int changes = 1 + random.nextInt(3);
    for (int k = 0; k < changes && b.length > 26; k++) {
      int at = 25 + random.nextInt(b.length - 25);
      switch (random.nextInt(5)) {
        case 0:
          b[at] = (byte) random.nextInt(256);
          break;
        case 1:
          b[at] ^= (byte) (1 << random.nextInt(8));
          break;
        case 2: {
          int length = Math.min(b.length - at, 1 + random.nextInt(16));
          byte[] shorter = new byte[b.length - length];
          System.arraycopy(b, 0, shorter, 0, at);
          System.arraycopy(b, at + length, shorter, at, b.length - at - length);
          b = shorter;
          break;
        }
        case 3: {
          int length = Math.min(b.length - at, 1 + random.nextInt(16));
          byte[] longer = new byte[b.length + length];
          System.arraycopy(b, 0, longer, 0, at + length);
          System.arraycopy(b, at, longer, at + length, b.length - at);
          b = longer;
          break;
        }
        default: {
          int[] extremes = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FF00000, 1 << 20};
          int value = extremes[random.nextInt(extremes.length)];
          for (int i = 0; i < 4 && at + i < b.length; i++) {
            b[at + i] = (byte) (value >>> (24 - 8 * i));
          }
        }
      }
    }
    return b;
  }

  private static byte[] withChecksum(byte[] content) {
    CRC32 crc = new CRC32();
    crc.update(content, 0, content.length);
    byte[] file = Arrays.copyOf(content, content.length + 4);
    int value = (int) crc.getValue();
    for (int i = 0; i < 4; i++) {
      file[content.length + i] = (byte) (value >>> (24 - 8 * i));
    }
    return file;
  }
}
