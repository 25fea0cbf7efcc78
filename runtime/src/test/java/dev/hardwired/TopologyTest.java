package dev.hardwired;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TopologyTest {
  private static final Activation[] LOGISTIC = {Activation.LOGISTIC};

  private static Topology xor() {
    return Topology.of(2, new int[] {2}, 1, LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR);
  }

  @Test
  void layersNodesAndParametersAreNamedAsInTheGeneratedComments() {
    Topology xor = xor();
    assertEquals("I", xor.layerName(0));
    assertEquals("H", xor.layerName(1));
    assertEquals("O", xor.layerName(2));
    assertEquals("H1", xor.nodeName(1, 1));
    assertEquals("weight I1→H0", xor.parameterName(1));
    assertEquals("bias H1", xor.parameterName(5));
    assertEquals("weight H1→O0", xor.parameterName(7));
    assertEquals("bias O0", xor.parameterName(8));

    Topology deep =
        Topology.of(3, new int[] {2, 2}, 1, new Activation[] {Activation.TANH}, Activation.IDENTITY, Loss.SQUARED_ERROR);
    assertEquals("H2", deep.layerName(2));
    assertEquals("H1_1", deep.nodeName(1, 1));
    assertEquals("weight H1_1→H2_0", deep.parameterName(deep.weightOffset(2) + 1));
    assertEquals("bias H2_1", deep.parameterName(deep.biasOffset(2) + 1));
    assertEquals("weight H2_0→O0", deep.parameterName(deep.weightOffset(3)));

    Topology single = Topology.of(4, new int[0], 2, LOGISTIC, Activation.LOGISTIC, Loss.CROSS_ENTROPY);
    assertEquals("weight I3→O1", single.parameterName(7));

    assertThrows(IndexOutOfBoundsException.class, () -> xor.layerName(3));
    assertThrows(IndexOutOfBoundsException.class, () -> xor.layerName(-1));
    IndexOutOfBoundsException node = assertThrows(IndexOutOfBoundsException.class, () -> xor.nodeName(1, 2));
    assertEquals("node 2 does not exist; layer H of " + xor + " has nodes 0..1", node.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> xor.parameterName(9));
  }

  @Test
  void xorOffsetsMatchTheGeneratedLayout() {
    // ItoH weights p[0..3], hidden biases p[4..5], HtoO weights p[6..7], output bias p[8].
    Topology t = xor();
    assertEquals(2, t.inputs());
    assertEquals(1, t.outputs());
    assertEquals(2, t.layerCount());
    assertEquals(0, t.weightOffset(1));
    assertEquals(4, t.biasOffset(1));
    assertEquals(6, t.weightOffset(2));
    assertEquals(8, t.biasOffset(2));
    assertEquals(9, t.parameterCount());
  }

  @Test
  void offsetsOfADeepNetworkFollowOneAnother() {
    Topology t =
        Topology.of(
            5,
            new int[] {7, 3, 4},
            2,
            new Activation[] {Activation.TANH, Activation.RELU, Activation.IDENTITY},
            Activation.SOFTMAX,
            Loss.SOFTMAX_CROSS_ENTROPY);
    assertArrayEquals(new int[] {5, 7, 3, 4, 2}, t.sizes());
    assertEquals(4, t.layerCount());
    int expected = 0;
    for (int l = 1; l <= t.layerCount(); l++) {
      assertEquals(expected, t.weightOffset(l), "weights of layer " + l);
      expected += t.size(l - 1) * t.size(l);
      assertEquals(expected, t.biasOffset(l), "biases of layer " + l);
      expected += t.size(l);
    }
    assertEquals(expected, t.parameterCount());
    assertEquals(6 * 7 + 8 * 3 + 4 * 4 + 5 * 2, t.parameterCount());
    assertEquals(Activation.TANH, t.activation(1));
    assertEquals(Activation.RELU, t.activation(2));
    assertEquals(Activation.IDENTITY, t.activation(3));
    assertEquals(Activation.SOFTMAX, t.activation(4));
    assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, t.loss());
  }

  @Test
  void noHiddenLayer() {
    Topology t = Topology.of(3, new int[] {}, 1, LOGISTIC, Activation.IDENTITY, Loss.SQUARED_ERROR);
    assertEquals(1, t.layerCount());
    assertEquals(0, t.weightOffset(1));
    assertEquals(3, t.biasOffset(1));
    assertEquals(4, t.parameterCount());
    assertEquals("3-1 (identity; summed squared error)", t.toString());
    assertEquals(t, Topology.of(3, new int[] {}, 1, new Activation[0], Activation.IDENTITY, Loss.SQUARED_ERROR));
  }

  @Test
  void oneActivationServesEveryHiddenLayer() {
    Topology t = Topology.of(2, new int[] {3, 3}, 1, new Activation[] {Activation.TANH}, Activation.LOGISTIC, Loss.CROSS_ENTROPY);
    assertEquals(Activation.TANH, t.activation(1));
    assertEquals(Activation.TANH, t.activation(2));
  }

  @Test
  void toStringNamesSizesActivationsAndLoss() {
    assertEquals("2-2-1 (logistic, logistic; summed squared error)", xor().toString());
    assertEquals("2-2-1", xor().shape());
    assertEquals(
        "4-8-3 (leaky ReLU, softmax; categorical cross-entropy)",
        Topology.of(4, new int[] {8}, 3, new Activation[] {Activation.LEAKY_RELU}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY)
            .toString());
    assertEquals(
        "1-2-1 (ReLU, logistic; binary cross-entropy)",
        Topology.of(1, new int[] {2}, 1, new Activation[] {Activation.RELU}, Activation.LOGISTIC, Loss.CROSS_ENTROPY).toString());
  }

  @Test
  void equalsAndHashCodeByValue() {
    assertEquals(xor(), xor());
    assertEquals(xor().hashCode(), xor().hashCode());
    assertNotEquals(xor(), Topology.of(2, new int[] {3}, 1, LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR));
    assertNotEquals(xor(), Topology.of(2, new int[] {2}, 1, new Activation[] {Activation.TANH}, Activation.LOGISTIC, Loss.SQUARED_ERROR));
    assertNotEquals(xor(), Topology.of(2, new int[] {2}, 1, LOGISTIC, Activation.TANH, Loss.SQUARED_ERROR));
    assertNotEquals(xor(), Topology.of(2, new int[] {2}, 1, LOGISTIC, Activation.LOGISTIC, Loss.CROSS_ENTROPY));
    assertNotEquals(xor(), null);
    assertNotEquals(xor(), "2-2-1");
  }

  @Test
  void isImmutable() {
    int[] hidden = {2};
    Activation[] activations = {Activation.TANH};
    Topology t = Topology.of(2, hidden, 1, activations, Activation.LOGISTIC, Loss.SQUARED_ERROR);
    hidden[0] = 9;
    activations[0] = Activation.RELU;
    t.sizes()[1] = 9;
    assertArrayEquals(new int[] {2, 2, 1}, t.sizes());
    assertEquals(Activation.TANH, t.activation(1));
  }

  @Test
  void activationOfLayersWithoutOneThrows() {
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> xor().activation(0));
    assertEquals("layer 0 has no activation; layers 1..2 do", e.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> xor().activation(3));
  }

  @Test
  void rejectsEmptyLayers() {
    assertMessage(
        "layer 0 has size 0; every layer needs at least one node: [0, 2, 1]",
        () -> Topology.of(0, new int[] {2}, 1, LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR));
    assertMessage(
        "layer 1 has size -1; every layer needs at least one node: [2, -1, 1]",
        () -> Topology.of(2, new int[] {-1}, 1, LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR));
    assertMessage(
        "layer 2 has size 0; every layer needs at least one node: [2, 2, 0]",
        () -> Topology.of(2, new int[] {2}, 0, LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR));
  }

  @Test
  void rejectsAWrongNumberOfHiddenActivations() {
    assertMessage(
        "expected 1 hidden activation or one per hidden layer (3), got 2",
        () -> Topology.of(2, new int[] {2, 2, 2}, 1, new Activation[] {Activation.TANH, Activation.RELU}, Activation.LOGISTIC, Loss.SQUARED_ERROR));
  }

  @Test
  void rejectsSoftmaxInAHiddenLayer() {
    assertMessage(
        "hidden layer 2: SOFTMAX is for the output layer only",
        () -> Topology.of(2, new int[] {2, 2}, 1, new Activation[] {Activation.TANH, Activation.SOFTMAX}, Activation.LOGISTIC, Loss.SQUARED_ERROR));
  }

  @Test
  void rejectsLossesThatDoNotFitTheOutputActivation() {
    assertMessage(
        "SQUARED_ERROR cannot follow a SOFTMAX output layer",
        () -> Topology.of(2, new int[] {2}, 2, LOGISTIC, Activation.SOFTMAX, Loss.SQUARED_ERROR));
    assertMessage(
        "CROSS_ENTROPY cannot follow a TANH output layer; it needs LOGISTIC",
        () -> Topology.of(2, new int[] {2}, 1, LOGISTIC, Activation.TANH, Loss.CROSS_ENTROPY));
    assertMessage(
        "SOFTMAX_CROSS_ENTROPY cannot follow a LOGISTIC output layer; it needs SOFTMAX",
        () -> Topology.of(2, new int[] {2}, 2, LOGISTIC, Activation.LOGISTIC, Loss.SOFTMAX_CROSS_ENTROPY));
  }

  @Test
  void acceptsEveryAllowedCombination() {
    int accepted = 0;
    for (Loss loss : Loss.values()) {
      for (Activation output : Activation.values()) {
        for (Activation hidden : Activation.values()) {
          Activation[] hiddenActivations = {hidden};
          // A step output (the perceptron) has no hidden layers: tried below.
          boolean allowed = loss.accepts(output) && hidden.allowedInHiddenLayer() && output != Activation.STEP;
          if (allowed) {
            Topology.of(2, new int[] {3}, 2, hiddenActivations, output, loss);
            accepted++;
          } else {
            assertThrows(
                IllegalArgumentException.class, () -> Topology.of(2, new int[] {3}, 2, hiddenActivations, output, loss));
          }
        }
      }
    }
    // Squared error after the 11 elementwise outputs, the two cross-entropies after theirs; 11 hidden.
    assertEquals((11 + 2) * 11, accepted);
  }

  @Test
  void thePerceptronIsOneLayerOfStepNeuronsTrainedOnThePerceptronCriterion() {
    Topology perceptron = Topology.of(3, new int[0], 2, LOGISTIC, Activation.STEP, Loss.PERCEPTRON);
    assertEquals(8, perceptron.parameterCount());
    assertMessage(
        "a STEP output layer cannot have hidden layers before it: the perceptron rule trains a single layer",
        () -> Topology.of(3, new int[] {2}, 1, LOGISTIC, Activation.STEP, Loss.PERCEPTRON));
    assertThrows(
        IllegalArgumentException.class,
        () -> Topology.of(3, new int[0], 1, LOGISTIC, Activation.STEP, Loss.SQUARED_ERROR));
    assertThrows(
        IllegalArgumentException.class,
        () -> Topology.of(3, new int[0], 1, LOGISTIC, Activation.LOGISTIC, Loss.PERCEPTRON));
  }

  @Test
  void rejectsNulls() {
    assertMessage("hidden is null", () -> Topology.of(2, null, 1, LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR));
    assertMessage("hiddenActivations is null", () -> Topology.of(2, new int[] {2}, 1, null, Activation.LOGISTIC, Loss.SQUARED_ERROR));
    assertMessage("outputActivation is null", () -> Topology.of(2, new int[] {2}, 1, LOGISTIC, null, Loss.SQUARED_ERROR));
    assertMessage("loss is null", () -> Topology.of(2, new int[] {2}, 1, LOGISTIC, Activation.LOGISTIC, null));
    assertMessage(
        "hidden layer 1 has a null activation",
        () -> Topology.of(2, new int[] {2}, 1, new Activation[] {null}, Activation.LOGISTIC, Loss.SQUARED_ERROR));
  }

  @Test
  void rejectsMoreParametersThanAnArrayHolds() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Topology.of(100_000, new int[] {100_000}, 1, LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR));
    assertTrue(e.getMessage().contains("more than 2147483639 parameters, more than one Java array can hold"), e.getMessage());
    // Just under the limit is fine: (2^30 − 1 + 1) × 1 + 2 parameters.
    assertEquals((1 << 30) + 2, Topology.of((1 << 30) - 1, new int[] {1}, 1, LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR).parameterCount());
    // Exactly the limit, (MAX − 1 + 1) × 1, and one past it.
    int max = Topology.MAX_PARAMETERS;
    assertEquals(max, Topology.of(max - 1, new int[0], 1, LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR).parameterCount());
    assertThrows(
        IllegalArgumentException.class,
        () -> Topology.of(max, new int[0], 1, LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR));
  }

  @Test
  void describesEveryParameterOfXor() {
    Topology t = xor();
    String[] expected = {
      "weight into layer 1 neuron 0 from input 0 (ItoH)",
      "weight into layer 1 neuron 0 from input 1 (ItoH)",
      "weight into layer 1 neuron 1 from input 0 (ItoH)",
      "weight into layer 1 neuron 1 from input 1 (ItoH)",
      "bias of layer 1 neuron 0 (hidden)",
      "bias of layer 1 neuron 1 (hidden)",
      "weight into layer 2 neuron 0 from node 0 (HtoO)",
      "weight into layer 2 neuron 0 from node 1 (HtoO)",
      "bias of layer 2 neuron 0 (output)",
    };
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], t.describeParameter(i), "parameter " + i);
    }
    assertEquals(
        "parameter 9 does not exist; 2-2-1 (logistic, logistic; summed squared error) has parameters 0..8",
        assertThrows(IndexOutOfBoundsException.class, () -> t.describeParameter(9)).getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> t.describeParameter(-1));
  }

  @Test
  void describesParametersOfDeepAndSingleLayerNetworks() {
    Topology deep =
        Topology.of(3, new int[] {4, 2}, 2, LOGISTIC, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    // Layer 2: weights at 16..23 (2 neurons × 4 inputs), biases at 24..25; layer 3 weights from 26.
    assertEquals("weight into layer 2 neuron 1 from node 3 (HtoH)", deep.describeParameter(23));
    assertEquals("bias of layer 2 neuron 1 (hidden)", deep.describeParameter(25));
    assertEquals("weight into layer 3 neuron 0 from node 0 (HtoO)", deep.describeParameter(26));
    assertEquals("bias of layer 3 neuron 1 (output)", deep.describeParameter(deep.parameterCount() - 1));
    Topology single = Topology.of(3, new int[0], 1, LOGISTIC, Activation.IDENTITY, Loss.SQUARED_ERROR);
    assertEquals("weight into layer 1 neuron 0 from input 2 (ItoO)", single.describeParameter(2));
    assertEquals("bias of layer 1 neuron 0 (output)", single.describeParameter(3));
  }

  private static void assertMessage(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }
}
