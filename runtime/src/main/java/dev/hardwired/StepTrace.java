package dev.hardwired;


/**
 * One training step, value by value: every SpreA and SpostA of the forward pass, the loss, FE, S_ERROR and
 * every δ of the backward pass, and each parameter before the step, its gradient and its value after.
 * The generated {@code trace(input, target, learningRate)} of a small network returns one, with the values
 * its own statements computed; {@link dev.hardwired.reference.ReferenceNetwork#trace} returns one for any
 * topology.
 *
 * <p>Nodes and parameters are named as in the generated comments: {@code I0}, {@code H0} ({@code H2_0} in
 * the second of several hidden layers), {@code O0}, {@code weight H0→O0}, {@code bias O0}; see {@link
 * Topology#nodeName} and {@link Topology#parameterName}. Layers are numbered as in {@link Topology}: 0 for
 * the inputs up to {@link Topology#layerCount()} for the outputs.
 *
 * <p>{@link #table()} prints it as text and {@link #markdown()} as Markdown, every value with 9
 * significant digits; {@link #summary()} gives one line per layer, for networks too large to read value by
 * value. Immutable.
 *
 * <p><b>Threads.</b> Immutable (its arrays are copied in, and out by the methods that return them): a trace
 * may be shared between threads.
 */
public final class StepTrace {
  /** The most parameters for which {@link #toString()} prints every value rather than the {@link #summary()}. */
  public static final int TABLE_LIMIT = 200;

  final Topology topology;
  final Precision precision;
  final double[] target;
  final double learningRate;
  final double loss;
  // Read by StepTracePrinter. Indexed by layer: spostA[0] is the input; spreA[0] and delta[0] are empty.
  final double[][] spreA;
  final double[][] spostA;
  final double[][] delta;
  final double[] before;
  final double[] gradient;
  final double[] after;

  private StepTrace(
      Topology topology,
      Precision precision,
      double[] target,
      double learningRate,
      double loss,
      double[][] spreA,
      double[][] spostA,
      double[][] delta,
      double[] before,
      double[] after) {
    this.topology = topology;
    this.precision = precision;
    this.target = target;
    this.learningRate = learningRate;
    this.loss = loss;
    this.spreA = spreA;
    this.spostA = spostA;
    this.delta = delta;
    this.before = before;
    this.after = after;
    // gradient = δ × SpostA of the node the weight comes from, = δ for a bias: the generated products.
    this.gradient = new double[before.length];
    for (int l = 1; l <= topology.layerCount(); l++) {
      int fanIn = topology.size(l - 1);
      for (int j = 0; j < topology.size(l); j++) {
        for (int i = 0; i < fanIn; i++) {
          double product = delta[l][j] * spostA[l - 1][i];
          gradient[topology.weightOffset(l) + j * fanIn + i] =
              precision == Precision.FLOAT ? (float) product : product;
        }
        gradient[topology.biasOffset(l) + j] = delta[l][j];
      }
    }
  }

  /**
   * A trace of a double-precision step, from the values the step computed. Every array is copied.
   *
   * @param input the sample's input: SpostA of layer 0
   * @param loss the loss E of the sample before the step
   * @param before the parameters before the step, in {@link Topology}'s flat order
   * @param after the parameters after it
   * @param preActivations SpreA of layers 1 to {@link Topology#layerCount()}, one array per layer
   * @param postActivations SpostA of layers 1 to {@link Topology#layerCount()}
   * @param deltas S_ERROR of the outputs and δ of the hidden nodes, layers 1 to {@link Topology#layerCount()}
   * @throws IllegalArgumentException when an array's shape does not fit {@code topology}, or the input, the
   *     target, the learning rate or the loss is not finite (the other values are recorded as computed)
   */
  public static StepTrace of(
      Topology topology,
      double[] input,
      double[] target,
      double learningRate,
      double loss,
      double[] before,
      double[] after,
      double[][] preActivations,
      double[][] postActivations,
      double[][] deltas) {
    requireTopology(topology);
    Checks.requireFinite(input, topology.inputs(), "input");
    Checks.requireFinite(target, topology.outputs(), "target");
    Checks.requireLearningRate(learningRate);
    requireLoss(loss);
    return new StepTrace(
        topology,
        Precision.DOUBLE,
        copy(target, topology.outputs(), "target"),
        learningRate,
        loss,
        layers(topology, null, preActivations, "preActivations"),
        layers(topology, copy(input, topology.inputs(), "input"), postActivations, "postActivations"),
        layers(topology, null, deltas, "deltas"),
        copy(before, topology.parameterCount(), "before"),
        copy(after, topology.parameterCount(), "after"));
  }

