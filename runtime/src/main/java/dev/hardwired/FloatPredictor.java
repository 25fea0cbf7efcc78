package dev.hardwired;

/** The single-precision {@link Predictor}: a network declared with {@code precision = Precision.FLOAT}. */
public interface FloatPredictor {

  /** Number of inputs that {@link #predict} takes. */
  int inputCount();

  /** Number of outputs that {@link #predict} gives. */
  int outputCount();

  /**
   * Runs the forward pass into a new array.
   *
   * @throws IllegalArgumentException when {@code input} has the wrong length or a value that is not finite
   */
  float[] predict(float[] input);

  /**
   * Runs the forward pass into {@code output}, allocating nothing.
   *
   * @throws IllegalArgumentException when an array has the wrong length or an input is not finite
   */
  void predict(float[] input, float[] output);
}
