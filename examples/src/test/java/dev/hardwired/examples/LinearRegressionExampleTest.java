package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinearRegressionExampleTest {

  @Test
  void recoversTheCoefficientsOfThePlane() {
    double[] p = LinearRegressionExample.train(LinearRegressionExample.data()).parameters();
    // The parameters are w1, w2, then the bias.
    assertEquals(LinearRegressionExample.W1, p[0], 0.05, "w1");
    assertEquals(LinearRegressionExample.W2, p[1], 0.05, "w2");
    assertEquals(LinearRegressionExample.B, p[2], 0.05, "b");
  }

  @Test
  void finalLossIsAboutWhatTheNoiseAloneGives() {
    ExampleResult result = LinearRegressionExample.run();
    // The noise alone gives a mean ½ (y − t)² of about ½ × 0.05² = 0.00125; the untrained network ~1.
    assertTrue(result.finalLoss() < 0.002, result.toString());
    assertEquals(LinearRegressionExample.EPOCHS, result.epochs());
    assertEquals("2-1", result.topology());
    assertTrue(Double.isNaN(result.accuracy()), "a regression has no accuracy: " + result);
  }

  @Test
  void trainingIsDeterministic() {
    assertEquals(LinearRegressionExample.run().finalLoss(), LinearRegressionExample.run().finalLoss());
  }
}
