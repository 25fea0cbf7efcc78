package dev.hardwired;

/** Anything that maps an input vector to an output vector: a generated network or the reference network. */
public interface Predictor {

  /** Number of inputs that {@link #predict} takes. */
  int inputCount();

  /** Number of outputs that {@link #predict} gives. */
  int outputCount();

  /**
   * Runs the forward pass into a new array.
   *
   * @throws IllegalArgumentException when {@code input} has the wrong length or a value that is not finite
   */
  double[] predict(double[] input);

  /**
   * Runs the forward pass into {@code output}, allocating nothing.
   *
   * @throws IllegalArgumentException when an array has the wrong length or an input is not finite
   */
  void predict(double[] input, double[] output);
}
