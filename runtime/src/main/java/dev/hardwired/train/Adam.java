package dev.hardwired.train;

/**
 * Adam (Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization", 2015) with bias correction, and
 * AdamW's decoupled weight decay (Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization", 2019)
 * as PyTorch's {@code AdamW} applies it. With g the averaged, clipped and regularised gradient ({@link
 * Optimizer}) and t the number of this step from 1:
 *
 * <ul>
 *   <li>m ← β1 m + (1 − β1) g, v ← β2 v + (1 − β2) g² (both start at 0);
 *   <li>m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t);
 *   <li>w ← w − LR × λd × w − LR × m̂ / (√v̂ + ε), with λd the decoupled weight decay (0 for Adam), the
 *       decay taken from w before this step.
 * </ul>
 *
 * <p>As in PyTorch, the bias corrections are folded into two per-step factors: w ← w (1 − LR λd) − (LR /
 * (1 − β1^t)) m / (√v / √(1 − β2^t) + ε). Two state arrays per parameter array: m and v. The powers
 * β^t are the correctly rounded ones, computed with {@code +}, {@code −} and {@code ×} only, so that they
 * are the same bits on every JVM (where {@link Math#pow} need not be), and a network declared with {@code
 * strictMath = true} trains to the same bits everywhere.
 *
 * <p><b>Threads.</b> Immutable, as every {@link Optimizer}: safe to share between threads; the state that
 * {@link #bind} gives is not.
 */
public final class Adam extends Optimizer {
  static final Adam DEFAULT = new Adam(0.9, 0.999, 1e-8, 0.0, 0.0, Double.POSITIVE_INFINITY);

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double decoupledWeightDecay;
  private final Powers beta1Powers;
  private final Powers beta2Powers;

  private Adam(
      double beta1, double beta2, double epsilon, double decoupledWeightDecay, double weightDecay, double maxNorm) {
    super(weightDecay, maxNorm);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.decoupledWeightDecay = decoupledWeightDecay;
    this.beta1Powers = new Powers(beta1);
    this.beta2Powers = new Powers(beta2);
  }

  /**
   * This optimizer with the decay rate β1 of the first moment: m ← β1 m + (1 − β1) g.
   *
   * @throws IllegalArgumentException unless 0 ≤ β1 &lt; 1
   */
  public Adam beta1(double beta1) {
    return new Adam(requireUnitInterval(beta1, "β1"), beta2, epsilon, decoupledWeightDecay, weightDecay, maxNorm);
  }

  /**
   * This optimizer with the decay rate β2 of the second moment: v ← β2 v + (1 − β2) g².
   *
   * @throws IllegalArgumentException unless 0 ≤ β2 &lt; 1
   */
  public Adam beta2(double beta2) {
    return new Adam(beta1, requireUnitInterval(beta2, "β2"), epsilon, decoupledWeightDecay, weightDecay, maxNorm);
  }

  /**
   * This optimizer with ε, added to √v̂ in the denominator: w ← w − LR × m̂ / (√v̂ + ε).
   *
   * @throws IllegalArgumentException unless ε is positive and finite
   */
  public Adam epsilon(double epsilon) {
    return new Adam(beta1, beta2, requireEpsilon(epsilon), decoupledWeightDecay, weightDecay, maxNorm);
  }

  /**
   * This optimizer with AdamW's decoupled weight decay λd: w ← w − LR × λd × w before the Adam step, with
   * the gradient of the loss alone in the moments; 0 is plain Adam. It is independent of the coupled
   * {@link #weightDecay}.
   *
   * @throws IllegalArgumentException when λd is negative or not finite
   */
  public Adam decoupledWeightDecay(double lambda) {
    return new Adam(
        beta1, beta2, epsilon, requireWeightDecay(lambda, "decoupled weight decay"), weightDecay, maxNorm);
  }

  /** {@inheritDoc} */
  @Override
  public Adam weightDecay(double l2) {
    return new Adam(beta1, beta2, epsilon, decoupledWeightDecay, requireWeightDecay(l2, "weight decay"), maxNorm);
  }

  /** {@inheritDoc} */
  @Override
  public Adam clipNorm(double maxNorm) {
    return new Adam(beta1, beta2, epsilon, decoupledWeightDecay, weightDecay, requireMaxNorm(maxNorm));
  }

