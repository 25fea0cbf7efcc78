package dev.hardwired.train;

import dev.hardwired.Precision;
import dev.hardwired.data.DataSet;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A training checkpoint: what a run must know to go on exactly as if it had not stopped. Its header holds
 * named text entries (the network, the data, the starting point and the trainer's configuration: what must
 * match for a run to be resumed); {@link CheckpointFile} writes and reads it.
 */
final class Checkpoint {
  // The header's entries, by group, in the order in which they are written and compared.
  private static final String[] NETWORK = {"topology", "precision", "parameters"};
  private static final String[] TRAINER = {
    "optimizer", "schedule", "learning rates", "epochs", "batch size", "shuffle", "seed", "threads", "target loss",
    "early stopping", "stop condition"
  };
  private static final String[] DATA = {"training set", "validation set"};
  private static final String[] START = {"initial parameters"};
  private static final String[][] GROUPS = {NETWORK, TRAINER, DATA, START};
  private static final String[] GROUP_NAMES = {"network", "trainer configuration", "data set", "starting point"};

  /** Every header entry, in the order of {@link #GROUPS}. */
  final Map<String, String> header;

  /** Whether the run had ended when this was written; then {@link #stopReason} says why. */
  final TrainingHistory.StopReason stopReason;
  /** The history's best epoch at the end of the run; 0 while it runs. */
  final int finalBestEpoch;

  /** Epochs trained. */
  final int epoch;
  /** Optimizer steps (batches) so far. */
  final long steps;
  /** Draws of the shuffling generator so far. */
  final long draws;
  /**
   * The order of the training samples in the last epoch: each epoch's shuffle permutes the previous epoch's
   * order, so the next order depends on it as well as on the generator.
   */
  final int[] order;
  /** Seconds from the start of the run to this checkpoint. */
  final double seconds;

  /** Early stopping: the lowest validation loss so far, its epoch (0 for none) and the epochs since. */
  final double bestLoss;
  final int bestEpoch;
  final int sinceBest;

  /** The parameters, in the topology's canonical order (a float network's widened to double). */
  final double[] parameters;
  /** The parameters of {@link #bestEpoch}, or null when there is none. */
  final double[] bestParameters;

  /** The optimizer's step count and each of its moments in the canonical order; no moments for the fused step. */
  final long optimizerSteps;
  final double[][] moments;

  final List<EpochRecord> records;

  Checkpoint(
      Map<String, String> header,
      TrainingHistory.StopReason stopReason,
      int finalBestEpoch,
      int epoch,
      long steps,
      long draws,
      int[] order,
      double seconds,
      double bestLoss,
      int bestEpoch,
      int sinceBest,
      double[] parameters,
      double[] bestParameters,
      long optimizerSteps,
      double[][] moments,
      List<EpochRecord> records) {
    this.header = header;
    this.stopReason = stopReason;
    this.finalBestEpoch = finalBestEpoch;
    this.epoch = epoch;
    this.steps = steps;
    this.draws = draws;
    this.order = order;
    this.seconds = seconds;
    this.bestLoss = bestLoss;
    this.bestEpoch = bestEpoch;
    this.sinceBest = sinceBest;
    this.parameters = parameters;
    this.bestParameters = bestParameters;
    this.optimizerSteps = optimizerSteps;
    this.moments = moments;
    this.records = records;
  }

  // ------------------------------------------------------------------------------------------ the header

