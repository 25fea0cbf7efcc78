package dev.hardwired.examples;

import dev.hardwired.Activation;
import dev.hardwired.Checks;
import dev.hardwired.Initialization;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.TrainableNetwork;
import javax.annotation.processing.Generated;

/**
 * Wine, hardwired: 13 inputs → 16 hidden (tanh) → 3 outputs (softmax); categorical cross-entropy;
 * stochastic gradient descent.
 *
 * <p>Generated from {@link Wine}: the forward pass and backpropagation are written out for exactly
 * this topology. Training changes an instance, and so does {@code predict} (its looped layers keep
 * their values in fields), so it belongs to one thread at a time: give each thread its own
 * {@link #copy()}, which shares nothing with it.
 *
 * <p>Layers written as loops over weight rows: the hidden layer (13 → 16); the others are
 * straight-line code.
 */
@Generated("dev.hardwired.processor.NetworkProcessor")
public final class WineNetwork implements Wine, TrainableNetwork {
  /**
   * Number of inputs.
   */
  public static final int INPUTS = 13;

  /**
   * Number of outputs.
   */
  public static final int OUTPUTS = 3;

  /**
   * Number of parameters: every weight and every bias.
   */
  public static final int PARAMETERS = 275;

  /**
   * Number of nodes in the hidden layer.
   */
  private static final int HIDDEN = 16;

