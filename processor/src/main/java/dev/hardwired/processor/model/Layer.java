package dev.hardwired.processor.model;

import dev.hardwired.Activation;

/**
 * One layer of the model with the names the generated code uses for it. Layer 0 is the input layer; the
 * last is the output layer.
 *
 * <p>A layer with parameters has a {@link Shape}: its weights, forward pass, deltas and updates are either
 * written out one statement per weight, or loops over arrays. Where a layer's post-activations and deltas
 * live follows from its own shape and the next layer's: in locals between unrolled layers, in arrays
 * wherever a loop reads or writes them.
 */
public final class Layer {
  private final int index;
  private final int size;
  private final Activation activation;
  private final Role role;
  private final int hiddenNumber;
  private final boolean singleHidden;
  private final int weightOffset;
  private final int biasOffset;
  private final Shape shape;
  private final boolean arrays;
  private final int storedOffset;
  private final int firstArray;

  /** What a layer is in the classic vocabulary. */
  public enum Role {
    INPUT,
    HIDDEN,
    OUTPUT
  }

  /** How a layer's code is written. */
  public enum Shape {
    /** Straight-line code: one named local per neuron, one statement per weight, weights in {@code p}. */
    UNROLLED,
    /**
     * Loops with constant bounds over one weight array per input row ({@code w[i][j]}, input-major), so that
     * the forward pass and the update are sums over rows that the JIT turns into vector code.
     */
    LOOPED
  }

  Layer(
      int index,
      int size,
      Activation activation,
      Role role,
      int hiddenNumber,
      boolean singleHidden,
      int weightOffset,
      int biasOffset,
      Shape shape,
      boolean arrays,
      int storedOffset,
      int firstArray) {
    this.index = index;
    this.size = size;
    this.activation = activation;
    this.role = role;
    this.hiddenNumber = hiddenNumber;
    this.singleHidden = singleHidden;
    this.weightOffset = weightOffset;
    this.biasOffset = biasOffset;
    this.shape = shape;
    this.arrays = arrays;
    this.storedOffset = storedOffset;
    this.firstArray = firstArray;
  }

  /** 0 for the inputs, up to the output layer. */
  public int index() {
    return index;
  }

  public int size() {
    return size;
  }

  /** The activation fA; {@code null} for the input layer. */
  public Activation activation() {
    return activation;
  }

  public boolean isOutput() {
    return role == Role.OUTPUT;
  }

  public boolean isInput() {
    return role == Role.INPUT;
  }

  /** How this layer's code is written; {@code null} for the input layer, which has no parameters. */
  public Shape shape() {
    return shape;
  }

  public boolean looped() {
    return shape == Shape.LOOPED;
  }

  /**
   * Whether this layer's post-activations and deltas are kept in arrays (fields allocated once per
   * instance) rather than locals: when this layer or the next one is looped. The input layer's values are
   * then the {@code input} array itself.
   */
  public boolean inArrays() {
    return arrays;
  }

  /** Offset of this layer's first incoming weight in the canonical flat parameter order ({@code Topology}). */
  public int weightOffset() {
    return weightOffset;
  }

  /** Offset of this layer's first bias in the canonical flat parameter order. */
  public int biasOffset() {
    return biasOffset;
  }

  /**
   * Offset of this unrolled layer's first weight in the generated array {@code p}, which holds the
   * unrolled layers' parameters in canonical order; the same as {@link #weightOffset()} when every layer is
   * unrolled.
   */
  public int storedWeightOffset() {
    return storedOffset;
  }

  /** Offset of this unrolled layer's first bias in {@code p}. */
  public int storedBiasOffset() {
    return storedOffset + (biasOffset - weightOffset);
  }

  /**
   * Index in the generated {@code parameterArrays()} of this looped layer's first weight row: its rows
   * follow one another, then its biases; unrolled layers keep theirs in {@code p}, array 0.
   */
  public int firstArray() {
    return firstArray;
  }

  /** Index in {@code parameterArrays()} of this looped layer's biases, after its weight rows. */
  public int biasArray() {
    return firstArray + (biasOffset - weightOffset) / size;
  }

  /** Number of weights and biases into this layer. */
  public int parameterCount() {
    return biasOffset - weightOffset + size;
  }

  /**
   * The expression of node {@code j}'s post-activation SpostA (for inputs, the input value): a local such as
   * {@code h0}, or an array element such as {@code spostAH[0]}.
   */
  public String value(int j) {
    if (arrays) {
      return isInput() ? "input[" + j + "]" : valuesArray() + "[" + j + "]";
    }
    switch (role) {
      case INPUT:
        return "x" + j;
      case OUTPUT:
        return "o" + j;
      default:
        return (singleHidden ? "h" : "h" + hiddenNumber + "_") + j;
    }
  }

  /** The array of SpostA: {@code input}, {@code spostAH}, {@code spostAH2}, {@code spostAO}. */
  public String valuesArray() {
    return isInput() ? "input" : "spostA" + letter();
  }

  /** The array of the pre-activations SpreA, where the loss or fA′ needs them. */
  public String preActivationsArray() {
    return "spreA" + letter();
  }

  /** The array of deltas: {@code sError} at the outputs, {@code deltaH}, {@code deltaH2} in hidden layers. */
  public String deltasArray() {
    return role == Role.OUTPUT ? "sError" : "delta" + letter();
  }

  /** The field holding this looped layer's weight rows: {@code wItoH}, {@code wH1toH2}, … */
  public String weightsArray(Layer previous) {
    return "w" + previous.letter() + "to" + letter();
  }

  /** The field holding this looped layer's biases: {@code bH}, {@code bO}, … */
  public String biasesArray() {
    return "b" + letter();
  }

  /** The constant naming this layer's size in loop bounds: {@code INPUTS}, {@code HIDDEN2}, {@code OUTPUTS}. */
  public String sizeConstant() {
    switch (role) {
      case INPUT:
        return "INPUTS";
      case OUTPUT:
        return "OUTPUTS";
      default:
        return singleHidden ? "HIDDEN" : "HIDDEN" + hiddenNumber;
    }
  }

  /** How comments name node {@code j}: I0, H0 (H2_0 in the second of several hidden layers), O0. */
  public String node(int j) {
    return letter() + (role == Role.HIDDEN && !singleHidden ? "_" : "") + j;
  }

  /** The local holding node {@code j}'s pre-activation SpreA, where the code needs one. */
  public String preActivation(int j) {
    return arrays ? preActivationsArray() + "[" + j + "]" : "z" + value(j);
  }

  /**
   * The expression of node {@code j}'s delta: the error signal S_ERROR at the output, the memoized δ of a
   * hidden node.
   */
  public String delta(int j) {
    if (arrays) {
      return deltasArray() + "[" + j + "]";
    }
    return role == Role.OUTPUT ? "sError" + j : "d" + value(j);
  }

  /** How the comments name this layer: "the hidden layer", "hidden layer 2", "the output layer". */
  public String title() {
    switch (role) {
      case INPUT:
        return "input layer";
      case OUTPUT:
        return "output layer";
      default:
        return singleHidden ? "hidden layer" : "hidden layer " + hiddenNumber;
    }
  }

  /** The one-letter subscript of the classic equations: I, H or O. */
  public String letter() {
    switch (role) {
      case INPUT:
        return "I";
      case OUTPUT:
        return "O";
      default:
        return singleHidden ? "H" : "H" + hiddenNumber;
    }
  }
}
