package dev.hardwired.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.data.DataSet;
import dev.hardwired.processor.model.NetworkModel;
import dev.hardwired.processor.testing.GeneratedNetworks;
import dev.hardwired.processor.testing.NetworkChecks;
import dev.hardwired.processor.testing.PerSampleNetwork;
import dev.hardwired.processor.testing.Spec;
import dev.hardwired.reference.ReferenceNetwork;
import dev.hardwired.train.Optimizer;
import dev.hardwired.train.Trainer;
import dev.hardwired.train.TrainingHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The runtime's trainer and optimizers on generated networks of every storage layout (one array, rows of
 * looped layers beside the unrolled array, every layer looped, chunked deep networks), on one thread and
 * on two, against the reference network trained the same way: the same parameters to 1e-12 in double, and to float's
 * precision in float.
 */
class TrainerParityTest {
  private static final Spec LOGISTIC = Spec.OUTPUTS.get(0);
  private static final Spec SOFTMAX = Spec.OUTPUTS.get(6);
  private static final List<Trainer> TRAINERS =
      List.of(
          Trainer.create().learningRate(0.05).epochs(3).seed(1),
          Trainer.create().optimizer(Optimizer.sgd().momentum(0.9).nesterov(true)).learningRate(0.01).epochs(3),
          Trainer.create().optimizer(Optimizer.adam()).learningRate(0.003).batchSize(8).epochs(3).seed(2),
          Trainer.create().optimizer(Optimizer.adamW(0.01).clipNorm(0.5)).learningRate(0.003).batchSize(5).epochs(3),
          Trainer.create().optimizer(Optimizer.rmsProp().weightDecay(1e-3)).learningRate(0.001).fullBatch().epochs(4),
          Trainer.create().optimizer(Optimizer.adam()).learningRate(0.003).batchSize(11).epochs(3).seed(3).threads(2));

  private static List<Spec> specs;
  private static GeneratedNetworks compiled;
  private static GeneratedNetworks looped;

  @BeforeAll
  static void compile() {
    int[] deep = new int[NetworkModel.CHUNK_LAYERS + 3];
    Arrays.fill(deep, 4);
    specs = new ArrayList<>();
    specs.add(LOGISTIC.named("SmallNetwork").shaped(3, new int[] {4}, 2, Activation.TANH));
    specs.add(SOFTMAX.named("MixedNetwork").shaped(13, new int[] {16}, 3, Activation.TANH));
    specs.add(LOGISTIC.named("TwoLayerNetwork").shaped(20, new int[] {12, 6}, 2, Activation.LEAKY_RELU, Activation.TANH));
    specs.add(LOGISTIC.named("DeepNetwork").shaped(5, deep, 1, Activation.TANH));
    for (Spec spec : new ArrayList<>(specs)) {
      specs.add(spec.inFloat().named("Float" + spec.name()));
    }
    compiled = Spec.compile(specs);
    looped = Spec.compile(specs, "-A" + NetworkProcessor.UNROLL_LIMIT_OPTION + "=0");
  }

