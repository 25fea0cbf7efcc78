package dev.hardwired.train;

import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.data.DataSet;
import dev.hardwired.data.OneHot;
import java.util.Arrays;

/** The {@link Learner} of a double network. */
final class DoubleLearner extends Learner {
  private final TrainableNetwork network;
  private final double[][] inputs;
  private final double[][] targets;
  private final double[][] validationInputs;
  private final double[][] validationTargets;
  private final double[] output;
  private final double[][] parameters;
  private final double[][] gradientSums;
  private final double[][] snapshots = new double[3][];
  /** The number of threads a batch is split between. */
  private final int parts;
  /** The networks of the parts: the network itself, then for the other threads its copies; null on one thread. */
  private final TrainableNetwork[] networks;
  /** Each part's gradient sums, laid out as the parameters; part 0's on one thread are {@link #gradientSums}. */
  private final double[][][] partSums;
  /** Per part, the block of sums that its reduction adds up; null on one thread. */
  private final double[][] reduceBlocks;
  /**
   * Per part, its network's parameter arrays that are not the network's own, to be copied into before each
   * batch (a copy that does not share them), else null.
   */
  private final double[][][] unshared;

  DoubleLearner(TrainableNetwork network, DataSet training, DataSet validation, int threads) {
    super(validation, network.topology().loss());
    this.network = network;
    requireFits(training, network.inputCount(), network.outputCount(), "training", network.toString());
    this.inputs = storedRows(training, training::input);
    this.targets = storedRows(training, training::target);
    if (validation != null) {
      requireFits(validation, network.inputCount(), network.outputCount(), "validation", network.toString());
      this.validationInputs = storedRows(validation, validation::input);
      this.validationTargets = storedRows(validation, validation::target);
    } else {
      this.validationInputs = null;
      this.validationTargets = null;
    }
    this.output = new double[network.outputCount()];
    this.parameters = network.parameterArrays();
    this.parts = threads;
    this.partSums = new double[threads][parameters.length][];
    for (double[][] sums : partSums) {
      for (int k = 0; k < parameters.length; k++) {
        sums[k] = new double[parameters[k].length];
      }
    }
    for (int s = 0; s < snapshots.length; s++) {
      snapshots[s] = new double[network.parameterCount()];
    }
    if (threads == 1) {
      this.reduceBlocks = null;
      this.gradientSums = partSums[0];
      this.networks = null;
      this.unshared = null;
      return;
    }
    this.reduceBlocks = new double[threads][REDUCE_BLOCK];
    this.networks = new TrainableNetwork[threads];
    this.unshared = new double[threads][][];
    networks[0] = network;
    for (int c = 1; c < threads; c++) {
      networks[c] = network.copySharingParameters();
      unshared[c] = unshared(network, networks[c], TrainableNetwork::parameterArrays, parameters);
    }
    int[] lengths = new int[parameters.length];
    for (int k = 0; k < lengths.length; k++) {
      lengths[k] = parameters[k].length;
    }
    int[] share = shares(lengths, threads);
    // The optimizer reads and zeroes each array's sums in the part whose share it is in: on that part's thread.
    this.gradientSums = new double[parameters.length][];
    for (int c = 0; c < threads; c++) {
      for (int k = share[c]; k < share[c + 1]; k++) {
        gradientSums[k] = partSums[c][k];
      }
    }
    startThreads(share);
  }

  @Override
  void prepare(int part, int first, int end) {
    double[][] sums = partSums[part];
    for (int k = 0; k < sums.length; k++) {
      if (k < first || k >= end) {
        Arrays.fill(sums[k], 0.0);
      }
    }
    double[][] own = unshared[part];
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
    double[] sum = reduceBlocks[part];
    for (int k = first; k < end; k++) {
      double[] total = partSums[part][k];
      for (int from = 0; from < total.length; from += sum.length) {
        int n = Math.min(sum.length, total.length - from);
        System.arraycopy(partSums[0][k], from, sum, 0, n);
        for (int c = 1; c < parts; c++) {
          double[] sums = partSums[c][k];
          for (int j = 0; j < n; j++) {
            sum[j] += sums[from + j];
          }
        }
        System.arraycopy(sum, 0, total, from, n);
      }
    }
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
    return network.train(inputs[i], targets[i], learningRate);
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
    for (double[][] sums : partSums) {
      for (double[] array : sums) {
        Arrays.fill(array, 0.0);
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
    for (double[] array : parameters) {
      for (double value : array) {
        if (!Double.isFinite(value)) {
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
    return Precision.DOUBLE;
  }

  @Override
  double[] parameters() {
    return network.parameters();
  }

  @Override
  void setParameters(double[] values) {
    network.setParameters(values);
  }

  @Override
  double[] snapshot(int snapshot) {
    return snapshots[snapshot].clone();
  }

  @Override
  void setSnapshot(int snapshot, double[] values) {
    System.arraycopy(values, 0, snapshots[snapshot], 0, values.length);
  }

  @Override
  int[][] storageMap() {
    int count = network.parameterCount();
    double[] kept = network.parameters();
    double[] probe = new double[count];
    for (int i = 0; i < count; i++) {
      probe[i] = i;
    }
    int[][] map = new int[parameters.length][];
    network.setParameters(probe);
    try {
      for (int k = 0; k < parameters.length; k++) {
        map[k] = new int[parameters[k].length];
        for (int j = 0; j < map[k].length; j++) {
          double value = parameters[k][j];
          map[k][j] = value == (int) value ? (int) value : -1;
        }
      }
    } finally {
      network.setParameters(kept);
    }
    return requirePermutation(map, count);
  }

  @Override
  String name() {
    return network.toString();
  }
}
