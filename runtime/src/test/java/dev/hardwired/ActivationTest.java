package dev.hardwired;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {

  @ParameterizedTest
  @EnumSource(value = Activation.class, names = {"SOFTMAX", "STEP"}, mode = EnumSource.Mode.EXCLUDE)
  void derivativeFromThePostActivationMatchesFiniteDifferences(Activation a) {
    for (double z = -3.05; z < 3; z += 0.1) {
      double h = 1e-6;
      double numeric = (a.apply(z + h) - a.apply(z - h)) / (2 * h);
      assertEquals(numeric, a.derivative(a.apply(z)), 1e-8, a + " at " + z);
    }
  }

  @Test
  void values() {
    assertEquals(0.5, Activation.LOGISTIC.apply(0));
    assertEquals(1 / (1 + Math.exp(-2)), Activation.LOGISTIC.apply(2));
    assertEquals(Math.tanh(0.7), Activation.TANH.apply(0.7));
    assertEquals(0.0, Activation.RELU.apply(-2));
    assertEquals(2.0, Activation.RELU.apply(2));
    assertEquals(-0.02, Activation.LEAKY_RELU.apply(-2), 1e-17);
    assertEquals(2.0, Activation.LEAKY_RELU.apply(2));
    assertEquals(-5.5, Activation.IDENTITY.apply(-5.5));
    assertEquals(0.0, Activation.RELU.derivative(0.0), "ReLU's derivative at the kink is taken as 0");
  }

  @Test
  void softmaxIsNormalisedStableAndMayWorkInPlace() {
    double[] z = {1, 2, 3};
    double[] y = new double[3];
    Activation.softmax(z, y);
    double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
    assertArrayEquals(new double[] {Math.exp(1) / sum, Math.exp(2) / sum, Math.exp(3) / sum}, y, 1e-15);

    double[] large = {1000, 1000};
    Activation.softmax(large, large);
    assertArrayEquals(new double[] {0.5, 0.5}, large, 0.0);
  }

  @Test
  void softmaxIsForTheOutputLayerOnly() {
    assertFalse(Activation.SOFTMAX.allowedInHiddenLayer());
    for (Activation a : Activation.values()) {
      assertEquals(a != Activation.SOFTMAX && a != Activation.STEP, a.allowedInHiddenLayer());
    }
    assertThrows(UnsupportedOperationException.class, () -> Activation.SOFTMAX.apply(1));
    assertThrows(UnsupportedOperationException.class, () -> Activation.SOFTMAX.derivative(0.5));
  }

  @Test
  void stepIsThePerceptronsOutputAndHasNoDerivative() {
    assertEquals(1.0, Activation.STEP.apply(0.3));
    assertEquals(0.0, Activation.STEP.apply(0.0));
    assertEquals(0.0, Activation.STEP.apply(-2));
    assertFalse(Activation.STEP.allowedInHiddenLayer());
    assertThrows(UnsupportedOperationException.class, () -> Activation.STEP.derivative(1));
  }

  @Test
  void displayNames() {
    assertEquals("logistic", Activation.LOGISTIC.displayName());
    assertEquals("tanh", Activation.TANH.displayName());
    assertEquals("ReLU", Activation.RELU.displayName());
    assertEquals("leaky ReLU", Activation.LEAKY_RELU.displayName());
    assertEquals("identity", Activation.IDENTITY.displayName());
    assertEquals("softmax", Activation.SOFTMAX.displayName());
  }
}
