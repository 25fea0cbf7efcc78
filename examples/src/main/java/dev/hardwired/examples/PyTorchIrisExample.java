package dev.hardwired.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A network trained in PyTorch, frozen from its ONNX export ({@link PyTorchIris}): scores the 30 held-out
 * flowers that PyTorch scored (pytorch/iris.rows) and says how far its probabilities are from PyTorch's.
 */
public final class PyTorchIrisExample {
  /** The model and PyTorch's outputs, relative to the repository root, for the printed line. */
  static final String MODEL = "examples/src/main/resources/dev/hardwired/examples/pytorch/iris.onnx";

  private PyTorchIrisExample() {}

  /**
   * For example {@code Iris trained in PyTorch, frozen from its ONNX export (…/iris.onnx): PyTorch's
   * probabilities within 6.0e-08 on 30 of 30 held-out flowers, the same species on 30 of 30; 100.0% right}.
   */
  public static String run() {
    int flowers = 0;
    int close = 0;
    int sameSpecies = 0;
    int right = 0;
    double largest = 0.0;
    try (InputStream in = PyTorchIrisExample.class.getResourceAsStream("pytorch/iris.rows");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] parts = line.split("\\|");
        float[] input = floats(parts[0]);
        float[] expected = floats(parts[1]);
        int species = Integer.parseInt(parts[2].trim());
        float[] output = PyTorchIrisFrozen.predict(input);
        boolean within = true;
        for (int k = 0; k < output.length; k++) {
          double difference = Math.abs(output[k] - expected[k]);
          largest = Math.max(largest, difference);
          within &= difference <= Math.max(1e-6, 1e-5 * Math.abs(expected[k]));
        }
        flowers++;
        close += within ? 1 : 0;
        sameSpecies += argmax(output) == argmax(expected) ? 1 : 0;
        right += argmax(output) == species ? 1 : 0;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return String.format(Locale.ROOT,
        "Iris trained in PyTorch, frozen from its ONNX export (%s): PyTorch's probabilities within %.1e on %d of"
            + " %d held-out flowers, the same species on %d of %d; %.1f%% right",
        MODEL, largest, close, flowers, sameSpecies, flowers, 100.0 * right / flowers);
  }

  private static float[] floats(String text) {
    String[] words = text.trim().split(" ");
    float[] values = new float[words.length];
    for (int i = 0; i < words.length; i++) {
      values[i] = (float) Double.parseDouble(words[i]);
    }
    return values;
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }
}
