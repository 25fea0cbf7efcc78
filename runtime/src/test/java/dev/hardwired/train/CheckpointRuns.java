package dev.hardwired.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.data.DataSet;
import dev.hardwired.reference.ReferenceNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * The training runs that the checkpoint tests interrupt and resume, in this JVM and in a child JVM killed
 * with SIGKILL: every optimizer's state, both precisions, schedules, threads, early stopping and the other
 * stop rules, with and without shuffling.
 */
final class CheckpointRuns {
  private CheckpointRuns() {}

  static final Topology TANH_3_5_2 =
      Topology.of(3, new int[] {5}, 2, new Activation[] {Activation.TANH}, Activation.IDENTITY, Loss.SQUARED_ERROR);
  static final Topology SOFTMAX_4_6_3 =
      Topology.of(
          4, new int[] {6}, 3, new Activation[] {Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);

  /** One run: a trainer (without checkpoints), its data and how to make its network afresh. */
  static final class Run {
    final String name;
    final Trainer trainer;
    final Topology topology;
    final boolean floats;
    final long networkSeed;
    final DataSet training;
    final DataSet validation;

    Run(String name, Trainer trainer, Topology topology, boolean floats, long networkSeed, DataSet training, DataSet validation) {
      this.name = name;
      this.trainer = trainer;
      this.topology = topology;
      this.floats = floats;
      this.networkSeed = networkSeed;
      this.training = training;
      this.validation = validation;
    }

    /** A new network with the run's initial parameters: a reference network, or a float one. */
    Object network() {
      return floats ? ShuffledFloatNet.seeded(topology, networkSeed) : ReferenceNetwork.seeded(topology, networkSeed);
    }

    TrainingHistory train(Trainer with, Object network) {
      return network instanceof TrainableFloatNetwork
          ? with.train((TrainableFloatNetwork) network, training, validation)
          : with.train((TrainableNetwork) network, training, validation);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The runs, their data and seeds drawn from {@code seed}. */
  static List<Run> all(long seed) {
    List<Run> runs = new ArrayList<>();
    runs.add(
        new Run(
            "double, Adam, mini-batches of 8, early stopping",
            Trainer.create().optimizer(Optimizer.adam()).learningRate(0.02).batchSize(8).epochs(30).earlyStopping(6)
                .seed(seed),
            SOFTMAX_4_6_3, false, seed + 1, TrainerTest.classes(96, seed + 2), TrainerTest.classes(32, seed + 3)));
    runs.add(
        new Run(
            "double, SGD with Nesterov momentum and weight decay, step schedule, 2 threads",
            Trainer.create()
                .optimizer(Optimizer.sgd().momentum(0.9).nesterov(true).weightDecay(1e-3))
                .schedule(LearningRateSchedule.step(0.05, 5, 0.5))
                .batchSize(6).epochs(25).threads(2).seed(seed + 4),
            TANH_3_5_2, false, seed + 5, TrainerTest.regression(80, seed + 6), null));
    runs.add(
        new Run(
            "double, online SGD (the fused step), cosine schedule",
            Trainer.create().schedule(LearningRateSchedule.cosine(0.05, 0.001)).epochs(25).seed(seed + 7),
            TANH_3_5_2, false, seed + 8, TrainerTest.regression(60, seed + 9), null));
    runs.add(
        new Run(
            "float, AdamW clipped, mini-batches of 5, early stopping",
            Trainer.create().optimizer(Optimizer.adamW(0.01).clipNorm(1.0)).learningRate(0.01).batchSize(5).epochs(25)
                .earlyStopping(4).seed(seed + 10),
            SOFTMAX_4_6_3, true, seed + 11, TrainerTest.classes(64, seed + 12), TrainerTest.classes(24, seed + 13)));
    runs.add(
        new Run(
            "float, RMSprop, exponential schedule, target loss",
            Trainer.create().optimizer(Optimizer.rmsProp()).schedule(LearningRateSchedule.exponential(0.01, 0.95))
                .batchSize(7).epochs(25).targetLoss(1e-6).seed(seed + 14),
            TANH_3_5_2, true, seed + 15, TrainerTest.regression(70, seed + 16), null));
    runs.add(
        new Run(
            "double, SGD with momentum, no shuffling, a stop condition",
            Trainer.create().optimizer(Optimizer.sgd().momentum(0.5)).learningRate(0.05).batchSize(10).epochs(30)
                .shuffle(false).stopWhen(h -> h.size() >= 22),
            TANH_3_5_2, false, seed + 17, TrainerTest.regression(50, seed + 18), null));
    return runs;
  }

  /** The parameters of either kind of network, widened to double. */
  static double[] parameters(Object network) {
    if (network instanceof TrainableNetwork) {
      return ((TrainableNetwork) network).parameters();
    }
    float[] f = ((TrainableFloatNetwork) network).parameters();
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /** Asserts the same parameters and history, bit for bit (the seconds aside). */
  static void assertSameRun(
      String what, double[] expectedParameters, TrainingHistory expected, double[] actualParameters, TrainingHistory actual) {
    assertArrayEquals(bits(expectedParameters), bits(actualParameters), what + ": parameters");
    assertEquals(expected.stopReason(), actual.stopReason(), what + ": stop reason");
    assertEquals(expected.bestEpoch(), actual.bestEpoch(), what + ": best epoch");
    assertEquals(expected.size(), actual.size(), what + ": epochs");
    for (int e = 0; e < expected.size(); e++) {
      EpochRecord x = expected.epochs().get(e);
      EpochRecord y = actual.epochs().get(e);
      String at = what + ", epoch " + (e + 1) + ": ";
      assertEquals(x.epoch(), y.epoch(), at + "number");
      assertEquals(bits(x.learningRate()), bits(y.learningRate()), at + "learning rate");
      assertEquals(bits(x.trainingLoss()), bits(y.trainingLoss()), at + "training loss");
      assertEquals(bits(x.validationLoss()), bits(y.validationLoss()), at + "validation loss");
      assertEquals(bits(x.validationAccuracy()), bits(y.validationAccuracy()), at + "validation accuracy");
      assertEquals(x.steps(), y.steps(), at + "steps");
    }
  }

  private static long bits(double x) {
    return Double.doubleToRawLongBits(x);
  }

  private static long[] bits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = bits(values[i]);
    }
    return bits;
  }
}