  private static final Topology TOPOLOGY = Topology.of(13, new int[] {16}, 3,
      new Activation[] {Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);

  /**
   * Samples per tile of the batched methods: each row of gradient sums is loaded once per tile.
   */
  private static final int TILE = 4;

  /**
   * The parameters of the unrolled layers in one array, layer by layer:
   * HtoO weights p[0..47], output biases p[48..50] (parameters 224..274 of the flat order);
   * the weight into node j from node i of the layer before is at
   * (first weight) + j × (size of the layer before) + i.
   */
  private final double[] p;

  /**
   * ItoH weights, one row per node of the input layer: wItoH[i][j] is the weight from I_i into H_j,
   * parameter j × 13 + i of the flat order.
   */
  private final double[][] wItoH;

  /**
   * Biases of the hidden layer, parameters 208.. of the flat order.
   */
  private final double[] bH;

  /**
   * The parameter arrays, as {@link #parameterArrays()} hands them out to optimizers: p, then each
   * looped layer's weight rows, then its biases.
   */
  private final double[][] parameterArrays = new double[15][];

  /**
   * SpostA,H of the last forward pass.
   */
  private final double[] spostAH = new double[HIDDEN];

  /**
   * δH of the last backward pass; the update turns it into the step −LR × δH.
   */
  private final double[] deltaH = new double[HIDDEN];

  /**
   * SpostA,H of each sample of the last tile.
   */
  private final double[][] tileSpostAH = new double[TILE][HIDDEN];

  /**
   * δH of each sample of the last tile.
   */
  private final double[][] tileDeltaH = new double[TILE][HIDDEN];

  private WineNetwork() {
    this(null);
  }

  /**
   * Over new parameter arrays, or over those of {@code original}, shared; with scratch of its own.
   */
  private WineNetwork(WineNetwork original) {
    p = original == null ? new double[51] : original.p;
    wItoH = original == null ? new double[INPUTS][HIDDEN] : original.wItoH;
    bH = original == null ? new double[HIDDEN] : original.bH;
    parameterArrays[0] = p;
    System.arraycopy(wItoH, 0, parameterArrays, 1, INPUTS);
    parameterArrays[14] = bH;
  }

  /**
   * A network with the default initialisation from {@code seed}: see {@link Initialization}.
   */
  public static WineNetwork seeded(long seed) {
    WineNetwork network = new WineNetwork();
    double[] parameters = new double[PARAMETERS];
    Initialization.initialize(TOPOLOGY, seed, parameters);
    network.setParameters(parameters);
    return network;
  }

  /**
   * A network with the given parameters, laid out as {@link #getParameters} gives them.
   */
  public static WineNetwork withParameters(double[] parameters) {
    WineNetwork network = new WineNetwork();
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
    // ItoH: row i holds the weights from I_i, flat at j × 13 + i
    for (int i = 0; i < INPUTS; i++) {
      double[] w = wItoH[i];
      for (int j = 0; j < HIDDEN; j++) {
        destination[j * INPUTS + i] = w[j];
      }
    }
    System.arraycopy(bH, 0, destination, 208, HIDDEN);
    System.arraycopy(p, 0, destination, 224, 51);
  }

  @Override
  public void setParameters(double[] source) {
    Checks.requireFinite(source, PARAMETERS, "parameters");
    // ItoH: row i holds the weights from I_i, flat at j × 13 + i
    for (int i = 0; i < INPUTS; i++) {
      double[] w = wItoH[i];
      for (int j = 0; j < HIDDEN; j++) {
        w[j] = source[j * INPUTS + i];
      }
    }
    System.arraycopy(source, 208, bH, 0, HIDDEN);
    System.arraycopy(source, 224, p, 0, 51);
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
    // Forward, hidden layer (tanh, looped): SpreA,H = ItoH · input + bias; SpostA,H = fA(SpreA,H)
    forwardH(input);
    // Forward, output layer (softmax): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
    // SpreA,O0
    double zo0 = p[0] * spostAH[0] + p[1] * spostAH[1] + p[2] * spostAH[2] + p[3] * spostAH[3]
        + p[4] * spostAH[4] + p[5] * spostAH[5] + p[6] * spostAH[6] + p[7] * spostAH[7]
        + p[8] * spostAH[8] + p[9] * spostAH[9] + p[10] * spostAH[10] + p[11] * spostAH[11]
        + p[12] * spostAH[12] + p[13] * spostAH[13] + p[14] * spostAH[14] + p[15] * spostAH[15]
        + p[48];
    // SpreA,O1
    double zo1 = p[16] * spostAH[0] + p[17] * spostAH[1] + p[18] * spostAH[2] + p[19] * spostAH[3]
        + p[20] * spostAH[4] + p[21] * spostAH[5] + p[22] * spostAH[6] + p[23] * spostAH[7]
        + p[24] * spostAH[8] + p[25] * spostAH[9] + p[26] * spostAH[10] + p[27] * spostAH[11]
        + p[28] * spostAH[12] + p[29] * spostAH[13] + p[30] * spostAH[14] + p[31] * spostAH[15]
        + p[49];
    // SpreA,O2
    double zo2 = p[32] * spostAH[0] + p[33] * spostAH[1] + p[34] * spostAH[2] + p[35] * spostAH[3]
        + p[36] * spostAH[4] + p[37] * spostAH[5] + p[38] * spostAH[6] + p[39] * spostAH[7]
        + p[40] * spostAH[8] + p[41] * spostAH[9] + p[42] * spostAH[10] + p[43] * spostAH[11]
        + p[44] * spostAH[12] + p[45] * spostAH[13] + p[46] * spostAH[14] + p[47] * spostAH[15]
        + p[50];
    // Softmax: SpostA,O = e^SpreA,O / Σ e^SpreA,O, shifted by the largest SpreA,O so exp cannot
    // overflow
    double max = Math.max(zo0, Math.max(zo1, zo2)); // the largest SpreA,O
    double e0 = Math.exp(zo0 - max); // e^(SpreA,O0 − max)
    double e1 = Math.exp(zo1 - max); // e^(SpreA,O1 − max)
    double e2 = Math.exp(zo2 - max); // e^(SpreA,O2 − max)
    double sum = e0 + e1 + e2; // Σ e^(SpreA,O − max)
    double o0 = e0 / sum; // SpostA,O0
    double o1 = e1 / sum; // SpostA,O1
    double o2 = e2 / sum; // SpostA,O2
    output[0] = o0;
    output[1] = o1;
    output[2] = o2;
  }

  @Override
  public double train(double[] input, double[] target, double learningRate) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    Checks.requireLearningRate(learningRate);
    // Forward, hidden layer (tanh, looped): SpreA,H = ItoH · input + bias; SpostA,H = fA(SpreA,H)
    forwardH(input);
    // Forward, output layer (softmax): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
    // SpreA,O0
    double zo0 = p[0] * spostAH[0] + p[1] * spostAH[1] + p[2] * spostAH[2] + p[3] * spostAH[3]
        + p[4] * spostAH[4] + p[5] * spostAH[5] + p[6] * spostAH[6] + p[7] * spostAH[7]
        + p[8] * spostAH[8] + p[9] * spostAH[9] + p[10] * spostAH[10] + p[11] * spostAH[11]
        + p[12] * spostAH[12] + p[13] * spostAH[13] + p[14] * spostAH[14] + p[15] * spostAH[15]
        + p[48];
    // SpreA,O1
    double zo1 = p[16] * spostAH[0] + p[17] * spostAH[1] + p[18] * spostAH[2] + p[19] * spostAH[3]
        + p[20] * spostAH[4] + p[21] * spostAH[5] + p[22] * spostAH[6] + p[23] * spostAH[7]
        + p[24] * spostAH[8] + p[25] * spostAH[9] + p[26] * spostAH[10] + p[27] * spostAH[11]
        + p[28] * spostAH[12] + p[29] * spostAH[13] + p[30] * spostAH[14] + p[31] * spostAH[15]
        + p[49];
    // SpreA,O2
    double zo2 = p[32] * spostAH[0] + p[33] * spostAH[1] + p[34] * spostAH[2] + p[35] * spostAH[3]
        + p[36] * spostAH[4] + p[37] * spostAH[5] + p[38] * spostAH[6] + p[39] * spostAH[7]
        + p[40] * spostAH[8] + p[41] * spostAH[9] + p[42] * spostAH[10] + p[43] * spostAH[11]
        + p[44] * spostAH[12] + p[45] * spostAH[13] + p[46] * spostAH[14] + p[47] * spostAH[15]
        + p[50];
    // Softmax: SpostA,O = e^SpreA,O / Σ e^SpreA,O, shifted by the largest SpreA,O so exp cannot
    // overflow
    double max = Math.max(zo0, Math.max(zo1, zo2)); // the largest SpreA,O
    double e0 = Math.exp(zo0 - max); // e^(SpreA,O0 − max)
    double e1 = Math.exp(zo1 - max); // e^(SpreA,O1 − max)
    double e2 = Math.exp(zo2 - max); // e^(SpreA,O2 − max)
    double sum = e0 + e1 + e2; // Σ e^(SpreA,O − max)
    double o0 = e0 / sum; // SpostA,O0
    double o1 = e1 / sum; // SpostA,O1
    double o2 = e2 / sum; // SpostA,O2
    // Loss E = −Σ T ln SpostA,O = Σ T (ln Σ e^SpreA,O − SpreA,O)
    double logSumExp = max + Math.log(sum);
    double loss = target[0] * (logSumExp - zo0) + target[1] * (logSumExp - zo1)
        + target[2] * (logSumExp - zo2);
    // A loss that is not finite means training diverged: stop before any parameter changes
    if (!Double.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Error signal S_ERROR = SpostA,O − T: with categorical cross-entropy the derivative of the
    // softmax cancels
    double sError0 = o0 - target[0]; // S_ERROR0 = SpostA,O0 − T0
    double sError1 = o1 - target[1]; // S_ERROR1 = SpostA,O1 − T1
    double sError2 = o2 - target[2]; // S_ERROR2 = SpostA,O2 − T2
    // Hidden deltas by the chain rule: δH = fA′(SpreA,H) × Σ S_ERROR × weight HtoO, using the HtoO
    // weights of the forward pass; each δH is computed once and reused by every ItoH weight into
    // its node. For tanh fA′ = 1 − SpostA².
    // δH0 = fA′(SpreA,H0) × Σ S_ERROR × weight H0→O
    deltaH[0] = (1.0 - spostAH[0] * spostAH[0]) * (sError0 * p[0] + sError1 * p[16]
        + sError2 * p[32]);
    // δH1 = fA′(SpreA,H1) × Σ S_ERROR × weight H1→O
    deltaH[1] = (1.0 - spostAH[1] * spostAH[1]) * (sError0 * p[1] + sError1 * p[17]
        + sError2 * p[33]);
    // δH2 = fA′(SpreA,H2) × Σ S_ERROR × weight H2→O
    deltaH[2] = (1.0 - spostAH[2] * spostAH[2]) * (sError0 * p[2] + sError1 * p[18]
        + sError2 * p[34]);
    // δH3 = fA′(SpreA,H3) × Σ S_ERROR × weight H3→O
    deltaH[3] = (1.0 - spostAH[3] * spostAH[3]) * (sError0 * p[3] + sError1 * p[19]
        + sError2 * p[35]);
    // δH4 = fA′(SpreA,H4) × Σ S_ERROR × weight H4→O
    deltaH[4] = (1.0 - spostAH[4] * spostAH[4]) * (sError0 * p[4] + sError1 * p[20]
        + sError2 * p[36]);
    // δH5 = fA′(SpreA,H5) × Σ S_ERROR × weight H5→O
    deltaH[5] = (1.0 - spostAH[5] * spostAH[5]) * (sError0 * p[5] + sError1 * p[21]
        + sError2 * p[37]);
    // δH6 = fA′(SpreA,H6) × Σ S_ERROR × weight H6→O
    deltaH[6] = (1.0 - spostAH[6] * spostAH[6]) * (sError0 * p[6] + sError1 * p[22]
        + sError2 * p[38]);
    // δH7 = fA′(SpreA,H7) × Σ S_ERROR × weight H7→O
    deltaH[7] = (1.0 - spostAH[7] * spostAH[7]) * (sError0 * p[7] + sError1 * p[23]
        + sError2 * p[39]);
    // δH8 = fA′(SpreA,H8) × Σ S_ERROR × weight H8→O
    deltaH[8] = (1.0 - spostAH[8] * spostAH[8]) * (sError0 * p[8] + sError1 * p[24]
        + sError2 * p[40]);
    // δH9 = fA′(SpreA,H9) × Σ S_ERROR × weight H9→O
    deltaH[9] = (1.0 - spostAH[9] * spostAH[9]) * (sError0 * p[9] + sError1 * p[25]
        + sError2 * p[41]);
    // δH10 = fA′(SpreA,H10) × Σ S_ERROR × weight H10→O
    deltaH[10] = (1.0 - spostAH[10] * spostAH[10]) * (sError0 * p[10] + sError1 * p[26]
        + sError2 * p[42]);
    // δH11 = fA′(SpreA,H11) × Σ S_ERROR × weight H11→O
    deltaH[11] = (1.0 - spostAH[11] * spostAH[11]) * (sError0 * p[11] + sError1 * p[27]
        + sError2 * p[43]);
    // δH12 = fA′(SpreA,H12) × Σ S_ERROR × weight H12→O
    deltaH[12] = (1.0 - spostAH[12] * spostAH[12]) * (sError0 * p[12] + sError1 * p[28]
        + sError2 * p[44]);
    // δH13 = fA′(SpreA,H13) × Σ S_ERROR × weight H13→O
    deltaH[13] = (1.0 - spostAH[13] * spostAH[13]) * (sError0 * p[13] + sError1 * p[29]
        + sError2 * p[45]);
    // δH14 = fA′(SpreA,H14) × Σ S_ERROR × weight H14→O
    deltaH[14] = (1.0 - spostAH[14] * spostAH[14]) * (sError0 * p[14] + sError1 * p[30]
        + sError2 * p[46]);
    // δH15 = fA′(SpreA,H15) × Σ S_ERROR × weight H15→O
    deltaH[15] = (1.0 - spostAH[15] * spostAH[15]) * (sError0 * p[15] + sError1 * p[31]
        + sError2 * p[47]);
    // Update HtoO: weight ← weight − LR × gradient, with gradient HtoO = S_ERROR × SpostA,H and,
    // for the biases, gradient = S_ERROR
    p[0] -= learningRate * sError0 * spostAH[0]; // weight H0→O0: gradient = S_ERROR0 × SpostA,H0
    p[1] -= learningRate * sError0 * spostAH[1]; // weight H1→O0: gradient = S_ERROR0 × SpostA,H1
    p[2] -= learningRate * sError0 * spostAH[2]; // weight H2→O0: gradient = S_ERROR0 × SpostA,H2
    p[3] -= learningRate * sError0 * spostAH[3]; // weight H3→O0: gradient = S_ERROR0 × SpostA,H3
    p[4] -= learningRate * sError0 * spostAH[4]; // weight H4→O0: gradient = S_ERROR0 × SpostA,H4
    p[5] -= learningRate * sError0 * spostAH[5]; // weight H5→O0: gradient = S_ERROR0 × SpostA,H5
    p[6] -= learningRate * sError0 * spostAH[6]; // weight H6→O0: gradient = S_ERROR0 × SpostA,H6
    p[7] -= learningRate * sError0 * spostAH[7]; // weight H7→O0: gradient = S_ERROR0 × SpostA,H7
    p[8] -= learningRate * sError0 * spostAH[8]; // weight H8→O0: gradient = S_ERROR0 × SpostA,H8
    p[9] -= learningRate * sError0 * spostAH[9]; // weight H9→O0: gradient = S_ERROR0 × SpostA,H9
    // weight H10→O0: gradient = S_ERROR0 × SpostA,H10
    p[10] -= learningRate * sError0 * spostAH[10];
    // weight H11→O0: gradient = S_ERROR0 × SpostA,H11
    p[11] -= learningRate * sError0 * spostAH[11];
    // weight H12→O0: gradient = S_ERROR0 × SpostA,H12
    p[12] -= learningRate * sError0 * spostAH[12];
    // weight H13→O0: gradient = S_ERROR0 × SpostA,H13
    p[13] -= learningRate * sError0 * spostAH[13];
    // weight H14→O0: gradient = S_ERROR0 × SpostA,H14
    p[14] -= learningRate * sError0 * spostAH[14];
    // weight H15→O0: gradient = S_ERROR0 × SpostA,H15
    p[15] -= learningRate * sError0 * spostAH[15];
    p[16] -= learningRate * sError1 * spostAH[0]; // weight H0→O1: gradient = S_ERROR1 × SpostA,H0
    p[17] -= learningRate * sError1 * spostAH[1]; // weight H1→O1: gradient = S_ERROR1 × SpostA,H1
    p[18] -= learningRate * sError1 * spostAH[2]; // weight H2→O1: gradient = S_ERROR1 × SpostA,H2
    p[19] -= learningRate * sError1 * spostAH[3]; // weight H3→O1: gradient = S_ERROR1 × SpostA,H3
    p[20] -= learningRate * sError1 * spostAH[4]; // weight H4→O1: gradient = S_ERROR1 × SpostA,H4
    p[21] -= learningRate * sError1 * spostAH[5]; // weight H5→O1: gradient = S_ERROR1 × SpostA,H5
    p[22] -= learningRate * sError1 * spostAH[6]; // weight H6→O1: gradient = S_ERROR1 × SpostA,H6
    p[23] -= learningRate * sError1 * spostAH[7]; // weight H7→O1: gradient = S_ERROR1 × SpostA,H7
    p[24] -= learningRate * sError1 * spostAH[8]; // weight H8→O1: gradient = S_ERROR1 × SpostA,H8
    p[25] -= learningRate * sError1 * spostAH[9]; // weight H9→O1: gradient = S_ERROR1 × SpostA,H9
    // weight H10→O1: gradient = S_ERROR1 × SpostA,H10
    p[26] -= learningRate * sError1 * spostAH[10];
    // weight H11→O1: gradient = S_ERROR1 × SpostA,H11
    p[27] -= learningRate * sError1 * spostAH[11];
    // weight H12→O1: gradient = S_ERROR1 × SpostA,H12
    p[28] -= learningRate * sError1 * spostAH[12];
    // weight H13→O1: gradient = S_ERROR1 × SpostA,H13
    p[29] -= learningRate * sError1 * spostAH[13];
    // weight H14→O1: gradient = S_ERROR1 × SpostA,H14
    p[30] -= learningRate * sError1 * spostAH[14];
    // weight H15→O1: gradient = S_ERROR1 × SpostA,H15
    p[31] -= learningRate * sError1 * spostAH[15];
    p[32] -= learningRate * sError2 * spostAH[0]; // weight H0→O2: gradient = S_ERROR2 × SpostA,H0
    p[33] -= learningRate * sError2 * spostAH[1]; // weight H1→O2: gradient = S_ERROR2 × SpostA,H1
    p[34] -= learningRate * sError2 * spostAH[2]; // weight H2→O2: gradient = S_ERROR2 × SpostA,H2
    p[35] -= learningRate * sError2 * spostAH[3]; // weight H3→O2: gradient = S_ERROR2 × SpostA,H3
    p[36] -= learningRate * sError2 * spostAH[4]; // weight H4→O2: gradient = S_ERROR2 × SpostA,H4
    p[37] -= learningRate * sError2 * spostAH[5]; // weight H5→O2: gradient = S_ERROR2 × SpostA,H5
    p[38] -= learningRate * sError2 * spostAH[6]; // weight H6→O2: gradient = S_ERROR2 × SpostA,H6
    p[39] -= learningRate * sError2 * spostAH[7]; // weight H7→O2: gradient = S_ERROR2 × SpostA,H7
    p[40] -= learningRate * sError2 * spostAH[8]; // weight H8→O2: gradient = S_ERROR2 × SpostA,H8
    p[41] -= learningRate * sError2 * spostAH[9]; // weight H9→O2: gradient = S_ERROR2 × SpostA,H9
    // weight H10→O2: gradient = S_ERROR2 × SpostA,H10
    p[42] -= learningRate * sError2 * spostAH[10];
    // weight H11→O2: gradient = S_ERROR2 × SpostA,H11
    p[43] -= learningRate * sError2 * spostAH[11];
    // weight H12→O2: gradient = S_ERROR2 × SpostA,H12
    p[44] -= learningRate * sError2 * spostAH[12];
    // weight H13→O2: gradient = S_ERROR2 × SpostA,H13
    p[45] -= learningRate * sError2 * spostAH[13];
    // weight H14→O2: gradient = S_ERROR2 × SpostA,H14
    p[46] -= learningRate * sError2 * spostAH[14];
    // weight H15→O2: gradient = S_ERROR2 × SpostA,H15
    p[47] -= learningRate * sError2 * spostAH[15];
    p[48] -= learningRate * sError0; // bias O0: gradient = S_ERROR0
    p[49] -= learningRate * sError1; // bias O1: gradient = S_ERROR1
    p[50] -= learningRate * sError2; // bias O2: gradient = S_ERROR2
    // Update ItoH: weight ← weight − LR × gradient, with gradient ItoH = δH × input and, for the
    // biases, gradient = δH
    updateItoH(input, learningRate);
    return loss;
  }

  @Override
  public double loss(double[] input, double[] target) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    // Forward, hidden layer (tanh, looped): SpreA,H = ItoH · input + bias; SpostA,H = fA(SpreA,H)
    forwardH(input);
    // Forward, output layer (softmax): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
    // SpreA,O0
    double zo0 = p[0] * spostAH[0] + p[1] * spostAH[1] + p[2] * spostAH[2] + p[3] * spostAH[3]
        + p[4] * spostAH[4] + p[5] * spostAH[5] + p[6] * spostAH[6] + p[7] * spostAH[7]
        + p[8] * spostAH[8] + p[9] * spostAH[9] + p[10] * spostAH[10] + p[11] * spostAH[11]
        + p[12] * spostAH[12] + p[13] * spostAH[13] + p[14] * spostAH[14] + p[15] * spostAH[15]
        + p[48];
    // SpreA,O1
    double zo1 = p[16] * spostAH[0] + p[17] * spostAH[1] + p[18] * spostAH[2] + p[19] * spostAH[3]
        + p[20] * spostAH[4] + p[21] * spostAH[5] + p[22] * spostAH[6] + p[23] * spostAH[7]
        + p[24] * spostAH[8] + p[25] * spostAH[9] + p[26] * spostAH[10] + p[27] * spostAH[11]
        + p[28] * spostAH[12] + p[29] * spostAH[13] + p[30] * spostAH[14] + p[31] * spostAH[15]
        + p[49];
    // SpreA,O2
    double zo2 = p[32] * spostAH[0] + p[33] * spostAH[1] + p[34] * spostAH[2] + p[35] * spostAH[3]
        + p[36] * spostAH[4] + p[37] * spostAH[5] + p[38] * spostAH[6] + p[39] * spostAH[7]
        + p[40] * spostAH[8] + p[41] * spostAH[9] + p[42] * spostAH[10] + p[43] * spostAH[11]
        + p[44] * spostAH[12] + p[45] * spostAH[13] + p[46] * spostAH[14] + p[47] * spostAH[15]
        + p[50];
    // Softmax: SpostA,O = e^SpreA,O / Σ e^SpreA,O, shifted by the largest SpreA,O so exp cannot
    // overflow
    double max = Math.max(zo0, Math.max(zo1, zo2)); // the largest SpreA,O
    double e0 = Math.exp(zo0 - max); // e^(SpreA,O0 − max)
    double e1 = Math.exp(zo1 - max); // e^(SpreA,O1 − max)
    double e2 = Math.exp(zo2 - max); // e^(SpreA,O2 − max)
    double sum = e0 + e1 + e2; // Σ e^(SpreA,O − max)
    double o0 = e0 / sum; // SpostA,O0
    double o1 = e1 / sum; // SpostA,O1
    double o2 = e2 / sum; // SpostA,O2
    // Loss E = −Σ T ln SpostA,O = Σ T (ln Σ e^SpreA,O − SpreA,O)
    double logSumExp = max + Math.log(sum);
    double loss = target[0] * (logSumExp - zo0) + target[1] * (logSumExp - zo1)
        + target[2] * (logSumExp - zo2);
    return loss;
  }

