package dev.hardwired.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Onnx}: the model's structure, field by field, read back by a decoder of the test's own; its values
 * bit for bit; what it computes, run by the test's interpreter, against {@code predict}; and saving, atomic
 * like weights files. ONNX Runtime runs the same models in the benchmarks module's tests.
 */
class OnnxTest {
  @TempDir Path folder;

  static Stream<Arguments> topologies() {
    return Stream.of(
        Arguments.of(Fixtures.XOR),
        Arguments.of(Fixtures.topology(4, new int[] {8}, 3, Activation.TANH, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY)),
        Arguments.of(Fixtures.topology(5, new int[] {7}, 2, Activation.RELU, Activation.IDENTITY, Loss.SQUARED_ERROR)),
        Arguments.of(Fixtures.topology(3, new int[] {6}, 1, Activation.LEAKY_RELU, Activation.LOGISTIC, Loss.CROSS_ENTROPY)),
        Arguments.of(Fixtures.topology(3, new int[] {4}, 2, Activation.IDENTITY, Activation.TANH, Loss.SQUARED_ERROR)),
        Arguments.of(Topology.of(6, new int[] {5, 4, 3}, 2,
            new Activation[] {Activation.TANH, Activation.LEAKY_RELU, Activation.RELU}, Activation.SOFTMAX,
            Loss.SOFTMAX_CROSS_ENTROPY)),
        Arguments.of(Topology.of(2, new int[] {}, 1, new Activation[] {}, Activation.STEP, Loss.PERCEPTRON)),
        Arguments.of(Topology.of(4, new int[] {5, 4, 3}, 2,
            new Activation[] {Activation.ELU, Activation.SELU, Activation.SILU}, Activation.SOFTPLUS,
            Loss.SQUARED_ERROR)),
        Arguments.of(Fixtures.topology(3, new int[] {4}, 2, Activation.SOFTPLUS, Activation.SELU, Loss.SQUARED_ERROR)),
        Arguments.of(Topology.of(4, new int[] {5, 3}, 2, new Activation[] {Activation.GELU, Activation.GELU_TANH},
            Activation.GELU, Loss.SQUARED_ERROR)),
        Arguments.of(Fixtures.topology(3, new int[] {4}, 1, Activation.GELU_TANH, Activation.LOGISTIC, Loss.CROSS_ENTROPY)),
        Arguments.of(Topology.of(3, new int[] {}, 1, new Activation[] {}, Activation.IDENTITY, Loss.SQUARED_ERROR)));
  }

