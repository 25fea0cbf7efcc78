package dev.hardwired;

import java.util.Arrays;
import java.util.Locale;

/**
 * Checks a network's backward pass against finite differences of its loss: the test to write beside any
 * network whose gradient you did not derive by hand twice. Every generated network is checked by this
 * class in Hardwired's own tests, and it works on anything that implements {@link TrainableNetwork}.
 *
 * <pre>{@code
 * TrainableNetwork net = XorNetwork.seeded(42);
 * GradientCheck.Report report = GradientCheck.check(net, new double[] {1, 0}, new double[] {1});
 * report.assertBelow(1e-6);    // throws AssertionError naming the worst parameter
 * }</pre>
 *
 * <p>For every sample and every parameter p_i it compares
 *
 * <ul>
 *   <li>the analytic gradient a_i, which {@link TrainableNetwork#accumulateGradient} adds to an array of
 *       zeros at the network's current parameters, with
 *   <li>the five-point central difference of {@link TrainableNetwork#loss}, n_i = (8 (E(p_i + h) − E(p_i −
 *       h)) − (E(p_i + 2h) − E(p_i − 2h))) / 12h, whose truncation error is O(h⁴),
 * </ul>
 *
 * <p>by the relative error |a_i − n_i| / max(floor, |a_i| + |n_i|). The floor (default {@value
 * #DEFAULT_FLOOR}) is there because the difference quotient carries a rounding error of about ε × E / h
 * (ε ≈ 2.2e-16), which no gradient close to zero can be resolved against relatively: when |a_i| + |n_i| is
 * below the floor the error is effectively absolute, |a_i − n_i| / floor. With the defaults and a tolerance
 * of 1e-6, a gradient under 1e-4 must match to 1e-10 absolutely; a correct backward pass in double
 * precision usually reports 1e-9 or less, and a wrong one (a missing fA′, a transposed index, a term
 * counted twice) 1e-3 or more.
 *
 * <p><strong>Kinks.</strong> ReLU and leaky ReLU have a kink at 0 and the step output of the perceptron
 * jumps there. When a neuron's pre-activation SpreA lies within about 2h of such a point, the difference
 * quotient straddles it and can differ from a correct analytic gradient by a large amount. A failure on
 * such a network with random data is worth a second look with other samples (or parameters) before it is
 * called a bug; a failure that follows one parameter whatever the sample is a bug.
 *
 * <p><strong>Side effects.</strong> The check sets the network's parameters many times and always puts the
 * original ones back before it returns, also when the network throws. It costs one backward pass and 4 ×
 * {@link TrainableNetwork#parameterCount()} forward passes per sample.
 *
 * <p><strong>Large networks.</strong> A check of every parameter costs O(P²) (4 forward passes per
 * parameter); {@code GradientCheck.sampled(100, seed).run(network, inputs, targets)} checks 100 parameters
 * drawn at random instead, for networks of thousands of parameters and more.
 *
 * <p>A check with another step or floor: {@code GradientCheck.with(1e-3, 1e-3).run(network, input,
 * target)} (single-precision arithmetic, for example, needs a larger step and a looser tolerance).
 *
 * <p><strong>Threads.</strong> A check (its step, floor and sampling) is immutable and may be shared between
 * threads, and so is a {@link Report}. Running one sets the network's parameters many times: no other thread
 * may use that network meanwhile.
 */
public final class GradientCheck {
  /** Default step h of the finite differences: truncation error O(h⁴), rounding error O(ε / h). */
  public static final double DEFAULT_STEP = 1e-4;

  /** Default floor of the relative error's denominator: below it errors are effectively absolute. */
  public static final double DEFAULT_FLOOR = 1e-4;

  /**
   * Step h of the checks of single-precision networks: large enough that float's rounding error of the
   * loss (about 1e-7 × E, divided by h) stays near 1e-5 × E, small enough that the truncation error, O(h⁴),
   * does not show.
   */
  public static final double FLOAT_STEP = 1e-2;

  /** Floor of the relative error's denominator in the checks of single-precision networks. */
  public static final double FLOAT_FLOOR = 1e-2;

  private static final GradientCheck DEFAULT = new GradientCheck(DEFAULT_STEP, DEFAULT_FLOOR, 0, 0);
  private static final GradientCheck FLOAT = new GradientCheck(FLOAT_STEP, FLOAT_FLOOR, 0, 0);

  private final double step;
  private final double floor;
  /** How many parameters to check, drawn at random; 0 checks every one. */
  private final int sample;
  private final long sampleSeed;

  private GradientCheck(double step, double floor, int sample, long sampleSeed) {
    this.step = step;
    this.floor = floor;
    this.sample = sample;
    this.sampleSeed = sampleSeed;
  }

