package dev.hardwired.examples;

import dev.hardwired.Activation;
import dev.hardwired.Checks;
import dev.hardwired.Initialization;
import dev.hardwired.Loss;
import dev.hardwired.StepTrace;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import javax.annotation.processing.Generated;

/**
 * FloatXor, hardwired: 2 inputs → 2 hidden (logistic) → 1 output (logistic); summed squared error;
 * stochastic gradient descent; in single precision.
 *
 * <p>Generated from {@link FloatXor}: the forward pass and backpropagation are written out for
 * exactly this topology. Training changes an instance, so it belongs to one thread at a time: give
 * each thread its own {@link #copy()}, which shares nothing with it.
 */
@Generated("dev.hardwired.processor.NetworkProcessor")
public final class FloatXorNetwork implements FloatXor, TrainableFloatNetwork {
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
  public static final int PARAMETERS = 9;

  private static final Topology TOPOLOGY = Topology.of(2, new int[] {2}, 1,
      new Activation[] {Activation.LOGISTIC}, Activation.LOGISTIC, Loss.SQUARED_ERROR);

  /**
   * All parameters in one array, layer by layer:
   * ItoH weights p[0..3], hidden biases p[4..5];
   * HtoO weights p[6..7], output bias p[8];
   * the weight into node j from node i of the layer before is at
   * (first weight) + j × (size of the layer before) + i.
   */
  private final float[] p;

  /**
   * The parameter array, as {@link #parameterArrays()} hands it out to optimizers.
   */
  private final float[][] parameterArrays;

  private FloatXorNetwork() {
    this(null);
  }

  /**
   * Over new parameter arrays, or over those of {@code original}, shared; with scratch of its own.
   */
  private FloatXorNetwork(FloatXorNetwork original) {
    p = original == null ? new float[PARAMETERS] : original.p;
    parameterArrays = new float[][] {p};
  }

  /**
   * A network with the default initialisation from {@code seed}: see {@link Initialization}.
   */
  public static FloatXorNetwork seeded(long seed) {
    FloatXorNetwork network = new FloatXorNetwork();
    Initialization.initialize(TOPOLOGY, seed, network.p);
    return network;
  }

  /**
   * A network with the given parameters, laid out as {@link #getParameters} gives them.
   */
  public static FloatXorNetwork withParameters(float[] parameters) {
    FloatXorNetwork network = new FloatXorNetwork();
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
  public void getParameters(float[] destination) {
    Checks.requireLength(destination, PARAMETERS, "destination");
    System.arraycopy(p, 0, destination, 0, PARAMETERS);
  }

  @Override
  public void setParameters(float[] source) {
    Checks.requireFinite(source, PARAMETERS, "parameters");
    System.arraycopy(source, 0, p, 0, PARAMETERS);
  }

  @Override
  public float[] predict(float[] input) {
    float[] output = new float[OUTPUTS];
    predict(input, output);
    return output;
  }

  @Override
  public void predict(float[] input, float[] output) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireLength(output, OUTPUTS, "output");
    float x0 = input[0]; // SpostA,I0 = input
    float x1 = input[1]; // SpostA,I1 = input
    // Forward, hidden layer (logistic): SpreA,H = ItoH · input + bias; SpostA,H = fA(SpreA,H)
    float h0 = logistic(p[0] * x0 + p[1] * x1 + p[4]); // SpostA,H0 = fA(SpreA,H0)
    float h1 = logistic(p[2] * x0 + p[3] * x1 + p[5]); // SpostA,H1 = fA(SpreA,H1)
    // Forward, output layer (logistic): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
    float o0 = logistic(p[6] * h0 + p[7] * h1 + p[8]); // SpostA,O0 = fA(SpreA,O0)
    output[0] = o0;
  }