  private static byte[] bytes(ReferenceNetwork net) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Onnx.write(net, out);
    return out.toByteArray();
  }

  private static double[][] rows(int count, int width, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[count][width];
    for (double[] row : rows) {
      for (int i = 0; i < width; i++) {
        row[i] = random.nextGaussian() * 2.0;
      }
    }
    return rows;
  }

  @Test
  void theXorModelIsLaidOutAsDocumented() throws IOException {
    ReferenceNetwork xor = Fixtures.xor();
    DecodedOnnx model = new DecodedOnnx(bytes(xor));
    assertEquals(7, model.model.number(1), "IR version");
    assertEquals("Hardwired", model.model.string(2));
    DecodedOnnx.Message opset = model.model.message(8);
    assertEquals("", opset.string(1));
    assertEquals(13, opset.number(2));
    assertEquals("ReferenceNetwork", model.graph.string(2));
    assertEquals(Arrays.asList("Gemm", "Sigmoid", "Gemm", "Sigmoid"), model.operators());

    List<DecodedOnnx.Message> nodes = model.nodes();
    assertEquals(Arrays.asList("input", "ItoH.weights", "H.biases"), nodes.get(0).strings(1));
    assertEquals(Arrays.asList("H.SpreA"), nodes.get(0).strings(2));
    assertEquals("H.Gemm", nodes.get(0).string(3));
    assertEquals("SpreA,H = input · ItoHᵀ + biases, a row per sample", nodes.get(0).string(6));
    DecodedOnnx.Message transB = nodes.get(0).message(5);
    assertEquals("transB", transB.string(1));
    assertEquals(1, transB.number(3));
    assertEquals(2, transB.number(20), "AttributeType INT");
    assertEquals(Arrays.asList("H.SpreA"), nodes.get(1).strings(1));
    assertEquals(Arrays.asList("H.SpostA"), nodes.get(1).strings(2));
    assertEquals("SpostA,H = fA(SpreA,H), fA = logistic", nodes.get(1).string(6));
    assertEquals(Arrays.asList("H.SpostA", "HtoO.weights", "O.biases"), nodes.get(2).strings(1));
    assertEquals(Arrays.asList("output"), nodes.get(3).strings(2));

    Map<String, long[]> dims = new HashMap<>();
    int[] type = new int[1];
    Map<String, double[]> values = model.initializers(dims, type);
    assertEquals(11, type[0], "DOUBLE");
    assertEquals(Arrays.asList("ItoH.weights", "H.biases", "HtoO.weights", "O.biases"),
        values.keySet().stream().collect(Collectors.toList()));
    assertArrayEquals(new long[] {2, 2}, dims.get("ItoH.weights"));
    assertArrayEquals(new long[] {2}, dims.get("H.biases"));
    assertArrayEquals(new long[] {1, 2}, dims.get("HtoO.weights"));
    double[] p = Fixtures.XOR_PARAMETERS;
    assertArrayEquals(Arrays.copyOfRange(p, 0, 4), values.get("ItoH.weights"), 0.0);
    assertArrayEquals(Arrays.copyOfRange(p, 4, 6), values.get("H.biases"), 0.0);
    assertArrayEquals(Arrays.copyOfRange(p, 6, 8), values.get("HtoO.weights"), 0.0);
    assertArrayEquals(Arrays.copyOfRange(p, 8, 9), values.get("O.biases"), 0.0);

    DecodedOnnx.Message input = model.graph.messages(11).get(0);
    assertEquals("input", input.string(1));
    DecodedOnnx.Message tensorType = input.message(2).message(1);
    assertEquals(11, tensorType.number(1));
    List<DecodedOnnx.Message> shape = tensorType.message(2).messages(1);
    assertEquals("batch", shape.get(0).string(2));
    assertEquals(2, shape.get(1).number(1));
    DecodedOnnx.Message output = model.graph.messages(12).get(0);
    assertEquals("output", output.string(1));
    assertEquals(1, output.message(2).message(1).message(2).messages(1).get(1).number(1));

    List<DecodedOnnx.Message> metadata = model.model.messages(14);
    assertEquals("hardwired.topology", metadata.get(0).string(1));
    assertEquals(Fixtures.XOR.toString(), metadata.get(0).string(2));
    assertEquals("hardwired.loss", metadata.get(1).string(1));
    assertEquals("SQUARED_ERROR", metadata.get(1).string(2));
    assertEquals("DOUBLE", metadata.get(2).string(2));
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void theModelComputesWhatPredictComputes(Topology topology) throws IOException {
    ReferenceNetwork net = ReferenceNetwork.seeded(topology, 11);
    double[][] rows = rows(40, topology.inputs(), 5);
    double[][] run = new DecodedOnnx(bytes(net)).run(rows);
    for (int r = 0; r < rows.length; r++) {
      double[] expected = net.predict(rows[r]);
      for (int k = 0; k < expected.length; k++) {
        assertEquals(expected[k], run[r][k], 1e-12 * Math.max(1.0, Math.abs(expected[k])),
            topology + ", row " + r + ", output " + k);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void everyParameterIsInTheModelBitForBit(Topology topology) throws IOException {
    ReferenceNetwork net = ReferenceNetwork.seeded(topology, 3);
    Map<String, double[]> values = new DecodedOnnx(bytes(net)).initializers(new HashMap<>(), new int[1]);
    double[] flat = values.entrySet().stream()
        .filter(e -> e.getKey().endsWith(".weights") || e.getKey().endsWith(".biases"))
        .flatMapToDouble(e -> Arrays.stream(e.getValue()))
        .toArray();
    assertArrayEquals(net.parameters(), flat, 0.0);
  }

  @Test
  void aFloatNetworkGivesFloatTensorsAndItsFloatsBitForBit() throws IOException {
    Topology topology = Fixtures.topology(3, new int[] {5}, 2, Activation.LEAKY_RELU, Activation.IDENTITY, Loss.SQUARED_ERROR);
    FloatNet net = FloatNet.seeded(topology, 9);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Onnx.write(net, out);
    DecodedOnnx model = new DecodedOnnx(out.toByteArray());
    int[] type = new int[1];
    Map<String, double[]> values = model.initializers(new HashMap<>(), type);
    assertEquals(1, type[0], "FLOAT");
    assertEquals(1, model.graph.messages(11).get(0).message(2).message(1).number(1), "the input is float");
    float[] p = net.parameters();
    double[] wide = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      wide[i] = p[i];
    }
    double[] flat = Stream.of("ItoH.weights", "H.biases", "HtoO.weights", "O.biases")
        .flatMapToDouble(name -> Arrays.stream(values.get(name)))
        .toArray();
    assertArrayEquals(wide, flat, 0.0);
    assertEquals(Arrays.asList("Gemm", "LeakyRelu", "Gemm", "Identity"), model.operators());
    DecodedOnnx.Message alpha = model.nodes().get(1).message(5);
    assertEquals("alpha", alpha.string(1));
    assertEquals(0.01f, Float.intBitsToFloat((Integer) alpha.all(2).get(0)), 0.0f, "the float slope of float networks");
    assertEquals(1, alpha.number(20), "AttributeType FLOAT");
    float[][] rows = new float[30][3];
    double[][] wideRows = rows(30, 3, 8);
    for (int r = 0; r < rows.length; r++) {
      for (int i = 0; i < 3; i++) {
        rows[r][i] = (float) wideRows[r][i];
        wideRows[r][i] = rows[r][i];
      }
    }
    double[][] run = model.run(wideRows);
    float[] expected = new float[2];
    for (int r = 0; r < rows.length; r++) {
      net.predict(rows[r], expected);
      for (int k = 0; k < 2; k++) {
        assertEquals(expected[k], run[r][k], 1e-5 * Math.max(1.0, Math.abs(expected[k])), "row " + r);
      }
    }
  }

  @Test
  void theLeakyReLUSlopeOfADoubleNetworkIsTheDouble001() throws IOException {
    Topology topology = Fixtures.topology(3, new int[] {5}, 2, Activation.LEAKY_RELU, Activation.IDENTITY, Loss.SQUARED_ERROR);
    DecodedOnnx model = new DecodedOnnx(bytes(ReferenceNetwork.seeded(topology, 1)));
    assertEquals(Arrays.asList("Gemm", "Mul", "Max", "Gemm", "Identity"), model.operators());
    assertEquals(0.01, model.initializers(new HashMap<>(), new int[1]).get("leakyReLUSlope")[0], 0.0);
  }

  /**
   * Selu's λ and α are float attributes, so a double network writes SELU with double constants, as it
   * writes the leaky ReLU, and reads it back as SELU; a float network writes the one Selu node.
   */
  @Test
  void theSeluOfADoubleNetworkKeepsItsDoubleConstants() throws IOException {
    Topology topology = Fixtures.topology(3, new int[] {5}, 2, Activation.SELU, Activation.IDENTITY, Loss.SQUARED_ERROR);
    ReferenceNetwork net = ReferenceNetwork.seeded(topology, 1);
    DecodedOnnx model = new DecodedOnnx(bytes(net));
    assertEquals(List.of("Gemm", "Greater", "Mul", "Exp", "Sub", "Mul", "Where", "Gemm", "Identity"), model.operators());
    Map<String, double[]> values = model.initializers(new HashMap<>(), new int[1]);
    assertEquals(Activation.SELU_SCALE, values.get("seluScale")[0], 0.0);
    assertEquals(Activation.SELU_SCALE * Activation.SELU_ALPHA, values.get("seluScaleAlpha")[0], 0.0);
    ReferenceNetwork back = new ReferenceNetwork(topology);
    Onnx.load(new java.io.ByteArrayInputStream(bytes(net)), "selu.onnx", back);
    assertArrayEquals(net.parameters(), back.parameters(), 0.0);
  }

  @Test
  void deeperNetworksNumberTheirHiddenLayers() throws IOException {
    Topology topology = Topology.of(4, new int[] {3, 2}, 1,
        new Activation[] {Activation.TANH, Activation.RELU}, Activation.LOGISTIC, Loss.CROSS_ENTROPY);
    DecodedOnnx model = new DecodedOnnx(bytes(ReferenceNetwork.seeded(topology, 1)));
    assertEquals(Arrays.asList("ItoH1.weights", "H1.biases", "H1toH2.weights", "H2.biases", "H2toO.weights", "O.biases"),
        model.initializers(new HashMap<>(), new int[1]).keySet().stream().collect(Collectors.toList()));
    assertEquals(Arrays.asList("Gemm", "Tanh", "Gemm", "Relu", "Gemm", "Sigmoid"), model.operators());
  }

  @Test
  void theSameNetworkGivesTheSameBytes() throws IOException {
    Topology topology = Fixtures.topology(4, new int[] {8}, 3, Activation.TANH, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    assertArrayEquals(bytes(ReferenceNetwork.seeded(topology, 4)), bytes(ReferenceNetwork.seeded(topology, 4)));
    assertArrayEquals(bytes(ReferenceNetwork.seeded(topology, 4)), Onnx.model(ReferenceNetwork.seeded(topology, 4)));
  }

  @Test
  void saveWritesTheModelAndReplacesAnOldOneWhole() throws IOException {
    Path target = folder.resolve("xor.onnx");
    Files.write(target, new byte[] {1, 2, 3});
    Onnx.save(Fixtures.xor(), target);
    assertArrayEquals(bytes(Fixtures.xor()), Files.readAllBytes(target));
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(1, files.count(), "no temporary file is left");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 40, 100})
  void aFailureMidWriteLeavesThePreviousFileIntact(int failAfter) throws IOException {
    Path target = folder.resolve("xor.onnx");
    Onnx.save(Fixtures.xor(), target);
    byte[] before = Files.readAllBytes(target);
    ReferenceNetwork other = ReferenceNetwork.seeded(Fixtures.XOR, 99);
    IOException e = assertThrows(IOException.class,
        () -> Onnx.save(other, target, out -> new FilterOutputStream(out) {
          private int left = failAfter;

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
              throw new IOException("injected: no space left on device");
            }
            left -= len;
            out.write(b, off, len);
          }
        }));
    assertEquals("injected: no space left on device", e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(target));
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(1, files.count(), "no temporary file is left");
    }
  }

  /**
   * The GELUs are written node for node and operand for operand as PyTorch 1.13 writes them at opset 13,
   * with the constants as initializers in the network's precision, and read back as GELUs.
   */
  @ParameterizedTest
  @ValueSource(strings = {"DOUBLE", "FLOAT"})
  void theGelusAreThePyTorchChains(String precision) throws IOException {
    Topology topology = Topology.of(3, new int[] {4}, 2, new Activation[] {Activation.GELU}, Activation.GELU_TANH,
        Loss.SQUARED_ERROR);
    byte[] bytes = precision.equals("DOUBLE")
        ? Onnx.model(ReferenceNetwork.seeded(topology, 1)) : Onnx.model(FloatNet.seeded(topology, 1));
    DecodedOnnx model = new DecodedOnnx(bytes);
    assertEquals(List.of("Gemm", "Div", "Erf", "Add", "Mul", "Mul",
        "Gemm", "Mul", "Mul", "Mul", "Add", "Mul", "Tanh", "Add", "Mul", "Mul"), model.operators());
    List<List<String>> inputs = model.nodes().stream().map(node -> node.strings(1)).collect(Collectors.toList());
    assertEquals(List.of(
        List.of("H.SpreA", "sqrt2"), List.of("H.erfArgument"), List.of("H.erf", "one"), List.of("H.SpreA", "H.erfPlusOne"),
        List.of("H.timesSpreA", "half")), inputs.subList(1, 6));
    assertEquals(List.of(
        List.of("O.SpreA", "O.SpreA"), List.of("O.SpreA", "O.square"), List.of("geluTanhCubic", "O.cube"),
        List.of("O.SpreA", "O.cubicTerm"), List.of("geluTanhScale", "O.inner"), List.of("O.tanhArgument"),
        List.of("one", "O.tanh"), List.of("O.SpreA", "O.onePlusTanh"), List.of("half", "O.timesSpreA")),
        inputs.subList(7, 16));
    int[] type = new int[1];
    Map<String, double[]> values = model.initializers(new HashMap<>(), type);
    assertEquals(precision.equals("DOUBLE") ? 11 : 1, type[0]);
    boolean wide = precision.equals("DOUBLE");
    assertEquals(wide ? Math.sqrt(2.0) : (float) Math.sqrt(2.0), values.get("sqrt2")[0], 0.0);
    assertEquals(1.0, values.get("one")[0], 0.0);
    assertEquals(0.5, values.get("half")[0], 0.0);
    assertEquals(wide ? 0.044715 : 0.044715f, values.get("geluTanhCubic")[0], 0.0);
    assertEquals(wide ? Math.sqrt(2.0 / Math.PI) : (float) Math.sqrt(2.0 / Math.PI), values.get("geluTanhScale")[0], 0.0);
    OnnxModel read = Onnx.read(new java.io.ByteArrayInputStream(bytes), "gelu.onnx");
    assertEquals(Activation.GELU, read.activation(1));
    assertEquals(Activation.GELU_TANH, read.activation(2));
  }

  @Test
  void aParameterThatIsNotFiniteIsRefusedAndNothingIsWritten() {
    double[] p = Fixtures.XOR_PARAMETERS.clone();
    p[5] = Double.NaN;
    FixedParameters xor = new FixedParameters(Fixtures.XOR, p);
    Path target = folder.resolve("xor.onnx");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Onnx.save(xor, target));
    assertEquals("parameter 5 (bias of layer 1 neuron 1 (hidden)) is NaN; an ONNX model holds finite numbers only",
        e.getMessage());
    assertTrue(Files.notExists(target));
    OutputStream out = new ByteArrayOutputStream();
    assertThrows(IllegalArgumentException.class, () -> Onnx.write(xor, out));
    assertEquals(0, ((ByteArrayOutputStream) out).size());
  }

  @Test
  void nullArgumentsAreNamed() {
    assertEquals("network is null",
        assertThrows(IllegalArgumentException.class, () -> Onnx.save((ReferenceNetwork) null, folder.resolve("a.onnx")))
            .getMessage());
    assertEquals("target is null",
        assertThrows(IllegalArgumentException.class, () -> Onnx.save(Fixtures.xor(), null)).getMessage());
    assertEquals("out is null",
        assertThrows(IllegalArgumentException.class, () -> Onnx.write(Fixtures.xor(), null)).getMessage());
  }
}
