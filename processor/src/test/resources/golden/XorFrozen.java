package dev.hardwired.examples;

import javax.annotation.processing.Generated;

/**
 * Xor, frozen: 2 inputs → 2 hidden (logistic) → 1 output (logistic), with the parameters of
 * dev/hardwired/examples/xor.weights (checksum crc32 7e7b048e) as constants; inference only.
 *
 * <p>Generated from {@code Xor} and its weights file when the code was compiled: the forward pass
 * is the one of {@code XorNetwork}, statement for statement, so it gives the same outputs, bit for
 * bit. It needs nothing but the JDK, and is immutable, so safe to share between threads; {@code
 * predict(input, output)} allocates nothing.
 */
@Generated("dev.hardwired.processor.NetworkProcessor")
public final class XorFrozen {
  /**
   * Number of inputs.
   */
  public static final int INPUTS = 2;

  /**
   * Number of outputs.
   */
  public static final int OUTPUTS = 1;

  /**
   * Number of parameters: every weight and every bias.
   */
  public static final int PARAMETERS = 9;

  private XorFrozen() {
  }

  /**
   * The outputs for {@code input}, in a new array.
   */
  public static double[] predict(double[] input) {
    double[] output = new double[OUTPUTS];
    predict(input, output);
    return output;
  }

  /**
   * Writes the outputs for {@code input} into {@code output}; allocates nothing.
   */
  public static void predict(double[] input, double[] output) {
    requireFinite(input, INPUTS, "input");
    requireLength(output, OUTPUTS, "output");
    double x0 = input[0]; // SpostA,I0 = input
    double x1 = input[1]; // SpostA,I1 = input
    // Forward, hidden layer (logistic): SpreA,H = ItoH · input + bias; SpostA,H = fA(SpreA,H)
    double h0 = logistic(20.0 * x0 + 20.0 * x1 - 10.0); // SpostA,H0 = fA(SpreA,H0)
    double h1 = logistic(-20.0 * x0 - 20.0 * x1 + 30.0); // SpostA,H1 = fA(SpreA,H1)
    // Forward, output layer (logistic): SpreA,O = HtoO · SpostA,H + bias; SpostA,O = fA(SpreA,O)
    double o0 = logistic(20.0 * h0 + 20.0 * h1 - 30.0); // SpostA,O0 = fA(SpreA,O0)
    output[0] = o0;
  }

  /**
   * Writes the outputs for each row of {@code inputs} into the same row of {@code outputs}, with
   * the bits of predict(input, output) on each; allocates nothing. Every row is checked before any
   * output is written.
   */
  public static void predict(double[][] inputs, double[][] outputs) {
    requireRows(inputs, outputs);
    for (int k = 0; k < inputs.length; k++) {
      predict(inputs[k], outputs[k]);
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code values} has {@code expected} elements
   */
  private static void requireLength(double[] values, int expected, String what) {
    if (values == null) {
      throw new IllegalArgumentException(what + " is null; expected " + expected + " values");
    }
    if (values.length != expected) {
      throw new IllegalArgumentException(what + " has " + values.length
          + " values; expected " + expected);
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code values} has {@code expected} elements, all
   * finite
   */
  private static void requireFinite(double[] values, int expected, String what) {
    requireLength(values, expected, what);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(what + "[" + i + "] is " + values[i]
            + "; expected a finite number");
      }
    }
  }

  /**
   * @throws IllegalArgumentException unless {@code outputs} has a row of OUTPUTS values for each
   * row of {@code inputs}, and each input row has INPUTS finite values
   */
  private static void requireRows(double[][] inputs, double[][] outputs) {
    if (inputs == null || outputs == null) {
      throw new IllegalArgumentException((inputs == null ? "inputs" : "outputs")
          + " is null; expected an array of rows");
    }
    if (outputs.length != inputs.length) {
      throw new IllegalArgumentException("outputs has " + outputs.length + " rows; expected "
          + inputs.length + ", one per row of inputs");
    }
    for (int k = 0; k < inputs.length; k++) {
      double[] row = inputs[k];
      boolean finite = row != null && row.length == INPUTS;
      for (int i = 0; finite && i < INPUTS; i++) {
        finite = Double.isFinite(row[i]);
      }
      if (!finite) {
        // The name is built only for a wrong row: this check runs for every row
        requireFinite(row, INPUTS, "inputs[" + k + "]");
      }
      if (outputs[k] == null || outputs[k].length != OUTPUTS) {
        requireLength(outputs[k], OUTPUTS, "outputs[" + k + "]");
      }
    }
  }

  /**
   * The logistic sigmoid σ(z) = 1 / (1 + e^(−z)).
   */
  private static double logistic(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
