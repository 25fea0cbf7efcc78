package dev.hardwired.examples;

import dev.hardwired.data.DataSet;
import java.util.Locale;
import java.util.Random;

/**
 * Data sets that a single neuron can learn, drawn from a seed: points spread uniformly over the square
 * [−1, 1]², with targets on a plane or labels on either side of a line. The same seed gives the same
 * points.
 */
final class LinearData {
  private LinearData() {}

  /**
   * {@code n} points with the target y = w1·x1 + w2·x2 + b plus Gaussian noise of standard deviation
   * {@code noise}.
   */
  static DataSet plane(long seed, int n, double w1, double w2, double b, double noise) {
    Random random = new Random(seed);
    double[][] inputs = new double[n][];
    double[][] targets = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] x = point(random);
      inputs[i] = x;
      targets[i] = new double[] {w1 * x[0] + w2 * x[1] + b + noise * random.nextGaussian()};
    }
    return DataSet.of(inputs, targets);
  }

  /**
   * {@code n} points labelled by the line w1·x1 + w2·x2 + b = 0: 1 where w1·x1 + w2·x2 + b &gt; 0, else 0.
   * A point closer to the line than {@code margin} is drawn again, so the band of that half-width along the
   * line stays empty: the two classes are linearly separable, with room to spare.
   */
  static DataSet separable(long seed, int n, double w1, double w2, double b, double margin) {
    Random random = new Random(seed);
    double norm = Math.hypot(w1, w2);
    double[][] inputs = new double[n][];
    double[][] targets = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] x;
      double side;
      do {
        x = point(random);
        side = w1 * x[0] + w2 * x[1] + b;
      } while (Math.abs(side) / norm < margin);
      inputs[i] = x;
      targets[i] = new double[] {side > 0 ? 1 : 0};
    }
    return DataSet.of(inputs, targets);
  }

  /** A point drawn uniformly from [−1, 1]². */
  private static double[] point(Random random) {
    return new double[] {2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1};
  }

  /**
   * The line w1·x1 + w2·x2 + b = 0 as text, and solved for x2 so that lines of different scales compare,
   * e.g. {@code 0.60 x1 - 0.80 x2 + 0.20 = 0, that is x2 = 0.750 x1 + 0.250}.
   */
  static String line(double w1, double w2, double b) {
    String line = String.format(Locale.ROOT, "%.2f x1 %s x2 %s = 0", w1, signed(w2), signed(b));
    if (w2 == 0) {
      return line;
    }
    return line + String.format(Locale.ROOT, ", that is x2 = %.3f x1 %s", -w1 / w2, signed(-b / w2, "%.3f"));
  }

  /** A term after another: {@code + 0.20} or {@code - 0.80}. */
  private static String signed(double value) {
    return signed(value, "%.2f");
  }

  private static String signed(double value, String format) {
    return (value < 0 ? "- " : "+ ") + String.format(Locale.ROOT, format, Math.abs(value));
  }
}
