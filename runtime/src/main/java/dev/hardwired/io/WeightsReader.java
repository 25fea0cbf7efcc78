package dev.hardwired.io;

import dev.hardwired.Precision;
import dev.hardwired.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads one weights file of version 1 from a stream, checking everything as it goes: see
 * docs/weights-file.md. {@link HeaderReader} reads the header, this class the values and the checksum, both
 * through one {@link WeightsLines}, which keeps the CRC-32 of every byte; besides the values, nothing larger
 * than one line or one number is held.
 */
final class WeightsReader {
  /** Values held before the first growth of the arrays: they grow with the values found, not the count announced. */
  private static final int FIRST_CAPACITY = 1 << 12;

  private final WeightsLines lines;
  // The values read so far; exactly one is set, by precision.
  private double[] doubles;
  private float[] floats;

  private WeightsReader(InputStream in, String source) {
    this.lines = new WeightsLines(in, source);
  }

  /**
   * Reads a whole file.
   *
   * @param expected the topology to hold the header to as soon as it is read, or null for none
   * @param whose how a mismatch names {@code expected}
   */
  static Weights read(InputStream in, String source, Topology expected, Precision expectedPrecision, String whose)
      throws WeightsFileException {
    WeightsReader reader = new WeightsReader(in, source);
    try {
      return reader.readFile(expected, expectedPrecision, whose);
    } catch (WeightsFileException e) {
      throw e;
    } catch (IOException e) {
      throw new WeightsFileException(source, reader.lines.line, "cannot read the file: " + e, e);
    }
  }

  private Weights readFile(Topology expected, Precision expectedPrecision, String whose) throws IOException {
    Header header = new HeaderReader(lines).read();
    if (expected != null) {
      header.requireMatches(expected, expectedPrecision, whose);
    }
    Topology topology = header.topology;
    int count = topology.parameterCount();
    // A header may announce two billion parameters in a few bytes: memory follows the values actually read.
    if (header.precision == Precision.DOUBLE) {
      doubles = new double[Math.min(count, FIRST_CAPACITY)];
    } else {
      floats = new float[Math.min(count, FIRST_CAPACITY)];
    }
    for (int l = 1; l <= topology.layerCount(); l++) {
      int fanIn = topology.size(l - 1);
      for (int j = 0; j < topology.size(l); j++) {
        readValues(topology, topology.weightOffset(l) + j * fanIn, fanIn);
      }
      readValues(topology, topology.biasOffset(l), topology.size(l));
    }
    readChecksum(count);
    return new Weights(header, doubles, floats);
  }

  /** Reads the next value line: {@code count} numbers for the parameters from {@code first} on. */
  private void readValues(Topology topology, int first, int count) throws IOException {
    String what = describe(topology, first, count);
    String type = doubles != null ? "double" : "float";
    while (true) {
      lines.line++;
      int b = lines.peek();
      if (b < 0) {
        throw lines.error("expected " + what + ", found the end of the file: the file is truncated");
      }
      if (b != '#' && b != '\n') {
        break;
      }
      lines.readRestOfLine(WeightsLines.LINE_LIMIT, "a comment");
    }
    for (int k = 0; k < count; k++) {
      String token = lines.readToken();
      int separator = lines.next();
      if (separator < 0) {
        throw lines.error(
            "expected " + what + ", found the end of the file in the middle of the line (after " + quote(token)
                + "): the file is truncated");
      }
      if (k == 0 && token.equals("checksum")) {
        throw lines.error(
            "expected " + what + ", found the checksum line: the file holds " + first + " of the "
                + topology.parameterCount() + " parameter values that its header announces");
      }
      if (separator == '\n' && token.endsWith("\r")) {
        throw lines.carriageReturn();
      }
      int index = first + k;
      makeRoom(index, topology.parameterCount());
      String at =
          "value " + (k + 1) + " of the line (parameter " + index + ", " + topology.describeParameter(index) + "): ";
      if (token.isEmpty()) {
        throw lines.error(
            at + "expected a finite " + type + ", found nothing: values are separated by one space, with none at the"
                + " start or the end of the line");
      }
      if (!isDecimal(token)) {
        throw lines.error(at + "expected a finite " + type + ", found " + quote(token));
      }
      if (doubles != null) {
        double value = Double.parseDouble(token);
        if (Double.isInfinite(value)) {
          throw lines.error(at + "expected a finite double, found " + quote(token) + ", which is beyond the range of double");
        }
        doubles[index] = value;
      } else {
        float value = Float.parseFloat(token);
        if (Float.isInfinite(value)) {
          throw lines.error(at + "expected a finite float, found " + quote(token) + ", which is beyond the range of float");
        }
        floats[index] = value;
      }
      if (separator == '\n' && k < count - 1) {
        throw lines.error("expected " + what + ", found " + (k + 1) + " value" + (k == 0 ? "" : "s") + " on the line");
      }
      if (separator == ' ' && k == count - 1) {
        throw lines.error("expected " + what + ", found more values on the line");
      }
    }
  }

