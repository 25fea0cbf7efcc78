package dev.hardwired;

/**
 * Argument checks shared by generated networks and the runtime, so that every wrong input gets the same
 * clear message.
 *
 * <p><b>Threads.</b> Static methods that keep no state between calls: any thread may call them.
 */
public final class Checks {
  private Checks() {}

  /**
   * Returns {@code value} when it is not null.
   *
   * @throws IllegalArgumentException "{@code what} is null; expected {@code expected}" when it is
   */
  public static <T> T requireNonNull(T value, String what, String expected) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is null; expected " + expected);
    }
    return value;
  }

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
    if (expected == null) {
      throw new IllegalArgumentException(
          "the expected shape of " + what + " is null; expected the network's parameter arrays");
    }
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
    if (expected == null) {
      throw new IllegalArgumentException(
          "the expected shape of " + what + " is null; expected the network's parameter arrays");
    }
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
   * Checks a batch before any of it is used: the samples at positions {@code from} to {@code to}
   * (exclusive) of {@code indices}, or, with {@code indices} null, the rows {@code from} to {@code to}
   * themselves. Every row a sample names must exist in both arrays, with {@code inputCount} finite inputs and
   * {@code outputCount} finite targets.
   *
   * @throws IllegalArgumentException naming the first thing that is wrong: a null array, a different number
   *     of input and target rows, a range outside the indices or rows, an index that names no row, a null
   *     row, a wrong length or a value that is not finite
   */
  public static void requireBatch(
      double[][] inputs, double[][] targets, int[] indices, int from, int to, int inputCount, int outputCount) {
    int rows = requireRows(inputs == null ? -1 : inputs.length, targets == null ? -1 : targets.length);
    requireRange(indices, from, to, rows);
    for (int k = from; k < to; k++) {
      int r = indices == null ? k : indices[k];
      // The names are built only on failure: this check runs once per sample.
      if (!finite(inputs[r], inputCount)) {
        requireFinite(inputs[r], inputCount, "inputs[" + r + "]");
      }
      if (!finite(targets[r], outputCount)) {
        requireFinite(targets[r], outputCount, "targets[" + r + "]");
      }
    }
  }

  /** {@link #requireBatch(double[][], double[][], int[], int, int, int, int)} for float rows. */
  public static void requireBatch(
      float[][] inputs, float[][] targets, int[] indices, int from, int to, int inputCount, int outputCount) {
    int rows = requireRows(inputs == null ? -1 : inputs.length, targets == null ? -1 : targets.length);
    requireRange(indices, from, to, rows);
    for (int k = from; k < to; k++) {
      int r = indices == null ? k : indices[k];
      if (!finite(inputs[r], inputCount)) {
        requireFinite(inputs[r], inputCount, "inputs[" + r + "]");
      }
      if (!finite(targets[r], outputCount)) {
        requireFinite(targets[r], outputCount, "targets[" + r + "]");
      }
    }
  }

  /**
   * Checks a batch of predictions before any output is written: as many output rows as input rows, each
   * input row with {@code inputCount} finite values, each output row with room for {@code outputCount}.
   *
   * @throws IllegalArgumentException naming the first thing that is wrong
   */
  public static void requirePredictions(double[][] inputs, double[][] outputs, int inputCount, int outputCount) {
    int rows = requireOutputRows(inputs == null ? -1 : inputs.length, outputs == null ? -1 : outputs.length);
    for (int k = 0; k < rows; k++) {
      if (!finite(inputs[k], inputCount)) {
        requireFinite(inputs[k], inputCount, "inputs[" + k + "]");
      }
      if (outputs[k] == null || outputs[k].length != outputCount) {
        requireLength(outputs[k], outputCount, "outputs[" + k + "]");
      }
    }
  }

  /** {@link #requirePredictions(double[][], double[][], int, int)} for float rows. */
  public static void requirePredictions(float[][] inputs, float[][] outputs, int inputCount, int outputCount) {
    int rows = requireOutputRows(inputs == null ? -1 : inputs.length, outputs == null ? -1 : outputs.length);
    for (int k = 0; k < rows; k++) {
      if (!finite(inputs[k], inputCount)) {
        requireFinite(inputs[k], inputCount, "inputs[" + k + "]");
      }
      if (outputs[k] == null || outputs[k].length != outputCount) {
        requireLength(outputs[k], outputCount, "outputs[" + k + "]");
      }
    }
  }

  /** The number of rows, once inputs and targets are known to have the same (−1 stands for null). */
  private static int requireRows(int inputs, int targets) {
    if (inputs < 0 || targets < 0) {
      throw new IllegalArgumentException(
          (inputs < 0 ? "inputs" : "targets") + " is null; expected the rows of a data set");
    }
    if (inputs != targets) {
      throw new IllegalArgumentException(
          "inputs has " + inputs + " rows but targets has " + targets + "; expected one target row per input row");
    }
    return inputs;
  }

  private static int requireOutputRows(int inputs, int outputs) {
    if (inputs < 0 || outputs < 0) {
      throw new IllegalArgumentException((inputs < 0 ? "inputs" : "outputs") + " is null; expected an array of rows");
    }
    if (inputs != outputs) {
      throw new IllegalArgumentException(
          "outputs has " + outputs + " rows; expected " + inputs + ", one per row of inputs");
    }
    return inputs;
  }

  private static void requireRange(int[] indices, int from, int to, int rows) {
    int limit = indices == null ? rows : indices.length;
    if (from < 0 || to < from || to > limit) {
      throw new IllegalArgumentException(
          "the batch from " + from + " to " + to + " is not within the " + limit
              + (indices == null ? " rows of inputs" : " indices") + "; expected 0 ≤ from ≤ to ≤ " + limit);
    }
    if (indices != null) {
      for (int k = from; k < to; k++) {
        if (indices[k] < 0 || indices[k] >= rows) {
          throw new IllegalArgumentException(
              "indices[" + k + "] is " + indices[k] + "; expected a row of inputs, 0 to " + (rows - 1));
        }
      }
    }
  }

  private static boolean finite(double[] values, int expected) {
    if (values == null || values.length != expected) {
      return false;
    }
    for (double value : values) {
      if (!Double.isFinite(value)) {
        return false;
      }
    }
    return true;
  }

  private static boolean finite(float[] values, int expected) {
    if (values == null || values.length != expected) {
      return false;
    }
    for (float value : values) {
      if (!Float.isFinite(value)) {
        return false;
      }
    }
    return true;
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
