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
 * SmoothRegression, hardwired: 2 inputs → 3 hidden (GELU) → 2 hidden (ELU) → 1 output (softplus);
 * summed squared error; stochastic gradient descent.
 *
 * <p>Generated from {@link SmoothRegression}: the forward pass and backpropagation are written out
 * for exactly this topology. Training changes an instance, so it belongs to one thread at a time:
 * give each thread its own {@link #copy()}, which shares nothing with it.
 */
@Generated("dev.hardwired.processor.NetworkProcessor")
public final class SmoothRegressionNetwork implements SmoothRegression, TrainableNetwork {
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
  public static final int PARAMETERS = 20;

  /**
   * α of the ELU: its limit, −α, for SpreA → −∞.
   */
  private static final double ELU_ALPHA = 1.0;

  /**
   * Above this SpreA softplus is SpreA itself, as in PyTorch: ln(1 + e^z) is within 2 × 10⁻⁹ of z.
   */
  private static final double SOFTPLUS_THRESHOLD = 20.0;

  /**
   * 1 / √2: GELU's Φ(z) = ½ (1 + erf(z / √2)).
   */
  private static final double SQRT1_2 = 0.7071067811865476;

  /**
   * The coefficients 2ⁿ / (1 · 3 ⋯ (2n + 1)) of erf's series, from n = 0.
   */
  private static final double[] ERF_SERIES = { 1.0, 0.6666666666666666, 0.26666666666666666,
        0.0761904761904762, 0.016931216931216932, 0.0030784030784030783, 4.736004736004736E-4,
        6.314672981339648E-5, 7.4290270368701745E-6, 7.820028459863341E-7, 7.447646152250801E-8,
        6.476214045435479E-9, 5.180971236348383E-10, 3.8377564713691727E-11, 2.6467286009442573E-12,
        1.7075668393188757E-13, 1.0348889935265912E-14, 5.913651391580522E-16,
        3.196568319773255E-17, 1.6392658050119255E-18, 7.996418561033783E-20, 3.719264446992458E-21,
        1.6530064208855367E-22, 7.034069876108667E-24, 2.8710489290239454E-25,
        1.1259015407937041E-26, 4.248685059598884E-28, 1.5449763853086848E-29, 5.42096977301293E-31,
        1.8376168722077727E-32, 6.024973351500894E-34, 1.9126899528574266E-35,
        5.885199854945928E-37, 1.7567760761032622E-38, 5.092104568415253E-40, 1.434395653074719E-41,
        3.929851104314299E-43, 1.047960294483813E-44, 2.7219747908670468E-46};

  private static final Topology TOPOLOGY = Topology.of(2, new int[] {3, 2}, 1,
      new Activation[] {Activation.GELU, Activation.ELU}, Activation.SOFTPLUS, Loss.SQUARED_ERROR);

  /**
   * All parameters in one array, layer by layer:
   * ItoH weights p[0..5], hidden 1 biases p[6..8];
   * HtoH weights p[9..14], hidden 2 biases p[15..16];
   * HtoO weights p[17..18], output bias p[19];
   * the weight into node j from node i of the layer before is at
   * (first weight) + j × (size of the layer before) + i.
   */
  private final double[] p;

  /**
   * The parameter array, as {@link #parameterArrays()} hands it out to optimizers.
   */
  private final double[][] parameterArrays;

  private SmoothRegressionNetwork() {
    this(null);
  }

  /**
   * Over new parameter arrays, or over those of {@code original}, shared; with scratch of its own.
   */
  private SmoothRegressionNetwork(SmoothRegressionNetwork original) {
    p = original == null ? new double[PARAMETERS] : original.p;
    parameterArrays = new double[][] {p};
  }

  /**
   * A network with the default initialisation from {@code seed}: see {@link Initialization}.
   */
  public static SmoothRegressionNetwork seeded(long seed) {
    SmoothRegressionNetwork network = new SmoothRegressionNetwork();
    Initialization.initialize(TOPOLOGY, seed, network.p);
    return network;
  }

  /**
   * A network with the given parameters, laid out as {@link #getParameters} gives them.
   */
  public static SmoothRegressionNetwork withParameters(double[] parameters) {
    SmoothRegressionNetwork network = new SmoothRegressionNetwork();
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
    // Forward, hidden layer 1 (GELU): SpreA,H1 = ItoH · input + bias; SpostA,H1 = fA(SpreA,H1)
    double zh1_0 = p[0] * x0 + p[1] * x1 + p[6]; // SpreA,H1_0
    double zh1_1 = p[2] * x0 + p[3] * x1 + p[7]; // SpreA,H1_1
    double zh1_2 = p[4] * x0 + p[5] * x1 + p[8]; // SpreA,H1_2
    double h1_0 = gelu(zh1_0); // SpostA,H1_0 = fA(SpreA,H1_0)
    double h1_1 = gelu(zh1_1); // SpostA,H1_1 = fA(SpreA,H1_1)
    double h1_2 = gelu(zh1_2); // SpostA,H1_2 = fA(SpreA,H1_2)
    // Forward, hidden layer 2 (ELU): SpreA,H2 = HtoH · SpostA,H1 + bias; SpostA,H2 = fA(SpreA,H2)
    // SpostA,H2_0 = fA(SpreA,H2_0)
    double h2_0 = elu(p[9] * h1_0 + p[10] * h1_1 + p[11] * h1_2 + p[15]);
    // SpostA,H2_1 = fA(SpreA,H2_1)
    double h2_1 = elu(p[12] * h1_0 + p[13] * h1_1 + p[14] * h1_2 + p[16]);
    // Forward, output layer (softplus): SpreA,O = HtoO · SpostA,H2 + bias; SpostA,O = fA(SpreA,O)
    double o0 = softplus(p[17] * h2_0 + p[18] * h2_1 + p[19]); // SpostA,O0 = fA(SpreA,O0)
    output[0] = o0;
  }

  @Override
  public double train(double[] input, double[] target, double learningRate) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    Checks.requireLearningRate(learningRate);
    double x0 = input[0]; // SpostA,I0 = input
    double x1 = input[1]; // SpostA,I1 = input
    // Forward, hidden layer 1 (GELU): SpreA,H1 = ItoH · input + bias; SpostA,H1 = fA(SpreA,H1)
    double zh1_0 = p[0] * x0 + p[1] * x1 + p[6]; // SpreA,H1_0
    double zh1_1 = p[2] * x0 + p[3] * x1 + p[7]; // SpreA,H1_1
    double zh1_2 = p[4] * x0 + p[5] * x1 + p[8]; // SpreA,H1_2
    double h1_0 = gelu(zh1_0); // SpostA,H1_0 = fA(SpreA,H1_0)
    double h1_1 = gelu(zh1_1); // SpostA,H1_1 = fA(SpreA,H1_1)
    double h1_2 = gelu(zh1_2); // SpostA,H1_2 = fA(SpreA,H1_2)
    // Forward, hidden layer 2 (ELU): SpreA,H2 = HtoH · SpostA,H1 + bias; SpostA,H2 = fA(SpreA,H2)
    // SpostA,H2_0 = fA(SpreA,H2_0)
    double h2_0 = elu(p[9] * h1_0 + p[10] * h1_1 + p[11] * h1_2 + p[15]);
    // SpostA,H2_1 = fA(SpreA,H2_1)
    double h2_1 = elu(p[12] * h1_0 + p[13] * h1_1 + p[14] * h1_2 + p[16]);
    // Forward, output layer (softplus): SpreA,O = HtoO · SpostA,H2 + bias; SpostA,O = fA(SpreA,O)
    double o0 = softplus(p[17] * h2_0 + p[18] * h2_1 + p[19]); // SpostA,O0 = fA(SpreA,O0)
    // Final error FE = SpostA,O − T
    double fe0 = o0 - target[0]; // FE0 = SpostA,O0 − T0
    // Loss E = ½ Σ FE²
    double loss = 0.5 * fe0 * fe0;
    // A loss that is not finite means training diverged: stop before any parameter changes
    if (!Double.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Error signal S_ERROR = FE × fA′(SpreA,O); for softplus fA′ = σ(SpreA) = 1 − e^(−SpostA)
    double sError0 = fe0 * softplusDerivative(o0); // S_ERROR0 = FE0 × fA′(SpreA,O0)
    // Hidden deltas by the chain rule: δH2 = fA′(SpreA,H2) × Σ S_ERROR × weight HtoO, using the
    // HtoO weights of the forward pass; each δH2 is computed once and reused by every HtoH weight
    // into its node. For ELU fA′ = 1 where SpostA > 0, else SpostA + α.
    // δH2_0 = fA′(SpreA,H2_0) × Σ S_ERROR × weight H2_0→O
    double dh2_0 = (h2_0 > 0.0 ? 1.0 : h2_0 + ELU_ALPHA) * sError0 * p[17];
    // δH2_1 = fA′(SpreA,H2_1) × Σ S_ERROR × weight H2_1→O
    double dh2_1 = (h2_1 > 0.0 ? 1.0 : h2_1 + ELU_ALPHA) * sError0 * p[18];
    // Hidden deltas by the chain rule: δH1 = fA′(SpreA,H1) × Σ δH2 × weight HtoH, using the HtoH
    // weights of the forward pass; each δH1 is computed once and reused by every ItoH weight into
    // its node. For GELU fA′ = Φ(SpreA) + SpreA φ(SpreA), from SpreA, which SpostA cannot tell.
    // δH1_0 = fA′(SpreA,H1_0) × Σ δH2 × weight H1_0→H2
    double dh1_0 = geluDerivative(zh1_0) * (dh2_0 * p[9] + dh2_1 * p[12]);
    // δH1_1 = fA′(SpreA,H1_1) × Σ δH2 × weight H1_1→H2
    double dh1_1 = geluDerivative(zh1_1) * (dh2_0 * p[10] + dh2_1 * p[13]);
    // δH1_2 = fA′(SpreA,H1_2) × Σ δH2 × weight H1_2→H2
    double dh1_2 = geluDerivative(zh1_2) * (dh2_0 * p[11] + dh2_1 * p[14]);
    // Update HtoO: weight ← weight − LR × gradient, with gradient HtoO = S_ERROR × SpostA,H2 and,
    // for the biases, gradient = S_ERROR
    p[17] -= learningRate * sError0 * h2_0; // weight H2_0→O0: gradient = S_ERROR0 × SpostA,H2_0
    p[18] -= learningRate * sError0 * h2_1; // weight H2_1→O0: gradient = S_ERROR0 × SpostA,H2_1
    p[19] -= learningRate * sError0; // bias O0: gradient = S_ERROR0
    // Update HtoH: weight ← weight − LR × gradient, with gradient HtoH = δH2 × SpostA,H1 and, for
    // the biases, gradient = δH2
    p[9] -= learningRate * dh2_0 * h1_0; // weight H1_0→H2_0: gradient = δH2_0 × SpostA,H1_0
    p[10] -= learningRate * dh2_0 * h1_1; // weight H1_1→H2_0: gradient = δH2_0 × SpostA,H1_1
    p[11] -= learningRate * dh2_0 * h1_2; // weight H1_2→H2_0: gradient = δH2_0 × SpostA,H1_2
    p[12] -= learningRate * dh2_1 * h1_0; // weight H1_0→H2_1: gradient = δH2_1 × SpostA,H1_0
    p[13] -= learningRate * dh2_1 * h1_1; // weight H1_1→H2_1: gradient = δH2_1 × SpostA,H1_1
    p[14] -= learningRate * dh2_1 * h1_2; // weight H1_2→H2_1: gradient = δH2_1 × SpostA,H1_2
    p[15] -= learningRate * dh2_0; // bias H2_0: gradient = δH2_0
    p[16] -= learningRate * dh2_1; // bias H2_1: gradient = δH2_1
    // Update ItoH: weight ← weight − LR × gradient, with gradient ItoH = δH1 × input and, for the
    // biases, gradient = δH1
    p[0] -= learningRate * dh1_0 * x0; // weight I0→H1_0: gradient = δH1_0 × SpostA,I0
    p[1] -= learningRate * dh1_0 * x1; // weight I1→H1_0: gradient = δH1_0 × SpostA,I1
    p[2] -= learningRate * dh1_1 * x0; // weight I0→H1_1: gradient = δH1_1 × SpostA,I0
    p[3] -= learningRate * dh1_1 * x1; // weight I1→H1_1: gradient = δH1_1 × SpostA,I1
    p[4] -= learningRate * dh1_2 * x0; // weight I0→H1_2: gradient = δH1_2 × SpostA,I0
    p[5] -= learningRate * dh1_2 * x1; // weight I1→H1_2: gradient = δH1_2 × SpostA,I1
    p[6] -= learningRate * dh1_0; // bias H1_0: gradient = δH1_0
    p[7] -= learningRate * dh1_1; // bias H1_1: gradient = δH1_1
    p[8] -= learningRate * dh1_2; // bias H1_2: gradient = δH1_2
    return loss;
  }

  @Override
  public double loss(double[] input, double[] target) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    double x0 = input[0]; // SpostA,I0 = input
    double x1 = input[1]; // SpostA,I1 = input
    // Forward, hidden layer 1 (GELU): SpreA,H1 = ItoH · input + bias; SpostA,H1 = fA(SpreA,H1)
    double zh1_0 = p[0] * x0 + p[1] * x1 + p[6]; // SpreA,H1_0
    double zh1_1 = p[2] * x0 + p[3] * x1 + p[7]; // SpreA,H1_1
    double zh1_2 = p[4] * x0 + p[5] * x1 + p[8]; // SpreA,H1_2
    double h1_0 = gelu(zh1_0); // SpostA,H1_0 = fA(SpreA,H1_0)
    double h1_1 = gelu(zh1_1); // SpostA,H1_1 = fA(SpreA,H1_1)
    double h1_2 = gelu(zh1_2); // SpostA,H1_2 = fA(SpreA,H1_2)
    // Forward, hidden layer 2 (ELU): SpreA,H2 = HtoH · SpostA,H1 + bias; SpostA,H2 = fA(SpreA,H2)
    // SpostA,H2_0 = fA(SpreA,H2_0)
    double h2_0 = elu(p[9] * h1_0 + p[10] * h1_1 + p[11] * h1_2 + p[15]);
    // SpostA,H2_1 = fA(SpreA,H2_1)
    double h2_1 = elu(p[12] * h1_0 + p[13] * h1_1 + p[14] * h1_2 + p[16]);
    // Forward, output layer (softplus): SpreA,O = HtoO · SpostA,H2 + bias; SpostA,O = fA(SpreA,O)
    double o0 = softplus(p[17] * h2_0 + p[18] * h2_1 + p[19]); // SpostA,O0 = fA(SpreA,O0)
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
    // Forward, hidden layer 1 (GELU): SpreA,H1 = ItoH · input + bias; SpostA,H1 = fA(SpreA,H1)
    double zh1_0 = p[0] * x0 + p[1] * x1 + p[6]; // SpreA,H1_0
    double zh1_1 = p[2] * x0 + p[3] * x1 + p[7]; // SpreA,H1_1
    double zh1_2 = p[4] * x0 + p[5] * x1 + p[8]; // SpreA,H1_2
    double h1_0 = gelu(zh1_0); // SpostA,H1_0 = fA(SpreA,H1_0)
    double h1_1 = gelu(zh1_1); // SpostA,H1_1 = fA(SpreA,H1_1)
    double h1_2 = gelu(zh1_2); // SpostA,H1_2 = fA(SpreA,H1_2)
    // Forward, hidden layer 2 (ELU): SpreA,H2 = HtoH · SpostA,H1 + bias; SpostA,H2 = fA(SpreA,H2)
    double zh2_0 = p[9] * h1_0 + p[10] * h1_1 + p[11] * h1_2 + p[15]; // SpreA,H2_0
    double zh2_1 = p[12] * h1_0 + p[13] * h1_1 + p[14] * h1_2 + p[16]; // SpreA,H2_1
    double h2_0 = elu(zh2_0); // SpostA,H2_0 = fA(SpreA,H2_0)
    double h2_1 = elu(zh2_1); // SpostA,H2_1 = fA(SpreA,H2_1)
    // Forward, output layer (softplus): SpreA,O = HtoO · SpostA,H2 + bias; SpostA,O = fA(SpreA,O)
    double zo0 = p[17] * h2_0 + p[18] * h2_1 + p[19]; // SpreA,O0
    double o0 = softplus(zo0); // SpostA,O0 = fA(SpreA,O0)
    // Final error FE = SpostA,O − T
    double fe0 = o0 - target[0]; // FE0 = SpostA,O0 − T0
    // Loss E = ½ Σ FE²
    double loss = 0.5 * fe0 * fe0;
    // A loss that is not finite means training diverged: stop before any parameter changes
    if (!Double.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Error signal S_ERROR = FE × fA′(SpreA,O); for softplus fA′ = σ(SpreA) = 1 − e^(−SpostA)
    double sError0 = fe0 * softplusDerivative(o0); // S_ERROR0 = FE0 × fA′(SpreA,O0)
    // Hidden deltas by the chain rule: δH2 = fA′(SpreA,H2) × Σ S_ERROR × weight HtoO, using the
    // HtoO weights of the forward pass; each δH2 is computed once and reused by every HtoH weight
    // into its node. For ELU fA′ = 1 where SpostA > 0, else SpostA + α.
    // δH2_0 = fA′(SpreA,H2_0) × Σ S_ERROR × weight H2_0→O
    double dh2_0 = (h2_0 > 0.0 ? 1.0 : h2_0 + ELU_ALPHA) * sError0 * p[17];
    // δH2_1 = fA′(SpreA,H2_1) × Σ S_ERROR × weight H2_1→O
    double dh2_1 = (h2_1 > 0.0 ? 1.0 : h2_1 + ELU_ALPHA) * sError0 * p[18];
    // Hidden deltas by the chain rule: δH1 = fA′(SpreA,H1) × Σ δH2 × weight HtoH, using the HtoH
    // weights of the forward pass; each δH1 is computed once and reused by every ItoH weight into
    // its node. For GELU fA′ = Φ(SpreA) + SpreA φ(SpreA), from SpreA, which SpostA cannot tell.
    // δH1_0 = fA′(SpreA,H1_0) × Σ δH2 × weight H1_0→H2
    double dh1_0 = geluDerivative(zh1_0) * (dh2_0 * p[9] + dh2_1 * p[12]);
    // δH1_1 = fA′(SpreA,H1_1) × Σ δH2 × weight H1_1→H2
    double dh1_1 = geluDerivative(zh1_1) * (dh2_0 * p[10] + dh2_1 * p[13]);
    // δH1_2 = fA′(SpreA,H1_2) × Σ δH2 × weight H1_2→H2
    double dh1_2 = geluDerivative(zh1_2) * (dh2_0 * p[11] + dh2_1 * p[14]);
    // Update HtoO: weight ← weight − LR × gradient, with gradient HtoO = S_ERROR × SpostA,H2 and,
    // for the biases, gradient = S_ERROR
    p[17] -= learningRate * sError0 * h2_0; // weight H2_0→O0: gradient = S_ERROR0 × SpostA,H2_0
    p[18] -= learningRate * sError0 * h2_1; // weight H2_1→O0: gradient = S_ERROR0 × SpostA,H2_1
    p[19] -= learningRate * sError0; // bias O0: gradient = S_ERROR0
    // Update HtoH: weight ← weight − LR × gradient, with gradient HtoH = δH2 × SpostA,H1 and, for
    // the biases, gradient = δH2
    p[9] -= learningRate * dh2_0 * h1_0; // weight H1_0→H2_0: gradient = δH2_0 × SpostA,H1_0
    p[10] -= learningRate * dh2_0 * h1_1; // weight H1_1→H2_0: gradient = δH2_0 × SpostA,H1_1
    p[11] -= learningRate * dh2_0 * h1_2; // weight H1_2→H2_0: gradient = δH2_0 × SpostA,H1_2
    p[12] -= learningRate * dh2_1 * h1_0; // weight H1_0→H2_1: gradient = δH2_1 × SpostA,H1_0
    p[13] -= learningRate * dh2_1 * h1_1; // weight H1_1→H2_1: gradient = δH2_1 × SpostA,H1_1
    p[14] -= learningRate * dh2_1 * h1_2; // weight H1_2→H2_1: gradient = δH2_1 × SpostA,H1_2
    p[15] -= learningRate * dh2_0; // bias H2_0: gradient = δH2_0
    p[16] -= learningRate * dh2_1; // bias H2_1: gradient = δH2_1
    // Update ItoH: weight ← weight − LR × gradient, with gradient ItoH = δH1 × input and, for the
    // biases, gradient = δH1
    p[0] -= learningRate * dh1_0 * x0; // weight I0→H1_0: gradient = δH1_0 × SpostA,I0
    p[1] -= learningRate * dh1_0 * x1; // weight I1→H1_0: gradient = δH1_0 × SpostA,I1
    p[2] -= learningRate * dh1_1 * x0; // weight I0→H1_1: gradient = δH1_1 × SpostA,I0
    p[3] -= learningRate * dh1_1 * x1; // weight I1→H1_1: gradient = δH1_1 × SpostA,I1
    p[4] -= learningRate * dh1_2 * x0; // weight I0→H1_2: gradient = δH1_2 × SpostA,I0
    p[5] -= learningRate * dh1_2 * x1; // weight I1→H1_2: gradient = δH1_2 × SpostA,I1
    p[6] -= learningRate * dh1_0; // bias H1_0: gradient = δH1_0
    p[7] -= learningRate * dh1_1; // bias H1_1: gradient = δH1_1
    p[8] -= learningRate * dh1_2; // bias H1_2: gradient = δH1_2
    // SpreA, layer by layer after the inputs
    double[][] spreA = {{zh1_0, zh1_1, zh1_2}, {zh2_0, zh2_1}, {zo0}};
    double[][] spostA = {{h1_0, h1_1, h1_2}, {h2_0, h2_1}, {o0}}; // SpostA
    // S_ERROR at the outputs, δ in the hidden layers
    double[][] deltas = {{dh1_0, dh1_1, dh1_2}, {dh2_0, dh2_1}, {sError0}};
    return StepTrace.of(TOPOLOGY, input, target, learningRate, loss, before, p,
        spreA, spostA, deltas);
  }

  @Override
  public SmoothRegressionNetwork copy() {
    SmoothRegressionNetwork copy = new SmoothRegressionNetwork();
    System.arraycopy(p, 0, copy.p, 0, PARAMETERS);
    return copy;
  }

  /**
   * A network over this one's parameter arrays, with scratch of its own, for another thread.
   */
  @Override
  public SmoothRegressionNetwork copySharingParameters() {
    return new SmoothRegressionNetwork(this);
  }

  @Override
  public String toString() {
    return "SmoothRegressionNetwork " + TOPOLOGY;
  }

  /**
   * One sample of a batch: the forward pass, as predict(input, output) makes it, without its
   * checks.
   */
  private void predictFromI(double[] input, double[] output) {
    double x0 = input[0]; // SpostA,I0 = input
    double x1 = input[1]; // SpostA,I1 = input
    // Forward, hidden layer 1 (GELU): SpreA,H1 = ItoH · input + bias; SpostA,H1 = fA(SpreA,H1)
    double zh1_0 = p[0] * x0 + p[1] * x1 + p[6]; // SpreA,H1_0
    double zh1_1 = p[2] * x0 + p[3] * x1 + p[7]; // SpreA,H1_1
    double zh1_2 = p[4] * x0 + p[5] * x1 + p[8]; // SpreA,H1_2
    double h1_0 = gelu(zh1_0); // SpostA,H1_0 = fA(SpreA,H1_0)
    double h1_1 = gelu(zh1_1); // SpostA,H1_1 = fA(SpreA,H1_1)
    double h1_2 = gelu(zh1_2); // SpostA,H1_2 = fA(SpreA,H1_2)
    // Forward, hidden layer 2 (ELU): SpreA,H2 = HtoH · SpostA,H1 + bias; SpostA,H2 = fA(SpreA,H2)
    // SpostA,H2_0 = fA(SpreA,H2_0)
    double h2_0 = elu(p[9] * h1_0 + p[10] * h1_1 + p[11] * h1_2 + p[15]);
    // SpostA,H2_1 = fA(SpreA,H2_1)
    double h2_1 = elu(p[12] * h1_0 + p[13] * h1_1 + p[14] * h1_2 + p[16]);
    // Forward, output layer (softplus): SpreA,O = HtoO · SpostA,H2 + bias; SpostA,O = fA(SpreA,O)
    double o0 = softplus(p[17] * h2_0 + p[18] * h2_1 + p[19]); // SpostA,O0 = fA(SpreA,O0)
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
    // Forward, hidden layer 1 (GELU): SpreA,H1 = ItoH · input + bias; SpostA,H1 = fA(SpreA,H1)
    double zh1_0 = p[0] * x0 + p[1] * x1 + p[6]; // SpreA,H1_0
    double zh1_1 = p[2] * x0 + p[3] * x1 + p[7]; // SpreA,H1_1
    double zh1_2 = p[4] * x0 + p[5] * x1 + p[8]; // SpreA,H1_2
    double h1_0 = gelu(zh1_0); // SpostA,H1_0 = fA(SpreA,H1_0)
    double h1_1 = gelu(zh1_1); // SpostA,H1_1 = fA(SpreA,H1_1)
    double h1_2 = gelu(zh1_2); // SpostA,H1_2 = fA(SpreA,H1_2)
    // Forward, hidden layer 2 (ELU): SpreA,H2 = HtoH · SpostA,H1 + bias; SpostA,H2 = fA(SpreA,H2)
    // SpostA,H2_0 = fA(SpreA,H2_0)
    double h2_0 = elu(p[9] * h1_0 + p[10] * h1_1 + p[11] * h1_2 + p[15]);
    // SpostA,H2_1 = fA(SpreA,H2_1)
    double h2_1 = elu(p[12] * h1_0 + p[13] * h1_1 + p[14] * h1_2 + p[16]);
    // Forward, output layer (softplus): SpreA,O = HtoO · SpostA,H2 + bias; SpostA,O = fA(SpreA,O)
    double o0 = softplus(p[17] * h2_0 + p[18] * h2_1 + p[19]); // SpostA,O0 = fA(SpreA,O0)
    // Final error FE = SpostA,O − T
    double fe0 = o0 - target[0]; // FE0 = SpostA,O0 − T0
    // Loss E = ½ Σ FE²
    double loss = 0.5 * fe0 * fe0;
    // A loss that is not finite means training diverged: stop before any parameter changes
    if (!Double.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Error signal S_ERROR = FE × fA′(SpreA,O); for softplus fA′ = σ(SpreA) = 1 − e^(−SpostA)
    double sError0 = fe0 * softplusDerivative(o0); // S_ERROR0 = FE0 × fA′(SpreA,O0)
    // Hidden deltas by the chain rule: δH2 = fA′(SpreA,H2) × Σ S_ERROR × weight HtoO, using the
    // HtoO weights of the forward pass; each δH2 is computed once and reused by every HtoH weight
    // into its node. For ELU fA′ = 1 where SpostA > 0, else SpostA + α.
    // δH2_0 = fA′(SpreA,H2_0) × Σ S_ERROR × weight H2_0→O
    double dh2_0 = (h2_0 > 0.0 ? 1.0 : h2_0 + ELU_ALPHA) * sError0 * p[17];
    // δH2_1 = fA′(SpreA,H2_1) × Σ S_ERROR × weight H2_1→O
    double dh2_1 = (h2_1 > 0.0 ? 1.0 : h2_1 + ELU_ALPHA) * sError0 * p[18];
    // Hidden deltas by the chain rule: δH1 = fA′(SpreA,H1) × Σ δH2 × weight HtoH, using the HtoH
    // weights of the forward pass; each δH1 is computed once and reused by every ItoH weight into
    // its node. For GELU fA′ = Φ(SpreA) + SpreA φ(SpreA), from SpreA, which SpostA cannot tell.
    // δH1_0 = fA′(SpreA,H1_0) × Σ δH2 × weight H1_0→H2
    double dh1_0 = geluDerivative(zh1_0) * (dh2_0 * p[9] + dh2_1 * p[12]);
    // δH1_1 = fA′(SpreA,H1_1) × Σ δH2 × weight H1_1→H2
    double dh1_1 = geluDerivative(zh1_1) * (dh2_0 * p[10] + dh2_1 * p[13]);
    // δH1_2 = fA′(SpreA,H1_2) × Σ δH2 × weight H1_2→H2
    double dh1_2 = geluDerivative(zh1_2) * (dh2_0 * p[11] + dh2_1 * p[14]);
    // Gradient HtoO = S_ERROR × SpostA,H2 and, for the biases, gradient = S_ERROR
    gradientSum[17] += sError0 * h2_0; // weight H2_0→O0: gradient = S_ERROR0 × SpostA,H2_0
    gradientSum[18] += sError0 * h2_1; // weight H2_1→O0: gradient = S_ERROR0 × SpostA,H2_1
    gradientSum[19] += sError0; // bias O0: gradient = S_ERROR0
    // Gradient HtoH = δH2 × SpostA,H1 and, for the biases, gradient = δH2
    gradientSum[9] += dh2_0 * h1_0; // weight H1_0→H2_0: gradient = δH2_0 × SpostA,H1_0
    gradientSum[10] += dh2_0 * h1_1; // weight H1_1→H2_0: gradient = δH2_0 × SpostA,H1_1
    gradientSum[11] += dh2_0 * h1_2; // weight H1_2→H2_0: gradient = δH2_0 × SpostA,H1_2
    gradientSum[12] += dh2_1 * h1_0; // weight H1_0→H2_1: gradient = δH2_1 × SpostA,H1_0
    gradientSum[13] += dh2_1 * h1_1; // weight H1_1→H2_1: gradient = δH2_1 × SpostA,H1_1
    gradientSum[14] += dh2_1 * h1_2; // weight H1_2→H2_1: gradient = δH2_1 × SpostA,H1_2
    gradientSum[15] += dh2_0; // bias H2_0: gradient = δH2_0
    gradientSum[16] += dh2_1; // bias H2_1: gradient = δH2_1
    // Gradient ItoH = δH1 × input and, for the biases, gradient = δH1
    gradientSum[0] += dh1_0 * x0; // weight I0→H1_0: gradient = δH1_0 × SpostA,I0
    gradientSum[1] += dh1_0 * x1; // weight I1→H1_0: gradient = δH1_0 × SpostA,I1
    gradientSum[2] += dh1_1 * x0; // weight I0→H1_1: gradient = δH1_1 × SpostA,I0
    gradientSum[3] += dh1_1 * x1; // weight I1→H1_1: gradient = δH1_1 × SpostA,I1
    gradientSum[4] += dh1_2 * x0; // weight I0→H1_2: gradient = δH1_2 × SpostA,I0
    gradientSum[5] += dh1_2 * x1; // weight I1→H1_2: gradient = δH1_2 × SpostA,I1
    gradientSum[6] += dh1_0; // bias H1_0: gradient = δH1_0
    gradientSum[7] += dh1_1; // bias H1_1: gradient = δH1_1
    gradientSum[8] += dh1_2; // bias H1_2: gradient = δH1_2
    return loss;
  }

  /**
   * The exponential linear unit: z for z > 0, else α (e^z − 1), with expm1 so that small z keep
   * their digits.
   */
  private static double elu(double z) {
    return z > 0.0 ? z : ELU_ALPHA * Math.expm1(z);
  }

  /**
   * Softplus ln(1 + e^z), as log1p(e^z), which cannot lose the small values; z itself above the
   * threshold.
   */
  private static double softplus(double z) {
    return z > SOFTPLUS_THRESHOLD ? z : Math.log1p(Math.exp(z));
  }

  /**
   * The Gaussian error linear unit z Φ(z) = ½ z (1 + erf(z / √2)).
   */
  private static double gelu(double z) {
    return z * 0.5 * (1.0 + erf(z * SQRT1_2));
  }

  /**
   * The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt, which Math lacks: within 5 ulps of the exact
   * value. The series up to |x| = 2.5, a continued fraction for erfc up to 6, then ±1; odd.
   */
  private static double erf(double x) {
    double ax = Math.abs(x);
    double r;
    if (ax < 2.5) {
      // (2/√π) x e^(−x²) Σ 2ⁿ x²ⁿ / (1 · 3 ⋯ (2n + 1)): every term positive, so nothing cancels
      double u = ax * ax;
      double sum = 0.0;
      for (int n = ERF_SERIES.length - 1; n >= 0; n--) {
        sum = sum * u + ERF_SERIES[n];
      }
      r = 1.1283791670955126 * ax * Math.exp(-u) * sum;
    } else if (ax < 6.0) {
      // 1 − erfc(x), erfc(x) = e^(−x²)/√π × 1/(x + ½/(x + 1/(x + 3/2/(x + …)))), 40 terms deep
      double fraction = 0.0;
      for (int n = 40; n > 0; n--) {
        fraction = 0.5 * n / (ax + fraction);
      }
      r = 1.0 - Math.exp(-ax * ax) / (ax + fraction) * 0.5641895835477563;
    } else if (ax >= 6.0) {
      // erfc(x) is below half an ulp of 1
      r = 1.0;
    } else {
      // NaN
      return x;
    }
    return Math.copySign(r, x);
  }

  /**
   * fA′ of softplus from SpostA = a: σ(SpreA) = 1 − e^(−a), as −expm1(−a), which keeps its digits
   * where σ is small; 1 above the threshold, where softplus is SpreA itself.
   */
  private static double softplusDerivative(double a) {
    return a > SOFTPLUS_THRESHOLD ? 1.0 : -Math.expm1(-a);
  }

  /**
   * fA′ of GELU from SpreA = z: Φ(z) + z φ(z), with Φ(z) = ½ (1 + erf(z / √2)) and φ(z) = e^(−z²/2)
   * / √(2π).
   */
  private static double geluDerivative(double z) {
    double pdf = Math.exp(-0.5 * z * z) * 0.3989422804014327;
    return 0.5 * (1.0 + erf(z * SQRT1_2)) + z * pdf;
  }
}