  /** Grows the array of values, by half at least and to {@code count} at most, so that it holds {@code index}. */
  private void makeRoom(int index, int count) {
    int capacity = doubles != null ? doubles.length : floats.length;
    if (index < capacity) {
      return;
    }
    int grown = (int) Math.min(count, Math.max(index + 1L, capacity + (capacity >> 1) + 1L));
    if (doubles != null) {
      doubles = Arrays.copyOf(doubles, grown);
    } else {
      floats = Arrays.copyOf(floats, grown);
    }
  }

  /** {@code -?digits(.digits)?([eE][+-]?digits)?}: what Double.toString and Float.toString write for a finite value, and plain decimals. */
  static boolean isDecimal(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    int start = i;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    if (i == start) {
      return false;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    if (i < n && (s.charAt(i) == 'E' || s.charAt(i) == 'e')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      start = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void readChecksum(int count) throws IOException {
    String expected = "the checksum line \"checksum crc32 <8 hex digits>\"";
    long computed;
    while (true) {
      lines.line++;
      computed = lines.checksumSoFar();
      int b = lines.peek();
      if (b < 0) {
        throw lines.error("expected " + expected + ", found the end of the file: the file is truncated");
      }
      if (b != '#' && b != '\n') {
        break;
      }
      lines.readRestOfLine(WeightsLines.LINE_LIMIT, "a comment");
    }
    String text = lines.readRestOfLine(WeightsLines.LINE_LIMIT, expected);
    String computedText = String.format(Locale.ROOT, "%08x", computed);
    if (!text.startsWith("checksum ")) {
      throw lines.error(
          "expected " + expected + " after the " + count + " parameter values, found " + quote(text)
              + ": the file holds more values or lines than its header announces");
    }
    String[] parts = text.split(" ", -1);
    if (parts.length != 3 || !parts[1].equals("crc32") || !parts[2].matches("[0-9a-f]{8}")) {
      throw lines.error("expected " + expected + ", found " + quote(text));
    }
    if (!parts[2].equals(computedText)) {
      throw lines.error(
          "expected \"checksum crc32 " + computedText + "\" (the CRC-32 of the " + lines.bytesBefore() + " bytes of lines 1 to "
              + (lines.line - 1) + "), found " + quote(text) + ": the file was changed or damaged after it was written");
    }
    lines.line++;
    if (lines.peek() >= 0) {
      int length = 0;
      while (length < 60 && lines.peek() >= 0 && lines.peek() != '\n') {
        lines.store(length++, lines.next());
      }
      throw lines.error("expected the end of the file after the checksum line, found " + quote(lines.decodeLenient(length)));
    }
  }

  /** What a value line holds, for messages: {@code the 2 ItoH weights into layer 1 neuron 0 (parameters 0..1)}. */
  static String describe(Topology topology, int first, int count) {
    return count + " value" + (count == 1 ? "" : "s") + " (" + WeightsWriter.comment(topology, first, count) + ")";
  }

  /** {@code s} in quotes, control characters escaped, cut after 60 characters. */
  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length() && i < 60; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        q.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        q.append(c);
      }
    }
    return q.append(s.length() > 60 ? "...\"" : "\"").toString();
  }
}
