package dev.hardwired;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InitializationTest {
  private static final Topology DEEP =
      Topology.of(
          6, new int[] {10, 4}, 3, new Activation[] {Activation.RELU, Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);

  @Test
  void sameSeedSameParameters() {
    assertArrayEquals(Initialization.initialParameters(DEEP, 42), Initialization.initialParameters(DEEP, 42));
    assertFalse(Arrays.equals(Initialization.initialParameters(DEEP, 42), Initialization.initialParameters(DEEP, 43)));
  }

  @Test
  void initializeFillsTheGivenArrayAsInitialParametersDoes() {
    double[] p = new double[DEEP.parameterCount()];
    Arrays.fill(p, 7.0); // biases must be reset, not left over
    Initialization.initialize(DEEP, 5, p);
    assertArrayEquals(Initialization.initialParameters(DEEP, 5), p);
  }

  @Test
  void biasesAreZeroAndWeightsInTheirRange() {
    double[] p = Initialization.initialParameters(DEEP, 1);
    for (int l = 1; l <= DEEP.layerCount(); l++) {
      int fanIn = DEEP.size(l - 1);
      int fanOut = DEEP.size(l);
      double r = DEEP.activation(l) == Activation.RELU ? Math.sqrt(6.0 / fanIn) : Math.sqrt(6.0 / (fanIn + fanOut));
      assertEquals(r, Initialization.range(DEEP.activation(l), fanIn, fanOut), 0.0);
      double largest = 0;
      for (int k = 0; k < fanIn * fanOut; k++) {
        double w = p[DEEP.weightOffset(l) + k];
        assertTrue(Math.abs(w) <= r, "layer " + l + " weight " + k + " = " + w + " beyond " + r);
        assertTrue(w != 0.0);
        largest = Math.max(largest, Math.abs(w));
      }
      assertTrue(largest > r / 2, "layer " + l + ": the weights use their range");
      for (int j = 0; j < fanOut; j++) {
        assertEquals(0.0, p[DEEP.biasOffset(l) + j], "bias " + j + " of layer " + l);
      }
    }
  }

  @Test
  void heForRectifierLikeLeCunForSeluGlorotForTheRest() {
    // One layer 2 -> 1: the first draws of Random(seed) scaled by the layer's range.
    double he = Math.sqrt(6.0 / 2);
    double leCun = Math.sqrt(3.0 / 2);
    double glorot = Math.sqrt(6.0 / 3);
    for (Activation a : Activation.values()) {
      if (a == Activation.SOFTMAX || a == Activation.STEP) {
        continue; // outputs that need a loss of their own; their range is Glorot's, checked by range() below
      }
      Topology t = Topology.of(2, new int[] {}, 1, new Activation[0], a, Loss.SQUARED_ERROR);
      double r;
      switch (a) {
        case RELU:
        case LEAKY_RELU:
        case ELU:
        case SILU:
        case GELU:
        case GELU_TANH:
          r = he;
          break;
        case SELU:
          r = leCun;
          break;
        default:
          r = glorot;
      }
      assertEquals(r, Initialization.range(a, 2, 1), 0.0, a.toString());
      Random random = new Random(9);
      double[] expected = {(2 * random.nextDouble() - 1) * r, (2 * random.nextDouble() - 1) * r, 0};
      assertArrayEquals(expected, Initialization.initialParameters(t, 9), 0.0, a.toString());
    }
    assertEquals(glorot, Initialization.range(Activation.SOFTMAX, 2, 1), 0.0);
    assertEquals(glorot, Initialization.range(Activation.STEP, 2, 1), 0.0);
  }

  @Test
  void drawsInParameterOrderSkippingBiases() {
    Topology t = Topology.of(1, new int[] {1}, 1, new Activation[] {Activation.TANH}, Activation.TANH, Loss.SQUARED_ERROR);
    Random random = new Random(3);
    double first = (2 * random.nextDouble() - 1) * Math.sqrt(3);
    double second = (2 * random.nextDouble() - 1) * Math.sqrt(3);
    assertArrayEquals(new double[] {first, 0, second, 0}, Initialization.initialParameters(t, 3), 0.0);
  }

  @Test
  void rangeRefusesALayerWithoutNodes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Initialization.range(Activation.RELU, 0, 3));
    assertEquals("fanIn = 0 and fanOut = 3; expected layer sizes of at least 1", e.getMessage());
  }

  @Test
  void rejectsAnArrayOfTheWrongLength() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Initialization.initialize(DEEP, 1, new double[3]));
    assertEquals("parameters has 3 values; expected " + DEEP.parameterCount(), e.getMessage());
  }
}
