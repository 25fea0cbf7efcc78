package dev.hardwired.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Save, then load: the same bits, the same outputs, for every shape, both precisions and extreme values. */
class WeightsFileRoundTripTest {
  @TempDir Path folder;

  static Stream<Topology> topologies() {
    return Stream.of(
        // no hidden layer: linear regression, logistic regression, the perceptron
        Topology.of(2, new int[] {}, 1, new Activation[] {}, Activation.IDENTITY, Loss.SQUARED_ERROR),
        Topology.of(3, new int[] {}, 1, new Activation[] {}, Activation.LOGISTIC, Loss.CROSS_ENTROPY),
        Topology.of(1, new int[] {}, 1, new Activation[] {}, Activation.STEP, Loss.PERCEPTRON),
        // one hidden layer
        Fixtures.XOR,
        Fixtures.topology(4, new int[] {8}, 3, Activation.TANH, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY),
        Fixtures.topology(7, new int[] {1}, 6, Activation.RELU, Activation.IDENTITY, Loss.SQUARED_ERROR),
        // two and three hidden layers, odd sizes, one activation per layer
        Topology.of(
            5, new int[] {3, 7}, 2, new Activation[] {Activation.LEAKY_RELU, Activation.TANH}, Activation.LOGISTIC,
            Loss.CROSS_ENTROPY),
        Topology.of(
            1, new int[] {13, 1, 4}, 11, new Activation[] {Activation.IDENTITY, Activation.LOGISTIC, Activation.RELU},
            Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY));
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void doubleNetworksComeBackBitForBit(Topology topology) throws IOException {
    ReferenceNetwork net = ReferenceNetwork.seeded(topology, 42);
    Path file = folder.resolve("net.weights");
    WeightsFile.save(net, file);
    ReferenceNetwork restored = new ReferenceNetwork(topology);
    WeightsFile.load(file, restored);
    assertSameBits(net.parameters(), restored.parameters());
    Random random = new Random(3);
    for (int sample = 0; sample < 5; sample++) {
      double[] x = new double[topology.inputs()];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextGaussian();
      }
      assertSameBits(net.predict(x), restored.predict(x));
    }
    Weights weights = WeightsFile.read(file);
    assertEquals(topology, weights.topology());
    assertEquals(Precision.DOUBLE, weights.precision());
    assertSameBits(net.parameters(), weights.values());
  }

