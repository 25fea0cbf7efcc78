package dev.hardwired.train;

/**
 * Training diverged: a loss that is not finite, or an update that made a parameter not finite. The
 * network's parameters have been put back to the last state in which all of them were finite and the loss
 * of the step was finite, so nothing of it is lost. It says where: the epoch, the batch and, for a loss,
 * the sample.
 *
 * <p><b>Threads.</b> Its message and fields are fixed when it is made, so any thread it is handed to may read
 * it.
 */
public final class TrainingDivergedException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int batch;
  private final int sample;

  TrainingDivergedException(String message, int epoch, int batch, int sample) {
    super(message);
    this.epoch = epoch;
    this.batch = batch;
    this.sample = sample;
  }

  /** The epoch in which training diverged, from 1. */
  public int epoch() {
    return epoch;
  }

  /** The batch of that epoch, from 1. */
  public int batch() {
    return batch;
  }

  /**
   * The index in the training set of the sample whose loss was not finite; -1 when it was an update that
   * made a parameter not finite.
   */
  public int sample() {
    return sample;
  }
}