  /**
   * A check with the given step h and floor of the relative error; see {@link #run(TrainableNetwork,
   * double[], double[])}.
   *
   * @throws IllegalArgumentException unless both are positive and finite
   */
  public static GradientCheck with(double step, double floor) {
    requirePositive(step, "step");
    requirePositive(floor, "floor");
    return new GradientCheck(step, floor, 0, 0);
  }

  /**
   * The default check on {@code count} parameters drawn at random from {@code seed} instead of all of
   * them: see {@link #sampling(int, long)}.
   */
  public static GradientCheck sampled(int count, long seed) {
    return DEFAULT.sampling(count, seed);
  }

  /**
   * This check on {@code count} distinct parameters drawn at random from {@code seed} (the same ones for
   * the same seed and network size), or on all of them when the network has no more than {@code count}.
   * Every probe of a finite difference costs a forward pass over the whole network, so checking all P
   * parameters costs O(P²): minutes for a network of 100,000 parameters, against a fraction of a second
   * for a sample of 100. The backward pass computes every gradient at once either way, so an error in any
   * layer shows in a sample that reaches every layer; {@link Report#parametersChecked()} says how many
   * were compared.
   *
   * @throws IllegalArgumentException unless {@code count} is positive
   */
  public GradientCheck sampling(int count, long seed) {
    if (count <= 0) {
      throw new IllegalArgumentException("count is " + count + "; expected at least 1 parameter to check");
    }
    return new GradientCheck(step, floor, count, seed);
  }

  /**
   * Checks the gradient on one sample with the default step ({@value #DEFAULT_STEP}) and floor ({@value
   * #DEFAULT_FLOOR}).
   *
   * @throws IllegalArgumentException when {@code network} is null, or {@code input} or {@code target} has
   *     the wrong length or a value that is not finite; the network is then not touched
   */
  public static Report check(TrainableNetwork network, double[] input, double[] target) {
    return DEFAULT.run(network, input, target);
  }

  /**
   * Checks the gradient on every sample {@code inputs[s]} with {@code targets[s]}, each separately, with
   * the default step and floor. For a {@code DataSet}: {@code check(network, data.inputs(),
   * data.targets())}.
   *
   * @throws IllegalArgumentException when {@code network} is null, there are no samples, the counts
   *     differ, or a row has the wrong length or a value that is not finite; the network is then not touched
   */
  public static Report check(TrainableNetwork network, double[][] inputs, double[][] targets) {
    return DEFAULT.run(network, inputs, targets);
  }

  /**
   * Checks the gradient of a single-precision network on every sample, with step {@value #FLOAT_STEP} and
   * floor {@value #FLOAT_FLOOR}: the parameters are probed through {@link
   * TrainableFloatNetwork#asDoubleNetwork()}, and float's rounding makes 1e-2 the tolerance to expect of a
   * correct backward pass (a wrong one is usually off by 1e-1 or more).
   *
   * @throws IllegalArgumentException as {@link #check(TrainableNetwork, double[][], double[][])}
   */
  public static Report check(TrainableFloatNetwork network, float[][] inputs, float[][] targets) {
    return FLOAT.run(network, inputs, targets);
  }

  /**
   * Checks the gradient of a single-precision network on several samples with this check's step and floor.
   *
   * @throws IllegalArgumentException as {@link #check(TrainableNetwork, double[][], double[][])}
   */
  public Report run(TrainableFloatNetwork network, float[][] inputs, float[][] targets) {
    if (network == null) {
      throw new IllegalArgumentException("network is null");
    }
    return run(network.asDoubleNetwork(), widen(inputs, "inputs"), widen(targets, "targets"), true);
  }

  private static double[][] widen(float[][] rows, String what) {
    if (rows == null) {
      throw new IllegalArgumentException(what + " is null");
    }
    double[][] wide = new double[rows.length][];
    for (int s = 0; s < rows.length; s++) {
      if (rows[s] != null) {
        wide[s] = new double[rows[s].length];
        for (int i = 0; i < rows[s].length; i++) {
          wide[s][i] = rows[s][i];
        }
      }
    }
    return wide;
  }

  /** This check's step h. */
  public double step() {
    return step;
  }

  /** This check's floor of the relative error's denominator. */
  public double floor() {
    return floor;
  }

  /**
   * Checks the gradient on one sample: every parameter's analytic gradient at the network's current
   * parameters against its five-point central difference.
   *
   * @throws IllegalArgumentException as {@link #check(TrainableNetwork, double[], double[])}
   */
  public Report run(TrainableNetwork network, double[] input, double[] target) {
    return run(network, new double[][] {input}, new double[][] {target}, false);
  }

