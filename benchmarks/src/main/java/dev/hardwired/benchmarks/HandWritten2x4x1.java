package dev.hardwired.benchmarks;

import dev.hardwired.Activation;
import dev.hardwired.Checks;
import dev.hardwired.Initialization;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.TrainableNetwork;

/**
 * 2-4-1 (logistic, summed squared error) written by hand as fast as straightforward Java allows: the limit
 * that the generated {@code Size2x4x1Network} is measured against.
 *
 * <p>It does what the generated class does, operation for operation and in the same order, so that it
 * computes the same bits: one local per neuron, the parameters in one array in the same layout (hidden
 * weights {@code p[0..7]}, hidden biases {@code p[8..11]}, output weights {@code p[12..15]}, output bias
 * {@code p[16]}), the same argument checks with the same messages, the same divergence check before any
 * update. Where a hand-writer would do better it does: the checks of the two inputs and the one target are
 * written out rather than looped over, and go to {@link Checks} only to throw.
 */
public final class HandWritten2x4x1 implements TrainableNetwork {
  static final int INPUTS = 2;
  static final int OUTPUTS = 1;
  static final int PARAMETERS = 17;

  private static final Topology TOPOLOGY = Topology.of(2, new int[] {4}, 1,
      new Activation[] {Activation.LOGISTIC}, Activation.LOGISTIC, Loss.SQUARED_ERROR);

  private final double[] p = new double[PARAMETERS];
  private final double[][] parameterArrays = {p};

  private HandWritten2x4x1() {}

  /** The default initialisation from {@code seed}: the parameters of the generated {@code seeded(seed)}. */
  static HandWritten2x4x1 seeded(long seed) {
    HandWritten2x4x1 network = new HandWritten2x4x1();
    Initialization.initialize(TOPOLOGY, seed, network.p);
    return network;
  }

  @Override
  public Topology topology() {
    return TOPOLOGY;
  }

  @Override
  public int inputCount() {
    return INPUTS;
  }

  @Override
  public int outputCount() {
    return OUTPUTS;
  }

  @Override
  public int parameterCount() {
    return PARAMETERS;
  }

  @Override
  public void getParameters(double[] destination) {
    Checks.requireLength(destination, PARAMETERS, "destination");
    System.arraycopy(p, 0, destination, 0, PARAMETERS);
  }

  @Override
  public void setParameters(double[] source) {
    Checks.requireFinite(source, PARAMETERS, "parameters");
    System.arraycopy(source, 0, p, 0, PARAMETERS);
  }

  @Override
  public double[] predict(double[] input) {
    double[] output = new double[OUTPUTS];
    predict(input, output);
    return output;
  }

  @Override
  public void predict(double[] input, double[] output) {
    checkInput(input);
    if (output == null || output.length != OUTPUTS) {
      Checks.requireLength(output, OUTPUTS, "output");
    }
    double x0 = input[0];
    double x1 = input[1];
    double h0 = logistic(p[0] * x0 + p[1] * x1 + p[8]);
    double h1 = logistic(p[2] * x0 + p[3] * x1 + p[9]);
    double h2 = logistic(p[4] * x0 + p[5] * x1 + p[10]);
    double h3 = logistic(p[6] * x0 + p[7] * x1 + p[11]);
    output[0] = logistic(p[12] * h0 + p[13] * h1 + p[14] * h2 + p[15] * h3 + p[16]);
  }

