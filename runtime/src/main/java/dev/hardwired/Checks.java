package dev.hardwired;

/**
 * Argument checks shared by generated networks and the runtime, so that every wrong input gets the same
 * clear message.
 */
public final class Checks {
  private Checks() {}

  /**
   * @throws IllegalArgumentException unless {@code values} has {@code expected} elements
   */
  public static void requireLength(double[] values, int expected, String what) {
    if (values == null) {
      throw new IllegalArgumentException(what + " is null; expected " + expected + " values");
    }
    if (values.length != expected) {
      throw new IllegalArgumentException(
          what + " has " + values.length + " values; expected " + expected);
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code values} has {@code expected} elements, all finite
   */
  public static void requireFinite(double[] values, int expected, String what) {
    requireLength(values, expected, what);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            what + "[" + i + "] is " + values[i] + "; expected a finite number");
      }
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code values} has {@code expected} elements
   */
  public static void requireLength(float[] values, int expected, String what) {
    if (values == null) {
      throw new IllegalArgumentException(what + " is null; expected " + expected + " values");
    }
    if (values.length != expected) {
      throw new IllegalArgumentException(
          what + " has " + values.length + " values; expected " + expected);
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code values} has {@code expected} elements, all finite
   */
  public static void requireFinite(float[] values, int expected, String what) {
    requireLength(values, expected, what);
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(
            what + "[" + i + "] is " + values[i] + "; expected a finite number");
      }
    }
  }

  /**
   * @throws IllegalArgumentException unless the learning rate is positive and finite
   */
  public static void requireLearningRate(float learningRate) {
    requireLearningRate((double) learningRate);
  }

  /**
   * @throws IllegalArgumentException unless the learning rate is positive and finite
   */
  public static void requireLearningRate(double learningRate) {
    if (!(learningRate > 0.0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate is " + learningRate + "; expected a positive finite number");
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code arrays} has the shape of {@code expected}: as many
   *     arrays, each of the same length (the gradient arrays of a network against its {@code
   *     parameterArrays()})
   */
  public static void requireShape(double[][] arrays, double[][] expected, String what) {
    if (arrays == null) {
      throw new IllegalArgumentException(what + " is null; expected " + expected.length + " arrays");
    }
    if (arrays.length != expected.length) {
      throw new IllegalArgumentException(
          what + " has " + arrays.length + " arrays; expected " + expected.length + ", one per parameter array");
    }
    for (int k = 0; k < arrays.length; k++) {
      // The name is built only on failure: this check runs once per sample.
      if (arrays[k] == null || arrays[k].length != expected[k].length) {
        requireLength(arrays[k], expected[k].length, what + "[" + k + "]");
      }
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code arrays} has the shape of {@code expected}: as many
   *     arrays, each of the same length
   */
  public static void requireShape(float[][] arrays, float[][] expected, String what) {
    if (arrays == null) {
      throw new IllegalArgumentException(what + " is null; expected " + expected.length + " arrays");
    }
    if (arrays.length != expected.length) {
      throw new IllegalArgumentException(
          what + " has " + arrays.length + " arrays; expected " + expected.length + ", one per parameter array");
    }
    for (int k = 0; k < arrays.length; k++) {
      // The name is built only on failure: this check runs once per sample.
      if (arrays[k] == null || arrays[k].length != expected[k].length) {
        requireLength(arrays[k], expected[k].length, what + "[" + k + "]");
      }
    }
  }

  /**
   * The exception for a training step whose loss is not finite; the caller throws it before changing any
   * parameter.
   */
  public static ArithmeticException diverged(double loss) {
    return new ArithmeticException(
        "training diverged: the loss is " + loss
            + "; the parameters are left as they were before this step (try a smaller learning rate)");
  }
}