  /**
   * Checks the gradient on several samples, each separately, and reports the worst error over every
   * sample and parameter.
   *
   * @throws IllegalArgumentException as {@link #check(TrainableNetwork, double[][], double[][])}
   */
  public Report run(TrainableNetwork network, double[][] inputs, double[][] targets) {
    return run(network, inputs, targets, true);
  }

  private Report run(TrainableNetwork network, double[][] inputs, double[][] targets, boolean indexed) {
    if (network == null) {
      throw new IllegalArgumentException("network is null");
    }
    if (inputs == null || targets == null) {
      throw new IllegalArgumentException((inputs == null ? "inputs" : "targets") + " is null");
    }
    if (inputs.length != targets.length) {
      throw new IllegalArgumentException(
          "there are " + inputs.length + " inputs and " + targets.length + " targets; expected one target per input");
    }
    if (inputs.length == 0) {
      throw new IllegalArgumentException("there are no samples; expected at least one");
    }
    int inputCount = network.inputCount();
    int outputCount = network.outputCount();
    for (int s = 0; s < inputs.length; s++) {
      Checks.requireFinite(inputs[s], inputCount, indexed ? "inputs[" + s + "]" : "input");
      Checks.requireFinite(targets[s], outputCount, indexed ? "targets[" + s + "]" : "target");
    }

    int n = network.parameterCount();
    double[] original = new double[n];
    network.getParameters(original);
    double[] probe = original.clone();
    double[] gradient = new double[n];
    double worst = -1;
    int worstParameter = 0;
    int worstSample = 0;
    double worstAnalytic = 0;
    double worstNumeric = 0;
    int[] indices = indices(n);
    try {
      for (int s = 0; s < inputs.length; s++) {
        double[] x = inputs[s];
        double[] t = targets[s];
        network.setParameters(original);
        Arrays.fill(gradient, 0.0);
        network.accumulateGradient(x, t, gradient);
        for (int i : indices) {
          double p = original[i];
          double plus = lossAt(network, probe, i, p + step, x, t);
          double minus = lossAt(network, probe, i, p - step, x, t);
          double plus2 = lossAt(network, probe, i, p + 2 * step, x, t);
          double minus2 = lossAt(network, probe, i, p - 2 * step, x, t);
          probe[i] = p;
          double numeric = (8 * (plus - minus) - (plus2 - minus2)) / (12 * step);
          double analytic = gradient[i];
          double error = Math.abs(analytic - numeric) / Math.max(floor, Math.abs(analytic) + Math.abs(numeric));
          if (Double.isNaN(error)) {
            // A gradient or a loss that is NaN or infinite is as wrong as a gradient can be.
            error = Double.POSITIVE_INFINITY;
          }
          if (error > worst) {
            worst = error;
            worstParameter = i;
            worstSample = s;
            worstAnalytic = analytic;
            worstNumeric = numeric;
          }
        }
      }
    } finally {
      network.setParameters(original);
    }
    return new Report(
        String.valueOf(network),
        network.topology(),
        indices.length,
        inputs.length,
        step,
        floor,
        worst,
        worstParameter,
        worstSample,
        worstAnalytic,
        worstNumeric);
  }

  private static double lossAt(
      TrainableNetwork network, double[] probe, int i, double value, double[] input, double[] target) {
    probe[i] = value;
    network.setParameters(probe);
    return network.loss(input, target);
  }

  private static void requirePositive(double value, String what) {
    if (!(value > 0.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " is " + value + "; expected a positive finite number");
    }
  }

  @Override
  public String toString() {
    return "GradientCheck(h = " + step + ", floor = " + floor
        + (sample == 0 ? "" : ", " + sample + " parameters drawn from seed " + sampleSeed) + ")";
  }

  /** The indices to check, ascending: all of them, or a seeded sample of distinct ones (Floyd's algorithm). */
  private int[] indices(int n) {
    if (sample == 0 || sample >= n) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    java.util.Random random = new java.util.Random(sampleSeed);
    java.util.TreeSet<Integer> chosen = new java.util.TreeSet<>();
    for (int j = n - sample; j < n; j++) {
      int t = random.nextInt(j + 1);
      chosen.add(chosen.contains(t) ? j : t);
    }
    int[] indices = new int[sample];
    int k = 0;
    for (int index : chosen) {
      indices[k++] = index;
    }
    return indices;
  }

  /**
   * The result of a gradient check: the worst relative error over every parameter (and sample), where it
   * was and the two gradients there. Immutable: safe to share between threads.
   */
  public static final class Report {
    private final String network;
    private final Topology topology;
    private final int parameters;
    private final int samples;
    private final double step;
    private final double floor;
    private final double worstError;
    private final int worstParameter;
    private final int worstSample;
    private final double analytic;
    private final double numeric;

