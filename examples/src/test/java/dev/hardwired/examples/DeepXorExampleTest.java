package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeepXorExampleTest {

  @Test
  void twoHiddenLayersSolveXorFromTheirSeed() {
    DeepXorNetwork network = DeepXorNetwork.seeded(DeepXorExample.SEED);
    int epochs = XorExample.trainUntilSolved(network, DeepXorExample.SEED);
    assertTrue(epochs < XorExample.MAX_EPOCHS, epochs + " epochs");
    for (int i = 0; i < 4; i++) {
      double[] input = XorExample.XOR.input(i);
      double target = XorExample.XOR.target(i)[0];
      double output = network.predict(input)[0];
      assertEquals(target, output, XorExample.TOLERANCE, input[0] + " xor " + input[1] + " → " + output);
    }
  }

  @Test
  void resultReportsEveryOutputCorrect() {
    ExampleResult result = DeepXorExample.run();
    assertEquals("2-3-2-1", result.topology());
    assertEquals(1.0, result.accuracy(), result.toString());
    // Every output within 0.1 of its target: the mean of ½ (y − t)² is below ½ × 0.1².
    assertTrue(result.finalLoss() < 0.005, result.toString());
    assertEquals(result.epochs(), DeepXorExample.run().epochs(), "deterministic");
  }
}
