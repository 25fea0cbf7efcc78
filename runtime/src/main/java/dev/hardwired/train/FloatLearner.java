package dev.hardwired.train;

import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.data.DataSet;
import dev.hardwired.data.OneHot;
import java.util.Arrays;

/** The {@link Learner} of a float network: the data rounded to float once, here. */
final class FloatLearner extends Learner {
  private final TrainableFloatNetwork network;
  private final float[][] inputs;
  private final float[][] targets;
  private final float[][] validationInputs;
  private final float[][] validationTargets;
  private final float[] output;
  private final float[][] parameters;
  private final float[][] gradientSums;
  private final float[][] snapshots = new float[3][];
  /** The number of threads a batch is split between. */
  private final int parts;
  /** The networks of the parts: the network itself, then for the other threads its copies; null on one thread. */
  private final TrainableFloatNetwork[] networks;
  /** Each part's gradient sums, laid out as the parameters; part 0's on one thread are {@link #gradientSums}. */
  private final float[][][] partSums;
  /** Per part, the block of sums that its reduction adds up; null on one thread. */
  private final float[][] reduceBlocks;
  /**
   * Per part, its network's parameter arrays that are not the network's own, to be copied into before each
   * batch (a copy that does not share them), else null.
   */
  private final float[][][] unshared;

  FloatLearner(TrainableFloatNetwork network, DataSet training, DataSet validation, int threads) {
    super(validation, network.topology().loss());
    this.network = network;
    requireFits(training, network.inputCount(), network.outputCount(), "training", network.toString());
    this.inputs = narrow(storedRows(training, training::input));
    this.targets = narrow(storedRows(training, training::target));
    if (validation != null) {
      requireFits(validation, network.inputCount(), network.outputCount(), "validation", network.toString());
      this.validationInputs = narrow(storedRows(validation, validation::input));
      this.validationTargets = narrow(storedRows(validation, validation::target));
    } else {
      this.validationInputs = null;
      this.validationTargets = null;
    }
    this.output = new float[network.outputCount()];
    this.parameters = network.parameterArrays();
    this.parts = threads;
    this.partSums = new float[threads][parameters.length][];
    for (float[][] sums : partSums) {
      for (int k = 0; k < parameters.length; k++) {
        sums[k] = new float[parameters[k].length];
      }
    }
    for (int s = 0; s < snapshots.length; s++) {
      snapshots[s] = new float[network.parameterCount()];
    }
    if (threads == 1) {
      this.reduceBlocks = null;
      this.gradientSums = partSums[0];
      this.networks = null;
      this.unshared = null;
      return;
    }
    this.reduceBlocks = new float[threads][REDUCE_BLOCK];
    this.networks = new TrainableFloatNetwork[threads];
    this.unshared = new float[threads][][];
    networks[0] = network;
    for (int c = 1; c < threads; c++) {
      networks[c] = network.copySharingParameters();
      unshared[c] = unshared(network, networks[c], TrainableFloatNetwork::parameterArrays, parameters);
    }
    int[] lengths = new int[parameters.length];
    for (int k = 0; k < lengths.length; k++) {
      lengths[k] = parameters[k].length;
    }
    int[] share = shares(lengths, threads);
    // The optimizer reads and zeroes each array's sums in the part whose share it is in: on that part's thread.
    this.gradientSums = new float[parameters.length][];
    for (int c = 0; c < threads; c++) {
      for (int k = share[c]; k < share[c + 1]; k++) {
        gradientSums[k] = partSums[c][k];
      }
    }
    startThreads(share);
  }

  @Override
  void prepare(int part, int first, int end) {
    float[][] sums = partSums[part];
    for (int k = 0; k < sums.length; k++) {
      if (k < first || k >= end) {
        Arrays.fill(sums[k], 0.0f);
      }
    }
    float[][] own = unshared[part];
    for (int k = 0; own != null && k < own.length; k++) {
      if (own[k] != null) {
        System.arraycopy(parameters[k], 0, own[k], 0, own[k].length);
      }
    }
  }

  @Override
  void reduce(int part, int first, int end) {
    // A block at a time, one loop per part, so that the JIT turns each into vector code; each sum still adds
    // the parts in their order.
    float[] sum = reduceBlocks[part];
    for (int k = first; k < end; k++) {
      float[] total = partSums[part][k];
      for (int from = 0; from < total.length; from += sum.length) {
        int n = Math.min(sum.length, total.length - from);
        System.arraycopy(partSums[0][k], from, sum, 0, n);
        for (int c = 1; c < parts; c++) {
          float[] sums = partSums[c][k];
          for (int j = 0; j < n; j++) {
            sum[j] += sums[from + j];
          }
        }
        System.arraycopy(sum, 0, total, from, n);
      }
    }
  }

