package dev.hardwired.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How well a classifier does, class by class: the confusion matrix and, per class, precision, recall, F1
 * and support, with accuracy and macro averages. Immutable. Made by {@link Metrics#classificationReport} or
 * {@link #of}; {@link #toString()} prints it as two aligned tables, for example
 *
 * <pre>
 * true \ predicted  setosa  versicolor  virginica
 * setosa                 2           0          0
 * versicolor             0           1          1
 * virginica              0           0          2
 *
 *             precision  recall     f1  support
 * setosa          1.000   1.000  1.000        2
 * versicolor      1.000   0.500  0.667        2
 * virginica       0.667   1.000  0.800        2
 *
 * accuracy                       0.833        6
 * macro avg       0.889   0.833  0.822        6
 * </pre>
 *
 * <p>For class c: precision = correct predictions of c / all predictions of c, recall = correct predictions
 * of c / samples of c (its support), F1 = 2 × precision × recall / (precision + recall). A ratio of 0 / 0
 * is 0: a class never predicted has precision 0, a class without samples recall 0, and F1 is 0 when
 * precision and recall are both 0 (scikit-learn's {@code zero_division=0}). The macro averages are
 * unweighted means over the classes that occur among the samples or the predictions; a class with neither
 * is left out, as scikit-learn leaves out labels absent from both.
 *
 * <p><b>Threads.</b> Immutable (its arrays are copied out): safe to share between threads.
 */
public final class ClassificationReport {
  private final int[][] matrix;
  private final List<String> classNames;
  private final int total;

  private ClassificationReport(int[][] matrix, List<String> classNames) {
    this.matrix = matrix;
    this.classNames = classNames;
    int sum = 0;
    for (int[] row : matrix) {
      for (int count : row) {
        sum += count;
      }
    }
    this.total = sum;
  }

  /**
   * The report of a confusion matrix whose {@code confusionMatrix[actual][predicted]} counts the samples of
   * class {@code actual} predicted as {@code predicted}, as {@link Metrics#confusionMatrix} gives it.
   *
   * @throws IllegalArgumentException unless the matrix is square with one row per class name, at least
   *     two, the names distinct and non-null, every count non-negative and at least one positive
   */
  public static ClassificationReport of(int[][] confusionMatrix, List<String> classNames) {
    if (confusionMatrix == null || classNames == null) {
      throw new IllegalArgumentException((confusionMatrix == null ? "confusionMatrix" : "classNames") + " is null");
    }
    List<String> names = Collections.unmodifiableList(new ArrayList<String>(classNames));
    int n = names.size();
    if (n < 2) {
      throw new IllegalArgumentException("a classification report needs at least 2 classes; got " + names);
    }
    for (int c = 0; c < n; c++) {
      if (names.get(c) == null || names.indexOf(names.get(c)) != c) {
        throw new IllegalArgumentException("class name " + c + " is " + (names.get(c) == null ? "null" : "'"
            + names.get(c) + "', which appears twice in " + names));
      }
    }
    if (confusionMatrix.length != n) {
      throw new IllegalArgumentException(
          "the confusion matrix has " + confusionMatrix.length + " rows; expected one per class " + names);
    }
    int[][] copy = new int[n][];
    long sum = 0;
    for (int a = 0; a < n; a++) {
      if (confusionMatrix[a] == null || confusionMatrix[a].length != n) {
        throw new IllegalArgumentException("row " + a + " of the confusion matrix is "
            + (confusionMatrix[a] == null ? "null" : confusionMatrix[a].length + " counts "
                + Arrays.toString(confusionMatrix[a])) + "; expected " + n + " counts");
      }
      copy[a] = confusionMatrix[a].clone();
      for (int p = 0; p < n; p++) {
        if (copy[a][p] < 0) {
          throw new IllegalArgumentException("confusionMatrix[" + a + "][" + p + "] is " + copy[a][p]
              + "; expected a count, at least 0");
        }
        sum += copy[a][p];
      }
    }
    if (sum == 0 || sum > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the confusion matrix counts " + sum + " samples; expected 1 to "
          + Integer.MAX_VALUE);
    }
    return new ClassificationReport(copy, names);
  }

  /** The class names, unmodifiable, in the order of the matrix's rows and columns. */
  public List<String> classNames() {
    return classNames;
  }

  /** Number of classes; at least 2. */
  public int classCount() {
    return classNames.size();
  }

  /** The confusion matrix, copied: {@code [actual][predicted]}, rows the true classes. */
  public int[][] confusionMatrix() {
    int[][] copy = new int[matrix.length][];
    for (int a = 0; a < matrix.length; a++) {
      copy[a] = matrix[a].clone();
    }
    return copy;
  }

  /** Number of samples; at least 1. */
  public int total() {
    return total;
  }

  /**
   * Number of samples whose true class is {@code c}.
   *
   * @throws IndexOutOfBoundsException unless 0 ≤ c &lt; classCount()
   */
  public int support(int c) {
    int sum = 0;
    for (int count : matrix[check(c)]) {
      sum += count;
    }
    return sum;
  }

  /**
   * Number of samples predicted as class {@code c}.
   *
   * @throws IndexOutOfBoundsException unless 0 ≤ c &lt; classCount()
   */
  public int predictedCount(int c) {
    check(c);
    int sum = 0;
    for (int[] row : matrix) {
      sum += row[c];
    }
    return sum;
  }

  /**
   * Of the samples predicted as class {@code c}, the fraction that are of class c; 0 if none is.
   *
   * @throws IndexOutOfBoundsException unless 0 ≤ c &lt; classCount()
   */
  public double precision(int c) {
    return ratio(matrix[check(c)][c], predictedCount(c));
  }

  /**
   * Of the samples of class {@code c}, the fraction predicted as c; 0 if there is none.
   *
   * @throws IndexOutOfBoundsException unless 0 ≤ c &lt; classCount()
   */
  public double recall(int c) {
    return ratio(matrix[check(c)][c], support(c));
  }

  /**
   * The harmonic mean of {@link #precision} and {@link #recall} of class {@code c}; 0 if both are 0.
   *
   * @throws IndexOutOfBoundsException unless 0 ≤ c &lt; classCount()
   */
  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
  }

  /** The fraction of samples predicted as their true class. */
  public double accuracy() {
    int correct = 0;
    for (int c = 0; c < matrix.length; c++) {
      correct += matrix[c][c];
    }
    return (double) correct / total;
  }

  /** The mean {@link #precision} of the classes that occur among the samples or predictions. */
  public double macroPrecision() {
    return macro(0);
  }

  /** The mean {@link #recall} of the classes that occur among the samples or predictions. */
  public double macroRecall() {
    return macro(1);
  }

  /** The mean {@link #f1} of the classes that occur among the samples or predictions. */
  public double macroF1() {
    return macro(2);
  }

  /**
   * The confusion matrix as an aligned table: one row per true class, one column per predicted class, the
   * corner saying so ({@code true \ predicted}); each line ends in {@code \n}.
   */
  public String confusionTable() {
    String corner = "true \\ predicted";
    int first = corner.length();
    for (String name : classNames) {
      first = Math.max(first, name.length());
    }
    int[] widths = new int[matrix.length];
    for (int p = 0; p < matrix.length; p++) {
      widths[p] = classNames.get(p).length();
      for (int[] row : matrix) {
        widths[p] = Math.max(widths[p], Integer.toString(row[p]).length());
      }
    }
    StringBuilder s = new StringBuilder(pad(corner, first));
    for (int p = 0; p < matrix.length; p++) {
      s.append("  ").append(padLeft(classNames.get(p), widths[p]));
    }
    s.append('\n');
    for (int a = 0; a < matrix.length; a++) {
      s.append(pad(classNames.get(a), first));
      for (int p = 0; p < matrix.length; p++) {
        s.append("  ").append(padLeft(Integer.toString(matrix[a][p]), widths[p]));
      }
      s.append('\n');
    }
    return s.toString();
  }

  /**
   * The {@link #confusionTable()}, a blank line, and a table of precision, recall, F1 and support per
   * class with accuracy and the macro averages, values to 3 decimals.
   */
  @Override
  public String toString() {
    int first = "macro avg".length();
    for (String name : classNames) {
      first = Math.max(first, name.length());
    }
    int support = Math.max("support".length(), Integer.toString(total).length());
    StringBuilder s = new StringBuilder(confusionTable()).append('\n');
    s.append(pad("", first)).append("  precision  recall     f1  ").append(padLeft("support", support)).append('\n');
    for (int c = 0; c < matrix.length; c++) {
      s.append(pad(classNames.get(c), first)).append("  ").append(padLeft(decimal(precision(c)), 9))
          .append("  ").append(padLeft(decimal(recall(c)), 6)).append("  ").append(decimal(f1(c)))
          .append("  ").append(padLeft(Integer.toString(support(c)), support)).append('\n');
    }
    s.append('\n');
    s.append(pad("accuracy", first)).append(pad("", 2 + 9 + 2 + 6)).append("  ").append(decimal(accuracy()))
        .append("  ").append(padLeft(Integer.toString(total), support)).append('\n');
    s.append(pad("macro avg", first)).append("  ").append(padLeft(decimal(macroPrecision()), 9))
        .append("  ").append(padLeft(decimal(macroRecall()), 6)).append("  ").append(decimal(macroF1()))
        .append("  ").append(padLeft(Integer.toString(total), support)).append('\n');
    return s.toString();
  }

  private double macro(int which) {
    double sum = 0.0;
    int classes = 0;
    for (int c = 0; c < matrix.length; c++) {
      if (support(c) + predictedCount(c) == 0) {
        continue;
      }
      sum += which == 0 ? precision(c) : which == 1 ? recall(c) : f1(c);
      classes++;
    }
    return sum / classes;
  }

  private int check(int c) {
    if (c < 0 || c >= matrix.length) {
      throw new IndexOutOfBoundsException("class " + c + " of " + classNames + " (0.." + (matrix.length - 1) + ")");
    }
    return c;
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }

  /** Always 5 characters: values lie in [0, 1]. */
  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private static String pad(String text, int width) {
    StringBuilder s = new StringBuilder(text);
    while (s.length() < width) {
      s.append(' ');
    }
    return s.toString();
  }

  private static String padLeft(String text, int width) {
    StringBuilder s = new StringBuilder();
    for (int k = text.length(); k < width; k++) {
      s.append(' ');
    }
    return s.append(text).toString();
  }
}