  @Override
  public double accumulateGradient(double[] input, double[] target, double[] gradientSum) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    Checks.requireLength(gradientSum, PARAMETERS, "gradientSum");
    // Forward, hidden layer (tanh, looped): SpreA,H = ItoH · input + bias; SpostA,H = fA(SpreA,H)
    forwardH(input);
    // Forward, output layer (softmax): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
    // SpreA,O0
    double zo0 = p[0] * spostAH[0] + p[1] * spostAH[1] + p[2] * spostAH[2] + p[3] * spostAH[3]
        + p[4] * spostAH[4] + p[5] * spostAH[5] + p[6] * spostAH[6] + p[7] * spostAH[7]
        + p[8] * spostAH[8] + p[9] * spostAH[9] + p[10] * spostAH[10] + p[11] * spostAH[11]
        + p[12] * spostAH[12] + p[13] * spostAH[13] + p[14] * spostAH[14] + p[15] * spostAH[15]
        + p[48];
    // SpreA,O1
    double zo1 = p[16] * spostAH[0] + p[17] * spostAH[1] + p[18] * spostAH[2] + p[19] * spostAH[3]
        + p[20] * spostAH[4] + p[21] * spostAH[5] + p[22] * spostAH[6] + p[23] * spostAH[7]
        + p[24] * spostAH[8] + p[25] * spostAH[9] + p[26] * spostAH[10] + p[27] * spostAH[11]
        + p[28] * spostAH[12] + p[29] * spostAH[13] + p[30] * spostAH[14] + p[31] * spostAH[15]
        + p[49];
    // SpreA,O2
    double zo2 = p[32] * spostAH[0] + p[33] * spostAH[1] + p[34] * spostAH[2] + p[35] * spostAH[3]
        + p[36] * spostAH[4] + p[37] * spostAH[5] + p[38] * spostAH[6] + p[39] * spostAH[7]
        + p[40] * spostAH[8] + p[41] * spostAH[9] + p[42] * spostAH[10] + p[43] * spostAH[11]
        + p[44] * spostAH[12] + p[45] * spostAH[13] + p[46] * spostAH[14] + p[47] * spostAH[15]
        + p[50];
    // Softmax: SpostA,O = e^SpreA,O / Σ e^SpreA,O, shifted by the largest SpreA,O so exp cannot
    // overflow
    double max = Math.max(zo0, Math.max(zo1, zo2)); // the largest SpreA,O
    double e0 = Math.exp(zo0 - max); // e^(SpreA,O0 − max)
    double e1 = Math.exp(zo1 - max); // e^(SpreA,O1 − max)
    double e2 = Math.exp(zo2 - max); // e^(SpreA,O2 − max)
    double sum = e0 + e1 + e2; // Σ e^(SpreA,O − max)
    double o0 = e0 / sum; // SpostA,O0
    double o1 = e1 / sum; // SpostA,O1
    double o2 = e2 / sum; // SpostA,O2
    // Loss E = −Σ T ln SpostA,O = Σ T (ln Σ e^SpreA,O − SpreA,O)
    double logSumExp = max + Math.log(sum);
    double loss = target[0] * (logSumExp - zo0) + target[1] * (logSumExp - zo1)
        + target[2] * (logSumExp - zo2);
    // A loss that is not finite means training diverged: stop before any parameter changes
    if (!Double.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Error signal S_ERROR = SpostA,O − T: with categorical cross-entropy the derivative of the
    // softmax cancels
    double sError0 = o0 - target[0]; // S_ERROR0 = SpostA,O0 − T0
    double sError1 = o1 - target[1]; // S_ERROR1 = SpostA,O1 − T1
    double sError2 = o2 - target[2]; // S_ERROR2 = SpostA,O2 − T2
    // Hidden deltas by the chain rule: δH = fA′(SpreA,H) × Σ S_ERROR × weight HtoO, using the HtoO
    // weights of the forward pass; each δH is computed once and reused by every ItoH weight into
    // its node. For tanh fA′ = 1 − SpostA².
    // δH0 = fA′(SpreA,H0) × Σ S_ERROR × weight H0→O
    deltaH[0] = (1.0 - spostAH[0] * spostAH[0]) * (sError0 * p[0] + sError1 * p[16]
        + sError2 * p[32]);
    // δH1 = fA′(SpreA,H1) × Σ S_ERROR × weight H1→O
    deltaH[1] = (1.0 - spostAH[1] * spostAH[1]) * (sError0 * p[1] + sError1 * p[17]
        + sError2 * p[33]);
    // δH2 = fA′(SpreA,H2) × Σ S_ERROR × weight H2→O
    deltaH[2] = (1.0 - spostAH[2] * spostAH[2]) * (sError0 * p[2] + sError1 * p[18]
        + sError2 * p[34]);
    // δH3 = fA′(SpreA,H3) × Σ S_ERROR × weight H3→O
    deltaH[3] = (1.0 - spostAH[3] * spostAH[3]) * (sError0 * p[3] + sError1 * p[19]
        + sError2 * p[35]);
    // δH4 = fA′(SpreA,H4) × Σ S_ERROR × weight H4→O
    deltaH[4] = (1.0 - spostAH[4] * spostAH[4]) * (sError0 * p[4] + sError1 * p[20]
        + sError2 * p[36]);
    // δH5 = fA′(SpreA,H5) × Σ S_ERROR × weight H5→O
    deltaH[5] = (1.0 - spostAH[5] * spostAH[5]) * (sError0 * p[5] + sError1 * p[21]
        + sError2 * p[37]);
    // δH6 = fA′(SpreA,H6) × Σ S_ERROR × weight H6→O
    deltaH[6] = (1.0 - spostAH[6] * spostAH[6]) * (sError0 * p[6] + sError1 * p[22]
        + sError2 * p[38]);
    // δH7 = fA′(SpreA,H7) × Σ S_ERROR × weight H7→O
    deltaH[7] = (1.0 - spostAH[7] * spostAH[7]) * (sError0 * p[7] + sError1 * p[23]
        + sError2 * p[39]);
    // δH8 = fA′(SpreA,H8) × Σ S_ERROR × weight H8→O
    deltaH[8] = (1.0 - spostAH[8] * spostAH[8]) * (sError0 * p[8] + sError1 * p[24]
        + sError2 * p[40]);
    // δH9 = fA′(SpreA,H9) × Σ S_ERROR × weight H9→O
    deltaH[9] = (1.0 - spostAH[9] * spostAH[9]) * (sError0 * p[9] + sError1 * p[25]
        + sError2 * p[41]);
    // δH10 = fA′(SpreA,H10) × Σ S_ERROR × weight H10→O
    deltaH[10] = (1.0 - spostAH[10] * spostAH[10]) * (sError0 * p[10] + sError1 * p[26]
        + sError2 * p[42]);
    // δH11 = fA′(SpreA,H11) × Σ S_ERROR × weight H11→O
    deltaH[11] = (1.0 - spostAH[11] * spostAH[11]) * (sError0 * p[11] + sError1 * p[27]
        + sError2 * p[43]);
    // δH12 = fA′(SpreA,H12) × Σ S_ERROR × weight H12→O
    deltaH[12] = (1.0 - spostAH[12] * spostAH[12]) * (sError0 * p[12] + sError1 * p[28]
        + sError2 * p[44]);
    // δH13 = fA′(SpreA,H13) × Σ S_ERROR × weight H13→O
    deltaH[13] = (1.0 - spostAH[13] * spostAH[13]) * (sError0 * p[13] + sError1 * p[29]
        + sError2 * p[45]);
    // δH14 = fA′(SpreA,H14) × Σ S_ERROR × weight H14→O
    deltaH[14] = (1.0 - spostAH[14] * spostAH[14]) * (sError0 * p[14] + sError1 * p[30]
        + sError2 * p[46]);
    // δH15 = fA′(SpreA,H15) × Σ S_ERROR × weight H15→O
    deltaH[15] = (1.0 - spostAH[15] * spostAH[15]) * (sError0 * p[15] + sError1 * p[31]
        + sError2 * p[47]);
    // Gradient HtoO = S_ERROR × SpostA,H and, for the biases, gradient = S_ERROR
    gradientSum[224] += sError0 * spostAH[0]; // weight H0→O0: gradient = S_ERROR0 × SpostA,H0
    gradientSum[225] += sError0 * spostAH[1]; // weight H1→O0: gradient = S_ERROR0 × SpostA,H1
    gradientSum[226] += sError0 * spostAH[2]; // weight H2→O0: gradient = S_ERROR0 × SpostA,H2
    gradientSum[227] += sError0 * spostAH[3]; // weight H3→O0: gradient = S_ERROR0 × SpostA,H3
    gradientSum[228] += sError0 * spostAH[4]; // weight H4→O0: gradient = S_ERROR0 × SpostA,H4
    gradientSum[229] += sError0 * spostAH[5]; // weight H5→O0: gradient = S_ERROR0 × SpostA,H5
    gradientSum[230] += sError0 * spostAH[6]; // weight H6→O0: gradient = S_ERROR0 × SpostA,H6
    gradientSum[231] += sError0 * spostAH[7]; // weight H7→O0: gradient = S_ERROR0 × SpostA,H7
    gradientSum[232] += sError0 * spostAH[8]; // weight H8→O0: gradient = S_ERROR0 × SpostA,H8
    gradientSum[233] += sError0 * spostAH[9]; // weight H9→O0: gradient = S_ERROR0 × SpostA,H9
    gradientSum[234] += sError0 * spostAH[10]; // weight H10→O0: gradient = S_ERROR0 × SpostA,H10
    gradientSum[235] += sError0 * spostAH[11]; // weight H11→O0: gradient = S_ERROR0 × SpostA,H11
    gradientSum[236] += sError0 * spostAH[12]; // weight H12→O0: gradient = S_ERROR0 × SpostA,H12
    gradientSum[237] += sError0 * spostAH[13]; // weight H13→O0: gradient = S_ERROR0 × SpostA,H13
    gradientSum[238] += sError0 * spostAH[14]; // weight H14→O0: gradient = S_ERROR0 × SpostA,H14
    gradientSum[239] += sError0 * spostAH[15]; // weight H15→O0: gradient = S_ERROR0 × SpostA,H15
    gradientSum[240] += sError1 * spostAH[0]; // weight H0→O1: gradient = S_ERROR1 × SpostA,H0
    gradientSum[241] += sError1 * spostAH[1]; // weight H1→O1: gradient = S_ERROR1 × SpostA,H1
    gradientSum[242] += sError1 * spostAH[2]; // weight H2→O1: gradient = S_ERROR1 × SpostA,H2
    gradientSum[243] += sError1 * spostAH[3]; // weight H3→O1: gradient = S_ERROR1 × SpostA,H3
    gradientSum[244] += sError1 * spostAH[4]; // weight H4→O1: gradient = S_ERROR1 × SpostA,H4
    gradientSum[245] += sError1 * spostAH[5]; // weight H5→O1: gradient = S_ERROR1 × SpostA,H5
    gradientSum[246] += sError1 * spostAH[6]; // weight H6→O1: gradient = S_ERROR1 × SpostA,H6
    gradientSum[247] += sError1 * spostAH[7]; // weight H7→O1: gradient = S_ERROR1 × SpostA,H7
    gradientSum[248] += sError1 * spostAH[8]; // weight H8→O1: gradient = S_ERROR1 × SpostA,H8
    gradientSum[249] += sError1 * spostAH[9]; // weight H9→O1: gradient = S_ERROR1 × SpostA,H9
    gradientSum[250] += sError1 * spostAH[10]; // weight H10→O1: gradient = S_ERROR1 × SpostA,H10
    gradientSum[251] += sError1 * spostAH[11]; // weight H11→O1: gradient = S_ERROR1 × SpostA,H11
    gradientSum[252] += sError1 * spostAH[12]; // weight H12→O1: gradient = S_ERROR1 × SpostA,H12
    gradientSum[253] += sError1 * spostAH[13]; // weight H13→O1: gradient = S_ERROR1 × SpostA,H13
    gradientSum[254] += sError1 * spostAH[14]; // weight H14→O1: gradient = S_ERROR1 × SpostA,H14
    gradientSum[255] += sError1 * spostAH[15]; // weight H15→O1: gradient = S_ERROR1 × SpostA,H15
    gradientSum[256] += sError2 * spostAH[0]; // weight H0→O2: gradient = S_ERROR2 × SpostA,H0
    gradientSum[257] += sError2 * spostAH[1]; // weight H1→O2: gradient = S_ERROR2 × SpostA,H1
    gradientSum[258] += sError2 * spostAH[2]; // weight H2→O2: gradient = S_ERROR2 × SpostA,H2
    gradientSum[259] += sError2 * spostAH[3]; // weight H3→O2: gradient = S_ERROR2 × SpostA,H3
    gradientSum[260] += sError2 * spostAH[4]; // weight H4→O2: gradient = S_ERROR2 × SpostA,H4
    gradientSum[261] += sError2 * spostAH[5]; // weight H5→O2: gradient = S_ERROR2 × SpostA,H5
    gradientSum[262] += sError2 * spostAH[6]; // weight H6→O2: gradient = S_ERROR2 × SpostA,H6
    gradientSum[263] += sError2 * spostAH[7]; // weight H7→O2: gradient = S_ERROR2 × SpostA,H7
    gradientSum[264] += sError2 * spostAH[8]; // weight H8→O2: gradient = S_ERROR2 × SpostA,H8
    gradientSum[265] += sError2 * spostAH[9]; // weight H9→O2: gradient = S_ERROR2 × SpostA,H9
    gradientSum[266] += sError2 * spostAH[10]; // weight H10→O2: gradient = S_ERROR2 × SpostA,H10
    gradientSum[267] += sError2 * spostAH[11]; // weight H11→O2: gradient = S_ERROR2 × SpostA,H11
    gradientSum[268] += sError2 * spostAH[12]; // weight H12→O2: gradient = S_ERROR2 × SpostA,H12
    gradientSum[269] += sError2 * spostAH[13]; // weight H13→O2: gradient = S_ERROR2 × SpostA,H13
    gradientSum[270] += sError2 * spostAH[14]; // weight H14→O2: gradient = S_ERROR2 × SpostA,H14
    gradientSum[271] += sError2 * spostAH[15]; // weight H15→O2: gradient = S_ERROR2 × SpostA,H15
    gradientSum[272] += sError0; // bias O0: gradient = S_ERROR0
    gradientSum[273] += sError1; // bias O1: gradient = S_ERROR1
    gradientSum[274] += sError2; // bias O2: gradient = S_ERROR2
    // Gradient ItoH = δH × input and, for the biases, gradient = δH
    gradientItoH(input, gradientSum);
    return loss;
  }

