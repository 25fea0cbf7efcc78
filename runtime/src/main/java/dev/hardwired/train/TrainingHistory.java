package dev.hardwired.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The record of a training run: one {@link EpochRecord} per epoch, why the run stopped and, with early
 * stopping, the epoch whose parameters the network was given back. A listener sees it grow; the trainer
 * returns it complete.
 *
 * <p><b>Threads.</b> Written by the thread that trains, as it trains, and read by listeners on that thread;
 * once {@code train} has returned it does not change, and any thread that gets it from that one (as the
 * caller of {@link Sweep#run} does) may read it.
 */
public final class TrainingHistory {

  /** Why a run ended. Its constants are immutable: any thread may use them. */
  public enum StopReason {
    /** Every epoch allowed was trained. */
    MAX_EPOCHS,
    /** The training loss of an epoch reached the target loss. */
    TARGET_LOSS,
    /** The validation loss did not improve for as many epochs as the patience allows. */
    EARLY_STOPPING,
    /** The trainer's own stop condition held. */
    CONDITION
  }

  private final List<EpochRecord> epochs = new ArrayList<>();
  private StopReason stopReason;
  private int bestEpoch;

  TrainingHistory() {}

  void add(EpochRecord epoch) {
    epochs.add(epoch);
  }

  void finish(StopReason reason, int best) {
    this.stopReason = reason;
    this.bestEpoch = best;
  }

  /** Every epoch so far, in order; unmodifiable. */
  public List<EpochRecord> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  /** The last epoch trained. */
  public EpochRecord last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("no epoch has been trained yet");
    }
    return epochs.get(epochs.size() - 1);
  }

  /** Number of epochs trained. */
  public int size() {
    return epochs.size();
  }

  /** Why the run ended; {@code null} while it runs. */
  public StopReason stopReason() {
    return stopReason;
  }

  /**
   * The epoch whose parameters the network has at the end: with early stopping the one of lowest
   * validation loss, otherwise the last; 0 while the run goes on.
   */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** The training losses, one per epoch, for plotting. */
  public double[] trainingLosses() {
    return column(EpochRecord::trainingLoss);
  }

  /** The validation losses, one per epoch ({@code NaN} without a validation set). */
  public double[] validationLosses() {
    return column(EpochRecord::validationLoss);
  }

  /** The seconds from the start of the run to the end of each epoch. */
  public double[] seconds() {
    return column(EpochRecord::seconds);
  }

  private double[] column(ToDoubleFunction<EpochRecord> value) {
    double[] values = new double[epochs.size()];
    for (int e = 0; e < values.length; e++) {
      values[e] = value.applyAsDouble(epochs.get(e));
    }
    return values;
  }

  /**
   * The history as CSV, one row per epoch: {@code epoch,learning_rate,training_loss,validation_loss,
   * validation_accuracy,steps,seconds}, values that were not measured left empty.
   */
  public String toCsv() {
    StringBuilder s =
        new StringBuilder("epoch,learning_rate,training_loss,validation_loss,validation_accuracy,steps,seconds\n");
    for (EpochRecord e : epochs) {
      s.append(e.epoch()).append(',')
          .append(e.learningRate()).append(',')
          .append(e.trainingLoss()).append(',')
          .append(Double.isNaN(e.validationLoss()) ? "" : String.valueOf(e.validationLoss())).append(',')
          .append(Double.isNaN(e.validationAccuracy()) ? "" : String.valueOf(e.validationAccuracy())).append(',')
          .append(e.steps()).append(',')
          .append(String.format(Locale.ROOT, "%.6f", e.seconds())).append('\n');
    }
    return s.toString();
  }

  /** For example {@code 40 epochs (early stopping; best epoch 32), last: epoch 40: loss 0.0123, …}. */
  @Override
  public String toString() {
    if (epochs.isEmpty()) {
      return "no epochs";
    }
    String reason =
        stopReason == null
            ? "running"
            : stopReason.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "; best epoch " + bestEpoch;
    return epochs.size() + (epochs.size() == 1 ? " epoch (" : " epochs (") + reason + "), last: " + last();
  }
}
