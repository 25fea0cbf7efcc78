package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.data.DataSet;
import dev.hardwired.data.Standardizer;
import dev.hardwired.train.EpochRecord;
import dev.hardwired.train.LearningRateSchedule;
import dev.hardwired.train.Optimizer;
import dev.hardwired.train.Trainer;
import dev.hardwired.train.TrainingHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Threads, by test. Copies of generated networks trained on several threads at once, some of them splitting
 * their batches between threads of their own and two of them sharing one trainer, end with the bits of the
 * same trainings one after another; and a frozen class called from many threads at once gives each of them
 * the outputs of one thread. Every thread of a round waits for the others before it starts, so that they
 * run together; nothing is timed, only bits are compared.
 */
class ThreadsTest {
  /** Times the trainings, and the frozen classes' threads, are started together. */
  private static final int ROUNDS = 3;

  /** Threads that call a frozen class at once. */
  private static final int FROZEN_THREADS = 8;

  /** Passes of each frozen thread over the digits (1,797 each), and over the flowers (150 each). */
  private static final int DIGIT_PASSES = 4;
  private static final int FLOWER_PASSES = 40;

  // ---------------------------------------------------------------- training

  @Test
  void copiesTrainedOnSeveralThreadsAtOnceEndWithTheBitsOfTrainingsOneAfterAnother() {
    Data data = new Data();
    List<Outcome> alone = new ArrayList<>();
    for (Supplier<Outcome> training : trainings(data)) {
      alone.add(training.get());
    }
    for (Outcome outcome : alone) {
      assertTrue(outcome.trainingLosses[outcome.trainingLosses.length - 1] < outcome.trainingLosses[0], outcome.name);
    }
    for (int round = 0; round < ROUNDS; round++) {
      List<Supplier<Outcome>> trainings = trainings(data);
      List<Outcome> together = atOnce(trainings.size(), t -> trainings.get(t).get());
      for (int t = 0; t < alone.size(); t++) {
        together.get(t).assertSameBitsAs(alone.get(t), "round " + round);
      }
    }
  }

  /** The data of the trainings and their starting networks, made once on the test thread. */
  private static final class Data {
    final DataSet digits;
    final DataSet digitsTest;
    final DataSet iris;
    final DataSet irisTest;
    final DigitsNetwork digitsStart = DigitsNetwork.seeded(1);
    final IrisNetwork irisStart = IrisNetwork.seeded(5);
    final FloatIrisNetwork floatIrisStart = FloatIrisNetwork.seeded(6);

    Data() {
      DataSet.Split digitSplit = DigitsExample.load().stratifiedSplit(0.8, DigitsExample.SPLIT_SEED);
      Standardizer pixels = DigitsExample.scaling();
      digits = pixels.apply(digitSplit.training());
      digitsTest = pixels.apply(digitSplit.test());
      DataSet.Split flowerSplit = IrisExample.load().stratifiedSplit(0.8, 3);
      Standardizer flowers = Standardizer.fit(flowerSplit.training());
      iris = flowers.apply(flowerSplit.training());
      irisTest = flowers.apply(flowerSplit.test());
    }
  }

  /**
   * Six trainings, each with a network of its own, copied here on the calling thread and then trained on
   * whichever thread calls {@code get}: between them every optimizer, a schedule, online SGD (the fused
   * step), float and double, early stopping, and three that split each batch between two threads.
   */
  private static List<Supplier<Outcome>> trainings(Data d) {
    Trainer base = Trainer.create().epochs(3);
    Trainer adam = base.optimizer(Optimizer.adam()).learningRate(0.02).batchSize(32).seed(1);
    Trainer nesterov =
        base.optimizer(Optimizer.sgd().momentum(0.9).nesterov(true)).learningRate(0.05).batchSize(16).seed(3).threads(2);
    Trainer rmsProp =
        base.optimizer(Optimizer.rmsProp().clipNorm(1.0))
            .schedule(LearningRateSchedule.cosine(0.003, 0.0003))
            .batchSize(64)
            .seed(4)
            .threads(2);
    Trainer online = base.learningRate(0.05).epochs(40).seed(5);
    Trainer adamW =
        base.optimizer(Optimizer.adamW(0.01)).learningRate(0.01).batchSize(8).epochs(60).earlyStopping(5).seed(6).threads(2);

    List<Supplier<Outcome>> trainings = new ArrayList<>();
    // Two runs at once with one trainer object, from two starting networks.
    DigitsNetwork first = d.digitsStart.copy();
    trainings.add(
        () -> {
          TrainingHistory history = adam.train(first, d.digits, d.digitsTest);
          return new Outcome("Adam on digits", first.parameters(), history);
        });
    DigitsNetwork second = DigitsNetwork.seeded(2);
    trainings.add(
        () -> {
          TrainingHistory history = adam.train(second, d.digits, d.digitsTest);
          return new Outcome("Adam on digits from seed 2", second.parameters(), history);
        });
    DigitsNetwork third = d.digitsStart.copy();
    trainings.add(
        () -> {
          TrainingHistory history = nesterov.train(third, d.digits);
          return new Outcome("Nesterov on digits, 2 threads", third.parameters(), history);
        });
    DigitsNetwork fourth = d.digitsStart.copy();
    trainings.add(
        () -> {
          TrainingHistory history = rmsProp.train(fourth, d.digits, d.digitsTest);
          return new Outcome("RMSprop on digits, 2 threads", fourth.parameters(), history);
        });
    IrisNetwork fifth = d.irisStart.copy();
    trainings.add(
        () -> {
          TrainingHistory history = online.train(fifth, d.iris, d.irisTest);
          return new Outcome("online SGD on iris", fifth.parameters(), history);
        });
    FloatIrisNetwork sixth = d.floatIrisStart.copy();
    trainings.add(
        () -> {
          TrainingHistory history = adamW.train(sixth, d.iris, d.irisTest);
          float[] parameters = sixth.parameters();
          double[] wide = new double[parameters.length];
          for (int i = 0; i < wide.length; i++) {
            wide[i] = parameters[i];
          }
          return new Outcome("AdamW on iris in float, 2 threads", wide, history);
        });
    return trainings;
  }