  /**
   * A trace of a single-precision step: {@link #of(Topology, double[], double[], double, double, double[],
   * double[], double[][], double[][], double[][])} with every value widened, exactly, to double. The
   * gradients are the float products the step computed.
   */
  public static StepTrace of(
      Topology topology,
      float[] input,
      float[] target,
      float learningRate,
      float loss,
      float[] before,
      float[] after,
      float[][] preActivations,
      float[][] postActivations,
      float[][] deltas) {
    requireTopology(topology);
    Checks.requireFinite(input, topology.inputs(), "input");
    Checks.requireFinite(target, topology.outputs(), "target");
    Checks.requireLearningRate(learningRate);
    requireLoss(loss);
    return new StepTrace(
        topology,
        Precision.FLOAT,
        widen(target, topology.outputs(), "target"),
        learningRate,
        loss,
        layers(topology, null, widen(preActivations), "preActivations"),
        layers(topology, widen(input, topology.inputs(), "input"), widen(postActivations), "postActivations"),
        layers(topology, null, widen(deltas), "deltas"),
        widen(before, topology.parameterCount(), "before"),
        widen(after, topology.parameterCount(), "after"));
  }

  // ---------------------------------------------------------------- the values

  public Topology topology() {
    return topology;
  }

  /** The number type of the network that took the step; a float step's values are widened to double. */
  public Precision precision() {
    return precision;
  }

  public double learningRate() {
    return learningRate;
  }

  /** The loss E of the sample before the step: what {@code train} returns. */
  public double loss() {
    return loss;
  }

  /** Target T{@code k} of output {@code k}. */
  public double target(int k) {
    return target[at(target, k, -1)];
  }

  /** SpreA of node {@code j} of layer {@code l}, 1 ≤ l ≤ {@link Topology#layerCount()}. */
  public double preActivation(int l, int j) {
    if (l == 0) {
      throw new IndexOutOfBoundsException("the input layer has no SpreA; its SpostA is the input");
    }
    double[] layer = spreA[layer(spreA, l, 1)];
    return layer[at(layer, j, l)];
  }

  /** SpostA of node {@code j} of layer {@code l}: the input itself in layer 0. */
  public double postActivation(int l, int j) {
    double[] layer = spostA[layer(spostA, l, 0)];
    return layer[at(layer, j, l)];
  }

  /**
   * The final error FE{@code k} = SpostA,O{@code k} − T{@code k}, as the generated code of a summed squared
   * error computes it.
   *
   * @throws IllegalStateException for the other losses, whose error signal needs no FE
   */
  public double finalError(int k) {
    if (topology.loss() != Loss.SQUARED_ERROR) {
      throw new IllegalStateException(
          "FE is a term of the summed squared error; with " + topology.loss().displayName()
              + " the error signal is S_ERROR = SpostA,O − T, see delta(" + topology.layerCount() + ", k)");
    }
    double fe = spostA[topology.layerCount()][at(target, k, -1)] - target[k];
    return precision == Precision.FLOAT ? (float) fe : fe;
  }

  /** S_ERROR of output {@code j} in the output layer, δ of node {@code j} in a hidden layer {@code l}. */
  public double delta(int l, int j) {
    if (l == 0) {
      throw new IndexOutOfBoundsException("the input layer has no δ; its weights are the first layer's");
    }
    double[] layer = delta[layer(delta, l, 1)];
    return layer[at(layer, j, l)];
  }

  /** Parameter {@code index} of the flat order before the step. */
  public double before(int index) {
    return before[at(before, index, -1)];
  }

  /** The gradient of parameter {@code index}: δ × SpostA of the node its weight comes from, δ for a bias. */
  public double gradient(int index) {
    return gradient[at(gradient, index, -1)];
  }

