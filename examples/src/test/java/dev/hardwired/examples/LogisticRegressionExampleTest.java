package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogisticRegressionExampleTest {

  /** The floor: at least 95% of the held-out points right. With the empty band along the line it gets all. */
  @Test
  void testAccuracyFromTheFixedSeedsIsAtLeast95Percent() {
    LogisticRegressionExample.Trained trained = LogisticRegressionExample.train(LogisticRegressionExample.EPOCHS);
    assertEquals(160, trained.training.size());
    assertEquals(40, trained.test.size());

    ExampleResult result = trained.result();
    assertTrue(result.accuracy() >= 0.95, result.toString());
    assertEquals(LogisticRegressionExample.EPOCHS, result.epochs());
    assertEquals("2-1", result.topology());
  }

  @Test
  void theLossDecreasesAsItTrains() {
    int[] epochs = {0, 1, 10, LogisticRegressionExample.EPOCHS};
    double before = Double.POSITIVE_INFINITY;
    for (int e : epochs) {
      double loss = LogisticRegressionExample.train(e).loss();
      assertTrue(loss < before, "after " + e + " epochs " + loss + ", before " + before);
      before = loss;
    }
    assertTrue(before < 0.05, "final loss " + before);
  }

  @Test
  void trainingIsDeterministic() {
    assertEquals(LogisticRegressionExample.run().finalLoss(), LogisticRegressionExample.run().finalLoss());
  }
}
