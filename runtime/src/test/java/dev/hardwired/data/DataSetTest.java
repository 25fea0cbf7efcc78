package dev.hardwired.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DataSetTest {
  private static final List<String> ABC = Arrays.asList("a", "b", "c");

  /** Sample i has input {i, −i} and target i % 3 (one-hot among a, b, c, or the raw index). */
  private static DataSet numbered(int n, boolean classes) {
    double[][] inputs = new double[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      inputs[i] = new double[] {i, -i};
      labels[i] = i % 3;
    }
    if (classes) {
      return DataSet.classification(inputs, labels, ABC);
    }
    double[][] targets = new double[n][];
    for (int i = 0; i < n; i++) {
      targets[i] = new double[] {labels[i]};
    }
    return DataSet.of(inputs, targets);
  }

  @Test
  void holdsCopiesOfTheSamples() {
    double[][] inputs = {{1, 2}, {3, 4}, {5, 6}};
    double[][] targets = {{0.5}, {1.5}, {2.5}};
    DataSet data = DataSet.of(inputs, targets);
    inputs[0][0] = 99;
    targets[1] = new double[] {99};
    assertEquals(3, data.size());
    assertEquals(2, data.inputCount());
    assertEquals(1, data.targetCount());
    assertArrayEquals(new double[] {1, 2}, data.input(0));
    assertArrayEquals(new double[] {1.5}, data.target(1));
    assertTrue(data.classNames().isEmpty());
    assertEquals("DataSet[3 samples, 2 inputs, 1 target]", data.toString());
  }

  @Test
  void rowAccessorsReturnTheStoredRowsAndBulkAccessorsCopies() {
    DataSet data = numbered(4, false);
    assertSame(data.input(2), data.input(2), "no allocation per access");
    assertSame(data.target(2), data.target(2));
    double[][] inputs = data.inputs();
    inputs[2][0] = 99;
    data.targets()[2][0] = 99;
    assertArrayEquals(new double[] {2, -2}, data.input(2));
    assertArrayEquals(new double[] {2}, data.target(2));
  }

  @Test
  void rejectsInconsistentOrInvalidSamples() {
    double[][] two = {{1, 2}, {3, 4}};
    double[][] targets = {{1}, {0}};
    assertMessage("inputs is null", () -> DataSet.of(null, targets));
    assertMessage("targets is null", () -> DataSet.of(two, null));
    assertMessage("2 inputs but 1 targets; expected one target per input", () -> DataSet.of(two, new double[][] {{1}}));
    assertMessage("no samples; a data set needs at least one", () -> DataSet.of(new double[0][], new double[0][]));
    assertMessage("inputs[1] is null", () -> DataSet.of(new double[][] {{1}, null}, targets));
    assertMessage("inputs[0] is empty; expected at least one value", () -> DataSet.of(new double[][] {{}, {}}, targets));
    assertMessage(
        "inputs[1] has 3 values; expected 2 as inputs[0] has", () -> DataSet.of(new double[][] {{1, 2}, {1, 2, 3}}, targets));
    assertMessage(
        "targets[1] has 2 values; expected 1 as targets[0] has", () -> DataSet.of(two, new double[][] {{1}, {1, 0}}));
    assertMessage(
        "inputs[1][0] is NaN; expected a finite number", () -> DataSet.of(new double[][] {{1, 2}, {Double.NaN, 4}}, targets));
    assertMessage(
        "targets[0][0] is Infinity; expected a finite number",
        () -> DataSet.of(two, new double[][] {{Double.POSITIVE_INFINITY}, {0}}));
  }

  @Test
  void classificationEncodesLabelsOneHot() {
    DataSet data = DataSet.classification(new double[][] {{1}, {2}, {3}}, new int[] {2, 0, 1}, ABC);
    assertEquals(3, data.targetCount());
    assertArrayEquals(new double[] {0, 0, 1}, data.target(0));
    assertArrayEquals(new double[] {1, 0, 0}, data.target(1));
    assertEquals(2, data.label(0));
    assertEquals(0, data.label(1));
    assertEquals(1, data.label(2));
    assertEquals(ABC, data.classNames());
    assertArrayEquals(new int[] {1, 1, 1}, data.classCounts());
    assertEquals("DataSet[3 samples, 1 input, 3 targets, classes a, b, c]", data.toString());
    assertThrows(UnsupportedOperationException.class, () -> data.classNames().add("d"));
  }

  @Test
  void classificationRejectsBadLabelsAndNames() {
    double[][] inputs = {{1}, {2}};
    assertMessage("labels[1] is 3; expected a class index 0..2", () -> DataSet.classification(inputs, new int[] {0, 3}, ABC));
    assertMessage("labels[0] is -1; expected a class index 0..2", () -> DataSet.classification(inputs, new int[] {-1, 0}, ABC));
    assertMessage("labels is null", () -> DataSet.classification(inputs, null, ABC));
    assertMessage(
        "classification needs at least 2 class names; got [a]",
        () -> DataSet.classification(inputs, new int[] {0, 0}, Arrays.asList("a")));
    assertMessage(
        "class name 'a' appears twice in [a, b, a]",
        () -> DataSet.classification(inputs, new int[] {0, 1}, Arrays.asList("a", "b", "a")));
    assertMessage("class name 1 is null", () -> DataSet.classification(inputs, new int[] {0, 1}, Arrays.asList("a", null)));
  }

  @Test
  void ofWithClassNamesChecksTheTargets() {
    double[][] inputs = {{1}, {2}};
    DataSet binary = DataSet.of(inputs, new double[][] {{0}, {1}}, Arrays.asList("no", "yes"));
    assertEquals(Arrays.asList("no", "yes"), binary.classNames());
    assertEquals(0, binary.label(0));
    assertEquals(1, binary.label(1));
    assertArrayEquals(new int[] {1, 1}, binary.classCounts());
    assertMessage(
        "targets[1] is [0.5]; expected 0 or 1 for the classes [no, yes]",
        () -> DataSet.of(inputs, new double[][] {{0}, {0.5}}, Arrays.asList("no", "yes")));
    assertMessage(
        "targets[0] is [1.0, 1.0, 0.0]; expected a one-hot vector (one 1, the rest 0) for the classes [a, b, c]",
        () -> DataSet.of(inputs, new double[][] {{1, 1, 0}, {0, 0, 1}}, ABC));
    assertMessage(
        "2 class names [a, b] for 3 targets; expected one name per target",
        () -> DataSet.of(inputs, new double[][] {{1, 0, 0}, {0, 0, 1}}, Arrays.asList("a", "b")));
    assertMessage(
        "3 class names [a, b, c] for 1 target (a single target needs 2 names)",
        () -> DataSet.of(inputs, new double[][] {{1}, {0}}, ABC));
  }

  @Test
  void labelOfASingleTargetIsAThreshold() {
    DataSet data = DataSet.of(new double[][] {{0}, {0}, {0}}, new double[][] {{0.2}, {0.5}, {0.9}});
    assertEquals(0, data.label(0));
    assertEquals(1, data.label(1));
    assertEquals(1, data.label(2));
    assertArrayEquals(new int[] {1, 2}, data.classCounts());
  }

  @Test
  void indexOutOfRangeIsExplained() {
    DataSet data = numbered(3, true);
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> data.input(3));
    assertEquals("sample 3 of a data set of 3 (0..2)", e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> data.target(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> data.label(5));
  }

  @Test
  void shuffledIsADeterministicPermutationThatKeepsPairs() {
    DataSet data = numbered(50, true);
    DataSet shuffled = data.shuffled(7);
    assertEquals(50, shuffled.size());
    assertEquals(data.classNames(), shuffled.classNames());
    Set<Double> seen = new HashSet<>();
    boolean moved = false;
    for (int i = 0; i < shuffled.size(); i++) {
      double id = shuffled.input(i)[0];
      seen.add(id);
      moved |= id != i;
      assertEquals((int) id % 3, shuffled.label(i), "input and target stay together");
      assertEquals(-id, shuffled.input(i)[1], 0.0);
    }
    assertEquals(50, seen.size());
    assertTrue(moved);
    assertArrayEquals(data.shuffled(7).inputs(), shuffled.inputs());
    assertFalse(Arrays.deepEquals(data.shuffled(8).inputs(), shuffled.inputs()));
    assertArrayEquals(new double[] {0, 0}, data.input(0), "the original is unchanged");
  }

  @Test
  void splitKeepsOrder() {
    DataSet.Split split = numbered(10, false).split(0.8);
    assertEquals(8, split.training().size());
    assertEquals(2, split.test().size());
    for (int i = 0; i < 8; i++) {
      assertEquals(i, split.training().input(i)[0]);
    }
    assertEquals(8, split.test().input(0)[0]);
    assertEquals(9, split.test().input(1)[0]);
    assertEquals("Split[training 8, test 2]", split.toString());
    assertEquals(2, split.test().inputCount());
    assertEquals(1, split.test().targetCount());
  }

  @Test
  void splitRoundsAndRejectsFractionsThatLeaveAPartEmpty() {
    assertEquals(7, numbered(10, false).split(0.66).training().size());
    for (double f : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
      assertMessage(
          "trainingFraction is " + f + "; expected a number between 0 and 1, exclusive", () -> numbered(10, false).split(f));
    }
    assertMessage(
        "trainingFraction 0.99 of 10 samples leaves the test set empty", () -> numbered(10, false).split(0.99));
    assertMessage(
        "trainingFraction 0.01 of 10 samples leaves the training set empty", () -> numbered(10, false).split(0.01));
  }

  @Test
  void stratifiedSplitKeepsClassProportions() {
    // 60 of class a, 30 of b, 9 of c, in blocks, so that a plain split would take almost only a.
    List<double[]> inputs = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    int[] counts = {60, 30, 9};
    for (int c = 0; c < 3; c++) {
      for (int n = 0; n < counts[c]; n++) {
        inputs.add(new double[] {inputs.size()});
        labels.add(c);
      }
    }
    DataSet data =
        DataSet.classification(inputs.toArray(new double[0][]), labels.stream().mapToInt(Integer::intValue).toArray(), ABC);
    DataSet.Split split = data.stratifiedSplit(0.7, 11);
    assertArrayEquals(new int[] {42, 21, 6}, split.training().classCounts());
    assertArrayEquals(new int[] {18, 9, 3}, split.test().classCounts());
    assertEquals(ABC, split.training().classNames());

    Set<Double> all = new HashSet<>();
    for (DataSet part : new DataSet[] {split.training(), split.test()}) {
      for (int i = 0; i < part.size(); i++) {
        double id = part.input(i)[0];
        assertTrue(all.add(id), "sample " + id + " in both parts");
        assertEquals(labels.get((int) id).intValue(), part.label(i));
      }
    }
    assertEquals(99, all.size());

    DataSet.Split again = data.stratifiedSplit(0.7, 11);
    assertArrayEquals(split.training().inputs(), again.training().inputs(), "same seed, same split");
    assertFalse(
        Arrays.deepEquals(split.training().inputs(), data.stratifiedSplit(0.7, 12).training().inputs()));
    // Shuffled, not grouped by class: class a's 42 samples are not simply first.
    boolean mixed = false;
    for (int i = 0; i < 42; i++) {
      mixed |= split.training().label(i) != 0;
    }
    assertTrue(mixed);
  }

  @Test
  void stratifiedSplitOfBinaryTargets() {
    double[][] inputs = new double[20][];
    double[][] targets = new double[20][];
    for (int i = 0; i < 20; i++) {
      inputs[i] = new double[] {i};
      targets[i] = new double[] {i < 4 ? 1 : 0};
    }
    DataSet.Split split = DataSet.of(inputs, targets).stratifiedSplit(0.5, 1);
    assertArrayEquals(new int[] {8, 2}, split.training().classCounts());
    assertArrayEquals(new int[] {8, 2}, split.test().classCounts());
  }

  @Test
  void stratifiedSplitNeedsClassTargets() {
    DataSet regression = DataSet.of(new double[][] {{1}, {2}}, new double[][] {{0.5}, {1}});
    assertMessage(
        "targets[0] is [0.5]; expected 0 or 1 for classification", () -> regression.stratifiedSplit(0.5, 1));
    assertMessage(
        "trainingFraction is 1.0; expected a number between 0 and 1, exclusive",
        () -> numbered(9, true).stratifiedSplit(1.0, 1));
    assertMessage(
        "trainingFraction 0.1 of class counts [3, 3, 3] leaves the training set empty",
        () -> numbered(9, true).stratifiedSplit(0.1, 1));
  }

  private static void assertMessage(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }
}
