package dev.hardwired.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Predictor;
import dev.hardwired.Topology;
import dev.hardwired.reference.ReferenceNetwork;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MetricsTest {

  /** Predicts its input, as a network with as many outputs as inputs would. */
  private static Predictor echo(int width) {
    return new Predictor() {
      @Override
      public int inputCount() {
        return width;
      }

      @Override
      public int outputCount() {
        return width;
      }

      @Override
      public double[] predict(double[] input) {
        return input.clone();
      }

      @Override
      public void predict(double[] input, double[] output) {
        System.arraycopy(input, 0, output, 0, width);
      }
    };
  }

  @Test
  void accuracyComparesArgmaxes() {
    // Inputs are the "predictions"; classes 0, 1, 2, 2: three of four argmaxes right.
    DataSet data =
        DataSet.classification(
            new double[][] {{0.8, 0.1, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.1, 0.8}, {0.6, 0.3, 0.1}},
            new int[] {0, 1, 2, 2},
            Arrays.asList("a", "b", "c"));
    assertEquals(0.75, Metrics.accuracy(echo(3), data));
    assertArrayEquals(new int[][] {{1, 0, 0}, {0, 1, 0}, {1, 0, 1}}, Metrics.confusionMatrix(echo(3), data));
  }

  @Test
  void accuracyOfOneOutputThresholdsAtOneHalf() {
    DataSet data = DataSet.of(new double[][] {{0.7}, {0.5}, {0.49}, {0.2}, {0.9}}, new double[][] {{1}, {1}, {1}, {0}, {0}});
    assertEquals(3.0 / 5, Metrics.accuracy(echo(1), data));
    assertArrayEquals(new int[][] {{1, 1}, {1, 2}}, Metrics.confusionMatrix(echo(1), data));
  }

  @Test
  void meanLossAveragesTheNetworksLoss() {
    Topology t = Topology.of(1, new int[] {}, 1, new Activation[0], Activation.IDENTITY, Loss.SQUARED_ERROR);
    ReferenceNetwork network = new ReferenceNetwork(t);
    network.setParameters(new double[] {2, 1}); // y = 2x + 1
    DataSet data = DataSet.of(new double[][] {{0}, {1}, {2}}, new double[][] {{1}, {4}, {3}});
    // errors 0, −1, 2: losses 0, 0.5, 2
    assertEquals(2.5 / 3, Metrics.meanLoss(network, data), 1e-15);
  }

  @Test
  void rejectsDataOfAnotherShape() {
    DataSet data = DataSet.of(new double[][] {{1, 2}}, new double[][] {{1}});
    assertEquals(
        "the network maps 3 inputs to 3 outputs, but the data set has 2 inputs and 1 targets",
        assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(echo(3), data)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Metrics.confusionMatrix(echo(2), data));
    Topology t = Topology.of(1, new int[] {}, 1, new Activation[0], Activation.IDENTITY, Loss.SQUARED_ERROR);
    assertThrows(IllegalArgumentException.class, () -> Metrics.meanLoss(new ReferenceNetwork(t), data));
  }
}
