package dev.hardwired.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The main job: runs every example, prints one table of the results, writes pictures of the trainings
 * into {@code examples/target/pictures/}, says where the lessons beside the generated networks are, runs the frozen digits network here and in a JVM of its own, and
 * the iris network trained in PyTorch, frozen from its ONNX export. From the repository root: {@code ./mvnw -B -q package -DskipTests -Pexamples}. It is compiled in
 * the module's second pass (src/trained/java), after the training step, as it runs the frozen example.
 */
public final class Main {
  private static final String[] HEADER = {
    "example", "topology", "epochs", "training time", "final loss", "test result", "generated source"
  };

  /** Which columns hold numbers, and so are aligned to the right. */
  private static final boolean[] NUMERIC = {false, false, true, true, true, true, false};

  /** The picture of the three ways of gradient descent, in the pictures' folder. */
  static final String COMPARISON_PICTURE = "sine-gd-sgd-minibatch.png";

  private Main() {}

  public static void main(String[] args) {
    Path pictures = picturesDirectory();
    List<ExampleResult> results = runAll(pictures);
    System.out.print(table(results));
    System.out.println();
    System.out.println(DigitsBatches.run());
    System.out.println(picturesLine(pictures));
    System.out.println(lessonsLine());
    System.out.println(FrozenDigitsExample.run(pictures.resolveSibling("frozen-demo")));
    System.out.println(PyTorchIrisExample.run());
  }

  /**
   * Runs every example, in the order of the table: a single neuron first (linear regression, logistic
   * regression, the perceptron), then XOR, which no single neuron can learn, with one hidden layer and with
   * two, then the textbook network, iris, the 8×8 handwritten digits, the regression of a noisy sine
   * curve, and the same curve learnt by full-batch gradient descent, SGD and mini-batches.
   */
  public static List<ExampleResult> runAll() {
    return runAll(null);
  }

  /**
   * Runs every example, in the order of the table, drawing the XOR training, the learning curves and the
   * comparison of batch sizes into {@code pictureDirectory} unless it is null.
   */
  public static List<ExampleResult> runAll(Path pictureDirectory) {
    List<ExampleResult> results =
        new ArrayList<ExampleResult>(
            Arrays.asList(
                LinearRegressionExample.run(),
                LogisticRegressionExample.run(),
                PerceptronExample.run(),
                pictureDirectory == null ? XorExample.run() : XorExample.run(pictureDirectory),
                XorExample.runWide(),
                DeepXorExample.run(),
                TextbookExample.run(),
                IrisExample.run(),
                pictureDirectory == null ? DigitsExample.run() : DigitsExample.run(pictureDirectory),
                pictureDirectory == null ? SineExample.run() : SineExample.run(pictureDirectory)));
    List<BatchComparison.Run> comparison = BatchComparison.runAll();
    if (pictureDirectory != null) {
      BatchComparison.write(comparison, pictureDirectory.resolve(COMPARISON_PICTURE));
    }
    results.addAll(BatchComparison.results(comparison));
    return results;
  }

  /** The examples module's {@code target/pictures}: see {@link TrainingPictures#directory()}. */
  static Path picturesDirectory() {
    return TrainingPictures.directory();
  }


  /**
   * The line under the table that says where the pictures are: relative to the repository root when they
   * are in the examples module, as the paths in the table are, otherwise in full.
   */
  static String picturesLine(Path directory) {
    String where = TrainingPictures.where(directory);
    return XorExample.picturesLine(directory) + System.lineSeparator() + "Learning curves: " + where
        + "digits-learning-curve.png, " + where + "sine-learning-curve.png; full-batch GD, SGD and mini-batches"
        + " compared: " + where + COMPARISON_PICTURE;
  }

  /** The line that says where the lessons are: beside the generated sources, each with its picture. */
  static String lessonsLine() {
    String xor = ExampleResult.generatedSource(XorNetwork.class).replace(".java", ".md");
    String textbook = ExampleResult.generatedSource(TextbookNetwork.class).replace(".java", ".md");
    return "Lessons, each network's training step equation by equation with its picture and a worked step: "
        + xor + ", " + textbook + ", and one beside every generated network";
  }

  /** The results as a table: a header, a rule, then one line per example, columns padded with spaces. */
  public static String table(List<ExampleResult> results) {
    List<String[]> rows = new ArrayList<String[]>();
    rows.add(HEADER);
    for (ExampleResult r : results) {
      rows.add(
          new String[] {
            r.name(),
            r.topology(),
            String.format(Locale.ROOT, "%,d", r.epochs()),
            String.format(Locale.ROOT, "%.1f ms", r.trainingMillis()),
            r.finalLoss() == 0 ? "0" : String.format(Locale.ROOT, "%.3g", r.finalLoss()),
            r.testResult(),
            r.generatedSource()
          });
    }

    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    String[] rule = new String[HEADER.length];
    for (int c = 0; c < rule.length; c++) {
      rule[c] = repeat('-', widths[c]);
    }
    rows.add(1, rule);

    StringBuilder table = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        String padding = repeat(' ', widths[c] - row[c].length());
        line.append(c == 0 ? "" : "  ").append(NUMERIC[c] ? padding + row[c] : row[c] + padding);
      }
      table.append(line.toString().replaceAll("\\s+$", "")).append(System.lineSeparator());
    }
    return table.toString();
  }

  private static String repeat(char c, int times) {
    char[] chars = new char[times];
    Arrays.fill(chars, c);
    return new String(chars);
  }
}
