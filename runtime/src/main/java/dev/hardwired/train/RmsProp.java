package dev.hardwired.train;

/**
 * RMSprop (Hinton, Neural Networks for Machine Learning, lecture 6e): a running mean of squared
 * gradients divides each step. With g the averaged, clipped and regularised gradient ({@link Optimizer}):
 *
 * <ul>
 *   <li>v ← ρ v + (1 − ρ) g² (v starts at 0);
 *   <li>w ← w − LR × g / (√v + ε).
 * </ul>
 *
 * <p>ε is added outside the square root, as PyTorch's {@code RMSprop} (no centring, no momentum) and
 * Keras do; TensorFlow 1's {@code RMSPropOptimizer} took √(v + ε) instead. One state array per parameter
 * array: v.
 *
 * <p><b>Threads.</b> Immutable, as every {@link Optimizer}: safe to share between threads; the state that
 * {@link #bind} gives is not.
 */
public final class RmsProp extends Optimizer {
  static final RmsProp DEFAULT = new RmsProp(0.9, 1e-8, 0.0, Double.POSITIVE_INFINITY);

  private final double rho;
  private final double epsilon;

  private RmsProp(double rho, double epsilon, double weightDecay, double maxNorm) {
    super(weightDecay, maxNorm);
    this.rho = rho;
    this.epsilon = epsilon;
  }

  /**
   * This optimizer with the decay rate ρ of the mean square: v ← ρ v + (1 − ρ) g².
   *
   * @throws IllegalArgumentException unless 0 ≤ ρ &lt; 1
   */
  public RmsProp rho(double rho) {
    return new RmsProp(requireUnitInterval(rho, "ρ"), epsilon, weightDecay, maxNorm);
  }

  /**
   * This optimizer with ε, added to √v in the denominator: w ← w − LR × g / (√v + ε).
   *
   * @throws IllegalArgumentException unless ε is positive and finite
   */
  public RmsProp epsilon(double epsilon) {
    return new RmsProp(rho, requireEpsilon(epsilon), weightDecay, maxNorm);
  }

  /** {@inheritDoc} */
  @Override
  public RmsProp weightDecay(double l2) {
    return new RmsProp(rho, epsilon, requireWeightDecay(l2, "weight decay"), maxNorm);
  }

  /** {@inheritDoc} */
  @Override
  public RmsProp clipNorm(double maxNorm) {
    return new RmsProp(rho, epsilon, weightDecay, requireMaxNorm(maxNorm));
  }

  /** {@inheritDoc} */
  @Override
  public OptimizerState bind(double[][] parameters, double[][] gradientSums) {
    return new DoubleRmsProp(parameters, gradientSums, this);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException also when ε rounds to 0 in float
   */
  @Override
  public OptimizerState bind(float[][] parameters, float[][] gradientSums) {
    if ((float) epsilon == 0.0f) {
      throw new IllegalArgumentException("ε is " + epsilon + ", which is 0 in float; expected at least 1.4E-45");
    }
    return new FloatRmsProp(parameters, gradientSums, this);
  }

  /** For example {@code RMSprop(ρ 0.9, ε 1.0E-8; weight decay 0.0; no clipping)}. */
  @Override
  public String toString() {
    return "RMSprop(ρ " + rho + ", ε " + epsilon + "; " + commonSettings() + ")";
  }

  private static final class DoubleRmsProp extends DoubleState {
    private final RmsProp rule;

    DoubleRmsProp(double[][] parameters, double[][] gradientSums, RmsProp rule) {
      super(parameters, gradientSums, 1, rule.maxNorm);
      this.rule = rule;
    }

    @Override
    void update(double scale, double lr, long t, int from, int to) {
      double decay = rule.weightDecay;
      double rho = rule.rho;
      double c = 1.0 - rho;
      double eps = rule.epsilon;
      for (int k = from; k < to; k++) {
        double[] w = parameters[k];
        double[] s = gradientSums[k];
        double[] v = moments[0][k];
        for (int i = 0; i < w.length; i++) {
          double g = s[i] * scale + decay * w[i];
          s[i] = 0.0;
          double vi = rho * v[i] + c * g * g;
          v[i] = vi;
          w[i] -= lr * g / (Math.sqrt(vi) + eps);
        }
      }
    }
  }

  private static final class FloatRmsProp extends FloatState {
    private final RmsProp rule;

    FloatRmsProp(float[][] parameters, float[][] gradientSums, RmsProp rule) {
      super(parameters, gradientSums, 1, rule.maxNorm);
      this.rule = rule;
    }

    @Override
    void update(double scaleD, double lrD, long t, int from, int to) {
      float scale = (float) scaleD;
      float lr = (float) lrD;
      float decay = (float) rule.weightDecay;
      float rho = (float) rule.rho;
      float c = (float) (1.0 - rule.rho);
      float eps = (float) rule.epsilon;
      for (int k = from; k < to; k++) {
        float[] w = parameters[k];
        float[] s = gradientSums[k];
        float[] v = moments[0][k];
        for (int i = 0; i < w.length; i++) {
          float g = s[i] * scale + decay * w[i];
          s[i] = 0.0f;
          float vi = rho * v[i] + c * g * g;
          v[i] = vi;
          w[i] -= lr * g / ((float) Math.sqrt(vi) + eps);
        }
      }
    }
  }
}
