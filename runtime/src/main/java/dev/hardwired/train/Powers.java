package dev.hardwired.train;

/**
 * The integer powers β^t of one number β in [0, 1], the same bits on every JVM: Adam's bias corrections.
 * {@link Math#pow} may give other last bits on another JVM (its intrinsic differs with the JDK and the
 * CPU), and {@link StrictMath#pow}, which does not, allocates arrays on each call until the JIT has
 * compiled it, so that a trainer's first thousands of steps would allocate. These powers use only {@code
 * +}, {@code −} and {@code ×}, which Java rounds the same way everywhere: β^t is the product of the
 * squares β^(2^k) that the bits of t select, in double-double arithmetic (a pair hi + lo carrying about
 * 106 bits), rounded once at the end, so that it is the correctly rounded β^t wherever β^t is above
 * about 2^−960 (but for a tie closer than about 2^−90 to the exact value; below, 1 − β^t is 1 anyway). The squares are computed once, when
 * the powers are made; each power then costs one double-double product per set bit of t.
 */
final class Powers {
  /** 2^27 + 1: Dekker's split of a double into two halves of 26 bits. */
  private static final double SPLIT = 134217729.0;

  private final double[] squareHi = new double[63];
  private final double[] squareLo = new double[63];

  /** The powers of {@code base}, which must be in [0, 1], so that no square overflows. */
  Powers(double base) {
    if (!(base >= 0.0 && base <= 1.0)) {
      throw new IllegalArgumentException("base is " + base + "; expected a number in [0, 1]");
    }
    double hi = base;
    double lo = 0.0;
    for (int k = 0; k < squareHi.length; k++) {
      squareHi[k] = hi;
      squareLo[k] = lo;
      // (hi + lo)² = hi² + 2 hi lo, the lo² term below the precision kept
      double square = hi * hi;
      double error = productError(hi, hi, square) + 2.0 * hi * lo;
      hi = square + error;
      lo = error - (hi - square);
    }
  }

  /** base^{@code exponent}; {@code exponent} at least 0, and 0 gives 1. */
  double power(long exponent) {
    if (exponent < 0) {
      throw new IllegalArgumentException("exponent is " + exponent + "; expected at least 0");
    }
    double hi = 1.0;
    double lo = 0.0;
    for (long n = exponent; n != 0; n &= n - 1) {
      int k = Long.numberOfTrailingZeros(n);
      double product = hi * squareHi[k];
      double error = productError(hi, squareHi[k], product) + (hi * squareLo[k] + lo * squareHi[k]);
      hi = product + error;
      lo = error - (hi - product);
    }
    return hi + lo;
  }

  /** a × b − p exactly, for p the rounded product a × b (Dekker's two-product). */
  private static double productError(double a, double b, double p) {
    double ca = SPLIT * a;
    double aHi = ca - (ca - a);
    double aLo = a - aHi;
    double cb = SPLIT * b;
    double bHi = cb - (cb - b);
    double bLo = b - bHi;
    return ((aHi * bHi - p) + aHi * bLo + aLo * bHi) + aLo * bLo;
  }
}
