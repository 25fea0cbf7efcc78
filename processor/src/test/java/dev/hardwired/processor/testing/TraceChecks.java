package dev.hardwired.processor.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hardwired.Loss;
import dev.hardwired.StepTrace;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.reference.ReferenceNetwork;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Random;

/**
 * Checks of a generated {@code trace}: the step it takes is {@code train}'s, bit for bit; its gradients are
 * {@code accumulateGradient}'s; and every value it reports is the reference network's.
 */
public final class TraceChecks {
  private TraceChecks() {}

  /** Whether the generated class has a trace method: every layer unrolled. */
  public static boolean hasTrace(Object network) {
    for (Method method : network.getClass().getMethods()) {
      if (method.getName().equals("trace")) {
        return true;
      }
    }
    return false;
  }

  /**
   * From random parameters and a random sample: the trace's loss and parameters after are {@code train}'s
   * bit for bit, its gradients {@code accumulateGradient}'s, and its every value the reference trace's to
   * 1e-12; a trace that diverges throws as {@code train} does and changes nothing.
   */
  public static void checkTrace(TrainableNetwork network, long seed) {
    Topology t = network.topology();
    Random random = new Random(seed);
    double[] parameters = NetworkChecks.parameters(t, random);
    double[] input = NetworkChecks.input(t, random);
    double[] target = NetworkChecks.target(t, random);
    double rate = 0.1;
    network.setParameters(parameters);
    TrainableNetwork trained = network.copy();
    TrainableNetwork accumulated = network.copy();

    StepTrace trace = trace(network, input, target, rate);
    double loss = trained.train(input, target, rate);
    String what = network.toString();
    assertEquals(loss, trace.loss(), what + " loss");
    assertArrayEquals(trained.parameters(), trace.parametersAfter(), what + " parameters after");
    assertArrayEquals(trained.parameters(), network.parameters(), what + " the network's own parameters");
    assertArrayEquals(parameters, trace.parametersBefore(), what + " parameters before");
    double[] gradient = new double[t.parameterCount()];
    accumulated.accumulateGradient(input, target, gradient);
    assertEqualValues(gradient, trace.gradients(), what + " gradients");

    StepTrace reference = reference(t, parameters).trace(input, target, rate);
    assertSameValues(reference, trace, 1e-12, what);
    assertTrue(trace.table().contains(t.parameterName(t.parameterCount() - 1)), what + " table");
  }

  /** {@link #checkTrace} in single precision, against the reference trace to float's precision. */
  public static void checkFloatTrace(TrainableFloatNetwork network, long seed) {
    Topology t = network.topology();
    Random random = new Random(seed);
    float[] parameters = NetworkChecks.narrow(NetworkChecks.parameters(t, random));
    float[] input = NetworkChecks.narrow(NetworkChecks.input(t, random));
    float[] target = NetworkChecks.narrow(NetworkChecks.target(t, random));
    float rate = 0.1f;
    network.setParameters(parameters);
    TrainableFloatNetwork trained = network.copy();
    TrainableFloatNetwork accumulated = network.copy();

    StepTrace trace = trace(network, input, target, rate);
    float loss = trained.train(input, target, rate);
    String what = network.toString();
    assertEquals(loss, trace.loss(), what + " loss");
    assertArrayEquals(NetworkChecks.widen(trained.parameters()), trace.parametersAfter(), what + " parameters after");
    assertArrayEquals(trained.parameters(), network.parameters(), what + " the network's own parameters");
    assertArrayEquals(NetworkChecks.widen(parameters), trace.parametersBefore(), what + " parameters before");
    float[] gradient = new float[t.parameterCount()];
    accumulated.accumulateGradient(input, target, gradient);
    assertEqualValues(NetworkChecks.widen(gradient), trace.gradients(), what + " gradients");

    StepTrace reference =
        reference(t, NetworkChecks.widen(parameters)).trace(NetworkChecks.widen(input), NetworkChecks.widen(target), rate);
    assertSameValues(reference, trace, 1e-4, what);
  }

