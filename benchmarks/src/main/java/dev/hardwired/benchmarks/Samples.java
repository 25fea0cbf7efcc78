package dev.hardwired.benchmarks;

import java.util.Random;

/**
 * A small fixed set of training samples that a benchmark cycles through, one per call. The count is a power
 * of two so that the next index is a mask, not a division. Every set is built from a fixed seed.
 */
final class Samples {
  final double[][] inputs;
  final double[][] targets;

  private Samples(double[][] inputs, double[][] targets) {
    if (Integer.bitCount(inputs.length) != 1 || inputs.length != targets.length) {
      throw new IllegalArgumentException("need a power of two of samples, each with a target");
    }
    this.inputs = inputs;
    this.targets = targets;
  }

  int count() {
    return inputs.length;
  }

  /** The four rows of the XOR truth table. */
  static Samples xor() {
    return new Samples(
        new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
        new double[][] {{0}, {1}, {1}, {0}});
  }

  /**
   * 16 iris-shaped samples: 4 standardised measurements drawn around one centre per class, 3 one-hot
   * classes taken in turn.
   */
  static Samples irisShaped(long seed) {
    Random random = new Random(seed);
    double[][] centres = {{-1.0, 0.8, -1.3, -1.2}, {0.1, -0.6, 0.3, 0.2}, {0.9, -0.1, 1.0, 1.1}};
    double[][] inputs = new double[16][4];
    double[][] targets = new double[16][3];
    for (int s = 0; s < 16; s++) {
      int k = s % 3;
      for (int i = 0; i < 4; i++) {
        inputs[s][i] = centres[k][i] + 0.4 * random.nextGaussian();
      }
      targets[s][k] = 1;
    }
    return new Samples(inputs, targets);
  }

  /**
   * 16 greyscale images of {@code side} × {@code side} pixels in [0, 1], row by row, mostly 0 as scanned
   * digits are: each has three soft pen strokes, line segments between points drawn from the seed, whose
   * intensity is 1 along their middle and falls to 0 at a half-width of {@code side} / 14 pixels (at least
   * one). The one-hot targets take the {@code classes} in turn.
   */
  static Samples strokes(long seed, int side, int classes) {
    Random random = new Random(seed);
    double halfWidth = Math.max(1.0, side / 14.0);
    double[][] inputs = new double[16][side * side];
    double[][] targets = new double[16][classes];
    for (int s = 0; s < 16; s++) {
      for (int stroke = 0; stroke < 3; stroke++) {
        // Endpoints in the middle 70 % of the image, as digits leave a margin.
        double x0 = side * (0.15 + 0.7 * random.nextDouble());
        double y0 = side * (0.15 + 0.7 * random.nextDouble());
        double x1 = side * (0.15 + 0.7 * random.nextDouble());
        double y1 = side * (0.15 + 0.7 * random.nextDouble());
        for (int row = 0; row < side; row++) {
          for (int column = 0; column < side; column++) {
            double distance = distanceToSegment(column + 0.5, row + 0.5, x0, y0, x1, y1);
            double ink = Math.min(1.0, 1.5 * (1.0 - distance / halfWidth));
            int pixel = row * side + column;
            inputs[s][pixel] = Math.max(inputs[s][pixel], ink);
          }
        }
      }
      targets[s][s % classes] = 1;
    }
    return new Samples(inputs, targets);
  }

  private static double distanceToSegment(double x, double y, double x0, double y0, double x1, double y1) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    double length2 = dx * dx + dy * dy;
    double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / length2));
    return Math.hypot(x - x0 - t * dx, y - y0 - t * dy);
  }
}