  @Override
  public double[][] parameterArrays() {
    return parameterArrays.clone();
  }

  @Override
  public double accumulateGradient(double[] input, double[] target, double[][] gradientSums) {
    Checks.requireFinite(input, INPUTS, "input");
    Checks.requireFinite(target, OUTPUTS, "target");
    Checks.requireShape(gradientSums, parameterArrays, "gradientSums");
    // Forward through the hidden layer, the rest of the network from SpostA,H on, then the
    // gradients of ItoH
    forwardH(input);
    double loss = backpropagateFromH(target, gradientSums);
    gradientItoH(input, gradientSums);
    return loss;
  }

  @Override
  public void predict(double[][] inputs, double[][] outputs) {
    Checks.requirePredictions(inputs, outputs, INPUTS, OUTPUTS);
    int k = 0;
    // Whole tiles: forward through the hidden layer for TILE samples at once, then each sample on
    // its own
    for (; k <= inputs.length - TILE; k += TILE) {
      double[] x0 = inputs[k];
      double[] x1 = inputs[k + 1];
      double[] x2 = inputs[k + 2];
      double[] x3 = inputs[k + 3];
      forwardPairH(x0, x1, tileSpostAH[0], tileSpostAH[1]);
      forwardPairH(x2, x3, tileSpostAH[2], tileSpostAH[3]);
      for (int s = 0; s < TILE; s++) {
        System.arraycopy(tileSpostAH[s], 0, spostAH, 0, HIDDEN);
        predictFromH(outputs[k + s]);
      }
    }
    // The samples left over, one at a time
    for (; k < inputs.length; k++) {
      double[] input = inputs[k];
      forwardH(input);
      predictFromH(outputs[k]);
    }
  }