  /** What a training gave: its network's parameters and its history, times aside. */
  private static final class Outcome {
    final String name;
    final double[] parameters;
    final double[] trainingLosses;
    final double[] validationLosses;
    final double[] accuracies;
    final double[] learningRates;
    final long[] steps;
    final TrainingHistory.StopReason stopReason;
    final int bestEpoch;

    Outcome(String name, double[] parameters, TrainingHistory history) {
      this.name = name;
      this.parameters = parameters;
      List<EpochRecord> epochs = history.epochs();
      this.trainingLosses = history.trainingLosses();
      this.validationLosses = history.validationLosses();
      this.accuracies = new double[epochs.size()];
      this.learningRates = new double[epochs.size()];
      this.steps = new long[epochs.size()];
      for (int e = 0; e < epochs.size(); e++) {
        accuracies[e] = epochs.get(e).validationAccuracy();
        learningRates[e] = epochs.get(e).learningRate();
        steps[e] = epochs.get(e).steps();
      }
      this.stopReason = history.stopReason();
      this.bestEpoch = history.bestEpoch();
    }

    void assertSameBitsAs(Outcome alone, String when) {
      String what = name + ", " + when + ": ";
      assertEquals(alone.name, name);
      assertArrayEquals(alone.parameters, parameters, what + "parameters");
      assertArrayEquals(alone.trainingLosses, trainingLosses, what + "training losses");
      assertArrayEquals(alone.validationLosses, validationLosses, what + "validation losses");
      assertArrayEquals(alone.accuracies, accuracies, what + "validation accuracies");
      assertArrayEquals(alone.learningRates, learningRates, what + "learning rates");
      assertArrayEquals(alone.steps, steps, what + "steps");
      assertEquals(alone.stopReason, stopReason, what + "stop reason");
      assertEquals(alone.bestEpoch, bestEpoch, what + "best epoch");
    }
  }

  // ---------------------------------------------------------------- frozen classes

  @Test
  void aFrozenClassGivesManyThreadsAtOnceTheOutputsOfOne() {
    double[][] inputs = DigitsExample.scaling().apply(DigitsExample.load()).inputs();
    double[][] expected = new double[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      expected[i] = DigitsFrozen.predict(inputs[i]);
    }
    for (int round = 0; round < ROUNDS; round++) {
      List<int[]> counts = atOnce(FROZEN_THREADS, t -> predictDigits(inputs, expected, t * inputs.length / FROZEN_THREADS));
      for (int t = 0; t < FROZEN_THREADS; t++) {
        assertEquals(0, counts.get(t)[1], "thread " + t + " of round " + round + ": outputs unlike one thread's");
        assertEquals(DIGIT_PASSES * inputs.length * 2, counts.get(t)[0], "outputs compared");
      }
    }
  }

