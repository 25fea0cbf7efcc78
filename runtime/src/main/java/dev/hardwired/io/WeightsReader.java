package dev.hardwired.io;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Reads one weights file of version 1 from a stream, byte by byte, checking everything as it goes: see
 * docs/weights-file.md. The CRC-32 is kept of every byte before the checksum line; nothing larger than one
 * header line or one number is ever held, besides the values themselves.
 */
final class WeightsReader {
  /** Longer first lines are not a weights file. */
  private static final int MAGIC_LINE_LIMIT = 256;
  /** Header lines, comments and the checksum line: 999 hidden activations take about 11,000 bytes. */
  private static final int LINE_LIMIT = 1 << 20;
  /** Double.toString needs at most 24 characters; hand-written numbers may take more. */
  private static final int NUMBER_LIMIT = 400;
  /** Values held before the first growth of the arrays: they grow with the values found, not the count announced. */
  private static final int FIRST_CAPACITY = 1 << 12;

  private final InputStream in;
  private final String source;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  /** Start of the buffered bytes not yet added to the CRC. */
  private int checksummed;
  private final CRC32 crc = new CRC32();
  private long bytesBefore;
  /** The line being read, counting from 1. */
  private int line;
  private byte[] lineBytes = new byte[256];
  // The values read so far; exactly one is set, by precision.
  private double[] doubles;
  private float[] floats;