  /**
   * A step whose loss is not finite: the trace throws as train does and changes nothing. Parameters and
   * inputs of ±1e300 make the first sums ∞ − ∞ wherever a node has two inputs or more, and an identity
   * output's square infinite; a ReLU or a step turns NaN into 0, so not every network diverges.
   *
   * @return whether train, and so the trace, diverged
   */
  public static boolean checkDivergingTrace(TrainableNetwork network) {
    Topology t = network.topology();
    double[] parameters = new double[t.parameterCount()];
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] = i % 2 == 0 ? 1e300 : -1e300;
    }
    network.setParameters(parameters);
    double[] input = new double[t.inputs()];
    java.util.Arrays.fill(input, 1e300);
    double[] target = new double[t.outputs()];
    TrainableNetwork trained = network.copy();
    boolean diverges;
    try {
      trained.train(input, target, 0.1);
      diverges = false;
    } catch (ArithmeticException e) {
      diverges = true;
    }
    assertEquals(
        !Double.isFinite(reference(t, parameters).loss(input, target)),
        diverges,
        network + ": diverges where the reference network's loss is not finite");
    if (diverges) {
      ArithmeticException thrown =
          assertThrows(ArithmeticException.class, () -> trace(network, input, target, 0.1), network.toString());
      assertTrue(thrown.getMessage().contains("diverged"), thrown.getMessage());
      assertArrayEquals(parameters, network.parameters(), network + " after a diverged trace");
    }
    return diverges;
  }

  private static ReferenceNetwork reference(Topology t, double[] parameters) {
    ReferenceNetwork reference = new ReferenceNetwork(t);
    reference.setParameters(parameters);
    return reference;
  }

  /** Every SpreA, SpostA, δ, gradient and parameter after of {@code actual} within {@code tolerance} of {@code expected}'s. */
  private static void assertSameValues(StepTrace expected, StepTrace actual, double tolerance, String what) {
    Topology t = expected.topology();
    assertClose(expected.loss(), actual.loss(), tolerance, what + " E");
    for (int l = 1; l <= t.layerCount(); l++) {
      for (int j = 0; j < t.size(l); j++) {
        String node = t.nodeName(l, j);
        assertClose(expected.preActivation(l, j), actual.preActivation(l, j), tolerance, what + " SpreA," + node);
        assertClose(expected.postActivation(l, j), actual.postActivation(l, j), tolerance, what + " SpostA," + node);
        assertClose(expected.delta(l, j), actual.delta(l, j), tolerance, what + " δ" + node);
      }
    }
    if (t.loss() == Loss.SQUARED_ERROR) {
      for (int k = 0; k < t.outputs(); k++) {
        assertClose(expected.finalError(k), actual.finalError(k), tolerance, what + " FE" + k);
      }
    }
    for (int i = 0; i < t.parameterCount(); i++) {
      String parameter = what + " " + t.parameterName(i);
      assertClose(expected.gradient(i), actual.gradient(i), tolerance, parameter + " gradient");
      assertClose(expected.after(i), actual.after(i), tolerance, parameter + " after");
    }
  }

  private static void assertClose(double expected, double actual, double tolerance, String what) {
    assertEquals(expected, actual, tolerance * Math.max(1, Math.abs(expected)), what);
  }

  /** Equal as numbers: 0.0 and −0.0 alike, since a sum that starts at 0 loses the sign of a −0.0 product. */
  private static void assertEqualValues(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      if (expected[i] != actual[i]) {
        fail(what + " [" + i + "]: expected " + expected[i] + " but was " + actual[i]);
      }
    }
  }

  /** {@code network.trace(…)}, by reflection, since only networks whose every layer is unrolled have it. */
  public static StepTrace trace(Object network, Object input, Object target, Object rate) {
    Class<?> array = input.getClass();
    Class<?> number = rate instanceof Float ? float.class : double.class;
    try {
      Method trace = network.getClass().getMethod("trace", array, array, number);
      return (StepTrace) trace.invoke(network, input, target, rate);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(network + " has no trace method", e);
    }
  }
}
