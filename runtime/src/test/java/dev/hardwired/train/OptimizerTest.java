package dev.hardwired.train;

import static dev.hardwired.train.Cases.firstDifference;
import static dev.hardwired.train.Cases.flatten;
import static dev.hardwired.train.Cases.maxDifference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.reference.ReferenceNetwork;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OptimizerTest {
  private static final int STEPS = 100;

  static List<Cases.Case> cases() {
    return Cases.all();
  }

  /** The same run through the optimizer (on several arrays) and the plain equations (on one). */
  private static final class Run {
    final double[][] parameters;
    final double[][] sums;
    final double[] start;
    final OptimizerState state;
    final PlainRule plain;
    final Random random;

    Run(Cases.Case c, long seed) {
      random = new Random(seed);
      parameters = Cases.randomArrays(random, Cases.LENGTHS);
      sums = Cases.zeros(parameters);
      start = flatten(parameters);
      state = c.optimizer().bind(parameters, sums);
      plain = c.plain().apply(start);
    }

    void step() {
      int batch = 2 + random.nextInt(7);
      double lr = 0.005 + 0.045 * random.nextDouble();
      double[] s = Cases.randomSums(random, start.length, batch);
      Cases.scatter(s, sums);
      state.step(batch, lr);
      plain.step(s, batch, lr);
      assertArrayEquals(new double[start.length], flatten(sums), "the gradient sums are left at zero");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void followsThePublishedEquations(Cases.Case c) {
    Run run = new Run(c, 7);
    for (int t = 1; t <= STEPS; t++) {
      run.step();
      assertEquals(t, run.state.steps());
    }
    double[] actual = flatten(run.parameters);
    assertNull(firstDifference(run.plain.w, actual, 1e-12), c.name());
    // The parameters really moved, and clipping (when on) both acted and did not.
    assertTrue(maxDifference(run.start, actual) > 0.01, "moved by " + maxDifference(run.start, actual));
    if (c.optimizer().maxNorm != Double.POSITIVE_INFINITY) {
      int clipped = run.plain.clippedSteps;
      assertTrue(clipped > 10 && clipped < STEPS - 10, "clipped " + clipped);
    }
  }

  /** The comparison can fail: a neighbouring setting of each rule gives other parameters. */
  @Test
  void theComparisonTellsNeighbouringSettingsApart() {
    List<Cases.Case> wrong =
        List.of(
            new Cases.Case("momentum, not Nesterov", Optimizer.sgd().momentum(0.9), w -> PlainRule.sgd(w, 0.9, true)),
            new Cases.Case("β1", Optimizer.adam(), w -> PlainRule.adam(w, 0.89, 0.999, 1e-8, 0)),
            new Cases.Case("β2", Optimizer.adam(), w -> PlainRule.adam(w, 0.9, 0.998, 1e-8, 0)),
            new Cases.Case(
                "decoupled", Optimizer.adamW(0.01), w -> PlainRule.adam(w, 0.9, 0.999, 1e-8, 0).l2(0.01)),
            new Cases.Case("ρ", Optimizer.rmsProp(), w -> PlainRule.rmsProp(w, 0.91, 1e-8)),
            new Cases.Case("clip", Optimizer.sgd().clipNorm(0.5), w -> PlainRule.sgd(w, 0, false).maxNorm(0.51)));
    for (Cases.Case c : wrong) {
      Run run = new Run(c, 7);
      for (int t = 0; t < STEPS; t++) {
        run.step();
      }
      double difference = maxDifference(run.plain.w, flatten(run.parameters));
      assertTrue(difference > 1e-6, c.name() + ": differs by only " + difference);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void trainsAReferenceNetworkAsThePlainEquationsDo(Cases.Case c) {
    Activation[] tanh = {Activation.TANH};
    Topology topology = Topology.of(3, new int[] {5, 4}, 2, tanh, Activation.LOGISTIC, Loss.SQUARED_ERROR);
    ReferenceNetwork network = ReferenceNetwork.seeded(topology, 11);
    ReferenceNetwork oracleNetwork = ReferenceNetwork.of(network);
    Random random = new Random(3);
    double[][] inputs = new double[6][3];
    double[][] targets = new double[6][2];
    for (int n = 0; n < inputs.length; n++) {
      for (int i = 0; i < 3; i++) {
        inputs[n][i] = 2 * random.nextDouble() - 1;
      }
      for (int i = 0; i < 2; i++) {
        targets[n][i] = random.nextDouble();
      }
    }
    double[][] arrays = network.parameterArrays();
    double[][] sums = Cases.zeros(arrays);
    OptimizerState state = c.optimizer().bind(arrays, sums);
    double[] start = network.parameters();
    PlainRule plain = c.plain().apply(start);
    double[] flatSums = new double[start.length];
    for (int t = 0; t < STEPS; t++) {
      // Batches of 3 and 2 samples in turn, so that the averaging is exercised.
      int first = t % 2 == 0 ? 0 : 3;
      int batch = t % 2 == 0 ? 3 : 2;
      Arrays.fill(flatSums, 0);
      for (int n = first; n < first + batch; n++) {
        network.accumulateGradient(inputs[n], targets[n], sums);
        oracleNetwork.accumulateGradient(inputs[n], targets[n], flatSums);
      }
      state.step(batch, 0.05);
      plain.step(flatSums, batch, 0.05);
      oracleNetwork.setParameters(plain.w);
    }
    double[] actual = network.parameters();
    assertNull(firstDifference(plain.w, actual, 1e-12), c.name());
    assertTrue(maxDifference(start, actual) > 0.01, "moved by " + maxDifference(start, actual));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void floatArraysFollowTheDoublePath(Cases.Case c) {
    Random random = new Random(5);
    float[][] parameters = Cases.narrow(Cases.randomArrays(random, Cases.LENGTHS));
    float[][] sums = Cases.narrow(Cases.zeros(Cases.widen(parameters)));
    double[][] doubleParameters = Cases.widen(parameters);
    double[][] doubleSums = Cases.zeros(doubleParameters);
    double[] start = flatten(doubleParameters);
    OptimizerState floatState = c.optimizer().bind(parameters, sums);
    OptimizerState doubleState = c.optimizer().bind(doubleParameters, doubleSums);
    for (int t = 0; t < STEPS; t++) {
      int batch = 2 + random.nextInt(7);
      // The same float values for both, so that only the arithmetic differs.
      float[][] s = Cases.narrow(new double[][] {Cases.randomSums(random, start.length, batch)});
      double[] flat = Cases.widen(s)[0];
      Cases.scatter(flat, doubleSums);
      int at = 0;
      for (float[] a : sums) {
        System.arraycopy(s[0], at, a, 0, a.length);
        at += a.length;
      }
      floatState.step(batch, 0.02);
      doubleState.step(batch, 0.02);
      for (float[] a : sums) {
        for (float x : a) {
          assertEquals(0.0f, x, "the float gradient sums are left at zero");
        }
      }
    }
    assertEquals(STEPS, floatState.steps());
    double[] expected = flatten(doubleParameters);
    double[] actual = flatten(Cases.widen(parameters));
    assertNull(firstDifference(expected, actual, 1e-4), c.name());
    assertTrue(maxDifference(start, actual) > 0.01, "moved by " + maxDifference(start, actual));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void restoringAndReplayingGivesBitIdenticalParameters(Cases.Case c) {
    Random random = new Random(9);
    double[][] parameters = Cases.randomArrays(random, Cases.LENGTHS);
    double[][] sums = Cases.zeros(parameters);
    float[][] floatParameters = Cases.narrow(parameters);
    float[][] floatSums = Cases.narrow(sums);
    OptimizerState state = c.optimizer().bind(parameters, sums);
    OptimizerState floatState = c.optimizer().bind(floatParameters, floatSums);
    int n = flatten(parameters).length;
    double[][] history = new double[60][];
    for (int t = 0; t < history.length; t++) {
      history[t] = Cases.randomSums(random, n, 4);
    }
    for (int t = 0; t < 30; t++) {
      feed(history[t], sums, floatSums);
      state.step(4, 0.01);
      floatState.step(4, 0.01);
    }
    state.saveState();
    floatState.saveState();
    double[] savedParameters = flatten(parameters);
    float[][] savedFloatParameters = Cases.narrow(Cases.widen(floatParameters));
    for (int t = 30; t < 60; t++) {
      feed(history[t], sums, floatSums);
      state.step(4, 0.01);
      floatState.step(4, 0.01);
    }
    double[] first = flatten(parameters);
    double[] firstFloat = flatten(Cases.widen(floatParameters));
    for (int round = 0; round < 2; round++) {
      // Twice: a restore keeps the saved copy.
      state.restoreState();
      floatState.restoreState();
      assertEquals(30, state.steps());
      assertEquals(30, floatState.steps());
      Cases.scatter(savedParameters, parameters);
      for (int k = 0; k < floatParameters.length; k++) {
        System.arraycopy(savedFloatParameters[k], 0, floatParameters[k], 0, floatParameters[k].length);
      }
      for (int t = 30; t < 60; t++) {
        feed(history[t], sums, floatSums);
        state.step(4, 0.01);
        floatState.step(4, 0.01);
      }
      assertArrayEquals(first, flatten(parameters));
      assertArrayEquals(firstFloat, flatten(Cases.widen(floatParameters)));
    }
    // Without the restore of the state the replay differs (for every rule that keeps state), so the
    // restore is what makes it identical.
    if (!c.name().equals("SGD") && !c.name().equals("SGD weight decay") && !c.name().equals("SGD clipped")) {
      Cases.scatter(savedParameters, parameters);
      for (int t = 30; t < 60; t++) {
        feed(history[t], sums, floatSums);
        state.step(4, 0.01);
      }
      assertNotEquals(0.0, maxDifference(first, flatten(parameters)));
    }
  }

  private static void feed(double[] flat, double[][] sums, float[][] floatSums) {
    Cases.scatter(flat, sums);
    int at = 0;
    for (float[] a : floatSums) {
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) flat[at++];
      }
    }
  }

  @Test
  void aZeroLearningRateMovesTheStateButNotTheParameters() {
    for (Cases.Case c : Cases.all()) {
      Random random = new Random(1);
      double[][] parameters = Cases.randomArrays(random, Cases.LENGTHS);
      double[][] sums = Cases.zeros(parameters);
      double[] start = flatten(parameters);
      OptimizerState state = c.optimizer().bind(parameters, sums);
      Cases.scatter(Cases.randomSums(random, start.length, 2), sums);
      state.step(2, 0.0);
      assertArrayEquals(start, flatten(parameters), c.name());
      assertArrayEquals(new double[start.length], flatten(sums), c.name());
      assertEquals(1, state.steps());
    }
  }

  @Test
  void theStateKeepsTheArraysButNotTheOuterArray() {
    double[][] parameters = {{1.0, 2.0}, {3.0}};
    double[][] sums = {{1.0, 1.0}, {2.0}};
    OptimizerState state = Optimizer.sgd().bind(parameters, sums);
    double[] first = parameters[0];
    parameters[0] = new double[2];
    state.step(1, 0.5);
    assertArrayEquals(new double[] {0.5, 1.5}, first);
    assertArrayEquals(new double[] {2.0}, parameters[1]);
    assertArrayEquals(new double[2], parameters[0]);
  }

  @Test
  void settingsMakeNewOptimizersOfTheSameClass() {
    Sgd sgd = Optimizer.sgd().weightDecay(0.1).clipNorm(2.0).momentum(0.9).nesterov(true);
    Adam adam = Optimizer.adam().clipNorm(1.0).weightDecay(0.01).beta1(0.8).beta2(0.99).epsilon(1e-7);
    RmsProp rmsProp = Optimizer.rmsProp().weightDecay(0.01).clipNorm(1.0).rho(0.95).epsilon(1e-6);
    assertEquals("SGD(momentum 0.9, Nesterov; weight decay 0.1; clip norm 2.0)", sgd.toString());
    assertEquals("Adam(β1 0.8, β2 0.99, ε 1.0E-7; weight decay 0.01; clip norm 1.0)", adam.toString());
    assertEquals("RMSprop(ρ 0.95, ε 1.0E-6; weight decay 0.01; clip norm 1.0)", rmsProp.toString());
    // The defaults, unchanged by the calls above.
    assertEquals("SGD(no momentum; weight decay 0.0; no clipping)", Optimizer.sgd().toString());
    assertEquals("Adam(β1 0.9, β2 0.999, ε 1.0E-8; weight decay 0.0; no clipping)", Optimizer.adam().toString());
    assertEquals("RMSprop(ρ 0.9, ε 1.0E-8; weight decay 0.0; no clipping)", Optimizer.rmsProp().toString());
    assertEquals(
        "AdamW(β1 0.9, β2 0.999, ε 1.0E-8, decoupled weight decay 0.01; weight decay 0.0; no clipping)",
        Optimizer.adamW(0.01).toString());
    assertEquals("Adam(β1 0.9, β2 0.999, ε 1.0E-8; weight decay 0.0; no clipping)", Optimizer.adamW(0).toString());
    assertEquals(
        "SGD(no momentum; weight decay 0.0; no clipping)",
        Optimizer.sgd().clipNorm(1).clipNorm(Double.POSITIVE_INFINITY).toString());
  }
}