  private WeightsReader(InputStream in, String source) {
    this.in = in;
    this.source = source;
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
      throw new WeightsFileException(source, reader.line, "cannot read the file: " + e, e);
    }
  }

  private Weights readFile(Topology expected, Precision expectedPrecision, String whose) throws IOException {
    Header header = readHeader();
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

  // ---------------------------------------------------------------------------------------------- header

  private Header readHeader() throws IOException {
    line = 1;
    String expectedMagic = WeightsFile.MAGIC + " " + WeightsFile.VERSION;
    if (peek() < 0) {
      throw error("expected the first line \"" + expectedMagic + "\", found an empty file");
    }
    String magic = readRestOfLine(MAGIC_LINE_LIMIT, "the first line \"" + expectedMagic + "\"");
    if (!magic.equals(expectedMagic)) {
      String prefix = WeightsFile.MAGIC + " ";
      if (magic.startsWith(prefix) && isNatural(magic.substring(prefix.length()))) {
        throw error(
            "expected format version " + WeightsFile.VERSION + " (\"" + expectedMagic + "\"), found version "
                + magic.substring(prefix.length()) + " (" + quote(magic) + "): this reader reads version "
                + WeightsFile.VERSION + " only; a later Hardwired may read it");
      }
      throw error(
          "expected the first line \"" + expectedMagic + "\", found " + quote(magic)
              + ": this is not a Hardwired weights file");
    }

    String layers = field("layers", "\"layers <sizes from the inputs to the outputs, joined by dashes>\", such as \"layers 2-2-1\"");
    int layersLine = line;
    int[] sizes = parseSizes(layers);

    String hidden = field("hidden-activations", "\"hidden-activations\" and one activation per hidden layer");
    int hiddenLine = line;
    Activation[] hiddenActivations = parseHiddenActivations(hidden, sizes);

    String output = field("output-activation", "\"output-activation <activation>\", such as \"output-activation LOGISTIC\"");
    int outputLine = line;
    Activation outputActivation = parseActivation(output, "an activation");

    String lossName = field("loss", "\"loss <loss>\", such as \"loss SQUARED_ERROR\"");
    int lossLine = line;
    Loss loss = parseLoss(lossName);
    Topology topology;
    try {
      topology =
          Topology.of(
              sizes[0],
              Arrays.copyOfRange(sizes, 1, sizes.length - 1),
              sizes[sizes.length - 1],
              hiddenActivations,
              outputActivation,
              loss);
    } catch (IllegalArgumentException e) {
      throw error(
          "expected a header that describes a network, found \"loss " + lossName
              + "\", which makes none with the lines above: " + e.getMessage());
    }

    String precisionName =
        field("precision", "\"precision DOUBLE\" or \"precision FLOAT\"");
    int precisionLine = line;
    Precision precision;
    if (precisionName.equals("DOUBLE")) {
      precision = Precision.DOUBLE;
    } else if (precisionName.equals("FLOAT")) {
      precision = Precision.FLOAT;
    } else {
      throw error("expected \"precision DOUBLE\" or \"precision FLOAT\", found " + quote("precision " + precisionName));
    }

    String parameters =
        field("parameters", "\"parameters " + topology.parameterCount() + "\", the number of parameters of " + topology.shape());
    if (!parameters.equals(Integer.toString(topology.parameterCount()))) {
      throw error(
          "expected \"parameters " + topology.parameterCount() + "\" (the number of weights and biases of "
              + topology.shape() + "), found " + quote("parameters " + parameters));
    }
    return new Header(
        source, WeightsFile.VERSION, topology, precision, layersLine, hiddenLine, outputLine, lossLine, precisionLine);
  }

  /** The value of the next header line, which must be {@code key}, alone or followed by a space and a value. */
  private String field(String key, String expected) throws IOException {
    String text = nextSignificantLine("the line " + expected);
    if (text.equals(key)) {
      return "";
    }
    if (!text.startsWith(key + " ")) {
      throw error("expected the line " + expected + ", found " + quote(text));
    }
    return text.substring(key.length() + 1);
  }

  private int[] parseSizes(String value) throws WeightsFileException {
    String[] parts = value.split("-", -1);
    String expected = "expected layer sizes of at least 1 from the inputs to the outputs, joined by dashes (such as"
        + " \"layers 2-2-1\"), found " + quote("layers " + value);
    if (parts.length < 2) {
      throw error(expected);
    }
    int[] sizes = new int[parts.length];
    long parameters = 0;
    for (int l = 0; l < parts.length; l++) {
      if (!isNatural(parts[l]) || parts[l].length() > 9 || Integer.parseInt(parts[l]) < 1) {
        throw error(expected);
      }
      sizes[l] = Integer.parseInt(parts[l]);
      if (l > 0) {
        parameters += ((long) sizes[l - 1] + 1) * sizes[l];
        if (parameters > Topology.MAX_PARAMETERS) {
          throw error(
              "expected at most " + Topology.MAX_PARAMETERS + " parameters, the most one Java array holds, found "
                  + quote("layers " + value) + ", which needs more");
        }
      }
    }
    return sizes;
  }

  private Activation[] parseHiddenActivations(String value, int[] sizes) throws WeightsFileException {
    int hidden = sizes.length - 2;
    String[] names = value.isEmpty() ? new String[0] : value.split(" ", -1);
    if (names.length != hidden) {
      throw error(
          "expected " + hidden + " hidden activation" + (hidden == 1 ? "" : "s") + " (one per hidden layer of "
              + join(sizes) + "), found " + names.length + ": " + quote("hidden-activations" + (value.isEmpty() ? "" : " " + value)));
    }
    Activation[] activations = new Activation[hidden];
    for (int i = 0; i < hidden; i++) {
      activations[i] = parseActivation(names[i], "a hidden activation");
      if (!activations[i].allowedInHiddenLayer()) {
        throw error(
            "expected a hidden activation (LOGISTIC, TANH, RELU, LEAKY_RELU or IDENTITY) for hidden layer " + (i + 1)
                + ", found " + names[i] + ", which is for the output layer only");
      }
    }
    return activations;
  }

  private Activation parseActivation(String name, String what) throws WeightsFileException {
    for (Activation a : Activation.values()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    throw error("expected " + what + " (" + names(Activation.values()) + "), found " + quote(name));
  }

  private Loss parseLoss(String name) throws WeightsFileException {
    for (Loss loss : Loss.values()) {
      if (loss.name().equals(name)) {
        return loss;
      }
    }
    throw error("expected a loss (" + names(Loss.values()) + "), found " + quote(name));
  }

  // ---------------------------------------------------------------------------------------------- values

  /** Reads the next value line: {@code count} numbers for the parameters from {@code first} on. */
  private void readValues(Topology topology, int first, int count) throws IOException {
    String what = describe(topology, first, count);
    String type = doubles != null ? "double" : "float";
    while (true) {
      line++;
      int b = peek();
      if (b < 0) {
        throw error("expected " + what + ", found the end of the file: the file is truncated");
      }
      if (b != '#' && b != '\n') {
        break;
      }
      readRestOfLine(LINE_LIMIT, "a comment");
    }
    for (int k = 0; k < count; k++) {
      String token = readToken();
      int separator = next();
      if (separator < 0) {
        throw error(
            "expected " + what + ", found the end of the file in the middle of the line (after " + quote(token)
                + "): the file is truncated");
      }
      if (k == 0 && token.equals("checksum")) {
        throw error(
            "expected " + what + ", found the checksum line: the file holds " + first + " of the "
                + topology.parameterCount() + " parameter values that its header announces");
      }
      if (separator == '\n' && token.endsWith("\r")) {
        throw carriageReturn();
      }
      int index = first + k;
      makeRoom(index, topology.parameterCount());
      String at =
          "value " + (k + 1) + " of the line (parameter " + index + ", " + topology.describeParameter(index) + "): ";
      if (token.isEmpty()) {
        throw error(
            at + "expected a finite " + type + ", found nothing: values are separated by one space, with none at the"
                + " start or the end of the line");
      }
      if (!isDecimal(token)) {
        throw error(at + "expected a finite " + type + ", found " + quote(token));
      }
      if (doubles != null) {
        double value = Double.parseDouble(token);
        if (Double.isInfinite(value)) {
          throw error(at + "expected a finite double, found " + quote(token) + ", which is beyond the range of double");
        }
        doubles[index] = value;
      } else {
        float value = Float.parseFloat(token);
        if (Float.isInfinite(value)) {
          throw error(at + "expected a finite float, found " + quote(token) + ", which is beyond the range of float");
        }
        floats[index] = value;
      }
      if (separator == '\n' && k < count - 1) {
        throw error("expected " + what + ", found " + (k + 1) + " value" + (k == 0 ? "" : "s") + " on the line");
      }
      if (separator == ' ' && k == count - 1) {
        throw error("expected " + what + ", found more values on the line");
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

  /** The bytes up to the next space, line end or end of the file, which is left unread. */
  private String readToken() throws IOException {
    int length = 0;
    while (true) {
      int b = peek();
      if (b < 0 || b == ' ' || b == '\n') {
        return decodeLenient(length);
      }
      if (length == NUMBER_LIMIT) {
        throw error("expected a number, found a value of more than " + NUMBER_LIMIT + " characters: "
            + quote(decodeLenient(length)));
      }
      store(length++, next());
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

  private static boolean isNatural(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // -------------------------------------------------------------------------------------------- checksum

  private void readChecksum(int count) throws IOException {
    String expected = "the checksum line \"checksum crc32 <8 hex digits>\"";
    long computed;
    while (true) {
      line++;
      computed = checksumSoFar();
      int b = peek();
      if (b < 0) {
        throw error("expected " + expected + ", found the end of the file: the file is truncated");
      }
      if (b != '#' && b != '\n') {
        break;
      }
      readRestOfLine(LINE_LIMIT, "a comment");
    }
    String text = readRestOfLine(LINE_LIMIT, expected);
    String computedText = String.format(Locale.ROOT, "%08x", computed);
    if (!text.startsWith("checksum ")) {
      throw error(
          "expected " + expected + " after the " + count + " parameter values, found " + quote(text)
              + ": the file holds more values or lines than its header announces");
    }
    String[] parts = text.split(" ", -1);
    if (parts.length != 3 || !parts[1].equals("crc32") || !parts[2].matches("[0-9a-f]{8}")) {
      throw error("expected " + expected + ", found " + quote(text));
    }
    if (!parts[2].equals(computedText)) {
      throw error(
          "expected \"checksum crc32 " + computedText + "\" (the CRC-32 of the " + bytesBefore + " bytes of lines 1 to "
              + (line - 1) + "), found " + quote(text) + ": the file was changed or damaged after it was written");
    }
    line++;
    if (peek() >= 0) {
      int length = 0;
      while (length < 60 && peek() >= 0 && peek() != '\n') {
        store(length++, next());
      }
      throw error("expected the end of the file after the checksum line, found " + quote(decodeLenient(length)));
    }
  }

  /** The CRC-32 of every byte before the read position. */
  private long checksumSoFar() {
    crc.update(buffer, checksummed, position - checksummed);
    bytesBefore += position - checksummed;
    checksummed = position;
    return crc.getValue();
  }

  // ---------------------------------------------------------------------------------------------- lines

  /** The next header line that is neither a comment nor empty. */
  private String nextSignificantLine(String expected) throws IOException {
    while (true) {
      line++;
      if (peek() < 0) {
        throw error("expected " + expected + ", found the end of the file: the file is truncated");
      }
      String text = readRestOfLine(LINE_LIMIT, expected);
      if (!text.isEmpty() && !text.startsWith("#")) {
        return text;
      }
    }
  }

  /** The rest of the current line, without its {@code \n}, as strict UTF-8. */
  private String readRestOfLine(int maxBytes, String expected) throws IOException {
    int length = 0;
    while (true) {
      int b = next();
      if (b < 0) {
        throw error(
            "expected " + expected + ", found " + quote(decodeLenient(length))
                + " without a line end at the end of the file: the file is truncated");
      }
      if (b == '\n') {
        break;
      }
      if (length == maxBytes) {
        throw error("expected " + expected + ", found a line of more than " + maxBytes + " bytes");
      }
      store(length++, b);
    }
    if (length > 0 && lineBytes[length - 1] == '\r') {
      throw carriageReturn();
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(lineBytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw error("expected UTF-8 text, found bytes that are not UTF-8: " + quote(decodeLenient(length)));
    }
  }

  private WeightsFileException carriageReturn() {
    return error(
        "expected a line ending in \\n alone, found \\r\\n: weights files end their lines with \\n (was the file"
            + " converted to Windows line ends?)");
  }

  private void store(int index, int b) {
    if (index == lineBytes.length) {
      lineBytes = Arrays.copyOf(lineBytes, lineBytes.length * 2);
    }
    lineBytes[index] = (byte) b;
  }

  private String decodeLenient(int length) {
    return new String(lineBytes, 0, length, StandardCharsets.UTF_8);
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position] & 0xff;
  }

  private int next() throws IOException {
    int b = peek();
    if (b >= 0) {
      position++;
    }
    return b;
  }

  private boolean fill() throws IOException {
    checksumSoFar();
    position = 0;
    limit = 0;
    checksummed = 0;
    int n;
    do {
      n = in.read(buffer);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    limit = n;
    return true;
  }

  // ---------------------------------------------------------------------------------------------- words

  private WeightsFileException error(String detail) {
    return new WeightsFileException(source, line, detail);
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

  private static String join(int[] sizes) {
    StringBuilder s = new StringBuilder();
    for (int l = 0; l < sizes.length; l++) {
      s.append(l == 0 ? "" : "-").append(sizes[l]);
    }
    return s.toString();
  }

  private static String names(Enum<?>[] values) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : i == values.length - 1 ? " or " : ", ").append(values[i].name());
    }
    return s.toString();
  }
}