  @Override
  public double train(double[] input, double[] target, double learningRate) {
    checkInput(input);
    checkTarget(target);
    Checks.requireLearningRate(learningRate);
    double x0 = input[0];
    double x1 = input[1];
    double h0 = logistic(p[0] * x0 + p[1] * x1 + p[8]);
    double h1 = logistic(p[2] * x0 + p[3] * x1 + p[9]);
    double h2 = logistic(p[4] * x0 + p[5] * x1 + p[10]);
    double h3 = logistic(p[6] * x0 + p[7] * x1 + p[11]);
    double o0 = logistic(p[12] * h0 + p[13] * h1 + p[14] * h2 + p[15] * h3 + p[16]);
    double fe0 = o0 - target[0];
    double loss = 0.5 * fe0 * fe0;
    if (!Double.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Output error signal, then the hidden deltas with the output weights of the forward pass.
    double sError0 = fe0 * o0 * (1.0 - o0);
    double dh0 = h0 * (1.0 - h0) * sError0 * p[12];
    double dh1 = h1 * (1.0 - h1) * sError0 * p[13];
    double dh2 = h2 * (1.0 - h2) * sError0 * p[14];
    double dh3 = h3 * (1.0 - h3) * sError0 * p[15];
    p[12] -= learningRate * sError0 * h0;
    p[13] -= learningRate * sError0 * h1;
    p[14] -= learningRate * sError0 * h2;
    p[15] -= learningRate * sError0 * h3;
    p[16] -= learningRate * sError0;
    p[0] -= learningRate * dh0 * x0;
    p[1] -= learningRate * dh0 * x1;
    p[2] -= learningRate * dh1 * x0;
    p[3] -= learningRate * dh1 * x1;
    p[4] -= learningRate * dh2 * x0;
    p[5] -= learningRate * dh2 * x1;
    p[6] -= learningRate * dh3 * x0;
    p[7] -= learningRate * dh3 * x1;
    p[8] -= learningRate * dh0;
    p[9] -= learningRate * dh1;
    p[10] -= learningRate * dh2;
    p[11] -= learningRate * dh3;
    return loss;
  }

  @Override
  public double loss(double[] input, double[] target) {
    checkInput(input);
    checkTarget(target);
    double x0 = input[0];
    double x1 = input[1];
    double h0 = logistic(p[0] * x0 + p[1] * x1 + p[8]);
    double h1 = logistic(p[2] * x0 + p[3] * x1 + p[9]);
    double h2 = logistic(p[4] * x0 + p[5] * x1 + p[10]);
    double h3 = logistic(p[6] * x0 + p[7] * x1 + p[11]);
    double o0 = logistic(p[12] * h0 + p[13] * h1 + p[14] * h2 + p[15] * h3 + p[16]);
    double fe0 = o0 - target[0];
    return 0.5 * fe0 * fe0;
  }

  @Override
  public double accumulateGradient(double[] input, double[] target, double[] gradientSum) {
    checkInput(input);
    checkTarget(target);
    Checks.requireLength(gradientSum, PARAMETERS, "gradientSum");
    double x0 = input[0];
    double x1 = input[1];
    double h0 = logistic(p[0] * x0 + p[1] * x1 + p[8]);
    double h1 = logistic(p[2] * x0 + p[3] * x1 + p[9]);
    double h2 = logistic(p[4] * x0 + p[5] * x1 + p[10]);
    double h3 = logistic(p[6] * x0 + p[7] * x1 + p[11]);
    double o0 = logistic(p[12] * h0 + p[13] * h1 + p[14] * h2 + p[15] * h3 + p[16]);
    double fe0 = o0 - target[0];
    double loss = 0.5 * fe0 * fe0;
    if (!Double.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    double sError0 = fe0 * o0 * (1.0 - o0);
    double dh0 = h0 * (1.0 - h0) * sError0 * p[12];
    double dh1 = h1 * (1.0 - h1) * sError0 * p[13];
    double dh2 = h2 * (1.0 - h2) * sError0 * p[14];
    double dh3 = h3 * (1.0 - h3) * sError0 * p[15];
    gradientSum[12] += sError0 * h0;
    gradientSum[13] += sError0 * h1;
    gradientSum[14] += sError0 * h2;
    gradientSum[15] += sError0 * h3;
    gradientSum[16] += sError0;
    gradientSum[0] += dh0 * x0;
    gradientSum[1] += dh0 * x1;
    gradientSum[2] += dh1 * x0;
    gradientSum[3] += dh1 * x1;
    gradientSum[4] += dh2 * x0;
    gradientSum[5] += dh2 * x1;
    gradientSum[6] += dh3 * x0;
    gradientSum[7] += dh3 * x1;
    gradientSum[8] += dh0;
    gradientSum[9] += dh1;
    gradientSum[10] += dh2;
    gradientSum[11] += dh3;
    return loss;
  }

  @Override
  public double[][] parameterArrays() {
    return parameterArrays.clone();
  }

  @Override
  public double accumulateGradient(double[] input, double[] target, double[][] gradientSums) {
    Checks.requireShape(gradientSums, parameterArrays, "gradientSums");
    return accumulateGradient(input, target, gradientSums[0]);
  }

  @Override
  public HandWritten2x4x1 copy() {
    HandWritten2x4x1 copy = new HandWritten2x4x1();
    System.arraycopy(p, 0, copy.p, 0, PARAMETERS);
    return copy;
  }

  @Override
  public String toString() {
    return "HandWritten2x4x1 " + TOPOLOGY;
  }

  /** The generated {@code Checks.requireFinite(input, 2, "input")}, without its loop. */
  private static void checkInput(double[] input) {
    if (input == null || input.length != INPUTS || !Double.isFinite(input[0]) || !Double.isFinite(input[1])) {
      Checks.requireFinite(input, INPUTS, "input"); // throws, with the generated network's message
    }
  }

  /** The generated {@code Checks.requireFinite(target, 1, "target")}, without its loop. */
  private static void checkTarget(double[] target) {
    if (target == null || target.length != OUTPUTS || !Double.isFinite(target[0])) {
      Checks.requireFinite(target, OUTPUTS, "target");
    }
  }

  private static double logistic(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
