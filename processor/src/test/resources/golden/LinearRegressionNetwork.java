package dev.hardwired.examples;

import dev.hardwired.Activation;
import dev.hardwired.Checks;
import dev.hardwired.Initialization;
import dev.hardwired.Loss;
import dev.hardwired.StepTrace;
import dev.hardwired.Topology;
import dev.hardwired.TrainableNetwork;
import javax.annotation.processing.Generated;

/**
 * LinearRegression, hardwired: 2 inputs → 1 output (identity); summed squared error; stochastic
 * gradient descent.
 *
 * <p>Generated from {@link LinearRegression}: the forward pass and backpropagation are written out
 * for exactly this topology. Training changes an instance, so it belongs to one thread at a time:
 * give each thread its own {@link #copy()}, which shares nothing with it.
 */
@Generated("dev.hardwired.processor.NetworkProcessor")
public final class LinearRegressionNetwork implements LinearRegression, TrainableNetwork {
  /**
   * Number of inputs.
   */
  public static final int INPUTS = 2;

  /**
   * Number of outputs.
   */
  public static final int OUTPUTS = 1;

  /**
   * Number of parameters: every weight and every bias.
   */
  public static final int PARAMETERS = 3;

  private static final Topology TOPOLOGY = Topology.of(2, new int[] {}, 1,
      new Activation[] {Activation.LOGISTIC}, Activation.IDENTITY, Loss.SQUARED_ERROR);

  /**
   * All parameters in one array, layer by layer:
   * ItoO weights p[0..1], output bias p[2];
   * the weight into node j from node i of the layer before is at
   * (first weight) + j × (size of the layer before) + i.
   */
  private final double[] p;

  /**
   * The parameter array, as {@link #parameterArrays()} hands it out to optimizers.
   */
  private final double[][] parameterArrays;

  private LinearRegressionNetwork() {
    this(null);
  }

  /**
   * Over new parameter arrays, or over those of {@code original}, shared; with scratch of its own.
   */
  private LinearRegressionNetwork(LinearRegressionNetwork original) {
    p = original == null ? new double[PARAMETERS] : original.p;
    parameterArrays = new double[][] {p};
  }

  /**
   * A network with the default initialisation from {@code seed}: see {@link Initialization}.
   */
  public static LinearRegressionNetwork seeded(long seed) {
    LinearRegressionNetwork network = new LinearRegressionNetwork();
    Initialization.initialize(TOPOLOGY, seed, network.p);
    return network;
  }

  /**
   * A network with the given parameters, laid out as {@link #getParameters} gives them.
   */
  public static LinearRegressionNetwork withParameters(double[] parameters) {
    LinearRegressionNetwork network = new LinearRegressionNetwork();
    network.setParameters(parameters);
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
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireLength(output, OUTPUTS, "output");
    double x0 = input[0]; // SpostA,I0 = input
    double x1 = input[1]; // SpostA,I1 = input
    // Forward, output layer (identity): SpreA,O = ItoO · input + bias; SpostA,O = fA(SpreA,O)
    double o0 = p[0] * x0 + p[1] * x1 + p[2]; // SpostA,O0 = fA(SpreA,O0)
    output[0] = o0;
  }

  @Override
  public double train(double[] input, double[] target, double learningRate) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    Checks.requireLearningRate(learningRate);
    double x0 = input[0]; // SpostA,I0 = input
    double x1 = input[1]; // SpostA,I1 = input
    // Forward, output layer (identity): SpreA,O = ItoO · input + bias; SpostA,O = fA(SpreA,O)
    double o0 = p[0] * x0 + p[1] * x1 + p[2]; // SpostA,O0 = fA(SpreA,O0)
    // Final error FE = SpostA,O − T
    double fe0 = o0 - target[0]; // FE0 = SpostA,O0 − T0
    // Loss E = ½ Σ FE²
    double loss = 0.5 * fe0 * fe0;
    // A loss that is not finite means training diverged: stop before any parameter changes
    if (!Double.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Error signal S_ERROR = FE × fA′(SpreA,O); for the identity fA′ = 1
    double sError0 = fe0; // S_ERROR0 = FE0
    // Update ItoO: weight ← weight − LR × gradient, with gradient ItoO = S_ERROR × input and, for
    // the biases, gradient = S_ERROR
    p[0] -= learningRate * sError0 * x0; // weight I0→O0: gradient = S_ERROR0 × SpostA,I0
    p[1] -= learningRate * sError0 * x1; // weight I1→O0: gradient = S_ERROR0 × SpostA,I1
    p[2] -= learningRate * sError0; // bias O0: gradient = S_ERROR0
    return loss;
  }

