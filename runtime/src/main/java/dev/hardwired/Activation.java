package dev.hardwired;

/**
 * Activation functions fA, which turn a neuron's pre-activation SpreA into its post-activation SpostA =
 * fA(SpreA). Each derivative fA′ is computed from the post-activation alone, so backpropagation needs no
 * second call to {@code exp} or {@code tanh}.
 *
 * <p><b>Threads.</b> Its constants are immutable and their methods keep no state: any thread may call them,
 * {@link #softmax} on arrays of its own.
 */
public enum Activation {
  /** Logistic sigmoid σ(z) = 1 / (1 + e^(−z)); σ′ = σ (1 − σ). */
  LOGISTIC,
  /** Hyperbolic tangent; tanh′ = 1 − tanh². */
  TANH,
  /** Rectified linear unit max(0, z); derivative 1 for z &gt; 0, else 0. */
  RELU,
  /** Leaky ReLU: z for z &gt; 0, else {@value #LEAKY_RELU_SLOPE} × z; derivative 1 or the slope. */
  LEAKY_RELU,
  /** Identity: fA(z) = z, derivative 1. As the output of one neuron with squared error: linear regression. */
  IDENTITY,
  /**
   * Softmax y_k = e^(z_k) / Σ_m e^(z_m), for the output layer only and only with {@link
   * Loss#SOFTMAX_CROSS_ENTROPY}, where the error signal is simply y − t.
   */
  SOFTMAX,
  /**
   * Step (Heaviside): 1 for z &gt; 0, else 0. Not differentiable, so no gradient can pass through it: it is
   * the output of the perceptron ({@code hidden = {}} with {@link Loss#PERCEPTRON}), trained by the
   * perceptron rule w ← w + η (t − y) x.
   */
  STEP;

  /** Slope α of {@link #LEAKY_RELU} for z ≤ 0. */
  public static final double LEAKY_RELU_SLOPE = 0.01;

  /**
   * Applies this activation to one pre-activation.
   *
   * @throws UnsupportedOperationException for {@link #SOFTMAX}, which depends on the whole layer: see
   *     {@link #softmax(double[], double[])}
   */
  public double apply(double z) {
    switch (this) {
      case LOGISTIC:
        return 1.0 / (1.0 + Math.exp(-z));
      case TANH:
        return Math.tanh(z);
      case RELU:
        return z > 0.0 ? z : 0.0;
      case LEAKY_RELU:
        return z > 0.0 ? z : LEAKY_RELU_SLOPE * z;
      case IDENTITY:
        return z;
      case STEP:
        return z > 0.0 ? 1.0 : 0.0;
      default:
        throw new UnsupportedOperationException("softmax applies to a whole layer: use Activation.softmax");
    }
  }

  /**
   * The derivative fA′(SpreA), from the post-activation SpostA = fA(SpreA).
   *
   * @throws UnsupportedOperationException for {@link #SOFTMAX}, whose Jacobian is not diagonal (with
   *     categorical cross-entropy it cancels out of the error signal), and for {@link #STEP}, which has no
   *     useful derivative (the perceptron rule does without one)
   */
  public double derivative(double a) {
    switch (this) {
      case LOGISTIC:
        return a * (1.0 - a);
      case TANH:
        return 1.0 - a * a;
      case RELU:
        return a > 0.0 ? 1.0 : 0.0;
      case LEAKY_RELU:
        return a > 0.0 ? 1.0 : LEAKY_RELU_SLOPE;
      case IDENTITY:
        return 1.0;
      case STEP:
        throw new UnsupportedOperationException("step is not differentiable: train it by the perceptron rule");
      default:
        throw new UnsupportedOperationException("softmax has no elementwise derivative");
    }
  }

  /**
   * Softmax of a layer, shifted by the largest pre-activation so that {@code exp} cannot overflow.
   *
   * @param z pre-activations
   * @param y receives the post-activations; may be {@code z} itself
   * @throws IllegalArgumentException when {@code z} is null or empty, or {@code y} is not as long
   */
  public static void softmax(double[] z, double[] y) {
    if (z == null || z.length == 0) {
      throw new IllegalArgumentException(
          "z is " + (z == null ? "null" : "empty") + "; expected the pre-activations of a layer");
    }
    if (y == null || y.length != z.length) {
      Checks.requireLength(y, z.length, "y");
    }
    double max = z[0];
    for (int k = 1; k < z.length; k++) {
      max = Math.max(max, z[k]);
    }
    double sum = 0.0;
    for (int k = 0; k < z.length; k++) {
      y[k] = Math.exp(z[k] - max);
      sum += y[k];
    }
    for (int k = 0; k < z.length; k++) {
      y[k] /= sum;
    }
  }

  /**
   * Whether this activation may be used in a hidden layer: backpropagation must pass through it, so it must
   * be elementwise and differentiable.
   */
  public boolean allowedInHiddenLayer() {
    return this != SOFTMAX && this != STEP;
  }

  /** The name used in generated code and messages: {@code logistic}, {@code leaky ReLU}, … */
  public String displayName() {
    switch (this) {
      case RELU:
        return "ReLU";
      case LEAKY_RELU:
        return "leaky ReLU";
      default:
        return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
