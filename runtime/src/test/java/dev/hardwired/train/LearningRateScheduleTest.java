package dev.hardwired.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LearningRateScheduleTest {

  private static void rejects(String message, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(message, e.getMessage());
  }

  @Test
  void constant() {
    LearningRateSchedule s = LearningRateSchedule.constant(0.05);
    assertEquals(0.05, s.rate(0, 10));
    assertEquals(0.05, s.rate(9, 10));
    assertEquals(0.05, s.rate(1000, 10));
    assertEquals("constant 0.05", s.toString());
  }

  @Test
  void step() {
    LearningRateSchedule s = LearningRateSchedule.step(0.1, 10, 0.5);
    assertEquals(0.1, s.rate(0, 100));
    assertEquals(0.1, s.rate(9, 100));
    assertEquals(0.05, s.rate(10, 100));
    assertEquals(0.05, s.rate(19, 100));
    assertEquals(0.025, s.rate(25, 100));
    assertEquals(0.1 / 1024, s.rate(100, 100), 1e-18);
    assertEquals("0.1 × 0.5 every 10 epochs", s.toString());
    assertEquals("0.1 × 0.5 every 1 epoch", LearningRateSchedule.step(0.1, 1, 0.5).toString());
    assertEquals(0.2, LearningRateSchedule.step(0.2, 1, 1.0).rate(50, 100));
  }

  @Test
  void exponential() {
    LearningRateSchedule s = LearningRateSchedule.exponential(0.1, 0.9);
    assertEquals(0.1, s.rate(0, 5));
    assertEquals(0.09, s.rate(1, 5), 1e-16);
    assertEquals(0.081, s.rate(2, 5), 1e-16);
    assertEquals(0.0729, s.rate(3, 5), 1e-16);
    assertEquals("0.1 × 0.9^epoch", s.toString());
  }

  @Test
  void cosine() {
    LearningRateSchedule s = LearningRateSchedule.cosine(0.1, 0.0);
    assertEquals(0.1, s.rate(0, 10), 1e-17);
    assertEquals(0.05, s.rate(5, 10), 1e-17);
    assertEquals(0.0, s.rate(10, 10), 1e-17);
    // 0.2 + ½ × 0.8 × (1 + cos(π/4)) = 0.2 + 0.4 × 1.7071067811865475
    LearningRateSchedule t = LearningRateSchedule.cosine(1.0, 0.2);
    assertEquals(0.8828427124746190, t.rate(1, 4), 1e-15);
    assertEquals(0.6, t.rate(2, 4), 1e-15);
    assertEquals(0.3171572875253810, t.rate(3, 4), 1e-15);
    assertEquals("cosine from 1.0 to 0.2", t.toString());
    assertEquals(0.3, LearningRateSchedule.cosine(0.3, 0.3).rate(7, 9));
  }

  @Test
  void invalidArguments() {
    String rate = "; expected a positive finite learning rate";
    rejects("rate is 0.0" + rate, () -> LearningRateSchedule.constant(0.0));
    rejects("rate is NaN" + rate, () -> LearningRateSchedule.constant(Double.NaN));
    rejects("initial rate is -0.1" + rate, () -> LearningRateSchedule.step(-0.1, 10, 0.5));
    rejects("initial rate is Infinity" + rate, () -> LearningRateSchedule.exponential(Double.POSITIVE_INFINITY, 0.9));
    rejects("initial rate is 0.0" + rate, () -> LearningRateSchedule.cosine(0.0, 0.0));
    rejects("everyEpochs is 0; expected at least 1", () -> LearningRateSchedule.step(0.1, 0, 0.5));
    rejects("factor is 0.0; expected a decay factor in (0, 1]", () -> LearningRateSchedule.step(0.1, 5, 0.0));
    rejects("factor is 1.5; expected a decay factor in (0, 1]", () -> LearningRateSchedule.step(0.1, 5, 1.5));
    rejects(
        "decayPerEpoch is NaN; expected a decay factor in (0, 1]",
        () -> LearningRateSchedule.exponential(0.1, Double.NaN));
    rejects(
        "minimum rate is 0.2; expected a number in [0, 0.1], at most the initial rate",
        () -> LearningRateSchedule.cosine(0.1, 0.2));
    rejects(
        "minimum rate is -0.01; expected a number in [0, 0.1], at most the initial rate",
        () -> LearningRateSchedule.cosine(0.1, -0.01));
    LearningRateSchedule[] all = {
      LearningRateSchedule.constant(0.1),
      LearningRateSchedule.step(0.1, 2, 0.5),
      LearningRateSchedule.exponential(0.1, 0.9),
      LearningRateSchedule.cosine(0.1, 0.01)
    };
    for (LearningRateSchedule s : all) {
      rejects("epoch is -1; expected at least 0 (epochs count from 0)", () -> s.rate(-1, 10));
      rejects("totalEpochs is 0; expected at least 1", () -> s.rate(0, 0));
    }
    rejects("epoch is 11; expected at most totalEpochs (10)", () -> all[3].rate(11, 10));
  }
}
