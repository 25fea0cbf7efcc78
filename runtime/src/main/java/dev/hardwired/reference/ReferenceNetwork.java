package dev.hardwired.reference;

import dev.hardwired.Activation;
import dev.hardwired.Checks;
import dev.hardwired.Initialization;
import dev.hardwired.Loss;
import dev.hardwired.StepTrace;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import java.util.Arrays;

/**
 * The generic network: the same mathematics as a generated network, written once with loops for any
 * {@link Topology}. It is the oracle that generated code is tested against and the baseline that
 * benchmarks measure it by.
 *
 * <p>The parameters are one flat array laid out as {@link Topology} describes. Per sample:
 *
 * <ul>
 *   <li>forward: SpreA z_j = Σ_i w_ji a_i + b_j and SpostA a_j = fA(z_j), or softmax over the layer;
 *   <li>loss: summed squared error ½ Σ_k (y_k − t_k)², or a cross-entropy computed from the output
 *       pre-activations so that it stays finite where ln y would not;
 *   <li>error signal at the outputs: S_ERROR = (y − t) × fA′ for squared error, y − t for both
 *       cross-entropies;
 *   <li>hidden deltas by the chain rule, δ_j = fA′(a_j) × Σ_k w_kj δ_k, each computed once and reused by
 *       every weight into node j, with the weights as they were in the forward pass;
 *   <li>gradients δ_j × a_i for weights and δ_j for biases; a training step then does p ← p − LR × gradient
 *       for every parameter.
 * </ul>
 *
 * <p>Scratch arrays for one sample are allocated once, in the constructor, so {@link #predict(double[],
 * double[])}, {@link #train}, {@link #loss} and {@link #accumulateGradient} allocate nothing.
 *
 * <p><b>Threads.</b> For the same reason an instance belongs to one thread at a time, even to predict, which
 * writes those arrays: give each thread its own {@link #copy()}, which shares nothing with it, or, to compute
 * gradients beside it, its {@link #copySharingParameters()}.
 */
public final class ReferenceNetwork implements TrainableNetwork {
  private final Topology topology;
  private final int layers;
  private final double[] parameters;
  /** {@link #parameters} as the one array of {@link #parameterArrays()}. */
  private final double[][] parameterArrays;
  // Per layer, indexed by layer number: a[0] holds a copy of the input; z[0] and delta[0] are unused.
  private final double[][] z;
  private final double[][] a;
  private final double[][] delta;

  /** A network of the given shape whose parameters are all zero. */
  public ReferenceNetwork(Topology topology) {
    this(topology, null);
  }

  /** Over {@code parameters}, or over a new array of zeros when it is null; with scratch of its own. */
  private ReferenceNetwork(Topology topology, double[] parameters) {
    if (topology == null) {
      throw new IllegalArgumentException("topology is null");
    }
    this.topology = topology;
    this.layers = topology.layerCount();
    this.parameters = parameters == null ? new double[topology.parameterCount()] : parameters;
    this.parameterArrays = new double[][] {this.parameters};
    this.z = new double[layers + 1][];
    this.a = new double[layers + 1][];
    this.delta = new double[layers + 1][];
    a[0] = new double[topology.size(0)];
    for (int l = 1; l <= layers; l++) {
      z[l] = new double[topology.size(l)];
      a[l] = new double[topology.size(l)];
      delta[l] = new double[topology.size(l)];
    }
  }

  /** A network with the default initialisation for this seed ({@link Initialization#initialize}). */
  public static ReferenceNetwork seeded(Topology topology, long seed) {
    ReferenceNetwork network = new ReferenceNetwork(topology);
    Initialization.initialize(topology, seed, network.parameters);
    return network;
  }

  /** A reference network with the topology and a copy of the parameters of {@code other}, e.g. a generated one. */
  public static ReferenceNetwork of(TrainableNetwork other) {
    Checks.requireNonNull(other, "other", "a network to copy");
    ReferenceNetwork network = new ReferenceNetwork(other.topology());
    other.getParameters(network.parameters);
    return network;
  }

  /**
   * A reference network with the topology and the parameters of a single-precision network, widened
   * exactly to double: the oracle for float networks, whose results it matches to float's precision.
   */
  public static ReferenceNetwork of(TrainableFloatNetwork other) {
    Checks.requireNonNull(other, "other", "a network to copy");
    return of(other.asDoubleNetwork());
  }

  @Override
  public Topology topology() {
    return topology;
  }

  @Override
  public int parameterCount() {
    return parameters.length;
  }

  @Override
  public int inputCount() {
    return topology.inputs();
  }

  @Override
  public int outputCount() {
    return topology.outputs();
  }