  @Override
  public float train(float[] input, float[] target, float learningRate) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    Checks.requireLearningRate(learningRate);
    float x0 = input[0]; // SpostA,I0 = input
    float x1 = input[1]; // SpostA,I1 = input
    // Forward, hidden layer (logistic): SpreA,H = ItoH · input + bias; SpostA,H = fA(SpreA,H)
    float h0 = logistic(p[0] * x0 + p[1] * x1 + p[4]); // SpostA,H0 = fA(SpreA,H0)
    float h1 = logistic(p[2] * x0 + p[3] * x1 + p[5]); // SpostA,H1 = fA(SpreA,H1)
    // Forward, output layer (logistic): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
    float o0 = logistic(p[6] * h0 + p[7] * h1 + p[8]); // SpostA,O0 = fA(SpreA,O0)
    // Final error FE = SpostA,O − T
    float fe0 = o0 - target[0]; // FE0 = SpostA,O0 − T0
    // Loss E = ½ Σ FE²
    float loss = 0.5f * fe0 * fe0;
    // A loss that is not finite means training diverged: stop before any parameter changes
    if (!Float.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Error signal S_ERROR = FE × fA′(SpreA,O); for the logistic fA′ = SpostA (1 − SpostA)
    float sError0 = fe0 * o0 * (1.0f - o0); // S_ERROR0 = FE0 × fA′(SpreA,O0)
    // Hidden deltas by the chain rule: δH = fA′(SpreA,H) × Σ S_ERROR × weight HtoO, using the HtoO
    // weights of the forward pass; each δH is computed once and reused by every ItoH weight into
    // its node. For the logistic fA′ = SpostA (1 − SpostA).
    float dh0 = h0 * (1.0f - h0) * sError0 * p[6]; // δH0 = fA′(SpreA,H0) × Σ S_ERROR × weight H0→O
    float dh1 = h1 * (1.0f - h1) * sError0 * p[7]; // δH1 = fA′(SpreA,H1) × Σ S_ERROR × weight H1→O
    // Update HtoO: weight ← weight − LR × gradient, with gradient HtoO = S_ERROR × SpostA,H and,
    // for the biases, gradient = S_ERROR
    p[6] -= learningRate * sError0 * h0; // weight H0→O0: gradient = S_ERROR0 × SpostA,H0
    p[7] -= learningRate * sError0 * h1; // weight H1→O0: gradient = S_ERROR0 × SpostA,H1
    p[8] -= learningRate * sError0; // bias O0: gradient = S_ERROR0
    // Update ItoH: weight ← weight − LR × gradient, with gradient ItoH = δH × input and, for the
    // biases, gradient = δH
    p[0] -= learningRate * dh0 * x0; // weight I0→H0: gradient = δH0 × SpostA,I0
    p[1] -= learningRate * dh0 * x1; // weight I1→H0: gradient = δH0 × SpostA,I1
    p[2] -= learningRate * dh1 * x0; // weight I0→H1: gradient = δH1 × SpostA,I0
    p[3] -= learningRate * dh1 * x1; // weight I1→H1: gradient = δH1 × SpostA,I1
    p[4] -= learningRate * dh0; // bias H0: gradient = δH0
    p[5] -= learningRate * dh1; // bias H1: gradient = δH1
    return loss;
  }

