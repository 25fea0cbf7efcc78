package dev.hardwired.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.hardwired.processor.validation.Diagnostics.assertNoCrash;
import static dev.hardwired.processor.validation.Diagnostics.assertSingleErrorAt;
import static dev.hardwired.processor.validation.Diagnostics.messages;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.processor.testing.FrozenCompiler;
import dev.hardwired.processor.validation.RecordingProcessor;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where the processor finds a weights file, and every way a {@code @Frozen} declaration can be wrong: a
 * missing, damaged or mismatched file, a name that would leave the source and resource roots, a
 * {@code @Frozen} without {@code @Network}, a clashing name. Each is one tagged error on the annotation
 * value at fault, and no frozen class.
 */
class FrozenValidationTest {
  private static final Topology XOR =
      Topology.of(2, new int[] {2}, 1, new Activation[] {Activation.LOGISTIC}, Activation.LOGISTIC, Loss.SQUARED_ERROR);

  /** A source file {@code test.Xor}: {@code network} (an annotation line), then {@code @Frozen} with {@code frozen} on lines of their own. */
  private static JavaFileObject source(String network, String... frozen) {
    List<String> lines = new ArrayList<>(Arrays.asList("package test;", "", "import dev.hardwired.*;", "", network));
    if (frozen.length > 0) {
      lines.add("@Frozen(");
      for (int i = 0; i < frozen.length; i++) {
        lines.add("    " + frozen[i] + (i == frozen.length - 1 ? ")" : ","));
      }
    }
    lines.add("interface Xor {}");
    return JavaFileObjects.forSourceLines("test.Xor", lines);
  }

  private static JavaFileObject xor(String... frozen) {
    return source("@Network(inputs = 2, hidden = 2, outputs = 1)", frozen);
  }

  static byte[] weights(Topology topology) {
    ReferenceNetwork network = new ReferenceNetwork(topology);
    double[] p = new double[topology.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = 0.25 * (i - 4);
    }
    network.setParameters(p);
    return FrozenCompiler.weights(network);
  }

  /** The processor of the last compilation, which records what it generated even when compilation fails. */
  private RecordingProcessor processor;

  private Compilation compile(Map<String, byte[]> files, JavaFileObject source) {
    return compile(FrozenCompiler.folder(files), source);
  }

  private Compilation compile(Path folder, JavaFileObject source) {
    processor = new RecordingProcessor(new NetworkProcessor());
    return FrozenCompiler.compile(folder, List.of(source), processor);
  }

  /** One error tagged {@code tag}, containing {@code text}, on the {@code weights} value; no frozen class. */
  private void assertWeightsError(Compilation compilation, JavaFileObject file, String tag, String text, String weights) {
    assertRejected(compilation, 1);
    assertSingleErrorAt(compilation, file, "[hardwired." + tag + "]", text, "weights = \"" + weights + "\"", "\"" + weights + "\"");
  }

  private void assertRejected(Compilation compilation, int errors) {
    assertThat(compilation).failed();
    assertNoCrash(compilation);
    assertWithMessage("errors: %s", messages(compilation)).that(compilation.errors()).hasSize(errors);
    for (String generated : processor.createdSources()) {
      assertThat(generated).doesNotContain("Frozen");
    }
  }

  // ---------------------------------------------------------------- where the file is found

  @Test
  void relativeToThePackageOfTheAnnotatedType() {
    Compilation c = compile(Map.of("test/xor.weights", weights(XOR)), xor("weights = \"xor.weights\""));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.XorFrozen").contentsAsUtf8String().contains("test/xor.weights");
    assertThat(c).generatedSourceFile("test.XorNetwork");
  }

  @Test
  void inAFolderOfThePackageOrFromTheRoot() {
    Map<String, byte[]> files = Map.of("test/trained/xor.weights", weights(XOR), "models/xor.weights", weights(XOR));
    assertThat(compile(files, xor("weights = \"trained/xor.weights\""))).succeededWithoutWarnings();
    Compilation fromRoot = compile(files, xor("weights = \"/models/xor.weights\""));
    assertThat(fromRoot).succeededWithoutWarnings();
    assertThat(fromRoot).generatedSourceFile("test.XorFrozen").contentsAsUtf8String().contains("models/xor.weights (checksum crc32");
  }

