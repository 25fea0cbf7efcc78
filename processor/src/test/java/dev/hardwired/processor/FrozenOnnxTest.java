package dev.hardwired.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.hardwired.processor.validation.Diagnostics.assertNoCrash;
import static dev.hardwired.processor.validation.Diagnostics.assertSingleErrorAt;
import static dev.hardwired.processor.validation.Diagnostics.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.data.DataSet;
import dev.hardwired.io.Onnx;
import dev.hardwired.processor.testing.FrozenCompiler;
import dev.hardwired.processor.testing.GeneratedNetworks;
import dev.hardwired.processor.validation.RecordingProcessor;
import dev.hardwired.reference.ReferenceNetwork;
import dev.hardwired.train.Optimizer;
import dev.hardwired.train.Trainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @Frozen} from an ONNX model: what {@link Onnx} writes, and what PyTorch, scikit-learn and Keras export,
 * compile into frozen classes that give the trainable class's outputs bit for bit, or the framework's within
 * float's rounding; a model
 * of another network, of another precision, or damaged, is one tagged error on the {@code weights} value.
 * The models in {@code onnx/} are copies of the runtime's fixtures, made by its {@code make_fixtures.py} (PyTorch),
 * {@code make_sklearn_fixtures.py} (scikit-learn) and {@code make_keras_fixtures.py} (Keras through tf2onnx).
 */
class FrozenOnnxTest {
  private static final Topology XOR =
      Topology.of(2, new int[] {2}, 1, new Activation[] {Activation.LOGISTIC}, Activation.LOGISTIC, Loss.SQUARED_ERROR);

  private static JavaFileObject source(String network, String weights) {
    return JavaFileObjects.forSourceLines("test.Xor",
        "package test;", "", "import dev.hardwired.*;", "", network, "@Frozen(weights = \"" + weights + "\")", "interface Xor {}");
  }

  private static ReferenceNetwork xor() {
    ReferenceNetwork network = new ReferenceNetwork(XOR);
    double[] p = new double[XOR.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = 0.25 * (i - 4) + 0.1;
    }
    network.setParameters(p);
    return network;
  }

