package dev.hardwired.train;

/**
 * Stochastic gradient descent, with optional momentum, in PyTorch's formulation ({@code torch.optim.SGD}
 * with no dampening). With g the averaged, clipped and regularised gradient ({@link Optimizer}):
 *
 * <ul>
 *   <li>plain (momentum 0): w ← w − LR × g;
 *   <li>momentum μ: v ← μ v + g (v starts at 0, so v = g after the first step), then w ← w − LR × v;
 *   <li>Nesterov momentum: v ← μ v + g, then w ← w − LR × (g + μ v).
 * </ul>
 *
 * <p>Only momentum keeps state: one velocity array per parameter array.
 *
 * <p><b>Threads.</b> Immutable, as every {@link Optimizer}: safe to share between threads; the state that
 * {@link #bind} gives is not.
 */
public final class Sgd extends Optimizer {
  static final Sgd DEFAULT = new Sgd(0.0, false, 0.0, Double.POSITIVE_INFINITY);

  private final double momentum;
  private final boolean nesterov;

  private Sgd(double momentum, boolean nesterov, double weightDecay, double maxNorm) {
    super(weightDecay, maxNorm);
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  /**
   * This optimizer with momentum μ: v ← μ v + g, w ← w − LR × v (or Nesterov's update, see {@link
   * #nesterov}); 0 is plain SGD.
   *
   * @throws IllegalArgumentException unless 0 ≤ μ &lt; 1
   */
  public Sgd momentum(double momentum) {
    return new Sgd(requireUnitInterval(momentum, "momentum"), nesterov, weightDecay, maxNorm);
  }

  /**
   * This optimizer with Nesterov momentum on or off: w ← w − LR × (g + μ v) instead of w ← w − LR × v.
   * With momentum 0 both are plain SGD.
   */
  public Sgd nesterov(boolean nesterov) {
    return new Sgd(momentum, nesterov, weightDecay, maxNorm);
  }

  /** {@inheritDoc} */
  @Override
  public Sgd weightDecay(double l2) {
    return new Sgd(momentum, nesterov, requireWeightDecay(l2, "weight decay"), maxNorm);
  }

  /** {@inheritDoc} */
  @Override
  public Sgd clipNorm(double maxNorm) {
    return new Sgd(momentum, nesterov, weightDecay, requireMaxNorm(maxNorm));
  }

  /** {@inheritDoc} */
  @Override
  public OptimizerState bind(double[][] parameters, double[][] gradientSums) {
    return momentum == 0.0
        ? new PlainDouble(parameters, gradientSums, this)
        : new MomentumDouble(parameters, gradientSums, this);
  }

  /** {@inheritDoc} */
  @Override
  public OptimizerState bind(float[][] parameters, float[][] gradientSums) {
    return momentum == 0.0
        ? new PlainFloat(parameters, gradientSums, this)
        : new MomentumFloat(parameters, gradientSums, this);
  }

  @Override
  boolean isPlainSgd() {
    return momentum == 0.0 && weightDecay == 0.0 && maxNorm == Double.POSITIVE_INFINITY;
  }

  /** For example {@code SGD(momentum 0.9, Nesterov; weight decay 0.0; no clipping)}. */
  @Override
  public String toString() {
    String kind = momentum == 0.0 ? "no momentum" : "momentum " + momentum + (nesterov ? ", Nesterov" : "");
    return "SGD(" + kind + "; " + commonSettings() + ")";
  }

  // Each state reads its rule's settings into locals once per step, so that the loops see constants.
  private static final class PlainDouble extends DoubleState {
    private final Sgd rule;

    PlainDouble(double[][] parameters, double[][] gradientSums, Sgd rule) {
      super(parameters, gradientSums, 0, rule.maxNorm);
      this.rule = rule;
    }

    @Override
    void update(double scale, double lr, long t, int from, int to) {
      double decay = rule.weightDecay;
      for (int k = from; k < to; k++) {
        double[] w = parameters[k];
        double[] s = gradientSums[k];
        for (int i = 0; i < w.length; i++) {
          double g = s[i] * scale + decay * w[i];
          s[i] = 0.0;
          w[i] -= lr * g;
        }
      }
    }
  }

  private static final class PlainFloat extends FloatState {
    private final Sgd rule;

    PlainFloat(float[][] parameters, float[][] gradientSums, Sgd rule) {
      super(parameters, gradientSums, 0, rule.maxNorm);
      this.rule = rule;
    }

    @Override
    void update(double scaleD, double lrD, long t, int from, int to) {
      float scale = (float) scaleD;
      float lr = (float) lrD;
      float decay = (float) rule.weightDecay;
      for (int k = from; k < to; k++) {
        float[] w = parameters[k];
        float[] s = gradientSums[k];
        for (int i = 0; i < w.length; i++) {
          float g = s[i] * scale + decay * w[i];
          s[i] = 0.0f;
          w[i] -= lr * g;
        }
      }
    }
  }

  // Plain and Nesterov momentum are one loop: w ← w − LR × (a g + b v), with (a, b) = (0, 1) for plain
  // momentum and (1, μ) for Nesterov; the products with 0 and 1 are exact.
  private static final class MomentumDouble extends DoubleState {
    private final Sgd rule;

    MomentumDouble(double[][] parameters, double[][] gradientSums, Sgd rule) {
      super(parameters, gradientSums, 1, rule.maxNorm);
      this.rule = rule;
    }

    @Override
    void update(double scale, double lr, long t, int from, int to) {
      double decay = rule.weightDecay;
      double mu = rule.momentum;
      double a = rule.nesterov ? 1.0 : 0.0;
      double b = rule.nesterov ? mu : 1.0;
      for (int k = from; k < to; k++) {
        double[] w = parameters[k];
        double[] s = gradientSums[k];
        double[] v = moments[0][k];
        for (int i = 0; i < w.length; i++) {
          double g = s[i] * scale + decay * w[i];
          s[i] = 0.0;
          double vi = mu * v[i] + g;
          v[i] = vi;
          w[i] -= lr * (a * g + b * vi);
        }
      }
    }
  }

  private static final class MomentumFloat extends FloatState {
    private final Sgd rule;

    MomentumFloat(float[][] parameters, float[][] gradientSums, Sgd rule) {
      super(parameters, gradientSums, 1, rule.maxNorm);
      this.rule = rule;
    }

    @Override
    void update(double scaleD, double lrD, long t, int from, int to) {
      float scale = (float) scaleD;
      float lr = (float) lrD;
      float decay = (float) rule.weightDecay;
      float mu = (float) rule.momentum;
      float a = rule.nesterov ? 1.0f : 0.0f;
      float b = rule.nesterov ? mu : 1.0f;
      for (int k = from; k < to; k++) {
        float[] w = parameters[k];
        float[] s = gradientSums[k];
        float[] v = moments[0][k];
        for (int i = 0; i < w.length; i++) {
          float g = s[i] * scale + decay * w[i];
          s[i] = 0.0f;
          float vi = mu * v[i] + g;
          v[i] = vi;
          w[i] -= lr * (a * g + b * vi);
        }
      }
    }
  }
}
