package dev.hardwired.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OneHotTest {

  @Test
  void encodesLabels() {
    assertArrayEquals(new double[] {0, 1, 0}, OneHot.encode(1, 3));
    assertArrayEquals(new double[] {1}, OneHot.encode(0, 1));
    assertArrayEquals(new double[][] {{1, 0}, {0, 1}, {0, 1}}, OneHot.encode(new int[] {0, 1, 1}, 2));
    assertArrayEquals(new double[] {0, 0, 1}, OneHot.encode("virginica", Arrays.asList("setosa", "versicolor", "virginica")));
  }

  @Test
  void encodesIntoAnArrayOverwritingIt() {
    double[] out = {5, 5, 5, 5};
    OneHot.encode(3, out);
    assertArrayEquals(new double[] {0, 0, 0, 1}, out);
  }

  @Test
  void rejectsLabelsOutsideTheClasses() {
    assertEquals(
        "label is 3; expected a class index 0..2",
        assertThrows(IllegalArgumentException.class, () -> OneHot.encode(3, 3)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> OneHot.encode(-1, 3));
    assertEquals(
        "classCount is 0; expected at least 1",
        assertThrows(IllegalArgumentException.class, () -> OneHot.encode(0, 0)).getMessage());
    assertEquals(
        "'rose' is not one of the classes [setosa, virginica]",
        assertThrows(IllegalArgumentException.class, () -> OneHot.encode("rose", Arrays.asList("setosa", "virginica")))
            .getMessage());
  }

  @Test
  void argmaxPicksTheFirstLargest() {
    assertEquals(2, OneHot.argmax(new double[] {0.1, 0.3, 0.6}));
    assertEquals(0, OneHot.argmax(new double[] {-1}));
    assertEquals(1, OneHot.argmax(new double[] {0, 5, 5, 1}), "ties go to the lowest index");
    assertEquals(1, OneHot.argmax(new double[] {Double.NaN, -3, Double.NaN}), "NaN loses");
    assertEquals(2, OneHot.argmax(new double[] {1, Double.NaN, 2}));
    assertEquals(0, OneHot.argmax(new double[] {Double.NaN, Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> OneHot.argmax(new double[0]));
  }

  @Test
  void decodeOfFloatsIsTheSame() {
    assertEquals(1, OneHot.decode(new float[] {0.2f, 0.7f, 0.1f}));
    assertEquals(0, OneHot.decode(new float[] {0.49f}));
    assertEquals(1, OneHot.decode(new float[] {0.5f}));
    assertEquals(2, OneHot.decode(new float[] {Float.NaN, 0.1f, 0.3f}));
    assertEquals(0, OneHot.decode(new float[] {0.4f, 0.4f}), "ties go to the lowest index");
  }

  @Test
  void decodeIsArgmaxOrAThresholdForOneValue() {
    assertEquals(1, OneHot.decode(new double[] {0.2, 0.7, 0.1}));
    assertEquals(0, OneHot.decode(new double[] {0.49}));
    assertEquals(1, OneHot.decode(new double[] {0.5}));
    assertEquals(1, OneHot.decode(new double[] {0.93}));
  }
}
