package dev.hardwired.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.hardwired.StepTrace;
import dev.hardwired.Topology;
import dev.hardwired.processor.testing.GeneratedNetworks;
import dev.hardwired.processor.testing.TraceChecks;
import dev.hardwired.processor.write.Lesson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * The lesson beside each network, with {@code -Ahardwired.lessons}: XOR's pinned in golden files, every
 * quoted line in the generated class, the worked step the trace's, the picture well-formed SVG.
 */
class LessonTest {
  private static final String LESSONS = "-A" + NetworkProcessor.LESSONS_OPTION;

  /** Networks of every shape a lesson quotes: unrolled, deeper, mixed, looped, single precision, large. */
  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of("Xor", "@Network(inputs = 2, hidden = 2, outputs = 1)", new String[0]),
        Arguments.of("Textbook", "@Network(inputs = 2, hidden = 2, outputs = 2)", new String[0]),
        Arguments.of("DeepXor", "@Network(inputs = 2, hidden = {3, 2}, outputs = 1)", new String[0]),
        Arguments.of(
            "Perceptron",
            "@Network(inputs = 2, hidden = {}, outputs = 1, outputActivation = Activation.STEP,"
                + " loss = Loss.PERCEPTRON)",
            new String[0]),
        Arguments.of(
            "FloatIris",
            "@Network(inputs = 4, hidden = 5, outputs = 3, activation = Activation.TANH,"
                + " outputActivation = Activation.SOFTMAX, loss = Loss.SOFTMAX_CROSS_ENTROPY,"
                + " precision = Precision.FLOAT)",
            new String[0]),
        Arguments.of(
            "Wine",
            "@Network(inputs = 13, hidden = 16, outputs = 3, activation = Activation.TANH,"
                + " outputActivation = Activation.SOFTMAX, loss = Loss.SOFTMAX_CROSS_ENTROPY)",
            new String[0]),
        Arguments.of(
            "LoopedXor",
            "@Network(inputs = 2, hidden = 2, outputs = 1, activation = Activation.RELU)",
            new String[] {"-A" + NetworkProcessor.UNROLL_LIMIT_OPTION + "=0"}),
        Arguments.of(
            "Smooth",
            "@Network(inputs = 2, hidden = {3, 2}, outputs = 1, activation = {Activation.GELU, Activation.SILU},"
                + " outputActivation = Activation.SOFTPLUS)",
            new String[0]),
        Arguments.of(
            "LoopedSmooth",
            "@Network(inputs = 3, hidden = {4, 3}, outputs = 2, activation = {Activation.GELU_TANH, Activation.SELU},"
                + " outputActivation = Activation.ELU)",
            new String[] {"-A" + NetworkProcessor.UNROLL_LIMIT_OPTION + "=0"}),
        Arguments.of(
            "Digits",
            "@Network(inputs = 784, hidden = 128, outputs = 10, activation = Activation.RELU,"
                + " outputActivation = Activation.SOFTMAX, loss = Loss.SOFTMAX_CROSS_ENTROPY)",
            new String[0]));
  }

  @Test
  void xorsLessonAndPictureMatchTheirGoldenFiles() throws IOException {
    Compilation compilation = compile("Xor", "@Network(inputs = 2, hidden = 2, outputs = 1)").compilation();
    assertGolden(lesson(compilation, "Xor"), "XorNetwork.md");
    assertGolden(picture(compilation, "Xor"), "XorNetwork.svg");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void everyQuotedLineIsInTheGeneratedClass(String name, String annotation, String[] options) throws IOException {
    Compilation compilation = compile(name, annotation, options).compilation();
    String source =
        compilation.generatedSourceFile("dev.hardwired.examples." + name + "Network").orElseThrow()
            .getCharContent(false).toString();
    String lesson = lesson(compilation, name);
    List<String> blocks = javaBlocks(lesson);
    assertThat(blocks.get(0).replace("\n    ", " ")).isEqualTo(annotation + "\npublic interface " + name + " {}");
    for (String line : blocks.get(0).split("\n")) {
      assertThat(line.length()).isAtMost(100);
    }
    int lines = 0;
    for (String block : blocks.subList(1, blocks.size())) {
      for (String line : block.split("\n")) {
        assertWithMessage("%s: a quoted line is not in the class", name).that(source).contains(line + "\n");
        lines++;
      }
    }
    assertWithMessage("%s: quoted lines", name).that(lines).isGreaterThan(10);
    for (String term : new String[] {"SpreA", "SpostA", "S_ERROR", "gradient", "weight ← weight − LR × gradient"}) {
      assertWithMessage("%s names %s", name, term).that(lesson).contains(term);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void thePictureIsWellFormedSvgNamingTheNodes(String name, String annotation, String[] options) throws Exception {
    Compilation compilation = compile(name, annotation, options).compilation();
    String svg = picture(compilation, name);
    Document document =
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(svg).contains(">I0</text>");
    assertThat(svg).contains(">O0</text>");
    assertThat(lesson(compilation, name)).contains("](" + name + "Network.svg)");
  }

  /** The worked step's tables are what the compiled class's own trace prints for the step. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void theWorkedStepIsTheTrace(String name, String annotation, String[] options) throws IOException {
    GeneratedNetworks compiled = compile(name, annotation, options);
    Object network;
    Topology topology;
    if (annotation.contains("FLOAT")) {
      return; // the lesson's step is computed in double; the float trace is held to it in BackpropagationTest
    }
    network = compiled.seeded("dev.hardwired.examples." + name + "Network", Lesson.SEED);
    topology = ((dev.hardwired.TrainableNetwork) network).topology();
    String lesson = lesson(compiled.compilation(), name);
    double[][] sample = Lesson.sample(topology);
    StepTrace trace;
    if (TraceChecks.hasTrace(network)) {
      trace = TraceChecks.trace(network, sample[0], sample[1], Lesson.LEARNING_RATE);
    } else {
      trace =
          dev.hardwired.reference.ReferenceNetwork.of((dev.hardwired.TrainableNetwork) network)
              .trace(sample[0], sample[1], Lesson.LEARNING_RATE);
    }
    String printed = topology.parameterCount() <= StepTrace.TABLE_LIMIT ? trace.markdown() : trace.summary();
    int tables = 0;
    for (String table : printed.split("\n\n")) {
      if (table.startsWith("|") || table.contains("\nlayer  nodes")) {
        assertWithMessage("%s: the lesson lacks the trace's table", name).that(lesson).contains(table);
        tables++;
      }
    }
    assertThat(tables).isAtLeast(1);
  }

  @Test
  void theSameDeclarationGivesTheSameLesson() throws IOException {
    String annotation = "@Network(inputs = 3, hidden = {4, 3}, outputs = 2, activation = Activation.LEAKY_RELU)";
    assertThat(lesson(compile("Again", annotation).compilation(), "Again"))
        .isEqualTo(lesson(compile("Again", annotation).compilation(), "Again"));
  }

  @Test
  void withoutTheOptionThereIsNoLesson() {
    Compilation compilation =
        GeneratedNetworks.compile("dev.hardwired.examples.Xor", source("Xor", "@Network(inputs = 2, hidden = 2, outputs = 1)"))
            .compilation();
    assertThat(compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "dev.hardwired.examples", "XorNetwork.md"))
        .isEmpty();
    Compilation off =
        GeneratedNetworks.compile(
                "dev.hardwired.examples.Xor", source("Xor", "@Network(inputs = 2, hidden = 2, outputs = 1)"),
                LESSONS + "=false")
            .compilation();
    assertThat(off.generatedFile(StandardLocation.SOURCE_OUTPUT, "dev.hardwired.examples", "XorNetwork.md")).isEmpty();
  }

  @Test
  void aWrongOptionValueIsAnError() {
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(new NetworkProcessor())
            .withOptions(LESSONS + "=yes")
            .compile(
                com.google.testing.compile.JavaFileObjects.forSourceString(
                    "dev.hardwired.examples.Xor", source("Xor", "@Network(inputs = 2, hidden = 2, outputs = 1)")));
    com.google.testing.compile.CompilationSubject.assertThat(compilation)
        .hadErrorContaining("[hardwired.option] -Ahardwired.lessons=yes: expected true, false, or no value (which means true)");
  }

  private static GeneratedNetworks compile(String name, String annotation, String... options) {
    String[] all = new String[options.length + 1];
    all[0] = LESSONS;
    System.arraycopy(options, 0, all, 1, options.length);
    return GeneratedNetworks.compile("dev.hardwired.examples." + name, source(name, annotation), all);
  }

  private static String source(String name, String annotation) {
    return "package dev.hardwired.examples;\n\n"
        + "import dev.hardwired.Activation;\n"
        + "import dev.hardwired.Loss;\n"
        + "import dev.hardwired.Network;\n"
        + "import dev.hardwired.Precision;\n\n"
        + annotation + "\n"
        + "public interface " + name + " {}\n";
  }

  private static String lesson(Compilation compilation, String name) throws IOException {
    return resource(compilation, name + "Network.md");
  }

  private static String picture(Compilation compilation, String name) throws IOException {
    return resource(compilation, name + "Network.svg");
  }

  private static String resource(Compilation compilation, String file) throws IOException {
    JavaFileObject resource =
        compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "dev.hardwired.examples", file)
            .orElseThrow(() -> new AssertionError("no " + file + " among " + compilation.generatedFiles()));
    return resource.getCharContent(false).toString();
  }

  /** The contents of every {@code ```java} block, in order. */
  private static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].equals("```java")) {
        int end = i + 1;
        while (!lines[end].equals("```")) {
          end++;
        }
        blocks.add(String.join("\n", java.util.Arrays.asList(lines).subList(i + 1, end)));
        i = end;
      }
    }
    return blocks;
  }

  private static void assertGolden(String actual, String goldenFile) throws IOException {
    Path golden = Path.of("src/test/resources/golden", goldenFile);
    if (Boolean.getBoolean("hardwired.updateGolden")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(golden), golden + " is missing: run with -Dhardwired.updateGolden=true");
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