  private static float[][] narrow(double[][] rows) {
    float[][] narrow = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      narrow[i] = new float[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        narrow[i][j] = (float) rows[i][j];
      }
    }
    return narrow;
  }

  @Override
  boolean hasValidation() {
    return validationInputs != null;
  }

  @Override
  int size() {
    return inputs.length;
  }

  @Override
  double train(int i, double learningRate) {
    return network.train(inputs[i], targets[i], (float) learningRate);
  }

  @Override
  double accumulate(int part, int[] order, int from, int to) {
    // Part 0 is the network itself, the only part on one thread.
    return (part == 0 ? network : networks[part]).accumulateGradient(inputs, targets, order, from, to, partSums[part]);
  }

  @Override
  double loss(int i) {
    return network.loss(inputs[i], targets[i]);
  }

  @Override
  void clearGradients() {
    for (float[][] sums : partSums) {
      for (float[] array : sums) {
        Arrays.fill(array, 0.0f);
      }
    }
  }

  @Override
  OptimizerState bindArrays(Optimizer optimizer) {
    return optimizer.bind(parameters, gradientSums);
  }

  @Override
  double validationLoss() {
    double sum = 0.0;
    for (int i = 0; i < validationInputs.length; i++) {
      sum += network.loss(validationInputs[i], validationTargets[i]);
    }
    return sum / validationInputs.length;
  }

  @Override
  double validationAccuracy() {
    int right = 0;
    for (int i = 0; i < validationInputs.length; i++) {
      network.predict(validationInputs[i], output);
      if (OneHot.decode(output) == validationLabels[i]) {
        right++;
      }
    }
    return (double) right / validationInputs.length;
  }

  @Override
  void save(int snapshot) {
    network.getParameters(snapshots[snapshot]);
  }

  @Override
  void restore(int snapshot) {
    network.setParameters(snapshots[snapshot]);
  }

  @Override
  boolean parametersFinite() {
    for (float[] array : parameters) {
      for (float value : array) {
        if (!Float.isFinite(value)) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  Topology topology() {
    return network.topology();
  }

  @Override
  Precision precision() {
    return Precision.FLOAT;
  }

  @Override
  double[] parameters() {
    return widen(network.parameters());
  }

  @Override
  void setParameters(double[] values) {
    network.setParameters(narrow(values));
  }

  @Override
  double[] snapshot(int snapshot) {
    return widen(snapshots[snapshot]);
  }

  @Override
  void setSnapshot(int snapshot, double[] values) {
    float[] into = snapshots[snapshot];
    for (int i = 0; i < into.length; i++) {
      into[i] = (float) values[i];
    }
  }

  /**
   * {@inheritDoc} A float holds every integer up to 2²⁴ exactly, so the indices go in two halves of 16 bits,
   * one pass each.
   */
  @Override
  int[][] storageMap() {
    int count = network.parameterCount();
    float[] kept = network.parameters();
    float[] probe = new float[count];
    int[][] map = new int[parameters.length][];
    for (int k = 0; k < parameters.length; k++) {
      map[k] = new int[parameters[k].length];
    }
    try {
      for (int half = 0; half < 2; half++) {
        for (int i = 0; i < count; i++) {
          probe[i] = half == 0 ? i & 0xFFFF : i >>> 16;
        }
        network.setParameters(probe);
        for (int k = 0; k < parameters.length; k++) {
          for (int j = 0; j < map[k].length; j++) {
            float value = parameters[k][j];
            int part = value == (int) value && value >= 0 && value <= 0xFFFF ? (int) value : -1;
            map[k][j] = part < 0 || map[k][j] < 0 ? -1 : map[k][j] | (half == 0 ? part : part << 16);
          }
        }
      }
    } finally {
      network.setParameters(kept);
    }
    return requirePermutation(map, count);
  }

  private static double[] widen(float[] values) {
    double[] wide = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }

  private static float[] narrow(double[] values) {
    float[] narrow = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      narrow[i] = (float) values[i];
    }
    return narrow;
  }

  @Override
  String name() {
    return network.toString();
  }
}
