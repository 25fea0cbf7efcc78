import java.util.Arrays;
import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward sums of 784 → 128 for 256 samples, three ways: the generated batched kernel (two samples, four
 * weight rows a pass, plain Java), and two register-blocked kernels written with the incubating Vector API,
 * which keep 4 samples × 4 vectors of sums in registers across all 784 rows: with a multiply then an add,
 * which has the generated kernel's bits, and with a fused multiply-add, which has not. Not part of the build.
 *
 * <p>The Vector API is fragile here: one method holding both kernels behind a flag ran boxed on JDK 25, at
 * 115 µs a sample, 30 times slower than these.
 *
 * <pre>java --add-modules jdk.incubator.vector benchmarks/experiments/VectorKernels.java</pre>
 */
public class VectorKernels {
  static final int INPUTS = 784;
  static final int HIDDEN = 128;
  static final int SAMPLES = 256;
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  static final double[][] weights = new double[INPUTS][HIDDEN];

  /** As the generated forwardPairH sums: row by row, each sum in input order. */
  static void pair(double[] x0, double[] x1, double[] h0, double[] h1) {
    for (int j = 0; j < HIDDEN; j++) {
      h0[j] = 0.0;
      h1[j] = 0.0;
    }
    for (int i = 0; i < INPUTS; i += 4) {
      double[] w0 = weights[i], w1 = weights[i + 1], w2 = weights[i + 2], w3 = weights[i + 3];
      double a00 = x0[i], a01 = x0[i + 1], a02 = x0[i + 2], a03 = x0[i + 3];
      double a10 = x1[i], a11 = x1[i + 1], a12 = x1[i + 2], a13 = x1[i + 3];
      for (int j = 0; j < HIDDEN; j++) {
        double v0 = w0[j], v1 = w1[j], v2 = w2[j], v3 = w3[j];
        double s0 = h0[j], s1 = h1[j];
        h0[j] = s0 + v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03;
        h1[j] = s1 + v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13;
      }
    }
  }

  /**
   * 4 samples × 4 vectors of sums held in registers over every row, a multiply then an add: the generated
   * kernel's bits.
   */
  static void separate(double[][] x, int k, double[][] h) {
    int l = S.length();
    double[] x0 = x[k], x1 = x[k + 1], x2 = x[k + 2], x3 = x[k + 3];
    for (int j = 0; j < HIDDEN; j += 4 * l) {
      DoubleVector z = DoubleVector.zero(S);
      DoubleVector c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
      DoubleVector c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
      for (int i = 0; i < INPUTS; i++) {
        double[] w = weights[i];
        DoubleVector v0 = DoubleVector.fromArray(S, w, j);
        DoubleVector v1 = DoubleVector.fromArray(S, w, j + l);
        DoubleVector v2 = DoubleVector.fromArray(S, w, j + 2 * l);
        DoubleVector v3 = DoubleVector.fromArray(S, w, j + 3 * l);
        DoubleVector a0 = DoubleVector.broadcast(S, x0[i]);
        DoubleVector a1 = DoubleVector.broadcast(S, x1[i]);
        DoubleVector a2 = DoubleVector.broadcast(S, x2[i]);
        DoubleVector a3 = DoubleVector.broadcast(S, x3[i]);
        c00 = c00.add(v0.mul(a0)); c01 = c01.add(v1.mul(a0)); c02 = c02.add(v2.mul(a0)); c03 = c03.add(v3.mul(a0));
        c10 = c10.add(v0.mul(a1)); c11 = c11.add(v1.mul(a1)); c12 = c12.add(v2.mul(a1)); c13 = c13.add(v3.mul(a1));
        c20 = c20.add(v0.mul(a2)); c21 = c21.add(v1.mul(a2)); c22 = c22.add(v2.mul(a2)); c23 = c23.add(v3.mul(a2));
        c30 = c30.add(v0.mul(a3)); c31 = c31.add(v1.mul(a3)); c32 = c32.add(v2.mul(a3)); c33 = c33.add(v3.mul(a3));
      }
      c00.intoArray(h[k], j); c01.intoArray(h[k], j + l); c02.intoArray(h[k], j + 2 * l); c03.intoArray(h[k], j + 3 * l);
      c10.intoArray(h[k + 1], j); c11.intoArray(h[k + 1], j + l); c12.intoArray(h[k + 1], j + 2 * l); c13.intoArray(h[k + 1], j + 3 * l);
      c20.intoArray(h[k + 2], j); c21.intoArray(h[k + 2], j + l); c22.intoArray(h[k + 2], j + 2 * l); c23.intoArray(h[k + 2], j + 3 * l);
      c30.intoArray(h[k + 3], j); c31.intoArray(h[k + 3], j + l); c32.intoArray(h[k + 3], j + 2 * l); c33.intoArray(h[k + 3], j + 3 * l);
    }
  }

