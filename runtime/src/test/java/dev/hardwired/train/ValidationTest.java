package dev.hardwired.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ValidationTest {

  private static void rejects(String message, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(message, e.getMessage());
  }

  @Test
  void settingsOutOfRange() {
    rejects("momentum is 1.0; expected a number in [0, 1)", () -> Optimizer.sgd().momentum(1.0));
    rejects("momentum is -0.1; expected a number in [0, 1)", () -> Optimizer.sgd().momentum(-0.1));
    rejects("momentum is NaN; expected a number in [0, 1)", () -> Optimizer.sgd().momentum(Double.NaN));
    rejects("β1 is 1.0; expected a number in [0, 1)", () -> Optimizer.adam().beta1(1.0));
    rejects("β2 is -1.0E-9; expected a number in [0, 1)", () -> Optimizer.adam().beta2(-1e-9));
    rejects("β2 is Infinity; expected a number in [0, 1)", () -> Optimizer.adam().beta2(Double.POSITIVE_INFINITY));
    rejects("ρ is 1.5; expected a number in [0, 1)", () -> Optimizer.rmsProp().rho(1.5));
    rejects("ε is 0.0; expected a positive finite number", () -> Optimizer.adam().epsilon(0.0));
    rejects("ε is -1.0E-8; expected a positive finite number", () -> Optimizer.rmsProp().epsilon(-1e-8));
    rejects(
        "ε is Infinity; expected a positive finite number", () -> Optimizer.adam().epsilon(Double.POSITIVE_INFINITY));
    rejects("ε is NaN; expected a positive finite number", () -> Optimizer.rmsProp().epsilon(Double.NaN));
    rejects("weight decay is -0.01; expected a finite number ≥ 0", () -> Optimizer.sgd().weightDecay(-0.01));
    rejects("weight decay is NaN; expected a finite number ≥ 0", () -> Optimizer.adam().weightDecay(Double.NaN));
    rejects(
        "weight decay is Infinity; expected a finite number ≥ 0",
        () -> Optimizer.rmsProp().weightDecay(Double.POSITIVE_INFINITY));
    rejects("decoupled weight decay is -1.0; expected a finite number ≥ 0", () -> Optimizer.adamW(-1.0));
    rejects(
        "decoupled weight decay is NaN; expected a finite number ≥ 0",
        () -> Optimizer.adam().decoupledWeightDecay(Double.NaN));
    String clip = "; expected a positive number (or positive infinity for no clipping)";
    rejects("clip norm is 0.0" + clip, () -> Optimizer.sgd().clipNorm(0.0));
    rejects("clip norm is -1.0" + clip, () -> Optimizer.adam().clipNorm(-1.0));
    rejects("clip norm is NaN" + clip, () -> Optimizer.rmsProp().clipNorm(Double.NaN));
    rejects("clip norm is -Infinity" + clip, () -> Optimizer.sgd().clipNorm(Double.NEGATIVE_INFINITY));
    // The edges that are allowed.
    Optimizer.sgd().momentum(0.0).weightDecay(0.0).clipNorm(Double.MIN_VALUE);
    Optimizer.adam().beta1(0.0).beta2(0.0).epsilon(Double.MIN_VALUE);
    Optimizer.rmsProp().rho(0.0).clipNorm(Double.POSITIVE_INFINITY);
  }

  @Test
  void anEpsilonThatIsZeroInFloat() {
    float[][] p = {{1f}};
    float[][] s = {{0f}};
    rejects(
        "ε is 1.0E-50, which is 0 in float; expected at least 1.4E-45",
        () -> Optimizer.adam().epsilon(1e-50).bind(p, s));
    rejects(
        "ε is 1.0E-50, which is 0 in float; expected at least 1.4E-45",
        () -> Optimizer.rmsProp().epsilon(1e-50).bind(p, s));
    Optimizer.adam().epsilon(1e-50).bind(new double[][] {{1}}, new double[][] {{0}});
  }

  @Test
  void shapes() {
    for (Cases.Case c : Cases.all()) {
      Optimizer o = c.optimizer();
      double[][] p = {{1, 2, 3}, {4}};
      rejects("parameters is null; expected a network's parameter arrays", () -> o.bind(null, new double[0][]));
      rejects(
          "parameters is null; expected a network's parameter arrays", () -> o.bind((float[][]) null, new float[0][]));
      rejects("parameters[1] is null; expected a parameter array", () -> o.bind(new double[][] {{1}, null}, p));
      rejects("gradientSums is null; expected 2 arrays", () -> o.bind(p, null));
      rejects(
          "gradientSums has 1 arrays; expected 2, one per parameter array",
          () -> o.bind(p, new double[][] {{0, 0, 0}}));
      rejects("gradientSums[1] has 2 values; expected 1", () -> o.bind(p, new double[][] {{0, 0, 0}, {0, 0}}));
      rejects("gradientSums[0] is null; expected 3 values", () -> o.bind(p, new double[][] {null, {0}}));
      rejects(
          "gradientSums[1] is parameters[1] itself; expected a separate array",
          () -> o.bind(p, new double[][] {{0, 0, 0}, p[1]}));
      float[][] f = {{1, 2}, {}};
      rejects("gradientSums[0] has 3 values; expected 2", () -> o.bind(f, new float[][] {{0, 0, 0}, {}}));
      rejects(
          "gradientSums has 3 arrays; expected 2, one per parameter array",
          () -> o.bind(f, new float[][] {{0, 0}, {}, {}}));
      rejects(
          "gradientSums[0] is parameters[0] itself; expected a separate array",
          () -> o.bind(f, new float[][] {f[0], {}}));
      // No arrays at all is a shape too.
      o.bind(new double[0][], new double[0][]).step(1, 0.1);
    }
  }

  @Test
  void badStepsChangeNothing() {
    for (Cases.Case c : Cases.all()) {
      double[][] p = {{1, 2, 3}, {4}};
      double[][] s = {{1, 1, 1}, {1}};
      OptimizerState state = c.optimizer().bind(p, s);
      float[][] fp = {{1, 2, 3}, {4}};
      float[][] fs = {{1, 1, 1}, {1}};
      OptimizerState floatState = c.optimizer().bind(fp, fs);
      for (OptimizerState st : new OptimizerState[] {state, floatState}) {
        rejects("batch size is 0; expected at least 1 sample", () -> st.step(0, 0.1));
        rejects("batch size is -3; expected at least 1 sample", () -> st.step(-3, 0.1));
        rejects("learning rate is -0.1; expected a finite number ≥ 0", () -> st.step(1, -0.1));
        rejects("learning rate is NaN; expected a finite number ≥ 0", () -> st.step(1, Double.NaN));
        rejects(
            "learning rate is Infinity; expected a finite number ≥ 0", () -> st.step(1, Double.POSITIVE_INFINITY));
        assertEquals(0, st.steps());
        IllegalStateException e = assertThrows(IllegalStateException.class, st::restoreState);
        assertEquals("restoreState() before any saveState(): there is no saved state", e.getMessage());
      }
      assertArrayEquals(new double[] {1, 2, 3}, p[0]);
      assertArrayEquals(new double[] {1, 1, 1}, s[0]);
      assertArrayEquals(new float[] {1, 2, 3}, fp[0]);
      assertArrayEquals(new float[] {1, 1, 1}, fs[0]);
    }
  }
}
