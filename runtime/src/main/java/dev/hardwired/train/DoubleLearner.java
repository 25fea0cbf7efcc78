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
  /** The network's copies for the other threads, from index 1, with their arrays and sums; null on one thread. */
  private final TrainableNetwork[] copies;
  private final double[][][] copyParameters;
  private final double[][][] copySums;
  private final Crew crew;
  private int[] order;

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
    this.gradientSums = new double[parameters.length][];
    for (int k = 0; k < parameters.length; k++) {
      gradientSums[k] = new double[parameters[k].length];
    }
    for (int s = 0; s < snapshots.length; s++) {
      snapshots[s] = new double[network.parameterCount()];
    }
    if (threads == 1) {
      this.copies = null;
      this.copyParameters = null;
      this.copySums = null;
      this.crew = null;
    } else {
      this.copies = new TrainableNetwork[threads];
      this.copyParameters = new double[threads][][];
      this.copySums = new double[threads][][];
      for (int c = 1; c < threads; c++) {
        copies[c] = network.copy();
        copyParameters[c] = copies[c].parameterArrays();
        copySums[c] = new double[parameters.length][];
        for (int k = 0; k < parameters.length; k++) {
          copySums[c][k] = new double[parameters[k].length];
        }
      }
      this.crew = new Crew(new Parts(), threads, "hardwired trainer");
    }
  }

  /** The parts of a batch on the crew's threads: the network's own first, then each copy's. */
  private final class Parts implements Crew.Work {
    @Override
    public double accumulate(int part, int from, int to) {
      if (part == 0) {
        return network.accumulateGradient(inputs, targets, order, from, to, gradientSums);
      }
      // The copy takes the parameters of this step first, as the optimizer changed them after the last, and
      // starts its sums from zero; both on this thread, so that its arrays stay in this core's cache.
      double[][] own = copyParameters[part];
      double[][] sums = copySums[part];
      for (int k = 0; k < own.length; k++) {
        System.arraycopy(parameters[k], 0, own[k], 0, own[k].length);
        Arrays.fill(sums[k], 0.0);
      }
      return copies[part].accumulateGradient(inputs, targets, order, from, to, sums);
    }

    @Override
    public void reduce(int share, int shares) {
      for (int k = share; k < gradientSums.length; k += shares) {
        double[] sums = gradientSums[k];
        for (int c = 1; c < copies.length; c++) {
          double[] other = copySums[c][k];
          for (int j = 0; j < sums.length; j++) {
            sums[j] += other[j];
          }
        }
      }
    }
  }

  @Override
  void close() {
    if (crew != null) {
      crew.close();
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
  double accumulate(int[] order, int from, int to) {
    if (crew == null) {
      return network.accumulateGradient(inputs, targets, order, from, to, gradientSums);
    }
    this.order = order;
    return crew.accumulate(from, to);
  }

  @Override
  double loss(int i) {
    return network.loss(inputs[i], targets[i]);
  }

  @Override
  void clearGradients() {
    for (double[] sums : gradientSums) {
      Arrays.fill(sums, 0.0);
    }
    for (int c = 1; copySums != null && c < copySums.length; c++) {
      for (double[] sums : copySums[c]) {
        Arrays.fill(sums, 0.0);
      }
    }
  }

  @Override
  OptimizerState bind(Optimizer optimizer) {
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
