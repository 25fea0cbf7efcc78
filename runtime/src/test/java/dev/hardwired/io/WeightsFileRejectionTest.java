package dev.hardwired.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a file can be wrong, each rejected with the file, the line and what was expected against what was
 * found, and the network left as it was. The valid file these start from is {@link Fixtures#XOR_FILE}:
 * header on lines 1 to 7, values on lines 10, 12, 14, 17 and 19, the checksum on line 20.
 */
class WeightsFileRejectionTest {
  @TempDir Path folder;

  private Path file;

  @BeforeEach
  void name() {
    file = folder.resolve("bad.weights");
  }

  /** Loads {@code text} into a 2-2-1 network, which must stay unchanged, and returns the exception. */
  private WeightsFileException rejected(String text) throws IOException {
    return rejected(text.getBytes(StandardCharsets.UTF_8));
  }

  private WeightsFileException rejected(byte[] bytes) throws IOException {
    Files.write(file, bytes);
    ReferenceNetwork net = ReferenceNetwork.seeded(Fixtures.XOR, 11);
    double[] before = net.parameters();
    WeightsFileException e = assertThrows(WeightsFileException.class, () -> WeightsFile.load(file, net));
    assertArrayEquals(before, net.parameters(), "the network is unchanged");
    FloatNet floatNet = FloatNet.seeded(Fixtures.XOR, 11);
    float[] floatBefore = floatNet.parameters();
    assertThrows(WeightsFileException.class, () -> WeightsFile.load(file, floatNet));
    assertArrayEquals(floatBefore, floatNet.parameters(), "the float network is unchanged");
    assertEquals(file.toString(), e.file());
    assertTrue(e.getMessage().startsWith(file + ", line " + e.line() + ": "), e.getMessage());
    return e;
  }

  private String at(int line) {
    return file + ", line " + line + ": ";
  }

  private static String replace(String text, String from, String to) {
    assertTrue(text.contains(from), from);
    return text.replace(from, to);
  }

  // ------------------------------------------------------------------------------------------- the file

  @Test
  void aMissingFile() {
    Path missing = folder.resolve("missing.weights");
    WeightsFileException e =
        assertThrows(WeightsFileException.class, () -> WeightsFile.load(missing, Fixtures.xor()));
    assertEquals(missing + ": expected a weights file, found no file at this path", e.getMessage());
    assertEquals(0, e.line());
    assertEquals(missing.toString(), e.file());
    assertInstanceOf(NoSuchFileException.class, e.getCause());
    assertThrows(WeightsFileException.class, () -> WeightsFile.read(missing));
  }

  @Test
  void aFolder() throws IOException {
    WeightsFileException e = assertThrows(WeightsFileException.class, () -> WeightsFile.read(folder));
    assertTrue(e.getMessage().startsWith(folder + ""), e.getMessage());
    assertTrue(e.getMessage().contains("cannot"), e.getMessage());
  }

  @Test
  void anEmptyFile() throws IOException {
    WeightsFileException e = rejected("");
    assertEquals(at(1) + "expected the first line \"hardwired-weights 1\", found an empty file", e.getMessage());
    assertEquals(1, e.line());
  }

  @Test
  void notAWeightsFile() throws IOException {
    assertEquals(
        at(1) + "expected the first line \"hardwired-weights 1\", found \"inputs,hidden,outputs\": this is not a"
            + " Hardwired weights file",
        rejected("inputs,hidden,outputs\n2,2,1\n").getMessage());
    byte[] binary = new byte[100_000]; // no line end within the first line's limit
    Arrays.fill(binary, (byte) 'x');
    assertEquals(
        at(1) + "expected the first line \"hardwired-weights 1\", found a line of more than 256 bytes",
        rejected(binary).getMessage());
  }

  @Test
  void aWrongVersion() throws IOException {
    WeightsFileException e = rejected(replace(Fixtures.XOR_FILE, "hardwired-weights 1\n", "hardwired-weights 2\n"));
    assertEquals(
        at(1) + "expected format version 1 (\"hardwired-weights 1\"), found version 2 (\"hardwired-weights 2\"): this"
            + " reader reads version 1 only; a later Hardwired may read it",
        e.getMessage());
  }

  @Test
  void windowsLineEnds() throws IOException {
    assertEquals(
        at(1) + "expected a line ending in \\n alone, found \\r\\n: weights files end their lines with \\n (was the"
            + " file converted to Windows line ends?)",
        rejected(Fixtures.XOR_FILE.replace("\n", "\r\n")).getMessage());
    // the same on a value line, with the header intact
    assertEquals(
        at(10) + "expected a line ending in \\n alone, found \\r\\n: weights files end their lines with \\n (was the"
            + " file converted to Windows line ends?)",
        rejected(replace(Fixtures.XOR_FILE, "0.5 -0.25\n", "0.5 -0.25\r\n")).getMessage());
  }

  @Test
  void notUtf8() throws IOException {
    byte[] bytes = Fixtures.XOR_FILE.replace("# layer 1:", "# layer 1\u00e9:").getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(
        at(8) + "expected UTF-8 text, found bytes that are not UTF-8: \"# layer 1\ufffd: hidden, 2 neurons, LOGISTIC\"",
        rejected(bytes).getMessage());
  }

  // ----------------------------------------------------------------------------------------- truncation

  @Test
  void aTruncatedFile() throws IOException {
    String text = Fixtures.XOR_FILE;
    assertEquals(
        at(8) + "expected 2 values (parameters 0..1: ItoH weights into layer 1 neuron 0 from inputs 0..1), found the"
            + " end of the file: the file is truncated",
        rejected(text.substring(0, text.indexOf("# layer 1"))).getMessage());
    assertEquals(
        at(12) + "expected 2 values (parameters 2..3: ItoH weights into layer 1 neuron 1 from inputs 0..1), found the"
            + " end of the file in the middle of the line (after \"0.12\"): the file is truncated",
        rejected(text.substring(0, text.indexOf("0.125") + 4)).getMessage());
    assertEquals(
        at(20) + "expected the checksum line \"checksum crc32 <8 hex digits>\", found the end of the file: the file is"
            + " truncated",
        rejected(text.substring(0, text.indexOf("checksum"))).getMessage());
    assertEquals(
        at(20) + "expected the checksum line \"checksum crc32 <8 hex digits>\", found \"checksum crc32 70e6b33f\""
            + " without a line end at the end of the file: the file is truncated",
        rejected(text.substring(0, text.length() - 1)).getMessage());
    assertEquals(
        at(5) + "expected the line \"loss <loss>\", such as \"loss SQUARED_ERROR\", found \"loss SQUA\" without a line"
            + " end at the end of the file: the file is truncated",
        rejected(text.substring(0, text.indexOf("loss") + 9)).getMessage());
  }

  @Test
  void everyTruncationIsRejected() throws IOException {
    byte[] whole = Fixtures.XOR_FILE.getBytes(StandardCharsets.UTF_8);
    for (int length = 0; length < whole.length; length++) {
      byte[] cut = Arrays.copyOf(whole, length);
      WeightsFileException e =
          assertThrows(
              WeightsFileException.class,
              () -> WeightsFile.read(new ByteArrayInputStream(cut), "cut"),
              "cut to " + length + " bytes");
      assertTrue(
          e.getMessage().endsWith("the file is truncated") || e.getMessage().contains("empty file"),
          "cut to " + length + " bytes: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------------------------------- checksum

  @Test
  void aFlippedByte() throws IOException {
    WeightsFileException e = rejected(replace(Fixtures.XOR_FILE, "0.125 1.0\n", "0.135 1.0\n"));
    assertEquals(
        at(20) + "expected \"checksum crc32 70914332\" (the CRC-32 of the 571 bytes of lines 1 to 19), found"
            + " \"checksum crc32 70e6b33f\": the file was changed or damaged after it was written",
        e.getMessage());
    assertEquals(20, e.line());
  }

  @Test
  void everyFlippedBitIsRejected() {
    byte[] whole = Fixtures.XOR_FILE.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < whole.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = whole.clone();
        flipped[i] ^= (byte) (1 << bit);
        assertThrows(
            WeightsFileException.class,
            () -> WeightsFile.read(new ByteArrayInputStream(flipped), "flipped"),
            "bit " + bit + " of byte " + i);
      }
    }
  }

  @Test
  void aMalformedChecksumLine() throws IOException {
    assertEquals(
        at(20) + "expected the checksum line \"checksum crc32 <8 hex digits>\", found \"checksum sha256 70e6b33f\"",
        rejected(replace(Fixtures.XOR_FILE, "checksum crc32", "checksum sha256")).getMessage());
    assertEquals(
        at(20) + "expected the checksum line \"checksum crc32 <8 hex digits>\", found \"checksum crc32 70E6B33F\"",
        rejected(replace(Fixtures.XOR_FILE, "70e6b33f", "70E6B33F")).getMessage());
  }

  @Test
  void moreAfterTheChecksum() throws IOException {
    assertEquals(
        at(21) + "expected the end of the file after the checksum line, found \"# a comment\"",
        rejected(Fixtures.XOR_FILE + "# a comment\n").getMessage());
    assertEquals(
        at(21) + "expected the end of the file after the checksum line, found \"\"",
        rejected(Fixtures.XOR_FILE + "\n").getMessage());
  }

  // --------------------------------------------------------------------------------------------- header

  @Test
  void aWrongTopology() throws IOException {
    Topology wider = Fixtures.topology(2, new int[] {3}, 1, Activation.LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR);
    WeightsFileException e = rejected(Fixtures.text(ReferenceNetwork.seeded(wider, 1)));
    assertEquals(at(2) + "expected layers 2-2-1 (the network's), found layers 2-3-1", e.getMessage());
    assertEquals(2, e.line());
    Topology deeper =
        Fixtures.topology(2, new int[] {2, 2}, 1, Activation.LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR);
    assertEquals(
        at(2) + "expected layers 2-2-1 (the network's), found layers 2-2-2-1",
        rejected(Fixtures.text(ReferenceNetwork.seeded(deeper, 1))).getMessage());
  }

  @Test
  void aWrongHiddenActivation() throws IOException {
    Topology tanh = Fixtures.topology(2, new int[] {2}, 1, Activation.TANH, Activation.LOGISTIC, Loss.SQUARED_ERROR);
    assertEquals(
        at(3) + "expected hidden-activations LOGISTIC (the network's), found hidden-activations TANH",
        rejected(Fixtures.text(ReferenceNetwork.seeded(tanh, 1))).getMessage());
  }

  @Test
  void aWrongOutputActivation() throws IOException {
    Topology identity = Fixtures.topology(2, new int[] {2}, 1, Activation.LOGISTIC, Activation.IDENTITY, Loss.SQUARED_ERROR);
    assertEquals(
        at(4) + "expected output-activation LOGISTIC (the network's), found output-activation IDENTITY",
        rejected(Fixtures.text(ReferenceNetwork.seeded(identity, 1))).getMessage());
  }

  @Test
  void aWrongLoss() throws IOException {
    Topology crossEntropy =
        Fixtures.topology(2, new int[] {2}, 1, Activation.LOGISTIC, Activation.LOGISTIC, Loss.CROSS_ENTROPY);
    assertEquals(
        at(5) + "expected loss SQUARED_ERROR (the network's), found loss CROSS_ENTROPY",
        rejected(Fixtures.text(ReferenceNetwork.seeded(crossEntropy, 1))).getMessage());
  }

  @Test
  void aWrongPrecision() throws IOException {
    Path floatFile = folder.resolve("float.weights");
    WeightsFile.save(Fixtures.floatXor(), floatFile);
    ReferenceNetwork net = ReferenceNetwork.seeded(Fixtures.XOR, 11);
    double[] before = net.parameters();
    WeightsFileException e = assertThrows(WeightsFileException.class, () -> WeightsFile.load(floatFile, net));
    assertEquals(
        floatFile + ", line 6: expected precision DOUBLE (the network's), found precision FLOAT: a weights file loads"
            + " only into a network of its own precision (to convert, read it with WeightsFile.read and pass its"
            + " values to setParameters)",
        e.getMessage());
    assertArrayEquals(before, net.parameters());

    Path doubleFile = folder.resolve("double.weights");
    WeightsFile.save(Fixtures.xor(), doubleFile);
    FloatNet floatNet = FloatNet.seeded(Fixtures.XOR, 11);
    float[] floatBefore = floatNet.parameters();
    e = assertThrows(WeightsFileException.class, () -> WeightsFile.load(doubleFile, floatNet));
    assertEquals(
        doubleFile + ", line 6: expected precision FLOAT (the network's), found precision DOUBLE: a weights file loads"
            + " only into a network of its own precision (to convert, read it with WeightsFile.read and pass its"
            + " values to setParameters)",
        e.getMessage());
    assertArrayEquals(floatBefore, floatNet.parameters());
  }

  @Test
  void aWrongParameterCount() throws IOException {
    WeightsFileException e = rejected(replace(Fixtures.XOR_FILE, "parameters 9\n", "parameters 10\n"));
    assertEquals(
        at(7) + "expected \"parameters 9\" (the number of weights and biases of 2-2-1), found \"parameters 10\"",
        e.getMessage());
    assertEquals(7, e.line());
  }

  @Test
  void headerLinesOutOfOrderOrMissing() throws IOException {
    assertEquals(
        at(2) + "expected the line \"layers <sizes from the inputs to the outputs, joined by dashes>\", such as"
            + " \"layers 2-2-1\", found \"hidden-activations LOGISTIC\"",
        rejected(replace(Fixtures.XOR_FILE, "layers 2-2-1\n", "")).getMessage());
    assertEquals(
        at(6) + "expected \"precision DOUBLE\" or \"precision FLOAT\", found \"precision HALF\"",
        rejected(replace(Fixtures.XOR_FILE, "precision DOUBLE", "precision HALF")).getMessage());
  }

  @Test
  void headerValuesThatDescribeNoNetwork() throws IOException {
    assertEquals(
        at(2) + "expected layer sizes of at least 1 from the inputs to the outputs, joined by dashes (such as"
            + " \"layers 2-2-1\"), found \"layers 2-0-1\"",
        rejected(replace(Fixtures.XOR_FILE, "layers 2-2-1", "layers 2-0-1")).getMessage());
    assertEquals(
        at(2) + "expected layer sizes of at least 1 from the inputs to the outputs, joined by dashes (such as"
            + " \"layers 2-2-1\"), found \"layers 2\"",
        rejected(replace(Fixtures.XOR_FILE, "layers 2-2-1", "layers 2")).getMessage());
    assertEquals(
        at(2) + "expected at most 2147483639 parameters, the most one Java array holds, found \"layers"
            + " 100000-100000-1\", which needs more",
        rejected(replace(Fixtures.XOR_FILE, "layers 2-2-1", "layers 100000-100000-1")).getMessage());
    assertEquals(
        at(3) + "expected 1 hidden activation (one per hidden layer of 2-2-1), found 2: \"hidden-activations LOGISTIC"
            + " TANH\"",
        rejected(replace(Fixtures.XOR_FILE, "hidden-activations LOGISTIC", "hidden-activations LOGISTIC TANH"))
            .getMessage());
    assertEquals(
        at(3) + "expected a hidden activation (LOGISTIC, TANH, RELU, LEAKY_RELU, IDENTITY, ELU, SELU, SOFTPLUS, SILU, GELU, GELU_TANH, SOFTMAX"
            + " or STEP), found"
            + " \"SIGMOID\"",
        rejected(replace(Fixtures.XOR_FILE, "hidden-activations LOGISTIC", "hidden-activations SIGMOID")).getMessage());
    assertEquals(
        at(3) + "expected a hidden activation (LOGISTIC, TANH, RELU, LEAKY_RELU, IDENTITY, ELU, SELU, SOFTPLUS, SILU,"
            + " GELU or GELU_TANH) for hidden layer 1, found"
            + " SOFTMAX, which is for the output layer only",
        rejected(replace(Fixtures.XOR_FILE, "hidden-activations LOGISTIC", "hidden-activations SOFTMAX")).getMessage());
    assertEquals(
        at(4) + "expected an activation (LOGISTIC, TANH, RELU, LEAKY_RELU, IDENTITY, ELU, SELU, SOFTPLUS, SILU, GELU, GELU_TANH, SOFTMAX"
            + " or STEP), found"
            + " \"logistic\"",
        rejected(replace(Fixtures.XOR_FILE, "output-activation LOGISTIC", "output-activation logistic")).getMessage());
    assertEquals(
        at(5) + "expected a loss (SQUARED_ERROR, CROSS_ENTROPY, SOFTMAX_CROSS_ENTROPY or PERCEPTRON), found \"MSE\"",
        rejected(replace(Fixtures.XOR_FILE, "loss SQUARED_ERROR", "loss MSE")).getMessage());
    assertEquals(
        at(5) + "expected a header that describes a network, found \"loss SOFTMAX_CROSS_ENTROPY\", which makes none"
            + " with the lines above: SOFTMAX_CROSS_ENTROPY cannot follow a LOGISTIC output layer; it needs SOFTMAX",
        rejected(replace(Fixtures.XOR_FILE, "loss SQUARED_ERROR", "loss SOFTMAX_CROSS_ENTROPY")).getMessage());
  }

  @Test
  void aHeaderAnnouncingTwoBillionParametersCostsMemoryOnlyForTheValuesInTheFile() {
    // Found by WeightsFuzzTest: the reader allocated every announced value before reading one (16 GB here,
    // an OutOfMemoryError from a 200-byte file).
    String text = "hardwired-weights 1\nlayers 46340-46340\nhidden-activations\noutput-activation IDENTITY\n"
        + "loss SQUARED_ERROR\nprecision DOUBLE\nparameters 2147441940\n0.5 0.25\n";
    WeightsFileException e = assertThrows(WeightsFileException.class,
        () -> WeightsFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "huge.weights"));
    assertEquals("huge.weights, line 8: expected 46340 values (parameters 0..46339: ItoO weights into layer 1 neuron 0"
        + " from inputs 0..46339), found 2 values on the line", e.getMessage());
    String floats = text.replace("precision DOUBLE", "precision FLOAT").replace("0.5 0.25\n", "");
    e = assertThrows(WeightsFileException.class,
        () -> WeightsFile.read(new ByteArrayInputStream(floats.getBytes(StandardCharsets.UTF_8)), "huge.weights"));
    assertEquals("huge.weights, line 8: expected 46340 values (parameters 0..46339: ItoO weights into layer 1 neuron 0"
        + " from inputs 0..46339), found the end of the file: the file is truncated", e.getMessage());
  }

  @Test
  void valuesBeyondTheFirstCapacityAreAllKept() throws IOException {
    // 3 × 5000 + 5000 values: the arrays grow several times while reading.
    Topology wide = Topology.of(3, new int[0], 5000, new Activation[0], Activation.IDENTITY, Loss.SQUARED_ERROR);
    ReferenceNetwork net = ReferenceNetwork.seeded(wide, 3);
    FloatNet floatNet = FloatNet.seeded(wide, 3);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WeightsFile.write(net, out);
    assertArrayEquals(net.parameters(), WeightsFile.read(new ByteArrayInputStream(out.toByteArray()), "wide").values());
    out.reset();
    WeightsFile.write(floatNet, out);
    float[] expected = new float[wide.parameterCount()];
    floatNet.getParameters(expected);
    double[] values = WeightsFile.read(new ByteArrayInputStream(out.toByteArray()), "wide").values();
    assertEquals(expected.length, values.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], (float) values[i]);
    }
  }

  // --------------------------------------------------------------------------------------------- values

  @Test
  void aValueThatIsNotANumber() throws IOException {
    WeightsFileException e = rejected(replace(Fixtures.XOR_FILE, "0.125 1.0\n", "abc 1.0\n"));
    assertEquals(
        at(12) + "value 1 of the line (parameter 2, weight into layer 1 neuron 1 from input 0 (ItoH)): expected a"
            + " finite double, found \"abc\"",
        e.getMessage());
    assertEquals(12, e.line());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "0x1p3", "1d", "1f", "+1", "1.", ".5", "1e", "1,5", "1_000", "--1"})
  void valuesThatAreNotFiniteDecimals(String value) throws IOException {
    assertEquals(
        at(17) + "value 2 of the line (parameter 7, weight into layer 2 neuron 0 from node 1 (HtoO)): expected a"
            + " finite double, found \"" + value + "\"",
        rejected(replace(Fixtures.XOR_FILE, "0.75 -2.0\n", "0.75 " + value + "\n")).getMessage());
  }

  @Test
  void valuesBeyondTheRange() throws IOException {
    assertEquals(
        at(19) + "value 1 of the line (parameter 8, bias of layer 2 neuron 0 (output)): expected a finite double, found"
            + " \"1e400\", which is beyond the range of double",
        rejected(replace(Fixtures.XOR_FILE, "\n0.25\n", "\n1e400\n")).getMessage());
    String floats = Fixtures.text(Fixtures.floatXor());
    Path floatFile = folder.resolve("float.weights");
    Files.write(floatFile, replace(floats, "\n0.25\n", "\n1e39\n").getBytes(StandardCharsets.UTF_8));
    WeightsFileException e =
        assertThrows(WeightsFileException.class, () -> WeightsFile.load(floatFile, Fixtures.floatXor()));
    assertEquals(
        floatFile + ", line 19: value 1 of the line (parameter 8, bias of layer 2 neuron 0 (output)): expected a finite"
            + " float, found \"1e39\", which is beyond the range of float",
        e.getMessage());
  }

  @Test
  void plainDecimalsAreNumbersToo() throws IOException {
    // Hand-written values in the usual forms read as what they say; the checksum must still be right.
    String text = Fixtures.withChecksum(replace(Fixtures.XOR_FILE, "0.75 -2.0\n", "75e-2 -2\n"));
    Weights weights = WeightsFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "edited");
    assertEquals(0.75, weights.value(6));
    assertEquals(-2.0, weights.value(7));
  }

  @Test
  void theWrongNumberOfValuesOnALine() throws IOException {
    assertEquals(
        at(12) + "expected 2 values (parameters 2..3: ItoH weights into layer 1 neuron 1 from inputs 0..1), found 1"
            + " value on the line",
        rejected(replace(Fixtures.XOR_FILE, "0.125 1.0\n", "0.125\n")).getMessage());
    assertEquals(
        at(12) + "expected 2 values (parameters 2..3: ItoH weights into layer 1 neuron 1 from inputs 0..1), found more"
            + " values on the line",
        rejected(replace(Fixtures.XOR_FILE, "0.125 1.0\n", "0.125 1.0 2.0\n")).getMessage());
    assertEquals(
        at(12) + "value 2 of the line (parameter 3, weight into layer 1 neuron 1 from input 1 (ItoH)): expected a finite"
            + " double, found nothing: values are separated by one space, with none at the start or the end of the line",
        rejected(replace(Fixtures.XOR_FILE, "0.125 1.0\n", "0.125  1.0\n")).getMessage());
  }

  @Test
  void tooFewOrTooManyValues() throws IOException {
    assertEquals(
        at(15) + "expected 2 values (parameters 6..7: HtoO weights into layer 2 neuron 0 from nodes 0..1 of layer 1),"
            + " found the checksum line: the file holds 6 of the 9 parameter values that its header announces",
        rejected(Fixtures.withChecksum(Fixtures.XOR_FILE.substring(0, Fixtures.XOR_FILE.indexOf("# layer 2")) + "x\n"))
            .getMessage());
    assertEquals(
        at(20) + "expected the checksum line \"checksum crc32 <8 hex digits>\" after the 9 parameter values, found"
            + " \"0.5\": the file holds more values or lines than its header announces",
        rejected(replace(Fixtures.XOR_FILE, "\n0.25\n", "\n0.25\n0.5\n")).getMessage());
  }

  @Test
  void commentsAndBlankLinesMayBeAddedAnywhereBeforeTheChecksum() throws IOException {
    String text =
        Fixtures.withChecksum(
            replace(
                replace(Fixtures.XOR_FILE, "layers 2-2-1\n", "# trained on XOR, 2000 epochs\n\nlayers 2-2-1\n"),
                "0.25\n",
                "0.25\n# the end\n\n"));
    ReferenceNetwork net = new ReferenceNetwork(Fixtures.XOR);
    WeightsFile.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "annotated", net);
    assertArrayEquals(Fixtures.XOR_PARAMETERS, net.parameters());
  }

  @Test
  void aStreamThatFails() {
    InputStream failing =
        new InputStream() {
          private int read;

          @Override
          public int read() throws IOException {
            if (read == 40) {
              throw new IOException("disk on fire");
            }
            return Fixtures.XOR_FILE.charAt(read++);
          }
        };
    WeightsFileException e =
        assertThrows(WeightsFileException.class, () -> WeightsFile.read(failing, "failing stream"));
    assertEquals("failing stream, line 3: cannot read the file: java.io.IOException: disk on fire", e.getMessage());
    assertEquals(3, e.line());
  }
}
