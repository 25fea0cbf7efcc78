package dev.hardwired.examples;

import dev.hardwired.data.DataSet;
import dev.hardwired.data.OneHot;
import dev.hardwired.io.WeightsFile;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Train, save, freeze, use: the build trains the digits network and saves its weights ({@link
 * FreezeDigits}), the compiler freezes them into {@code DigitsFrozen} ({@link FrozenDigits}), and this
 * example uses the frozen class twice: here, beside the trainable network loaded from the same weights
 * file, and in a second JVM whose class path holds nothing but the frozen class and a small program
 * ({@link FrozenDigitsDemo}). Every test digit must get bit for bit the same ten outputs in all three.
 */
public final class FrozenDigitsExample {
  /** Where the second compiler pass wrote the frozen class's source, relative to the repository root. */
  static final String GENERATED_SOURCE =
      "examples/target/generated-sources/trained/dev/hardwired/examples/DigitsFrozen.java";

  private FrozenDigitsExample() {}

  /** What the example found. */
  static final class Outcome {
    /** Bytes of the frozen class's class files (the class and its nested scratch class). */
    final long classBytes;
    /** Test digits, and how many of them got the trainable network's outputs bit for bit here and there. */
    final int digits;
    final int sameHere;
    final int sameInSecondJvm;
    /** The second JVM's class path, as it printed it. */
    final String secondClassPath;
    /** Test accuracy of the frozen class. */
    final double accuracy;

    Outcome(long classBytes, int digits, int sameHere, int sameInSecondJvm, String secondClassPath, double accuracy) {
      this.classBytes = classBytes;
      this.digits = digits;
      this.sameHere = sameHere;
      this.sameInSecondJvm = sameInSecondJvm;
      this.secondClassPath = secondClassPath;
      this.accuracy = accuracy;
    }

    /** For example {@code Frozen digits: DigitsFrozen, 61,802 bytes of class files, …}. */
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "Frozen digits: %s (%,d bytes of class files, nothing of the runtime) gives the trainable network's outputs"
              + " bit for bit on %d of %d test digits here and on %d of %d in a JVM whose class path is only %s;"
              + " test accuracy %.1f%%.",
          GENERATED_SOURCE,
          classBytes,
          sameHere,
          digits,
          sameInSecondJvm,
          digits,
          secondClassPath,
          100 * accuracy);
    }
  }

  /** Runs the example, putting the second JVM's class path folder in {@code directory}. */
  static Outcome run(Path directory) {
    try {
      DigitsNetwork trainable = DigitsNetwork.seeded(0);
      try (InputStream weights = FrozenDigits.class.getResourceAsStream("digits.weights")) {
        if (weights == null) {
          throw new IllegalStateException("digits.weights is not beside " + FrozenDigits.class.getName());
        }
        WeightsFile.load(weights, "digits.weights", trainable);
      }
      DataSet test = DigitsExample.scaling().apply(DigitsExample.load().stratifiedSplit(0.8, DigitsExample.SPLIT_SEED).test());
      double[][] expected = new double[test.size()][];
      int sameHere = 0;
      int right = 0;
      double[] frozen = new double[DigitsFrozen.OUTPUTS];
      for (int i = 0; i < test.size(); i++) {
        expected[i] = trainable.predict(test.input(i));
        DigitsFrozen.predict(test.input(i), frozen);
        if (Arrays.equals(expected[i], frozen)) {
          sameHere++;
        }
        if (OneHot.argmax(frozen) == test.label(i)) {
          right++;
        }
      }
      Path classes = copyClasses(directory);
      List<String> printed = runAlone(classes, test);
      int sameThere = 0;
      for (int i = 0; i < test.size() && i + 1 < printed.size(); i++) {
        if (printed.get(i + 1).equals(line(expected[i]))) {
          sameThere++;
        }
      }
      String classPath = printed.isEmpty() ? "" : printed.get(0).replaceFirst("^class path: ", "");
      return new Outcome(classBytes(), test.size(), sameHere, sameThere, classPath, (double) right / test.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The demo's line for one digit: the digit, then the bits of each output. */
  static String line(double[] outputs) {
    StringBuilder s = new StringBuilder().append(OneHot.argmax(outputs));
    for (double y : outputs) {
      s.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(y)));
    }
    return s.toString();
  }

  /** The folder of this package's class files. */
  private static Path classFolder() {
    try {
      return Paths.get(DigitsFrozen.class.getResource("DigitsFrozen.class").toURI()).getParent();
    } catch (URISyntaxException | RuntimeException e) {
      throw new IllegalStateException("the frozen class is not in a folder of class files", e);
    }
  }

  private static List<Path> frozenClassFiles(String prefix) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(classFolder(), prefix + "*.class")) {
      for (Path file : found) {
        files.add(file);
      }
    }
    return files;
  }

  private static long classBytes() throws IOException {
    long bytes = 0;
    for (Path file : frozenClassFiles("DigitsFrozen")) {
      bytes += Files.size(file);
    }
    return bytes;
  }

  /** Copies the frozen class and the demo, and nothing else, into {@code directory}: the second JVM's class path. */
  private static Path copyClasses(Path directory) throws IOException {
    Path into = directory.resolve("dev").resolve("hardwired").resolve("examples");
    Files.createDirectories(into);
    List<Path> files = frozenClassFiles("DigitsFrozen");
    files.addAll(frozenClassFiles("FrozenDigitsDemo"));
    for (Path file : files) {
      Files.copy(file, into.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
    }
    return directory;
  }

  /** Runs the demo in a new JVM on {@code classes} alone, feeding it the test digits: what it printed. */
  private static List<String> runAlone(Path classes, DataSet test) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java").toString();
    Process process =
        new ProcessBuilder(java, "-cp", classes.toAbsolutePath().toString(), FrozenDigitsDemo.class.getName())
            .redirectErrorStream(true)
            .start();
    try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
      for (int i = 0; i < test.size(); i++) {
        StringBuilder row = new StringBuilder();
        for (double x : test.input(i)) {
          row.append(row.length() == 0 ? "" : ",").append(x);
        }
        in.write(row.append('\n').toString());
      }
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
      }
    }
    try {
      int status = process.waitFor();
      if (status != 0) {
        throw new IllegalStateException("the frozen demo exited with " + status + ": " + String.join("\n", lines));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the frozen demo ran", e);
    }
    return lines;
  }

  public static void main(String[] args) {
    System.out.println(run(Main.picturesDirectory().resolveSibling("frozen-demo")));
  }
}