  @Override
  public double loss(double[] input, double[] target) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    double x0 = input[0]; // SpostA,I0 = input
    double x1 = input[1]; // SpostA,I1 = input
    // Forward, output layer (identity): SpreA,O = ItoO · input + bias; SpostA,O = fA(SpreA,O)
    double o0 = p[0] * x0 + p[1] * x1 + p[2]; // SpostA,O0 = fA(SpreA,O0)
    // Final error FE = SpostA,O − T
    double fe0 = o0 - target[0]; // FE0 = SpostA,O0 − T0
    // Loss E = ½ Σ FE²
    double loss = 0.5 * fe0 * fe0;
    return loss;
  }

  @Override
  public double accumulateGradient(double[] input, double[] target, double[] gradientSum) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    Checks.requireLength(gradientSum, PARAMETERS, "gradientSum");
    return backpropagateFromI(input, target, gradientSum);
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
  public void predict(double[][] inputs, double[][] outputs) {
    Checks.requirePredictions(inputs, outputs, INPUTS, OUTPUTS);
    for (int k = 0; k < inputs.length; k++) {
      predictFromI(inputs[k], outputs[k]);
    }
  }

  @Override
  public double accumulateGradient(double[][] inputs, double[][] targets, int[] indices, int from,
      int to, double[][] gradientSums) {
    Checks.requireBatch(inputs, targets, indices, from, to, INPUTS, OUTPUTS);
    Checks.requireShape(gradientSums, parameterArrays, "gradientSums");
    double loss = 0.0; // Σ E over the batch, sample by sample
    for (int k = from; k < to; k++) {
      int r = indices == null ? k : indices[k];
      double[] input = inputs[r];
      double[] target = targets[r];
      loss += backpropagateFromI(input, target, gradientSums[0]);
    }
    return loss;
  }

  /**
   * One training step, exactly as {@link #train} takes it, that also returns every value it
   * computes: SpreA and SpostA of each node, the loss, FE, S_ERROR and each δ, and every parameter
   * before the step, its gradient and after. The parameters it leaves are bit for bit those that
   * train leaves. It allocates the trace: a method to learn from and to debug with, not to train
   * with. Print the trace with {@link StepTrace#table()} or {@link StepTrace#markdown()}. Like
   * train, it throws an ArithmeticException and changes nothing when the loss is not finite.
   */
  public StepTrace trace(double[] input, double[] target, double learningRate) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    Checks.requireLearningRate(learningRate);
    double[] before = p.clone(); // the parameters before the step
    double x0 = input[0]; // SpostA,I0 = input
    double x1 = input[1]; // SpostA,I1 = input
    // Forward, output layer (identity): SpreA,O = ItoO · input + bias; SpostA,O = fA(SpreA,O)
    double zo0 = p[0] * x0 + p[1] * x1 + p[2]; // SpreA,O0
    double o0 = zo0; // SpostA,O0 = fA(SpreA,O0)
    // Final error FE = SpostA,O − T
    double fe0 = o0 - target[0]; // FE0 = SpostA,O0 − T0
    // Loss E = ½ Σ FE²
    double loss = 0.5 * fe0 * fe0;
    // A loss that is not finite means training diverged: stop before any parameter changes
    if (!Double.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Error signal S_ERROR = FE × fA′(SpreA,O); for the identity fA′ = 1
    double sError0 = fe0; // S_ERROR0 = FE0
    // Update ItoO: weight ← weight − LR × gradient, with gradient ItoO = S_ERROR × input and, for
    // the biases, gradient = S_ERROR
    p[0] -= learningRate * sError0 * x0; // weight I0→O0: gradient = S_ERROR0 × SpostA,I0
    p[1] -= learningRate * sError0 * x1; // weight I1→O0: gradient = S_ERROR0 × SpostA,I1
    p[2] -= learningRate * sError0; // bias O0: gradient = S_ERROR0
    double[][] spreA = {{zo0}}; // SpreA, layer by layer after the inputs
    double[][] spostA = {{o0}}; // SpostA
    double[][] deltas = {{sError0}}; // S_ERROR at the outputs, δ in the hidden layers
    return StepTrace.of(TOPOLOGY, input, target, learningRate, loss, before, p,
        spreA, spostA, deltas);
  }

  @Override
  public LinearRegressionNetwork copy() {
    LinearRegressionNetwork copy = new LinearRegressionNetwork();
    System.arraycopy(p, 0, copy.p, 0, PARAMETERS);
    return copy;
  }

  /**
   * A network over this one's parameter arrays, with scratch of its own, for another thread.
   */
  @Override
  public LinearRegressionNetwork copySharingParameters() {
    return new LinearRegressionNetwork(this);
  }

  @Override
  public String toString() {
    return "LinearRegressionNetwork " + TOPOLOGY;
  }

  /**
   * One sample of a batch: the forward pass, as predict(input, output) makes it, without its
   * checks.
   */
  private void predictFromI(double[] input, double[] output) {
    double x0 = input[0]; // SpostA,I0 = input
    double x1 = input[1]; // SpostA,I1 = input
    // Forward, output layer (identity): SpreA,O = ItoO · input + bias; SpostA,O = fA(SpreA,O)
    double o0 = p[0] * x0 + p[1] * x1 + p[2]; // SpostA,O0 = fA(SpreA,O0)
    output[0] = o0;
  }

  /**
   * One sample, checked by its caller: the forward pass, the loss, every δ and every gradient added
   * to gradientSum, in the flat order. The one-sample accumulateGradient and a batch's samples call
   * it.
   */
  private double backpropagateFromI(double[] input, double[] target, double[] gradientSum) {
    double x0 = input[0]; // SpostA,I0 = input
    double x1 = input[1]; // SpostA,I1 = input
    // Forward, output layer (identity): SpreA,O = ItoO · input + bias; SpostA,O = fA(SpreA,O)
    double o0 = p[0] * x0 + p[1] * x1 + p[2]; // SpostA,O0 = fA(SpreA,O0)
    // Final error FE = SpostA,O − T
    double fe0 = o0 - target[0]; // FE0 = SpostA,O0 − T0
    // Loss E = ½ Σ FE²
    double loss = 0.5 * fe0 * fe0;
    // A loss that is not finite means training diverged: stop before any parameter changes
    if (!Double.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Error signal S_ERROR = FE × fA′(SpreA,O); for the identity fA′ = 1
    double sError0 = fe0; // S_ERROR0 = FE0
    // Gradient ItoO = S_ERROR × input and, for the biases, gradient = S_ERROR
    gradientSum[0] += sError0 * x0; // weight I0→O0: gradient = S_ERROR0 × SpostA,I0
    gradientSum[1] += sError0 * x1; // weight I1→O0: gradient = S_ERROR0 × SpostA,I1
    gradientSum[2] += sError0; // bias O0: gradient = S_ERROR0
    return loss;
  }
}
