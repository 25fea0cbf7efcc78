package dev.hardwired.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.data.DataSet;
import dev.hardwired.reference.ReferenceNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class TrainerTest {
  private static final Topology TANH_3_5_2 =
      Topology.of(3, new int[] {5}, 2, new Activation[] {Activation.TANH}, Activation.IDENTITY, Loss.SQUARED_ERROR);
  private static final Topology SOFTMAX_4_6_3 =
      Topology.of(
          4, new int[] {6}, 3, new Activation[] {Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);

  /** {@code n} samples of a smooth function of the inputs, with a little noise. */
  static DataSet regression(int n, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[n][3];
    double[][] y = new double[n][2];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = random.nextDouble() * 2 - 1;
      }
      y[i][0] = Math.sin(x[i][0] + x[i][1]) + 0.05 * random.nextGaussian();
      y[i][1] = x[i][2] * x[i][0] + 0.05 * random.nextGaussian();
    }
    return DataSet.of(x, y);
  }

  /** Three classes of points in four dimensions, by the sign pattern of two of their coordinates. */
  static DataSet classes(int n, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[n][4];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 4; j++) {
        x[i][j] = random.nextGaussian();
      }
      labels[i] = x[i][0] + x[i][1] > 0.5 ? 0 : x[i][2] > 0 ? 1 : 2;
    }
    return DataSet.classification(x, labels, Arrays.asList("a", "b", "c"));
  }

  // ---------------------------------------------------------------- batches

  @Test
  void aMiniBatchStepIsTheAverageOfItsSamplesGradients() {
    DataSet data = regression(10, 1);
    ReferenceNetwork trained = ReferenceNetwork.seeded(TANH_3_5_2, 2);
    ReferenceNetwork expected = trained.copy();
    Trainer.create().learningRate(0.05).batchSize(4).epochs(3).shuffle(false).train(trained, data);
    // By hand: batches of 4, 4 and 2 samples; each step the mean of the flat per-sample gradients.
    int p = TANH_3_5_2.parameterCount();
    for (int epoch = 0; epoch < 3; epoch++) {
      for (int from = 0; from < 10; from += 4) {
        int to = Math.min(10, from + 4);
        double[] sum = new double[p];
        for (int i = from; i < to; i++) {
          expected.accumulateGradient(data.input(i), data.target(i), sum);
        }
        double[] w = expected.parameters();
        for (int j = 0; j < p; j++) {
          w[j] -= 0.05 * (sum[j] / (to - from));
        }
        expected.setParameters(w);
      }
    }
    assertClose(expected.parameters(), trained.parameters(), 1e-14);
  }

  @Test
  void theWholeSetAsOneBatchIsGradientDescent() {
    DataSet data = regression(12, 3);
    ReferenceNetwork trained = ReferenceNetwork.seeded(TANH_3_5_2, 4);
    ReferenceNetwork expected = trained.copy();
    TrainingHistory history = Trainer.create().learningRate(0.2).fullBatch().epochs(5).train(trained, data);
    for (int epoch = 0; epoch < 5; epoch++) {
      double[] sum = new double[TANH_3_5_2.parameterCount()];
      double loss = 0;
      for (int i = 0; i < 12; i++) {
        loss += expected.accumulateGradient(data.input(i), data.target(i), sum);
      }
      assertEquals(loss / 12, history.epochs().get(epoch).trainingLoss(), 1e-14, "loss of epoch " + (epoch + 1));
      double[] w = expected.parameters();
      for (int j = 0; j < w.length; j++) {
        w[j] -= 0.2 * (sum[j] / 12);
      }
      expected.setParameters(w);
    }
    assertClose(expected.parameters(), trained.parameters(), 1e-14);
    assertEquals(5, history.last().steps(), "one step per epoch");
  }

  @Test
  void onlineSgdIsTheNetworksOwnTrainStepInTheSeededOrder() {
    DataSet data = regression(9, 5);
    ReferenceNetwork trained = ReferenceNetwork.seeded(TANH_3_5_2, 6);
    ReferenceNetwork expected = trained.copy();
    TrainingHistory history = Trainer.create().learningRate(0.1).epochs(4).seed(77).train(trained, data);
    Random random = new Random(77);
    int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    for (int epoch = 0; epoch < 4; epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      double loss = 0;
      for (int i : order) {
        loss += expected.train(data.input(i), data.target(i), 0.1);
      }
      assertEquals(loss / 9, history.epochs().get(epoch).trainingLoss(), 0.0, "loss of epoch " + (epoch + 1));
    }
    assertArrayEquals(expected.parameters(), trained.parameters());
    assertEquals(36, history.last().steps());
  }

  // ---------------------------------------------------------------- reproducibility

  @Test
  void theSameSeedGivesTheSameBitsAndAnotherSeedOthers() {
    DataSet data = classes(60, 7);
    DataSet validation = classes(30, 8);
    Trainer trainer = Trainer.create().optimizer(Optimizer.adam()).learningRate(0.01).batchSize(8).epochs(6).seed(9);
    ReferenceNetwork a = ReferenceNetwork.seeded(SOFTMAX_4_6_3, 1);
    ReferenceNetwork b = a.copy();
    ReferenceNetwork c = a.copy();
    TrainingHistory first = trainer.train(a, data, validation);
    TrainingHistory second = trainer.train(b, data, validation);
    TrainingHistory other = trainer.seed(10).train(c, data, validation);
    assertArrayEquals(a.parameters(), b.parameters());
    assertArrayEquals(first.trainingLosses(), second.trainingLosses());
    assertArrayEquals(first.validationLosses(), second.validationLosses());
    for (int e = 0; e < first.size(); e++) {
      assertEquals(first.epochs().get(e).validationAccuracy(), second.epochs().get(e).validationAccuracy());
    }
    assertNotEquals(Arrays.toString(a.parameters()), Arrays.toString(c.parameters()));
    assertNotEquals(first.last().trainingLoss(), other.last().trainingLoss());
  }

  @Test
  void aParallelSweepGivesTheBitsOfTheSequentialRuns() {
    DataSet data = classes(80, 11);
    DataSet validation = classes(40, 12);
    List<Trainer> trainers = new ArrayList<>();
    trainers.add(Trainer.create().optimizer(Optimizer.adam()).learningRate(0.01).batchSize(16).epochs(8));
    trainers.add(Trainer.create().optimizer(Optimizer.sgd().momentum(0.9).nesterov(true)).learningRate(0.02).batchSize(4).epochs(8));
    trainers.add(Trainer.create().optimizer(Optimizer.rmsProp()).learningRate(0.003).batchSize(1).epochs(8).seed(3));
    trainers.add(Trainer.create().learningRate(0.05).epochs(8).seed(4));
    trainers.add(Trainer.create().optimizer(Optimizer.adamW(0.01)).learningRate(0.01).fullBatch().epochs(8));
    ReferenceNetwork start = ReferenceNetwork.seeded(SOFTMAX_4_6_3, 13);
    List<ReferenceNetwork> sequential = new ArrayList<>();
    List<TrainingHistory> sequentialHistories = new ArrayList<>();
    for (Trainer trainer : trainers) {
      ReferenceNetwork copy = start.copy();
      sequentialHistories.add(trainer.train(copy, data, validation));
      sequential.add(copy);
    }
    List<ReferenceNetwork> parallel = new ArrayList<>();
    List<Callable<TrainingHistory>> tasks = new ArrayList<>();
    for (Trainer trainer : trainers) {
      ReferenceNetwork copy = start.copy();
      parallel.add(copy);
      tasks.add(() -> trainer.train(copy, data, validation));
    }
    List<TrainingHistory> parallelHistories = Sweep.run(tasks, 3);
    for (int t = 0; t < trainers.size(); t++) {
      assertArrayEquals(sequential.get(t).parameters(), parallel.get(t).parameters(), trainers.get(t).toString());
      assertArrayEquals(sequentialHistories.get(t).trainingLosses(), parallelHistories.get(t).trainingLosses());
      assertArrayEquals(sequentialHistories.get(t).validationLosses(), parallelHistories.get(t).validationLosses());
    }
  }

  @Test
  void aFailedSweepTaskIsReportedWithItsIndexAfterTheOthersEnd() {
    List<Callable<String>> tasks = new ArrayList<>();
    tasks.add(() -> "fine");
    tasks.add(
        () -> {
          throw new IllegalStateException("broken");
        });
    tasks.add(() -> "fine too");
    Sweep.SweepException e = assertThrows(Sweep.SweepException.class, () -> Sweep.run(tasks, 2));
    assertEquals(1, e.task());
    assertTrue(e.getMessage().startsWith("task 1 of 3 failed: java.lang.IllegalStateException: broken"), e.getMessage());
  }

  // ---------------------------------------------------------------- stop rules

  @Test
  void earlyStoppingGivesBackTheParametersOfTheBestEpoch() {
    DataSet data = classes(40, 21);
    // A validation set that disagrees with the training set: the better the fit, the worse it does.
    double[][] flipped = data.targets();
    for (double[] t : flipped) {
      double first = t[0];
      t[0] = t[1];
      t[1] = t[2];
      t[2] = first;
    }
    DataSet validation = DataSet.of(data.inputs(), flipped, data.classNames());
    Trainer trainer = Trainer.create().optimizer(Optimizer.adam()).learningRate(0.02).batchSize(8).epochs(200);
    ReferenceNetwork network = ReferenceNetwork.seeded(SOFTMAX_4_6_3, 22);
    ReferenceNetwork again = network.copy();
    TrainingHistory history = trainer.earlyStopping(3).train(network, data, validation);
    assertEquals(TrainingHistory.StopReason.EARLY_STOPPING, history.stopReason());
    int best = history.bestEpoch();
    assertEquals(best + 3, history.size(), "stopped after three epochs without improvement");
    double[] losses = history.validationLosses();
    for (int e = 0; e < losses.length; e++) {
      assertTrue(losses[e] >= losses[best - 1], "epoch " + (e + 1) + " was better than the best");
    }
    // The parameters are those after the best epoch: the same run cut off there.
    trainer.epochs(best).train(again, data, validation);
    assertArrayEquals(again.parameters(), network.parameters());
  }

  @Test
  void aTargetLossEndsTheRunAtTheFirstEpochThatReachesIt() {
    DataSet data = regression(40, 31);
    ReferenceNetwork network = ReferenceNetwork.seeded(TANH_3_5_2, 32);
    TrainingHistory full = Trainer.create().learningRate(0.05).epochs(30).train(network.copy(), data);
    double target = full.epochs().get(9).trainingLoss();
    TrainingHistory history = Trainer.create().learningRate(0.05).epochs(30).targetLoss(target).train(network, data);
    assertEquals(TrainingHistory.StopReason.TARGET_LOSS, history.stopReason());
    int first = 0;
    while (full.epochs().get(first).trainingLoss() > target) {
      first++;
    }
    assertEquals(first + 1, history.size());
    assertEquals(history.size(), history.bestEpoch());
    assertEquals(TrainingHistory.StopReason.MAX_EPOCHS, full.stopReason());
  }

  @Test
  void aStopConditionEndsTheRunAtTheFirstEpochWhereItHolds() {
    DataSet data = regression(20, 33);
    ReferenceNetwork network = ReferenceNetwork.seeded(TANH_3_5_2, 34);
    List<Integer> seen = new ArrayList<>();
    TrainingHistory history =
        Trainer.create()
            .epochs(50)
            .stopWhen(
                h -> {
                  seen.add(h.size());
                  return h.last().epoch() == 7;
                })
            .train(network, data);
    assertEquals(TrainingHistory.StopReason.CONDITION, history.stopReason());
    assertEquals(7, history.size());
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), seen);
  }

  @Test
  void theScheduleSetsEachEpochsRate() {
    DataSet data = regression(8, 41);
    TrainingHistory history =
        Trainer.create()
            .schedule(LearningRateSchedule.step(0.1, 2, 0.5))
            .epochs(5)
            .train(ReferenceNetwork.seeded(TANH_3_5_2, 42), data);
    double[] rates = new double[5];
    for (int e = 0; e < 5; e++) {
      rates[e] = history.epochs().get(e).learningRate();
    }
    assertArrayEquals(new double[] {0.1, 0.1, 0.05, 0.05, 0.025}, rates, 1e-15);
  }

  // ---------------------------------------------------------------- divergence

  @Test
  void aLossThatIsNotFiniteStopsTrainingWithTheParametersBeforeIt() {
    // Inputs so large that SpreA overflows on the third sample: the loss is infinite before any update.
    double[][] x = {{0.1, 0.2, 0.3}, {0.2, 0.1, 0.0}, {1e308, 1e308, 1e308}, {0.3, 0.3, 0.3}};
    double[][] y = {{0, 1}, {1, 0}, {1, 1}, {0, 0}};
    DataSet data = DataSet.of(x, y);
    Topology linear = Topology.of(3, new int[0], 2, new Activation[0], Activation.IDENTITY, Loss.SQUARED_ERROR);
    ReferenceNetwork network = ReferenceNetwork.seeded(linear, 51);
    ReferenceNetwork expected = network.copy();
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    ConsoleProgress progress = ConsoleProgress.to(new java.io.PrintStream(printed, true), true);
    TrainingDivergedException e =
        assertThrows(
            TrainingDivergedException.class,
            () -> Trainer.create().learningRate(0.01).batchSize(2).shuffle(false).listener(progress).train(network, data));
    // The listener heard of it: the progress line ends, then says why.
    assertTrue(printed.toString().endsWith("\nstopped: " + e.getMessage() + "\n"), printed.toString());
    assertEquals(1, e.epoch());
    assertEquals(2, e.batch());
    assertEquals(2, e.sample());
    assertTrue(
        e.getMessage().startsWith("training diverged in epoch 1, batch 2 of 2: the loss on training sample 2 is Infinity"),
        e.getMessage());
    // Batch 1 was applied; batch 2 never reached its step.
    double[] sum = new double[linear.parameterCount()];
    expected.accumulateGradient(x[0], y[0], sum);
    expected.accumulateGradient(x[1], y[1], sum);
    double[] w = expected.parameters();
    for (int j = 0; j < w.length; j++) {
      w[j] -= 0.01 * (sum[j] / 2);
    }
    assertArrayEquals(w, network.parameters());
  }

  @Test
  void anUpdateThatOverflowsIsFoundAndUndone() {
    // Targets far off and the largest learning rate: the first update overflows the output biases, while
    // the loss it came from is finite.
    DataSet base = regression(6, 61);
    double[][] far = base.targets();
    for (double[] t : far) {
      t[0] += 100;
      t[1] -= 100;
    }
    DataSet data = DataSet.of(base.inputs(), far);
    for (Trainer trainer :
        Arrays.asList(
            Trainer.create().learningRate(Double.MAX_VALUE).shuffle(false),
            Trainer.create()
                .optimizer(Optimizer.sgd().momentum(0.5))
                .learningRate(Double.MAX_VALUE)
                .batchSize(2)
                .shuffle(false))) {
      ReferenceNetwork network = ReferenceNetwork.seeded(TANH_3_5_2, 62);
      ReferenceNetwork before = network.copy();
      TrainingDivergedException e =
          assertThrows(TrainingDivergedException.class, () -> trainer.train(network, data), trainer.toString());
      assertEquals(-1, e.sample(), e.getMessage());
      assertTrue(e.getMessage().contains("its update made a parameter of ReferenceNetwork"), e.getMessage());
      for (double p : network.parameters()) {
        assertTrue(Double.isFinite(p), "restored parameters are finite");
      }
      // The parameters are those after the batches before the bad one: the same run, stopped there.
      int good = e.batch() - 1;
      if (good > 0) {
        DataSet head = DataSet.of(Arrays.copyOf(data.inputs(), good * trainer.batchSize()),
            Arrays.copyOf(data.targets(), good * trainer.batchSize()));
        trainer.epochs(1).train(before, head);
      }
      assertArrayEquals(before.parameters(), network.parameters(), trainer.toString());
    }
  }

  // ---------------------------------------------------------------- threads

  @Test
  void threadsSplitEachBatchTheSameWayEveryRun() {
    DataSet data = classes(90, 21);
    DataSet validation = classes(30, 22);
    Trainer trainer = Trainer.create().optimizer(Optimizer.adam()).learningRate(0.01).batchSize(16).epochs(5).seed(3);
    ReferenceNetwork initial = ReferenceNetwork.seeded(SOFTMAX_4_6_3, 23);
    ReferenceNetwork one = initial.copy();
    ReferenceNetwork oneThread = initial.copy();
    TrainingHistory plain = trainer.train(one, data, validation);
    TrainingHistory single = trainer.threads(1).train(oneThread, data, validation);
    assertArrayEquals(one.parameters(), oneThread.parameters(), "threads(1) is the plain run");
    assertArrayEquals(plain.trainingLosses(), single.trainingLosses());
    for (int threads : new int[] {2, 3, 7}) {
      ReferenceNetwork a = initial.copy();
      ReferenceNetwork b = initial.copy();
      TrainingHistory first = trainer.threads(threads).train(a, data, validation);
      TrainingHistory second = trainer.threads(threads).train(b, data, validation);
      assertArrayEquals(a.parameters(), b.parameters(), threads + " threads, run to run");
      assertArrayEquals(first.trainingLosses(), second.trainingLosses(), threads + " threads, run to run");
      assertArrayEquals(first.validationLosses(), second.validationLosses(), threads + " threads, run to run");
      // The same mathematics: only the rounding of the sums of the parts differs from one thread's.
      assertClose(one.parameters(), a.parameters(), 1e-9);
      assertClose(plain.trainingLosses(), first.trainingLosses(), 1e-9);
    }
    // Online SGD has nothing to split: the same bits as one thread.
    ReferenceNetwork online = initial.copy();
    ReferenceNetwork onlineThreads = initial.copy();
    Trainer sgd = Trainer.create().learningRate(0.05).epochs(3);
    sgd.train(online, data);
    sgd.threads(4).train(onlineThreads, data);
    assertArrayEquals(online.parameters(), onlineThreads.parameters());
  }

  @Test
  void aLossThatIsNotFiniteOnAnotherThreadStopsTrainingAsOnOne() {
    ReferenceNetwork network = ReferenceNetwork.seeded(TANH_3_5_2, 31);
    double[] before = network.parameters();
    double[][] x = new double[12][3];
    double[][] y = new double[12][2];
    y[10][1] = 1e200; // a loss of 1e400: infinite, in the second half of the only batch
    TrainingDivergedException e =
        assertThrows(
            TrainingDivergedException.class,
            () -> Trainer.create().batchSize(12).shuffle(false).epochs(2).threads(2).train(network, DataSet.of(x, y)));
    assertEquals(10, e.sample());
    assertTrue(e.getMessage().contains("the loss on training sample 10 is Infinity"), e.getMessage());
    assertArrayEquals(before, network.parameters());
  }

  // ---------------------------------------------------------------- allocation

  @Test
  void noStepAllocates() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    for (Trainer trainer :
        Arrays.asList(
            Trainer.create().learningRate(0.01),
            Trainer.create().optimizer(Optimizer.adam().clipNorm(1.0)).learningRate(0.001).batchSize(32),
            Trainer.create().optimizer(Optimizer.sgd().momentum(0.9)).learningRate(0.001).batchSize(32).threads(2),
            Trainer.create().optimizer(Optimizer.adam().clipNorm(1.0)).learningRate(0.001).batchSize(32).threads(3))) {
      long[] perEpoch = new long[2];
      int[] sizes = {200, 2000};
      for (int s = 0; s < 2; s++) {
        long[] last = {-1};
        long[] most = {0};
        TrainingListener meter =
            (epoch, history) -> {
              long now = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
              if (epoch.epoch() > 3) {
                most[0] = Math.max(most[0], now - last[0]);
              }
              last[0] = now;
            };
        trainer.epochs(12).listener(meter).train(ReferenceNetwork.seeded(SOFTMAX_4_6_3, 71), classes(sizes[s], 72), classes(50, 73));
        perEpoch[s] = most[0];
      }
      // A record and a history entry per epoch; one array per step would be 16 bytes × 2,000 samples.
      assertTrue(perEpoch[0] < 2_000 && perEpoch[1] < 2_000, trainer + ": " + Arrays.toString(perEpoch) + " bytes per epoch");
    }
  }

  // ---------------------------------------------------------------- what is wrong

  @Test
  void wrongDataAndSettingsAreRefusedWithWhatWasExpected() {
    ReferenceNetwork network = ReferenceNetwork.seeded(TANH_3_5_2, 81);
    IllegalArgumentException wrongSet =
        assertThrows(IllegalArgumentException.class, () -> Trainer.create().train(network, classes(5, 1)));
    assertEquals(
        "the training set has 4 inputs and 3 targets per sample; ReferenceNetwork 3-5-2 (tanh, identity; summed"
            + " squared error), 32 parameters expects 3 and 2",
        wrongSet.getMessage());
    IllegalArgumentException noValidation =
        assertThrows(IllegalArgumentException.class, () -> Trainer.create().earlyStopping(2).train(network, regression(5, 1)));
    assertEquals("early stopping needs a validation set: pass one to train(…)", noValidation.getMessage());
    assertEquals("epochs is 0; expected at least 1", assertThrows(IllegalArgumentException.class, () -> Trainer.create().epochs(0)).getMessage());
    assertEquals("batch size is 0; expected at least 1", assertThrows(IllegalArgumentException.class, () -> Trainer.create().batchSize(0)).getMessage());
    assertEquals("patience is 0; expected at least 1 epoch", assertThrows(IllegalArgumentException.class, () -> Trainer.create().earlyStopping(0)).getMessage());
    assertEquals("threads is 0; expected 1 to 256", assertThrows(IllegalArgumentException.class, () -> Trainer.create().threads(0)).getMessage());
  }

  @Test
  void aTrainerSaysWhatItDoes() {
    assertEquals(
        "SGD(no momentum; weight decay 0.0; no clipping) at constant 0.1, batches of 1, 100 epochs, seed 0",
        Trainer.create().toString());
    assertTrue(Trainer.create().batchSize(32).threads(2).toString().endsWith("batches of 32, 100 epochs, seed 0, 2 threads"));
  }

  private static void assertClose(double[] expected, double[] actual, double tolerance) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tolerance * Math.max(1, Math.abs(expected[i])), "parameter " + i);
    }
  }
}