  @Override
  public void getParameters(double[] destination) {
    Checks.requireLength(destination, parameters.length, "destination");
    System.arraycopy(parameters, 0, destination, 0, parameters.length);
  }

  @Override
  public void setParameters(double[] source) {
    // Checked in full before the copy, so a bad array changes nothing.
    Checks.requireFinite(source, parameters.length, "parameters");
    System.arraycopy(source, 0, parameters, 0, parameters.length);
  }

  @Override
  public double[] predict(double[] input) {
    double[] output = new double[topology.outputs()];
    predict(input, output);
    return output;
  }

  @Override
  public void predict(double[] input, double[] output) {
    Checks.requireFinite(input, topology.inputs(), "input");
    Checks.requireLength(output, topology.outputs(), "output");
    forward(input);
    System.arraycopy(a[layers], 0, output, 0, output.length);
  }

  @Override
  public double loss(double[] input, double[] target) {
    Checks.requireFinite(input, topology.inputs(), "input");
    Checks.requireFinite(target, topology.outputs(), "target");
    forward(input);
    return lossOfLastForward(target);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The loss is returned as computed, even when it is not finite.
   */
  @Override
  public double accumulateGradient(double[] input, double[] target, double[] gradientSum) {
    Checks.requireFinite(input, topology.inputs(), "input");
    Checks.requireFinite(target, topology.outputs(), "target");
    Checks.requireLength(gradientSum, parameters.length, "gradientSum");
    forward(input);
    double loss = lossOfLastForward(target);
    backward(target);
    addGradient(1.0, gradientSum);
    return loss;
  }

  /** One array: the flat parameters themselves, in {@link Topology}'s order. */
  @Override
  public double[][] parameterArrays() {
    return parameterArrays.clone();
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code gradientSums} is one array, in {@link Topology}'s order: the flat gradient's. The loss is
   * returned as computed, even when it is not finite.
   */
  @Override
  public double accumulateGradient(double[] input, double[] target, double[][] gradientSums) {
    Checks.requireShape(gradientSums, parameterArrays, "gradientSums");
    return accumulateGradient(input, target, gradientSums[0]);
  }

  @Override
  public double train(double[] input, double[] target, double learningRate) {
    Checks.requireFinite(input, topology.inputs(), "input");
    Checks.requireFinite(target, topology.outputs(), "target");
    Checks.requireLearningRate(learningRate);
    forward(input);
    double loss = lossOfLastForward(target);
    if (!Double.isFinite(loss)) {
      throw Checks.diverged(loss);
    }
    // Every delta is computed before any weight changes, so the chain rule sees the forward pass's weights.
    backward(target);
    // weight ← weight − LR × gradient
    addGradient(-learningRate, parameters);
    return loss;
  }

  /**
   * One training step, exactly as {@link #train} takes it, that returns every value it computed: SpreA,
   * SpostA, the loss, S_ERROR and δ of every node, and each parameter before, its gradient and after. For
   * any topology; a generated network's own {@code trace} gives the values of its generated statements.
   *
   * @throws ArithmeticException as {@link #train} does, when the loss is not finite; nothing changes then
   */
  public StepTrace trace(double[] input, double[] target, double learningRate) {
    double[] before = parameters.clone();
    double loss = train(input, target, learningRate);
    // train leaves the values of its one pass in the scratch arrays.
    return StepTrace.of(
        topology,
        input,
        target,
        learningRate,
        loss,
        before,
        parameters,
        Arrays.copyOfRange(z, 1, layers + 1),
        Arrays.copyOfRange(a, 1, layers + 1),
        Arrays.copyOfRange(delta, 1, layers + 1));
  }

  @Override
  public ReferenceNetwork copy() {
    ReferenceNetwork copy = new ReferenceNetwork(topology);
    System.arraycopy(parameters, 0, copy.parameters, 0, parameters.length);
    return copy;
  }

  /** A network over this one's parameter array, with scratch arrays of its own. */
  @Override
  public ReferenceNetwork copySharingParameters() {
    return new ReferenceNetwork(topology, parameters);
  }

  /** For example {@code ReferenceNetwork 2-2-1 (logistic, logistic; summed squared error), 9 parameters}. */
  @Override
  public String toString() {
    return "ReferenceNetwork " + topology + ", " + parameters.length + " parameters";
  }

  /**
   * Adds {@code scale} × the gradient of the last backward pass to {@code into}: the weight from node i
   * into node j gets δ_j × a_i, the bias of node j gets δ_j. The scale multiplies δ_j first, as generated
   * code groups {@code learningRate * delta * input}.
   */
  private void addGradient(double scale, double[] into) {
    for (int l = 1; l <= layers; l++) {
      int fanIn = topology.size(l - 1);
      double[] previous = a[l - 1];
      double[] d = delta[l];
      int w = topology.weightOffset(l);
      int b = topology.biasOffset(l);
      for (int j = 0; j < d.length; j++) {
        double step = scale * d[j];
        int row = w + j * fanIn;
        for (int i = 0; i < fanIn; i++) {
          into[row + i] += step * previous[i];
        }
        into[b + j] += step;
      }
    }
  }

  /** Fills z and a for every layer from a checked input. */
  private void forward(double[] input) {
    System.arraycopy(input, 0, a[0], 0, input.length);
    for (int l = 1; l <= layers; l++) {
      int fanIn = topology.size(l - 1);
      double[] previous = a[l - 1];
      double[] zl = z[l];
      double[] al = a[l];
      int w = topology.weightOffset(l);
      int b = topology.biasOffset(l);
      for (int j = 0; j < zl.length; j++) {
        int row = w + j * fanIn;
        double sum = 0.0;
        for (int i = 0; i < fanIn; i++) {
          sum += parameters[row + i] * previous[i];
        }
        zl[j] = sum + parameters[b + j];
      }
      Activation activation = topology.activation(l);
      if (activation == Activation.SOFTMAX) {
        Activation.softmax(zl, al);
      } else {
        for (int j = 0; j < zl.length; j++) {
          al[j] = activation.apply(zl[j]);
        }
      }
    }
  }

  /** The loss of the last forward pass against {@code target}. */
  private double lossOfLastForward(double[] target) {
    double[] zo = z[layers];
    double[] y = a[layers];
    double loss = 0.0;
    switch (topology.loss()) {
      case SQUARED_ERROR:
        for (int k = 0; k < y.length; k++) {
          double fe = y[k] - target[k];
          loss += fe * fe;
        }
        return 0.5 * loss;
      case CROSS_ENTROPY:
        // −[t ln σ(z) + (1 − t) ln(1 − σ(z))] rewritten so that neither exp nor ln can overflow.
        for (int k = 0; k < zo.length; k++) {
          loss += Math.max(zo[k], 0.0) - zo[k] * target[k] + Math.log1p(Math.exp(-Math.abs(zo[k])));
        }
        return loss;
      case SOFTMAX_CROSS_ENTROPY:
        // −Σ t_k ln y_k with ln y_k = z_k − max − ln Σ_m exp(z_m − max): log-sum-exp, shifted.
        double max = zo[0];
        for (int k = 1; k < zo.length; k++) {
          max = Math.max(max, zo[k]);
        }
        double sum = 0.0;
        for (int k = 0; k < zo.length; k++) {
          sum += Math.exp(zo[k] - max);
        }
        double logSum = Math.log(sum);
        for (int k = 0; k < zo.length; k++) {
          loss -= target[k] * (zo[k] - max - logSum);
        }
        return loss;
      case PERCEPTRON:
        // Σ (y − t) z: zero for a right output, |z| for a wrong one.
        for (int k = 0; k < zo.length; k++) {
          loss += (y[k] - target[k]) * zo[k];
        }
        return loss;
      default:
        throw new AssertionError(topology.loss());
    }
  }

  /** Fills delta for every layer from the last forward pass, from the outputs back to layer 1. */
  private void backward(double[] target) {
    double[] y = a[layers];
    double[] zo = z[layers];
    double[] dOut = delta[layers];
    if (topology.loss() == Loss.SQUARED_ERROR) {
      Activation output = topology.activation(layers);
      for (int k = 0; k < y.length; k++) {
        // S_ERROR = FE × fA′(SpreA,O), FE = SpostA,O − T
        dOut[k] = (y[k] - target[k]) * output.derivative(zo[k], y[k]);
      }
    } else {
      // The derivative of the logistic or the softmax cancels against the cross-entropy's; the perceptron
      // criterion's gradient needs none of the step's.
      for (int k = 0; k < y.length; k++) {
        dOut[k] = y[k] - target[k];
      }
    }
    for (int l = layers - 1; l >= 1; l--) {
      double[] next = delta[l + 1];
      double[] dl = delta[l];
      double[] al = a[l];
      double[] zl = z[l];
      Activation activation = topology.activation(l);
      int fanIn = dl.length;
      int w = topology.weightOffset(l + 1);
      for (int j = 0; j < dl.length; j++) {
        // δ_j = fA′(a_j) × Σ_k w_kj δ_k, the weight from node j into node k of the next layer.
        double sum = 0.0;
        for (int k = 0; k < next.length; k++) {
          sum += parameters[w + k * fanIn + j] * next[k];
        }
        dl[j] = activation.derivative(zl[j], al[j]) * sum;
      }
    }
  }
}