  /** {@inheritDoc} */
  @Override
  public OptimizerState bind(double[][] parameters, double[][] gradientSums) {
    return new DoubleAdam(parameters, gradientSums, this);
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
    return new FloatAdam(parameters, gradientSums, this);
  }

  /**
   * For example {@code Adam(β1 0.9, β2 0.999, ε 1.0E-8; weight decay 0.0; no clipping)}, or {@code
   * AdamW(β1 0.9, β2 0.999, ε 1.0E-8, decoupled weight decay 0.01; weight decay 0.0; no clipping)}.
   */
  @Override
  public String toString() {
    return (decoupledWeightDecay == 0.0 ? "Adam(" : "AdamW(") + "β1 " + beta1 + ", β2 " + beta2 + ", ε " + epsilon
        + (decoupledWeightDecay == 0.0 ? "" : ", decoupled weight decay " + decoupledWeightDecay) + "; "
        + commonSettings() + ")";
  }

  private static final class DoubleAdam extends DoubleState {
    private final Adam rule;

    DoubleAdam(double[][] parameters, double[][] gradientSums, Adam rule) {
      super(parameters, gradientSums, 2, rule.maxNorm);
      this.rule = rule;
    }

    @Override
    void update(double scale, double lr, long t, int from, int to) {
      double decay = rule.weightDecay;
      double b1 = rule.beta1;
      double b2 = rule.beta2;
      double c1 = 1.0 - b1;
      double c2 = 1.0 - b2;
      double eps = rule.epsilon;
      // Multiplying by 1 when there is no decoupled decay is exact, so Adam and AdamW share the loop.
      double shrink = 1.0 - lr * rule.decoupledWeightDecay;
      // The bias corrections, once per step, from powers that are the same bits on every JVM.
      double stepSize = lr / (1.0 - rule.beta1Powers.power(t));
      double rootCorrection = 1.0 / Math.sqrt(1.0 - rule.beta2Powers.power(t));
      for (int k = from; k < to; k++) {
        double[] w = parameters[k];
        double[] s = gradientSums[k];
        double[] m = moments[0][k];
        double[] v = moments[1][k];
        for (int i = 0; i < w.length; i++) {
          double g = s[i] * scale + decay * w[i];
          s[i] = 0.0;
          double mi = b1 * m[i] + c1 * g;
          double vi = b2 * v[i] + c2 * g * g;
          m[i] = mi;
          v[i] = vi;
          w[i] = w[i] * shrink - stepSize * mi / (Math.sqrt(vi) * rootCorrection + eps);
        }
      }
    }
  }

  private static final class FloatAdam extends FloatState {
    private final Adam rule;

    FloatAdam(float[][] parameters, float[][] gradientSums, Adam rule) {
      super(parameters, gradientSums, 2, rule.maxNorm);
      this.rule = rule;
    }

    @Override
    void update(double scaleD, double lrD, long t, int from, int to) {
      float scale = (float) scaleD;
      float decay = (float) rule.weightDecay;
      float b1 = (float) rule.beta1;
      float b2 = (float) rule.beta2;
      float c1 = (float) (1.0 - rule.beta1);
      float c2 = (float) (1.0 - rule.beta2);
      float eps = (float) rule.epsilon;
      // The per-step factors in double, then rounded once.
      float shrink = (float) (1.0 - lrD * rule.decoupledWeightDecay);
      float stepSize = (float) (lrD / (1.0 - rule.beta1Powers.power(t)));
      float rootCorrection = (float) (1.0 / Math.sqrt(1.0 - rule.beta2Powers.power(t)));
      for (int k = from; k < to; k++) {
        float[] w = parameters[k];
        float[] s = gradientSums[k];
        float[] m = moments[0][k];
        float[] v = moments[1][k];
        for (int i = 0; i < w.length; i++) {
          float g = s[i] * scale + decay * w[i];
          s[i] = 0.0f;
          float mi = b1 * m[i] + c1 * g;
          float vi = b2 * v[i] + c2 * g * g;
          m[i] = mi;
          v[i] = vi;
          w[i] = w[i] * shrink - stepSize * mi / ((float) Math.sqrt(vi) * rootCorrection + eps);
        }
      }
    }
  }
}
