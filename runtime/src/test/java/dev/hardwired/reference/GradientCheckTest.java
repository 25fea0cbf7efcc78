package dev.hardwired.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation against central finite differences, (E(p + h) − E(p − h)) / 2h, for every parameter of
 * every activation × loss combination that {@link Topology} allows, with 0 to 3 hidden layers.
 */
class GradientCheckTest {
  private static final double H = 1e-6;
  private static final double TOLERANCE = 1e-6;
  // Below this size the comparison becomes absolute (1e-8): the difference quotient's own rounding error is
  // about ε·E/h, up to 1e-9 for losses of a few units, and would fail gradients that are nearly zero.
  private static final double FLOOR = 1e-2;
  // Pre-activations of ReLU layers must stay this far from the kink at 0, so that ±h cannot cross it.
  private static final double KINK_MARGIN = 1e-4;

  private static final Activation[] HIDDEN =
      Arrays.stream(Activation.values()).filter(Activation::allowedInHiddenLayer).toArray(Activation[]::new);

  /** Every output activation with every loss that accepts it. */
  static List<Object[]> outputCombinations() {
    List<Object[]> combinations = new ArrayList<>();
    for (Loss loss : Loss.values()) {
      for (Activation output : Activation.values()) {
        if (loss.accepts(output)) {
          combinations.add(new Object[] {output, loss});
        }
      }
    }
    return combinations;
  }

  static Stream<Arguments> everyCombination() {
    List<Arguments> arguments = new ArrayList<>();
    int[] hiddenSizes = {4, 3, 5};
    for (Object[] combination : outputCombinations()) {
      // The perceptron's step output has no hidden layers before it.
      int maxDepth = combination[0] == Activation.STEP ? 0 : 3;
      for (int depth = 0; depth <= maxDepth; depth++) {
        // Without hidden layers the hidden activation plays no part: check once.
        for (Activation hidden : depth == 0 ? new Activation[] {Activation.LOGISTIC} : HIDDEN) {
          arguments.add(
              Arguments.of(Arrays.copyOf(hiddenSizes, depth), hidden, combination[0], combination[1]));
        }
      }
    }
    return arguments.stream();
  }

  @Test
  void coversTheFourteenAllowedOutputCombinations() {
    assertEquals(11, HIDDEN.length);
    assertEquals(14, outputCombinations().size());
    assertEquals(13 * (1 + 3 * HIDDEN.length) + 1, everyCombination().count());
  }

  @ParameterizedTest(name = "3-{0}-3 {1} hidden, {2} output, {3}")
  @MethodSource("everyCombination")
  void gradientMatchesFiniteDifferences(int[] hidden, Activation hiddenActivation, Activation output, Loss loss) {
    Topology topology = Topology.of(3, hidden, 3, new Activation[] {hiddenActivation}, output, loss);
    checkGradient(topology, 1000L * hidden.length + hiddenActivation.ordinal());
  }

  @Test
  void gradientMatchesFiniteDifferencesForRandomTopologies() {
    Random random = new Random(2024);
    List<Object[]> combinations = outputCombinations();
    for (int n = 0; n < 60; n++) {
      int[] hidden = new int[random.nextInt(4)];
      Activation[] activations = new Activation[Math.max(1, hidden.length)];
      for (int l = 0; l < hidden.length; l++) {
        hidden[l] = 1 + random.nextInt(5);
      }
      for (int l = 0; l < activations.length; l++) {
        activations[l] = HIDDEN[random.nextInt(HIDDEN.length)];
      }
      Object[] combination = combinations.get(random.nextInt(combinations.size()));
      Activation output = (Activation) combination[0];
      if (output == Activation.STEP) {
        hidden = new int[0];
        activations = new Activation[] {Activation.LOGISTIC};
      }
      int outputs = output == Activation.SOFTMAX ? 2 + random.nextInt(3) : 1 + random.nextInt(4);
      Topology topology =
          Topology.of(1 + random.nextInt(5), hidden, outputs, activations, output, (Loss) combination[1]);
      checkGradient(topology, n);
    }
  }

