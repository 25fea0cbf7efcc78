package dev.hardwired;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LossTest {

  @Test
  void lossesAcceptTheirOutputActivations() {
    for (Activation a : Activation.values()) {
      assertEquals(a != Activation.SOFTMAX && a != Activation.STEP, Loss.SQUARED_ERROR.accepts(a), a.toString());
      assertEquals(a == Activation.LOGISTIC, Loss.CROSS_ENTROPY.accepts(a), a.toString());
      assertEquals(a == Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY.accepts(a), a.toString());
      assertEquals(a == Activation.STEP, Loss.PERCEPTRON.accepts(a), a.toString());
    }
    assertEquals(null, Loss.SQUARED_ERROR.requiredOutputActivation());
    assertEquals("summed squared error", Loss.SQUARED_ERROR.displayName());
    assertEquals("binary cross-entropy", Loss.CROSS_ENTROPY.displayName());
    assertEquals("categorical cross-entropy", Loss.SOFTMAX_CROSS_ENTROPY.displayName());
    assertEquals("the perceptron criterion", Loss.PERCEPTRON.displayName());
  }
}
