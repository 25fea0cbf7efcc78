package dev.hardwired.processor.model;

import dev.hardwired.Activation;

/**
 * One layer of the model with the names the generated code uses for it. Layer 0 is the input layer; the
 * last is the output layer.
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

  /** What a layer is in the classic vocabulary. */
  public enum Role {
    INPUT,
    HIDDEN,
    OUTPUT
  }

  Layer(
      int index,
      int size,
      Activation activation,
      Role role,
      int hiddenNumber,
      boolean singleHidden,
      int weightOffset,
      int biasOffset) {
    this.index = index;
    this.size = size;
    this.activation = activation;
    this.role = role;
    this.hiddenNumber = hiddenNumber;
    this.singleHidden = singleHidden;
    this.weightOffset = weightOffset;
    this.biasOffset = biasOffset;
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

  /** Offset of this layer's first incoming weight in the parameter array. */
  public int weightOffset() {
    return weightOffset;
  }

  /** Offset of this layer's first bias in the parameter array. */
  public int biasOffset() {
    return biasOffset;
  }

  /** The local holding node {@code j}'s post-activation SpostA (for inputs, the input value). */
  public String value(int j) {
    switch (role) {
      case INPUT:
        return "x" + j;
      case OUTPUT:
        return "o" + j;
      default:
        return (singleHidden ? "h" : "h" + hiddenNumber + "_") + j;
    }
  }

  /** How comments name node {@code j}: I0, H0 (H2_0 in the second of several hidden layers), O0. */
  public String node(int j) {
    return letter() + (role == Role.HIDDEN && !singleHidden ? "_" : "") + j;
  }

  /** The local holding node {@code j}'s pre-activation SpreA, where the code needs one. */
  public String preActivation(int j) {
    return "z" + value(j);
  }

  /**
   * The local holding node {@code j}'s delta: the error signal S_ERROR at the output, the memoized δ of a
   * hidden node.
   */
  public String delta(int j) {
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
