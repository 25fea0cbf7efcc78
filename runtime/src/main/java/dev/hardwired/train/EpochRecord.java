package dev.hardwired.train;

import java.util.Locale;

/**
 * What one epoch of training gave: its number, learning rate, mean losses, validation accuracy and the
 * time taken so far. Immutable. A value that was not measured is {@code NaN}: the validation loss and
 * accuracy without a validation set, the accuracy when the data are not a classification set.
 *
 * <p><b>Threads.</b> Immutable: safe to share between threads.
 */
public final class EpochRecord {
  private final int epoch;
  private final double learningRate;
  private final double trainingLoss;
  private final double validationLoss;
  private final double validationAccuracy;
  private final long steps;
  private final double seconds;

  EpochRecord(
      int epoch,
      double learningRate,
      double trainingLoss,
      double validationLoss,
      double validationAccuracy,
      long steps,
      double seconds) {
    this.epoch = epoch;
    this.learningRate = learningRate;
    this.trainingLoss = trainingLoss;
    this.validationLoss = validationLoss;
    this.validationAccuracy = validationAccuracy;
    this.steps = steps;
    this.seconds = seconds;
  }

  /** The epoch's number, from 1. */
  public int epoch() {
    return epoch;
  }

  /** The learning rate of this epoch, from the schedule. */
  public double learningRate() {
    return learningRate;
  }

  /**
   * The mean loss per training sample over this epoch, each sample's loss taken as it was trained on
   * (before the update of its batch), as is usual.
   */
  public double trainingLoss() {
    return trainingLoss;
  }

  /** The mean loss per validation sample after this epoch; {@code NaN} without a validation set. */
  public double validationLoss() {
    return validationLoss;
  }

  /**
   * The fraction of validation samples classified right after this epoch; {@code NaN} without a
   * validation set or when it is not a classification set.
   */
  public double validationAccuracy() {
    return validationAccuracy;
  }

  /** Optimizer steps (batches) taken from the start of the run to the end of this epoch. */
  public long steps() {
    return steps;
  }

  /** Wall-clock seconds from the start of the run to the end of this epoch, evaluation included. */
  public double seconds() {
    return seconds;
  }

  /** For example {@code epoch 3: loss 0.1234, validation loss 0.2345, accuracy 96.0 %, 0.8 s}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append("epoch ").append(epoch).append(": loss ").append(format(trainingLoss));
    if (!Double.isNaN(validationLoss)) {
      s.append(", validation loss ").append(format(validationLoss));
    }
    if (!Double.isNaN(validationAccuracy)) {
      s.append(String.format(Locale.ROOT, ", accuracy %.1f %%", 100 * validationAccuracy));
    }
    return s.append(String.format(Locale.ROOT, ", %.1f s", seconds)).toString();
  }

  static String format(double value) {
    return String.format(Locale.ROOT, Math.abs(value) >= 1e-3 || value == 0 ? "%.4f" : "%.3e", value);
  }
}
