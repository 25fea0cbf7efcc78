package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.data.DataSet;
import dev.hardwired.data.Metrics;
import dev.hardwired.train.TrainingHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

class SineExampleTest {

  @Test
  void theTestRmseFromTheFixedSeedsIsBelowItsFloorAndNearTheNoise() {
    SineExample.Trained trained = SineExample.train(false);
    double rmse = trained.testRmse();
    assertTrue(rmse < SineExample.RMSE_FLOOR, "test RMSE " + rmse);
    // No model beats the noise by much on 500 fresh samples: the curve is learnt, not the noise.
    assertTrue(rmse > 0.9 * SineExample.NOISE, "test RMSE " + rmse);
    assertTrue(Metrics.rSquared(trained.network, trained.test()) > 0.97);
    assertEquals(SineExample.EPOCHS, trained.history.size());
    assertEquals("1-16-1", trained.result().topology());
  }

  @Test
  void theInputsAreScaledFromTheTrainingSetAlone() {
    DataSet[] data = SineExample.data();
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (double[] x : data[0].inputs()) {
      low = Math.min(low, x[0]);
      high = Math.max(high, x[0]);
    }
    assertEquals(-1.0, low, 1e-12);
    assertEquals(1.0, high, 1e-12);
    assertEquals(SineExample.TRAINING, data[0].size());
    assertEquals(SineExample.VALIDATION, data[1].size());
    assertEquals(SineExample.TEST, data[2].size());
  }

  @Test
  void theThreeWaysOfGradientDescentTakeTheirNumbersOfSteps() {
    List<BatchComparison.Run> runs = BatchComparison.runAll();
    assertEquals(BatchComparison.NAMES.size(), runs.size());
    long[] steps = {300, 300 * 400, 300 * 25};
    for (int w = 0; w < runs.size(); w++) {
      TrainingHistory history = runs.get(w).history;
      assertEquals(BatchComparison.EPOCHS, history.size());
      assertEquals(steps[w], history.last().steps(), runs.get(w).name);
    }
    // At the same rate and epochs, one step per epoch learns least; SGD and mini-batches learn the curve.
    double gd = runs.get(0).result.testRmse();
    assertTrue(gd > 2 * runs.get(1).result.testRmse() && gd > 2 * runs.get(2).result.testRmse(), "GD's RMSE " + gd);
    assertTrue(runs.get(1).result.testRmse() < 0.15 && runs.get(2).result.testRmse() < 0.15);
  }
}
