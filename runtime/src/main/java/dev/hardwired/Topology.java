package dev.hardwired;

import java.util.Arrays;

/**
 * The fixed shape of a network: layer sizes, the activation of each layer and the loss, together with the
 * layout of all parameters in one flat array.
 *
 * <p>Layers are numbered from 0 (the inputs) to {@link #layerCount()} (the outputs). The parameters are
 * stored layer by layer from layer 1: first the layer's weights, neuron by neuron (the weight from node
 * {@code i} of layer {@code l − 1} into neuron {@code j} of layer {@code l} at {@code weightOffset(l) + j ×
 * size(l − 1) + i}), then the layer's biases (neuron {@code j} at {@code biasOffset(l) + j}). Generated
 * networks, the reference network and weights files all share this layout.
 *
 * <p><b>Threads.</b> Immutable ({@link #sizes()} returns a copy): one topology is shared by every network of
 * its shape, on any number of threads.
 */
public final class Topology {
  /**
   * The most parameters a topology may have: the longest {@code double[]} that every JVM allocates, so that
   * all parameters fit in the one flat array this layout describes.
   */
  public static final int MAX_PARAMETERS = Integer.MAX_VALUE - 8;

  private final int[] sizes;
  private final Activation[] activations;
  private final Loss loss;
  private final int[] offsets;

  private Topology(int[] sizes, Activation[] activations, Loss loss) {
    this.sizes = sizes;
    this.activations = activations;
    this.loss = loss;
    this.offsets = new int[sizes.length + 1];
    long end = 0;
    for (int l = 1; l < sizes.length; l++) {
      // In long, so that layers too large for one array are refused rather than wrapping to bad offsets.
      end += ((long) sizes[l - 1] + 1) * sizes[l];
      if (end > MAX_PARAMETERS) {
        throw new IllegalArgumentException(
            "layers " + Arrays.toString(sizes) + " need more than " + MAX_PARAMETERS
                + " parameters, more than one Java array can hold");
      }
      offsets[l + 1] = (int) end;
    }
  }

  /**
   * A topology as {@link Network} declares one.
   *
   * @param hiddenActivations one activation for every hidden layer, or one per hidden layer
   * @throws IllegalArgumentException when the combination is one that {@link Network} rejects
   */
  public static Topology of(
      int inputs,
      int[] hidden,
      int outputs,
      Activation[] hiddenActivations,
      Activation outputActivation,
      Loss loss) {
    requirePresent(hidden, "hidden");
    requirePresent(hiddenActivations, "hiddenActivations");
    requirePresent(outputActivation, "outputActivation");
    requirePresent(loss, "loss");
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = inputs;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = outputs;
    for (int l = 0; l < sizes.length; l++) {
      if (sizes[l] <= 0) {
        throw new IllegalArgumentException(
            "layer " + l + " has size " + sizes[l] + "; every layer needs at least one node: " + Arrays.toString(sizes));
      }
    }
    if (hiddenActivations.length != 1 && hiddenActivations.length != hidden.length) {
      throw new IllegalArgumentException(
          "expected 1 hidden activation or one per hidden layer (" + hidden.length + "), got " + hiddenActivations.length);
    }
    Activation[] activations = new Activation[sizes.length];
    for (int l = 1; l < sizes.length - 1; l++) {
      Activation a = hiddenActivations[hiddenActivations.length == 1 ? 0 : l - 1];
      if (a == null) {
        throw new IllegalArgumentException("hidden layer " + l + " has a null activation");
      }
      if (!a.allowedInHiddenLayer()) {
        throw new IllegalArgumentException("hidden layer " + l + ": " + a + " is for the output layer only");
      }
      activations[l] = a;
    }
    activations[sizes.length - 1] = outputActivation;
    if (outputActivation == Activation.STEP && hidden.length > 0) {
      throw new IllegalArgumentException(
          "a STEP output layer cannot have hidden layers before it: the perceptron rule trains a single layer");
    }
    if (outputActivation == Activation.SOFTMAX && outputs == 1) {
      throw new IllegalArgumentException(
          "a SOFTMAX output layer needs at least 2 outputs: the softmax of one value is always 1");
    }
    if (!loss.accepts(outputActivation)) {
      throw new IllegalArgumentException(
          loss + " cannot follow a " + outputActivation + " output layer"
              + (loss.requiredOutputActivation() == null ? "" : "; it needs " + loss.requiredOutputActivation()));
    }
    return new Topology(sizes, activations, loss);
  }