  /** Parameter {@code index} after the step: weight ← weight − LR × gradient, as the step computed it. */
  public double after(int index) {
    return after[at(after, index, -1)];
  }

  /** {@code index}, when it indexes {@code values}: the nodes of {@code layer}, or with −1 a flat array. */
  private static int at(double[] values, int index, int layer) {
    if (index < 0 || index >= values.length) {
      throw new IndexOutOfBoundsException(
          (layer < 0 ? "index " + index : "node " + index + " of layer " + layer)
              + " does not exist; expected 0.." + (values.length - 1));
    }
    return index;
  }

  /** {@code l}, when it is a layer of {@code layers} from {@code first} on. */
  private static int layer(double[][] layers, int l, int first) {
    if (l < first || l >= layers.length) {
      throw new IndexOutOfBoundsException("layer " + l + " does not exist; expected " + first + ".." + (layers.length - 1));
    }
    return l;
  }

  /** The parameters before the step, in the flat order: a new array. */
  public double[] parametersBefore() {
    return before.clone();
  }

  /** Every gradient, in the flat order: a new array. */
  public double[] gradients() {
    return gradient.clone();
  }

  /** The parameters after the step, in the flat order: a new array. */
  public double[] parametersAfter() {
    return after.clone();
  }

  // ---------------------------------------------------------------- printing

  /** Every value as plain-text tables: the forward pass, the loss, the backward pass and the update. */
  public String table() {
    return new StepTracePrinter(this).tables(false);
  }

  /** Every value as Markdown tables, in the order of {@link #table()}. */
  public String markdown() {
    return new StepTracePrinter(this).tables(true);
  }

  /**
   * One line per layer: its size, and the range of its SpreA, SpostA, δ, gradients and changes. For networks
   * whose every value would be too many to read.
   */
  public String summary() {
    return new StepTracePrinter(this).summary();
  }

  /** {@link #table()} for networks of up to {@link #TABLE_LIMIT} parameters, {@link #summary()} for larger ones. */
  @Override
  public String toString() {
    return topology.parameterCount() <= TABLE_LIMIT ? table() : summary();
  }

  // ---------------------------------------------------------------- checking and copying

  private static void requireLoss(double loss) {
    if (!Double.isFinite(loss)) {
      throw new IllegalArgumentException(
          "loss is " + loss + "; expected a finite number (a step whose loss is not finite changes nothing)");
    }
  }

  private static void requireTopology(Topology topology) {
    if (topology == null) {
      throw new IllegalArgumentException("topology is null");
    }
  }

  /** The arrays of layers 1 up, shifted one place so that index l is layer l, checked and copied. */
  private static double[][] layers(Topology topology, double[] layer0, double[][] values, String what) {
    if (values == null || values.length != topology.layerCount()) {
      throw new IllegalArgumentException(
          what + ": expected " + topology.layerCount() + " arrays, one per layer after the inputs, but got "
              + (values == null ? "null" : values.length));
    }
    double[][] layers = new double[values.length + 1][];
    layers[0] = layer0 == null ? new double[0] : layer0;
    for (int l = 1; l <= values.length; l++) {
      layers[l] = copy(values[l - 1], topology.size(l), what + " of layer " + topology.layerName(l));
    }
    return layers;
  }

  private static double[] copy(double[] values, int length, String what) {
    if (values == null || values.length != length) {
      throw new IllegalArgumentException(
          what + ": expected " + length + " values but got " + (values == null ? "null" : values.length));
    }
    return values.clone();
  }

  private static double[] widen(float[] values, int length, String what) {
    if (values == null || values.length != length) {
      throw new IllegalArgumentException(
          what + ": expected " + length + " values but got " + (values == null ? "null" : values.length));
    }
    double[] wide = new double[length];
    for (int i = 0; i < length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }

  private static double[][] widen(float[][] values) {
    if (values == null) {
      return null;
    }
    double[][] wide = new double[values.length][];
    for (int l = 0; l < values.length; l++) {
      wide[l] = values[l] == null ? null : widen(values[l], values[l].length, "");
    }
    return wide;
  }
}
