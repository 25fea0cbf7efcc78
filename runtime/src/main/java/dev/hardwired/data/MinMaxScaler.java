package dev.hardwired.data;

import dev.hardwired.Checks;
import java.util.Arrays;

/**
 * Scales each input column linearly so that its training minimum maps to {@code low} and its training
 * maximum to {@code high}, [0, 1] by default: x′ = low + (x − min) / (max − min) × (high − low).
 *
 * <p>Fit it on the training set only, then apply it to the training set, the validation and test sets and
 * every input at prediction time, so that they tell nothing to training. Values outside the training range
 * are not clipped: they map outside [low, high], as a test value beyond the training maximum should.
 *
 * <p>A column whose training values are all equal has no range; it is taken as 1, as scikit-learn does,
 * so the training value maps to exactly {@code low} and any other value x to low + (x − min) × (high − low),
 * never to NaN.
 *
 * <p><b>Threads.</b> Immutable (its arrays are copied in and out): one scaler may be shared by any number of
 * threads.
 */
public final class MinMaxScaler {
  private final double[] minimums;
  private final double[] maximums;
  private final double low;
  private final double high;

  private MinMaxScaler(double[] minimums, double[] maximums, double low, double high) {
    this.minimums = minimums;
    this.maximums = maximums;
    this.low = low;
    this.high = high;
  }

  /** The minimum and maximum of each input column of {@code training}, to scale to [0, 1]. */
  public static MinMaxScaler fit(DataSet training) {
    return fit(training, 0.0, 1.0);
  }

  /**
   * The minimum and maximum of each input column of {@code training}, to scale to [low, high].
   *
   * @throws IllegalArgumentException unless low &lt; high, both finite
   */
  public static MinMaxScaler fit(DataSet training, double low, double high) {
    Checks.requireNonNull(training, "training", "a data set to fit the scaler to");
    requireRange(low, high);
    int width = training.inputCount();
    double[] minimums = training.input(0).clone();
    double[] maximums = training.input(0).clone();
    for (int i = 1; i < training.size(); i++) {
      double[] x = training.input(i);
      for (int k = 0; k < width; k++) {
        minimums[k] = Math.min(minimums[k], x[k]);
        maximums[k] = Math.max(maximums[k], x[k]);
      }
    }
    return new MinMaxScaler(minimums, maximums, low, high);
  }

  /**
   * A scaler to [low, high] with given column minimums and maximums, e.g. ones saved with a trained network.
   *
   * @throws IllegalArgumentException unless both arrays have the same non-zero length, all values are
   *     finite, every minimum is at most its maximum, and low &lt; high
   */
  public static MinMaxScaler of(double[] minimums, double[] maximums, double low, double high) {
    if (minimums == null || maximums == null || minimums.length != maximums.length || minimums.length == 0) {
      throw new IllegalArgumentException(
          "expected as many minimums as maximums, at least one: got "
              + (minimums == null ? "null" : minimums.length + " minimums " + Arrays.toString(minimums)) + " and "
              + (maximums == null ? "null" : maximums.length + " maximums " + Arrays.toString(maximums)));
    }
    for (int k = 0; k < minimums.length; k++) {
      if (!Double.isFinite(minimums[k]) || !Double.isFinite(maximums[k])) {
        throw new IllegalArgumentException("column " + k + " has minimum " + minimums[k] + " and maximum "
            + maximums[k] + "; expected finite numbers");
      }
      if (minimums[k] > maximums[k]) {
        throw new IllegalArgumentException("column " + k + " has minimum " + minimums[k] + " above its maximum "
            + maximums[k]);
      }
    }
    requireRange(low, high);
    return new MinMaxScaler(minimums.clone(), maximums.clone(), low, high);
  }

  /** Number of input columns. */
  public int inputCount() {
    return minimums.length;
  }

  /** The training minimum of each column, copied. */
  public double[] minimums() {
    return minimums.clone();
  }

  /** The training maximum of each column, copied. */
  public double[] maximums() {
    return maximums.clone();
  }

  /** What a column's minimum maps to: 0 by default. */
  public double low() {
    return low;
  }

  /** What a column's maximum maps to: 1 by default. */
  public double high() {
    return high;
  }

  /**
   * The same samples with scaled inputs; the targets and class names are kept.
   *
   * @throws IllegalArgumentException when the data set's inputs have another width, or a value lies so far
   *     outside the training range that it scales to infinity
   */
  public DataSet apply(DataSet data) {
    Checks.requireNonNull(data, "data", "a data set to scale");
    requireWidth(data.inputCount(), "the data set has");
    double[][] scaled = new double[data.size()][];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = apply(data.input(i));
      for (int k = 0; k < scaled[i].length; k++) {
        if (!Double.isFinite(scaled[i][k])) {
          throw new IllegalArgumentException(
              "scaled input " + i + " column " + k + " is " + scaled[i][k] + "; expected a finite number");
        }
      }
    }
    return data.withInputs(scaled, minimums.length);
  }

  /** One scaled input, in a new array. */
  public double[] apply(double[] input) {
    double[] output = new double[minimums.length];
    apply(input, output);
    return output;
  }

  /**
   * Scales {@code input} into {@code output}, allocating nothing; the two may be the same array.
   *
   * @throws IllegalArgumentException when an array is null or has another width, or an input is not finite
   */
  public void apply(double[] input, double[] output) {
    requireInput(input);
    if (output == null) {
      throw new IllegalArgumentException("output is null; expected an array of " + minimums.length + " values");
    }
    requireWidth(output.length, "output has");
    double span = high - low;
    for (int k = 0; k < minimums.length; k++) {
      double range = maximums[k] - minimums[k];
      // Dividing first puts the training minimum exactly on low, and for [0, 1] the maximum exactly on 1.
      output[k] = low + (input[k] - minimums[k]) / (range == 0.0 ? 1.0 : range) * span;
    }
  }

  @Override
  public String toString() {
    return "MinMaxScaler[to [" + low + ", " + high + "], minimums " + Arrays.toString(minimums) + ", maximums "
        + Arrays.toString(maximums) + "]";
  }

  private static void requireRange(double low, double high) {
    if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException("the range is [" + low + ", " + high + "]; expected finite low < high");
    }
  }

  /** An input must be as wide as the training inputs and finite, as they were. */
  private void requireInput(double[] input) {
    if (input == null) {
      throw new IllegalArgumentException("input is null; expected an array of " + minimums.length + " values");
    }
    requireWidth(input.length, "input has");
    for (int k = 0; k < input.length; k++) {
      if (!Double.isFinite(input[k])) {
        throw new IllegalArgumentException("input[" + k + "] is " + input[k] + "; expected a finite number");
      }
    }
  }

  private void requireWidth(int width, String what) {
    if (width != minimums.length) {
      throw new IllegalArgumentException(what + " " + width + " inputs; this scaler expects " + minimums.length);
    }
  }
}