  private static void requirePresent(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is null");
    }
  }

  /** Number of inputs. */
  public int inputs() {
    return sizes[0];
  }

  /** Number of outputs. */
  public int outputs() {
    return sizes[sizes.length - 1];
  }

  /** Number of layers that have parameters: the hidden layers and the output layer. */
  public int layerCount() {
    return sizes.length - 1;
  }

  /** Number of nodes in layer {@code l}: 0 is the input layer, {@link #layerCount()} the output layer. */
  public int size(int l) {
    if (l < 0 || l >= sizes.length) {
      throw noLayer(l);
    }
    return sizes[l];
  }

  /** Activation of layer {@code l}, for 1 ≤ l ≤ {@link #layerCount()}. */
  public Activation activation(int l) {
    if (l < 1 || l >= sizes.length) {
      throw new IndexOutOfBoundsException("layer " + l + " has no activation; layers 1.." + layerCount() + " do");
    }
    return activations[l];
  }

  /** The loss. */
  public Loss loss() {
    return loss;
  }

  /**
   * Offset of layer {@code l}'s first weight in the flat parameter array; {@code weightOffset(layerCount() +
   * 1)} is {@link #parameterCount()}, where the last layer ends.
   */
  public int weightOffset(int l) {
    if (l < 0 || l > sizes.length) {
      throw new IndexOutOfBoundsException(
          "layer " + l + " has no weight offset; expected 0.." + (layerCount() + 1));
    }
    return offsets[l];
  }

  /** Offset of layer {@code l}'s first bias in the flat parameter array. */
  public int biasOffset(int l) {
    if (l < 1 || l >= sizes.length) {
      throw noParameters(l);
    }
    return offsets[l] + sizes[l - 1] * sizes[l];
  }

  private IndexOutOfBoundsException noLayer(int l) {
    return new IndexOutOfBoundsException("layer " + l + " does not exist; expected 0.." + layerCount());
  }

  private IndexOutOfBoundsException noParameters(int l) {
    return new IndexOutOfBoundsException("layer " + l + " has no parameters; expected 1.." + layerCount());
  }

  /** Number of parameters: every weight and every bias. */
  public int parameterCount() {
    return offsets[sizes.length];
  }

  /**
   * What the parameter at {@code index} of the flat array is, in words: for the 2-2-1 XOR network, index 1
   * is {@code "weight into layer 1 neuron 0 from input 1 (ItoH)"}, 5 is {@code "bias of layer 1 neuron 1
   * (hidden)"}, 7 is {@code "weight into layer 2 neuron 0 from node 1 (HtoO)"} and 8 is {@code "bias of
   * layer 2 neuron 0 (output)"}. The weight matrices are named by what they connect: ItoH, HtoH, HtoO, or
   * ItoO without hidden layers.
   *
   * @throws IndexOutOfBoundsException unless 0 ≤ index &lt; {@link #parameterCount()}
   */
  public String describeParameter(int index) {
    int l = layerOf(index);
    boolean output = l == layerCount();
    if (index < biasOffset(l)) {
      int fanIn = sizes[l - 1];
      int k = index - weightOffset(l);
      String matrix = (l == 1 ? "I" : "H") + "to" + (output ? "O" : "H");
      return "weight into layer " + l + " neuron " + k / fanIn + " from " + (l == 1 ? "input " : "node ") + k % fanIn
          + " (" + matrix + ")";
    }
    return "bias of layer " + l + " neuron " + (index - biasOffset(l)) + (output ? " (output)" : " (hidden)");
  }

  /**
   * How the classic equations and the generated comments name layer {@code l}: {@code I} for the inputs,
   * {@code H} for a single hidden layer ({@code H1}, {@code H2}, … when there are several), {@code O} for
   * the outputs.
   */
  public String layerName(int l) {
    requireLayer(l);
    if (l == 0) {
      return "I";
    }
    if (l == layerCount()) {
      return "O";
    }
    return layerCount() == 2 ? "H" : "H" + l;
  }

  /**
   * How the generated comments name node {@code j} of layer {@code l}: {@code I0}, {@code H0}, {@code O0},
   * and {@code H2_0} in the second of several hidden layers.
   */
  public String nodeName(int l, int j) {
    String layer = layerName(l);
    if (j < 0 || j >= sizes[l]) {
      throw new IndexOutOfBoundsException(
          "node " + j + " does not exist; layer " + layer + " of " + this + " has nodes 0.." + (sizes[l] - 1));
    }
    return layer + (layer.length() > 1 ? "_" : "") + j;
  }

  /**
   * How the generated comments name the parameter at {@code index} of the flat array: {@code "weight
   * H0→O0"} (the weight from node H0 into node O0) or {@code "bias O0"}.
   *
   * @throws IndexOutOfBoundsException unless 0 ≤ index &lt; {@link #parameterCount()}
   */
  public String parameterName(int index) {
    int l = layerOf(index);
    if (index < biasOffset(l)) {
      int fanIn = sizes[l - 1];
      int k = index - weightOffset(l);
      return "weight " + nodeName(l - 1, k % fanIn) + "→" + nodeName(l, k / fanIn);
    }
    return "bias " + nodeName(l, index - biasOffset(l));
  }

  /** The layer sizes from the inputs to the outputs, as a new array. */
  public int[] sizes() {
    return sizes.clone();
  }

  /** The layer whose weights or biases hold parameter {@code index}. */
  private int layerOf(int index) {
    if (index < 0 || index >= parameterCount()) {
      throw new IndexOutOfBoundsException(
          "parameter " + index + " does not exist; " + this + " has parameters 0.." + (parameterCount() - 1));
    }
    int l = 1;
    while (index >= offsets[l + 1]) {
      l++;
    }
    return l;
  }

  private void requireLayer(int l) {
    if (l < 0 || l > layerCount()) {
      throw new IndexOutOfBoundsException(
          "layer " + l + " does not exist; " + this + " has layers 0.." + layerCount());
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Topology)) {
      return false;
    }
    Topology that = (Topology) o;
    return Arrays.equals(sizes, that.sizes) && Arrays.equals(activations, that.activations) && loss == that.loss;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(sizes) + Arrays.hashCode(activations)) + loss.hashCode();
  }

  /** The layer sizes from the inputs to the outputs, joined by dashes: {@code 2-2-1}. */
  public String shape() {
    StringBuilder s = new StringBuilder();
    for (int l = 0; l < sizes.length; l++) {
      s.append(l == 0 ? "" : "-").append(sizes[l]);
    }
    return s.toString();
  }

  /** For example {@code 2-2-1 (logistic, logistic; summed squared error)}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(shape()).append(" (");
    for (int l = 1; l < sizes.length; l++) {
      s.append(l == 1 ? "" : ", ").append(activations[l].displayName());
    }
    return s.append("; ").append(loss.displayName()).append(')').toString();
  }
}
