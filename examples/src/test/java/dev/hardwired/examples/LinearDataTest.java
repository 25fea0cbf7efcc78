package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.data.DataSet;
import org.junit.jupiter.api.Test;

class LinearDataTest {

  @Test
  void planeTargetsLieNearThePlane() {
    DataSet data = LinearData.plane(7, 100, 3, -2, 0.5, 0.05);
    assertEquals(100, data.size());
    for (int i = 0; i < data.size(); i++) {
      double[] x = data.input(i);
      assertInSquare(x);
      // Five standard deviations: a chance of about 1 in 3.5 million per sample.
      assertEquals(3 * x[0] - 2 * x[1] + 0.5, data.target(i)[0], 5 * 0.05);
    }
  }

  @Test
  void separablePointsKeepTheirDistanceFromTheLineAndAreLabelledByTheirSide() {
    DataSet data = LinearData.separable(7, 300, 0.6, -0.8, 0.2, 0.1);
    int[] counts = data.classCounts();
    assertTrue(counts[0] > 50 && counts[1] > 50, counts[0] + " and " + counts[1]);
    for (int i = 0; i < data.size(); i++) {
      double[] x = data.input(i);
      assertInSquare(x);
      // (0.6, −0.8) is a unit vector, so the value of the line is the distance from it.
      double side = 0.6 * x[0] - 0.8 * x[1] + 0.2;
      assertTrue(Math.abs(side) >= 0.1, "distance " + side);
      assertEquals(side > 0 ? 1.0 : 0.0, data.target(i)[0]);
    }
  }

  @Test
  void theSameSeedGivesTheSameData() {
    DataSet a = LinearData.separable(3, 50, 1, 1, 0, 0.05);
    DataSet b = LinearData.separable(3, 50, 1, 1, 0, 0.05);
    assertArrayEquals(a.inputs(), b.inputs());
    assertArrayEquals(a.targets(), b.targets());
  }

  @Test
  void printsALineAndItsSlopeAndIntercept() {
    assertEquals("0.60 x1 - 0.80 x2 + 0.20 = 0, that is x2 = 0.750 x1 + 0.250", LinearData.line(0.6, -0.8, 0.2));
    assertEquals("-1.00 x1 + 2.00 x2 - 1.00 = 0, that is x2 = 0.500 x1 + 0.500", LinearData.line(-1, 2, -1));
    assertEquals("1.00 x1 + 0.00 x2 - 0.50 = 0", LinearData.line(1, 0, -0.5));
  }

  private static void assertInSquare(double[] x) {
    assertEquals(2, x.length);
    for (double v : x) {
      assertTrue(v >= -1 && v <= 1, "coordinate " + v);
    }
  }
}