  /** Checks every parameter's gradient for a sample drawn from {@code seed}, kept away from ReLU kinks. */
  private static void checkGradient(Topology topology, long seed) {
    for (long attempt = 0; attempt < 200; attempt++) {
      Random random = new Random(seed * 7919 + attempt);
      double[] parameters = uniform(random, topology.parameterCount(), 1.0);
      double[] input = uniform(random, topology.inputs(), 1.0);
      double[] target = target(random, topology);
      if (nearestKink(topology, parameters, input) < KINK_MARGIN) {
        continue;
      }
      compare(topology, parameters, input, target);
      return;
    }
    fail("found no sample away from the ReLU kinks for " + topology);
  }

  private static void compare(Topology topology, double[] parameters, double[] input, double[] target) {
    ReferenceNetwork network = new ReferenceNetwork(topology);
    network.setParameters(parameters);
    double[] gradient = new double[topology.parameterCount()];
    double loss = network.accumulateGradient(input, target, gradient);
    assertEquals(network.loss(input, target), loss, 0.0, "accumulateGradient returns the loss");

    double[] probe = parameters.clone();
    for (int k = 0; k < probe.length; k++) {
      probe[k] = parameters[k] + H;
      network.setParameters(probe);
      double plus = network.loss(input, target);
      probe[k] = parameters[k] - H;
      network.setParameters(probe);
      double minus = network.loss(input, target);
      probe[k] = parameters[k];
      double numeric = (plus - minus) / (2 * H);
      double analytic = gradient[k];
      double error = Math.abs(analytic - numeric) / Math.max(FLOOR, Math.max(Math.abs(analytic), Math.abs(numeric)));
      int index = k;
      assertTrue(
          error < TOLERANCE,
          () -> topology + ", parameter " + index + ": backpropagation " + analytic
              + ", finite differences " + numeric);
    }
  }

  private static double[] uniform(Random random, int n, double range) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = (2 * random.nextDouble() - 1) * range;
    }
    return values;
  }

  /** Targets the loss makes sense for: values in [0, 1], summing to 1 for softmax. */
  private static double[] target(Random random, Topology topology) {
    double[] target = new double[topology.outputs()];
    double sum = 0;
    for (int k = 0; k < target.length; k++) {
      target[k] = random.nextDouble();
      sum += target[k];
    }
    if (topology.loss() == Loss.SOFTMAX_CROSS_ENTROPY) {
      for (int k = 0; k < target.length; k++) {
        target[k] /= sum;
      }
    }
    return target;
  }

  /**
   * The smallest |pre-activation| over the layers with a kink (ReLU, leaky ReLU), by a forward pass written
   * independently of {@link ReferenceNetwork}; infinity if no layer has one.
   */
  static double nearestKink(Topology topology, double[] p, double[] input) {
    double nearest = Double.POSITIVE_INFINITY;
    double[] previous = input;
    for (int l = 1; l <= topology.layerCount(); l++) {
      Activation activation = topology.activation(l);
      double[] z = new double[topology.size(l)];
      double[] next = new double[z.length];
      for (int j = 0; j < z.length; j++) {
        z[j] = p[topology.biasOffset(l) + j];
        for (int i = 0; i < previous.length; i++) {
          z[j] += p[topology.weightOffset(l) + j * previous.length + i] * previous[i];
        }
        if (activation == Activation.RELU || activation == Activation.LEAKY_RELU || activation == Activation.SELU
            || activation == Activation.ELU || activation == Activation.STEP) {
          nearest = Math.min(nearest, Math.abs(z[j]));
        }
        if (activation != Activation.SOFTMAX) {
          next[j] = activation.apply(z[j]);
        }
      }
      if (activation == Activation.SOFTMAX) {
        Activation.softmax(z, next);
      }
      previous = next;
    }
    return nearest;
  }
}