  @TestFactory
  List<DynamicTest> trainedLikeTheReference() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec spec : specs) {
      for (GeneratedNetworks networks : List.of(compiled, looped)) {
        String shape = networks == looped ? " looped" : "";
        tests.add(DynamicTest.dynamicTest(spec + shape, () -> check(spec, networks)));
      }
    }
    return tests;
  }

  private static void check(Spec spec, GeneratedNetworks networks) {
    Topology t = spec.topology();
    DataSet training = NetworkChecks.data(t, 40, 3);
    DataSet validation = NetworkChecks.data(t, 10, 4);
    for (Trainer trainer : TRAINERS) {
      if (spec.isFloat()) {
        TrainableFloatNetwork net = networks.seededFloat(spec.className(), 5);
        ReferenceNetwork reference = ReferenceNetwork.of(net);
        TrainingHistory history = trainer.train(net, training, validation);
        TrainingHistory expected = trainer.train(reference, training, validation);
        double[] p = reference.parameters();
        float[] q = net.parameters();
        for (int i = 0; i < p.length; i++) {
          assertEquals(p[i], q[i], 2e-4 * Math.max(1, Math.abs(p[i])), trainer + ": parameter " + i);
        }
        assertEquals(expected.last().validationLoss(), history.last().validationLoss(), 1e-3, trainer.toString());
      } else {
        TrainableNetwork net = networks.seeded(spec.className(), 5);
        ReferenceNetwork reference = ReferenceNetwork.of(net);
        TrainingHistory history = trainer.train(net, training, validation);
        TrainingHistory expected = trainer.train(reference, training, validation);
        double[] p = reference.parameters();
        double[] q = net.parameters();
        for (int i = 0; i < p.length; i++) {
          assertEquals(p[i], q[i], 1e-12 * Math.max(1, Math.abs(p[i])), trainer + ": parameter " + i);
        }
        for (int e = 0; e < history.size(); e++) {
          double loss = expected.epochs().get(e).trainingLoss();
          assertEquals(loss, history.epochs().get(e).trainingLoss(), 1e-12 * Math.max(1, loss), trainer + ": epoch " + e);
        }
      }
    }
  }

  /**
   * Training through the batched kernels gives the bits of training one sample at a time (the runtime's
   * default batch, one {@code accumulateGradient} per sample): the same parameters and the same history, for
   * every trainer above but the threaded one, and every double layout.
   */
  @TestFactory
  List<DynamicTest> theBatchedKernelsTrainTheBitsOfOneSampleAtATime() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec spec : specs) {
      if (spec.isFloat()) {
        continue;
      }
      for (GeneratedNetworks networks : List.of(compiled, looped)) {
        String shape = networks == looped ? " looped" : "";
        tests.add(DynamicTest.dynamicTest(spec + shape, () -> checkBits(spec, networks)));
      }
    }
    return tests;
  }

  private static void checkBits(Spec spec, GeneratedNetworks networks) {
    Topology t = spec.topology();
    DataSet training = NetworkChecks.data(t, 40, 3);
    DataSet validation = NetworkChecks.data(t, 10, 4);
    for (Trainer trainer : TRAINERS.subList(0, 5)) {
      TrainableNetwork batched = networks.seeded(spec.className(), 5);
      TrainableNetwork perSample = networks.seeded(spec.className(), 5);
      TrainingHistory expected = trainer.train(new PerSampleNetwork(perSample), training, validation);
      TrainingHistory history = trainer.train(batched, training, validation);
      assertArrayEquals(perSample.parameters(), batched.parameters(), trainer.toString());
      assertArrayEquals(expected.trainingLosses(), history.trainingLosses(), trainer.toString());
      assertArrayEquals(expected.validationLosses(), history.validationLosses(), trainer.toString());
    }
  }

  /**
   * Threads add the parts' sums in the order of the parts: on two and three threads every layout, double and
   * float, trains to the bits of the computation written out (each part's sums from zero by a copy of its
   * own, added part by part, then the optimizer's step), however the arrays are shared out between the
   * threads to be reduced and updated; with clipping, whose norm adds the shares' sums of squares, to 1e-12
   * of it, and to the same bits run to run.
   */
  @TestFactory
  List<DynamicTest> threadsAddThePartsInTheirOrder() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec spec : specs) {
      for (GeneratedNetworks networks : List.of(compiled, looped)) {
        String shape = networks == looped ? " looped" : "";
        tests.add(DynamicTest.dynamicTest(spec + shape, () -> checkPartOrder(spec, networks)));
      }
    }
    return tests;
  }

  private static void checkPartOrder(Spec spec, GeneratedNetworks networks) {
    DataSet training = NetworkChecks.data(spec.topology(), 40, 8);
    for (Optimizer optimizer : List.of(Optimizer.sgd().momentum(0.9), Optimizer.adam(), Optimizer.adam().clipNorm(0.05))) {
      for (int threads : new int[] {2, 3}) {
        Trainer trainer = Trainer.create().optimizer(optimizer).learningRate(0.003).batchSize(11).epochs(2).shuffle(false);
        String what = spec + ", " + optimizer + ", " + threads + " threads";
        if (spec.isFloat()) {
          TrainableFloatNetwork net = networks.seededFloat(spec.className(), 5);
          TrainableFloatNetwork again = net.copy();
          float[] expected = partOrderRun(net.copy(), training, optimizer, 0.003, 11, 2, threads);
          trainer.threads(threads).train(net, training);
          trainer.threads(threads).train(again, training);
          assertArrayEquals(net.parameters(), again.parameters(), what + ", run to run");
          float[] actual = net.parameters();
          for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], optimizer.toString().contains("no clipping") ? 0 : 1e-6, what);
          }
        } else {
          TrainableNetwork net = networks.seeded(spec.className(), 5);
          TrainableNetwork again = net.copy();
          double[] expected = partOrderRun(net.copy(), training, optimizer, 0.003, 11, 2, threads);
          trainer.threads(threads).train(net, training);
          trainer.threads(threads).train(again, training);
          assertArrayEquals(net.parameters(), again.parameters(), what + ", run to run");
          double[] actual = net.parameters();
          for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], optimizer.toString().contains("no clipping") ? 0 : 1e-12, what);
          }
        }
      }
    }
  }

  /** The threads' computation written out, for a double network: see {@link #threadsAddThePartsInTheirOrder}. */
  private static double[] partOrderRun(
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
    dev.hardwired.train.OptimizerState state = optimizer.bind(parameters, total);
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int from = 0; from < inputs.length; from += batch) {
        int to = Math.min(inputs.length, from + batch);
        for (int c = 0; c < parts; c++) {
          for (double[] s : sums[c]) {
            Arrays.fill(s, 0.0);
          }
          int length = to - from;
          network.copy().accumulateGradient(
              inputs, targets, null, from + length * c / parts, from + length * (c + 1) / parts, sums[c]);
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

  /** {@link #partOrderRun} for a float network, on the data rounded to float as the trainer rounds it. */
  private static float[] partOrderRun(
      TrainableFloatNetwork network, DataSet data, Optimizer optimizer, double rate, int batch, int epochs, int parts) {
    float[][] inputs = narrow(data.inputs());
    float[][] targets = narrow(data.targets());
    float[][] parameters = network.parameterArrays();
    float[][] total = new float[parameters.length][];
    float[][][] sums = new float[parts][parameters.length][];
    for (int k = 0; k < parameters.length; k++) {
      total[k] = new float[parameters[k].length];
      for (int c = 0; c < parts; c++) {
        sums[c][k] = new float[parameters[k].length];
      }
    }
    dev.hardwired.train.OptimizerState state = optimizer.bind(parameters, total);
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int from = 0; from < inputs.length; from += batch) {
        int to = Math.min(inputs.length, from + batch);
        for (int c = 0; c < parts; c++) {
          for (float[] s : sums[c]) {
            Arrays.fill(s, 0.0f);
          }
          int length = to - from;
          network.copy().accumulateGradient(
              inputs, targets, null, from + length * c / parts, from + length * (c + 1) / parts, sums[c]);
        }
        for (int k = 0; k < total.length; k++) {
          for (int j = 0; j < total[k].length; j++) {
            float sum = sums[0][k][j];
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

  private static float[][] narrow(double[][] rows) {
    float[][] narrow = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      narrow[i] = new float[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        narrow[i][j] = (float) rows[i][j];
      }
    }
    return narrow;
  }

  /**
   * No step of the trainer's epoch loop allocates on a generated network, double or float, online or in
   * mini-batches: what an epoch allocates (its record) does not grow with the number of samples.
   */
  @TestFactory
  List<DynamicTest> noStepAllocates() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec spec : specs) {
      if (!spec.name().contains("Mixed")) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(spec.toString(), () -> checkAllocation(spec)));
    }
    return tests;
  }

  private static void checkAllocation(Spec spec) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    Topology t = spec.topology();
    for (Trainer trainer : List.of(TRAINERS.get(0), TRAINERS.get(2), TRAINERS.get(5))) {
      for (int samples : new int[] {50, 1000}) {
        long[] last = {0};
        long[] most = {0};
        dev.hardwired.train.TrainingListener meter =
            (epoch, history) -> {
              long now = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
              if (epoch.epoch() > 3) {
                most[0] = Math.max(most[0], now - last[0]);
              }
              last[0] = now;
            };
        Trainer metered = trainer.epochs(10).listener(meter);
        DataSet training = NetworkChecks.data(t, samples, 6);
        DataSet validation = NetworkChecks.data(t, 20, 7);
        if (spec.isFloat()) {
          metered.train(compiled.seededFloat(spec.className(), 5), training, validation);
        } else {
          metered.train(compiled.seeded(spec.className(), 5), training, validation);
        }
        // One array per step would be at least 16 bytes × 1,000 samples.
        assertTrue(most[0] < 2_000, trainer + ", " + samples + " samples: " + most[0] + " bytes in an epoch");
      }
    }
  }
}
