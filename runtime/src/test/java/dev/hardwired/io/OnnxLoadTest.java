package dev.hardwired.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Onnx#load}: what {@link Onnx#save} writes loads back bit for bit; a model that does not fit the
 * network, or is not a network Hardwired can load, or is damaged, gives an {@link OnnxFileException} that
 * names the file, the node and what differs, and leaves the network as it was.
 */
class OnnxLoadTest {
  private static final Topology IRIS =
      Fixtures.topology(4, new int[] {8}, 3, Activation.TANH, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);

  @TempDir Path folder;

  static java.util.stream.Stream<Arguments> topologies() {
    return OnnxTest.topologies();
  }

  private static OnnxFileException loadFails(byte[] model, ReferenceNetwork into) {
    double[] before = into.parameters();
    OnnxFileException e =
        assertThrows(OnnxFileException.class, () -> Onnx.load(new ByteArrayInputStream(model), "m.onnx", into));
    assertArrayEquals(before, into.parameters(), "the network is unchanged");
    return e;
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void whatSaveWritesLoadsBackBitForBit(Topology topology) throws IOException {
    ReferenceNetwork net = ReferenceNetwork.seeded(topology, 21);
    Path file = folder.resolve("net.onnx");
    Onnx.save(net, file);
    ReferenceNetwork restored = new ReferenceNetwork(topology);
    Onnx.load(file, restored);
    assertArrayEquals(net.parameters(), restored.parameters());
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void aFloatNetworkLoadsBackBitForBit(Topology topology) throws IOException {
    FloatNet net = FloatNet.seeded(topology, 22);
    Path file = folder.resolve("net.onnx");
    Onnx.save(net, file);
    FloatNet restored = new FloatNet(topology);
    Onnx.load(file, restored);
    assertArrayEquals(net.parameters(), restored.parameters());
    ReferenceNetwork wide = new ReferenceNetwork(topology);
    Onnx.load(file, wide);
    float[] p = net.parameters();
    for (int i = 0; i < p.length; i++) {
      assertEquals(p[i], wide.parameters()[i], 0.0, "a float model widens exactly");
    }
  }

  @Test
  void readGivesTheModelWithoutANetwork() throws IOException {
    FloatNet net = FloatNet.seeded(IRIS, 6);
    Path file = folder.resolve("iris.onnx");
    Onnx.save(net, file);
    OnnxModel model = Onnx.read(file);
    assertArrayEquals(new int[] {4, 8, 3}, model.sizes());
    assertEquals(Activation.TANH, model.activation(1));
    assertEquals(Activation.SOFTMAX, model.activation(2));
    assertEquals(dev.hardwired.Precision.FLOAT, model.precision());
    assertEquals(file + ": 4-8-3 (tanh, softmax), float", model.toString());
    float[] p = net.parameters();
    double[] values = model.values();
    for (int i = 0; i < p.length; i++) {
      assertEquals(p[i], values[i], 0.0);
    }
    model.requireMatches(IRIS, dev.hardwired.Precision.FLOAT);
    OnnxFileException e = assertThrows(OnnxFileException.class, () -> model.requireMatches(IRIS, dev.hardwired.Precision.DOUBLE));
    assertEquals(file + ": expected a double model (as required), found float tensors", e.getMessage());
    Topology relu = Fixtures.topology(4, new int[] {8}, 3, Activation.RELU, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    e = assertThrows(OnnxFileException.class, () -> model.requireMatches(relu, dev.hardwired.Precision.FLOAT));
    assertEquals(file + ", node H.Gemm: expected layer 1 to end in ReLU (as required), found tanh", e.getMessage());
    assertEquals("layer 3 does not exist; " + file + " has layers 1..2",
        assertThrows(IndexOutOfBoundsException.class, () -> model.activation(3)).getMessage());
  }

  @Test
  void aDoubleModelDoesNotLoadIntoAFloatNetwork() throws IOException {
    byte[] model = Onnx.model(ReferenceNetwork.seeded(IRIS, 1));
    FloatNet net = FloatNet.seeded(IRIS, 2);
    float[] before = net.parameters();
    OnnxFileException e =
        assertThrows(OnnxFileException.class, () -> Onnx.load(new ByteArrayInputStream(model), "iris.onnx", net));
    assertEquals("iris.onnx: the model is double; expected float, the network's precision (a double model would be "
        + "rounded: load it into a double network, or export it in float32)", e.getMessage());
    assertArrayEquals(before, net.parameters());
  }

  @Test
  void otherLayersAreNamed() {
    Topology wider = Fixtures.topology(4, new int[] {9}, 3, Activation.TANH, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    OnnxFileException e = loadFails(Onnx.model(ReferenceNetwork.seeded(wider, 1)), ReferenceNetwork.seeded(IRIS, 2));
    assertEquals("m.onnx: expected layers 4-8-3 (the network's), found layers 4-9-3", e.getMessage());
    assertEquals("", e.node());
  }

  @Test
  void anotherActivationIsNamedWithItsNode() {
    Topology relu = Fixtures.topology(4, new int[] {8}, 3, Activation.RELU, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    OnnxFileException e = loadFails(Onnx.model(ReferenceNetwork.seeded(relu, 1)), ReferenceNetwork.seeded(IRIS, 2));
    assertEquals("m.onnx, node H.Gemm: expected layer 1 to end in tanh (the network's), found ReLU", e.getMessage());
    assertEquals("H.Gemm", e.node());
  }

  @Test
  void aModelOfLogitsSaysWhatToAdd() {
    Topology logits = Fixtures.topology(4, new int[] {8}, 3, Activation.TANH, Activation.IDENTITY, Loss.SQUARED_ERROR);
    OnnxFileException e = loadFails(Onnx.model(ReferenceNetwork.seeded(logits, 1)), ReferenceNetwork.seeded(IRIS, 2));
    assertEquals("m.onnx, node O.Gemm: expected layer 2 to end in softmax (the network's), found identity (no "
        + "activation); a model trained on logits (CrossEntropyLoss, BCEWithLogitsLoss) needs its Softmax added "
        + "before export", e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = folder.resolve("missing.onnx");
    OnnxFileException e = assertThrows(OnnxFileException.class, () -> Onnx.load(missing, new ReferenceNetwork(IRIS)));
    assertEquals(missing + ": expected an ONNX model, found no file at this path", e.getMessage());
  }

  @Test
  void somethingThatIsNotAModelIsRefused() throws IOException {
    Path text = folder.resolve("notes.onnx");
    Files.write(text, "hardwired-weights 1\nlayers 4-8-3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    OnnxFileException e = assertThrows(OnnxFileException.class, () -> Onnx.load(text, new ReferenceNetwork(IRIS)));
    assertEquals(text + ": expected an ONNX model, found damaged data: ", e.getMessage().substring(0, text.toString().length() + 46));
  }

  /** Every prefix of a model, and a model with any one byte changed: an OnnxFileException or a load, never another exception. */
  @Test
  void damagedModelsGiveOnnxFileExceptionsOnly() {
    byte[] model = Onnx.model(ReferenceNetwork.seeded(IRIS, 3));
    int loaded = 0;
    for (int length = 0; length < model.length; length++) {
      ReferenceNetwork net = ReferenceNetwork.seeded(IRIS, 4);
      try {
        Onnx.load(new ByteArrayInputStream(Arrays.copyOf(model, length)), "m.onnx", net);
        // The metadata comes after the graph: a model cut between two of its entries is whole otherwise.
        assertArrayEquals(ReferenceNetwork.seeded(IRIS, 3).parameters(), net.parameters());
        loaded++;
      } catch (OnnxFileException expected) {
        assertArrayEquals(ReferenceNetwork.seeded(IRIS, 4).parameters(), net.parameters(), "unchanged after " + expected);
      } catch (IOException | RuntimeException e) {
        throw new AssertionError("the first " + length + " bytes: " + e, e);
      }
    }
    assertEquals(4, loaded, "cut after the graph, after the operator set, and after each of the first two metadata entries");
    Random random = new Random(5);
    for (int trial = 0; trial < 3000; trial++) {
      byte[] damaged = model.clone();
      damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
      ReferenceNetwork net = ReferenceNetwork.seeded(IRIS, 4);
      try {
        Onnx.load(new ByteArrayInputStream(damaged), "m.onnx", net);
      } catch (OnnxFileException expected) {
        assertArrayEquals(ReferenceNetwork.seeded(IRIS, 4).parameters(), net.parameters(), "unchanged after " + expected);
      } catch (IOException | RuntimeException e) {
        throw new AssertionError("trial " + trial + ": " + e, e);
      }
    }
  }

  // ------------------------------------------------------------------------ models written by hand

  private static Protobuf tensor(String name, long[] dims, double... values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (double value : values) {
      raw.putDouble(value);
    }
    Protobuf tensor = new Protobuf();
    for (long dim : dims) {
      tensor.varint(1, dim);
    }
    return tensor.varint(2, 11).string(8, name).bytes(9, raw.array());
  }

  private static Protobuf node(String name, String op, String output, String... inputs) {
    Protobuf node = new Protobuf();
    for (String input : inputs) {
      node.string(1, input);
    }
    return node.string(2, output).string(3, name).string(4, op);
  }

  private static Protobuf value(String name, int width) {
    Protobuf shape = new Protobuf().message(1, new Protobuf().string(2, "n")).message(1, new Protobuf().varint(1, width));
    return new Protobuf().string(1, name).message(2, new Protobuf().message(1, new Protobuf().varint(1, 11).message(2, shape)));
  }

  private static byte[] model(Protobuf graph) {
    return new Protobuf().varint(1, 7).message(7, graph).message(8, new Protobuf().string(1, "").varint(2, 13)).toByteArray();
  }

  /** A 2-1 network: W (1×2) stored [in, out] for MatMul; here through Gemm with transB = 0. */
  @Test
  void gemmWithoutTransposeTakesWeightsInputMajor() throws IOException {
    Topology linear = Topology.of(3, new int[] {}, 2, new Activation[] {}, Activation.IDENTITY, Loss.SQUARED_ERROR);
    Protobuf graph = new Protobuf()
        .message(1, node("g", "Gemm", "y", "x", "W", "b"))
        .message(5, tensor("W", new long[] {3, 2}, 1, 2, 3, 4, 5, 6))
        .message(5, tensor("b", new long[] {2}, 0.5, -0.5))
        .message(11, value("x", 3))
        .message(12, value("y", 2));
    ReferenceNetwork net = new ReferenceNetwork(linear);
    Onnx.load(new ByteArrayInputStream(model(graph)), "m.onnx", net);
    // Into node 0 from inputs 0..2: W[0][0], W[1][0], W[2][0].
    assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6, 0.5, -0.5}, net.parameters(), 0.0);
  }

  @Test
  void externalDataIsRefusedWithWhatToDo() {
    Topology linear = Topology.of(3, new int[] {}, 2, new Activation[] {}, Activation.IDENTITY, Loss.SQUARED_ERROR);
    Protobuf external = new Protobuf().varint(1, 2).varint(1, 3).varint(2, 11).string(8, "W")
        .message(13, new Protobuf().string(1, "location").string(2, "W.bin")).varint(14, 1);
    Protobuf graph = new Protobuf()
        .message(1, node("g", "Gemm", "y", "x", "W", "b"))
        .message(5, external)
        .message(5, tensor("b", new long[] {2}, 0.5, -0.5))
        .message(11, value("x", 3))
        .message(12, value("y", 2));
    OnnxFileException e = loadFails(model(graph), new ReferenceNetwork(linear));
    assertEquals("m.onnx, node g: 'W' keeps its values in an external file; expected them inside the model (in "
        + "PyTorch, export without external data; in onnx, save without save_as_external_data)", e.getMessage());
  }

  /** An Elu or a Selu whose constants are not Hardwired's (α = 1; PyTorch's λ and α) is refused, naming them. */
  @Test
  void eluAndSeluWithOtherConstantsAreRefused() {
    Topology elu = Topology.of(3, new int[] {}, 2, new Activation[] {}, Activation.ELU, Loss.SQUARED_ERROR);
    Protobuf alpha = new Protobuf().string(1, "alpha").float32(2, 0.5f).varint(20, 1);
    Protobuf graph = new Protobuf()
        .message(1, node("g", "Gemm", "z", "x", "W", "b"))
        .message(1, node("elu", "Elu", "y", "z").message(5, alpha))
        .message(5, tensor("W", new long[] {3, 2}, 1, 2, 3, 4, 5, 6))
        .message(5, tensor("b", new long[] {2}, 0.5, -0.5))
        .message(11, value("x", 3))
        .message(12, value("y", 2));
    assertEquals("m.onnx, node elu: expected alpha = 1, the α of Hardwired's ELU, found 0.5",
        loadFails(model(graph), new ReferenceNetwork(elu)).getMessage());
    Topology selu = Topology.of(3, new int[] {}, 2, new Activation[] {}, Activation.SELU, Loss.SQUARED_ERROR);
    Protobuf gamma = new Protobuf().string(1, "gamma").float32(2, 1.0f).varint(20, 1);
    Protobuf seluGraph = new Protobuf()
        .message(1, node("g", "Gemm", "z", "x", "W", "b"))
        .message(1, node("selu", "Selu", "y", "z").message(5, gamma))
        .message(5, tensor("W", new long[] {3, 2}, 1, 2, 3, 4, 5, 6))
        .message(5, tensor("b", new long[] {2}, 0.5, -0.5))
        .message(11, value("x", 3))
        .message(12, value("y", 2));
    assertEquals("m.onnx, node selu: expected SELU's alpha = 1.6732632 and gamma = 1.050701 (PyTorch's), found alpha"
        + " = the default and gamma = 1.0", loadFails(model(seluGraph), new ReferenceNetwork(selu)).getMessage());
  }

  /**
   * Softmax over each row in the forms converters write: no axis (tf2onnx from opset 13, where the default is
   * -1), axis 1 (tf2onnx below opset 13; PyTorch), axis -1; here behind the Identity that tf2onnx's optimizer
   * removes before an output. Another axis is refused.
   */
  @Test
  void softmaxOverEachRowLoadsInEveryFormAndAnotherAxisIsRefused() throws IOException {
    Topology softmax = Topology.of(3, new int[] {}, 2, new Activation[] {}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    for (Long axis : new Long[] {null, 1L, -1L, 0L}) {
      Protobuf node = node("sequential/dense/Softmax", "Softmax", "sequential/dense/Softmax:0", "sequential/dense/BiasAdd:0");
      if (axis != null) {
        node.message(5, new Protobuf().string(1, "axis").varint(3, axis).varint(20, 2));
      }
      Protobuf graph = new Protobuf()
          .message(1, node("sequential/dense/MatMul", "MatMul", "sequential/dense/MatMul:0", "input", "kernel:0"))
          .message(1, node("sequential/dense/BiasAdd", "Add", "sequential/dense/BiasAdd:0", "sequential/dense/MatMul:0", "bias:0"))
          .message(1, node)
          .message(1, node("Identity", "Identity", "dense", "sequential/dense/Softmax:0"))
          .message(5, tensor("kernel:0", new long[] {3, 2}, 1, 2, 3, 4, 5, 6))
          .message(5, tensor("bias:0", new long[] {2}, 0.5, -0.5))
          .message(11, value("input", 3))
          .message(12, value("dense", 2));
      ReferenceNetwork net = new ReferenceNetwork(softmax);
      if (axis != null && axis == 0L) {
        assertEquals("m.onnx, node sequential/dense/Softmax: expected softmax over axis 1 (each row), found axis 0",
            loadFails(model(graph), net).getMessage());
      } else {
        Onnx.load(new ByteArrayInputStream(model(graph)), "m.onnx", net);
        assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6, 0.5, -0.5}, net.parameters(), 0.0, "axis " + axis);
      }
    }
  }

  /** A Constant node holding {@code value} as a double scalar, as PyTorch writes one. */
  private static Protobuf constant(String name, String output, double value) {
    Protobuf tensor = new Protobuf().varint(2, 11)
        .bytes(9, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array());
    return node(name, "Constant", output).message(5, new Protobuf().string(1, "value").message(5, tensor).varint(20, 4));
  }

  /**
   * A 3-2 network whose output is GELU as PyTorch 1.13 writes it in double: Gemm, then Div by a Constant √2,
   * Erf, Add a Constant 1, Mul by SpreA, Mul by a Constant 0.5; {@code sqrt2} is the Constant node of √2
   * and {@code erf} the operator in Erf's place.
   */
  private static Protobuf geluGraph(Protobuf sqrt2, String erf) {
    return new Protobuf()
        .message(1, node("g", "Gemm", "z", "x", "W", "b"))
        .message(1, sqrt2)
        .message(1, node("div", "Div", "d", "z", "c0"))
        .message(1, node("erf", erf, "e", "d"))
        .message(1, constant("c_1", "c1", 1.0))
        .message(1, node("add", "Add", "a", "e", "c1"))
        .message(1, node("mul", "Mul", "m", "z", "a"))
        .message(1, constant("c_2", "c2", 0.5))
        .message(1, node("half", "Mul", "y", "m", "c2"))
        .message(5, tensor("W", new long[] {3, 2}, 1, 2, 3, 4, 5, 6))
        .message(5, tensor("b", new long[] {2}, 0.5, -0.5))
        .message(11, value("x", 3))
        .message(12, value("y", 2));
  }

  private static final Topology GELU =
      Topology.of(3, new int[] {}, 2, new Activation[] {}, Activation.GELU, Loss.SQUARED_ERROR);

  @Test
  void pyTorchsGeluWithConstantNodesLoads() throws IOException {
    ReferenceNetwork net = new ReferenceNetwork(GELU);
    Onnx.load(new ByteArrayInputStream(model(geluGraph(constant("c", "c0", Math.sqrt(2.0)), "Erf"))), "m.onnx", net);
    assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6, 0.5, -0.5}, net.parameters(), 0.0);
  }

  /** A constant of a GELU chain that is not exactly PyTorch's is an error naming the node that reads it. */
  @Test
  void aGeluChainWithAnotherConstantIsNamed() {
    OnnxFileException e = loadFails(model(geluGraph(constant("c", "c0", 1.4142135), "Erf")), new ReferenceNetwork(GELU));
    assertEquals("m.onnx, node div: expected √2, 1.4142135623730951, found 1.4142135", e.getMessage());
    assertEquals("div", e.node());
  }

  /** The tanh GELU as Onnx writes it, with another cubic coefficient: an error naming the Mul that reads it. */
  @Test
  void aTanhGeluChainWithAnotherConstantIsNamed() {
    Topology topology = Topology.of(3, new int[] {4}, 2, new Activation[] {Activation.GELU_TANH}, Activation.IDENTITY,
        Loss.SQUARED_ERROR);
    byte[] model = Onnx.model(ReferenceNetwork.seeded(topology, 1));
    byte[] cubic = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(Activation.GELU_TANH_CUBIC).array();
    int at = indexOf(model, cubic);
    ByteBuffer.wrap(model, at, 8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.045);
    assertEquals(-1, indexOf(model, cubic), "the one copy of the coefficient is changed");
    OnnxFileException e = loadFails(model, new ReferenceNetwork(topology));
    assertEquals("m.onnx, node H.MulCubic: expected the tanh GELU's cubic coefficient, 0.044715, found 0.045", e.getMessage());
  }

  private static int indexOf(byte[] data, byte[] part) {
    for (int i = 0; i + part.length <= data.length; i++) {
      if (Arrays.equals(Arrays.copyOfRange(data, i, i + part.length), part)) {
        return i;
      }
    }
    return -1;
  }

  /** A chain that is only like GELU's (a Sigmoid where the Erf is) is not read as GELU. */
  @Test
  void aChainLikeGelusIsNotGelu() {
    OnnxFileException e = loadFails(model(geluGraph(constant("c", "c0", Math.sqrt(2.0)), "Sigmoid")), new ReferenceNetwork(GELU));
    assertEquals("m.onnx, node mul: 'z' is read by 2 nodes; in a fully connected network each value goes on to one"
        + " node, except a pre-activation into the nodes of one activation written out (the leaky ReLU, SiLU, SELU"
        + " and the GELUs, as PyTorch or Onnx.save write them), which these nodes are not", e.getMessage());
  }

  /** A Constant whose value is not a 'value' tensor (here value_float) is named with what it holds. */
  @Test
  void aConstantOfAnotherFormIsNamed() {
    Protobuf valueFloat = node("c", "Constant", "c0")
        .message(5, new Protobuf().string(1, "value_float").float32(2, (float) Math.sqrt(2.0)).varint(20, 1));
    OnnxFileException e = loadFails(model(geluGraph(valueFloat, "Erf")), new ReferenceNetwork(GELU));
    assertEquals("m.onnx, node c: expected the Constant 'c0' to hold its value as a tensor in its one attribute"
        + " 'value', found the attributes [value_float]", e.getMessage());
  }

  @Test
  void anOperatorOutsideAFullyConnectedNetworkIsNamed() {
    Topology linear = Topology.of(3, new int[] {}, 2, new Activation[] {}, Activation.IDENTITY, Loss.SQUARED_ERROR);
    Protobuf graph = new Protobuf()
        .message(1, node("g", "Gemm", "z", "x", "W", "b"))
        .message(1, node("drop", "Dropout", "y", "z"))
        .message(5, tensor("W", new long[] {3, 2}, 1, 2, 3, 4, 5, 6))
        .message(5, tensor("b", new long[] {2}, 0.5, -0.5))
        .message(11, value("x", 3))
        .message(12, value("y", 2));
    OnnxFileException e = loadFails(model(graph), new ReferenceNetwork(linear));
    assertEquals("m.onnx, node drop: expected an activation (Sigmoid, Tanh, Relu, LeakyRelu, Identity, Elu, Selu, Softplus, Softmax; SiLU as"
        + " Sigmoid and Mul; the GELUs as PyTorch writes them) or a "
        + "Gemm or MatMul, found Dropout: not part of a fully connected network Hardwired can load", e.getMessage());
  }

  /** A node that reads SpreA twice (z · z, no activation here) is one reader: named as an unknown activation. */
  @Test
  void aSquareIsOneReaderAndNoActivation() {
    Topology linear = Topology.of(3, new int[] {}, 2, new Activation[] {}, Activation.IDENTITY, Loss.SQUARED_ERROR);
    Protobuf graph = new Protobuf()
        .message(1, node("g", "Gemm", "z", "x", "W", "b"))
        .message(1, node("square", "Mul", "y", "z", "z"))
        .message(5, tensor("W", new long[] {3, 2}, 1, 2, 3, 4, 5, 6))
        .message(5, tensor("b", new long[] {2}, 0.5, -0.5))
        .message(11, value("x", 3))
        .message(12, value("y", 2));
    OnnxFileException e = loadFails(model(graph), new ReferenceNetwork(linear));
    assertEquals("m.onnx, node square: expected an activation (Sigmoid, Tanh, Relu, LeakyRelu, Identity, Elu, Selu,"
        + " Softplus, Softmax; SiLU as Sigmoid and Mul; the GELUs as PyTorch writes them) or a Gemm or MatMul, found"
        + " Mul: not part of a fully connected network Hardwired can load", e.getMessage());
  }

  @Test
  void weightsOfAnotherWidthAreNamed() {
    Topology linear = Topology.of(3, new int[] {}, 2, new Activation[] {}, Activation.IDENTITY, Loss.SQUARED_ERROR);
    Protobuf graph = new Protobuf()
        .message(1, node("g1", "Gemm", "h", "x", "W1", "b1"))
        .message(1, node("g2", "Gemm", "y", "h", "W2", "b2"))
        .message(5, tensor("W1", new long[] {3, 2}, 1, 2, 3, 4, 5, 6))
        .message(5, tensor("b1", new long[] {2}, 0.5, -0.5))
        .message(5, tensor("W2", new long[] {4, 2}, 1, 2, 3, 4, 5, 6, 7, 8))
        .message(5, tensor("b2", new long[] {2}, 0.5, -0.5))
        .message(11, value("x", 3))
        .message(12, value("y", 2));
    OnnxFileException e = loadFails(model(graph), new ReferenceNetwork(linear));
    assertEquals("m.onnx, node g2: expected weights from 2 values (the layer before), found [4, 2]", e.getMessage());
  }

  @Test
  void malformedGraphsAreNamedNotCrashedOn() {
    Topology linear = Topology.of(3, new int[] {}, 2, new Activation[] {}, Activation.IDENTITY, Loss.SQUARED_ERROR);
    Protobuf noOutput = new Protobuf().string(1, "x").string(1, "W").string(3, "g").string(4, "Gemm");
    OnnxFileException e = loadFails(model(new Protobuf().message(1, noOutput)
        .message(5, tensor("W", new long[] {3, 2}, 1, 2, 3, 4, 5, 6)).message(11, value("x", 3)).message(12, value("y", 2))),
        new ReferenceNetwork(linear));
    assertEquals("m.onnx, node g: expected Gemm to have an output, found none", e.getMessage());
    e = loadFails(model(new Protobuf().message(1, node("g", "Gemm", "y", "x"))
        .message(11, value("x", 3)).message(12, value("y", 2))), new ReferenceNetwork(linear));
    assertEquals("m.onnx, node g: expected the weights as the second input of Gemm, found none", e.getMessage());
    e = loadFails(model(new Protobuf().message(1, node("g", "Gemm", "y", "x", "W"))
        .message(5, tensor("W", new long[] {6}, 1, 2, 3, 4, 5, 6)).message(11, value("x", 3)).message(12, value("y", 2))),
        new ReferenceNetwork(linear));
    assertEquals("m.onnx, node g: expected weights 'W' of 2 dimensions, found 1", e.getMessage());
    e = loadFails(model(new Protobuf().message(1, node("g", "Gemm", "h", "x", "W"))
        .message(1, node("loop", "Identity", "h", "h"))
        .message(5, tensor("W", new long[] {2, 3}, 1, 2, 3, 4, 5, 6))
        .message(11, value("x", 3)).message(12, value("y", 2))), new ReferenceNetwork(linear));
    assertEquals("m.onnx: 'h' is reached again: the graph has a cycle, which no network has", e.getMessage());
    // A shape of 3 × 2²⁸ values with 48 bytes of data: refused before anything of that size is allocated.
    e = loadFails(model(new Protobuf().message(1, node("g", "Gemm", "y", "x", "W"))
        .message(5, tensor("W", new long[] {3, 1L << 28}, 1, 2, 3, 4, 5, 6))
        .message(11, value("x", 3)).message(12, value("y", 2))), new ReferenceNetwork(linear));
    assertEquals("m.onnx, node g: 'W' holds 48 bytes; expected 6442450944 for its shape [3, 268435456]", e.getMessage());
  }

  @Test
  void nullArgumentsAreNamed() {
    assertEquals("file is null", assertThrows(IllegalArgumentException.class,
        () -> Onnx.load((Path) null, new ReferenceNetwork(IRIS))).getMessage());
    assertEquals("network is null", assertThrows(IllegalArgumentException.class,
        () -> Onnx.load(folder.resolve("a.onnx"), (ReferenceNetwork) null)).getMessage());
    assertEquals("sourceName is null", assertThrows(IllegalArgumentException.class,
        () -> Onnx.load(new ByteArrayInputStream(new byte[0]), null, new ReferenceNetwork(IRIS))).getMessage());
  }
}