  /**
   * Passes over every digit from {@code from} on, through each form of {@code predict} in turn: a new
   * array, the thread's own scratch, a scratch held here; then the whole batch at once. Returns the
   * outputs compared and those that differ from {@code expected}.
   */
  private static int[] predictDigits(double[][] inputs, double[][] expected, int from) {
    DigitsFrozen.Scratch scratch = new DigitsFrozen.Scratch();
    double[] output = new double[DigitsFrozen.OUTPUTS];
    double[][] outputs = new double[inputs.length][DigitsFrozen.OUTPUTS];
    int compared = 0;
    int wrong = 0;
    for (int pass = 0; pass < DIGIT_PASSES; pass++) {
      for (int k = 0; k < inputs.length; k++) {
        int i = (from + k) % inputs.length;
        double[] y;
        switch ((i + pass) % 3) {
          case 0:
            y = DigitsFrozen.predict(inputs[i]);
            break;
          case 1:
            DigitsFrozen.predict(inputs[i], output);
            y = output;
            break;
          default:
            DigitsFrozen.predict(inputs[i], output, scratch);
            y = output;
            break;
        }
        compared++;
        wrong += Arrays.equals(expected[i], y) ? 0 : 1;
      }
      if (pass % 2 == 0) {
        DigitsFrozen.predict(inputs, outputs);
      } else {
        DigitsFrozen.predict(inputs, outputs, scratch);
      }
      for (int i = 0; i < inputs.length; i++) {
        compared++;
        wrong += Arrays.equals(expected[i], outputs[i]) ? 0 : 1;
      }
    }
    return new int[] {compared, wrong};
  }

  @Test
  void aFrozenClassWithoutLoopsGivesManyThreadsAtOnceTheOutputsOfOne() {
    double[][] flowers = IrisExample.load().inputs();
    Standardizer scaling = Standardizer.fit(IrisExample.load());
    float[][] inputs = new float[flowers.length][];
    float[][] expected = new float[flowers.length][];
    for (int i = 0; i < flowers.length; i++) {
      double[] scaled = scaling.apply(flowers[i]);
      inputs[i] = new float[scaled.length];
      for (int j = 0; j < scaled.length; j++) {
        inputs[i][j] = (float) scaled[j];
      }
      expected[i] = PyTorchIrisFrozen.predict(inputs[i]);
    }
    for (int round = 0; round < ROUNDS; round++) {
      List<int[]> counts = atOnce(FROZEN_THREADS, t -> predictFlowers(inputs, expected, t * inputs.length / FROZEN_THREADS));
      for (int t = 0; t < FROZEN_THREADS; t++) {
        assertEquals(0, counts.get(t)[1], "thread " + t + " of round " + round + ": outputs unlike one thread's");
        assertEquals(FLOWER_PASSES * inputs.length * 2, counts.get(t)[0], "outputs compared");
      }
    }
  }

  /** As {@link #predictDigits}, for the flowers of the frozen iris model, which keeps every value in locals. */
  private static int[] predictFlowers(float[][] inputs, float[][] expected, int from) {
    float[] output = new float[PyTorchIrisFrozen.OUTPUTS];
    float[][] outputs = new float[inputs.length][PyTorchIrisFrozen.OUTPUTS];
    int compared = 0;
    int wrong = 0;
    for (int pass = 0; pass < FLOWER_PASSES; pass++) {
      for (int k = 0; k < inputs.length; k++) {
        int i = (from + k) % inputs.length;
        float[] y;
        if ((i + pass) % 2 == 0) {
          y = PyTorchIrisFrozen.predict(inputs[i]);
        } else {
          PyTorchIrisFrozen.predict(inputs[i], output);
          y = output;
        }
        compared++;
        wrong += Arrays.equals(expected[i], y) ? 0 : 1;
      }
      PyTorchIrisFrozen.predict(inputs, outputs);
      for (int i = 0; i < inputs.length; i++) {
        compared++;
        wrong += Arrays.equals(expected[i], outputs[i]) ? 0 : 1;
      }
    }
    return new int[] {compared, wrong};
  }

  // ---------------------------------------------------------------- started together

  /**
   * Runs {@code work} for 0 to {@code threads − 1}, each on a thread of its own, all of them held at a
   * barrier until the last has started; returns their results in order, or throws what one of them threw.
   */
  private static <T> List<T> atOnce(int threads, IntFunction<T> work) {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<T> results = new ArrayList<>();
    Object[] done = new Object[threads];
    Throwable[] failures = new Throwable[threads];
    Thread[] running = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int index = t;
      running[t] =
          new Thread(
              () -> {
                try {
                  start.await();
                  done[index] = work.apply(index);
                } catch (Throwable e) {
                  failures[index] = e;
                }
              },
              "threads test " + t);
      running[t].start();
    }
    for (int t = 0; t < threads; t++) {
      try {
        running[t].join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    for (int t = 0; t < threads; t++) {
      if (failures[t] != null) {
        throw new AssertionError("thread " + t + " failed: " + failures[t], failures[t]);
      }
      @SuppressWarnings("unchecked")
      T result = (T) done[t];
      results.add(result);
    }
    return results;
  }
}
