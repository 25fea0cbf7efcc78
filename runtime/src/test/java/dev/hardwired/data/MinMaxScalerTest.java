package dev.hardwired.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MinMaxScalerTest {
  // Column 0 from 0 to 10, column 1 constant 5, column 2 from -2 to 2.
  private static final DataSet TRAINING =
      DataSet.classification(
          new double[][] {{0, 5, -2}, {10, 5, 2}, {5, 5, 0}, {2.5, 5, 1}},
          new int[] {0, 1, 0, 1},
          Arrays.asList("x", "y"));

  @Test
  void fitsTheTrainingMinimumsAndMaximums() {
    MinMaxScaler s = MinMaxScaler.fit(TRAINING);
    assertEquals(3, s.inputCount());
    assertArrayEquals(new double[] {0, 5, -2}, s.minimums());
    assertArrayEquals(new double[] {10, 5, 2}, s.maximums());
    assertEquals(0.0, s.low());
    assertEquals(1.0, s.high());
  }

  @Test
  void scalesTheTrainingDataToZeroOne() {
    DataSet scaled = MinMaxScaler.fit(TRAINING).apply(TRAINING);
    assertArrayEquals(
        new double[][] {{0, 0, 0}, {1, 0, 1}, {0.5, 0, 0.5}, {0.25, 0, 0.75}}, scaled.inputs());
    assertEquals(TRAINING.classNames(), scaled.classNames());
    assertSame(TRAINING.target(1), scaled.target(1));
    assertArrayEquals(new double[] {0, 5, -2}, TRAINING.input(0), "the original is left alone");
  }

  @Test
  void testDataOutsideTheTrainingRangeMapsOutsideZeroOne() {
    MinMaxScaler s = MinMaxScaler.fit(TRAINING);
    DataSet test = DataSet.of(new double[][] {{20, 5, -4}, {-5, 7, 2}}, new double[][] {{1}, {0}});
    // Not clipped; the constant column's training value maps to 0 and 7 to 0 + (7 − 5) × 1.
    assertArrayEquals(new double[][] {{2, 0, -0.5}, {-0.5, 2, 1}}, s.apply(test).inputs());
  }

  @Test
  void scalesToAGivenRange() {
    MinMaxScaler s = MinMaxScaler.fit(TRAINING, -1, 1);
    assertArrayEquals(new double[] {-1, -1, -1}, s.apply(new double[] {0, 5, -2}));
    assertArrayEquals(new double[] {1, -1, 1}, s.apply(new double[] {10, 5, 2}));
    assertArrayEquals(new double[] {0, 1, 0}, s.apply(new double[] {5, 6, 0}), "constant column: −1 + (6 − 5) × 2");
    assertEquals(
        "the range is [1.0, 1.0]; expected finite low < high",
        assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(TRAINING, 1, 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(TRAINING, 0, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(TRAINING, Double.NaN, 1));
  }

  @Test
  void aConstantColumnNeverGivesNaN() {
    DataSet constant = DataSet.of(new double[][] {{3}, {3}}, new double[][] {{1}, {0}});
    MinMaxScaler s = MinMaxScaler.fit(constant);
    assertArrayEquals(new double[][] {{0}, {0}}, s.apply(constant).inputs());
    assertArrayEquals(new double[] {-0.5}, s.apply(new double[] {2.5}));
  }

  @Test
  void allocationFreeApplyMatchesAllocatingApply() {
    MinMaxScaler s = MinMaxScaler.fit(TRAINING, -3, 7);
    double[] output = new double[3];
    for (double[] input : new double[][] {{1.25, 5.5, -0.3}, {11, 4, 3}, {0, 5, -2}}) {
      double[] expected = s.apply(input);
      s.apply(input, output);
      assertArrayEquals(expected, output);
      double[] inPlace = input.clone();
      s.apply(inPlace, inPlace);
      assertArrayEquals(expected, inPlace);
    }
    assertArrayEquals(new double[] {-3 + 0.125 * 10, -3 + 0.5 * 10, -3 + 0.425 * 10}, s.apply(new double[] {1.25, 5.5, -0.3}), 1e-15);
  }

  @Test
  void ofTakesSavedStatistics() {
    MinMaxScaler s = MinMaxScaler.of(new double[] {1, 2}, new double[] {3, 2}, 0, 1);
    assertArrayEquals(new double[] {0.5, 1}, s.apply(new double[] {2, 3}));
    assertEquals("MinMaxScaler[to [0.0, 1.0], minimums [1.0, 2.0], maximums [3.0, 2.0]]", s.toString());
    assertEquals(
        "column 1 has minimum 2.0 above its maximum 1.0",
        assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.of(new double[] {1, 2}, new double[] {3, 1}, 0, 1))
            .getMessage());
    assertEquals(
        "column 0 has minimum NaN and maximum 1.0; expected finite numbers",
        assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.of(new double[] {Double.NaN}, new double[] {1}, 0, 1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.of(new double[] {1}, new double[] {1, 2}, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.of(new double[0], new double[0], 0, 1));
    assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.of(new double[] {1}, new double[] {2}, 1, 0));
  }

  @Test
  void rejectsOtherWidthsAndOverflow() {
    MinMaxScaler s = MinMaxScaler.fit(TRAINING);
    assertEquals(
        "the data set has 1 inputs; this scaler expects 3",
        assertThrows(IllegalArgumentException.class, () -> s.apply(DataSet.of(new double[][] {{1}}, new double[][] {{1}})))
            .getMessage());
    assertEquals(
        "input has 2 inputs; this scaler expects 3",
        assertThrows(IllegalArgumentException.class, () -> s.apply(new double[2])).getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.apply(new double[3], new double[4]));
    MinMaxScaler tiny = MinMaxScaler.of(new double[] {0}, new double[] {Double.MIN_VALUE}, 0, 1);
    assertEquals(
        "scaled input 0 column 0 is Infinity; expected a finite number",
        assertThrows(IllegalArgumentException.class, () -> tiny.apply(DataSet.of(new double[][] {{1e10}}, new double[][] {{1}})))
            .getMessage());
  }
}
