package dev.hardwired;

/** A {@link TrainableFloatNetwork} behind the {@link TrainableNetwork} interface: see {@link TrainableFloatNetwork#asDoubleNetwork()}. */
final class FloatNetworkView implements TrainableNetwork {
  private final TrainableFloatNetwork network;

  FloatNetworkView(TrainableFloatNetwork network) {
    if (network == null) {
      throw new IllegalArgumentException("network is null");
    }
    this.network = network;
  }

  @Override
  public int inputCount() {
    return network.inputCount();
  }

  @Override
  public int outputCount() {
    return network.outputCount();
  }

  @Override
  public Topology topology() {
    return network.topology();
  }

  @Override
  public int parameterCount() {
    return network.parameterCount();
  }

  @Override
  public double[] predict(double[] input) {
    return widen(network.predict(narrow(input, network.inputCount(), "input")));
  }

  @Override
  public void predict(double[] input, double[] output) {
    Checks.requireLength(output, network.outputCount(), "output");
    float[] y = network.predict(narrow(input, network.inputCount(), "input"));
    for (int k = 0; k < y.length; k++) {
      output[k] = y[k];
    }
  }

  @Override
  public void getParameters(double[] destination) {
    Checks.requireLength(destination, network.parameterCount(), "destination");
    float[] p = network.parameters();
    for (int i = 0; i < p.length; i++) {
      destination[i] = p[i];
    }
  }

  @Override
  public void setParameters(double[] source) {
    network.setParameters(narrow(source, network.parameterCount(), "parameters"));
  }

  @Override
  public double train(double[] input, double[] target, double learningRate) {
    Checks.requireLearningRate(learningRate);
    return network.train(
        narrow(input, network.inputCount(), "input"), narrow(target, network.outputCount(), "target"), (float) learningRate);
  }

  @Override
  public double loss(double[] input, double[] target) {
    return network.loss(narrow(input, network.inputCount(), "input"), narrow(target, network.outputCount(), "target"));
  }

  @Override
  public double accumulateGradient(double[] input, double[] target, double[] gradientSum) {
    Checks.requireLength(gradientSum, network.parameterCount(), "gradientSum");
    float[] gradient = new float[gradientSum.length];
    float loss =
        network.accumulateGradient(
            narrow(input, network.inputCount(), "input"), narrow(target, network.outputCount(), "target"), gradient);
    for (int i = 0; i < gradient.length; i++) {
      gradientSum[i] += gradient[i];
    }
    return loss;
  }

  /** A float network's parameters are float arrays; there are no double arrays to update in place. */
  @Override
  public double[][] parameterArrays() {
    throw new UnsupportedOperationException(
        network + " keeps its parameters as float arrays: use its own parameterArrays(), or give the float"
            + " network itself to the optimizer or the trainer");
  }

  @Override
  public double accumulateGradient(double[] input, double[] target, double[][] gradientSums) {
    float[][] arrays = network.parameterArrays();
    if (gradientSums == null || gradientSums.length != arrays.length) {
      throw new IllegalArgumentException(
          "gradientSums must have " + arrays.length + " arrays, the shape of the float network's parameterArrays()");
    }
    float[][] gradient = new float[arrays.length][];
    for (int k = 0; k < arrays.length; k++) {
      Checks.requireLength(gradientSums[k], arrays[k].length, "gradientSums[" + k + "]");
      gradient[k] = new float[arrays[k].length];
    }
    float loss =
        network.accumulateGradient(
            narrow(input, network.inputCount(), "input"), narrow(target, network.outputCount(), "target"), gradient);
    for (int k = 0; k < gradient.length; k++) {
      for (int j = 0; j < gradient[k].length; j++) {
        gradientSums[k][j] += gradient[k][j];
      }
    }
    return loss;
  }

  @Override
  public TrainableNetwork copy() {
    return new FloatNetworkView(network.copy());
  }

  @Override
  public String toString() {
    return network.toString();
  }

  /** {@code values} rounded to floats, after the checks the float network would make. */
  private static float[] narrow(double[] values, int expected, String what) {
    Checks.requireFinite(values, expected, what);
    float[] narrow = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      narrow[i] = (float) values[i];
      if (Float.isInfinite(narrow[i])) {
        throw new IllegalArgumentException(what + "[" + i + "] is " + values[i] + "; expected a value within float range");
      }
    }
    return narrow;
  }

  private static double[] widen(float[] values) {
    double[] wide = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }
}
