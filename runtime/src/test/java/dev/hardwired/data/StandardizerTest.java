package dev.hardwired.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StandardizerTest {
  // Column 0: mean 2, population sd √(8/3); column 1 constant 0.1; column 2: mean 0, sd 10.
  private static final DataSet TRAINING =
      DataSet.classification(
          new double[][] {{0, 0.1, -10}, {2, 0.1, 10}, {4, 0.1, -10}, {2, 0.1, 10}},
          new int[] {0, 1, 0, 1},
          Arrays.asList("x", "y"));

  @Test
  void fitsMeanAndPopulationStandardDeviation() {
    Standardizer s = Standardizer.fit(TRAINING);
    assertEquals(3, s.inputCount());
    assertArrayEquals(new double[] {2, 0.1, 0}, s.means(), 1e-15);
    assertArrayEquals(new double[] {Math.sqrt(2), 1, 10}, s.scales(), 1e-15);
  }

  @Test
  void standardizedTrainingColumnsHaveMeanZeroAndUnitVariance() {
    DataSet scaled = Standardizer.fit(TRAINING).apply(TRAINING);
    for (int k = 0; k < 3; k++) {
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < scaled.size(); i++) {
        sum += scaled.input(i)[k];
        squares += scaled.input(i)[k] * scaled.input(i)[k];
      }
      assertEquals(0, sum / scaled.size(), 1e-15, "mean of column " + k);
      assertEquals(k == 1 ? 0 : 1, squares / scaled.size(), 1e-15, "variance of column " + k);
    }
    assertEquals(0.0, scaled.input(0)[1], "a constant column becomes exactly 0");
  }

  @Test
  void applyKeepsTargetsAndClassNamesAndLeavesTheOriginal() {
    DataSet scaled = Standardizer.fit(TRAINING).apply(TRAINING);
    assertEquals(TRAINING.size(), scaled.size());
    assertEquals(TRAINING.classNames(), scaled.classNames());
    assertSame(TRAINING.target(3), scaled.target(3));
    assertArrayEquals(new double[] {0, 0.1, -10}, TRAINING.input(0));
  }

  @Test
  void appliesTheTrainingStatisticsToOtherData() {
    Standardizer s = Standardizer.fit(TRAINING);
    DataSet test = DataSet.of(new double[][] {{5, 0.3, 20}}, new double[][] {{1}});
    assertArrayEquals(new double[] {3 / Math.sqrt(2), 0.2, 2}, s.apply(test).input(0), 1e-15);
    assertArrayEquals(new double[] {3 / Math.sqrt(2), 0.2, 2}, s.apply(new double[] {5, 0.3, 20}), 1e-15);
    double[] inPlace = {5, 0.3, 20};
    s.apply(inPlace, inPlace);
    assertArrayEquals(new double[] {3 / Math.sqrt(2), 0.2, 2}, inPlace, 1e-15);
  }

  @Test
  void ofTakesSavedStatistics() {
    Standardizer s = Standardizer.of(new double[] {1, 2}, new double[] {2, 4});
    assertArrayEquals(new double[] {0.5, -0.5}, s.apply(new double[] {2, 0}));
    assertEquals("Standardizer[means [1.0, 2.0], scales [2.0, 4.0]]", s.toString());
    assertThrows(IllegalArgumentException.class, () -> Standardizer.of(new double[] {1}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> Standardizer.of(new double[0], new double[0]));
    assertEquals(
        "scales[1] is 0.0; expected a positive finite number",
        assertThrows(IllegalArgumentException.class, () -> Standardizer.of(new double[] {1, 2}, new double[] {1, 0}))
            .getMessage());
    assertEquals(
        "means[0] is NaN; expected a finite number",
        assertThrows(IllegalArgumentException.class, () -> Standardizer.of(new double[] {Double.NaN}, new double[] {1}))
            .getMessage());
  }

  @Test
  void rejectsOtherWidths() {
    Standardizer s = Standardizer.fit(TRAINING);
    assertEquals(
        "the data set has 1 inputs; this standardizer expects 3",
        assertThrows(IllegalArgumentException.class, () -> s.apply(DataSet.of(new double[][] {{1}}, new double[][] {{1}})))
            .getMessage());
    assertEquals(
        "input has 2 inputs; this standardizer expects 3",
        assertThrows(IllegalArgumentException.class, () -> s.apply(new double[2])).getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.apply(new double[3], new double[4]));
  }

  @Test
  void rejectsValuesThatOverflowWhenScaled() {
    Standardizer s = Standardizer.of(new double[] {0}, new double[] {Double.MIN_VALUE});
    DataSet data = DataSet.of(new double[][] {{1e10}}, new double[][] {{1}});
    assertEquals(
        "standardized input 0 column 0 is Infinity; expected a finite number",
        assertThrows(IllegalArgumentException.class, () -> s.apply(data)).getMessage());
  }
}