  @Override
  public double accumulateGradient(double[][] inputs, double[][] targets, int[] indices, int from,
      int to, double[][] gradientSums) {
    Checks.requireBatch(inputs, targets, indices, from, to, INPUTS, OUTPUTS);
    Checks.requireShape(gradientSums, parameterArrays, "gradientSums");
    double loss = 0.0; // Σ E over the batch, sample by sample
    int k = from;
    // Whole tiles: forward through the hidden layer for TILE samples at once, then each sample on
    // its own from SpostA,H on, then the gradients of ItoH for the tile
    for (; k <= to - TILE; k += TILE) {
      double[] x0 = inputs[indices == null ? k : indices[k]];
      double[] x1 = inputs[indices == null ? k + 1 : indices[k + 1]];
      double[] x2 = inputs[indices == null ? k + 2 : indices[k + 2]];
      double[] x3 = inputs[indices == null ? k + 3 : indices[k + 3]];
      forwardPairH(x0, x1, tileSpostAH[0], tileSpostAH[1]);
      forwardPairH(x2, x3, tileSpostAH[2], tileSpostAH[3]);
      for (int s = 0; s < TILE; s++) {
        System.arraycopy(tileSpostAH[s], 0, spostAH, 0, HIDDEN);
        int r = indices == null ? k + s : indices[k + s];
        loss += backpropagateFromH(targets[r], gradientSums);
        System.arraycopy(deltaH, 0, tileDeltaH[s], 0, HIDDEN);
      }
      // Gradient ItoH = δH × input and, for the biases, gradient = δH, for the tile
      gradientTileItoH(x0, x1, x2, x3, gradientSums);
    }
    // The samples left over, one at a time
    for (; k < to; k++) {
      int r = indices == null ? k : indices[k];
      double[] input = inputs[r];
      double[] target = targets[r];
      // Forward through the hidden layer, the rest of the network from SpostA,H on, then the
      // gradients of ItoH
      forwardH(input);
      loss += backpropagateFromH(target, gradientSums);
      gradientItoH(input, gradientSums);
    }
    return loss;
  }

  @Override
  public WineNetwork copy() {
    WineNetwork copy = new WineNetwork();
    System.arraycopy(p, 0, copy.p, 0, 51);
    for (int i = 0; i < INPUTS; i++) {
      System.arraycopy(wItoH[i], 0, copy.wItoH[i], 0, HIDDEN);
    }
    System.arraycopy(bH, 0, copy.bH, 0, HIDDEN);
    return copy;
  }

  /**
   * A network over this one's parameter arrays, with scratch of its own, for another thread.
   */
  @Override
  public WineNetwork copySharingParameters() {
    return new WineNetwork(this);
  }

  @Override
  public String toString() {
    return "WineNetwork " + TOPOLOGY;
  }

