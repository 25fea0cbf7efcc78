package dev.hardwired.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Adam's powers β^t are the correctly rounded ones, whatever the JVM, down to 2^−960 (below, 1 − β^t is
 * 1): checked against products of the exact binary value of β carried to 60 digits.
 */
class PowersTest {
  private static final MathContext DIGITS = new MathContext(60);

  @Test
  void everyPowerIsCorrectlyRounded() {
    Random random = new Random(17);
    double[] bases = {0.9, 0.99, 0.999, 0.9999, 0.5, 0.0, 1.0, random.nextDouble(), random.nextDouble()};
    for (double base : bases) {
      Powers powers = new Powers(base);
      BigDecimal exact = BigDecimal.ONE;
      for (int t = 0; t <= 3000; t++) {
        if (exact.doubleValue() > 0x1p-960 || base == 0.0) {
          assertEquals(exact.doubleValue(), powers.power(t), base + "^" + t);
        }
        exact = exact.multiply(new BigDecimal(base), DIGITS);
      }
    }
  }

  @Test
  void largeExponentsToo() {
    Random random = new Random(19);
    for (double base : new double[] {0.999, 0.9999, 0.99999}) {
      Powers powers = new Powers(base);
      for (int n = 0; n < 200; n++) {
        int t = 3000 + random.nextInt(200_000);
        double expected = new BigDecimal(base).pow(t, DIGITS).doubleValue();
        if (expected > 0x1p-960) {
          assertEquals(expected, powers.power(t), base + "^" + t);
        }
      }
    }
  }

  @Test
  void refusesWhatItCannotCompute() {
    assertThrows(IllegalArgumentException.class, () -> new Powers(1.5));
    assertThrows(IllegalArgumentException.class, () -> new Powers(-0.1));
    assertThrows(IllegalArgumentException.class, () -> new Powers(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new Powers(0.9).power(-1));
  }
}
