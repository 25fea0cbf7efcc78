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

  /** 16 samples of inputs uniform in [0, 1) and target bits, all drawn from the seed. */
  static Samples uniform(long seed, int inputCount, int outputCount) {
    Random random = new Random(seed);
    double[][] inputs = new double[16][inputCount];
    double[][] targets = new double[16][outputCount];
    for (int s = 0; s < 16; s++) {
      for (int i = 0; i < inputCount; i++) {
        inputs[s][i] = random.nextDouble();
      }
      for (int k = 0; k < outputCount; k++) {
        targets[s][k] = random.nextBoolean() ? 1 : 0;
      }
    }
    return new Samples(inputs, targets);
  }
}
