package dev.hardwired.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.processor.testing.GeneratedNetworks;
import dev.hardwired.processor.testing.Spec;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The functions that the activations bring into a generated class: each is the runtime's {@link
 * Activation#apply} and {@link Activation#derivative(double, double)}, bit for bit, erf included; SiLU and
 * GELU layers keep SpreA, and the others do not.
 */
class ActivationCodeTest {
  private static final List<Activation> NEW =
      List.of(Activation.ELU, Activation.SELU, Activation.SOFTPLUS, Activation.SILU, Activation.GELU, Activation.GELU_TANH);

  private static GeneratedNetworks compiled;
  private static final Spec IDENTITY = Spec.OUTPUTS.get(4);

  @BeforeAll
  static void compile() {
    List<Spec> specs =
        NEW.stream().map(a -> IDENTITY.named(name(a)).shaped(2, new int[] {3}, 1, a)).toList();
    compiled = Spec.compile(specs, "-Xlint:all", "-Werror");
  }

  private static String name(Activation a) {
    return a.name().replace("_", "") + "Network";
  }

  private static double call(Class<?> type, String method, double x) throws ReflectiveOperationException {
    Method m = type.getDeclaredMethod(method, double.class);
    m.setAccessible(true);
    return (double) m.invoke(null, x);
  }

  @Test
  void generatedFunctionsAreTheRuntimesBitForBit() throws ReflectiveOperationException {
    String[] functions = {"elu", "selu", "softplus", "silu", "gelu", "geluTanh"};
    Random random = new Random(7);
    for (int i = 0; i < NEW.size(); i++) {
      Activation a = NEW.get(i);
      Class<?> type = compiled.load("test." + name(a));
      for (int k = 0; k < 2000; k++) {
        double z = k < 1000 ? random.nextGaussian() * 4 : (random.nextDouble() - 0.5) * 80;
        double y = call(type, functions[i], z);
        assertEquals(a.apply(z), y, 0.0, a + " at " + z);
        double slope =
            switch (a) {
              case SILU -> call(type, "siluDerivative", z);
              case GELU -> call(type, "geluDerivative", z);
              case GELU_TANH -> call(type, "geluTanhDerivative", z);
              case SOFTPLUS -> call(type, "softplusDerivative", y);
              default -> a.derivative(y);
            };
        assertEquals(a.derivative(z, y), slope, 0.0, a + "′ at " + z);
      }
    }
  }

  @Test
  void generatedErfIsTheRuntimesBitForBit() throws ReflectiveOperationException {
    Class<?> type = compiled.load("test." + name(Activation.GELU));
    Random random = new Random(11);
    for (int k = 0; k < 20_000; k++) {
      double x = (random.nextDouble() - 0.5) * 16;
      assertEquals(Activation.erf(x), call(type, "erf", x), 0.0, "erf(" + x + ")");
    }
    for (double x : new double[] {0.0, -0.0, 2.5, -2.5, 6.0, Double.POSITIVE_INFINITY, Double.NaN, Double.MIN_VALUE}) {
      assertEquals(Activation.erf(x), call(type, "erf", x), 0.0, "erf(" + x + ")");
    }
  }

  @Test
  void onlyLayersWhoseDerivativeNeedsSpreAKeepIt() throws java.io.IOException {
    for (Activation a : NEW) {
      String source =
          compiled.compilation().generatedSourceFile("test." + name(a)).orElseThrow().getCharContent(false).toString();
      // The unrolled hidden layer: SpreA of node 0 in a local of its own in every pass where fA′ needs it,
      // else only in the trace, which keeps every SpreA.
      int locals = source.split("double zh0 = ", -1).length - 1;
      assertEquals(a.needsPreActivation(), locals > 1, a.name() + ": " + locals + " locals zh0");
      assertTrue(locals >= 1, a.name() + ": the trace's SpreA");
      assertEquals(a == Activation.GELU, source.contains("private static double erf(double x)"), a.name());
    }
  }

  @Test
  void everyNewActivationIsAnOutputWithSquaredErrorOnly() {
    for (Activation a : NEW) {
      assertTrue(a.allowedInHiddenLayer(), a.name());
      assertTrue(Loss.SQUARED_ERROR.accepts(a), a.name());
      assertFalse(Loss.CROSS_ENTROPY.accepts(a), a.name());
      assertFalse(Loss.SOFTMAX_CROSS_ENTROPY.accepts(a), a.name());
      assertTrue(Spec.OUTPUTS.stream().anyMatch(s -> s.outputActivation() == a), a.name());
    }
  }
}