  /**
   * Forward, hidden layer (tanh), looped: SpreA,H = ItoH · input + bias and SpostA,H = fA(SpreA,H)
   * for all 16 nodes. The weights are kept one row per node of the input layer (wItoH[i]), so the
   * sum goes row by row, each row adding weight × input to the SpreA of every node: a loop that the
   * JIT turns into vector code.
   */
  private void forwardH(double[] input) {
    for (int j = 0; j < HIDDEN; j++) {
      spostAH[j] = 0.0; // SpreA,H accumulates here until fA makes it SpostA,H
    }
    // SpreA,H += weight I_i→H × input_i, 4 rows of wItoH per pass
    for (int i = 0; i < INPUTS - INPUTS % 4; i += 4) {
      double[] w0 = wItoH[i];
      double[] w1 = wItoH[i + 1];
      double[] w2 = wItoH[i + 2];
      double[] w3 = wItoH[i + 3];
      double a0 = input[i];
      double a1 = input[i + 1];
      double a2 = input[i + 2];
      double a3 = input[i + 3];
      for (int j = 0; j < HIDDEN; j++) {
        spostAH[j] = spostAH[j] + w0[j] * a0 + w1[j] * a1 + w2[j] * a2 + w3[j] * a3;
      }
    }
    // The rows left over
    for (int i = INPUTS - INPUTS % 4; i < INPUTS; i++) {
      double[] w = wItoH[i];
      double a = input[i];
      for (int j = 0; j < HIDDEN; j++) {
        spostAH[j] = spostAH[j] + w[j] * a;
      }
    }
    for (int j = 0; j < HIDDEN; j++) {
      // SpostA,H = fA(SpreA,H), SpreA,H = Σ weight × input + bias
      spostAH[j] = Math.tanh(spostAH[j] + bH[j]);
    }
  }

  /**
   * Update ItoH, looped: weight ← weight − LR × gradient, with gradient ItoH = δH × input and, for
   * the biases, gradient = δH. The step −LR × δH is computed once per node, in place of δH, then
   * added along each row.
   */
  private void updateItoH(double[] input, double learningRate) {
    for (int j = 0; j < HIDDEN; j++) {
      deltaH[j] = -learningRate * deltaH[j]; // −LR × δH, once per node
      bH[j] += deltaH[j]; // bias ← bias − LR × δH
    }
    // weight ← weight − LR × δH × input, 4 rows of wItoH per pass
    for (int i = 0; i < INPUTS - INPUTS % 4; i += 4) {
      double[] w0 = wItoH[i];
      double[] w1 = wItoH[i + 1];
      double[] w2 = wItoH[i + 2];
      double[] w3 = wItoH[i + 3];
      double a0 = input[i];
      double a1 = input[i + 1];
      double a2 = input[i + 2];
      double a3 = input[i + 3];
      for (int j = 0; j < HIDDEN; j++) {
        double d = deltaH[j]; // −LR × δH_j
        w0[j] += d * a0;
        w1[j] += d * a1;
        w2[j] += d * a2;
        w3[j] += d * a3;
      }
    }
    // The rows left over
    for (int i = INPUTS - INPUTS % 4; i < INPUTS; i++) {
      double[] w = wItoH[i];
      double a = input[i];
      for (int j = 0; j < HIDDEN; j++) {
        w[j] += deltaH[j] * a; // weight ← weight − LR × δH × input
      }
    }
  }

  /**
   * Gradient ItoH = δH × input and, for the biases, gradient = δH, looped, added in the flat
   * parameter order.
   */
  private void gradientItoH(double[] input, double[] gradientSum) {
    for (int j = 0; j < HIDDEN; j++) {
      double delta = deltaH[j];
      int row = j * INPUTS; // the weights into H_j in the flat order
      for (int i = 0; i < INPUTS; i++) {
        gradientSum[row + i] += delta * input[i];
      }
      gradientSum[208 + j] += delta; // bias: gradient = δH
    }
  }

  /**
   * Gradient ItoH = δH × input and, for the biases, gradient = δH, looped, added to the arrays laid
   * out as parameterArrays(): the weight rows from 1, the biases at 14.
   */
  private void gradientItoH(double[] input, double[][] gradientSums) {
    double[] g = gradientSums[14]; // the biases of H
    for (int j = 0; j < HIDDEN; j++) {
      g[j] += deltaH[j]; // bias: gradient = δH
    }
    // gradient = δH × input, 4 rows of the gradient sums per pass
    for (int i = 0; i < INPUTS - INPUTS % 4; i += 4) {
      double[] row0 = gradientSums[1 + i];
      double[] row1 = gradientSums[2 + i];
      double[] row2 = gradientSums[3 + i];
      double[] row3 = gradientSums[4 + i];
      double a0 = input[i];
      double a1 = input[i + 1];
      double a2 = input[i + 2];
      double a3 = input[i + 3];
      for (int j = 0; j < HIDDEN; j++) {
        double d = deltaH[j]; // δH_j
        row0[j] += d * a0;
        row1[j] += d * a1;
        row2[j] += d * a2;
        row3[j] += d * a3;
      }
    }
    // The rows left over
    for (int i = INPUTS - INPUTS % 4; i < INPUTS; i++) {
      double[] row = gradientSums[1 + i];
      double a = input[i];
      for (int j = 0; j < HIDDEN; j++) {
        row[j] += deltaH[j] * a; // gradient = δH × input
      }
    }
  }

  /**
   * One sample of a batch from SpostA,H on, which its tile has computed: the rest of the forward
   * pass.
   */
  private void predictFromH(double[] output) {
    // Forward, output layer (softmax): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
    // SpreA,O0
    double zo0 = p[0] * spostAH[0] + p[1] * spostAH[1] + p[2] * spostAH[2] + p[3] * spostAH[3]
        + p[4] * spostAH[4] + p[5] * spostAH[5] + p[6] * spostAH[6] + p[7] * spostAH[7]
        + p[8] * spostAH[8] + p[9] * spostAH[9] + p[10] * spostAH[10] + p[11] * spostAH[11]
        + p[12] * spostAH[12] + p[13] * spostAH[13] + p[14] * spostAH[14] + p[15] * spostAH[15]
        + p[48];
    // SpreA,O1
    double zo1 = p[16] * spostAH[0] + p[17] * spostAH[1] + p[18] * spostAH[2] + p[19] * spostAH[3]
        + p[20] * spostAH[4] + p[21] * spostAH[5] + p[22] * spostAH[6] + p[23] * spostAH[7]
        + p[24] * spostAH[8] + p[25] * spostAH[9] + p[26] * spostAH[10] + p[27] * spostAH[11]
        + p[28] * spostAH[12] + p[29] * spostAH[13] + p[30] * spostAH[14] + p[31] * spostAH[15]
        + p[49];
    // SpreA,O2
    double zo2 = p[32] * spostAH[0] + p[33] * spostAH[1] + p[34] * spostAH[2] + p[35] * spostAH[3]
        + p[36] * spostAH[4] + p[37] * spostAH[5] + p[38] * spostAH[6] + p[39] * spostAH[7]
        + p[40] * spostAH[8] + p[41] * spostAH[9] + p[42] * spostAH[10] + p[43] * spostAH[11]
        + p[44] * spostAH[12] + p[45] * spostAH[13] + p[46] * spostAH[14] + p[47] * spostAH[15]
        + p[50];
    // Softmax: SpostA,O = e^SpreA,O / Σ e^SpreA,O, shifted by the largest SpreA,O so exp cannot
    // overflow
    double max = Math.max(zo0, Math.max(zo1, zo2)); // the largest SpreA,O
    double e0 = Math.exp(zo0 - max); // e^(SpreA,O0 − max)
    double e1 = Math.exp(zo1 - max); // e^(SpreA,O1 − max)
    double e2 = Math.exp(zo2 - max); // e^(SpreA,O2 − max)
    double sum = e0 + e1 + e2; // Σ e^(SpreA,O − max)
    double o0 = e0 / sum; // SpostA,O0
    double o1 = e1 / sum; // SpostA,O1
    double o2 = e2 / sum; // SpostA,O2
    output[0] = o0;
    output[1] = o1;
    output[2] = o2;
  }

