package dev.hardwired.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The exact text of version 1, pinned so that the format cannot drift unnoticed, and the documentation that
 * shows it: a change here is a change of the format, which wants a new version (docs/weights-file.md).
 */
class WeightsFileFormatTest {
  /** The pinned 2-1 file in single precision: no hidden layers, so the activations line is the key alone. */
  static final String LINEAR_FLOAT_FILE =
      "hardwired-weights 1\n"
          + "layers 2-1\n"
          + "hidden-activations\n"
          + "output-activation IDENTITY\n"
          + "loss SQUARED_ERROR\n"
          + "precision FLOAT\n"
          + "parameters 3\n"
          + "# layer 1: output, 1 neuron, IDENTITY\n"
          + "# parameters 0..1: ItoO weights into layer 1 neuron 0 from inputs 0..1\n"
          + "1.5 -0.1\n"
          + "# parameter 2: bias of layer 1 neuron 0\n"
          + "3.0E-5\n"
          + "checksum crc32 5e69ed74\n";

  @Test
  void theTextOfATinyDoubleNetwork() {
    assertEquals(Fixtures.XOR_FILE, Fixtures.text(Fixtures.xor()));
  }

  @Test
  void theTextOfATinyFloatNetwork() {
    Topology linear = Topology.of(2, new int[] {}, 1, new Activation[] {}, Activation.IDENTITY, Loss.SQUARED_ERROR);
    FloatNet net = new FloatNet(linear);
    net.setParameters(new float[] {1.5f, -0.1f, 3.0e-5f});
    assertEquals(LINEAR_FLOAT_FILE, Fixtures.text(net));
  }

  @Test
  void theFloatTwinDiffersOnlyInPrecisionAndChecksum() {
    String doubles = Fixtures.XOR_FILE;
    String floats = Fixtures.text(Fixtures.floatXor());
    assertEquals(
        Fixtures.withChecksum(doubles.replace("precision DOUBLE", "precision FLOAT")), floats);
  }

  @Test
  void theDocumentationShowsThePinnedFile() throws IOException {
    String doc = new String(Files.readAllBytes(Path.of("../docs/weights-file.md")), StandardCharsets.UTF_8);
    assertTrue(doc.contains("```text\n" + Fixtures.XOR_FILE + "```\n"), "docs/weights-file.md shows XOR_FILE exactly");
    assertTrue(doc.contains("```text\n" + LINEAR_FLOAT_FILE + "```\n"), "docs/weights-file.md shows LINEAR_FLOAT_FILE");
  }
}
