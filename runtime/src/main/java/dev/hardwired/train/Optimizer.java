package dev.hardwired.train;

/**
 * An update rule for a network's parameters: an immutable configuration, whose {@link #bind} gives the
 * {@link OptimizerState} that updates one network's arrays in place. The learning rate is not part of
 * it: each {@link OptimizerState#step} is given one, so that a {@link LearningRateSchedule} can set it.
 *
 * <p>Every rule starts a step the same way, from the gradient sums s over a batch of B samples:
 *
 * <ol>
 *   <li>averaging: g ← s / B;
 *   <li>clipping by global norm, when {@link #clipNorm} is set: with ‖g‖ the L2 norm over every element
 *       of every array, g ← g × maxNorm / ‖g‖ when ‖g‖ &gt; maxNorm (and g unchanged otherwise);
 *   <li>L2 regularisation (coupled weight decay), when {@link #weightDecay} is set: g ← g + λ w;
 *   <li>the rule itself ({@link Sgd}, {@link Adam}, {@link RmsProp}) with this g.
 * </ol>
 *
 * <p>Settings are changed by methods that return a new optimizer of the same class, e.g. {@code
 * Optimizer.sgd().momentum(0.9).clipNorm(1.0)}.
 *
 * <p><b>Threads.</b> Immutable: one optimizer may be shared by trainers and threads. Each {@link #bind} gives
 * a new {@link OptimizerState}, which belongs to its network's thread.
 */
public abstract class Optimizer {
  final double weightDecay;
  // Positive infinity when clipping is off.
  final double maxNorm;

  Optimizer(double weightDecay, double maxNorm) {
    this.weightDecay = weightDecay;
    this.maxNorm = maxNorm;
  }

  /** Plain stochastic gradient descent, w ← w − LR × g, with no momentum; see {@link Sgd}. */
  public static Sgd sgd() {
    return Sgd.DEFAULT;
  }

  /**
   * Adam (Kingma &amp; Ba 2015) with bias correction and the defaults β1 0.9, β2 0.999, ε 1e-8; see
   * {@link Adam}.
   */
  public static Adam adam() {
    return Adam.DEFAULT;
  }

  /**
   * AdamW (Loshchilov &amp; Hutter 2019): {@link #adam()} with decoupled weight decay, as PyTorch's
   * AdamW: w ← w − LR × λ × w, then the Adam step with the gradient of the loss alone.
   *
   * @param weightDecay λ, the decoupled decay per unit of learning rate
   * @throws IllegalArgumentException when {@code weightDecay} is negative or not finite
   */
  public static Adam adamW(double weightDecay) {
    return Adam.DEFAULT.decoupledWeightDecay(weightDecay);
  }

  /**
   * RMSprop (Hinton, Neural Networks for Machine Learning, lecture 6e) with the defaults ρ 0.9, ε 1e-8:
   * v ← ρ v + (1 − ρ) g², w ← w − LR × g / (√v + ε); see {@link RmsProp}.
   */
  public static RmsProp rmsProp() {
    return RmsProp.DEFAULT;
  }

  /**
   * This optimizer with L2 regularisation, coupled into the gradient: g ← g + λ w after averaging and
   * clipping, before the rule. For Adam this is PyTorch's {@code Adam(weight_decay=λ)}, not AdamW's
   * decoupled decay (see {@link Adam#decoupledWeightDecay}); 0 turns it off.
   *
   * @param l2 λ
   * @throws IllegalArgumentException when {@code l2} is negative or not finite
   */
  public abstract Optimizer weightDecay(double l2);

  /**
   * This optimizer with gradient clipping by global norm: when the L2 norm of the averaged gradient over
   * every element of every array exceeds {@code maxNorm}, the gradient is scaled by maxNorm / norm
   * before weight decay and the rule. (Unlike PyTorch's {@code clip_grad_norm_} no 1e-6 is added to the
   * norm.) {@link Double#POSITIVE_INFINITY} turns clipping off.
   *
   * @throws IllegalArgumentException when {@code maxNorm} is not positive, or is NaN
   */
  public abstract Optimizer clipNorm(double maxNorm);

  /**
   * The state that updates {@code parameters} in place from {@code gradientSums}, with this rule's state
   * arrays (all zero) allocated now, one parallel to each parameter array. It keeps the arrays
   * themselves (not copies) but its own copy of the outer arrays.
   *
   * @param parameters a network's parameter arrays, e.g. its {@code parameterArrays()}
   * @param gradientSums arrays of the same shape into which the gradient sums of a batch are added
   * @throws IllegalArgumentException when either is null or holds null, or their shapes differ, or a
   *     gradient-sum array is a parameter array itself
   */
  public abstract OptimizerState bind(double[][] parameters, double[][] gradientSums);

  /**
   * The float twin of {@link #bind(double[][], double[][])}: the state arrays are float arrays and the
   * arithmetic of each step is in float.
   *
   * @throws IllegalArgumentException when either is null or holds null, or their shapes differ, or a
   *     gradient-sum array is a parameter array itself
   */
  public abstract OptimizerState bind(float[][] parameters, float[][] gradientSums);

  /** The rule and every setting, e.g. {@code Adam(β1 0.9, β2 0.999, ε 1.0E-8; weight decay 0.0; no clipping)}. */
  @Override
  public abstract String toString();

  /** Whether this is SGD without momentum, decay or clipping: the rule that a network's fused step is. */
  boolean isPlainSgd() {
    return false;
  }

  // The settings shared by every rule, for toString.
  final String commonSettings() {
    return "weight decay " + weightDecay
        + (maxNorm == Double.POSITIVE_INFINITY ? "; no clipping" : "; clip norm " + maxNorm);
  }

  static double requireWeightDecay(double l2, String what) {
    if (!(l2 >= 0.0) || Double.isInfinite(l2)) {
      throw new IllegalArgumentException(what + " is " + l2 + "; expected a finite number ≥ 0");
    }
    return l2;
  }

  static double requireMaxNorm(double maxNorm) {
    if (!(maxNorm > 0.0)) {
      throw new IllegalArgumentException(
          "clip norm is " + maxNorm + "; expected a positive number (or positive infinity for no clipping)");
    }
    return maxNorm;
  }

  /** Checks a decay rate such as momentum, β or ρ: in [0, 1). */
  static double requireUnitInterval(double value, String what) {
    if (!(value >= 0.0 && value < 1.0)) {
      throw new IllegalArgumentException(what + " is " + value + "; expected a number in [0, 1)");
    }
    return value;
  }

  static double requireEpsilon(double epsilon) {
    if (!(epsilon > 0.0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("ε is " + epsilon + "; expected a positive finite number");
    }
    return epsilon;
  }
}
