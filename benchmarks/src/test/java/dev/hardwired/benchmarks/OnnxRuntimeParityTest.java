package dev.hardwired.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.io.Onnx;
import dev.hardwired.reference.ReferenceNetwork;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Models written by {@link Onnx} run in ONNX Runtime and give what {@code predict} gives: within 1e-12
 * (relative, or absolute below 1) in double, and max(1e-6 absolute, 1e-5 relative) in float, where ONNX
 * Runtime's own summation order and fused multiply-adds differ in the last bits.
 */
class OnnxRuntimeParityTest {
  private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();

  static Stream<Arguments> doubleNetworks() {
    return Stream.of(
        Arguments.of(ReferenceNetwork.seeded(
            Topology.of(2, new int[] {2}, 1, new Activation[] {Activation.LOGISTIC}, Activation.LOGISTIC, Loss.SQUARED_ERROR), 1)),
        Arguments.of(ReferenceNetwork.seeded(
            Topology.of(4, new int[] {8}, 3, new Activation[] {Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY), 2)),
        Arguments.of(ReferenceNetwork.seeded(
            Topology.of(5, new int[] {7}, 2, new Activation[] {Activation.RELU}, Activation.IDENTITY, Loss.SQUARED_ERROR), 3)),
        Arguments.of(ReferenceNetwork.seeded(
            Topology.of(3, new int[] {6}, 1, new Activation[] {Activation.LEAKY_RELU}, Activation.LOGISTIC, Loss.CROSS_ENTROPY), 4)),
        Arguments.of(ReferenceNetwork.seeded(
            Topology.of(6, new int[] {5, 4, 3}, 2,
                new Activation[] {Activation.TANH, Activation.LEAKY_RELU, Activation.IDENTITY}, Activation.TANH,
                Loss.SQUARED_ERROR), 5)),
        Arguments.of(ReferenceNetwork.seeded(
            Topology.of(2, new int[] {}, 1, new Activation[] {}, Activation.STEP, Loss.PERCEPTRON), 6)),
        Arguments.of(ReferenceNetwork.seeded(
            Topology.of(4, new int[] {6, 5}, 2, new Activation[] {Activation.SELU, Activation.TANH}, Activation.SELU,
                Loss.SQUARED_ERROR), 9)),
        Arguments.of(ReferenceNetwork.seeded(
            Topology.of(4, new int[] {6, 5}, 2, new Activation[] {Activation.GELU_TANH, Activation.RELU},
                Activation.GELU_TANH, Loss.SQUARED_ERROR), 10)),
        Arguments.of(Size64x32x10Network.seeded(7)),
        Arguments.of(Size784x128x10Network.seeded(8)));
  }

  static Stream<Arguments> floatNetworks() {
    return Stream.of(
        Arguments.of(FloatTanhSoftmax.seeded(1)),
        Arguments.of(FloatReluIdentity.seeded(2)),
        Arguments.of(FloatLeakyLogistic.seeded(3)),
        Arguments.of(FloatDeep.seeded(4)),
        Arguments.of(FloatLooped.seeded(5)),
        Arguments.of(FloatPerceptron.seeded(6)),
        Arguments.of(FloatGelus.seeded(8)),
        Arguments.of(Size784x128x10FloatNetwork.seeded(7)));
  }

  private static double[][] rows(int width, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[64][width];
    for (double[] row : rows) {
      for (int i = 0; i < width; i++) {
        row[i] = random.nextGaussian() * 2.0;
      }
    }
    return rows;
  }

  private static Object run(byte[] model, Object rows) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = ENVIRONMENT.createSession(model, options);
          OnnxTensor input = OnnxTensor.createTensor(ENVIRONMENT, rows);
          OrtSession.Result result = session.run(Map.of("input", input))) {
        return result.get("output").orElseThrow().getValue();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("doubleNetworks")
  void onnxRuntimeGivesWhatPredictGives(TrainableNetwork network) throws OrtException {
    double[][] rows = rows(network.inputCount(), 17);
    double[][] outputs = (double[][]) run(Onnx.model(network), rows);
    for (int r = 0; r < rows.length; r++) {
      double[] expected = network.predict(rows[r]);
      for (int k = 0; k < expected.length; k++) {
        assertEquals(expected[k], outputs[r][k], 1e-12 * Math.max(1.0, Math.abs(expected[k])),
            network + ", row " + r + ", output " + k);
      }
    }
  }

  /**
   * The runtime's fixtures: models trained by PyTorch and scikit-learn, with the framework's outputs, and Keras
   * models in the shape tf2onnx writes, with Keras' arithmetic computed by numpy.
   */
  private static final java.nio.file.Path FIXTURES = java.nio.file.Path.of("../runtime/src/test/resources/dev/hardwired/io/onnx");

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("tanh_softmax_float", "y"),
        Arguments.of("relu_identity_double", "y"),
        Arguments.of("leaky_sigmoid_float", "y"),
        Arguments.of("matmul_digits_float", "y"),
        Arguments.of("silu_selu_float", "y"),
        Arguments.of("gelu_tanh_float", "y"),
        Arguments.of("sklearn_iris_float", "output_probability"),
        Arguments.of("sklearn_binary_double", "probabilities"),
        Arguments.of("sklearn_regressor_double", "variable"),
        Arguments.of("keras_iris_float", "dense_1"),
        Arguments.of("keras_regressor_double", "dense_2"),
        Arguments.of("keras_elu_selu_softplus_float", "dense_3"));
  }

  /**
   * Each fixture runs in ONNX Runtime, which gives the framework's outputs, and loads with {@link Onnx#load}
   * into a network that gives ONNX Runtime's: parity with what users serve with, not only with the framework.
   */
  @ParameterizedTest
  @MethodSource("fixtures")
  void everyFixtureGivesTheSameOutputsInOnnxRuntimeAndHere(String name, String output) throws Exception {
    byte[] model = java.nio.file.Files.readAllBytes(FIXTURES.resolve(name + ".onnx"));
    List<String> lines = java.nio.file.Files.readAllLines(FIXTURES.resolve(name + ".rows"));
    boolean single = name.endsWith("_float");
    dev.hardwired.io.OnnxModel read = Onnx.read(new java.io.ByteArrayInputStream(model), name);
    int[] sizes = read.sizes();
    Activation[] hidden = new Activation[sizes.length - 2];
    for (int l = 1; l < sizes.length - 1; l++) {
      hidden[l - 1] = read.activation(l);
    }
    Activation out = read.activation(sizes.length - 1);
    int[] hiddenSizes = java.util.Arrays.copyOfRange(sizes, 1, sizes.length - 1);
    Loss loss = out == Activation.SOFTMAX ? Loss.SOFTMAX_CROSS_ENTROPY : Loss.SQUARED_ERROR;
    ReferenceNetwork here = new ReferenceNetwork(Topology.of(sizes[0], hiddenSizes, sizes[sizes.length - 1], hidden, out, loss));
    Onnx.load(new java.io.ByteArrayInputStream(model), name, here);
    double[][] inputs = new double[lines.size()][];
    double[][] expected = new double[lines.size()][];
    for (int r = 0; r < lines.size(); r++) {
      String[] halves = lines.get(r).split("\\|");
      inputs[r] = java.util.Arrays.stream(halves[0].trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
      expected[r] = java.util.Arrays.stream(halves[1].trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }
    double[][] ort = runtimeOutputs(model, inputs, single, output, sizes[sizes.length - 1]);
    double tolerance = single ? 1e-5 : 1e-12;
    for (int r = 0; r < inputs.length; r++) {
      double[] ours = here.predict(inputs[r]);
      for (int k = 0; k < ours.length; k++) {
        double bound = tolerance * Math.max(1.0, Math.abs(expected[r][k]));
        if (single) {
          bound = Math.max(1e-6, 1e-5 * Math.abs(expected[r][k]));
        }
        assertEquals(expected[r][k], ort[r][k], bound, name + ": ONNX Runtime against the framework, row " + r);
        assertEquals(ort[r][k], ours[k], bound, name + ": Hardwired against ONNX Runtime, row " + r);
      }
    }
  }

  /**
   * PyTorch's double model with a leaky ReLU does not run in ONNX Runtime 1.22, which has LeakyRelu in float
   * only (and PRelu too); it loads here and gives PyTorch's outputs ({@code OnnxFrameworksTest}). This pins
   * the limit, so that the day ONNX Runtime lifts it the fixture joins the others.
   */
  @Test
  void onnxRuntimeHasNoDoubleLeakyRelu() throws Exception {
    byte[] model = java.nio.file.Files.readAllBytes(FIXTURES.resolve("deep_double.onnx"));
    OrtException e = org.junit.jupiter.api.Assertions.assertThrows(OrtException.class,
        () -> runtimeOutputs(model, new double[][] {{0, 0, 0, 0, 0, 0}}, false, "y", 2));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("Could not find an implementation for LeakyRelu"),
        e.getMessage());
  }

  /**
   * PyTorch's double models with ELU and softplus do not run in ONNX Runtime 1.22, which has Elu, Selu and
   * Softplus in float only; they load here and give PyTorch's outputs ({@code OnnxFrameworksTest}). The
   * double SELU that Onnx writes, out of Exp and Where, runs: see {@link #doubleNetworks()}.
   */
  @Test
  void onnxRuntimeHasNoDoubleEluOrSoftplus() throws Exception {
    for (String name : new String[] {"elu_selu_softplus_double", "silu_elu_double"}) {
      byte[] model = java.nio.file.Files.readAllBytes(FIXTURES.resolve(name + ".onnx"));
      int inputs = name.startsWith("elu") ? 4 : 3;
      int outputs = name.startsWith("elu") ? 2 : 1;
      OrtException e = org.junit.jupiter.api.Assertions.assertThrows(OrtException.class,
          () -> runtimeOutputs(model, new double[][] {new double[inputs]}, false, "y", outputs));
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("Could not find an implementation for Elu"),
          e.getMessage());
    }
  }

  /**
   * A double SiLU, a Sigmoid and a Mul as PyTorch writes it, does not run in ONNX Runtime 1.22 at its default
   * optimisation level: it fuses the pair into com.microsoft.QuickGelu, which has no double kernel. In float
   * it runs ({@code silu_selu_float}). This pins the limit.
   */
  @Test
  void onnxRuntimeFusesADoubleSiluIntoAnOperatorItCannotRun() throws Exception {
    ReferenceNetwork silu = ReferenceNetwork.seeded(
        Topology.of(3, new int[] {4}, 1, new Activation[] {Activation.SILU}, Activation.IDENTITY, Loss.SQUARED_ERROR), 1);
    OrtException e = org.junit.jupiter.api.Assertions.assertThrows(OrtException.class,
        () -> runtimeOutputs(Onnx.model(silu), new double[][] {{0, 0, 0}}, false, "output", 1));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("QuickGelu"), e.getMessage());
  }

  /**
   * A double GELU, PyTorch's ({@code gelu_double}) or Onnx's, does not run in ONNX Runtime 1.22, which has
   * Erf in float only and does not fuse the double chain; both load here ({@code OnnxFrameworksTest}). The
   * tanh GELU, out of Mul, Add and Tanh, runs in double: see {@link #doubleNetworks()}. This pins the limit.
   */
  @Test
  void onnxRuntimeHasNoDoubleErf() throws Exception {
    byte[] pyTorch = java.nio.file.Files.readAllBytes(FIXTURES.resolve("gelu_double.onnx"));
    OrtException e = org.junit.jupiter.api.Assertions.assertThrows(OrtException.class,
        () -> runtimeOutputs(pyTorch, new double[][] {new double[4]}, false, "y", 2));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("Could not find an implementation for Erf"),
        e.getMessage());
    ReferenceNetwork gelu = ReferenceNetwork.seeded(
        Topology.of(3, new int[] {4}, 1, new Activation[] {Activation.GELU}, Activation.IDENTITY, Loss.SQUARED_ERROR), 1);
    e = org.junit.jupiter.api.Assertions.assertThrows(OrtException.class,
        () -> runtimeOutputs(Onnx.model(gelu), new double[][] {{0, 0, 0}}, false, "output", 1));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("Could not find an implementation for Erf"),
        e.getMessage());
  }

  /**
   * At its default optimisation level ONNX Runtime 1.22 fuses a float GELU chain (Div, Erf, Add, Mul, Mul)
   * into one com.microsoft.Gelu node, and leaves the tanh GELU's nine nodes as they are (no FastGelu): the
   * model it runs, written out with {@code setOptimizedModelFilePath}, says so. Its outputs are held to
   * {@code predict}'s in {@link #onnxRuntimeGivesWhatPredictGivesInFloat} ({@code FloatGelus}).
   */
  @Test
  void onnxRuntimeFusesTheFloatErfGeluButNotTheTanhGelu(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
      throws Exception {
    java.nio.file.Path optimised = folder.resolve("optimised.onnx");
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setOptimizedModelFilePath(optimised.toString());
      try (OrtSession session = ENVIRONMENT.createSession(Onnx.model(FloatGelus.seeded(1)), options)) {
        assertEquals(List.of("input"), List.copyOf(session.getInputNames()));
      }
    }
    String model = new String(java.nio.file.Files.readAllBytes(optimised), java.nio.charset.StandardCharsets.ISO_8859_1);
    org.junit.jupiter.api.Assertions.assertTrue(model.contains("fused Gelu subgraphs"), "the erf chain becomes Gelu");
    org.junit.jupiter.api.Assertions.assertFalse(model.contains("H1.Erf"), "no Erf node is left");
    org.junit.jupiter.api.Assertions.assertTrue(model.contains("H2.Tanh") && model.contains("H2.MulCube"),
        "the tanh chain is left as written");
    org.junit.jupiter.api.Assertions.assertFalse(model.contains("FastGelu"), "nothing is fused into FastGelu");
  }

  /** ONNX Runtime's outputs for {@code inputs}, from the named output: a tensor, or scikit-learn's maps. */
  @SuppressWarnings("unchecked")
  private static double[][] runtimeOutputs(byte[] model, double[][] inputs, boolean single, String output, int width)
      throws OrtException {
    Object rows = inputs;
    if (single) {
      float[][] narrow = new float[inputs.length][];
      for (int r = 0; r < inputs.length; r++) {
        narrow[r] = new float[inputs[r].length];
        for (int i = 0; i < narrow[r].length; i++) {
          narrow[r][i] = (float) inputs[r][i];
        }
      }
      rows = narrow;
    }
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = ENVIRONMENT.createSession(model, options)) {
        long[] shape = ((ai.onnxruntime.TensorInfo) session.getInputInfo().values().iterator().next().getInfo()).getShape();
        if (shape[0] == 1 && inputs.length > 1) {
          // A model of a fixed batch of one (tf2onnx's Gemm form): one row a run.
          double[][] outputs = new double[inputs.length][];
          for (int r = 0; r < inputs.length; r++) {
            outputs[r] = runtimeOutputs(model, new double[][] {inputs[r]}, single, output, width)[0];
          }
          return outputs;
        }
      }
      try (OrtSession session = ENVIRONMENT.createSession(model, options);
          OnnxTensor input = OnnxTensor.createTensor(ENVIRONMENT, rows);
          OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), input))) {
        Object value = result.get(output).orElseThrow().getValue();
        double[][] outputs = new double[inputs.length][width];
        for (int r = 0; r < inputs.length; r++) {
          if (value instanceof List) {
            Map<Long, Float> probabilities = (Map<Long, Float>) ((ai.onnxruntime.OnnxMap) ((List<Object>) value).get(r)).getValue();
            for (int k = 0; k < width; k++) {
              outputs[r][k] = probabilities.get((long) k);
            }
          } else {
            Object row = java.lang.reflect.Array.get(value, r);
            int columns = java.lang.reflect.Array.getLength(row);
            for (int k = 0; k < width; k++) {
              // A two-class classifier's probabilities: the network's one output is the second column.
              outputs[r][k] = java.lang.reflect.Array.getDouble(row, columns - width + k);
            }
          }
        }
        return outputs;
      }
    }
  }

  @Test
  void theBenchmarkScoresWhatBatchedPredictScores() throws OrtException {
    for (String network : List.of("2x4x1", "4x8x3", "64x32x10", "784x128x10")) {
      for (String precision : List.of("double", "float")) {
        OnnxRuntimeBenchmark onnx = new OnnxRuntimeBenchmark();
        onnx.network = network;
        onnx.batch = 32;
        onnx.precision = precision;
        onnx.setUp();
        BatchPredictBenchmark ours = new BatchPredictBenchmark();
        ours.network = network;
        ours.batch = 32;
        ours.precision = precision;
        ours.setUp();
        try {
          String what = network + " " + precision;
          assertClose(ours.batched(), onnx.pinned(), precision, what + ", pinned");
          assertClose(ours.batched(), onnx.arrays(), precision, what + ", arrays");
        } finally {
          onnx.tearDown();
        }
      }
    }
  }

  @Test
  void theFrozenBenchmarkServesOneModelBothWays() throws OrtException {
    for (String model : List.of("iris", "digits", "mnist")) {
      for (int batch : new int[] {1, 256}) {
        FrozenOnnxBenchmark benchmark = new FrozenOnnxBenchmark();
        benchmark.model = model;
        benchmark.batch = batch;
        benchmark.setUp();
        try {
          float[][] frozen = benchmark.frozen();
          float[][] runtime = benchmark.onnxRuntime();
          assertClose(frozen, runtime, "float", model + ", batch " + batch);
          for (int r = 0; r < batch; r++) {
            // Softmax outputs: a frozen class that wrote nothing would fail here, not pass as zeros.
            double sum = 0.0;
            for (float y : frozen[r]) {
              sum += y;
            }
            assertEquals(1.0, sum, 1e-5, model + ", row " + r + " sums to 1");
          }
        } finally {
          benchmark.tearDown();
        }
      }
    }
  }

  private static void assertClose(Object expected, Object actual, String precision, String what) {
    int rows = java.lang.reflect.Array.getLength(expected);
    assertEquals(rows, java.lang.reflect.Array.getLength(actual), what);
    for (int r = 0; r < rows; r++) {
      Object e = java.lang.reflect.Array.get(expected, r);
      Object a = java.lang.reflect.Array.get(actual, r);
      for (int k = 0; k < java.lang.reflect.Array.getLength(e); k++) {
        double x = java.lang.reflect.Array.getDouble(e, k);
        double y = java.lang.reflect.Array.getDouble(a, k);
        double tolerance = precision.equals("double") ? 1e-12 * Math.max(1.0, Math.abs(x)) : Math.max(1e-6, 1e-5 * Math.abs(x));
        assertEquals(x, y, tolerance, what + ", row " + r + ", output " + k);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("floatNetworks")
  void onnxRuntimeGivesWhatPredictGivesInFloat(TrainableFloatNetwork network) throws OrtException {
    double[][] wide = rows(network.inputCount(), 19);
    float[][] rows = new float[wide.length][wide[0].length];
    for (int r = 0; r < rows.length; r++) {
      for (int i = 0; i < rows[r].length; i++) {
        rows[r][i] = (float) wide[r][i];
      }
    }
    float[][] outputs = (float[][]) run(Onnx.model(network), rows);
    float[] expected = new float[network.outputCount()];
    for (int r = 0; r < rows.length; r++) {
      network.predict(rows[r], expected);
      for (int k = 0; k < expected.length; k++) {
        assertEquals(expected[k], outputs[r][k], Math.max(1e-6, 1e-5 * Math.abs(expected[k])),
            network + ", row " + r + ", output " + k);
      }
    }
  }
}
