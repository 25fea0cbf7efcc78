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
  /** The network's copies for the other threads, from index 1, with their arrays and sums; null on one thread. */
  private final TrainableFloatNetwork[] copies;
  private final float[][][] copyParameters;
  private final float[][][] copySums;
  private final Crew crew;
  private int[] order;

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
    this.gradientSums = new float[parameters.length][];
    for (int k = 0; k < parameters.length; k++) {
      gradientSums[k] = new float[parameters[k].length];
    }
    for (int s = 0; s < snapshots.length; s++) {
      snapshots[s] = new float[network.parameterCount()];
    }
    if (threads == 1) {
      this.copies = null;
      this.copyParameters = null;
      this.copySums = null;
      this.crew = null;
    } else {
      this.copies = new TrainableFloatNetwork[threads];
      this.copyParameters = new float[threads][][];
      this.copySums = new float[threads][][];
      for (int c = 1; c < threads; c++) {
        copies[c] = network.copy();
        copyParameters[c] = copies[c].parameterArrays();
        copySums[c] = new float[parameters.length][];
        for (int k = 0; k < parameters.length; k++) {
          copySums[c][k] = new float[parameters[k].length];
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
      float[][] own = copyParameters[part];
      float[][] sums = copySums[part];
      for (int k = 0; k < own.length; k++) {
        System.arraycopy(parameters[k], 0, own[k], 0, own[k].length);
        Arrays.fill(sums[k], 0.0f);
      }
      return copies[part].accumulateGradient(inputs, targets, order, from, to, sums);
    }

    @Override
    public void reduce(int share, int shares) {
      for (int k = share; k < gradientSums.length; k += shares) {
        float[] sums = gradientSums[k];
        for (int c = 1; c < copies.length; c++) {
          float[] other = copySums[c][k];
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
    for (float[] sums : gradientSums) {
      Arrays.fill(sums, 0.0f);
    }
    for (int c = 1; copySums != null && c < copySums.length; c++) {
      for (float[] sums : copySums[c]) {
        Arrays.fill(sums, 0.0f);
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
