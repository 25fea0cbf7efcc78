import java.util.Random;

/**
 * Why the batched kernels loop over every node of a layer, 0 to a constant: the generated forward pass of
 * 784 → 128 for a pair of samples, with the node loops from 0 to HIDDEN, and the same kernel over a range
 * of nodes given as arguments, as a batch split between threads by nodes would need. The ranged kernel is
 * first run on halves of the layer (a thread's share), then timed on the whole layer and on a half. Not part
 * of the build.
 *
 * <pre>java benchmarks/experiments/RangedLoops.java</pre>
 */
public class RangedLoops {
  static final int INPUTS = 784;
  static final int HIDDEN = 128;
  static final double[][] weights = new double[INPUTS][HIDDEN];
  static final double[][] x = new double[256][INPUTS];
  static final double[][] h = new double[256][HIDDEN];

  static void constant(double[] x0, double[] x1, double[] h0, double[] h1) {
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

  static void ranged(double[] x0, double[] x1, double[] h0, double[] h1, int nodeFrom, int nodeTo) {
    for (int j = nodeFrom; j < nodeTo; j++) {
      h0[j] = 0.0;
      h1[j] = 0.0;
    }
    for (int i = 0; i < INPUTS; i += 4) {
      double[] w0 = weights[i], w1 = weights[i + 1], w2 = weights[i + 2], w3 = weights[i + 3];
      double a00 = x0[i], a01 = x0[i + 1], a02 = x0[i + 2], a03 = x0[i + 3];
      double a10 = x1[i], a11 = x1[i + 1], a12 = x1[i + 2], a13 = x1[i + 3];
      for (int j = nodeFrom; j < nodeTo; j++) {
        double v0 = w0[j], v1 = w1[j], v2 = w2[j], v3 = w3[j];
        double s0 = h0[j], s1 = h1[j];
        h0[j] = s0 + v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03;
        h1[j] = s1 + v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13;
      }
    }
  }

  static long constantRun() {
    long t0 = System.nanoTime();
    for (int k = 0; k < 256; k += 2) {
      constant(x[k], x[k + 1], h[k], h[k + 1]);
    }
    return System.nanoTime() - t0;
  }

  static long rangedRun(int nodeFrom, int nodeTo) {
    long t0 = System.nanoTime();
    for (int k = 0; k < 256; k += 2) {
      ranged(x[k], x[k + 1], h[k], h[k + 1], nodeFrom, nodeTo);
    }
    return System.nanoTime() - t0;
  }

  public static void main(String[] args) {
    Random random = new Random(1);
    for (double[] row : weights) {
      for (int j = 0; j < HIDDEN; j++) {
        row[j] = random.nextGaussian() * 0.05;
      }
    }
    for (double[] row : x) {
      for (int i = 0; i < INPUTS; i++) {
        row[i] = random.nextDouble();
      }
    }
    // A thread's share: the ranged kernel meets halves first, as it would in a batch split by nodes.
    for (int warm = 0; warm < 300; warm++) {
      rangedRun(0, HIDDEN / 2);
      rangedRun(HIDDEN / 2, HIDDEN);
    }
    System.out.println(System.getProperty("java.version") + "; ns per sample:");
    for (int round = 0; round < 40; round++) {
      long constant = 0;
      long whole = 0;
      long half = 0;
      for (int rep = 0; rep < 10; rep++) {
        constant += constantRun();
        whole += rangedRun(0, HIDDEN);
        half += rangedRun(HIDDEN / 2, HIDDEN);
      }
      if (round % 10 == 9) {
        System.out.printf(
            "nodes 0 to HIDDEN: %.0f; a range: all %d nodes %.0f, half of them %.0f%n",
            constant / 2560.0, HIDDEN, whole / 2560.0, half / 2560.0);
      }
    }
  }
}
