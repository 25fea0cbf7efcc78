package dev.hardwired;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Activation functions fA, which turn a neuron's pre-activation SpreA into its post-activation SpostA =
 * fA(SpreA). Most derivatives fA′ are computed from the post-activation alone ({@link #derivative(double)}),
 * so backpropagation needs no second call to {@code exp} or {@code tanh}. Those of {@link #SILU}, {@link
 * #GELU} and {@link #GELU_TANH} are not functions of SpostA (two pre-activations share a post-activation
 * with different slopes), so they are computed from SpreA: {@link #needsPreActivation()} says which, and
 * {@link #derivative(double, double)} serves every differentiable activation.
 *
 * <p>The definitions are PyTorch's and ONNX's, constants included: {@link #ELU} is {@code torch.nn.ELU()}
 * and ONNX {@code Elu} with α = 1; {@link #SELU} is {@code torch.nn.SELU} and ONNX {@code Selu} (whose
 * attributes are floats, so a float model rounds λ and α); {@link #SOFTPLUS} is {@code torch.nn.Softplus()}
 * (β = 1, threshold 20) and ONNX {@code Softplus}; {@link #SILU} is {@code torch.nn.SiLU} (ONNX: {@code
 * Sigmoid} then {@code Mul}); {@link #GELU} is {@code torch.nn.GELU()} and {@link #GELU_TANH} {@code
 * torch.nn.GELU(approximate="tanh")} (ONNX {@code Gelu} from opset 20; older exports spell both out with
 * {@code Erf} or {@code Tanh}, as {@code Onnx} writes and reads them).
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
   * Exponential linear unit, α = {@value #ELU_ALPHA}: z for z &gt; 0, else α (e^z − 1), computed with {@code
   * expm1}; fA′ = 1 for z &gt; 0, else SpostA + α.
   */
  ELU,
  /**
   * Scaled ELU with PyTorch's constants λ = {@value #SELU_SCALE} and α = {@value #SELU_ALPHA}: λ z for z &gt;
   * 0, else λ α (e^z − 1); fA′ = λ for z &gt; 0, else SpostA + λ α.
   */
  SELU,
  /**
   * Softplus ln(1 + e^z), as PyTorch computes it: z above {@value #SOFTPLUS_THRESHOLD}, where ln(1 + e^z)
   * rounds to within 2 × 10⁻⁹ of z, else {@code log1p(exp(z))}. fA′ = σ(z), computed from SpostA as 1 −
   * e^(−SpostA) = −expm1(−SpostA), which keeps its relative accuracy for z of either sign; 1 where SpostA
   * passes the threshold, the slope of z itself.
   */
  SOFTPLUS,
  /**
   * Sigmoid linear unit (swish) z σ(z), computed as z / (1 + e^(−z)); fA′ = σ(z) (1 + z (1 − σ(z))), from
   * SpreA.
   */
  SILU,
  /**
   * Gaussian error linear unit, exact form: z Φ(z) = ½ z (1 + erf(z / √2)), with {@link #erf}; fA′ = Φ(z) + z
   * φ(z), φ(z) = e^(−z²/2) / √(2π), from SpreA.
   */
  GELU,
  /**
   * GELU, tanh form: ½ z (1 + tanh(√(2/π) (z + 0.044715 z³))); fA′ = ½ (1 + t) + ½ z (1 − t²) √(2/π) (1 +
   * 3 × 0.044715 z²), t the tanh, from SpreA.
   */
  GELU_TANH,
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

  /** α of {@link #ELU}: the limit of its negative side. */
  public static final double ELU_ALPHA = 1.0;

  /** λ of {@link #SELU}, 1.0507009873554804934193349852946 rounded to a double, as PyTorch has it. */
  public static final double SELU_SCALE = 1.0507009873554804934193349852946;

  /** α of {@link #SELU}, 1.6732632423543772848170429916717 rounded to a double, as PyTorch has it. */
  public static final double SELU_ALPHA = 1.6732632423543772848170429916717;

  /** The pre-activation above which {@link #SOFTPLUS} returns z itself, as PyTorch's softplus does. */
  public static final double SOFTPLUS_THRESHOLD = 20.0;

  /** √(2/π), the scale inside the tanh of {@link #GELU_TANH}. */
  public static final double GELU_TANH_SCALE = 0.7978845608028654;

  /** The cubic coefficient 0.044715 inside the tanh of {@link #GELU_TANH}. */
  public static final double GELU_TANH_CUBIC = 0.044715;

  /** 1 / √2, the scale of the argument of erf in {@link #GELU}. */
  private static final double SQRT1_2 = 0.7071067811865476;

  /** 1 / √(2π), the normal density's factor in the derivative of {@link #GELU}. */
  private static final double INV_SQRT_2PI = 0.3989422804014327;

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
      case ELU:
        return z > 0.0 ? z : ELU_ALPHA * Math.expm1(z);
      case SELU:
        return z > 0.0 ? SELU_SCALE * z : SELU_SCALE * SELU_ALPHA * Math.expm1(z);
      case SOFTPLUS:
        return z > SOFTPLUS_THRESHOLD ? z : Math.log1p(Math.exp(z));
      case SILU:
        return z / (1.0 + Math.exp(-z));
      case GELU:
        return z * 0.5 * (1.0 + erf(z * SQRT1_2));
      case GELU_TANH:
        return 0.5 * z * (1.0 + Math.tanh(GELU_TANH_SCALE * (z + GELU_TANH_CUBIC * (z * z * z))));
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
   *     categorical cross-entropy it cancels out of the error signal), for {@link #STEP}, which has no
   *     useful derivative (the perceptron rule does without one), and for the activations whose derivative
   *     needs SpreA ({@link #needsPreActivation()}): use {@link #derivative(double, double)}
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
      case ELU:
        return a > 0.0 ? 1.0 : a + ELU_ALPHA;
      case SELU:
        return a > 0.0 ? SELU_SCALE : a + SELU_SCALE * SELU_ALPHA;
      case SOFTPLUS:
        return a > SOFTPLUS_THRESHOLD ? 1.0 : -Math.expm1(-a);
      case SILU:
      case GELU:
      case GELU_TANH:
        throw new UnsupportedOperationException(
            displayName() + "'s derivative is not a function of SpostA: use derivative(z, a) with SpreA");
      case STEP:
        throw new UnsupportedOperationException("step is not differentiable: train it by the perceptron rule");
      default:
        throw new UnsupportedOperationException("softmax has no elementwise derivative");
    }
  }

  /**
   * The derivative fA′(SpreA), from the pre-activation {@code z} = SpreA where {@link #needsPreActivation()}
   * says it must be, else from the post-activation {@code a} = SpostA = fA(SpreA) as {@link
   * #derivative(double)} computes it: the form for every differentiable activation.
   *
   * @throws UnsupportedOperationException for {@link #SOFTMAX} and {@link #STEP}, as {@link
   *     #derivative(double)}
   */
  public double derivative(double z, double a) {
    switch (this) {
      case SILU:
        {
          double s = 1.0 / (1.0 + Math.exp(-z));
          return s * (1.0 + z * (1.0 - s));
        }
      case GELU:
        return 0.5 * (1.0 + erf(z * SQRT1_2)) + z * (Math.exp(-0.5 * z * z) * INV_SQRT_2PI);
      case GELU_TANH:
        {
          double z2 = z * z;
          double t = Math.tanh(GELU_TANH_SCALE * (z + GELU_TANH_CUBIC * (z2 * z)));
          return 0.5 * (1.0 + t)
              + 0.5 * z * (1.0 - t * t) * GELU_TANH_SCALE * (1.0 + 3.0 * GELU_TANH_CUBIC * z2);
        }
      default:
        return derivative(a);
    }
  }

  /**
   * Whether fA′ needs the pre-activation SpreA rather than SpostA alone: true for {@link #SILU}, {@link
   * #GELU} and {@link #GELU_TANH}, whose fA is not one-to-one, so that SpostA cannot tell the slope.
   */
  public boolean needsPreActivation() {
    return this == SILU || this == GELU || this == GELU_TANH;
  }

  /**
   * The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt, which {@link #GELU} needs and {@code Math} lacks;
   * within 5 ulps of the exact value (measured against a 200-bit evaluation; the worst near 2.5, the top of
   * the series), the same bits as Python's {@code math.erf} on three arguments in four. For |x| &lt; {@value #ERF_SERIES_LIMIT} the series erf(x) = (2/√π) x
   * e^(−x²) Σ 2ⁿ x²ⁿ / (1 · 3 ⋯ (2n + 1)), whose terms are all positive, so that nothing cancels; up to 6 the
   * continued fraction erfc(x) = e^(−x²) / √π × 1 / (x + ½ / (x + 1 / (x + 3/2 / (x + …)))), {@value
   * #ERF_FRACTION_TERMS} terms deep, and erf = 1 − erfc; beyond 6, where erfc is below half an ulp of 1, 1.
   * Odd: erf(−x) = −erf(x). Generated classes with a GELU layer carry a copy of this method, the same
   * bits.
   */
  public static double erf(double x) {
    double ax = Math.abs(x);
    double r;
    if (ax < ERF_SERIES_LIMIT) {
      double u = ax * ax;
      double sum = 0.0;
      for (int n = ERF_SERIES.length - 1; n >= 0; n--) {
        sum = sum * u + ERF_SERIES[n];
      }
      r = TWO_OVER_SQRT_PI * ax * Math.exp(-u) * sum;
    } else if (ax < 6.0) {
      double fraction = 0.0;
      for (int n = ERF_FRACTION_TERMS; n > 0; n--) {
        fraction = 0.5 * n / (ax + fraction);
      }
      r = 1.0 - Math.exp(-ax * ax) / (ax + fraction) * INV_SQRT_PI;
    } else if (ax >= 6.0) {
      r = 1.0;
    } else {
      return x; // NaN
    }
    return Math.copySign(r, x);
  }

  /** Below this |x|, {@link #erf} sums its series; from it, the continued fraction. */
  public static final double ERF_SERIES_LIMIT = 2.5;

  /** The depth of {@link #erf}'s continued fraction for erfc, enough from {@link #ERF_SERIES_LIMIT} on. */
  public static final int ERF_FRACTION_TERMS = 40;

  /** Terms of {@link #erf}'s series: the 39th adds less than 10⁻¹⁸ of the sum at {@link #ERF_SERIES_LIMIT}. */
  public static final int ERF_SERIES_TERMS = 39;

  /** 2/√π. */
  private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

  /** 1/√π. */
  private static final double INV_SQRT_PI = 0.5641895835477563;

  /** The coefficients 2ⁿ / (1 · 3 ⋯ (2n + 1)) of {@link #erf}'s series, from n = 0. */
  private static final double[] ERF_SERIES = erfSeries();

  /**
   * The coefficients of {@link #erf}'s series, each the double nearest the exact fraction: the same
   * arithmetic that writes them into generated classes.
   */
  public static double[] erfSeries() {
    double[] coefficients = new double[ERF_SERIES_TERMS];
    BigInteger numerator = BigInteger.ONE;
    BigInteger denominator = BigInteger.ONE;
    for (int n = 0; n < ERF_SERIES_TERMS; n++) {
      coefficients[n] = new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL128).doubleValue();
      numerator = numerator.shiftLeft(1);
      denominator = denominator.multiply(BigInteger.valueOf(2 * n + 3));
    }
    return coefficients;
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
      case ELU:
      case SELU:
        return name();
      case SILU:
        return "SiLU";
      case GELU:
        return "GELU";
      case GELU_TANH:
        return "tanh GELU";
      default:
        return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
