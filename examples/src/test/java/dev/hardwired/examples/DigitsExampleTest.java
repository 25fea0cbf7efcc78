package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.data.DataSet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DigitsExampleTest {

  @Test
  void loadsTheWholeDataSetFromTheClassPath() {
    DataSet digits = DigitsExample.load();
    assertEquals(1797, digits.size());
    assertEquals(64, digits.inputCount());
    assertEquals(DigitsExample.CLASS_NAMES, digits.classNames());
    assertEquals(1797, Arrays.stream(digits.classCounts()).sum());
    for (int count : digits.classCounts()) {
      assertTrue(count >= 174 && count <= 183, Arrays.toString(digits.classCounts()));
    }
    double max = Arrays.stream(digits.inputs()).flatMapToDouble(Arrays::stream).max().getAsDouble();
    double min = Arrays.stream(digits.inputs()).flatMapToDouble(Arrays::stream).min().getAsDouble();
    assertEquals(0.0, min);
    assertEquals(DigitsExample.MAX_PIXEL, max);
  }

  @Test
  void theNetworkIs64By32By10With2410Parameters() {
    DigitsNetwork network = DigitsNetwork.seeded(DigitsExample.SEED);
    assertEquals("64-32-10", network.topology().shape());
    // 64 × 32 weights and 32 biases into the hidden layer, 32 × 10 and 10 into the outputs.
    assertEquals(64 * 32 + 32 + 32 * 10 + 10, DigitsNetwork.PARAMETERS);
    assertEquals(2410, network.parameterCount());
  }

  @Test
  void scaledPixelsLieInTheUnitInterval() {
    DataSet scaled = DigitsExample.scaling().apply(DigitsExample.load());
    for (double[] x : scaled.inputs()) {
      for (double v : x) {
        assertTrue(v >= 0 && v <= 1, "" + v);
      }
    }
  }

  @Test
  void testAccuracyFromTheFixedSeedsIsAtLeast97Percent() {
    DigitsExample.Trained trained = DigitsExample.train(DigitsExample.EPOCHS);
    assertEquals(1438, trained.training.size());
    assertEquals(359, trained.test.size());

    ExampleResult result = trained.result();
    assertTrue(result.accuracy() >= 0.97, result.toString());
    assertTrue(result.finalLoss() < 0.01, result.toString());
    assertEquals(DigitsExample.EPOCHS, result.epochs());
    assertEquals("64-32-10", result.topology());
  }

  /** A few other splits and seeds, so that the floor does not hang on one lucky draw. */
  @Test
  void otherSplitsAndSeedsReachTheFloorToo() {
    long[][] splitAndSeed = {{0, 42}, {1, 42}, {2, 7}, {3, 0}};
    for (long[] s : splitAndSeed) {
      ExampleResult result = DigitsExample.train(s[0], s[1], DigitsExample.EPOCHS).result();
      assertTrue(result.accuracy() >= 0.95, "split " + s[0] + ", seed " + s[1] + ": " + result);
    }
  }

  @Test
  void theLossDecreasesAsItTrains() {
    int[] epochs = {0, 1, 5, DigitsExample.EPOCHS};
    double before = Double.POSITIVE_INFINITY;
    for (int e : epochs) {
      double loss = DigitsExample.train(e).loss();
      assertTrue(loss < before, "after " + e + " epochs " + loss + ", before " + before);
      before = loss;
    }
    // Untrained, the outputs are near 1/10 each, a loss near ln 10 ≈ 2.3.
    assertTrue(before < 0.01, "final loss " + before);
  }

  @Test
  void trainingIsDeterministic() {
    ExampleResult a = DigitsExample.run();
    ExampleResult b = DigitsExample.run();
    assertEquals(a.accuracy(), b.accuracy());
    assertEquals(a.finalLoss(), b.finalLoss());
  }
}
