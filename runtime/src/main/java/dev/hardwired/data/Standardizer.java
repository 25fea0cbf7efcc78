package dev.hardwired.data;

import dev.hardwired.Checks;
import java.util.Arrays;

/**
 * Scales each input column to mean 0 and standard deviation 1: x′ = (x − mean) / scale. Fit it on the
 * training set only, then apply it to the training set, the validation and test sets and every input at
 * prediction time, so that they tell nothing to training. {@link MinMaxScaler} scales to a range instead.
 *
 * <p>The scale is the population standard deviation (dividing by n). A column whose values are all equal is
 * only centred (scale 1), since it carries no information to scale.
 *
 * <p><b>Threads.</b> Immutable (its arrays are copied in and out): one standardizer may be shared by any
 * number of threads.
 */
public final class Standardizer {
  private final double[] means;
  private final double[] scales;

  private Standardizer(double[] means, double[] scales) {
    this.means = means;
    this.scales = scales;
  }

  /** The means and standard deviations of the input columns of {@code training}. */
  public static Standardizer fit(DataSet training) {
    Checks.requireNonNull(training, "training", "a data set to fit the standardizer to");
    int n = training.size();
    int width = training.inputCount();
    double[] means = new double[width];
    double[] scales = new double[width];
    for (int k = 0; k < width; k++) {
      double first = training.input(0)[k];
      boolean constant = true;
      double sum = 0.0;
      for (int i = 0; i < n; i++) {
        double x = training.input(i)[k];
        sum += x;
        constant &= x == first;
      }
      if (constant) {
        // Exactly the value, so the column becomes exactly 0 rather than rounding noise divided by ~0.
        means[k] = first;
        scales[k] = 1.0;
        continue;
      }
      double mean = sum / n;
      double squares = 0.0;
      for (int i = 0; i < n; i++) {
        double d = training.input(i)[k] - mean;
        squares += d * d;
      }
      means[k] = mean;
      scales[k] = Math.sqrt(squares / n);
    }
    return new Standardizer(means, scales);
  }

  /**
   * A standardizer with given means and scales, e.g. ones saved with a trained network.
   *
   * @throws IllegalArgumentException unless both arrays have the same non-zero length, every mean is finite
   *     and every scale positive and finite
   */
  public static Standardizer of(double[] means, double[] scales) {
    if (means == null || scales == null || means.length != scales.length || means.length == 0) {
      throw new IllegalArgumentException(
          "expected as many means as scales, at least one: got " + Arrays.toString(means) + " and "
              + Arrays.toString(scales));
    }
    for (int k = 0; k < means.length; k++) {
      if (!Double.isFinite(means[k])) {
        throw new IllegalArgumentException("means[" + k + "] is " + means[k] + "; expected a finite number");
      }
      if (!(scales[k] > 0.0) || Double.isInfinite(scales[k])) {
        throw new IllegalArgumentException(
            "scales[" + k + "] is " + scales[k] + "; expected a positive finite number");
      }
    }
    return new Standardizer(means.clone(), scales.clone());
  }

  /** Number of input columns. */
  public int inputCount() {
    return means.length;
  }

  /** The mean of each column, copied. */
  public double[] means() {
    return means.clone();
  }

  /** The scale of each column, copied: its standard deviation, or 1 for a constant column. */
  public double[] scales() {
    return scales.clone();
  }

  /**
   * The same samples with standardized inputs; the targets and class names are kept.
   *
   * @throws IllegalArgumentException when the data set's inputs have another width
   */
  public DataSet apply(DataSet data) {
    Checks.requireNonNull(data, "data", "a data set to standardize");
    requireWidth(data.inputCount(), "the data set has");
    double[][] scaled = new double[data.size()][];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = apply(data.input(i));
      requireFinite(scaled[i], i);
    }
    return data.withInputs(scaled, means.length);
  }

  /** One standardized input, in a new array. */
  public double[] apply(double[] input) {
    double[] output = new double[means.length];
    apply(input, output);
    return output;
  }

  /**
   * Standardizes {@code input} into {@code output}, allocating nothing; the two may be the same array.
   *
   * @throws IllegalArgumentException when an array is null or has another width, or an input is not finite
   */
  public void apply(double[] input, double[] output) {
    requireInput(input);
    if (output == null) {
      throw new IllegalArgumentException("output is null; expected an array of " + means.length + " values");
    }
    requireWidth(output.length, "output has");
    for (int k = 0; k < means.length; k++) {
      output[k] = (input[k] - means[k]) / scales[k];
    }
  }

  @Override
  public String toString() {
    return "Standardizer[means " + Arrays.toString(means) + ", scales " + Arrays.toString(scales) + "]";
  }

  /** An input must be as wide as the training inputs and finite, as they were. */
  private void requireInput(double[] input) {
    if (input == null) {
      throw new IllegalArgumentException("input is null; expected an array of " + means.length + " values");
    }
    requireWidth(input.length, "input has");
    for (int k = 0; k < input.length; k++) {
      if (!Double.isFinite(input[k])) {
        throw new IllegalArgumentException("input[" + k + "] is " + input[k] + "; expected a finite number");
      }
    }
  }

  private void requireWidth(int width, String what) {
    if (width != means.length) {
      throw new IllegalArgumentException(what + " " + width + " inputs; this standardizer expects " + means.length);
    }
  }

  /** Tiny scales can overflow a value that lies far outside the training range. */
  private static void requireFinite(double[] row, int i) {
    for (int k = 0; k < row.length; k++) {
      if (!Double.isFinite(row[k])) {
        throw new IllegalArgumentException(
            "standardized input " + i + " column " + k + " is " + row[k] + "; expected a finite number");
      }
    }
  }
}
