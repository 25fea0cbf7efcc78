package dev.hardwired;

/**
 * The loss E that training minimises, and so the error signal S_ERROR that backpropagation starts from.
 *
 * <p><b>Threads.</b> Its constants are immutable and their methods keep no state: any thread may use them.
 */
public enum Loss {
  /**
   * Summed squared error E = ½ Σ_k (y_k − t_k)². Its derivative is the final error FE = SpostA,O − T, and
   * the error signal is S_ERROR = FE × fA′(SpreA,O). Works with every output activation but softmax.
   */
  SQUARED_ERROR,
  /**
   * Binary cross-entropy E = −Σ_k [t_k ln y_k + (1 − t_k) ln(1 − y_k)], for {@link Activation#LOGISTIC}
   * outputs only; the logistic derivative cancels, so S_ERROR = y − t.
   */
  CROSS_ENTROPY,
  /**
   * Categorical cross-entropy E = −Σ_k t_k ln y_k, for {@link Activation#SOFTMAX} outputs only; the
   * softmax Jacobian cancels, so S_ERROR = y − t.
   */
  SOFTMAX_CROSS_ENTROPY,
  /**
   * The perceptron criterion E = Σ_k (y_k − t_k) z_k, for {@link Activation#STEP} outputs of a network
   * without hidden layers only. It is zero when every output is right and grows with how far the
   * pre-activation z is on the wrong side; its gradient (y − t) x gives exactly the perceptron rule w ← w + η
   * (t − y) x, so S_ERROR = y − t and no derivative of the step is needed.
   */
  PERCEPTRON;

  /** The output activation this loss requires, or {@code null} when any but softmax and step will do. */
  public Activation requiredOutputActivation() {
    switch (this) {
      case CROSS_ENTROPY:
        return Activation.LOGISTIC;
      case SOFTMAX_CROSS_ENTROPY:
        return Activation.SOFTMAX;
      case PERCEPTRON:
        return Activation.STEP;
      default:
        return null;
    }
  }

  /** Whether this loss may follow an output layer with the given activation. */
  public boolean accepts(Activation outputActivation) {
    Checks.requireNonNull(outputActivation, "outputActivation", "an activation");
    Activation required = requiredOutputActivation();
    return required == null
        ? outputActivation != Activation.SOFTMAX && outputActivation != Activation.STEP
        : required == outputActivation;
  }

  /** The name used in generated code and messages: {@code squared error}, … */
  public String displayName() {
    switch (this) {
      case SQUARED_ERROR:
        return "summed squared error";
      case CROSS_ENTROPY:
        return "binary cross-entropy";
      case SOFTMAX_CROSS_ENTROPY:
        return "categorical cross-entropy";
      default:
        return "the perceptron criterion";
    }
  }
}
