package dev.hardwired.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.hardwired.Activation;
import dev.hardwired.processor.testing.GeneratedNetworks;
import dev.hardwired.processor.testing.Spec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated source as a product: its exact text for small networks (golden files, to be reviewed
 * like documentation: XOR 2-2-1 and 2-3-2-1, the three single-neuron models, XOR in float and with
 * strict math, and a 13-16-3 classifier), determinism, and a clean compile under {@code -Xlint:all
 * -Werror} and {@code --release 8}.
 *
 * <p>After an intended change to the generated code, rewrite the golden files with {@code mvn test
 * -Dhardwired.updateGolden=true} and review their diff.
 */
class GeneratedSourceTest {
  private static final String XOR =
      declaration(
          "Xor",
          "The classic XOR problem: no single neuron can solve it, one hidden layer of two can.",
          "@Network(inputs = 2, hidden = 2, outputs = 1)");

  /** The small networks whose generated source is pinned, each beside the example that declares it. */
  static Stream<Arguments> goldenNetworks() {
    return Stream.of(
        Arguments.of("Xor", XOR),
        Arguments.of(
            "DeepXor",
            declaration(
                "DeepXor",
                "XOR with two hidden layers, 2-3-2-1: the chain rule applied twice.",
                "@Network(inputs = 2, hidden = {3, 2}, outputs = 1)")),
        Arguments.of(
            "LinearRegression",
            declaration(
                "LinearRegression",
                "Linear regression: one identity neuron trained on squared error.",
                "@Network(inputs = 2, hidden = {}, outputs = 1, outputActivation = Activation.IDENTITY)")),
        Arguments.of(
            "LogisticRegression",
            declaration(
                "LogisticRegression",
                "Logistic regression: one logistic neuron trained on binary cross-entropy.",
                "@Network(inputs = 2, hidden = {}, outputs = 1, loss = Loss.CROSS_ENTROPY)")),
        Arguments.of(
            "Perceptron",
            declaration(
                "Perceptron",
                "The perceptron: one step neuron trained by the perceptron rule.",
                "@Network(inputs = 2, hidden = {}, outputs = 1, outputActivation = Activation.STEP,"
                    + " loss = Loss.PERCEPTRON)")),
        Arguments.of(
            "FloatXor",
            declaration(
                "FloatXor",
                "XOR in single precision: float arithmetic and float[] arrays throughout.",
                "@Network(inputs = 2, hidden = 2, outputs = 1, precision = Precision.FLOAT)")),
        Arguments.of(
            "StrictXor",
            declaration(
                "StrictXor",
                "XOR with tanh hidden neurons and binary cross-entropy, all of its exp, tanh and log StrictMath's.",
                "@Network(inputs = 2, hidden = 2, outputs = 1, activation = Activation.TANH,"
                    + " loss = Loss.CROSS_ENTROPY, strictMath = true)")),
        Arguments.of(
            "SmoothRegression",
            declaration(
                "SmoothRegression",
                "A 2-3-2-1 regression with smooth activations: GELU, whose fA′ needs SpreA, then ELU and a"
                    + " softplus output, whose fA′ come from SpostA.",
                "@Network(inputs = 2, hidden = {3, 2}, outputs = 1,"
                    + " activation = {Activation.GELU, Activation.ELU}, outputActivation = Activation.SOFTPLUS)")),
        Arguments.of(
            "Wine",
            declaration(
                "Wine",
                "A 13-16-3 classifier: its 13 → 16 layer is looped, its 16 → 3 layer unrolled.",
                "@Network(inputs = 13, hidden = 16, outputs = 3, activation = Activation.TANH,"
                    + " outputActivation = Activation.SOFTMAX, loss = Loss.SOFTMAX_CROSS_ENTROPY)")));
  }