  /** 4 samples × 4 vectors of sums held in registers over every row, fused multiply-adds: other bits. */
  static void fused(double[][] x, int k, double[][] h) {
    int l = S.length();
    double[] x0 = x[k], x1 = x[k + 1], x2 = x[k + 2], x3 = x[k + 3];
    for (int j = 0; j < HIDDEN; j += 4 * l) {
      DoubleVector z = DoubleVector.zero(S);
      DoubleVector c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
      DoubleVector c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
      for (int i = 0; i < INPUTS; i++) {
        double[] w = weights[i];
        DoubleVector v0 = DoubleVector.fromArray(S, w, j);
        DoubleVector v1 = DoubleVector.fromArray(S, w, j + l);
        DoubleVector v2 = DoubleVector.fromArray(S, w, j + 2 * l);
        DoubleVector v3 = DoubleVector.fromArray(S, w, j + 3 * l);
        DoubleVector a0 = DoubleVector.broadcast(S, x0[i]);
        DoubleVector a1 = DoubleVector.broadcast(S, x1[i]);
        DoubleVector a2 = DoubleVector.broadcast(S, x2[i]);
        DoubleVector a3 = DoubleVector.broadcast(S, x3[i]);
        c00 = v0.fma(a0, c00); c01 = v1.fma(a0, c01); c02 = v2.fma(a0, c02); c03 = v3.fma(a0, c03);
        c10 = v0.fma(a1, c10); c11 = v1.fma(a1, c11); c12 = v2.fma(a1, c12); c13 = v3.fma(a1, c13);
        c20 = v0.fma(a2, c20); c21 = v1.fma(a2, c21); c22 = v2.fma(a2, c22); c23 = v3.fma(a2, c23);
        c30 = v0.fma(a3, c30); c31 = v1.fma(a3, c31); c32 = v2.fma(a3, c32); c33 = v3.fma(a3, c33);
      }
      c00.intoArray(h[k], j); c01.intoArray(h[k], j + l); c02.intoArray(h[k], j + 2 * l); c03.intoArray(h[k], j + 3 * l);
      c10.intoArray(h[k + 1], j); c11.intoArray(h[k + 1], j + l); c12.intoArray(h[k + 1], j + 2 * l); c13.intoArray(h[k + 1], j + 3 * l);
      c20.intoArray(h[k + 2], j); c21.intoArray(h[k + 2], j + l); c22.intoArray(h[k + 2], j + 2 * l); c23.intoArray(h[k + 2], j + 3 * l);
      c30.intoArray(h[k + 3], j); c31.intoArray(h[k + 3], j + l); c32.intoArray(h[k + 3], j + 2 * l); c33.intoArray(h[k + 3], j + 3 * l);
    }
  }

  public static void main(String[] args) {
    Random random = new Random(1);
    for (double[] row : weights) {
      for (int j = 0; j < HIDDEN; j++) {
        row[j] = random.nextGaussian() * 0.05;
      }
    }
    double[][] x = new double[SAMPLES][INPUTS];
    for (double[] row : x) {
      for (int i = 0; i < INPUTS; i++) {
        row[i] = random.nextDouble();
      }
    }
    double[][] generated = new double[SAMPLES][HIDDEN];
    double[][] separate = new double[SAMPLES][HIDDEN];
    double[][] fused = new double[SAMPLES][HIDDEN];
    System.out.println(System.getProperty("java.version") + ", " + S + "; ns per sample:");
    for (int round = 0; round < 10; round++) {
      long t0 = System.nanoTime();
      for (int rep = 0; rep < 20; rep++) {
        for (int k = 0; k < SAMPLES; k += 2) {
          pair(x[k], x[k + 1], generated[k], generated[k + 1]);
        }
      }
      long t1 = System.nanoTime();
      for (int rep = 0; rep < 20; rep++) {
        for (int k = 0; k < SAMPLES; k += 4) {
          separate(x, k, separate);
        }
      }
      long t2 = System.nanoTime();
      for (int rep = 0; rep < 20; rep++) {
        for (int k = 0; k < SAMPLES; k += 4) {
          fused(x, k, fused);
        }
      }
      long t3 = System.nanoTime();
      if (round >= 7) {
        System.out.printf(
            "generated pair %.0f, Vector API mul + add %.0f (same bits: %b), Vector API fma %.0f (same bits: %b)%n",
            (t1 - t0) / 20.0 / SAMPLES, (t2 - t1) / 20.0 / SAMPLES, Arrays.deepEquals(generated, separate),
            (t3 - t2) / 20.0 / SAMPLES, Arrays.deepEquals(generated, fused));
      }
    }
  }
}
