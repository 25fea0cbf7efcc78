package dev.hardwired.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's "ONNX" example, which quotes the block below line for line. */
class OnnxReadmeTest {
  @TempDir Path folder;

  @Test
  void theReadmeExample() throws IOException {
    Topology iris =
        Topology.of(4, new int[] {8}, 3, new Activation[] {Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    Path file = folder.resolve("iris.onnx");
    // README begin
    ReferenceNetwork net = ReferenceNetwork.seeded(iris, 42);  // or any generated network: IrisNetwork.seeded(42)
    Onnx.save(net, file);                                      // atomic: the previous file or the whole new one
    byte[] bytes = Onnx.model(net);                            // the same bytes, for a runtime that takes memory
    ReferenceNetwork tuned = new ReferenceNetwork(iris);       // or a model exported by PyTorch, to fine-tune
    Onnx.load(file, tuned);                                    // layers, activations and type checked, then set
    OnnxModel model = Onnx.read(file);                         // without a network: layers, activations, values
    // README end
    assertArrayEquals(bytes, Files.readAllBytes(file));
    assertArrayEquals(net.parameters(), tuned.parameters());
    assertArrayEquals(net.parameters(), model.values());
    DecodedOnnx read = new DecodedOnnx(bytes);
    assertEquals(Arrays.asList("Gemm", "Tanh", "Gemm", "Softmax"), read.operators());
  }

  @Test
  void theReadmeQuotesThisTest() throws IOException {
    String test =
        new String(Files.readAllBytes(Path.of("src/test/java/dev/hardwired/io/OnnxReadmeTest.java")), StandardCharsets.UTF_8);
    String block =
        test.substring(test.indexOf("// README begin\n") + "// README begin\n".length(), test.indexOf("    // README end"));
    List<String> readme = Files.readAllLines(Path.of("../README.md"), StandardCharsets.UTF_8);
    String text = String.join("\n", readme) + "\n";
    assertTrue(text.contains("```java\n" + block + "```\n"), "README.md quotes:\n" + block);
    assertTrue(text.contains("From `runtime/src/test/java/dev/hardwired/io/OnnxReadmeTest.java`"),
        "the README names this test, so that the processor's DocumentationTest checks it too");
    assertTrue(text.contains("(docs/interop.md)"), "the README links to the model's layout");
  }
}