  private static String declaration(String name, String doc, String annotation) {
    return "package dev.hardwired.examples;\n\n"
        + "import dev.hardwired.Activation;\n"
        + "import dev.hardwired.Loss;\n"
        + "import dev.hardwired.Network;\n"
        + "import dev.hardwired.Precision;\n\n"
        + "/** " + doc + " */\n"
        + annotation + "\n"
        + "public interface " + name + " {}\n";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenNetworks")
  void generatedSourceMatchesGoldenFile(String name, String declaration) throws IOException {
    Compilation compilation = compile("dev.hardwired.examples." + name, declaration, "-Xlint:all", "-Werror");
    assertThat(compilation).succeededWithoutWarnings();
    assertGolden(compilation, "dev.hardwired.examples." + name + "Network", name + "Network.java");
  }

  @Test
  void sameDeclarationGivesSameBytes() throws IOException {
    List<Spec> specs = everyActivationAndLoss();
    Compilation first = Spec.compile(specs).compilation();
    Compilation second = Spec.compile(specs).compilation();
    List<JavaFileObject> a = first.generatedFiles();
    List<JavaFileObject> b = second.generatedFiles();
    assertThat(a.size()).isEqualTo(b.size());
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).toUri()).isEqualTo(b.get(i).toUri());
      assertThat(bytes(a.get(i))).isEqualTo(bytes(b.get(i)));
    }
  }

  /** The shapes and precisions every declaration can be written in: options, and whether in float. */
  static Stream<Arguments> variants() {
    String looped = "-A" + NetworkProcessor.UNROLL_LIMIT_OPTION + "=0";
    String mixed = "-A" + NetworkProcessor.UNROLL_LIMIT_OPTION + "=10";
    return Stream.of(
        Arguments.of("unrolled", new String[0], false),
        Arguments.of("looped", new String[] {looped}, false),
        Arguments.of("mixed", new String[] {mixed}, false),
        Arguments.of("float", new String[0], true),
        Arguments.of("looped float", new String[] {looped}, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void everyLineFitsInOneHundredColumns(String variant, String[] options, boolean single) throws IOException {
    // Short names, as users choose them: a class header cannot be wrapped.
    List<Spec> specs = new ArrayList<>();
    for (Spec spec : everyActivationAndLoss(single)) {
      specs.add(spec.named("Net" + specs.size()));
    }
    specs.add(Spec.OUTPUTS.get(6).named("Wide").shaped(8, new int[] {12}, 4, Activation.LEAKY_RELU));
    specs.add(Spec.OUTPUTS.get(5).named("Deep").shaped(5, new int[] {6, 6, 6}, 3, Activation.TANH));
    specs.add(Spec.OUTPUTS.get(6).named("Large").shaped(64, new int[] {32}, 10, Activation.RELU));
    for (JavaFileObject file : Spec.compile(specs, options).compilation().generatedSourceFiles()) {
      String[] lines = file.getCharContent(false).toString().split("\n");
      for (int i = 0; i < lines.length; i++) {
        assertWithMessage("%s line %s: %s", file.getName(), i + 1, lines[i])
            .that(lines[i].length())
            .isAtMost(100);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void compilesWithEveryLintWarningAsAnError(String variant, String[] options, boolean single) {
    GeneratedNetworks compiled = Spec.compile(everyActivationAndLoss(single), with(options, "-Xlint:all", "-Werror"));
    assertThat(compiled.networkClasses()).hasSize(everyActivationAndLoss(single).size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void compilesForJava8(String variant, String[] options, boolean single) {
    // Newer JDKs call release 8 obsolete under -Xlint:options; that warning is about the JDK, not the code.
    GeneratedNetworks compiled =
        Spec.compile(
            everyActivationAndLoss(single), with(options, "--release", "8", "-Xlint:all", "-Xlint:-options", "-Werror"));
    for (String name : compiled.networkClasses()) {
      byte[] classFile = compiled.classFile(name);
      int major = ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
      assertThat(major).isEqualTo(52);
    }
  }

  @Test
  void generatedAnnotationOnlyWhereTheCompilationHasIt() {
    Compilation modern = compile("dev.hardwired.examples.Xor", XOR);
    Compilation java8 = compile("dev.hardwired.examples.Xor", XOR, "--release", "8", "-Xlint:-options");
    assertThat(modern).generatedSourceFile("dev.hardwired.examples.XorNetwork").contentsAsUtf8String()
        .contains("@Generated(\"dev.hardwired.processor.NetworkProcessor\")");
    assertThat(java8).generatedSourceFile("dev.hardwired.examples.XorNetwork").contentsAsUtf8String()
        .doesNotContain("@Generated");
  }

  /** One network per output activation and loss, its hidden layers covering every hidden activation. */
  private static List<Spec> everyActivationAndLoss() {
    return everyActivationAndLoss(false);
  }

  private static List<Spec> everyActivationAndLoss(boolean single) {
    List<Spec> specs = new ArrayList<>();
    Activation[] hidden = Spec.HIDDEN.toArray(new Activation[0]);
    int[] sizes = Spec.hiddenSizesForEveryActivation();
    for (Spec output : Spec.OUTPUTS) {
      Spec named = output.named(output.outputActivation() + "_" + output.loss() + "Network");
      Spec spec = output.allowsHiddenLayers() ? named.shaped(3, sizes, 2, hidden) : named.shaped(3, new int[0], 2);
      specs.add(single ? spec.inFloat() : spec);
    }
    return specs;
  }

  private static String[] with(String[] options, String... more) {
    String[] all = java.util.Arrays.copyOf(options, options.length + more.length);
    System.arraycopy(more, 0, all, options.length, more.length);
    return all;
  }

  private static Compilation compile(String name, String source, String... options) {
    return javac()
        .withProcessors(new NetworkProcessor())
        .withOptions((Object[]) options)
        .compile(JavaFileObjects.forSourceString(name, source));
  }

  private static void assertGolden(Compilation compilation, String generatedType, String goldenFile)
      throws IOException {
    String actual =
        compilation.generatedSourceFile(generatedType).orElseThrow().getCharContent(false).toString();
    Path golden = Path.of("src/test/resources/golden", goldenFile);
    if (Boolean.getBoolean("hardwired.updateGolden")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  private static byte[] bytes(JavaFileObject file) throws IOException {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    }
  }
}
