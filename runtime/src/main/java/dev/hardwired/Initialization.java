package dev.hardwired;

import java.util.Random;

/**
 * The default initialisation of every network, generated or reference, so that the same seed gives the
 * same starting parameters everywhere.
 *
 * <p>Each weight into layer {@code l} is drawn uniformly from [−r, r], in parameter order, from one {@link
 * Random} seeded with the given seed, with r from {@link #range}: He for the rectifier-like activations,
 * LeCun for SELU, Glorot for the rest. Biases start at zero. {@link Random}'s algorithm is fixed by its specification, so a seed
 * gives the same parameters on every JVM.
 *
 * <p><b>Threads.</b> Static methods that keep no state between calls: any thread may call them (each draws
 * from a {@link Random} of its own), on a parameter array that no other thread uses meanwhile.
 */
public final class Initialization {
  private Initialization() {}

  /** Fills {@code parameters} (of length {@link Topology#parameterCount()}) with the default initialisation. */
  public static void initialize(Topology topology, long seed, double[] parameters) {
    Checks.requireNonNull(topology, "topology", "the network's topology");
    Checks.requireLength(parameters, topology.parameterCount(), "parameters");
    Random random = new Random(seed);
    for (int l = 1; l <= topology.layerCount(); l++) {
      int fanIn = topology.size(l - 1);
      int fanOut = topology.size(l);
      double r = range(topology.activation(l), fanIn, fanOut);
      int w = topology.weightOffset(l);
      for (int k = 0; k < fanIn * fanOut; k++) {
        parameters[w + k] = (2.0 * random.nextDouble() - 1.0) * r;
      }
      int b = topology.biasOffset(l);
      for (int j = 0; j < fanOut; j++) {
        parameters[b + j] = 0.0;
      }
    }
  }

  /**
   * The half-width r of the uniform draw of the weights into a layer of {@code activation}, where fanIn and
   * fanOut are the sizes of the layer before and of the layer:
   *
   * <ul>
   *   <li>r = √(6 / fanIn) (He) for ReLU, leaky ReLU, ELU, SiLU and both GELUs, which pass about half of
   *       their input's variance on, as ReLU does;
   *   <li>r = √(3 / fanIn) (LeCun: variance 1 / fanIn) for SELU, the variance its self-normalisation
   *       assumes;
   *   <li>r = √(6 / (fanIn + fanOut)) (Glorot) for the rest: logistic, tanh, softplus, identity, softmax and
   *       step.
   * </ul>
   *
   * @throws IllegalArgumentException if fanIn or fanOut is below 1
   */
  static double range(Activation activation, int fanIn, int fanOut) {
    Checks.requireNonNull(activation, "activation", "the layer's activation");
    if (fanIn < 1 || fanOut < 1) {
      throw new IllegalArgumentException(
          "fanIn = " + fanIn + " and fanOut = " + fanOut + "; expected layer sizes of at least 1");
    }
    switch (activation) {
      case RELU:
      case LEAKY_RELU:
      case ELU:
      case SILU:
      case GELU:
      case GELU_TANH:
        return Math.sqrt(6.0 / fanIn);
      case SELU:
        return Math.sqrt(3.0 / fanIn);
      default:
        return Math.sqrt(6.0 / (fanIn + fanOut));
    }
  }

  /**
   * Fills {@code parameters} with the default initialisation in single precision: the same draws as
   * {@link #initialize(Topology, long, double[])}, each rounded to the nearest float.
   */
  public static void initialize(Topology topology, long seed, float[] parameters) {
    Checks.requireNonNull(topology, "topology", "the network's topology");
    Checks.requireLength(parameters, topology.parameterCount(), "parameters");
    double[] p = initialParameters(topology, seed);
    for (int i = 0; i < p.length; i++) {
      parameters[i] = (float) p[i];
    }
  }

  /** The default initialisation in a new array. */
  public static double[] initialParameters(Topology topology, long seed) {
    Checks.requireNonNull(topology, "topology", "the network's topology");
    double[] p = new double[topology.parameterCount()];
    initialize(topology, seed, p);
    return p;
  }
}