  /**
   * One sample from SpostA,H on, which forwardH or a tile has computed: the rest of the forward
   * pass, the loss, every δ, and the gradients of the layers after H added to gradientSums; the
   * caller adds those of ItoH.
   */
  private double backpropagateFromH(double[] target, double[][] gradientSums) {
    // Forward, output layer (softmax): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
    // SpreA,O0
    double zo0 = p[0] * spostAH[0] + p[1] * spostAH[1] + p[2] * spostAH[2] + p[3] * spostAH[3]
        + p[4] * spostAH[4] + p[5] * spostAH[5] + p[6] * spostAH[6] + p[7] * spostAH[7]
        + p[8] * spostAH[8] + p[9] * spostAH[9] + p[10] * spostAH[10] + p[11] * spostAH[11]
        + p[12] * spostAH[12] + p[13] * spostAH[13] + p[14] * spostAH[14] + p[15] * spostAH[15]
        + p[48];
    // SpreA,O1
    double zo1 = p[16] * spostAH[0] + p[17] * spostAH[1] + p[18] * spostAH[2] + p[19] * spostAH[3]
        + p[20] * spostAH[4] + p[21] * spostAH[5] + p[22] * spostAH[6] + p[23] * spostAH[7]
        + p[24] * spostAH[8] + p[25] * spostAH[9] + p[26] * spostAH[10] + p[27] * spostAH[11]
        + p[28] * spostAH[12] + p[29] * spostAH[13] + p[30] * spostAH[14] + p[31] * spostAH[15]
        + p[49];
    // SpreA,O2
    double zo2 = p[32] * spostAH[0] + p[33] * spostAH[1] + p[34] * spostAH[2] + p[35] * spostAH[3]
        + p[36] * spostAH[4] + p[37] * spostAH[5] + p[38] * spostAH[6] + p[39] * spostAH[7]
        + p[40] * spostAH[8] + p[41] * spostAH[9] + p[42] * spostAH[10] + p[43] * spostAH[11]
        + p[44] * spostAH[12] + p[45] * spostAH[13] + p[46] * spostAH[14] + p[47] * spostAH[15]
        + p[50];
    // Softmax: SpostA,O = e^SpreA,O / Σ e^SpreA,O, shifted by the largest SpreA,O so exp cannot
    // overflow
    double max = Math.max(zo0, Math.max(zo1, zo2)); // the largest SpreA,O
    double e0 = Math.exp(zo0 - max); // e^(SpreA,O0 − max)
    double e1 = Math.exp(zo1 - max); // e^(SpreA,O1 − max)
    double e2 = Math.exp(zo2 - max); // e^(SpreA,O2 − max)
    double sum = e0 + e1 + e2; // Σ e^(SpreA,O − max)
    double o0 = e0 / sum; // SpostA,O0
    double o1 = e1 / sum; // SpostA,O1
    double o2 = e2 / sum; // SpostA,O2
    // Loss E = −Σ T ln SpostA,O = Σ T (ln Σ e^SpreA,O − SpreA,O)
    double logSumExp = max + Math.log(sum);
    double loss = target[0] * (logSumExp - zo0) + target[1] * (logSumExp - zo1)
        + target[2] * (logSumExp - zo2);
    // A loss that is not finite means training diverged: stop before any parameter changes
    if (!Double.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Error signal S_ERROR = SpostA,O − T: with categorical cross-entropy the derivative of the
    // softmax cancels
    double sError0 = o0 - target[0]; // S_ERROR0 = SpostA,O0 − T0
    double sError1 = o1 - target[1]; // S_ERROR1 = SpostA,O1 − T1
    double sError2 = o2 - target[2]; // S_ERROR2 = SpostA,O2 − T2
    // Hidden deltas by the chain rule: δH = fA′(SpreA,H) × Σ S_ERROR × weight HtoO, using the HtoO
    // weights of the forward pass; each δH is computed once and reused by every ItoH weight into
    // its node. For tanh fA′ = 1 − SpostA².
    // δH0 = fA′(SpreA,H0) × Σ S_ERROR × weight H0→O
    deltaH[0] = (1.0 - spostAH[0] * spostAH[0]) * (sError0 * p[0] + sError1 * p[16]
        + sError2 * p[32]);
    // δH1 = fA′(SpreA,H1) × Σ S_ERROR × weight H1→O
    deltaH[1] = (1.0 - spostAH[1] * spostAH[1]) * (sError0 * p[1] + sError1 * p[17]
        + sError2 * p[33]);
    // δH2 = fA′(SpreA,H2) × Σ S_ERROR × weight H2→O
    deltaH[2] = (1.0 - spostAH[2] * spostAH[2]) * (sError0 * p[2] + sError1 * p[18]
        + sError2 * p[34]);
    // δH3 = fA′(SpreA,H3) × Σ S_ERROR × weight H3→O
    deltaH[3] = (1.0 - spostAH[3] * spostAH[3]) * (sError0 * p[3] + sError1 * p[19]
        + sError2 * p[35]);
    // δH4 = fA′(SpreA,H4) × Σ S_ERROR × weight H4→O
    deltaH[4] = (1.0 - spostAH[4] * spostAH[4]) * (sError0 * p[4] + sError1 * p[20]
        + sError2 * p[36]);
    // δH5 = fA′(SpreA,H5) × Σ S_ERROR × weight H5→O
    deltaH[5] = (1.0 - spostAH[5] * spostAH[5]) * (sError0 * p[5] + sError1 * p[21]
        + sError2 * p[37]);
    // δH6 = fA′(SpreA,H6) × Σ S_ERROR × weight H6→O
    deltaH[6] = (1.0 - spostAH[6] * spostAH[6]) * (sError0 * p[6] + sError1 * p[22]
        + sError2 * p[38]);
    // δH7 = fA′(SpreA,H7) × Σ S_ERROR × weight H7→O
    deltaH[7] = (1.0 - spostAH[7] * spostAH[7]) * (sError0 * p[7] + sError1 * p[23]
        + sError2 * p[39]);
    // δH8 = fA′(SpreA,H8) × Σ S_ERROR × weight H8→O
    deltaH[8] = (1.0 - spostAH[8] * spostAH[8]) * (sError0 * p[8] + sError1 * p[24]
        + sError2 * p[40]);
    // δH9 = fA′(SpreA,H9) × Σ S_ERROR × weight H9→O
    deltaH[9] = (1.0 - spostAH[9] * spostAH[9]) * (sError0 * p[9] + sError1 * p[25]
        + sError2 * p[41]);
    // δH10 = fA′(SpreA,H10) × Σ S_ERROR × weight H10→O
    deltaH[10] = (1.0 - spostAH[10] * spostAH[10]) * (sError0 * p[10] + sError1 * p[26]
        + sError2 * p[42]);
    // δH11 = fA′(SpreA,H11) × Σ S_ERROR × weight H11→O
    deltaH[11] = (1.0 - spostAH[11] * spostAH[11]) * (sError0 * p[11] + sError1 * p[27]
        + sError2 * p[43]);
    // δH12 = fA′(SpreA,H12) × Σ S_ERROR × weight H12→O
    deltaH[12] = (1.0 - spostAH[12] * spostAH[12]) * (sError0 * p[12] + sError1 * p[28]
        + sError2 * p[44]);
    // δH13 = fA′(SpreA,H13) × Σ S_ERROR × weight H13→O
    deltaH[13] = (1.0 - spostAH[13] * spostAH[13]) * (sError0 * p[13] + sError1 * p[29]
        + sError2 * p[45]);
    // δH14 = fA′(SpreA,H14) × Σ S_ERROR × weight H14→O
    deltaH[14] = (1.0 - spostAH[14] * spostAH[14]) * (sError0 * p[14] + sError1 * p[30]
        + sError2 * p[46]);
    // δH15 = fA′(SpreA,H15) × Σ S_ERROR × weight H15→O
    deltaH[15] = (1.0 - spostAH[15] * spostAH[15]) * (sError0 * p[15] + sError1 * p[31]
        + sError2 * p[47]);
    double[] g = gradientSums[0]; // the gradients of p, in its order
    // Gradient HtoO = S_ERROR × SpostA,H and, for the biases, gradient = S_ERROR
    g[0] += sError0 * spostAH[0]; // weight H0→O0: gradient = S_ERROR0 × SpostA,H0
    g[1] += sError0 * spostAH[1]; // weight H1→O0: gradient = S_ERROR0 × SpostA,H1
    g[2] += sError0 * spostAH[2]; // weight H2→O0: gradient = S_ERROR0 × SpostA,H2
    g[3] += sError0 * spostAH[3]; // weight H3→O0: gradient = S_ERROR0 × SpostA,H3
    g[4] += sError0 * spostAH[4]; // weight H4→O0: gradient = S_ERROR0 × SpostA,H4
    g[5] += sError0 * spostAH[5]; // weight H5→O0: gradient = S_ERROR0 × SpostA,H5
    g[6] += sError0 * spostAH[6]; // weight H6→O0: gradient = S_ERROR0 × SpostA,H6
    g[7] += sError0 * spostAH[7]; // weight H7→O0: gradient = S_ERROR0 × SpostA,H7
    g[8] += sError0 * spostAH[8]; // weight H8→O0: gradient = S_ERROR0 × SpostA,H8
    g[9] += sError0 * spostAH[9]; // weight H9→O0: gradient = S_ERROR0 × SpostA,H9
    g[10] += sError0 * spostAH[10]; // weight H10→O0: gradient = S_ERROR0 × SpostA,H10
    g[11] += sError0 * spostAH[11]; // weight H11→O0: gradient = S_ERROR0 × SpostA,H11
    g[12] += sError0 * spostAH[12]; // weight H12→O0: gradient = S_ERROR0 × SpostA,H12
    g[13] += sError0 * spostAH[13]; // weight H13→O0: gradient = S_ERROR0 × SpostA,H13
    g[14] += sError0 * spostAH[14]; // weight H14→O0: gradient = S_ERROR0 × SpostA,H14
    g[15] += sError0 * spostAH[15]; // weight H15→O0: gradient = S_ERROR0 × SpostA,H15
    g[16] += sError1 * spostAH[0]; // weight H0→O1: gradient = S_ERROR1 × SpostA,H0
    g[17] += sError1 * spostAH[1]; // weight H1→O1: gradient = S_ERROR1 × SpostA,H1
    g[18] += sError1 * spostAH[2]; // weight H2→O1: gradient = S_ERROR1 × SpostA,H2
    g[19] += sError1 * spostAH[3]; // weight H3→O1: gradient = S_ERROR1 × SpostA,H3
    g[20] += sError1 * spostAH[4]; // weight H4→O1: gradient = S_ERROR1 × SpostA,H4
    g[21] += sError1 * spostAH[5]; // weight H5→O1: gradient = S_ERROR1 × SpostA,H5
    g[22] += sError1 * spostAH[6]; // weight H6→O1: gradient = S_ERROR1 × SpostA,H6
    g[23] += sError1 * spostAH[7]; // weight H7→O1: gradient = S_ERROR1 × SpostA,H7
    g[24] += sError1 * spostAH[8]; // weight H8→O1: gradient = S_ERROR1 × SpostA,H8
    g[25] += sError1 * spostAH[9]; // weight H9→O1: gradient = S_ERROR1 × SpostA,H9
    g[26] += sError1 * spostAH[10]; // weight H10→O1: gradient = S_ERROR1 × SpostA,H10
    g[27] += sError1 * spostAH[11]; // weight H11→O1: gradient = S_ERROR1 × SpostA,H11
    g[28] += sError1 * spostAH[12]; // weight H12→O1: gradient = S_ERROR1 × SpostA,H12
    g[29] += sError1 * spostAH[13]; // weight H13→O1: gradient = S_ERROR1 × SpostA,H13
    g[30] += sError1 * spostAH[14]; // weight H14→O1: gradient = S_ERROR1 × SpostA,H14
    g[31] += sError1 * spostAH[15]; // weight H15→O1: gradient = S_ERROR1 × SpostA,H15
    g[32] += sError2 * spostAH[0]; // weight H0→O2: gradient = S_ERROR2 × SpostA,H0
    g[33] += sError2 * spostAH[1]; // weight H1→O2: gradient = S_ERROR2 × SpostA,H1
    g[34] += sError2 * spostAH[2]; // weight H2→O2: gradient = S_ERROR2 × SpostA,H2
    g[35] += sError2 * spostAH[3]; // weight H3→O2: gradient = S_ERROR2 × SpostA,H3
    g[36] += sError2 * spostAH[4]; // weight H4→O2: gradient = S_ERROR2 × SpostA,H4
    g[37] += sError2 * spostAH[5]; // weight H5→O2: gradient = S_ERROR2 × SpostA,H5
    g[38] += sError2 * spostAH[6]; // weight H6→O2: gradient = S_ERROR2 × SpostA,H6
    g[39] += sError2 * spostAH[7]; // weight H7→O2: gradient = S_ERROR2 × SpostA,H7
    g[40] += sError2 * spostAH[8]; // weight H8→O2: gradient = S_ERROR2 × SpostA,H8
    g[41] += sError2 * spostAH[9]; // weight H9→O2: gradient = S_ERROR2 × SpostA,H9
    g[42] += sError2 * spostAH[10]; // weight H10→O2: gradient = S_ERROR2 × SpostA,H10
    g[43] += sError2 * spostAH[11]; // weight H11→O2: gradient = S_ERROR2 × SpostA,H11
    g[44] += sError2 * spostAH[12]; // weight H12→O2: gradient = S_ERROR2 × SpostA,H12
    g[45] += sError2 * spostAH[13]; // weight H13→O2: gradient = S_ERROR2 × SpostA,H13
    g[46] += sError2 * spostAH[14]; // weight H14→O2: gradient = S_ERROR2 × SpostA,H14
    g[47] += sError2 * spostAH[15]; // weight H15→O2: gradient = S_ERROR2 × SpostA,H15
    g[48] += sError0; // bias O0: gradient = S_ERROR0
    g[49] += sError1; // bias O1: gradient = S_ERROR1
    g[50] += sError2; // bias O2: gradient = S_ERROR2
    return loss;
  }

  /**
   * Forward, hidden layer (tanh), two samples at once: SpreA,H = ItoH · input + bias and SpostA,H =
   * fA(SpreA,H) of sample x0 into h0 and of sample x1 into h1. Each weight row is loaded once for
   * both; each sample's sum goes row by row as in forwardH, so it has the same bits.
   */
  private void forwardPairH(double[] x0, double[] x1, double[] h0, double[] h1) {
    for (int j = 0; j < HIDDEN; j++) {
      h0[j] = 0.0;
      h1[j] = 0.0;
    }
    // SpreA,H += weight I_i→H × input_i, 4 rows of wItoH per pass, each row loaded once for both
    // samples
    for (int i = 0; i < INPUTS - INPUTS % 4; i += 4) {
      double[] w0 = wItoH[i];
      double[] w1 = wItoH[i + 1];
      double[] w2 = wItoH[i + 2];
      double[] w3 = wItoH[i + 3];
      double a00 = x0[i];
      double a01 = x0[i + 1];
      double a02 = x0[i + 2];
      double a03 = x0[i + 3];
      double a10 = x1[i];
      double a11 = x1[i + 1];
      double a12 = x1[i + 2];
      double a13 = x1[i + 3];
      for (int j = 0; j < HIDDEN; j++) {
        // Weights and SpreA sums into locals, so that each weight is loaded once for both samples
        double v0 = w0[j];
        double v1 = w1[j];
        double v2 = w2[j];
        double v3 = w3[j];
        double s0 = h0[j];
        double s1 = h1[j];
        h0[j] = s0 + v0 * a00 + v1 * a01 + v2 * a02 + v3 * a03;
        h1[j] = s1 + v0 * a10 + v1 * a11 + v2 * a12 + v3 * a13;
      }
    }
    // The rows left over
    for (int i = INPUTS - INPUTS % 4; i < INPUTS; i++) {
      double[] w = wItoH[i];
      double a0 = x0[i];
      double a1 = x1[i];
      for (int j = 0; j < HIDDEN; j++) {
        h0[j] = h0[j] + w[j] * a0;
        h1[j] = h1[j] + w[j] * a1;
      }
    }
    // SpostA,H = fA(SpreA,H), SpreA,H = Σ weight × input + bias
    for (int j = 0; j < HIDDEN; j++) {
      h0[j] = Math.tanh(h0[j] + bH[j]);
      h1[j] = Math.tanh(h1[j] + bH[j]);
    }
  }

  /**
   * Gradient ItoH = δH × input and, for the biases, gradient = δH, for a tile: added to the arrays
   * laid out as parameterArrays(), each row of sums loaded once for the tile and each sample's
   * gradient added in turn, as the one-sample code adds them.
   */
  private void gradientTileItoH(double[] x0, double[] x1, double[] x2, double[] x3,
      double[][] gradientSums) {
    double[] d0 = tileDeltaH[0]; // sample 0's δH
    double[] d1 = tileDeltaH[1]; // sample 1's δH
    double[] d2 = tileDeltaH[2]; // sample 2's δH
    double[] d3 = tileDeltaH[3]; // sample 3's δH
    double[] g = gradientSums[14]; // the biases of H
    for (int j = 0; j < HIDDEN; j++) {
      g[j] = g[j] + d0[j] + d1[j] + d2[j] + d3[j]; // bias: gradient = δH, sample by sample
    }
    // 2 rows of sums per pass, each sample's δH loaded once for both
    for (int i = 0; i < INPUTS - INPUTS % 2; i += 2) {
      double[] row0 = gradientSums[1 + i]; // row i: the weights from I_i
      double[] row1 = gradientSums[2 + i]; // row i + 1: the weights from I_i+1
      double a00 = x0[i];
      double a10 = x1[i];
      double a20 = x2[i];
      double a30 = x3[i];
      double a01 = x0[i + 1];
      double a11 = x1[i + 1];
      double a21 = x2[i + 1];
      double a31 = x3[i + 1];
      for (int j = 0; j < HIDDEN; j++) {
        // Each sample's δH into a local, loaded once for both rows
        double e0 = d0[j];
        double e1 = d1[j];
        double e2 = d2[j];
        double e3 = d3[j];
        // gradient = δH × input, sample by sample
        row0[j] = row0[j] + e0 * a00 + e1 * a10 + e2 * a20 + e3 * a30;
        row1[j] = row1[j] + e0 * a01 + e1 * a11 + e2 * a21 + e3 * a31;
      }
    }
    // The row left over
    for (int i = INPUTS - INPUTS % 2; i < INPUTS; i++) {
      double[] row = gradientSums[1 + i]; // row i: the weights from I_i
      double a0 = x0[i];
      double a1 = x1[i];
      double a2 = x2[i];
      double a3 = x3[i];
      for (int j = 0; j < HIDDEN; j++) {
        // gradient = δH × input, sample by sample
        row[j] = row[j] + d0[j] * a0 + d1[j] * a1 + d2[j] * a2 + d3[j] * a3;
      }
    }
  }
}