  private static byte[] resource(String name) {
    try (InputStream in = FrozenOnnxTest.class.getResourceAsStream("onnx/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aModelThatOnnxWroteFreezesToTheTrainableOutputsBitForBit() throws Exception {
    ReferenceNetwork trained = xor();
    JavaFileObject file = source("@Network(inputs = 2, hidden = 2, outputs = 1)", "xor.onnx");
    Compilation c = FrozenCompiler.compile(FrozenCompiler.folder(Map.of("test/xor.onnx", Onnx.model(trained))),
        List.of(file), "-Xlint:all", "-Werror");
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.XorFrozen").contentsAsUtf8String().contains("test/xor.onnx (ONNX, crc32 ");
    assertThat(c).generatedSourceFile("test.XorFrozen").contentsAsUtf8String().doesNotContain("weights file");
    GeneratedNetworks compiled = GeneratedNetworks.of(c);
    TrainableNetwork trainable = (TrainableNetwork) compiled.load("test.XorNetwork")
        .getMethod("withParameters", double[].class).invoke(null, (Object) trained.parameters());
    Class<?> frozen = compiled.load("test.XorFrozen");
    for (double[] input : new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0.3, -2.5}}) {
      double[] expected = trainable.predict(input);
      double[] actual = (double[]) FrozenCompiler.predict(frozen, input);
      assertEquals(Double.doubleToRawLongBits(expected[0]), Double.doubleToRawLongBits(actual[0]), "bit for bit");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tanh_softmax_float | inputs = 4, hidden = 8, outputs = 3, activation = Activation.TANH",
        "matmul_digits_float | inputs = 64, hidden = 32, outputs = 10, activation = Activation.RELU",
        "sklearn_iris_float | inputs = 4, hidden = 10, outputs = 3, activation = Activation.RELU",
        "keras_iris_float | inputs = 4, hidden = 8, outputs = 3, activation = Activation.TANH",
        "keras_elu_selu_softplus_float | inputs = 5, hidden = {6, 5, 4}, outputs = 3,"
            + " activation = {Activation.ELU, Activation.SELU, Activation.SOFTPLUS}",
      })
  void aModelTrainedElsewhereFreezesToItsFrameworksOutputs(String name, String sizes) throws IOException {
    assertFreezesToTheFrameworksOutputs(name,
        sizes + ", outputActivation = Activation.SOFTMAX, loss = Loss.SOFTMAX_CROSS_ENTROPY");
  }

  /** PyTorch's SiLU (a Sigmoid and a Mul) and SELU (a Selu node) freeze to PyTorch's outputs. */
  @Test
  void aPyTorchModelWithSiluAndSeluFreezesToItsOutputs() throws IOException {
    assertFreezesToTheFrameworksOutputs("silu_selu_float",
        "inputs = 3, hidden = {6, 4}, outputs = 2, activation = {Activation.SILU, Activation.SELU},"
            + " outputActivation = Activation.IDENTITY");
  }

  /**
   * PyTorch's GELUs, spelt out at opset 13 with Constant nodes, freeze to PyTorch's outputs: the exact form in
   * double, within 1e-12, and the tanh form in float.
   */
  @Test
  void aPyTorchModelWithGelusFreezesToItsOutputs() throws IOException {
    assertFreezesToTheFrameworksOutputs("gelu_double",
        "inputs = 4, hidden = {6, 5}, outputs = 2, activation = Activation.GELU, outputActivation = Activation.IDENTITY");
    assertFreezesToTheFrameworksOutputs("gelu_tanh_float",
        "inputs = 3, hidden = {6, 4}, outputs = 2, activation = Activation.GELU_TANH,"
            + " outputActivation = Activation.LOGISTIC, loss = Loss.CROSS_ENTROPY");
  }

  /** What Onnx writes for the GELUs, PyTorch's chains, freezes to the trainable class's outputs bit for bit. */
  @Test
  void theGeluChainsOnnxWritesFreezeBitForBit() throws Exception {
    String declaration = String.join("\n",
        "package test;",
        "import dev.hardwired.*;",
        "@Network(inputs = 3, hidden = {5, 4}, outputs = 2, activation = {Activation.GELU, Activation.GELU_TANH},",
        "    outputActivation = Activation.GELU, precision = Precision.%s)",
        "%s",
        "interface Smooth {}");
    for (String precision : List.of("DOUBLE", "FLOAT")) {
      GeneratedNetworks trainable = GeneratedNetworks.compile("test.Smooth", String.format(declaration, precision, ""));
      byte[] model = precision.equals("DOUBLE")
          ? Onnx.model(trainable.seeded("test.SmoothNetwork", 3))
          : Onnx.model(trainable.seededFloat("test.SmoothNetwork", 3));
      Compilation c = FrozenCompiler.compile(FrozenCompiler.folder(Map.of("test/smooth.onnx", model)),
          List.of(JavaFileObjects.forSourceString("test.Smooth",
              String.format(declaration, precision, "@Frozen(weights = \"smooth.onnx\")"))),
          "-Xlint:all", "-Werror");
      assertThat(c).succeededWithoutWarnings();
      Class<?> frozen = GeneratedNetworks.of(c).load("test.SmoothFrozen");
      java.util.Random random = new java.util.Random(5);
      for (int r = 0; r < 32; r++) {
        double[] row = {random.nextGaussian() * 2, random.nextGaussian() * 2, random.nextGaussian() * 2};
        if (precision.equals("DOUBLE")) {
          double[] expected = trainable.seeded("test.SmoothNetwork", 3).predict(row);
          double[] actual = (double[]) FrozenCompiler.predict(frozen, row);
          for (int k = 0; k < 2; k++) {
            assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]), "bit for bit");
          }
        } else {
          float[] input = {(float) row[0], (float) row[1], (float) row[2]};
          float[] expected = trainable.seededFloat("test.SmoothNetwork", 3).predict(input);
          float[] actual = (float[]) FrozenCompiler.predict(frozen, input);
          for (int k = 0; k < 2; k++) {
            assertEquals(Float.floatToRawIntBits(expected[k]), Float.floatToRawIntBits(actual[k]), "bit for bit");
          }
        }
      }
    }
  }

  /** Compiles {@code name}.onnx frozen into {@code network}, in float or in double as the name ends. */
  private static void assertFreezesToTheFrameworksOutputs(String name, String network) throws IOException {
    boolean single = name.endsWith("_float");
    JavaFileObject file = JavaFileObjects.forSourceLines("test.Model",
        "package test;", "", "import dev.hardwired.*;", "",
        "@Network(" + network + ",",
        "    precision = Precision." + (single ? "FLOAT" : "DOUBLE") + ")",
        "@Frozen(weights = \"" + name + ".onnx\")",
        "interface Model {}");
    Compilation c = FrozenCompiler.compile(
        FrozenCompiler.folder(Map.of("test/" + name + ".onnx", resource(name + ".onnx"))), List.of(file), "-Xlint:all", "-Werror");
    assertThat(c).succeededWithoutWarnings();
    Class<?> frozen = GeneratedNetworks.of(c).load("test.ModelFrozen");
    String[] rows = new String(resource(name + ".rows"), StandardCharsets.UTF_8).split("\n");
    assertEquals(16, rows.length);
    for (String row : rows) {
      String[] halves = row.split("\\|");
      String[] in = halves[0].trim().split(" ");
      String[] out = halves[1].trim().split(" ");
      if (!single) {
        double[] input = java.util.Arrays.stream(in).mapToDouble(Double::parseDouble).toArray();
        double[] actual = (double[]) FrozenCompiler.predict(frozen, input);
        for (int k = 0; k < out.length; k++) {
          double expected = Double.parseDouble(out[k]);
          assertEquals(expected, actual[k], 1e-12 * Math.max(1.0, Math.abs(expected)), name + ": " + row);
        }
        continue;
      }
      float[] input = new float[in.length];
      for (int i = 0; i < in.length; i++) {
        input[i] = (float) Double.parseDouble(in[i]);
      }
      float[] actual = (float[]) FrozenCompiler.predict(frozen, input);
      for (int k = 0; k < out.length; k++) {
        double expected = Double.parseDouble(out[k]);
        assertEquals(expected, actual[k], Math.max(1e-6, 1e-5 * Math.abs(expected)), name + ": " + row);
      }
    }
  }

  /**
   * A network trained in PyTorch, loaded into the generated class, fine-tuned by the trainer, saved as ONNX
   * and frozen: the frozen class gives the fine-tuned network's outputs bit for bit.
   */
  @Test
  void loadFineTuneSaveAndFreezeBitForBit() throws Exception {
    String declaration = String.join("\n",
        "package test;",
        "import dev.hardwired.*;",
        "@Network(inputs = 4, hidden = 8, outputs = 3, activation = Activation.TANH,",
        "    outputActivation = Activation.SOFTMAX, loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.FLOAT)",
        "%s",
        "interface Iris {}");
    TrainableFloatNetwork net = GeneratedNetworks.compile("test.Iris", String.format(declaration, ""))
        .seededFloat("test.IrisNetwork", 1);
    Onnx.load(new java.io.ByteArrayInputStream(resource("tanh_softmax_float.onnx")), "pytorch.onnx", net);
    float[] fromPyTorch = net.parameters();
    java.util.Random random = new java.util.Random(7);
    double[][] inputs = new double[48][4];
    double[][] targets = new double[48][3];
    for (int r = 0; r < inputs.length; r++) {
      for (int i = 0; i < 4; i++) {
        inputs[r][i] = random.nextGaussian();
      }
      targets[r][r % 3] = 1.0;
    }
    Trainer.create().optimizer(Optimizer.adam()).learningRate(0.01).batchSize(8).epochs(5)
        .train(net, DataSet.of(inputs, targets));
    assertThat(java.util.Arrays.equals(fromPyTorch, net.parameters())).isFalse();

    JavaFileObject frozenSource = JavaFileObjects.forSourceString("test.Iris",
        String.format(declaration, "@Frozen(weights = \"tuned.onnx\")"));
    Compilation c = FrozenCompiler.compile(FrozenCompiler.folder(Map.of("test/tuned.onnx", Onnx.model(net))),
        List.of(frozenSource), "-Xlint:all", "-Werror");
    assertThat(c).succeededWithoutWarnings();
    Class<?> frozen = GeneratedNetworks.of(c).load("test.IrisFrozen");
    float[] expected = new float[3];
    for (double[] row : inputs) {
      float[] input = {(float) row[0], (float) row[1], (float) row[2], (float) row[3]};
      net.predict(input, expected);
      float[] actual = (float[]) FrozenCompiler.predict(frozen, input);
      for (int k = 0; k < 3; k++) {
        assertEquals(Float.floatToRawIntBits(expected[k]), Float.floatToRawIntBits(actual[k]), "bit for bit");
      }
    }
  }

  /** Compiles {@code file} with {@code model} as {@code test/<name>}: one tagged error on the value, no frozen class. */
  private static void assertWeightsError(String name, byte[] model, JavaFileObject file, String tag, String text) {
    RecordingProcessor processor = new RecordingProcessor(new NetworkProcessor());
    Compilation c = FrozenCompiler.compile(FrozenCompiler.folder(Map.of("test/" + name, model)), List.of(file), processor);
    assertThat(c).failed();
    assertNoCrash(c);
    assertWithMessage("errors: %s", messages(c)).that(c.errors()).hasSize(1);
    assertSingleErrorAt(c, file, "[hardwired." + tag + "]", text, "weights = \"" + name + "\"", "\"" + name + "\"");
    for (String generated : processor.createdSources()) {
      assertThat(generated).doesNotContain("Frozen");
    }
  }

  @Test
  void aModelOfAnotherNetworkIsAnErrorOnTheWeightsValue() {
    JavaFileObject file = source("@Network(inputs = 2, hidden = 2, outputs = 1, activation = Activation.RELU)", "xor.onnx");
    assertWeightsError("xor.onnx", Onnx.model(xor()), file, "weights-mismatch", "holds the parameters of another network "
        + "than this declaration: test/xor.onnx, node H.Gemm: expected layer 1 to end in ReLU (as required), found logistic");
  }

  @Test
  void aModelOfAnotherPrecisionIsAnErrorOnTheWeightsValue() {
    JavaFileObject file = JavaFileObjects.forSourceLines("test.Xor",
        "package test;", "", "import dev.hardwired.*;", "",
        "@Network(inputs = 4, hidden = 8, outputs = 3, activation = Activation.TANH,",
        "    outputActivation = Activation.SOFTMAX, loss = Loss.SOFTMAX_CROSS_ENTROPY)",
        "@Frozen(weights = \"iris.onnx\")",
        "interface Xor {}");
    assertWeightsError("iris.onnx", resource("tanh_softmax_float.onnx"), file, "weights-mismatch",
        "test/iris.onnx: expected a double model (as required), found float tensors");
  }

  @Test
  void aDamagedModelIsAnErrorOnTheWeightsValue() {
    byte[] model = Onnx.model(xor());
    byte[] damaged = java.util.Arrays.copyOf(model, model.length / 2);
    JavaFileObject file = source("@Network(inputs = 2, hidden = 2, outputs = 1)", "xor.onnx");
    assertWeightsError("xor.onnx", damaged, file, "weights-file",
        "test/xor.onnx: expected an ONNX model, found damaged data: field 7 of 728 bytes at byte 151 runs past the end");
  }
}
