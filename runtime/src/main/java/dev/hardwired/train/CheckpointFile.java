package dev.hardwired.train;

import dev.hardwired.Precision;
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
 * The file of a {@link Checkpoint}, written and read. The format is in {@code docs/checkpoints.md}:
 * big-endian binary, after a magic line and a version, a header of named text entries, the state of the run,
 * and a CRC-32 of every byte before it.
 */
final class CheckpointFile {
  private CheckpointFile() {}

  /** The first bytes of every checkpoint file: this text and a line feed. */
  static final String MAGIC = "hardwired-checkpoint";

  /** The format version written, and the only one read. */
  static final int VERSION = 1;

  private static final byte[] MAGIC_LINE = (MAGIC + "\n").getBytes(StandardCharsets.US_ASCII);

  /**
   * Writes {@code c} to {@code file} atomically: the file holds the previous checkpoint or this one,
   * whole, never a part.
   *
   * @throws CheckpointException when the file cannot be written; the previous one is then intact
   */
  static void write(Checkpoint c, Path file, Precision precision) {
    try {
      AtomicFile.write(file, out -> writeTo(c, out, precision));
    } catch (IOException | RuntimeException e) {
      throw new CheckpointException(file, "cannot write checkpoint " + file + ": " + e, e);
    }
  }

  private static void writeTo(Checkpoint c, OutputStream out, Precision precision) throws IOException {
    CRC32 crc = new CRC32();
    DataOutputStream data = new DataOutputStream(new CheckedOutputStream(out, crc));
    data.write(MAGIC_LINE);
    data.writeInt(VERSION);
    data.writeInt(c.header.size());
    for (Map.Entry<String, String> entry : c.header.entrySet()) {
      writeString(data, entry.getKey());
      writeString(data, entry.getValue());
    }
    writeString(data, c.stopReason == null ? "" : c.stopReason.name());
    data.writeInt(c.finalBestEpoch);
    data.writeInt(c.epoch);
    data.writeLong(c.steps);
    data.writeLong(c.draws);
    data.writeInt(c.order.length);
    for (int i : c.order) {
      data.writeInt(i);
    }
    data.writeDouble(c.seconds);
    data.writeDouble(c.bestLoss);
    data.writeInt(c.bestEpoch);
    data.writeInt(c.sinceBest);
    writeValues(data, c.parameters, precision);
    data.writeBoolean(c.bestParameters != null);
    if (c.bestParameters != null) {
      writeValues(data, c.bestParameters, precision);
    }
    data.writeLong(c.optimizerSteps);
    data.writeInt(c.moments.length);
    for (double[] moment : c.moments) {
      writeValues(data, moment, precision);
    }
    data.writeInt(c.records.size());
    for (EpochRecord r : c.records) {
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
          "checkpoint " + file + " is damaged: expected the CRC-32 its last 4 bytes record, " + Checkpoint.hex(recorded & 0xFFFFFFFFL)
              + ", found " + Checkpoint.hex(crc.getValue()) + " over its " + (bytes.length - 4) + " bytes before them (it was"
              + " cut short or changed)");
    }
    Reader in = new Reader(file, bytes, MAGIC_LINE.length + 4, bytes.length - 4);
    try {
      Map<String, String> header = new LinkedHashMap<>();
      int entries = in.count(8, "header entries");
      for (int i = 0; i < entries; i++) {
        header.put(in.string(), in.string());
      }
      Checkpoint.requireMatch(file, expected, header);
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