    Report(
        String network,
        Topology topology,
        int parameters,
        int samples,
        double step,
        double floor,
        double worstError,
        int worstParameter,
        int worstSample,
        double analytic,
        double numeric) {
      this.network = network;
      this.topology = topology;
      this.parameters = parameters;
      this.samples = samples;
      this.step = step;
      this.floor = floor;
      this.worstError = worstError;
      this.worstParameter = worstParameter;
      this.worstSample = worstSample;
      this.analytic = analytic;
      this.numeric = numeric;
    }

    /**
     * The worst relative error |a − n| / max(floor, |a| + |n|) over every parameter and sample; infinite
     * when a gradient or a loss was NaN or infinite.
     */
    public double worstError() {
      return worstError;
    }

    /** Index in the flat parameter array of the parameter with the worst error (the first, on a tie). */
    public int worstParameter() {
      return worstParameter;
    }

    /**
     * The worst parameter in words, for example {@code "weight into layer 2 neuron 0 from node 1 (HtoO)"}
     * ({@link Topology#describeParameter}).
     */
    public String worstParameterDescription() {
      return topology.describeParameter(worstParameter);
    }

    /** Index of the sample on which the worst error was seen; 0 for a check of one sample. */
    public int worstSample() {
      return worstSample;
    }

    /** The backward pass's gradient of the worst parameter on the worst sample. */
    public double analytic() {
      return analytic;
    }

    /** The finite-difference gradient of the worst parameter on the worst sample. */
    public double numeric() {
      return numeric;
    }

    /** Number of parameters checked on every sample: all of them, or the size of the sample drawn. */
    public int parametersChecked() {
      return parameters;
    }

    /** Number of samples checked. */
    public int samplesChecked() {
      return samples;
    }

    /** The step h of the finite differences. */
    public double step() {
      return step;
    }

    /** The floor of the relative error's denominator. */
    public double floor() {
      return floor;
    }

    /**
     * Whether the worst relative error is below {@code tolerance}; 1e-6 suits a double-precision network
     * with the default step and floor.
     *
     * @throws IllegalArgumentException unless {@code tolerance} is positive
     */
    public boolean passes(double tolerance) {
      if (!(tolerance > 0.0) || Double.isInfinite(tolerance)) {
        throw new IllegalArgumentException(
            "tolerance is " + tolerance + "; expected a positive " + (tolerance > 0.0 ? "finite number" : "number"));
      }
      return worstError < tolerance;
    }

    /**
     * Throws unless the worst relative error is below {@code tolerance}, for use in tests with any
     * framework: an {@link AssertionError} is a failure in JUnit, TestNG and the rest.
     *
     * @return this report, when it passes
     * @throws AssertionError naming the worst parameter and both of its gradients, for example {@code
     *     gradient check of XorNetwork 2-2-1 (…) failed: worst relative error 4.98e-03 is not below 1.00e-06
     *     at parameter 7, weight into layer 2 neuron 0 from node 1 (HtoO), sample 3: backpropagation
     *     0.0397…, finite differences 0.0393… (9 parameters, 4 samples, h = 1.0e-04, floor 1.0e-04)}
     * @throws IllegalArgumentException unless {@code tolerance} is positive
     */
    public Report assertBelow(double tolerance) {
      if (!passes(tolerance)) {
        throw new AssertionError(
            describe(" failed: worst relative error " + format(worstError, 2) + " is not below " + format(tolerance, 2)));
      }
      return this;
    }

    /**
     * For example {@code gradient check of XorNetwork 2-2-1 (…): worst relative error 3.14e-12 at parameter
     * 6, weight into layer 2 neuron 0 from node 0 (HtoO), sample 0: backpropagation 0.0213…, finite
     * differences 0.0213… (9 parameters, 1 sample, h = 1.0e-04, floor 1.0e-04)}.
     */
    @Override
    public String toString() {
      return describe(": worst relative error " + format(worstError, 2));
    }

    private String describe(String verdict) {
      return "gradient check of " + network + verdict + " at parameter "
          + worstParameter + ", " + worstParameterDescription() + ", sample " + worstSample + ": backpropagation "
          + analytic + ", finite differences " + numeric + " ("
          + (parameters < topology.parameterCount() ? parameters + " of " + topology.parameterCount() : parameters)
          + " parameters, " + samples
          + (samples == 1 ? " sample" : " samples") + ", h = " + format(step, 1) + ", floor " + format(floor, 1) + ")";
    }

    private static String format(double value, int digits) {
      return String.format(Locale.ROOT, "%." + digits + "e", value);
    }
  }
}
