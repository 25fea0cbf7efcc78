package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void printsOneTableWithARowPerExample() {
    String printed = captureOutput(() -> Main.main(new String[0]));
    List<String> all = printed.lines().toList();
    // The progress of the longer trainings comes first, then the table.
    int table = all.indexOf(all.stream().filter(l -> l.startsWith("example  ")).findFirst().orElseThrow());
    assertTrue(all.subList(0, table).stream().anyMatch(l -> l.startsWith("Digits  epoch 30/30")), printed);
    assertTrue(all.subList(0, table).stream().anyMatch(l -> l.startsWith("Sine  done after 300 of 300 epochs")), printed);
    List<String> lines = all.subList(table, all.size());

    assertEquals(2 + 13 + 7, lines.size(), printed);
    assertTrue(lines.get(0).startsWith("example  "), printed);
    assertTrue(lines.get(1).matches("[- ]+"), printed);
    assertRow(lines.get(2), "Linear regression ", "2-1", "n/a", "LinearRegressionNetwork.java");
    assertRow(lines.get(3), "Logistic regression ", "2-1", "100.0%", "LogisticRegressionNetwork.java");
    assertRow(lines.get(4), "Perceptron ", "2-1", "100.0%", "PerceptronNetwork.java");
    assertRow(lines.get(5), "XOR ", "2-2-1", "100.0%", "XorNetwork.java");
    assertRow(lines.get(6), "XOR, 4 hidden ", "2-4-1", "100.0%", "WideXorNetwork.java");
    assertRow(lines.get(7), "Deep XOR ", "2-3-2-1", "100.0%", "DeepXorNetwork.java");
    assertRow(lines.get(8), "Textbook ", "2-2-2", "n/a", "TextbookNetwork.java");
    assertRow(lines.get(9), "Iris ", "4-8-3", "%", "IrisNetwork.java");
    assertRow(lines.get(10), "Digits ", "64-32-10", "%", "DigitsNetwork.java");
    assertRow(lines.get(11), "Sine regression ", "1-16-1", "RMSE 0.1", "SineNetwork.java");
    assertRow(lines.get(12), "Sine, full-batch GD ", "1-16-1", "RMSE 0.", "SineNetwork.java");
    assertRow(lines.get(13), "Sine, SGD ", "1-16-1", "RMSE 0.1", "SineNetwork.java");
    assertRow(lines.get(14), "Sine, mini-batch 16 ", "1-16-1", "RMSE 0.1", "SineNetwork.java");
    assertEquals("", lines.get(15), printed);
    assertTrue(lines.get(16).startsWith("Digits on mini-batches of 32, 30 epochs: "), printed);
    assertTrue(lines.get(16).endsWith("; the same parameters, bit for bit."), printed);
    assertTrue(lines.get(17).startsWith("Pictures of the XOR 2-2-1 training: examples/target/pictures/"), printed);
    assertTrue(lines.get(18).startsWith("Learning curves: examples/target/pictures/digits-learning-curve.png"), printed);
    assertTrue(lines.get(19).startsWith("Lessons, each network's training step equation by equation with its picture"
        + " and a worked step: examples/target/generated-sources/annotations/dev/hardwired/examples/XorNetwork.md, "),
        printed);
    assertTrue(lines.get(20).startsWith("Frozen digits: examples/target/generated-sources/"), printed);
    assertTrue(lines.get(20).contains("bit for bit on 359 of 359 test digits here and on 359 of 359 in a JVM"), printed);
    assertTrue(lines.get(21).startsWith("Iris trained in PyTorch, frozen from its ONNX export (" + PyTorchIrisExample.MODEL
        + "): PyTorch's probabilities within "), printed);
    assertTrue(lines.get(21).endsWith(" on 30 of 30 held-out flowers, the same species on 30 of 30; 100.0% right"), printed);
  }

  @Test
  void columnsLineUp() {
    List<String> lines = Main.table(Main.runAll()).lines().toList();
    int source = lines.get(0).indexOf("generated source");
    for (String line : lines.subList(2, lines.size())) {
      assertEquals(source, line.indexOf("examples/target/generated-sources/annotations/dev/hardwired/examples/"), line);
    }
  }

  private static void assertRow(String line, String name, String topology, String accuracy, String source) {
    assertTrue(line.startsWith(name), line);
    assertTrue(line.contains(" " + topology + " "), line);
    assertTrue(line.contains(accuracy), line);
    assertTrue(line.endsWith("examples/target/generated-sources/annotations/dev/hardwired/examples/" + source), line);
  }

  private static String captureOutput(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
