package dev.hardwired.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * An immutable, non-empty set of samples, each an input vector and a target vector of fixed widths, all
 * values finite.
 *
 * <p>The factories copy what they are given. {@link #input(int)} and {@link #target(int)} return the
 * stored rows themselves, so that a training loop can pass them straight to {@code train} without copying
 * or allocating: <strong>never modify them</strong>. Shuffles and splits share those rows, which is safe
 * because nothing writes to them.
 *
 * <p>A classification set also has class names: sample {@code i} belongs to class {@link #label(int)},
 * the position of the 1 in its one-hot target, or, with a single target, 0 or 1.
 *
 * <p><b>Threads.</b> Immutable, so one set may be shared by any number of threads and trainings, as long as
 * no one writes to the rows that {@link #input(int)} and {@link #target(int)} hand out.
 */
public final class DataSet {
  private final double[][] inputs;
  private final double[][] targets;
  private final int inputCount;
  private final int targetCount;
  private final List<String> classNames;

  /** Trusts its arguments: every caller has validated them, and no one else holds the outer arrays. */
  private DataSet(double[][] inputs, double[][] targets, int inputCount, int targetCount, List<String> classNames) {
    this.inputs = inputs;
    this.targets = targets;
    this.inputCount = inputCount;
    this.targetCount = targetCount;
    this.classNames = classNames;
  }

  /**
   * A data set of copies of the given rows: {@code inputs[i]} with {@code targets[i]}.
   *
   * @throws IllegalArgumentException when there are no samples, the counts differ, a row is null or has a
   *     different width from the first, or a value is not finite
   */
  public static DataSet of(double[][] inputs, double[][] targets) {
    return of(inputs, targets, Collections.<String>emptyList());
  }

  /**
   * A classification data set of copies of the given rows. With one name per target, every target must be
   * one-hot; with a single target and two names, every target must be 0 (the first class) or 1 (the
   * second). An empty list of names makes a set without classes, as {@link #of(double[][], double[][])}.
   *
   * @throws IllegalArgumentException as {@link #of(double[][], double[][])} does, or when the names or the
   *     targets do not fit together
   */
  public static DataSet of(double[][] inputs, double[][] targets, List<String> classNames) {
    if (inputs == null || targets == null) {
      throw new IllegalArgumentException((inputs == null ? "inputs" : "targets") + " is null");
    }
    if (inputs.length != targets.length) {
      throw new IllegalArgumentException(
          inputs.length + " inputs but " + targets.length + " targets; expected one target per input");
    }
    if (inputs.length == 0) {
      throw new IllegalArgumentException("no samples; a data set needs at least one");
    }
    double[][] inputCopy = copyRows(inputs, "inputs");
    double[][] targetCopy = copyRows(targets, "targets");
    List<String> names = copyClassNames(classNames);
    int targetCount = targetCopy[0].length;
    if (!names.isEmpty()) {
      int expected = targetCount == 1 ? 2 : targetCount;
      if (names.size() != expected) {
        throw new IllegalArgumentException(
            names.size() + " class names " + names + " for " + targetCount + " target"
                + (targetCount == 1 ? " (a single target needs 2 names)" : "s; expected one name per target"));
      }
      for (int i = 0; i < targetCopy.length; i++) {
        requireClassTarget(targetCopy, i, names);
      }
    }
    return new DataSet(inputCopy, targetCopy, inputCopy[0].length, targetCount, names);
  }

  /**
   * A classification data set whose targets are the one-hot encodings of {@code labels}: sample {@code i}
   * has input {@code inputs[i]} (copied) and belongs to class {@code classNames.get(labels[i])}.
   *
   * @throws IllegalArgumentException as {@link #of(double[][], double[][])} does, or when a label is not
   *     the index of a class or fewer than two classes are named
   */
  public static DataSet classification(double[][] inputs, int[] labels, List<String> classNames) {
    if (labels == null) {
      throw new IllegalArgumentException("labels is null");
    }
    List<String> names = copyClassNames(classNames);
    if (names.size() < 2) {
      throw new IllegalArgumentException("classification needs at least 2 class names; got " + names);
    }
    double[][] targets = new double[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= names.size()) {
        throw new IllegalArgumentException(
            "labels[" + i + "] is " + labels[i] + "; expected a class index 0.." + (names.size() - 1));
      }
      targets[i] = OneHot.encode(labels[i], names.size());
    }
    return of(inputs, targets, names);
  }

  /** Number of samples; at least 1. */
  public int size() {
    return inputs.length;
  }

  /** Width of every input vector. */
  public int inputCount() {
    return inputCount;
  }

  /** Width of every target vector. */
  public int targetCount() {
    return targetCount;
  }

  /** The class names, unmodifiable; empty unless this is a classification set. */
  public List<String> classNames() {
    return classNames;
  }

  /** The input of sample {@code i}: the stored row itself, which must not be modified. */
  public double[] input(int i) {
    return inputs[checkIndex(i)];
  }

  /** The target of sample {@code i}: the stored row itself, which must not be modified. */
  public double[] target(int i) {
    return targets[checkIndex(i)];
  }

  /**
   * The class of sample {@code i}: the index of the largest target value, or for a single target 1 when
   * it is at least 0.5, else 0 ({@link OneHot#decode}).
   */
  public int label(int i) {
    return OneHot.decode(targets[checkIndex(i)]);
  }

  /** Every input, copied. */
  public double[][] inputs() {
    return deepCopy(inputs);
  }

  /** Every target, copied. */
  public double[][] targets() {
    return deepCopy(targets);
  }

  /**
   * Number of samples of each class ({@link #label(int)}): one count per target, or two for a single
   * target.
   */
  public int[] classCounts() {
    int[] counts = new int[classCount()];
    for (int i = 0; i < targets.length; i++) {
      counts[OneHot.decode(targets[i])]++;
    }
    return counts;
  }

  /** The same samples in an order drawn from {@code seed}; the same seed gives the same order. */
  public DataSet shuffled(long seed) {
    return select(permutation(size(), seed), 0, size());
  }

  /**
   * The first {@code round(trainingFraction × size())} samples for training and the rest for testing,
   * both in this set's order. Shuffle first unless the order is already random.
   *
   * @throws IllegalArgumentException unless 0 &lt; trainingFraction &lt; 1 and both parts are non-empty
   */
  public Split split(double trainingFraction) {
    int trainingSize = trainingSize(trainingFraction, size());
    int[] order = new int[size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    return new Split(select(order, 0, trainingSize), select(order, trainingSize, order.length));
  }

  /**
   * A random split that keeps the class proportions: of each class's samples, {@code round(trainingFraction
   * × count)} go to training and the rest to testing, chosen and ordered by a shuffle drawn from {@code
   * seed}. Both parts come out shuffled.
   *
   * @throws IllegalArgumentException unless every target is one-hot (or 0 or 1 for a single target), 0
   *     &lt; trainingFraction &lt; 1 and both parts are non-empty
   */
  public Split stratifiedSplit(double trainingFraction, long seed) {
    requireFraction(trainingFraction);
    for (int i = 0; i < targets.length; i++) {
      requireClassTarget(targets, i, classNames);
    }
    int[] counts = classCounts();
    int[] quota = new int[counts.length];
    for (int c = 0; c < counts.length; c++) {
      quota[c] = (int) Math.round(trainingFraction * counts[c]);
    }
    int[] shuffled = permutation(size(), seed);
    // Stable partition of the shuffled order: training samples first, each class up to its quota.
    int[] order = new int[size()];
    int training = 0;
    int test = 0;
    int[] testIndices = new int[size()];
    for (int index : shuffled) {
      int c = OneHot.decode(targets[index]);
      if (quota[c] > 0) {
        quota[c]--;
        order[training++] = index;
      } else {
        testIndices[test++] = index;
      }
    }
    if (training == 0 || test == 0) {
      throw new IllegalArgumentException(
          "trainingFraction " + trainingFraction + " of class counts " + Arrays.toString(counts)
              + " leaves the " + (training == 0 ? "training" : "test") + " set empty");
    }
    System.arraycopy(testIndices, 0, order, training, test);
    return new Split(select(order, 0, training), select(order, training, order.length));
  }

  /** For example {@code DataSet[150 samples, 4 inputs, 3 targets, classes setosa, versicolor, virginica]}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("DataSet[")
        .append(size()).append(size() == 1 ? " sample, " : " samples, ")
        .append(inputCount).append(inputCount == 1 ? " input, " : " inputs, ")
        .append(targetCount).append(targetCount == 1 ? " target" : " targets");
    if (!classNames.isEmpty()) {
      s.append(", classes ");
      for (int c = 0; c < classNames.size(); c++) {
        s.append(c == 0 ? "" : ", ").append(classNames.get(c));
      }
    }
    return s.append(']').toString();
  }

  /** Samples {@code order[from..to)} of this set, with its widths and class names. */
  private DataSet select(int[] order, int from, int to) {
    double[][] in = new double[to - from][];
    double[][] out = new double[to - from][];
    for (int k = from; k < to; k++) {
      in[k - from] = inputs[order[k]];
      out[k - from] = targets[order[k]];
    }
    return new DataSet(in, out, inputCount, targetCount, classNames);
  }

  /** The same targets and class names with new inputs, each {@code inputCount} wide and finite. */
  DataSet withInputs(double[][] newInputs, int newInputCount) {
    return new DataSet(newInputs, targets, newInputCount, targetCount, classNames);
  }

  private int classCount() {
    return targetCount == 1 ? 2 : targetCount;
  }

  private int checkIndex(int i) {
    if (i < 0 || i >= inputs.length) {
      throw new IndexOutOfBoundsException("sample " + i + " of a data set of " + inputs.length + " (0.." + (inputs.length - 1) + ")");
    }
    return i;
  }

  private static int[] permutation(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Fisher–Yates, with java.util.Random so that a seed gives the same order on every JVM.
    Random random = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static void requireFraction(double trainingFraction) {
    if (!(trainingFraction > 0.0 && trainingFraction < 1.0)) {
      throw new IllegalArgumentException(
          "trainingFraction is " + trainingFraction + "; expected a number between 0 and 1, exclusive");
    }
  }

  private static int trainingSize(double trainingFraction, int size) {
    requireFraction(trainingFraction);
    int n = (int) Math.round(trainingFraction * size);
    if (n == 0 || n == size) {
      throw new IllegalArgumentException(
          "trainingFraction " + trainingFraction + " of " + size + " samples leaves the "
              + (n == 0 ? "training" : "test") + " set empty");
    }
    return n;
  }

  /** A one-hot row, or 0 or 1 for a single target; the message names the classes when there are any. */
  private static void requireClassTarget(double[][] targets, int i, List<String> classNames) {
    double[] t = targets[i];
    boolean ok;
    if (t.length == 1) {
      ok = t[0] == 0.0 || t[0] == 1.0;
    } else {
      int ones = 0;
      int zeros = 0;
      for (double v : t) {
        if (v == 1.0) {
          ones++;
        } else if (v == 0.0) {
          zeros++;
        }
      }
      ok = ones == 1 && zeros == t.length - 1;
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "targets[" + i + "] is " + Arrays.toString(t) + "; expected "
              + (t.length == 1 ? "0 or 1" : "a one-hot vector (one 1, the rest 0)")
              + (classNames.isEmpty() ? " for classification" : " for the classes " + classNames));
    }
  }

  private static List<String> copyClassNames(List<String> classNames) {
    if (classNames == null) {
      throw new IllegalArgumentException("classNames is null");
    }
    List<String> copy = new ArrayList<String>(classNames);
    for (int c = 0; c < copy.size(); c++) {
      if (copy.get(c) == null) {
        throw new IllegalArgumentException("class name " + c + " is null");
      }
      if (copy.indexOf(copy.get(c)) != c) {
        throw new IllegalArgumentException("class name '" + copy.get(c) + "' appears twice in " + copy);
      }
    }
    return Collections.unmodifiableList(copy);
  }

  /** Copies every row, checking that each is present, as wide as the first and finite. */
  private static double[][] copyRows(double[][] rows, String what) {
    double[][] copy = new double[rows.length][];
    int width = -1;
    for (int i = 0; i < rows.length; i++) {
      double[] row = rows[i];
      if (row == null) {
        throw new IllegalArgumentException(what + "[" + i + "] is null");
      }
      if (width < 0) {
        width = row.length;
        if (width == 0) {
          throw new IllegalArgumentException(what + "[0] is empty; expected at least one value");
        }
      } else if (row.length != width) {
        throw new IllegalArgumentException(
            what + "[" + i + "] has " + row.length + " values; expected " + width + " as " + what + "[0] has");
      }
      for (int k = 0; k < row.length; k++) {
        if (!Double.isFinite(row[k])) {
          throw new IllegalArgumentException(
              what + "[" + i + "][" + k + "] is " + row[k] + "; expected a finite number");
        }
      }
      copy[i] = row.clone();
    }
    return copy;
  }

  private static double[][] deepCopy(double[][] rows) {
    double[][] copy = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i].clone();
    }
    return copy;
  }

  /** A training set and a test set drawn from one data set. Immutable: safe to share between threads. */
  public static final class Split {
    private final DataSet training;
    private final DataSet test;

    Split(DataSet training, DataSet test) {
      this.training = training;
      this.test = test;
    }

    /** The samples to train on. */
    public DataSet training() {
      return training;
    }

    /** The held-out samples, never trained on, that show whether the network generalises. */
    public DataSet test() {
      return test;
    }

    @Override
    public String toString() {
      return "Split[training " + training.size() + ", test " + test.size() + "]";
    }
  }
}
