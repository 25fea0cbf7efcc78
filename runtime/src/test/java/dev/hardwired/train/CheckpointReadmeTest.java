package dev.hardwired.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.data.DataSet;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's checkpoint example, which quotes the block below line for line, after a crash. */
class CheckpointReadmeTest {
  @TempDir Path folder;

  @Test
  void theReadmeExample() {
    DataSet training = TrainerTest.regression(80, 1);
    Path file = folder.resolve("run.checkpoint");
    ReferenceNetwork uninterrupted = ReferenceNetwork.seeded(CheckpointRuns.TANH_3_5_2, 42);
    TrainingHistory expected =
        Trainer.create().optimizer(Optimizer.adam()).learningRate(0.01).batchSize(8).epochs(40).seed(7)
            .train(uninterrupted, training);
    // A first run crashes after epoch 12: its file holds the checkpoint of epoch 10.
    TrainingListener crash =
        (epoch, history) -> {
          if (epoch.epoch() == 12) {
            throw new IllegalStateException("crash");
          }
        };
    assertThrows(
        IllegalStateException.class,
        () -> Trainer.create().optimizer(Optimizer.adam()).learningRate(0.01).batchSize(8).epochs(40).seed(7)
            .checkpoint(file, 5).listener(crash).train(ReferenceNetwork.seeded(CheckpointRuns.TANH_3_5_2, 42), training));
    ReferenceNetwork net = ReferenceNetwork.seeded(CheckpointRuns.TANH_3_5_2, 42);
    // README begin
    TrainingHistory history = Trainer.create()
        .optimizer(Optimizer.adam())
        .learningRate(0.01)
        .batchSize(8)
        .epochs(40)
        .seed(7)
        .checkpoint(file, 5)          // every 5 epochs and at the end: atomic, checksummed
        .train(net, training);        // started again after a crash, the same call resumes the run
    // README end
    CheckpointRuns.assertSameRun("resumed", uninterrupted.parameters(), expected, net.parameters(), history);
    assertEquals(40, history.size());
  }

  @Test
  void theReadmeQuotesThisTest() throws IOException {
    String test =
        new String(
            Files.readAllBytes(Path.of("src/test/java/dev/hardwired/train/CheckpointReadmeTest.java")),
            StandardCharsets.UTF_8);
    String block =
        test.substring(test.indexOf("// README begin\n") + "// README begin\n".length(), test.indexOf("    // README end"));
    List<String> readme = Files.readAllLines(Path.of("../README.md"), StandardCharsets.UTF_8);
    String text = String.join("\n", readme) + "\n";
    assertTrue(text.contains("```java\n" + block + "```\n"), "README.md quotes:\n" + block);
    assertTrue(
        text.contains("From `runtime/src/test/java/dev/hardwired/train/CheckpointReadmeTest.java`"),
        "the README names this test, so that the processor's DocumentationTest checks it too");
    assertTrue(text.contains("(docs/checkpoints.md)"), "the README links to the format");
  }
}
