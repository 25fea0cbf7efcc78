package dev.hardwired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void checksGiveClearMessages() {
    assertEquals(
        "x has 2 values; expected 3",
        assertThrows(IllegalArgumentException.class, () -> Checks.requireLength(new double[2], 3, "x")).getMessage());
    assertEquals(
        "x[1] is NaN; expected a finite number",
        assertThrows(IllegalArgumentException.class, () -> Checks.requireFinite(new double[] {0, Double.NaN}, 2, "x"))
            .getMessage());
    Checks.requireFinite(new double[] {Double.MAX_VALUE, -Double.MIN_VALUE}, 2, "x");
    Checks.requireLearningRate(Double.MIN_VALUE);
    ArithmeticException e = Checks.diverged(Double.POSITIVE_INFINITY);
    assertTrue(e.getMessage().startsWith("training diverged: the loss is Infinity"));
  }
}