  @Test
  void withAName() {
    Compilation c = compile(Map.of("test/xor.weights", weights(XOR)), xor("weights = \"xor.weights\"", "name = \"XorInference\""));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.XorInference");
  }

  /** Maven copies src/main/resources into target/classes before compiling: the class output is where the file is. */
  @Test
  void inTheClassOutputAsMavenLaysItOut() throws IOException {
    Path project = Files.createTempDirectory("hardwired-maven");
    Path sources = Files.createDirectories(project.resolve("src/main/java/test"));
    Path classes = Files.createDirectories(project.resolve("target/classes/test"));
    Files.write(classes.resolve("xor.weights"), weights(XOR));
    Path declaration = sources.resolve("Xor.java");
    Files.writeString(
        declaration,
        "package test;\n\nimport dev.hardwired.*;\n\n@Network(inputs = 2, hidden = 2, outputs = 1)\n"
            + "@Frozen(weights = \"xor.weights\")\ninterface Xor {}\n",
        StandardCharsets.UTF_8);
    String diagnostics = FrozenCompiler.compileLikeMaven(project.resolve("src/main/java"), project.resolve("target/classes"), declaration);
    assertThat(diagnostics).isEmpty();
    assertThat(Files.exists(classes.resolve("XorFrozen.class"))).isTrue();
  }

  // ---------------------------------------------------------------- missing, damaged, mismatched

  @Test
  void missingFile() {
    JavaFileObject file = xor("weights = \"xor.weights\"");
    Compilation c = compile(Map.of("test/other.weights", weights(XOR)), file);
    assertWeightsError(
        c, file, "weights-missing",
        "no file test/xor.weights in the class output (where Maven copies src/main/resources before compiling), the"
            + " source path or the class path; in a Maven project put it at src/main/resources/test/xor.weights",
        "xor.weights");
    // The network itself is still generated.
    assertThat(processor.createdSources()).contains("test.XorNetwork");
  }

  @Test
  void aLeadingSlashIsTheResourceRootNotTheFileSystem() throws IOException {
    Path outside = Files.createTempFile("hardwired-outside", ".weights");
    Files.write(outside, weights(XOR));
    String absolute = outside.toAbsolutePath().toString().replace('\\', '/');
    JavaFileObject file = xor("weights = \"" + absolute + "\"");
    assertWeightsError(compile(Map.of(), file), file, "weights-missing", "no file " + absolute.substring(1) + " in the class output", absolute);
  }

  @Test
  void damagedFile() {
    byte[] damaged = weights(XOR);
    String text = new String(damaged, StandardCharsets.UTF_8).replace("\n0.5 0.75\n", "\n0.5 0.875\n");
    assertThat(text).isNotEqualTo(new String(damaged, StandardCharsets.UTF_8));
    JavaFileObject file = xor("weights = \"xor.weights\"");
    Compilation c = compile(Map.of("test/xor.weights", text.getBytes(StandardCharsets.UTF_8)), file);
    assertWeightsError(c, file, "weights-file", "test/xor.weights, line 20: expected \"checksum crc32", "xor.weights");
    assertWeightsError(c, file, "weights-file", "the file was changed or damaged after it was written", "xor.weights");
  }

  @Test
  void truncatedFile() {
    byte[] whole = weights(XOR);
    JavaFileObject file = xor("weights = \"xor.weights\"");
    Compilation c = compile(Map.of("test/xor.weights", Arrays.copyOf(whole, whole.length / 2)), file);
    assertWeightsError(c, file, "weights-file", "test/xor.weights, line", "xor.weights");
  }