  /**
   * The header of every checkpoint of this run: what a checkpoint must match to be resumed by it.
   *
   * @param initial the network's parameters when the run started, in the canonical order
   */
  static Map<String, String> header(
      Trainer trainer, Learner learner, DataSet training, DataSet validation, double[] initial) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("topology", learner.topology().toString());
    h.put("precision", learner.precision().name());
    h.put("parameters", Integer.toString(learner.topology().parameterCount()));
    h.put("optimizer", trainer.optimizer().toString());
    // A schedule of one's own has no stable text (a lambda's names its class and hash code): its rates say it all.
    LearningRateSchedule schedule = trainer.schedule();
    h.put("schedule", schedule.getClass().getEnclosingClass() == Schedules.class ? schedule.toString() : "one of one's own");
    h.put("learning rates", rates(trainer));
    h.put("epochs", Integer.toString(trainer.epochs()));
    h.put("batch size", trainer.batchSize() == Integer.MAX_VALUE ? "full batch" : Integer.toString(trainer.batchSize()));
    h.put("shuffle", Boolean.toString(trainer.shuffles()));
    h.put("seed", Long.toString(trainer.seed()));
    h.put("threads", Integer.toString(trainer.threads()));
    h.put("target loss", Double.toString(trainer.targetLoss()));
    h.put("early stopping", trainer.patience() == 0 ? "off" : "patience " + trainer.patience());
    h.put("stop condition", trainer.stopWhen() == null ? "none" : "one of one's own");
    h.put("training set", fingerprint(training));
    h.put("validation set", validation == null ? "none" : fingerprint(validation));
    h.put("initial parameters", "CRC-32 " + hex(crc(initial, learner.precision())));
    return h;
  }

  /**
   * The schedule's rate for every epoch of the run, as their count and the CRC-32 of their bits: a schedule of
   * one's own has no stable text, but its rates are what matter.
   */
  private static String rates(Trainer trainer) {
    CRC32 crc = new CRC32();
    byte[] bits = new byte[8];
    int epochs = trainer.epochs();
    for (int e = 0; e < epochs; e++) {
      double rate;
      try {
        rate = trainer.schedule().rate(e, epochs);
      } catch (RuntimeException thrown) {
        return e + " of " + epochs + " then an exception, CRC-32 " + hex(crc.getValue());
      }
      putLong(bits, Double.doubleToRawLongBits(rate));
      crc.update(bits, 0, 8);
    }
    return epochs + ", CRC-32 " + hex(crc.getValue());
  }

  /** A data set as its size and the CRC-32 of the bits of every input and target, row by row. */
  static String fingerprint(DataSet data) {
    CRC32 crc = new CRC32();
    byte[] bits = new byte[8];
    for (int i = 0; i < data.size(); i++) {
      for (double x : data.input(i)) {
        putLong(bits, Double.doubleToRawLongBits(x));
        crc.update(bits, 0, 8);
      }
      for (double y : data.target(i)) {
        putLong(bits, Double.doubleToRawLongBits(y));
        crc.update(bits, 0, 8);
      }
    }
    return data.size() + " samples of " + data.inputCount() + " inputs and " + data.targetCount() + " targets, CRC-32 "
        + hex(crc.getValue());
  }

  /** The CRC-32 of values as the file writes them in this precision. */
  private static long crc(double[] values, Precision precision) {
    CRC32 crc = new CRC32();
    byte[] bits = new byte[8];
    for (double value : values) {
      if (precision == Precision.DOUBLE) {
        putLong(bits, Double.doubleToRawLongBits(value));
        crc.update(bits, 0, 8);
      } else {
        putLong(bits, Float.floatToRawIntBits((float) value));
        crc.update(bits, 4, 4);
      }
    }
    return crc.getValue();
  }

  private static void putLong(byte[] bytes, long value) {
    for (int i = 7; i >= 0; i--) {
      bytes[i] = (byte) value;
      value >>>= 8;
    }
  }

  static String hex(long crc) {
    return String.format(Locale.ROOT, "%08x", crc);
  }

  /**
   * Refuses a checkpoint whose header differs from {@code expected}: the message names the kind of the first
   * difference (another network, trainer configuration, data or starting point), and every differing entry
   * with what was expected and what was found.
   */
  static void requireMatch(Path file, Map<String, String> expected, Map<String, String> found) {
    String firstGroup = null;
    StringBuilder differences = new StringBuilder();
    for (int g = 0; g < GROUPS.length; g++) {
      for (String key : GROUPS[g]) {
        String want = expected.get(key);
        String got = found.get(key);
        if (!want.equals(got)) {
          if (firstGroup == null) {
            firstGroup = GROUP_NAMES[g];
          }
          differences.append(differences.length() == 0 ? "" : "; ")
              .append(key).append(": expected ").append(want).append(", found ").append(got == null ? "none" : got);
        }
      }
    }
    for (String key : found.keySet()) {
      if (!expected.containsKey(key)) {
        differences.append(differences.length() == 0 ? "" : "; ")
            .append(key).append(": expected no such entry, found ").append(found.get(key));
        if (firstGroup == null) {
          firstGroup = "format";
        }
      }
    }
    if (firstGroup == null) {
      return;
    }
    String hint = "starting point".equals(firstGroup)
        ? " (a checkpoint resumes the run that started from the same parameters: give the network the parameters"
            + " it had when that run started, or delete the checkpoint to start a new run)"
        : " (delete the checkpoint to start a new run)";
    throw new CheckpointException(
        file, "checkpoint " + file + " belongs to another " + firstGroup + ": " + differences + hint);
  }

  /** Checks what the checksum cannot: that the numbers agree with each other. */
  void requireConsistent(Path file) {
    int epochs = Integer.parseInt(header.get("epochs"));
    String problem = null;
    if (epoch < 0 || epoch > epochs) {
      problem = "epochs trained: expected 0 to " + epochs + ", found " + epoch;
    } else if (records.size() != epoch) {
      problem = "epoch records: expected " + epoch + ", one per epoch trained, found " + records.size();
    } else if (steps < 0 || draws < 0 || optimizerSteps < 0) {
      problem = "step and draw counts: expected at least 0, found " + steps + ", " + draws + " and " + optimizerSteps;
    } else if (bestEpoch < 0 || bestEpoch > epoch || (bestEpoch > 0) != (bestParameters != null)) {
      problem = "best epoch: expected 0 to " + epoch + " with parameters when above 0, found " + bestEpoch
          + (bestParameters != null ? " with parameters" : " without parameters");
    } else if (sinceBest < 0 || sinceBest > epoch) {
      problem = "epochs since the best: expected 0 to " + epoch + ", found " + sinceBest;
    } else if (finalBestEpoch < 0 || finalBestEpoch > epoch || (stopReason == null && finalBestEpoch != 0)) {
      problem = "final best epoch: expected " + (stopReason == null ? "0 while the run goes on" : "0 to " + epoch)
          + ", found " + finalBestEpoch;
    } else if (!(seconds >= 0) || Double.isInfinite(seconds) || Double.isNaN(bestLoss)) {
      problem = "seconds and best loss: expected a finite time ≥ 0 and a loss, found " + seconds + " and " + bestLoss;
    } else {
      problem = firstNotFinite("parameter", parameters);
      if (problem == null && bestParameters != null) {
        problem = firstNotFinite("parameter of the best epoch", bestParameters);
      }
      for (int m = 0; problem == null && m < moments.length; m++) {
        problem = firstNotFinite("element of moment " + m, moments[m]);
      }
    }
    boolean[] seen = new boolean[order.length];
    for (int i = 0; problem == null && i < order.length; i++) {
      if (order[i] < 0 || order[i] >= order.length || seen[order[i]]) {
        problem = "order of the samples: expected each of 0 to " + (order.length - 1) + " once, found " + order[i]
            + " at position " + i;
      } else {
        seen[order[i]] = true;
      }
    }
    for (int i = 0; problem == null && i < records.size(); i++) {
      if (records.get(i).epoch() != i + 1) {
        problem = "record " + (i + 1) + ": expected epoch " + (i + 1) + ", found " + records.get(i).epoch();
      }
    }
    if (problem != null) {
      throw new CheckpointException(file, "checkpoint " + file + " is not consistent: " + problem);
    }
  }

  private static String firstNotFinite(String what, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        return what + " " + i + ": expected a finite number, found " + values[i];
      }
    }
    return null;
  }
}
