package dev.hardwired.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Networks trained elsewhere, loaded with {@link Onnx#load}: built, exported and run by PyTorch 1.13,
 * trained by scikit-learn 1.2 (MLPClassifier, MLPRegressor) in graphs of the shape skl2onnx writes, and Keras
 * Dense models in graphs of the shape tf2onnx 1.17 writes, with Keras' arithmetic computed by numpy (the
 * fixtures in {@code onnx/} and the scripts that made them). The loaded network's {@code predict} gives the
 * framework's outputs within 1e-12 in double and max(1e-6, 1e-5 relative) in float, where the order of the
 * sums differs; scikit-learn's label post-processing is recognised and left out.
 */
class OnnxFrameworksTest {
  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("tanh_softmax_float", true,
            Topology.of(4, new int[] {8}, 3, new Activation[] {Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY)),
        Arguments.of("relu_identity_double", false,
            Topology.of(5, new int[] {7}, 2, new Activation[] {Activation.RELU}, Activation.IDENTITY, Loss.SQUARED_ERROR)),
        Arguments.of("leaky_sigmoid_float", true,
            Topology.of(3, new int[] {6}, 1, new Activation[] {Activation.LEAKY_RELU}, Activation.LOGISTIC, Loss.CROSS_ENTROPY)),
        Arguments.of("deep_double", false,
            Topology.of(6, new int[] {5, 4}, 2, new Activation[] {Activation.LOGISTIC, Activation.LEAKY_RELU},
                Activation.TANH, Loss.SQUARED_ERROR)),
        Arguments.of("matmul_digits_float", true,
            Topology.of(64, new int[] {32}, 10, new Activation[] {Activation.RELU}, Activation.SOFTMAX,
                Loss.SOFTMAX_CROSS_ENTROPY)),
        Arguments.of("elu_selu_softplus_double", false,
            Topology.of(4, new int[] {6, 5}, 2, new Activation[] {Activation.ELU, Activation.SELU}, Activation.SOFTPLUS,
                Loss.SQUARED_ERROR)),
        Arguments.of("silu_selu_float", true,
            Topology.of(3, new int[] {6, 4}, 2, new Activation[] {Activation.SILU, Activation.SELU}, Activation.IDENTITY,
                Loss.SQUARED_ERROR)),
        Arguments.of("silu_elu_double", false,
            Topology.of(3, new int[] {5}, 1, new Activation[] {Activation.SILU}, Activation.ELU, Loss.SQUARED_ERROR)),
        Arguments.of("gelu_double", false,
            Topology.of(4, new int[] {6, 5}, 2, new Activation[] {Activation.GELU, Activation.GELU}, Activation.IDENTITY,
                Loss.SQUARED_ERROR)),
        Arguments.of("gelu_tanh_float", true,
            Topology.of(3, new int[] {6, 4}, 2, new Activation[] {Activation.GELU_TANH, Activation.GELU_TANH},
                Activation.LOGISTIC, Loss.CROSS_ENTROPY)),
        Arguments.of("sklearn_iris_float", true,
            Topology.of(4, new int[] {10}, 3, new Activation[] {Activation.RELU}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY)),
        Arguments.of("sklearn_binary_double", false,
            Topology.of(4, new int[] {6}, 1, new Activation[] {Activation.TANH}, Activation.LOGISTIC, Loss.CROSS_ENTROPY)),
        Arguments.of("sklearn_regressor_double", false,
            Topology.of(3, new int[] {8}, 1, new Activation[] {Activation.TANH}, Activation.IDENTITY, Loss.SQUARED_ERROR)),
        Arguments.of("keras_iris_float", true,
            Topology.of(4, new int[] {8}, 3, new Activation[] {Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY)),
        Arguments.of("keras_regressor_double", false,
            Topology.of(3, new int[] {8, 4}, 1, new Activation[] {Activation.RELU, Activation.LOGISTIC}, Activation.IDENTITY,
                Loss.SQUARED_ERROR)),
        Arguments.of("keras_elu_selu_softplus_float", true,
            Topology.of(5, new int[] {6, 5, 4}, 3, new Activation[] {Activation.ELU, Activation.SELU, Activation.SOFTPLUS},
                Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY)));
  }

  /** The fixture's rows: inputs, then the framework's outputs. */
  private static List<double[][]> rows(String name) throws IOException {
    List<double[][]> rows = new ArrayList<>();
    try (InputStream in = OnnxFrameworksTest.class.getResourceAsStream("onnx/" + name + ".rows");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] halves = line.split("\\|");
        rows.add(new double[][] {numbers(halves[0]), numbers(halves[1])});
      }
    }
    return rows;
  }

  private static double[] numbers(String text) {
    String[] words = text.trim().split(" ");
    double[] numbers = new double[words.length];
    for (int k = 0; k < words.length; k++) {
      numbers[k] = Double.parseDouble(words[k]);
    }
    return numbers;
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void theLoadedNetworkGivesTheFrameworksOutputs(String name, boolean single, Topology topology) throws IOException {
    List<double[][]> rows = rows(name);
    assertEquals(16, rows.size());
    if (single) {
      FloatNet net = new FloatNet(topology);
      try (InputStream in = getClass().getResourceAsStream("onnx/" + name + ".onnx")) {
        Onnx.load(in, name + ".onnx", net);
      }
      float[] input = new float[topology.inputs()];
      float[] output = new float[topology.outputs()];
      for (double[][] row : rows) {
        for (int i = 0; i < input.length; i++) {
          input[i] = (float) row[0][i];
        }
        net.predict(input, output);
        for (int k = 0; k < output.length; k++) {
          assertEquals(row[1][k], output[k], Math.max(1e-6, 1e-5 * Math.abs(row[1][k])), name + ", output " + k);
        }
      }
    } else {
      ReferenceNetwork net = new ReferenceNetwork(topology);
      try (InputStream in = getClass().getResourceAsStream("onnx/" + name + ".onnx")) {
        Onnx.load(in, name + ".onnx", net);
      }
      for (double[][] row : rows) {
        double[] output = net.predict(row[0]);
        for (int k = 0; k < output.length; k++) {
          assertEquals(row[1][k], output[k], 1e-12 * Math.max(1.0, Math.abs(row[1][k])), name + ", output " + k);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void aFloatModelLoadsIntoADoubleNetworkWidenedExactly(String name, boolean single, Topology topology) throws IOException {
    ReferenceNetwork wide = new ReferenceNetwork(topology);
    try (InputStream in = getClass().getResourceAsStream("onnx/" + name + ".onnx")) {
      Onnx.load(in, name + ".onnx", wide);
    }
    if (single) {
      for (double value : wide.parameters()) {
        assertEquals(value, (double) (float) value, 0.0, "every value is a float");
      }
    }
  }
}
