package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.TrainableNetwork;
import org.junit.jupiter.api.Test;

class XorExampleTest {

  @Test
  void twoHiddenNeuronsSolveXorFromTheirSeed() {
    XorNetwork network = XorNetwork.seeded(XorExample.SEED);
    XorExample.trainUntilSolved(network, XorExample.SEED);
    assertAllFourOutputsCorrect(network);
  }

  @Test
  void fourHiddenNeuronsSolveXorFromTheirSeed() {
    WideXorNetwork network = WideXorNetwork.seeded(XorExample.WIDE_SEED);
    XorExample.trainUntilSolved(network, XorExample.WIDE_SEED);
    assertAllFourOutputsCorrect(network);
  }

  @Test
  void resultsReportEveryOutputCorrect() {
    for (ExampleResult result : new ExampleResult[] {XorExample.run(), XorExample.runWide()}) {
      assertEquals(1.0, result.accuracy(), result.toString());
      assertTrue(result.epochs() > 0 && result.epochs() < XorExample.MAX_EPOCHS, result.toString());
      // Every output within 0.1 of its target: the mean of ½ (y − t)² is below ½ × 0.1².
      assertTrue(result.finalLoss() < 0.005, result.toString());
    }
    assertEquals("2-2-1", XorExample.run().topology());
    assertEquals("2-4-1", XorExample.runWide().topology());
  }

  @Test
  void trainingIsDeterministic() {
    assertEquals(XorExample.run().epochs(), XorExample.run().epochs());
    assertEquals(XorExample.run().finalLoss(), XorExample.run().finalLoss());
  }

  /** What the comment on {@link XorExample#SEED} says: two hidden neurons can get stuck. */
  @Test
  void twoHiddenNeuronsGetStuckFromSeed7() {
    IllegalStateException stuck =
        assertThrows(IllegalStateException.class, () -> XorExample.trainUntilSolved(XorNetwork.seeded(7), 7));
    assertTrue(stuck.getMessage().contains("local minimum"), stuck.getMessage());
  }

  private static void assertAllFourOutputsCorrect(TrainableNetwork network) {
    for (int i = 0; i < 4; i++) {
      double[] input = XorExample.XOR.input(i);
      double target = XorExample.XOR.target(i)[0];
      double output = network.predict(input)[0];
      String sample = input[0] + " xor " + input[1] + " → " + output;
      assertEquals(target == 1.0, output > 0.5, sample);
      assertEquals(target, output, XorExample.TOLERANCE, sample);
    }
  }
}
