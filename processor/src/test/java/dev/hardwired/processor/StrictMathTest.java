package dev.hardwired.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.hardwired.Activation;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.processor.model.NetworkModel;
import dev.hardwired.processor.testing.GeneratedNetworks;
import dev.hardwired.processor.testing.NetworkChecks;
import dev.hardwired.processor.testing.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code strictMath = true}: the generated class, trainable and frozen, in every shape and both
 * precisions, calls no function of {@code Math} whose result the JVM may choose, only {@code StrictMath}'s;
 * it is otherwise the plain class, character for character; and it still matches finite differences, the
 * reference network and its own batched methods.
 */
class StrictMathTest {
  /** A call of a {@code Math} function whose last bits may differ from one JVM to another. */
  static final Pattern JVM_MATH =
      Pattern.compile("(?<!Strict)Math\\.(exp|expm1|log|log1p|log10|tanh|sinh|cosh|pow|sin|cos|tan|atan|atan2|cbrt|hypot)\\(");

  private static final Spec LOGISTIC = Spec.OUTPUTS.get(0);
  private static final Spec SOFTMAX = Spec.OUTPUTS.get(6);

  /** The shapes: options, and whether in float. */
  static Stream<Arguments> variants() {
    String looped = "-A" + NetworkProcessor.UNROLL_LIMIT_OPTION + "=0";
    return Stream.of(
        Arguments.of("unrolled", new String[0], false),
        Arguments.of("looped", new String[] {looped}, false),
        Arguments.of("float", new String[0], true),
        Arguments.of("looped float", new String[] {looped}, true));
  }

