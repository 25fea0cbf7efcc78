package dev.hardwired.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.data.DataSet;
import dev.hardwired.reference.ReferenceNetwork;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Trainer#threads(int)} against the computation it stands for: each batch cut into n contiguous parts,
 * each part's gradient summed on its own, the parts' sums added in their order, then one step of the
 * optimizer; with networks that share their parameters with their copies and with networks that only copy.
 */
class TrainerThreadsTest {
  private static final Topology SOFTMAX_4_6_3 =
      Topology.of(4, new int[] {6}, 3, new Activation[] {Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);

  private static final List<Optimizer> OPTIMIZERS =
      Arrays.asList(Optimizer.sgd().momentum(0.9), Optimizer.adam(), Optimizer.adam().clipNorm(0.05));

  @Test
  void threadsAddThePartsInTheirOrder() {
    DataSet data = TrainerTest.classes(90, 41);
    ReferenceNetwork initial = ReferenceNetwork.seeded(SOFTMAX_4_6_3, 42);
    for (Optimizer optimizer : OPTIMIZERS) {
      for (int threads : new int[] {2, 3}) {
        Trainer trainer = Trainer.create().optimizer(optimizer).learningRate(0.01).batchSize(16).epochs(3).shuffle(false);
        ReferenceNetwork trained = initial.copy();
        trainer.threads(threads).train(trained, data);
        double[] expected = partOrderRun(initial.copy(), data, optimizer, 0.01, 16, 3, threads);
        assertArrayEquals(expected, trained.parameters(), optimizer + ", " + threads + " threads");
        ReferenceNetwork again = initial.copy();
        trainer.threads(threads).train(again, data);
        assertArrayEquals(trained.parameters(), again.parameters(), optimizer + ", " + threads + " threads, run to run");
      }
    }
  }

  @Test
  void aNetworkWithOnlyCopyIsCopiedIntoBeforeEachBatch() {
    DataSet data = TrainerTest.classes(90, 43);
    ReferenceNetwork initial = ReferenceNetwork.seeded(SOFTMAX_4_6_3, 44);
    for (Optimizer optimizer : OPTIMIZERS) {
      Trainer trainer = Trainer.create().optimizer(optimizer).learningRate(0.01).batchSize(16).epochs(3).seed(5).threads(3);
      ReferenceNetwork sharing = initial.copy();
      OwnNetwork own = new OwnNetwork(initial.copy());
      trainer.train(sharing, data);
      trainer.train(own, data);
      assertArrayEquals(sharing.parameters(), own.parameters(), optimizer.toString());
      assertTrue(own.copies > 0, "its copies were made with copy()");
    }
  }

  @Test
  void aSharingCopyThatIsTheNetworkItselfIsRefused() {
    OwnNetwork own =
        new OwnNetwork(ReferenceNetwork.seeded(SOFTMAX_4_6_3, 45)) {
          @Override
          public TrainableNetwork copySharingParameters() {
            return this;
          }
        };
    Trainer trainer = Trainer.create().batchSize(8).epochs(1).threads(2);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> trainer.train(own, TrainerTest.classes(20, 46)));
    assertEquals(
        "copySharingParameters() of own ReferenceNetwork 4-6-3 (tanh, softmax; categorical cross-entropy), 51 parameters"
            + " returned the network itself; expected a network with scratch values of its own, for another thread",
        e.getMessage());
    OwnNetwork otherShape =
        new OwnNetwork(ReferenceNetwork.seeded(SOFTMAX_4_6_3, 47)) {
          @Override
          public TrainableNetwork copySharingParameters() {
            return new ReferenceNetwork(
                Topology.of(4, new int[] {5}, 3, new Activation[] {Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY));
          }
        };
    IllegalStateException shape =
        assertThrows(IllegalStateException.class, () -> trainer.train(otherShape, TrainerTest.classes(20, 46)));
    assertTrue(shape.getMessage().contains("has parameter array 0 of length 43; expected 51"), shape.getMessage());
  }

  @Test
  void sharesAreContiguousAndNearEqual() {
    int[] rows = new int[784 + 1 + 128 + 1];
    Arrays.fill(rows, 0, 784, 128);
    rows[784] = 128;
    Arrays.fill(rows, 785, 785 + 128, 10);
    rows[rows.length - 1] = 10;
    assertArrayEquals(new int[] {0, 398, rows.length}, Learner.shares(rows, 2));
    assertArrayEquals(new int[] {0, 265, 530, rows.length}, Learner.shares(rows, 3));
    // One array: one share holds it, the others are empty.
    assertArrayEquals(new int[] {0, 0, 1}, Learner.shares(new int[] {51}, 2));
    assertArrayEquals(new int[] {0, 1, 1, 2, 2}, Learner.shares(new int[] {10, 10}, 4));
  }

  /**
   * Training as the threads stand for, written out: with {@code parts} parts of every batch in order, each
   * summed from zero by its own copy of the network, the sums added part by part, then the optimizer's step.
   */
  static double[] partOrderRun(
      TrainableNetwork network, DataSet data, Optimizer optimizer, double rate, int batch, int epochs, int parts) {
    double[][] inputs = data.inputs();
    double[][] targets = data.targets();
    double[][] parameters = network.parameterArrays();
    double[][] total = new double[parameters.length][];
    double[][][] sums = new double[parts][parameters.length][];
    for (int k = 0; k < parameters.length; k++) {
      total[k] = new double[parameters[k].length];
      for (int c = 0; c < parts; c++) {
        sums[c][k] = new double[parameters[k].length];
      }
    }
    OptimizerState state = optimizer.bind(parameters, total);
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int from = 0; from < inputs.length; from += batch) {
        int to = Math.min(inputs.length, from + batch);
        for (int c = 0; c < parts; c++) {
          TrainableNetwork part = network.copy();
          for (double[] s : sums[c]) {
            Arrays.fill(s, 0.0);
          }
          int length = to - from;
          part.accumulateGradient(inputs, targets, null, from + length * c / parts, from + length * (c + 1) / parts, sums[c]);
        }
        for (int k = 0; k < total.length; k++) {
          for (int j = 0; j < total[k].length; j++) {
            double sum = sums[0][k][j];
            for (int c = 1; c < parts; c++) {
              sum += sums[c][k][j];
            }
            total[k][j] = sum;
          }
        }
        state.step(to - from, rate);
      }
    }
    return network.parameters();
  }

  /** A network of one's own: a reference network behind the interface, with {@code copy()} and no sharing. */
  static class OwnNetwork implements TrainableNetwork {
    private final ReferenceNetwork network;
    int copies;

    OwnNetwork(ReferenceNetwork network) {
      this.network = network;
    }

    @Override
    public Topology topology() {
      return network.topology();
    }

    @Override
    public int parameterCount() {
      return network.parameterCount();
    }

    @Override
    public int inputCount() {
      return network.inputCount();
    }

    @Override
    public int outputCount() {
      return network.outputCount();
    }

    @Override
    public double[] predict(double[] input) {
      return network.predict(input);
    }

    @Override
    public void predict(double[] input, double[] output) {
      network.predict(input, output);
    }

    @Override
    public void getParameters(double[] destination) {
      network.getParameters(destination);
    }

    @Override
    public void setParameters(double[] source) {
      network.setParameters(source);
    }

    @Override
    public double train(double[] input, double[] target, double learningRate) {
      return network.train(input, target, learningRate);
    }

    @Override
    public double loss(double[] input, double[] target) {
      return network.loss(input, target);
    }

    @Override
    public double accumulateGradient(double[] input, double[] target, double[] gradientSum) {
      return network.accumulateGradient(input, target, gradientSum);
    }

    @Override
    public double[][] parameterArrays() {
      return network.parameterArrays();
    }

    @Override
    public double accumulateGradient(double[] input, double[] target, double[][] gradientSums) {
      return network.accumulateGradient(input, target, gradientSums);
    }

    @Override
    public TrainableNetwork copy() {
      copies++;
      return new OwnNetwork(network.copy());
    }

    @Override
    public String toString() {
      return "own " + network;
    }
  }
}
