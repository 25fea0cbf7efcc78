package dev.hardwired.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RegressionMetricsTest {
  // Targets 1, 2, 4 (mean 7/3, Σ (t − mean)² = 14/3) predicted as 1.5, 2, 3: errors 0.5, 0, −1.
  private static final DataSet ONE = DataSet.of(new double[][] {{0}, {1}, {2}}, new double[][] {{1}, {2}, {4}});
  private static final double[][] ONE_OUTPUTS = {{1.5}, {2}, {3}};

  // The same first output, and a second whose targets are all 5.
  private static final DataSet TWO =
      DataSet.of(new double[][] {{0}, {1}, {2}}, new double[][] {{1, 5}, {2, 5}, {4, 5}});

  @Test
  void rootMeanSquaredError() {
    ClassificationReportTest.Fixed predictor = new ClassificationReportTest.Fixed(ONE_OUTPUTS);
    assertEquals(Math.sqrt(1.25 / 3), Metrics.rootMeanSquaredError(predictor, ONE), 1e-15);
    assertEquals(1, predictor.buffers.size(), "one output buffer for all samples");
    // Over all outputs: the second adds three zero errors.
    assertEquals(
        Math.sqrt(1.25 / 6), Metrics.rootMeanSquaredError(fixed(new double[][] {{1.5, 5}, {2, 5}, {3, 5}}), TWO), 1e-15);
  }

  @Test
  void meanAbsoluteError() {
    assertEquals(0.5, Metrics.meanAbsoluteError(fixed(ONE_OUTPUTS), ONE), 1e-15);
    assertEquals(1.5 / 6 + 3.0 / 6, Metrics.meanAbsoluteError(fixed(new double[][] {{1.5, 6}, {2, 4}, {3, 6}}), TWO), 1e-15);
  }

  @Test
  void rSquared() {
    assertEquals(1 - 1.25 / (14.0 / 3), Metrics.rSquared(fixed(ONE_OUTPUTS), ONE), 1e-15);
    assertEquals(1.0, Metrics.rSquared(fixed(new double[][] {{1}, {2}, {4}}), ONE), "a perfect fit");
    double mean = 7.0 / 3;
    assertEquals(0.0, Metrics.rSquared(fixed(new double[][] {{mean}, {mean}, {mean}}), ONE), 1e-15, "the mean");
    assertEquals(1 - 6 / (14.0 / 3), Metrics.rSquared(fixed(new double[][] {{2}, {4}, {3}}), ONE), 1e-15, "worse than the mean");
  }

  @Test
  void rSquaredAveragesOutputsAndDefinesConstantTargets() {
    double first = 1 - 1.25 / (14.0 / 3);
    // Constant targets predicted exactly count as 1, otherwise as 0.
    assertEquals((first + 1) / 2, Metrics.rSquared(fixed(new double[][] {{1.5, 5}, {2, 5}, {3, 5}}), TWO), 1e-15);
    assertEquals(first / 2, Metrics.rSquared(fixed(new double[][] {{1.5, 5}, {2, 5.001}, {3, 5}}), TWO), 1e-15);
    // 0.1 three times: its mean rounds off 0.1, yet the targets are constant.
    DataSet tenths = DataSet.of(new double[][] {{0}, {1}, {2}}, new double[][] {{0.1}, {0.1}, {0.1}});
    assertEquals(1.0, Metrics.rSquared(fixed(new double[][] {{0.1}, {0.1}, {0.1}}), tenths));
  }

  @Test
  void rejectsDataOfAnotherShape() {
    assertEquals(
        "the network maps 1 inputs to 1 outputs, but the data set has 1 inputs and 2 targets",
        assertThrows(IllegalArgumentException.class, () -> Metrics.rSquared(fixed(ONE_OUTPUTS), TWO)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Metrics.rootMeanSquaredError(fixed(ONE_OUTPUTS), TWO));
    assertThrows(IllegalArgumentException.class, () -> Metrics.meanAbsoluteError(fixed(ONE_OUTPUTS), TWO));
  }

  private static ClassificationReportTest.Fixed fixed(double[][] outputs) {
    return new ClassificationReportTest.Fixed(outputs);
  }
}