  @Test
  void notAWeightsFile() {
    JavaFileObject file = xor("weights = \"xor.weights\"");
    Compilation c = compile(Map.of("test/xor.weights", "0.5 0.25\n".getBytes(StandardCharsets.UTF_8)), file);
    assertWeightsError(c, file, "weights-file", "test/xor.weights, line 1:", "xor.weights");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "layers | @Network(inputs = 2, hidden = 3, outputs = 1) | line 2: expected layers 2-3-1 (as required), found layers 2-2-1",
        "activations | @Network(inputs = 2, hidden = 2, outputs = 1, activation = Activation.TANH) | line 3: expected hidden-activations TANH (as required), found hidden-activations LOGISTIC",
        "loss | @Network(inputs = 2, hidden = 2, outputs = 1, loss = Loss.CROSS_ENTROPY) | line 5: expected loss CROSS_ENTROPY (as required), found loss SQUARED_ERROR",
        "precision | @Network(inputs = 2, hidden = 2, outputs = 1, precision = Precision.FLOAT) | line 6: expected precision FLOAT (as required), found precision DOUBLE",
      })
  void fileOfAnotherNetwork(String what, String network, String text) {
    JavaFileObject file = source(network, "weights = \"xor.weights\"");
    Compilation c = compile(Map.of("test/xor.weights", weights(XOR)), file);
    assertWeightsError(c, file, "weights-mismatch", "holds the parameters of another network than this declaration: test/xor.weights, " + text, "xor.weights");
  }

  // ---------------------------------------------------------------- names that leave the roots

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "../xor.weights | a .. segment would leave the package",
        "trained/../../xor.weights | a .. segment would leave the package",
        "/../xor.weights | a .. segment would leave the package",
        "./xor.weights | it has a . segment",
        "trained//xor.weights | it has an empty name between two /",
        "trained/ | it has an empty name between two /",
        "'' | the name is empty",
        "/ | the name is only the root",
        "C:/xor.weights | it holds a :",
        "file:xor.weights | it holds a :",
        "trained\\\\xor.weights | it holds a \\, which is not a separator",
      })
  void namesThatWouldLeaveTheRootsAreRefused(String weights, String text) {
    JavaFileObject file = xor("weights = \"" + weights + "\"");
    Compilation c = compile(Map.of("xor.weights", weights(XOR), "test/xor.weights", weights(XOR)), file);
    assertWeightsError(c, file, "weights-path", text, weights);
  }

  @Test
  void aLinkOutOfTheRootsIsRefused() throws IOException {
    Path outside = Files.createTempFile("hardwired-outside", ".weights");
    Files.write(outside, weights(XOR));
    Path folder = FrozenCompiler.folder(new HashMap<>());
    Files.createDirectories(folder.resolve("test"));
    Files.createSymbolicLink(folder.resolve("test/xor.weights"), outside);
    JavaFileObject file = xor("weights = \"xor.weights\"");
    assertWeightsError(compile(folder, file), file, "weights-path", "test/xor.weights is a link to " + outside.toRealPath() + ", outside the root", "xor.weights");
  }

  // ---------------------------------------------------------------- the declaration

  @Test
  void frozenWithoutNetwork() {
    JavaFileObject file = JavaFileObjects.forSourceLines("test.Xor", "package test;", "", "import dev.hardwired.*;", "", "@Frozen(weights = \"xor.weights\")", "interface Xor {}");
    Compilation c = compile(Map.of("test/xor.weights", weights(XOR)), file);
    assertRejected(c, 1);
    assertSingleErrorAt(c, file, "[hardwired.frozen-network]", "@Frozen goes beside @Network on the same type", "@Frozen(", "@Frozen");
  }

  @Test
  void aWrongNetworkIsReportedAloneAndFreezesNothing() {
    JavaFileObject file = source("@Network(inputs = 0, hidden = 2, outputs = 1)", "weights = \"missing.weights\"");
    Compilation c = compile(Map.of(), file);
    assertRejected(c, 1);
    assertThat(c).hadErrorContaining("[hardwired.size]");
  }

  @Test
  void nameClashWithTheNetwork() {
    JavaFileObject file = source("@Network(inputs = 2, hidden = 2, outputs = 1, name = \"XorFrozen\")", "weights = \"xor.weights\"");
    Compilation c = compile(Map.of("test/xor.weights", weights(XOR)), file);
    assertThat(c).failed();
    assertThat(c.errors()).hasSize(1);
    assertThat(processor.createdSources()).containsExactly("test.XorFrozen"); // the network, named so
    assertSingleErrorAt(c, file, "[hardwired.name-clash]", "the generated class test.XorFrozen would clash", "@Frozen(", "@Frozen");
  }

  @Test
  void invalidName() {
    JavaFileObject file = xor("weights = \"xor.weights\"", "name = \"1Xor\"");
    Compilation c = compile(Map.of("test/xor.weights", weights(XOR)), file);
    assertRejected(c, 1);
    assertSingleErrorAt(c, file, "[hardwired.name]", "name = \"1Xor\" is not a valid Java class name", "name = \"1Xor\"", "\"1Xor\"");
  }
}