  @Override
  public float loss(float[] input, float[] target) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    float x0 = input[0]; // SpostA,I0 = input
    float x1 = input[1]; // SpostA,I1 = input
    // Forward, hidden layer (logistic): SpreA,H = ItoH · input + bias; SpostA,H = fA(SpreA,H)
    float h0 = logistic(p[0] * x0 + p[1] * x1 + p[4]); // SpostA,H0 = fA(SpreA,H0)
    float h1 = logistic(p[2] * x0 + p[3] * x1 + p[5]); // SpostA,H1 = fA(SpreA,H1)
    // Forward, output layer (logistic): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
    float o0 = logistic(p[6] * h0 + p[7] * h1 + p[8]); // SpostA,O0 = fA(SpreA,O0)
    // Final error FE = SpostA,O − T
    float fe0 = o0 - target[0]; // FE0 = SpostA,O0 − T0
    // Loss E = ½ Σ FE²
    float loss = 0.5f * fe0 * fe0;
    return loss;
  }

  @Override
  public float accumulateGradient(float[] input, float[] target, float[] gradientSum) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    Checks.requireLength(gradientSum, PARAMETERS, "gradientSum");
    return backpropagateFromI(input, target, gradientSum);
  }

  @Override
  public float[][] parameterArrays() {
    return parameterArrays.clone();
  }

  @Override
  public float accumulateGradient(float[] input, float[] target, float[][] gradientSums) {
    Checks.requireShape(gradientSums, parameterArrays, "gradientSums");
    return accumulateGradient(input, target, gradientSums[0]);
  }

  @Override
  public void predict(float[][] inputs, float[][] outputs) {
    Checks.requirePredictions(inputs, outputs, INPUTS, OUTPUTS);
    for (int k = 0; k < inputs.length; k++) {
      predictFromI(inputs[k], outputs[k]);
    }
  }

  @Override
  public double accumulateGradient(float[][] inputs, float[][] targets, int[] indices, int from,
      int to, float[][] gradientSums) {
    Checks.requireBatch(inputs, targets, indices, from, to, INPUTS, OUTPUTS);
    Checks.requireShape(gradientSums, parameterArrays, "gradientSums");
    double loss = 0.0; // Σ E over the batch, sample by sample
    for (int k = from; k < to; k++) {
      int r = indices == null ? k : indices[k];
      float[] input = inputs[r];
      float[] target = targets[r];
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
  public StepTrace trace(float[] input, float[] target, float learningRate) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    Checks.requireLearningRate(learningRate);
    float[] before = p.clone(); // the parameters before the step
    float x0 = input[0]; // SpostA,I0 = input
    float x1 = input[1]; // SpostA,I1 = input
    // Forward, hidden layer (logistic): SpreA,H = ItoH · input + bias; SpostA,H = fA(SpreA,H)
    float zh0 = p[0] * x0 + p[1] * x1 + p[4]; // SpreA,H0
    float zh1 = p[2] * x0 + p[3] * x1 + p[5]; // SpreA,H1
    float h0 = logistic(zh0); // SpostA,H0 = fA(SpreA,H0)
    float h1 = logistic(zh1); // SpostA,H1 = fA(SpreA,H1)
    // Forward, output layer (logistic): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
    float zo0 = p[6] * h0 + p[7] * h1 + p[8]; // SpreA,O0
    float o0 = logistic(zo0); // SpostA,O0 = fA(SpreA,O0)
    // Final error FE = SpostA,O − T
    float fe0 = o0 - target[0]; // FE0 = SpostA,O0 − T0
    // Loss E = ½ Σ FE²
    float loss = 0.5f * fe0 * fe0;
    // A loss that is not finite means training diverged: stop before any parameter changes
    if (!Float.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Error signal S_ERROR = FE × fA′(SpreA,O); for the logistic fA′ = SpostA (1 − SpostA)
    float sError0 = fe0 * o0 * (1.0f - o0); // S_ERROR0 = FE0 × fA′(SpreA,O0)
    // Hidden deltas by the chain rule: δH = fA′(SpreA,H) × Σ S_ERROR × weight HtoO, using the HtoO
    // weights of the forward pass; each δH is computed once and reused by every ItoH weight into
    // its node. For the logistic fA′ = SpostA (1 − SpostA).
    float dh0 = h0 * (1.0f - h0) * sError0 * p[6]; // δH0 = fA′(SpreA,H0) × Σ S_ERROR × weight H0→O
    float dh1 = h1 * (1.0f - h1) * sError0 * p[7]; // δH1 = fA′(SpreA,H1) × Σ S_ERROR × weight H1→O
    // Update HtoO: weight ← weight − LR × gradient, with gradient HtoO = S_ERROR × SpostA,H and,
    // for the biases, gradient = S_ERROR
    p[6] -= learningRate * sError0 * h0; // weight H0→O0: gradient = S_ERROR0 × SpostA,H0
    p[7] -= learningRate * sError0 * h1; // weight H1→O0: gradient = S_ERROR0 × SpostA,H1
    p[8] -= learningRate * sError0; // bias O0: gradient = S_ERROR0
    // Update ItoH: weight ← weight − LR × gradient, with gradient ItoH = δH × input and, for the
    // biases, gradient = δH
    p[0] -= learningRate * dh0 * x0; // weight I0→H0: gradient = δH0 × SpostA,I0
    p[1] -= learningRate * dh0 * x1; // weight I1→H0: gradient = δH0 × SpostA,I1
    p[2] -= learningRate * dh1 * x0; // weight I0→H1: gradient = δH1 × SpostA,I0
    p[3] -= learningRate * dh1 * x1; // weight I1→H1: gradient = δH1 × SpostA,I1
    p[4] -= learningRate * dh0; // bias H0: gradient = δH0
    p[5] -= learningRate * dh1; // bias H1: gradient = δH1
    float[][] spreA = {{zh0, zh1}, {zo0}}; // SpreA, layer by layer after the inputs
    float[][] spostA = {{h0, h1}, {o0}}; // SpostA
    float[][] deltas = {{dh0, dh1}, {sError0}}; // S_ERROR at the outputs, δ in the hidden layers
    return StepTrace.of(TOPOLOGY, input, target, learningRate, loss, before, p,
        spreA, spostA, deltas);
  }

  @Override
  public FloatXorNetwork copy() {
    FloatXorNetwork copy = new FloatXorNetwork();
    System.arraycopy(p, 0, copy.p, 0, PARAMETERS);
    return copy;
  }

  /**
   * A network over this one's parameter arrays, with scratch of its own, for another thread.
   */
  @Override
  public FloatXorNetwork copySharingParameters() {
    return new FloatXorNetwork(this);
  }

  @Override
  public String toString() {
    return "FloatXorNetwork " + TOPOLOGY;
  }

  /**
   * One sample of a batch: the forward pass, as predict(input, output) makes it, without its
   * checks.
   */
  private void predictFromI(float[] input, float[] output) {
    float x0 = input[0]; // SpostA,I0 = input
    float x1 = input[1]; // SpostA,I1 = input
    // Forward, hidden layer (logistic): SpreA,H = ItoH · input + bias; SpostA,H = fA(SpreA,H)
    float h0 = logistic(p[0] * x0 + p[1] * x1 + p[4]); // SpostA,H0 = fA(SpreA,H0)
    float h1 = logistic(p[2] * x0 + p[3] * x1 + p[5]); // SpostA,H1 = fA(SpreA,H1)
    // Forward, output layer (logistic): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
    float o0 = logistic(p[6] * h0 + p[7] * h1 + p[8]); // SpostA,O0 = fA(SpreA,O0)
    output[0] = o0;
  }

  /**
   * One sample, checked by its caller: the forward pass, the loss, every δ and every gradient added
   * to gradientSum, in the flat order. The one-sample accumulateGradient and a batch's samples call
   * it.
   */
  private float backpropagateFromI(float[] input, float[] target, float[] gradientSum) {
    float x0 = input[0]; // SpostA,I0 = input
    float x1 = input[1]; // SpostA,I1 = input
    // Forward, hidden layer (logistic): SpreA,H = ItoH · input + bias; SpostA,H = fA(SpreA,H)
    float h0 = logistic(p[0] * x0 + p[1] * x1 + p[4]); // SpostA,H0 = fA(SpreA,H0)
    float h1 = logistic(p[2] * x0 + p[3] * x1 + p[5]); // SpostA,H1 = fA(SpreA,H1)
    // Forward, output layer (logistic): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
    float o0 = logistic(p[6] * h0 + p[7] * h1 + p[8]); // SpostA,O0 = fA(SpreA,O0)
    // Final error FE = SpostA,O − T
    float fe0 = o0 - target[0]; // FE0 = SpostA,O0 − T0
    // Loss E = ½ Σ FE²
    float loss = 0.5f * fe0 * fe0;
    // A loss that is not finite means training diverged: stop before any parameter changes
    if (!Float.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Error signal S_ERROR = FE × fA′(SpreA,O); for the logistic fA′ = SpostA (1 − SpostA)
    float sError0 = fe0 * o0 * (1.0f - o0); // S_ERROR0 = FE0 × fA′(SpreA,O0)
    // Hidden deltas by the chain rule: δH = fA′(SpreA,H) × Σ S_ERROR × weight HtoO, using the HtoO
    // weights of the forward pass; each δH is computed once and reused by every ItoH weight into
    // its node. For the logistic fA′ = SpostA (1 − SpostA).
    float dh0 = h0 * (1.0f - h0) * sError0 * p[6]; // δH0 = fA′(SpreA,H0) × Σ S_ERROR × weight H0→O
    float dh1 = h1 * (1.0f - h1) * sError0 * p[7]; // δH1 = fA′(SpreA,H1) × Σ S_ERROR × weight H1→O
    // Gradient HtoO = S_ERROR × SpostA,H and, for the biases, gradient = S_ERROR
    gradientSum[6] += sError0 * h0; // weight H0→O0: gradient = S_ERROR0 × SpostA,H0
    gradientSum[7] += sError0 * h1; // weight H1→O0: gradient = S_ERROR0 × SpostA,H1
    gradientSum[8] += sError0; // bias O0: gradient = S_ERROR0
    // Gradient ItoH = δH × input and, for the biases, gradient = δH
    gradientSum[0] += dh0 * x0; // weight I0→H0: gradient = δH0 × SpostA,I0
    gradientSum[1] += dh0 * x1; // weight I1→H0: gradient = δH0 × SpostA,I1
    gradientSum[2] += dh1 * x0; // weight I0→H1: gradient = δH1 × SpostA,I0
    gradientSum[3] += dh1 * x1; // weight I1→H1: gradient = δH1 × SpostA,I1
    gradientSum[4] += dh0; // bias H0: gradient = δH0
    gradientSum[5] += dh1; // bias H1: gradient = δH1
    return loss;
  }

  /**
   * The logistic sigmoid σ(z) = 1 / (1 + e^(−z)).
   */
  private static float logistic(float z) {
    return 1.0f / (1.0f + (float) Math.exp(-z));
  }
}