  /**
   * One network per output activation and loss, its hidden layers covering every hidden activation; a
   * mixed and a looped one by the default rule, and a chunked (deep) one; all plain unless {@code strict}.
   */
  static List<Spec> specs(boolean single, boolean strict) {
    List<Spec> specs = new ArrayList<>();
    Activation[] hidden = Spec.HIDDEN.toArray(new Activation[0]);
    for (Spec output : Spec.OUTPUTS) {
      Spec named = output.named("Net" + specs.size());
      specs.add(output.allowsHiddenLayers() ? named.shaped(3, Spec.hiddenSizesForEveryActivation(), 2, hidden) : named.shaped(3, new int[0], 2));
    }
    specs.add(LOGISTIC.named("Mixed").shaped(30, new int[] {16, 8}, 1, Activation.TANH));
    specs.add(SOFTMAX.named("Digits").shaped(64, new int[] {32}, 10, Activation.TANH));
    int[] deep = new int[NetworkModel.CHUNK_LAYERS + 2];
    Arrays.fill(deep, 4);
    specs.add(SOFTMAX.named("Deep").shaped(3, deep, 3, Activation.TANH));
    return specs.stream().map(s -> single ? s.inFloat() : s).map(s -> strict ? s.strict() : s).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void strictSourceCallsNoJvmDependentMath(String variant, String[] options, boolean single) throws IOException {
    List<Spec> specs = specs(single, true);
    GeneratedNetworks compiled = Spec.compile(specs, with(options, "-Xlint:all", "-Werror"));
    for (Spec spec : specs) {
      String source = source(compiled.compilation(), spec.className());
      assertEquals("", jvmMath(source), spec + " " + variant);
      // tanh and the logistic in every hidden stack; the perceptron has neither
      boolean transcendental = spec.allowsHiddenLayers();
      assertEquals(transcendental, source.contains("StrictMath.tanh(") && source.contains("StrictMath.exp("), spec + " " + variant);
      assertTrue(source.contains("<p>Declared with {@code strictMath = true}"), spec + " " + variant + ": the class comment");
      String[] lines = source.split("\n");
      for (int i = 0; i < lines.length; i++) {
        assertTrue(lines[i].length() <= 100, spec + " " + variant + " line " + (i + 1) + ": " + lines[i]);
      }
    }
    for (String name : compiled.networkClasses()) {
      FrozenTest.assertMethodsUnderTheJitLimit(compiled, name);
    }
  }

  /**
   * Strict and plain differ in nothing but the class of the transcendental calls and a paragraph of the
   * class comment (and where a longer line moves its end-of-line comment above it).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void strictCodeIsThePlainCodeWithStrictMath(String variant, String[] options, boolean single) {
    Compilation plain = Spec.compile(specs(single, false), options).compilation();
    Compilation strict = Spec.compile(specs(single, true), options).compilation();
    int withCalls = 0;
    for (Spec spec : specs(single, false)) {
      String plainSource = source(plain, spec.className());
      String strictSource = source(strict, spec.className());
      if (!jvmMath(plainSource).isEmpty()) {
        withCalls++;
      }
      String paragraph = Pattern.quote(" *\n * <p>Declared with {@code strictMath = true}") + "[^<]*?" + Pattern.quote("parameters.\n");
      String unstrict = strictSource.replaceFirst(paragraph, "").replace("StrictMath.", "Math.");
      assertEquals(code(plainSource), code(unstrict), spec + " " + variant);
    }
    assertEquals(Spec.OUTPUTS.size() - 1 + 3, withCalls, "plain networks with calls of Math's exp, tanh or log");
  }

  /** {@code source} without its line comments, each run of white space one space. */
  private static String code(String source) {
    return source.replaceAll("//[^\n]*", "").replaceAll("\\s+", " ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void strictNetworksMatchFiniteDifferencesTheReferenceAndTheirBatches(String variant, String[] options, boolean single) {
    List<Spec> specs = specs(single, true);
    GeneratedNetworks compiled = Spec.compile(specs, options);
    for (Spec spec : specs) {
      if (single) {
        TrainableFloatNetwork net = compiled.seededFloat(spec.className(), 1);
        NetworkChecks.checkFloatGradients(net, 59);
        NetworkChecks.checkFloatReferenceParity(net.copy(), 61);
        NetworkChecks.checkFloatBatches(net.copy(), 67);
      } else {
        TrainableNetwork net = compiled.seeded(spec.className(), 1);
        NetworkChecks.checkGradients(net, 7);
        NetworkChecks.checkReferenceParity(net.copy(), 11);
        NetworkChecks.checkBatches(net.copy(), 13);
      }
    }
  }

  @Test
  void strictNetworksCompileForJava8() {
    List<Spec> specs = new ArrayList<>(specs(false, true));
    for (Spec spec : specs(true, true)) {
      specs.add(spec.named("Float" + spec.name()));
    }
    GeneratedNetworks compiled = Spec.compile(specs, "--release", "8", "-Xlint:all", "-Xlint:-options", "-Werror");
    for (String name : compiled.networkClasses()) {
      byte[] classFile = compiled.classFile(name);
      assertEquals(52, ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff), name);
    }
  }

  /** The frozen class of a strict network is strict too, and gives its trainable class's outputs bit for bit. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void frozenClassesFollowTheNetwork(String variant, String[] options, boolean single) throws IOException {
    List<Spec> specs = specs(single, true);
    Map<String, Object> networks = new HashMap<>();
    Map<String, byte[]> files = FrozenTest.trainAndSave(specs, Spec.compile(specs, options), networks);
    GeneratedNetworks frozen = FrozenTest.freeze(specs, files, options);
    Random random = new Random(5);
    for (Spec spec : specs) {
      String frozenName = "test." + spec.name() + "Frozen";
      String source = source(frozen.compilation(), frozenName);
      assertEquals("", jvmMath(source), frozenName + " " + variant);
      assertEquals(spec.allowsHiddenLayers(), source.contains("StrictMath.tanh("), frozenName + " " + variant);
      Class<?> type = frozen.load(frozenName);
      for (int sample = 0; sample < 10; sample++) {
        double[] x = NetworkChecks.input(spec.topology(), random);
        if (single) {
          float[] xf = NetworkChecks.narrow(x);
          FrozenTest.assertBitsEqual(
              ((TrainableFloatNetwork) networks.get(spec.name())).predict(xf),
              (float[]) dev.hardwired.processor.testing.FrozenCompiler.predict(type, xf),
              spec + " " + variant);
        } else {
          FrozenTest.assertBitsEqual(
              ((TrainableNetwork) networks.get(spec.name())).predict(x),
              (double[]) dev.hardwired.processor.testing.FrozenCompiler.predict(type, x),
              spec + " " + variant);
        }
      }
      FrozenTest.assertMethodsUnderTheJitLimit(frozen, frozenName);
    }
  }

  /** The first call of {@link #JVM_MATH} in {@code source}, or "". */
  static String jvmMath(String source) {
    Matcher call = JVM_MATH.matcher(source);
    return call.find() ? call.group() : "";
  }

  private static String source(Compilation compilation, String type) {
    try {
      return compilation.generatedSourceFile(type).orElseThrow(() -> new AssertionError("no " + type)).getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] with(String[] options, String... more) {
    String[] all = Arrays.copyOf(options, options.length + more.length);
    System.arraycopy(more, 0, all, options.length, more.length);
    return all;
  }

}