  @ParameterizedTest
  @MethodSource("topologies")
  void floatNetworksComeBackBitForBit(Topology topology) throws IOException {
    FloatNet net = FloatNet.seeded(topology, 42);
    Path file = folder.resolve("net.weights");
    WeightsFile.save(net, file);
    FloatNet restored = new FloatNet(topology);
    WeightsFile.load(file, restored);
    assertSameBits(net.parameters(), restored.parameters());
    Random random = new Random(3);
    for (int sample = 0; sample < 5; sample++) {
      float[] x = new float[topology.inputs()];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) random.nextGaussian();
      }
      assertSameBits(net.predict(x), restored.predict(x));
    }
    Weights weights = WeightsFile.read(file);
    assertEquals(topology, weights.topology());
    assertEquals(Precision.FLOAT, weights.precision());
    float[] p = net.parameters();
    double[] values = weights.values();
    for (int i = 0; i < p.length; i++) {
      assertEquals(Double.doubleToRawLongBits(p[i]), Double.doubleToRawLongBits(values[i]), "exact widening of " + i);
      assertEquals(Double.doubleToRawLongBits(p[i]), Double.doubleToRawLongBits(weights.value(i)));
    }
  }

  @Test
  void extremeDoublesComeBackBitForBit() throws IOException {
    double[] extremes = {
      1e-300, -0.0, Double.MIN_VALUE, 1e300, 0.0, -Double.MAX_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL,
      -Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), -Double.MIN_VALUE, 0.1, 1.0 / 3.0, Math.PI,
      Math.nextUp(1.0), Math.nextDown(1.0), 2e23, 4.35, 1.0E23, 9007199254740993.0, -1e-310, 123456789.0
    };
    Topology topology = Fixtures.topology(3, new int[] {5}, 2, Activation.TANH, Activation.IDENTITY, Loss.SQUARED_ERROR);
    double[] p = new double[topology.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = extremes[i % extremes.length];
    }
    assertTrue(p.length >= extremes.length);
    assertSameBits(p, roundTrip(topology, p));
  }

  @Test
  void extremeFloatsComeBackBitForBit() throws IOException {
    float[] extremes = {
      Float.MIN_VALUE, -0.0f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL),
      -Float.MIN_VALUE, 0.0f, 0.1f, 1.0f / 3.0f, (float) Math.PI, Math.nextUp(1.0f), Math.nextDown(1.0f), 1e-40f,
      3.4e38f, 16777217f, 1.0E10f, 2.0E-3f, 1.0E7f, 0.001f
    };
    Topology topology = Fixtures.topology(3, new int[] {5}, 2, Activation.TANH, Activation.IDENTITY, Loss.SQUARED_ERROR);
    float[] p = new float[topology.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = extremes[i % extremes.length];
    }
    FloatNet net = new FloatNet(topology);
    net.setParameters(p);
    Path file = folder.resolve("extremes.weights");
    WeightsFile.save(net, file);
    FloatNet restored = new FloatNet(topology);
    WeightsFile.load(file, restored);
    assertSameBits(p, restored.parameters());
  }

  @Test
  void randomBitPatternsComeBackBitForBit() throws IOException {
    Topology topology = Fixtures.topology(30, new int[] {20}, 10, Activation.TANH, Activation.IDENTITY, Loss.SQUARED_ERROR);
    Random random = new Random(2024);
    double[] p = new double[topology.parameterCount()];
    float[] f = new float[topology.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      do {
        p[i] = Double.longBitsToDouble(random.nextLong());
      } while (!Double.isFinite(p[i]));
      do {
        f[i] = Float.intBitsToFloat(random.nextInt());
      } while (!Float.isFinite(f[i]));
    }
    assertSameBits(p, roundTrip(topology, p));
    FloatNet net = new FloatNet(topology);
    net.setParameters(f);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WeightsFile.write(net, out);
    FloatNet restored = new FloatNet(topology);
    WeightsFile.load(new ByteArrayInputStream(out.toByteArray()), "random floats", restored);
    assertSameBits(f, restored.parameters());
  }

  @Test
  void streamsRoundTripAndAreLeftOpen() throws IOException {
    ReferenceNetwork net = Fixtures.xor();
    ByteArrayOutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            throw new AssertionError("the caller's stream must stay open");
          }
        };
    WeightsFile.write(net, out);
    ReferenceNetwork restored = new ReferenceNetwork(Fixtures.XOR);
    WeightsFile.load(new ByteArrayInputStream(out.toByteArray()), "in memory", restored);
    assertSameBits(net.parameters(), restored.parameters());
    Weights weights = WeightsFile.read(new ByteArrayInputStream(out.toByteArray()), "in memory");
    assertEquals("in memory", weights.source());
    assertEquals("in memory: 2-2-1 (logistic, logistic; summed squared error), double, 9 parameters", weights.toString());
  }

  @Test
  void savingIsDeterministic() throws IOException {
    Topology topology = Fixtures.topology(4, new int[] {8}, 3, Activation.TANH, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    Path a = folder.resolve("a.weights");
    Path b = folder.resolve("b.weights");
    WeightsFile.save(ReferenceNetwork.seeded(topology, 9), a);
    WeightsFile.save(ReferenceNetwork.seeded(topology, 9), b);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WeightsFile.write(ReferenceNetwork.seeded(topology, 9), out);
    assertArrayEquals(Files.readAllBytes(a), out.toByteArray(), "save writes what write writes");
  }

  @Test
  void readDescribesTheFileWithoutANetwork() throws IOException {
    Topology topology =
        Topology.of(
            5, new int[] {3, 7}, 2, new Activation[] {Activation.LEAKY_RELU, Activation.TANH}, Activation.LOGISTIC,
            Loss.CROSS_ENTROPY);
    Path file = folder.resolve("deep.weights");
    WeightsFile.save(FloatNet.seeded(topology, 1), file);
    Weights weights = WeightsFile.read(file);
    assertEquals(file.toString(), weights.source());
    assertEquals(1, weights.formatVersion());
    assertEquals(topology, weights.topology());
    assertEquals(Arrays.asList(Activation.LEAKY_RELU, Activation.TANH), Arrays.asList(weights.hiddenActivations()));
    assertEquals(Activation.LOGISTIC, weights.outputActivation());
    assertEquals(Loss.CROSS_ENTROPY, weights.loss());
    assertEquals(Precision.FLOAT, weights.precision());
    assertEquals(topology.parameterCount(), weights.parameterCount());
    assertEquals(62, weights.parameterCount()); // (5 + 1) × 3 + (3 + 1) × 7 + (7 + 1) × 2

    // immutable: what it returns are copies
    double[] values = weights.values();
    double first = values[0];
    values[0] = 99;
    weights.hiddenActivations()[0] = Activation.IDENTITY;
    assertEquals(first, weights.values()[0]);
    assertEquals(first, weights.value(0));
    assertEquals(Activation.LEAKY_RELU, weights.hiddenActivations()[0]);
    assertEquals(
        "parameter 62 does not exist; " + file + " holds parameters 0..61",
        assertThrows(IndexOutOfBoundsException.class, () -> weights.value(62)).getMessage());

    // a tool holds it to its own declaration
    weights.requireMatches(topology, Precision.FLOAT);
    WeightsFileException e =
        assertThrows(WeightsFileException.class, () -> weights.requireMatches(topology, Precision.DOUBLE));
    assertEquals(
        file + ", line 6: expected precision DOUBLE (as required), found precision FLOAT: a weights file loads only"
            + " into a network of its own precision (to convert, read it with WeightsFile.read and pass its values"
            + " to setParameters)",
        e.getMessage());
    Topology other =
        Topology.of(
            5, new int[] {3, 7}, 2, new Activation[] {Activation.LEAKY_RELU, Activation.RELU}, Activation.LOGISTIC,
            Loss.CROSS_ENTROPY);
    e = assertThrows(WeightsFileException.class, () -> weights.requireMatches(other, Precision.FLOAT));
    assertEquals(
        file + ", line 3: expected hidden-activations LEAKY_RELU RELU (as required), found hidden-activations"
            + " LEAKY_RELU TANH",
        e.getMessage());
    assertEquals(3, e.line());
    assertEquals(file.toString(), e.file());
  }

  @Test
  void aFloatFileConvertsExplicitlyThroughTheValues() throws IOException {
    Path file = folder.resolve("float.weights");
    FloatNet source = FloatNet.seeded(Fixtures.XOR, 5);
    WeightsFile.save(source, file);
    ReferenceNetwork wide = new ReferenceNetwork(Fixtures.XOR);
    wide.setParameters(WeightsFile.read(file).values()); // what the precision message suggests
    float[] p = source.parameters();
    for (int i = 0; i < p.length; i++) {
      assertEquals((double) p[i], wide.parameters()[i], 0.0);
    }
  }

  @Test
  void aParameterThatIsNotFiniteIsNotSaved() throws IOException {
    Path file = folder.resolve("nan.weights");
    WeightsFile.save(Fixtures.xor(), file);
    byte[] before = Files.readAllBytes(file);
    double[] p = Fixtures.XOR_PARAMETERS.clone();
    p[5] = Double.NaN;
    TrainableNetwork broken = new FixedParameters(Fixtures.XOR, p);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightsFile.save(broken, file));
    assertEquals(
        "parameter 5 (bias of layer 1 neuron 1 (hidden)) is NaN; a weights file holds finite numbers only", e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    List<Path> left;
    try (Stream<Path> files = Files.list(folder)) {
      left = files.collect(java.util.stream.Collectors.toList());
    }
    assertEquals(List.of(file), left);
    assertThrows(IllegalArgumentException.class, () -> WeightsFile.write(broken, new ByteArrayOutputStream()));
  }

  private double[] roundTrip(Topology topology, double[] p) throws IOException {
    ReferenceNetwork net = new ReferenceNetwork(topology);
    net.setParameters(p);
    Path file = folder.resolve("roundtrip.weights");
    WeightsFile.save(net, file);
    ReferenceNetwork restored = new ReferenceNetwork(topology);
    WeightsFile.load(file, restored);
    return restored.parameters();
  }

  static void assertSameBits(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
          "value " + i + ": expected " + expected[i] + ", got " + actual[i]);
    }
  }

  static void assertSameBits(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
          "value " + i + ": expected " + expected[i] + ", got " + actual[i]);
    }
  }
}
