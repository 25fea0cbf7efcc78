package dev.hardwired.examples;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The main job: runs every example, prints one table of the results and writes pictures of the XOR
 * training into {@code examples/target/pictures/}. From the repository root: {@code mvn -B -q package
 * -DskipTests -Pexamples}.
 */
public final class Main {
  private static final String[] HEADER = {
    "example", "topology", "epochs", "training time", "final loss", "test result", "generated source"
  };

  /** Which columns hold numbers, and so are aligned to the right. */
  private static final boolean[] NUMERIC = {false, false, true, true, true, true, false};

  /** Where {@link #main} writes the pictures, relative to the repository root, as printed. */
  static final String PICTURES_FROM_ROOT = "examples/target/pictures/";

  /** The picture of the three ways of gradient descent, in the pictures' folder. */
  static final String COMPARISON_PICTURE = "sine-gd-sgd-minibatch.png";

  private Main() {}

  public static void main(String[] args) {
    Path pictures = picturesDirectory();
    List<ExampleResult> results = runAll(pictures);
    System.out.print(table(results));
    System.out.println();
    System.out.println(picturesLine(pictures));
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

  /**
   * The examples module's {@code target/pictures}. It is found from where the examples' classes were loaded,
   * {@code target/classes} or a jar in {@code target}, because the working directory may be anywhere: the
   * main job runs in Maven's own JVM, whose working directory is where {@code mvn} was started. Failing
   * that, {@code target/pictures} in the working directory.
   */
  static Path picturesDirectory() {
    CodeSource source = Main.class.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location != null && "file".equals(location.getProtocol())) {
      try {
        Path target = Paths.get(location.toURI()).getParent();
        if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")) {
          return target.resolve("pictures");
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        // Not a path on this file system: use the working directory.
      }
    }
    return Paths.get("target", "pictures").toAbsolutePath();
  }

  /**
   * The line under the table that says where the pictures are: relative to the repository root when they
   * are in the examples module, as the paths in the table are, otherwise in full.
   */
  static String picturesLine(Path directory) {
    String where =
        directory.toAbsolutePath().endsWith(Paths.get("examples", "target", "pictures"))
            ? PICTURES_FROM_ROOT
            : directory.toAbsolutePath() + directory.getFileSystem().getSeparator();
    String prefix = XorExample.PICTURE_PREFIX;
    return "Pictures of the XOR 2-2-1 training: " + where + prefix + "-boundary-*.png ("
        + TrainingPictures.stripFile(prefix) + ": all side by side), " + TrainingPictures.learningCurveFile(prefix)
        + System.lineSeparator() + "Learning curves: " + where + "digits-learning-curve.png, " + where
        + "sine-learning-curve.png; full-batch GD, SGD and mini-batches compared: " + where + COMPARISON_PICTURE;
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
