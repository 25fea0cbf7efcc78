package dev.hardwired.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's "Saving and loading weights" example, which quotes the block below line for line. */
class WeightsFileReadmeTest {
  @TempDir Path folder;

  @Test
  void theReadmeExample() throws IOException {
    Topology xor =
        Topology.of(2, new int[] {2}, 1, new Activation[] {Activation.LOGISTIC}, Activation.LOGISTIC, Loss.SQUARED_ERROR);
    Path file = folder.resolve("xor.weights");
    // README begin
    ReferenceNetwork net = ReferenceNetwork.seeded(xor, 42);   // or any generated network: XorNetwork.seeded(42)
    WeightsFile.save(net, file);                               // atomic: the previous file or the whole new one
    ReferenceNetwork restored = new ReferenceNetwork(xor);     // the same topology, every parameter 0
    WeightsFile.load(file, restored);                          // header, numbers and CRC-32 checked, then set
    Weights weights = WeightsFile.read(file);                  // without a network: topology, precision, values
    // README end
    assertArrayEquals(net.parameters(), restored.parameters());
    assertEquals(xor, weights.topology());
    assertEquals(Precision.DOUBLE, weights.precision());
    assertArrayEquals(net.parameters(), weights.values());
  }

  @Test
  void theReadmeQuotesThisTest() throws IOException {
    String test =
        new String(
            Files.readAllBytes(Path.of("src/test/java/dev/hardwired/io/WeightsFileReadmeTest.java")),
            StandardCharsets.UTF_8);
    String block =
        test.substring(test.indexOf("// README begin\n") + "// README begin\n".length(), test.indexOf("    // README end"));
    List<String> readme = Files.readAllLines(Path.of("../README.md"), StandardCharsets.UTF_8);
    String text = String.join("\n", readme) + "\n";
    assertTrue(text.contains("```java\n" + block + "```\n"), "README.md quotes:\n" + block);
    assertTrue(
        text.contains("From `runtime/src/test/java/dev/hardwired/io/WeightsFileReadmeTest.java`"),
        "the README names this test, so that the processor's DocumentationTest checks it too");
    assertTrue(text.contains("(docs/weights-file.md)"), "the README links to the format");
  }
}
