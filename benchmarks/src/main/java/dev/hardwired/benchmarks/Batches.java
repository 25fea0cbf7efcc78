package dev.hardwired.benchmarks;

import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import java.util.Random;

/**
 * The networks and data of the batch benchmarks, by name: the four sizes of the size benchmarks, each with
 * {@link #ROWS} rows of its kind of data (pen-stroke images for 64 and 784 inputs, Gaussian measurements
 * with one-hot classes or a 0/1 target for the small ones).
 */
final class Batches {
  /** Rows of data: the largest batch. */
  static final int ROWS = 256;

  private Batches() {}

  /** The generated network of that name, seeded as every benchmark's. */
  static TrainableNetwork network(String name) {
    switch (name) {
      case "2x4x1":
        return Size2x4x1Network.seeded(NetworkBenchmark.SEED);
      case "4x8x3":
        return Size4x8x3Network.seeded(NetworkBenchmark.SEED);
      case "64x32x10":
        return Size64x32x10Network.seeded(NetworkBenchmark.SEED);
      case "784x128x10":
        return Size784x128x10Network.seeded(NetworkBenchmark.SEED);
      default:
        throw new IllegalArgumentException("no benchmark network " + name);
    }
  }

  /** The generated network of that name in single precision. */
  static TrainableFloatNetwork floatNetwork(String name) {
    switch (name) {
      case "2x4x1":
        return Size2x4x1FloatNetwork.seeded(NetworkBenchmark.SEED);
      case "4x8x3":
        return Size4x8x3FloatNetwork.seeded(NetworkBenchmark.SEED);
      case "64x32x10":
        return Size64x32x10FloatNetwork.seeded(NetworkBenchmark.SEED);
      case "784x128x10":
        return Size784x128x10FloatNetwork.seeded(NetworkBenchmark.SEED);
      default:
        throw new IllegalArgumentException("no benchmark network " + name);
    }
  }

  /** {@code rows} rounded to float. */
  static float[][] narrow(double[][] rows) {
    float[][] narrow = new float[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      narrow[r] = new float[rows[r].length];
      for (int i = 0; i < rows[r].length; i++) {
        narrow[r][i] = (float) rows[r][i];
      }
    }
    return narrow;
  }

  /** Zeroed float gradient sums laid out as the network's parameter arrays. */
  static float[][] gradientSums(TrainableFloatNetwork network) {
    float[][] parameters = network.parameterArrays();
    float[][] sums = new float[parameters.length][];
    for (int k = 0; k < parameters.length; k++) {
      sums[k] = new float[parameters[k].length];
    }
    return sums;
  }

  /** A seeded Fisher–Yates permutation of the rows, as the trainer's shuffled order. */
  static int[] order() {
    int[] order = new int[ROWS];
    java.util.Random random = new java.util.Random(NetworkBenchmark.SEED);
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** {@link #ROWS} rows of inputs and targets for {@code network}. */
  static double[][][] data(TrainableNetwork network) {
    return data(network.inputCount(), network.outputCount());
  }

  /** {@link #ROWS} rows of inputs and targets for a network of these sizes. */
  static double[][][] data(int inputs, int outputs) {
    double[][] x = new double[ROWS][];
    double[][] y = new double[ROWS][];
    if (inputs == 64 || inputs == 784) {
      int side = inputs == 64 ? 8 : 28;
      for (int block = 0; block < ROWS / 16; block++) {
        Samples samples = Samples.strokes(block + 5, side, outputs);
        System.arraycopy(samples.inputs, 0, x, block * 16, 16);
        System.arraycopy(samples.targets, 0, y, block * 16, 16);
      }
    } else {
      Random random = new Random(NetworkBenchmark.SEED);
      for (int r = 0; r < ROWS; r++) {
        x[r] = new double[inputs];
        for (int i = 0; i < inputs; i++) {
          x[r][i] = random.nextGaussian();
        }
        y[r] = new double[outputs];
        y[r][outputs == 1 ? 0 : r % outputs] = outputs == 1 ? r % 2 : 1;
      }
    }
    return new double[][][] {x, y};
  }

  /** Zeroed gradient sums laid out as the network's parameter arrays. */
  static double[][] gradientSums(TrainableNetwork network) {
    double[][] parameters = network.parameterArrays();
    double[][] sums = new double[parameters.length][];
    for (int k = 0; k < parameters.length; k++) {
      sums[k] = new double[parameters[k].length];
    }
    return sums;
  }
}
