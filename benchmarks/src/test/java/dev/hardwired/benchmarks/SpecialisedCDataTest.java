package dev.hardwired.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardwired.TrainableNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data file that the specialised C program checks itself against holds exactly what the benchmark runs. */
class SpecialisedCDataTest {
  @Test
  void theDataFileHoldsTheBenchmarksNetworkSamplesAndResultsExactly(@TempDir Path folder) throws IOException {
    SpecialisedCData.main(new String[] {folder.toString()});
    TrainableNetwork network = Size4x8x3Network.seeded(NetworkBenchmark.SEED);
    Samples samples = Samples.irisShaped(7);
    double[][] lines =
        Files.readAllLines(folder.resolve("4x8x3.txt"), StandardCharsets.US_ASCII).stream()
            .map(line -> Arrays.stream(line.split(" ")).mapToDouble(Double::parseDouble).toArray())
            .toArray(double[][]::new);
    assertArrayEquals(new double[] {4, 8, 3}, lines[0]);
    assertArrayEquals(new double[] {samples.count()}, lines[1]);
    assertArrayEquals(network.parameters(), lines[2]);
    int line = 3;
    for (int s = 0; s < samples.count(); s++) {
      assertArrayEquals(samples.inputs[s], lines[line++]);
      assertArrayEquals(samples.targets[s], lines[line++]);
    }
    double[] losses = lines[line++];
    for (int s = 0; s < samples.count(); s++) {
      assertEquals(network.train(samples.inputs[s], samples.targets[s], NetworkBenchmark.LEARNING_RATE), losses[s]);
    }
    TrainableNetwork initial = Size4x8x3Network.seeded(NetworkBenchmark.SEED);
    for (int s = 0; s < samples.count(); s++) {
      assertArrayEquals(initial.predict(samples.inputs[s]), lines[line++]);
    }
    assertEquals(lines.length, line);
    for (String size : new String[] {"2x4x1", "64x32x10", "784x128x10"}) {
      assertEquals(true, Files.size(folder.resolve(size + ".txt")) > 0, size);
    }
  }
}
