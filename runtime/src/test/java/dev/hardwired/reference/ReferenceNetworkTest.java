package dev.hardwired.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Initialization;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.TrainableNetwork;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReferenceNetworkTest {
  private static Topology topology(int inputs, int[] hidden, int outputs, Activation hidden1, Activation output, Loss loss) {
    return Topology.of(inputs, hidden, outputs, new Activation[] {hidden1}, output, loss);
  }

  private static final Topology XOR = topology(2, new int[] {4}, 1, Activation.LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR);
  private static final Topology MAZUR =
      topology(2, new int[] {2}, 2, Activation.LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR);
  private static final Topology DEEP =
      Topology.of(3, new int[] {4, 3}, 2, new Activation[] {Activation.TANH, Activation.RELU}, Activation.IDENTITY, Loss.SQUARED_ERROR);

  // --- construction ---

  @Test
  void newNetworkHasTheTopologyAndZeroParameters() {
    ReferenceNetwork network = new ReferenceNetwork(DEEP);
    assertSame(DEEP, network.topology());
    assertEquals(DEEP.parameterCount(), network.parameterCount());
    assertEquals((3 + 1) * 4 + (4 + 1) * 3 + (3 + 1) * 2, network.parameterCount());
    assertEquals(3, network.inputCount());
    assertEquals(2, network.outputCount());
    assertArrayEquals(new double[network.parameterCount()], network.parameters());
    assertArrayEquals(new double[] {0, 0}, network.predict(new double[] {1, 2, 3}));
  }

  @Test
  void rejectsNullTopology() {
    assertThrows(IllegalArgumentException.class, () -> new ReferenceNetwork(null));
  }

  @Test
  void seededUsesTheDefaultInitialisation() {
    ReferenceNetwork network = ReferenceNetwork.seeded(DEEP, 42);
    assertArrayEquals(Initialization.initialParameters(DEEP, 42), network.parameters());
    assertArrayEquals(network.parameters(), ReferenceNetwork.seeded(DEEP, 42).parameters());
    assertFalse(Arrays.equals(network.parameters(), ReferenceNetwork.seeded(DEEP, 43).parameters()));
  }

  @Test
  void ofCopiesTopologyAndParametersOfAnotherNetwork() {
    ReferenceNetwork original = ReferenceNetwork.seeded(DEEP, 7);
    TrainableNetwork other = original;
    ReferenceNetwork copy = ReferenceNetwork.of(other);
    assertNotSame(original, copy);
    assertEquals(DEEP, copy.topology());
    assertArrayEquals(original.parameters(), copy.parameters());
    original.train(new double[] {1, 2, 3}, new double[] {1, 0}, 0.1);
    assertArrayEquals(Initialization.initialParameters(DEEP, 7), copy.parameters(), "an independent copy");
  }

  @Test
  void copyIsIndependentAndEqual() {
    ReferenceNetwork network = ReferenceNetwork.seeded(DEEP, 7);
    ReferenceNetwork copy = network.copy();
    assertArrayEquals(network.parameters(), copy.parameters());
    double[] input = {0.5, -0.25, 1};
    assertArrayEquals(network.predict(input), copy.predict(input), 0.0);
    copy.train(input, new double[] {1, -1}, 0.1);
    assertArrayEquals(Initialization.initialParameters(DEEP, 7), network.parameters());
    assertFalse(Arrays.equals(network.parameters(), copy.parameters()));
  }

  @Test
  void parametersRoundTrip() {
    ReferenceNetwork network = new ReferenceNetwork(DEEP);
    double[] values = new double[DEEP.parameterCount()];
    for (int k = 0; k < values.length; k++) {
      values[k] = k * 0.01 - 0.2;
    }
    network.setParameters(values);
    values[0] = 99; // the network keeps its own copy
    double[] out = new double[DEEP.parameterCount()];
    network.getParameters(out);
    assertEquals(-0.2, out[0]);
    assertEquals(0.01 * (values.length - 1) - 0.2, out[values.length - 1], 1e-15);
    out[1] = 99; // and hands out copies
    assertEquals(-0.19, network.parameters()[1], 1e-15);
  }

  @Test
  void toStringNamesTopologyAndParameterCount() {
    assertEquals(
        "ReferenceNetwork 2-4-1 (logistic, logistic; summed squared error), 17 parameters",
        new ReferenceNetwork(XOR).toString());
  }

  // --- forward pass and loss ---

  @Test
  void forwardPassFollowsTheParameterLayout() {
    // 2 inputs -> 1 hidden identity neuron -> 2 identity outputs, every parameter distinct.
    Topology t = topology(2, new int[] {1}, 2, Activation.IDENTITY, Activation.IDENTITY, Loss.SQUARED_ERROR);
    ReferenceNetwork network = new ReferenceNetwork(t);
    // Hidden layer: weights from inputs 0 and 1, then the bias. Output layer: the weight into output 0,
    // the weight into output 1, then the two biases.
    network.setParameters(new double[] {2, 3, 5, 7, 13, 11, 17});
    double h = 2 * 1 + 3 * 10 + 5;
    assertArrayEquals(new double[] {7 * h + 11, 13 * h + 17}, network.predict(new double[] {1, 10}), 0.0);
  }

  @Test
  void predictIntoOutputArrayEqualsAllocatingPredict() {
    ReferenceNetwork network = ReferenceNetwork.seeded(DEEP, 3);
    double[] input = {0.1, 0.2, 0.3};
    double[] output = {Double.NaN, Double.NaN};
    network.predict(input, output);
    assertArrayEquals(network.predict(input), output, 0.0);
  }

  @Test
  void softmaxOutputsAreProbabilities() {
    Topology t = topology(3, new int[] {5}, 4, Activation.TANH, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    double[] y = ReferenceNetwork.seeded(t, 5).predict(new double[] {1, -2, 0.5});
    assertEquals(1.0, Arrays.stream(y).sum(), 1e-15);
    for (double v : y) {
      assertTrue(v > 0 && v < 1);
    }
  }

  @Test
  void squaredErrorIsHalfTheSummedSquares() {
    Topology t = topology(2, new int[] {}, 2, Activation.LOGISTIC, Activation.IDENTITY, Loss.SQUARED_ERROR);
    ReferenceNetwork network = new ReferenceNetwork(t);
    network.setParameters(new double[] {1, 0, 0, 1, 0.5, -0.5});
    // y = (1.5, 1.5); t = (1, 3)
    assertEquals(0.5 * (0.25 + 2.25), network.loss(new double[] {1, 2}, new double[] {1, 3}), 1e-15);
  }

  @Test
  void crossEntropyEqualsTheTextbookFormulaWhereThatIsFinite() {
    Topology t = topology(3, new int[] {4}, 3, Activation.TANH, Activation.LOGISTIC, Loss.CROSS_ENTROPY);
    ReferenceNetwork network = ReferenceNetwork.seeded(t, 11);
    double[] input = {0.3, -0.7, 0.9};
    double[] target = {1, 0, 0.25};
    double[] y = network.predict(input);
    double expected = 0;
    for (int k = 0; k < y.length; k++) {
      expected -= target[k] * Math.log(y[k]) + (1 - target[k]) * Math.log(1 - y[k]);
    }
    assertEquals(expected, network.loss(input, target), 1e-12);
  }

  @Test
  void crossEntropyStaysFiniteWhenTheOutputSaturates() {
    Topology t = topology(1, new int[] {}, 1, Activation.LOGISTIC, Activation.LOGISTIC, Loss.CROSS_ENTROPY);
    ReferenceNetwork network = new ReferenceNetwork(t);
    network.setParameters(new double[] {100, 0});
    // σ(−100) rounds to e^−100 but 1 − σ(100) rounds to 0: the textbook formula gives ln 0.
    assertEquals(100.0, network.loss(new double[] {1}, new double[] {0}), 1e-12);
    assertEquals(100.0, network.loss(new double[] {-1}, new double[] {1}), 1e-12);
    assertEquals(0.0, network.loss(new double[] {1}, new double[] {1}), 1e-40);
  }

  @Test
  void softmaxCrossEntropyEqualsTheTextbookFormulaAndStaysFinite() {
    Topology t = topology(2, new int[] {3}, 3, Activation.LOGISTIC, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    ReferenceNetwork network = ReferenceNetwork.seeded(t, 13);
    double[] input = {0.4, -0.6};
    double[] target = {0.2, 0.0, 0.8};
    double[] y = network.predict(input);
    double expected = -(0.2 * Math.log(y[0]) + 0.8 * Math.log(y[2]));
    assertEquals(expected, network.loss(input, target), 1e-12);

    Topology linear = topology(1, new int[] {}, 2, Activation.LOGISTIC, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    ReferenceNetwork saturated = new ReferenceNetwork(linear);
    saturated.setParameters(new double[] {1000, -1000, 0, 0});
    // z = (1000, −1000): y_1 underflows to 0, yet −ln y_1 = 2000 exactly.
    assertEquals(2000.0, saturated.loss(new double[] {1}, new double[] {0, 1}), 1e-9);
  }

  // --- training ---

  @Test
  void mattMazurStepByStepExample() {
    // https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/
    // w1, w2 feed hidden neuron 0 from inputs 0, 1; w3, w4 hidden neuron 1; w5, w6 output 0 from hidden
    // 0, 1; w7, w8 output 1. Each layer's biases follow its weights.
    ReferenceNetwork network = new ReferenceNetwork(MAZUR);
    assertEquals(0, MAZUR.weightOffset(1));
    assertEquals(4, MAZUR.biasOffset(1));
    assertEquals(6, MAZUR.weightOffset(2));
    assertEquals(10, MAZUR.biasOffset(2));
    network.setParameters(new double[] {0.15, 0.20, 0.25, 0.30, 0.35, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.60});
    double[] input = {0.05, 0.10};
    double[] target = {0.01, 0.99};

    double[] out = network.predict(input);
    assertEquals(0.75136507, out[0], 1e-8);
    assertEquals(0.772928465, out[1], 1e-9);
    assertEquals(0.298371109, network.train(input, target, 0.5), 1e-9);

    double[] p = network.parameters();
    assertEquals(0.149780716, p[0], 1e-9, "w1");
    assertEquals(0.19956143, p[1], 1e-8, "w2");
    assertEquals(0.24975114, p[2], 1e-8, "w3");
    assertEquals(0.29950229, p[3], 1e-8, "w4");
    assertEquals(0.35891648, p[6], 1e-8, "w5");
    assertEquals(0.408666186, p[7], 1e-9, "w6");
    assertEquals(0.511301270, p[8], 1e-9, "w7");
    assertEquals(0.561370121, p[9], 1e-9, "w8");
    // Mazur leaves the biases alone; here they learn too, by their gradient δ.
    assertTrue(p[4] < 0.35 && p[5] < 0.35 && p[10] < 0.60 && p[11] > 0.60);
  }

  @ParameterizedTest
  @EnumSource(Loss.class)
  void trainSubtractsLearningRateTimesGradient(Loss loss) {
    Activation output = loss.requiredOutputActivation() == null ? Activation.TANH : loss.requiredOutputActivation();
    // The perceptron's step output has no hidden layers before it.
    int[] hidden = loss == Loss.PERCEPTRON ? new int[0] : new int[] {4, 3};
    Activation[] activations =
        loss == Loss.PERCEPTRON ? new Activation[] {Activation.LOGISTIC} : new Activation[] {Activation.LOGISTIC, Activation.LEAKY_RELU};
    Topology t = Topology.of(3, hidden, 3, activations, output, loss);
    ReferenceNetwork network = ReferenceNetwork.seeded(t, 17);
    double[] input = {0.9, -0.4, 0.2};
    double[] target = {0.0, 1.0, 0.0};
    double[] before = network.parameters();
    double[] gradient = new double[t.parameterCount()];
    double expectedLoss = network.accumulateGradient(input, target, gradient);
    assertArrayEquals(before, network.parameters(), 0.0, "accumulateGradient changes no parameter");

    double learningRate = 0.3;
    assertEquals(expectedLoss, network.train(input, target, learningRate), 0.0, "train returns the loss before the step");
    double[] after = network.parameters();
    for (int k = 0; k < after.length; k++) {
      assertEquals(before[k] - learningRate * gradient[k], after[k], 1e-15, "parameter " + k);
    }
    if (loss == Loss.PERCEPTRON) {
      assertTrue(expectedLoss > 0, "this sample starts misclassified");
      assertTrue(network.loss(input, target) < expectedLoss, "the perceptron rule lowers the criterion");
    } else {
      assertTrue(network.loss(input, target) < expectedLoss, "a small step lowers the loss");
    }
  }

  @Test
  void accumulateGradientAdds() {
    ReferenceNetwork network = ReferenceNetwork.seeded(DEEP, 19);
    double[] input = {0.3, 0.1, -0.8};
    double[] target = {0.5, -0.5};
    double[] once = new double[DEEP.parameterCount()];
    network.accumulateGradient(input, target, once);
    double[] sum = new double[DEEP.parameterCount()];
    Arrays.fill(sum, 1.0);
    network.accumulateGradient(input, target, sum);
    network.accumulateGradient(input, target, sum);
    for (int k = 0; k < sum.length; k++) {
      assertEquals(1.0 + 2 * once[k], sum[k], 1e-15);
    }
  }

  @Test
  void learnsXor() {
    double[][] inputs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    double[][] targets = {{0}, {1}, {1}, {0}};
    ReferenceNetwork network = ReferenceNetwork.seeded(XOR, 42);
    double firstEpoch = 0;
    double lastEpoch = 0;
    for (int epoch = 0; epoch < 5000; epoch++) {
      double sum = 0;
      for (int i = 0; i < inputs.length; i++) {
        sum += network.train(inputs[i], targets[i], 0.5);
      }
      if (epoch == 0) {
        firstEpoch = sum;
      }
      lastEpoch = sum;
    }
    assertTrue(lastEpoch < firstEpoch / 10, "loss " + firstEpoch + " -> " + lastEpoch);
    for (int i = 0; i < inputs.length; i++) {
      double y = network.predict(inputs[i])[0];
      assertEquals(targets[i][0], y, 0.2, "XOR" + Arrays.toString(inputs[i]));
    }
  }

  @Test
  void trainingAllocatesNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    ReferenceNetwork network = ReferenceNetwork.seeded(DEEP, 23);
    double[] input = {0.3, 0.1, -0.8};
    double[] target = {0.5, -0.5};
    double[] output = new double[2];
    double[] gradient = new double[DEEP.parameterCount()];
    Runnable steps = () -> {
      for (int n = 0; n < 10_000; n++) {
        network.train(input, target, 1e-4);
        network.predict(input, output);
        network.accumulateGradient(input, target, gradient);
        network.loss(input, target);
      }
    };
    steps.run(); // warm up
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    steps.run();
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    // Even one small array per call would be 16 bytes × 40,000 calls.
    assertTrue(allocated < 64_000, allocated + " bytes allocated in 40,000 calls");
  }

  // --- errors ---

  @Test
  void rejectsWrongLengths() {
    ReferenceNetwork network = new ReferenceNetwork(DEEP);
    double[] input = {1, 2, 3};
    double[] target = {1, 2};
    assertMessage("input has 2 values; expected 3", () -> network.predict(new double[2]));
    assertMessage("input is null; expected 3 values", () -> network.predict(null));
    assertMessage("output has 3 values; expected 2", () -> network.predict(input, new double[3]));
    assertMessage("target has 1 values; expected 2", () -> network.train(input, new double[1], 0.1));
    assertMessage("target has 3 values; expected 2", () -> network.loss(input, new double[3]));
    assertMessage("input has 4 values; expected 3", () -> network.loss(new double[4], target));
    assertMessage(
        "gradientSum has 3 values; expected " + DEEP.parameterCount(),
        () -> network.accumulateGradient(input, target, new double[3]));
    assertMessage(
        "parameters has 3 values; expected " + DEEP.parameterCount(), () -> network.setParameters(new double[3]));
    assertMessage(
        "destination has 3 values; expected " + DEEP.parameterCount(), () -> network.getParameters(new double[3]));
  }

  @Test
  void rejectsValuesThatAreNotFinite() {
    ReferenceNetwork network = ReferenceNetwork.seeded(DEEP, 1);
    double[] before = network.parameters();
    double[] target = {1, 2};
    assertMessage("input[1] is NaN; expected a finite number", () -> network.predict(new double[] {0, Double.NaN, 0}));
    assertMessage(
        "input[2] is Infinity; expected a finite number",
        () -> network.train(new double[] {0, 0, Double.POSITIVE_INFINITY}, target, 0.1));
    assertMessage(
        "target[0] is NaN; expected a finite number", () -> network.train(new double[3], new double[] {Double.NaN, 0}, 0.1));
    assertMessage(
        "target[1] is -Infinity; expected a finite number",
        () -> network.accumulateGradient(new double[3], new double[] {0, Double.NEGATIVE_INFINITY}, new double[DEEP.parameterCount()]));
    for (double rate : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertMessage(
          "learning rate is " + rate + "; expected a positive finite number",
          () -> network.train(new double[3], target, rate));
    }
    assertArrayEquals(before, network.parameters(), "no failed call changed a parameter");
  }

  @Test
  void setParametersWithNaNLeavesParametersUnchanged() {
    ReferenceNetwork network = ReferenceNetwork.seeded(DEEP, 2);
    double[] before = network.parameters();
    double[] bad = new double[DEEP.parameterCount()];
    bad[bad.length - 1] = Double.NaN;
    assertMessage("parameters[" + (bad.length - 1) + "] is NaN; expected a finite number", () -> network.setParameters(bad));
    assertArrayEquals(before, network.parameters());
  }

  @Test
  void divergenceWithCrossEntropyThrowsAndLeavesParametersUnchanged() {
    Topology t = topology(2, new int[] {}, 1, Activation.LOGISTIC, Activation.LOGISTIC, Loss.CROSS_ENTROPY);
    ReferenceNetwork network = new ReferenceNetwork(t);
    double[] huge = {Double.MAX_VALUE, Double.MAX_VALUE, 0};
    network.setParameters(huge);
    // z = MAX + MAX overflows to infinity, and max(z, 0) − z·t is ∞ − ∞ = NaN.
    ArithmeticException e =
        assertThrows(ArithmeticException.class, () -> network.train(new double[] {1, 1}, new double[] {1}, 0.1));
    assertTrue(e.getMessage().startsWith("training diverged: the loss is NaN"), e.getMessage());
    assertArrayEquals(huge, network.parameters());
  }

  @Test
  void divergenceWithIdentityOutputThrowsAndLeavesParametersUnchanged() {
    Topology t = topology(1, new int[] {2}, 1, Activation.IDENTITY, Activation.IDENTITY, Loss.SQUARED_ERROR);
    ReferenceNetwork network = new ReferenceNetwork(t);
    double[] large = {1e200, 1e200, 0, 0, 1e200, 1e200, 0};
    network.setParameters(large);
    ArithmeticException e =
        assertThrows(ArithmeticException.class, () -> network.train(new double[] {1e10}, new double[] {0}, 0.1));
    assertTrue(e.getMessage().startsWith("training diverged: the loss is Infinity"), e.getMessage());
    assertArrayEquals(large, network.parameters());
    // loss() and accumulateGradient() report the loss as it is rather than throw.
    assertEquals(Double.POSITIVE_INFINITY, network.loss(new double[] {1e10}, new double[] {0}));
  }

  @Test
  void trainingWithTooLargeALearningRateEventuallyThrowsDivergence() {
    Topology t = topology(1, new int[] {}, 1, Activation.LOGISTIC, Activation.IDENTITY, Loss.SQUARED_ERROR);
    ReferenceNetwork network = new ReferenceNetwork(t);
    double[] input = {3};
    double[] target = {1};
    double[] lastGood = null;
    try {
      for (int n = 0; n < 10_000; n++) {
        lastGood = network.parameters();
        network.train(input, target, 10);
      }
    } catch (ArithmeticException expected) {
      assertArrayEquals(lastGood, network.parameters(), "the failed step changed nothing");
      return;
    }
    throw new AssertionError("linear regression with learning rate 10 did not diverge");
  }

  private static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(message, e.getMessage());
  }

  @Test
  void randomisedForwardAgreesWithAnIndependentImplementation() {
    Random random = new Random(99);
    for (int n = 0; n < 50; n++) {
      int[] hidden = new int[random.nextInt(4)];
      for (int l = 0; l < hidden.length; l++) {
        hidden[l] = 1 + random.nextInt(6);
      }
      Activation[] hiddenActivations = {Activation.values()[random.nextInt(5)]};
      Topology t = Topology.of(1 + random.nextInt(6), hidden, 1 + random.nextInt(4), hiddenActivations, Activation.TANH, Loss.SQUARED_ERROR);
      ReferenceNetwork network = ReferenceNetwork.seeded(t, n);
      double[] input = new double[t.inputs()];
      for (int i = 0; i < input.length; i++) {
        input[i] = random.nextGaussian();
      }
      assertArrayEquals(matrixForward(t, network.parameters(), input), network.predict(input), 1e-14, t.toString());
    }
  }

  /** The forward pass as matrix products, W_l stored row by row (one row per neuron) as Topology says. */
  private static double[] matrixForward(Topology t, double[] p, double[] input) {
    double[] a = input;
    for (int l = 1; l <= t.layerCount(); l++) {
      double[][] w = new double[t.size(l)][t.size(l - 1)];
      for (int j = 0; j < w.length; j++) {
        System.arraycopy(p, t.weightOffset(l) + j * t.size(l - 1), w[j], 0, t.size(l - 1));
      }
      double[] next = new double[t.size(l)];
      for (int j = 0; j < next.length; j++) {
        double z = p[t.biasOffset(l) + j];
        for (int i = 0; i < a.length; i++) {
          z += w[j][i] * a[i];
        }
        next[j] = t.activation(l).apply(z);
      }
      a = next;
    }
    return a;
  }
}
