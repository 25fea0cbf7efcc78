package dev.hardwired;

/**
 * The single-precision {@link Predictor}: a network declared with {@code precision = Precision.FLOAT}.
 *
 * <p><b>Threads.</b> Such a network belongs to one thread at a time, even to predict: a network with looped
 * layers keeps their values in its fields. Give each thread its own {@link TrainableFloatNetwork#copy()
 * copy}.
 */
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

  /**
   * Runs the forward pass on every row of a batch: {@code outputs[k]} gets the outputs for {@code
   * inputs[k]}, with the same bits as {@link #predict(float[], float[])} gives it. Allocates nothing. A
   * generated network computes several rows at once, loading each weight row of its looped layers once
   * for them.
   *
   * @throws IllegalArgumentException before any output is written, when the arrays have different numbers
   *     of rows, or a row is null, has the wrong length or an input that is not finite
   */
  default void predict(float[][] inputs, float[][] outputs) {
    Checks.requirePredictions(inputs, outputs, inputCount(), outputCount());
    for (int k = 0; k < inputs.length; k++) {
      predict(inputs[k], outputs[k]);
    }
  }
}
