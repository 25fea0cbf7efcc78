package dev.hardwired.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardwired.Predictor;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {
  // True classes cat, cat, cat, dog, dog, dog, hummingbird; predicted cat, cat, dog, dog, cat, dog, dog.
  // Hummingbird is never predicted.
  private static final DataSet ANIMALS =
      DataSet.classification(
          new double[][] {{0}, {1}, {2}, {3}, {4}, {5}, {6}},
          new int[] {0, 0, 0, 1, 1, 1, 2},
          Arrays.asList("cat", "dog", "hummingbird"));

  private static final double[][] ANIMAL_OUTPUTS = {
    {0.9, 0.1, 0}, {0.6, 0.3, 0.1}, {0.2, 0.7, 0.1}, {0.1, 0.8, 0.1}, {0.5, 0.4, 0.1}, {0, 1, 0}, {0.3, 0.4, 0.3}
  };

  /** Returns {@code outputs[i]} for the input {i}, and remembers every output array it was given. */
  static final class Fixed implements Predictor {
    final Set<double[]> buffers = Collections.newSetFromMap(new IdentityHashMap<double[], Boolean>());
    private final double[][] outputs;

    Fixed(double[][] outputs) {
      this.outputs = outputs;
    }

    @Override
    public int inputCount() {
      return 1;
    }

    @Override
    public int outputCount() {
      return outputs[0].length;
    }

    @Override
    public double[] predict(double[] input) {
      throw new AssertionError("evaluation must reuse one output buffer");
    }

    @Override
    public void predict(double[] input, double[] output) {
      buffers.add(output);
      System.arraycopy(outputs[(int) input[0]], 0, output, 0, output.length);
    }
  }

  @Test
  void countsPerClassAgainstHandComputedValues() {
    Fixed predictor = new Fixed(ANIMAL_OUTPUTS);
    ClassificationReport r = Metrics.classificationReport(predictor, ANIMALS);
    assertEquals(1, predictor.buffers.size(), "one output buffer for all samples");
    assertArrayEquals(new int[][] {{2, 1, 0}, {1, 2, 0}, {0, 1, 0}}, r.confusionMatrix());
    assertEquals(Arrays.asList("cat", "dog", "hummingbird"), r.classNames());
    assertEquals(3, r.classCount());
    assertEquals(7, r.total());
    assertEquals(4.0 / 7, r.accuracy());
    assertEquals(Metrics.accuracy(predictor, ANIMALS), r.accuracy());
    assertArrayEquals(new int[] {3, 3, 1}, new int[] {r.support(0), r.support(1), r.support(2)});
    assertArrayEquals(new int[] {3, 4, 0}, new int[] {r.predictedCount(0), r.predictedCount(1), r.predictedCount(2)});
    assertEquals(2.0 / 3, r.precision(0));
    assertEquals(0.5, r.precision(1));
    assertEquals(0.0, r.precision(2), "never predicted: 0 / 0 is 0");
    assertEquals(2.0 / 3, r.recall(0));
    assertEquals(2.0 / 3, r.recall(1));
    assertEquals(0.0, r.recall(2));
    assertEquals(2.0 / 3, r.f1(0), 1e-15);
    assertEquals(4.0 / 7, r.f1(1), 1e-15); // 2 × 1/2 × 2/3 / (1/2 + 2/3)
    assertEquals(0.0, r.f1(2), "precision and recall 0: F1 is 0");
    assertEquals((2.0 / 3 + 0.5 + 0) / 3, r.macroPrecision(), 1e-15);
    assertEquals((2.0 / 3 + 2.0 / 3 + 0) / 3, r.macroRecall(), 1e-15);
    assertEquals((2.0 / 3 + 4.0 / 7 + 0) / 3, r.macroF1(), 1e-15);
  }

  @Test
  void printsAlignedTablesWithTheClassNames() {
    ClassificationReport r = Metrics.classificationReport(new Fixed(ANIMAL_OUTPUTS), ANIMALS);
    assertEquals(
        """
        true \\ predicted  cat  dog  hummingbird
        cat                 2    1            0
        dog                 1    2            0
        hummingbird         0    1            0
        """,
        r.confusionTable());
    assertEquals(
        r.confusionTable()
            + """

                           precision  recall     f1  support
              cat              0.667   0.667  0.667        3
              dog              0.500   0.667  0.571        3
              hummingbird      0.000   0.000  0.000        1

              accuracy                        0.571        7
              macro avg        0.389   0.444  0.413        7
              """,
        r.toString());
  }

  @Test
  void theJavadocExamplePrintsAsShown() {
    ClassificationReport r =
        ClassificationReport.of(
            new int[][] {{2, 0, 0}, {0, 1, 1}, {0, 0, 2}}, Arrays.asList("setosa", "versicolor", "virginica"));
    assertEquals(
        """
        true \\ predicted  setosa  versicolor  virginica
        setosa                 2           0          0
        versicolor             0           1          1
        virginica              0           0          2

                    precision  recall     f1  support
        setosa          1.000   1.000  1.000        2
        versicolor      1.000   0.500  0.667        2
        virginica       0.667   1.000  0.800        2

        accuracy                       0.833        6
        macro avg       0.889   0.833  0.822        6
        """,
        r.toString());
  }

  @Test
  void macroAveragesLeaveOutClassesWithNeitherSamplesNorPredictions() {
    ClassificationReport three = ClassificationReport.of(new int[][] {{2, 1, 0}, {1, 2, 0}, {0, 1, 0}}, Arrays.asList("a", "b", "c"));
    ClassificationReport four =
        ClassificationReport.of(
            new int[][] {{2, 1, 0, 0}, {1, 2, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 0}}, Arrays.asList("a", "b", "c", "d"));
    assertEquals(three.macroPrecision(), four.macroPrecision());
    assertEquals(three.macroRecall(), four.macroRecall());
    assertEquals(three.macroF1(), four.macroF1());
    assertEquals(0.0, four.precision(3));
    assertEquals(0.0, four.recall(3));
    assertEquals(0, four.support(3));
  }

  @Test
  void aSingleLogisticOutputHasTwoClassesNamedByNumber() {
    DataSet data = DataSet.of(new double[][] {{0}, {1}, {2}}, new double[][] {{1}, {0}, {1}});
    ClassificationReport r = Metrics.classificationReport(new Fixed(new double[][] {{0.8}, {0.6}, {0.2}}), data);
    assertEquals(Arrays.asList("0", "1"), r.classNames());
    assertArrayEquals(new int[][] {{0, 1}, {1, 1}}, r.confusionMatrix());
  }

  @Test
  void rejectsMalformedMatrices() {
    assertEquals(
        "the confusion matrix has 1 rows; expected one per class [a, b]",
        assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(new int[][] {{1, 0}}, Arrays.asList("a", "b")))
            .getMessage());
    assertEquals(
        "confusionMatrix[1][0] is -1; expected a count, at least 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> ClassificationReport.of(new int[][] {{1, 0}, {-1, 0}}, Arrays.asList("a", "b")))
            .getMessage());
    assertEquals(
        "the confusion matrix counts 0 samples; expected 1 to 2147483647",
        assertThrows(
                IllegalArgumentException.class,
                () -> ClassificationReport.of(new int[][] {{0, 0}, {0, 0}}, Arrays.asList("a", "b")))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(new int[][] {{1}}, Arrays.asList("a")));
    assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(new int[][] {{1, 0}, {0, 1}}, Arrays.asList("a", "a")));
    assertThrows(IndexOutOfBoundsException.class, () -> ClassificationReport.of(new int[][] {{1, 0}, {0, 1}}, Arrays.asList("a", "b")).recall(2));
  }

  @Test
  void theMatrixIsCopiedInAndOut() {
    int[][] matrix = {{1, 0}, {0, 1}};
    ClassificationReport r = ClassificationReport.of(matrix, Arrays.asList("a", "b"));
    matrix[0][1] = 5;
    r.confusionMatrix()[1][0] = 5;
    assertArrayEquals(new int[][] {{1, 0}, {0, 1}}, r.confusionMatrix());
  }
}
