package dev.hardwired.train;

/**
 * The learning rate for each epoch, counted from 0, given the total number of epochs when the schedule
 * needs it (a cosine schedule does; the others ignore it). The rate is given to every {@link
 * OptimizerState#step} of that epoch.
 *
 * <p><b>Threads.</b> The schedules made here are immutable and safe to share. A trainer that several threads
 * train with at once calls its schedule from each of them, so a schedule of one's own should keep no state: a
 * function of its arguments alone.
 */
public interface LearningRateSchedule {

  /**
   * The learning rate for {@code epoch} of {@code totalEpochs}.
   *
   * @throws IllegalArgumentException when {@code epoch < 0} or {@code totalEpochs < 1}, or (for a
   *     schedule that needs the total) {@code epoch > totalEpochs}
   */
  double rate(int epoch, int totalEpochs);

  /**
   * The same rate for every epoch.
   *
   * @throws IllegalArgumentException unless {@code rate} is positive and finite
   */
  static LearningRateSchedule constant(double rate) {
    return new Schedules.Constant(Schedules.requireRate(rate, "rate"));
  }

  /**
   * Step decay: initial × factor^⌊epoch / everyEpochs⌋, the rate multiplied by {@code factor} every
   * {@code everyEpochs} epochs.
   *
   * @throws IllegalArgumentException unless {@code initial} is positive and finite, {@code everyEpochs ≥
   *     1} and 0 &lt; {@code factor} ≤ 1
   */
  static LearningRateSchedule step(double initial, int everyEpochs, double factor) {
    if (everyEpochs < 1) {
      throw new IllegalArgumentException("everyEpochs is " + everyEpochs + "; expected at least 1");
    }
    return new Schedules.Step(
        Schedules.requireRate(initial, "initial rate"), everyEpochs, Schedules.requireFactor(factor, "factor"));
  }

  /**
   * Exponential decay: initial × decayPerEpoch^epoch.
   *
   * @throws IllegalArgumentException unless {@code initial} is positive and finite and 0 &lt; {@code
   *     decayPerEpoch} ≤ 1
   */
  static LearningRateSchedule exponential(double initial, double decayPerEpoch) {
    return new Schedules.Exponential(
        Schedules.requireRate(initial, "initial rate"), Schedules.requireFactor(decayPerEpoch, "decayPerEpoch"));
  }

  /**
   * Cosine annealing (Loshchilov &amp; Hutter, SGDR, without restarts): minimum + ½ (initial − minimum)
   * (1 + cos(π × epoch / totalEpochs)), from {@code initial} at epoch 0 down towards {@code minimum},
   * which it reaches at epoch = totalEpochs.
   *
   * @throws IllegalArgumentException unless {@code initial} is positive and finite and 0 ≤ {@code minimum}
   *     ≤ {@code initial}
   */
  static LearningRateSchedule cosine(double initial, double minimum) {
    Schedules.requireRate(initial, "initial rate");
    if (!(minimum >= 0.0 && minimum <= initial)) {
      throw new IllegalArgumentException(
          "minimum rate is " + minimum + "; expected a number in [0, " + initial + "], at most the initial rate");
    }
    return new Schedules.Cosine(initial, minimum);
  }
}
