package dev.hardwired.train;

import dev.hardwired.Precision;
import dev.hardwired.data.DataSet;
import dev.hardwired.io.AtomicFile;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * A training checkpoint: what a run must know to go on exactly as if it had not stopped, and the codec of
 * its file. The format is in {@code docs/checkpoints.md}: big-endian binary, after a magic line and a
 * version, a header of named text entries (the network, the data, the starting point and the trainer's
 * configuration: what must match for a run to be resumed), the state of the run, and a CRC-32 of every byte
 * before it.
 */
final class Checkpoint {
  /** The first bytes of every checkpoint file: this text and a line feed. */
  static final String MAGIC = "hardwired-checkpoint";

  /** The format version written, and the only one read. */
  static final int VERSION = 1;

  private static final byte[] MAGIC_LINE = (MAGIC + "\n").getBytes(StandardCharsets.US_ASCII);

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

  private static String hex(long crc) {
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

  // ------------------------------------------------------------------------------------------ writing

  /**
   * Writes this checkpoint to {@code file} atomically: the file holds the previous checkpoint or this one,
   * whole, never a part.
   *
   * @throws CheckpointException when the file cannot be written; the previous one is then intact
   */
  void write(Path file, Precision precision) {
    try {
      AtomicFile.write(file, out -> writeTo(out, precision));
    } catch (IOException | RuntimeException e) {
      throw new CheckpointException(file, "cannot write checkpoint " + file + ": " + e, e);
    }
  }

  private void writeTo(OutputStream out, Precision precision) throws IOException {
    CRC32 crc = new CRC32();
    DataOutputStream data = new DataOutputStream(new CheckedOutputStream(out, crc));
    data.write(MAGIC_LINE);
    data.writeInt(VERSION);
    data.writeInt(header.size());
    for (Map.Entry<String, String> entry : header.entrySet()) {
      writeString(data, entry.getKey());
      writeString(data, entry.getValue());
    }
    writeString(data, stopReason == null ? "" : stopReason.name());
    data.writeInt(finalBestEpoch);
    data.writeInt(epoch);
    data.writeLong(steps);
    data.writeLong(draws);
    data.writeInt(order.length);
    for (int i : order) {
      data.writeInt(i);
    }
    data.writeDouble(seconds);
    data.writeDouble(bestLoss);
    data.writeInt(bestEpoch);
    data.writeInt(sinceBest);
    writeValues(data, parameters, precision);
    data.writeBoolean(bestParameters != null);
    if (bestParameters != null) {
      writeValues(data, bestParameters, precision);
    }
    data.writeLong(optimizerSteps);
    data.writeInt(moments.length);
    for (double[] moment : moments) {
      writeValues(data, moment, precision);
    }
    data.writeInt(records.size());
    for (EpochRecord r : records) {
      data.writeInt(r.epoch());
      data.writeDouble(r.learningRate());
      data.writeDouble(r.trainingLoss());
      data.writeDouble(r.validationLoss());
      data.writeDouble(r.validationAccuracy());
      data.writeLong(r.steps());
      data.writeDouble(r.seconds());
    }
    data.flush();
    new DataOutputStream(out).writeInt((int) crc.getValue());
  }

  private static void writeString(DataOutputStream data, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    data.writeInt(bytes.length);
    data.write(bytes);
  }

  private static void writeValues(DataOutputStream data, double[] values, Precision precision) throws IOException {
    for (double value : values) {
      if (precision == Precision.DOUBLE) {
        data.writeDouble(value);
      } else {
        data.writeFloat((float) value);
      }
    }
  }

  // ------------------------------------------------------------------------------------------ reading

  /**
   * Reads the checkpoint at {@code file} and checks it: format, version, checksum, then the header against
   * {@code expected}, then the state. Changes nothing.
   *
   * @throws CheckpointException when there is no file, it cannot be read, is damaged or of another version,
   *     or its header differs from {@code expected}
   */
  static Checkpoint read(Path file, Map<String, String> expected, Precision precision) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CheckpointException(file, "expected a checkpoint at " + file + ", found no file", e);
    } catch (IOException e) {
      throw new CheckpointException(file, "cannot read checkpoint " + file + ": " + e, e);
    }
    if (bytes.length < MAGIC_LINE.length
        || !Arrays.equals(Arrays.copyOf(bytes, MAGIC_LINE.length), MAGIC_LINE)) {
      throw new CheckpointException(
          file,
          file + " is not a checkpoint: expected it to start with \"" + MAGIC + "\" and a line feed, found "
              + describeStart(bytes));
    }
    int fixed = MAGIC_LINE.length + 4 + 4;
    if (bytes.length < fixed) {
      throw new CheckpointException(
          file,
          "checkpoint " + file + " is damaged: it has " + bytes.length + " bytes; expected at least " + fixed
              + " (it was cut short)");
    }
    int version = intAt(bytes, MAGIC_LINE.length);
    if (version != VERSION) {
      throw new CheckpointException(
          file, "checkpoint " + file + " is of format version " + version + "; expected version " + VERSION);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    int recorded = intAt(bytes, bytes.length - 4);
    if ((int) crc.getValue() != recorded) {
      throw new CheckpointException(
          file,
          "checkpoint " + file + " is damaged: expected the CRC-32 its last 4 bytes record, " + hex(recorded & 0xFFFFFFFFL)
              + ", found " + hex(crc.getValue()) + " over its " + (bytes.length - 4) + " bytes before them (it was"
              + " cut short or changed)");
    }
    Reader in = new Reader(file, bytes, MAGIC_LINE.length + 4, bytes.length - 4);
    try {
      Map<String, String> header = new LinkedHashMap<>();
      int entries = in.count(8, "header entries");
      for (int i = 0; i < entries; i++) {
        header.put(in.string(), in.string());
      }
      requireMatch(file, expected, header);
      int n = Integer.parseInt(header.get("parameters"));
      String reason = in.string();
      TrainingHistory.StopReason stopReason = reason.isEmpty() ? null : stopReason(file, reason);
      int finalBestEpoch = in.data.readInt();
      int epoch = in.data.readInt();
      long steps = in.data.readLong();
      long draws = in.data.readLong();
      int[] order = new int[in.count(4, "samples in the order")];
      for (int i = 0; i < order.length; i++) {
        order[i] = in.data.readInt();
      }
      double seconds = in.data.readDouble();
      double bestLoss = in.data.readDouble();
      int bestEpoch = in.data.readInt();
      int sinceBest = in.data.readInt();
      double[] parameters = in.values(n, precision);
      double[] bestParameters = in.data.readBoolean() ? in.values(n, precision) : null;
      long optimizerSteps = in.data.readLong();
      double[][] moments = new double[in.count(n * (long) width(precision), "moments")][];
      for (int m = 0; m < moments.length; m++) {
        moments[m] = in.values(n, precision);
      }
      int count = in.count(52, "epoch records");
      List<EpochRecord> records = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        records.add(
            new EpochRecord(
                in.data.readInt(),
                in.data.readDouble(),
                in.data.readDouble(),
                in.data.readDouble(),
                in.data.readDouble(),
                in.data.readLong(),
                in.data.readDouble()));
      }
      in.requireEnd();
      Checkpoint c =
          new Checkpoint(
              header, stopReason, finalBestEpoch, epoch, steps, draws, order, seconds, bestLoss, bestEpoch, sinceBest,
              parameters, bestParameters, optimizerSteps, moments, records);
      c.requireConsistent(file);
      return c;
    } catch (EOFException e) {
      throw new CheckpointException(
          file, "checkpoint " + file + " is damaged: expected more bytes, found its end at byte " + in.position(), e);
    } catch (IOException e) {
      throw new CheckpointException(file, "cannot read checkpoint " + file + ": " + e, e);
    }
  }

  /** Checks what the checksum cannot: that the numbers agree with each other. */
  private void requireConsistent(Path file) {
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

  private static TrainingHistory.StopReason stopReason(Path file, String name) {
    try {
      return TrainingHistory.StopReason.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(
          file,
          "checkpoint " + file + " is not consistent: stop reason: expected one of "
              + Arrays.toString(TrainingHistory.StopReason.values()) + ", found " + name,
          e);
    }
  }

  private static int width(Precision precision) {
    return precision == Precision.DOUBLE ? 8 : 4;
  }

  private static int intAt(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | (bytes[at + 3] & 0xFF);
  }

  private static String describeStart(byte[] bytes) {
    if (bytes.length == 0) {
      return "an empty file";
    }
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < Math.min(bytes.length, MAGIC_LINE.length); i++) {
      int b = bytes[i] & 0xFF;
      if (b >= 0x20 && b < 0x7F) {
        s.append((char) b);
      } else {
        s.append(String.format(Locale.ROOT, "\\x%02x", b));
      }
    }
    return s.append('"').toString();
  }

  /** The bytes between the version and the checksum, with counts checked against what is left. */
  private static final class Reader {
    private final Path file;
    private final ByteArrayInputStream bytes;
    final DataInputStream data;
    private final int end;

    Reader(Path file, byte[] all, int from, int to) {
      this.file = file;
      this.bytes = new ByteArrayInputStream(all, from, to - from);
      this.data = new DataInputStream(bytes);
      this.end = to;
    }

    int position() {
      return end - bytes.available();
    }

    /** A count of items of at least {@code bytesEach} bytes: refused when more than the bytes left could hold. */
    int count(long bytesEach, String what) throws IOException {
      int count = data.readInt();
      if (count < 0 || count * bytesEach > bytes.available()) {
        throw new CheckpointException(
            file,
            "checkpoint " + file + " is not consistent: " + what + ": expected at most " + bytes.available() / bytesEach
                + " in the bytes left, found " + count);
      }
      return count;
    }

    String string() throws IOException {
      byte[] s = new byte[count(1, "string bytes")];
      data.readFully(s);
      return new String(s, StandardCharsets.UTF_8);
    }

    double[] values(int n, Precision precision) throws IOException {
      if ((long) n * width(precision) > bytes.available()) {
        throw new EOFException();
      }
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = precision == Precision.DOUBLE ? data.readDouble() : data.readFloat();
      }
      return values;
    }

    void requireEnd() {
      if (bytes.available() != 0) {
        throw new CheckpointException(
            file,
            "checkpoint " + file + " is not consistent: expected its checksum after the last epoch record, found "
                + bytes.available() + " more bytes");
      }
    }
  }
}
