package dev.hardwired.data;

import dev.hardwired.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * One-hot encoding of class labels, and its inverse: class {@code c} of {@code n} is the vector of
 * {@code n} zeros with a 1 at position {@code c}.
 *
 * <p><b>Threads.</b> Static methods that keep no state between calls: any thread may call them.
 */
public final class OneHot {
  private OneHot() {}

  /**
   * The one-hot vector of {@code label} among {@code classCount} classes.
   *
   * @throws IllegalArgumentException unless 0 ≤ label &lt; classCount
   */
  public static double[] encode(int label, int classCount) {
    if (classCount < 1) {
      throw new IllegalArgumentException("classCount is " + classCount + "; expected at least 1");
    }
    double[] vector = new double[classCount];
    encode(label, vector);
    return vector;
  }

  /**
   * Writes the one-hot vector of {@code label} into {@code output}, whose length is the number of classes.
   *
   * @throws IllegalArgumentException unless 0 ≤ label &lt; output.length
   */
  public static void encode(int label, double[] output) {
    Checks.requireNonNull(output, "output", "an array with one place per class");
    if (label < 0 || label >= output.length) {
      throw new IllegalArgumentException(
          "label is " + label + "; expected a class index 0.." + (output.length - 1));
    }
    Arrays.fill(output, 0.0);
    output[label] = 1.0;
  }

  /**
   * The one-hot vector of the class named {@code label}.
   *
   * @throws IllegalArgumentException when {@code classNames} does not contain {@code label}
   */
  public static double[] encode(String label, List<String> classNames) {
    Checks.requireNonNull(classNames, "classNames", "the names of the classes");
    int index = classNames.indexOf(label);
    if (index < 0) {
      throw new IllegalArgumentException("'" + label + "' is not one of the classes " + classNames);
    }
    return encode(index, classNames.size());
  }

  /** The one-hot vectors of {@code labels} among {@code classCount} classes. */
  public static double[][] encode(int[] labels, int classCount) {
    Checks.requireNonNull(labels, "labels", "an array of class indices");
    double[][] vectors = new double[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      vectors[i] = encode(labels[i], classCount);
    }
    return vectors;
  }

  /**
   * The index of the largest value; ties go to the lowest index, and NaN loses to any number.
   *
   * @throws IllegalArgumentException when {@code values} is empty
   */
  public static int argmax(double[] values) {
    requireSome(values == null ? -1 : values.length);
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best] || (Double.isNaN(values[best]) && !Double.isNaN(values[k]))) {
        best = k;
      }
    }
    return best;
  }

  /**
   * The class that a network output or a target stands for: {@link #argmax} of several values, or for a
   * single value (one logistic output) 1 when it is at least 0.5, else 0.
   */
  public static int decode(double[] values) {
    requireSome(values == null ? -1 : values.length);
    return values.length == 1 ? (values[0] >= 0.5 ? 1 : 0) : argmax(values);
  }

  /** {@link #decode(double[])} of a float network's output. */
  public static int decode(float[] values) {
    requireSome(values == null ? -1 : values.length);
    if (values.length == 1) {
      return values[0] >= 0.5f ? 1 : 0;
    }
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best] || (Float.isNaN(values[best]) && !Float.isNaN(values[k]))) {
        best = k;
      }
    }
    return best;
  }

  /** Refuses an array of {@code length} values, −1 for null, unless it has some. */
  private static void requireSome(int length) {
    if (length < 1) {
      throw new IllegalArgumentException(
          "values is " + (length < 0 ? "null" : "empty") + "; expected at least one value");
    }
  }
}
