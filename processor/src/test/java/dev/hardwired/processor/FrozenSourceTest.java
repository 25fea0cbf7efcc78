package dev.hardwired.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.processor.testing.ClassFiles;
import dev.hardwired.processor.testing.FrozenCompiler;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The frozen class as a product: the exact text of two small ones (golden files: the 2-2-1 XOR network,
 * unrolled, and a 13-16-3 classifier with a looped layer), determinism, and clean compiles under {@code
 * -Xlint:all -Werror} and {@code --release 8}. Rewrite the golden files with {@code mvn test
 * -Dhardwired.updateGolden=true} after an intended change, and review their diff.
 */
class FrozenSourceTest {
  /** The classic hand-set weights that solve XOR: H0 is OR, H1 is NAND, the output is their AND. */
  static final double[] XOR_WEIGHTS = {20, 20, -20, -20, -10, 30, 20, 20, -30};

  static final String XOR =
      "package dev.hardwired.examples;\n\n"
          + "import dev.hardwired.Frozen;\n"
          + "import dev.hardwired.Network;\n\n"
          + "/** The classic XOR problem, with its trained weights frozen into XorFrozen. */\n"
          + "@Network(inputs = 2, hidden = 2, outputs = 1)\n"
          + "@Frozen(weights = \"xor.weights\")\n"
          + "public interface Xor {}\n";

  static final String WINE =
      "package dev.hardwired.examples;\n\n"
          + "import dev.hardwired.Activation;\n"
          + "import dev.hardwired.Frozen;\n"
          + "import dev.hardwired.Loss;\n"
          + "import dev.hardwired.Network;\n\n"
          + "/** A 13-16-3 classifier: its 13 → 16 layer is looped, its 16 → 3 layer unrolled. */\n"
          + "@Network(inputs = 13, hidden = 16, outputs = 3, activation = Activation.TANH,\n"
          + "    outputActivation = Activation.SOFTMAX, loss = Loss.SOFTMAX_CROSS_ENTROPY)\n"
          + "@Frozen(weights = \"wine.weights\")\n"
          + "public interface Wine {}\n";

  static byte[] xorWeights() {
    ReferenceNetwork xor = new ReferenceNetwork(Topology.of(2, new int[] {2}, 1, new Activation[] {Activation.LOGISTIC}, Activation.LOGISTIC, Loss.SQUARED_ERROR));
    xor.setParameters(XOR_WEIGHTS);
    return FrozenCompiler.weights(xor);
  }

  /** Parameters of three decimals, which every JDK's Double.toString writes alike. */
  static byte[] wineWeights() {
    Topology t = Topology.of(13, new int[] {16}, 3, new Activation[] {Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    Random random = new Random(13);
    double[] p = new double[t.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.round((2 * random.nextDouble() - 1) * 1000) / 1000.0;
    }
    ReferenceNetwork wine = new ReferenceNetwork(t);
    wine.setParameters(p);
    return FrozenCompiler.weights(wine);
  }

  static Compilation compile(String name, String source, Map<String, byte[]> files, String... options) {
    JavaFileObject file = JavaFileObjects.forSourceString("dev.hardwired.examples." + name, source);
    return FrozenCompiler.compile(FrozenCompiler.folder(files), List.of(file), options);
  }

  @Test
  void xorMatchesGoldenFile() throws IOException {
    Compilation compilation =
        compile("Xor", XOR, Map.of("dev/hardwired/examples/xor.weights", xorWeights()), "-Xlint:all", "-Werror");
    assertThat(compilation).succeededWithoutWarnings();
    assertGolden(compilation, "dev.hardwired.examples.XorFrozen", "XorFrozen.java");
  }

  @Test
  void loopedLayerMatchesGoldenFile() throws IOException {
    Compilation compilation =
        compile("Wine", WINE, Map.of("dev/hardwired/examples/wine.weights", wineWeights()), "-Xlint:all", "-Werror");
    assertThat(compilation).succeededWithoutWarnings();
    assertGolden(compilation, "dev.hardwired.examples.WineFrozen", "WineFrozen.java");
  }

  @Test
  void sameDeclarationAndWeightsGiveSameBytes() throws IOException {
    Map<String, byte[]> files = Map.of("dev/hardwired/examples/wine.weights", wineWeights());
    List<JavaFileObject> first = generated(compile("Wine", WINE, files));
    List<JavaFileObject> second = generated(compile("Wine", WINE, files));
    assertThat(first.size()).isEqualTo(6); // 2 sources; Wine, WineNetwork, WineFrozen and its Scratch
    assertThat(first.size()).isEqualTo(second.size());
    for (int i = 0; i < first.size(); i++) {
      assertThat(first.get(i).toUri()).isEqualTo(second.get(i).toUri());
      assertThat(bytes(first.get(i))).isEqualTo(bytes(second.get(i)));
    }
  }

  @Test
  void compilesForJava8WithEveryLintWarningAsAnError() {
    Compilation compilation =
        compile(
            "Wine",
            WINE,
            Map.of("dev/hardwired/examples/wine.weights", wineWeights()),
            "--release", "8", "-Xlint:all", "-Xlint:-options", "-Werror");
    assertThat(compilation).succeededWithoutWarnings();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        byte[] classFile = bytes(file);
        int major = ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
        assertWithMessage(file.getName()).that(major).isEqualTo(52);
      }
    }
    assertThat(compilation).generatedSourceFile("dev.hardwired.examples.WineFrozen").contentsAsUtf8String()
        .doesNotContain("@Generated");
    assertThat(ClassFiles.constantPoolSize(bytes(compilation, "WineFrozen"))).isLessThan(1000);
  }

  /** The generated sources and classes (compile-testing also lists the weights file looked for in the class output). */
  private static List<JavaFileObject> generated(Compilation compilation) {
    return compilation.generatedFiles().stream()
        .filter(f -> f.getKind() == JavaFileObject.Kind.SOURCE || f.getKind() == JavaFileObject.Kind.CLASS)
        .toList();
  }

  /** docs/frozen.md quotes the golden XOR frozen class line for line. */
  @Test
  void documentationQuotesTheGoldenClass() throws IOException {
    String doc = Files.readString(Path.of("../docs/frozen.md"), StandardCharsets.UTF_8);
    String golden = Files.readString(Path.of("src/test/resources/golden/XorFrozen.java"), StandardCharsets.UTF_8);
    int start = doc.indexOf("```java\n/**\n * Xor, frozen");
    assertWithMessage("docs/frozen.md quotes XorFrozen").that(start).isAtLeast(0);
    String block = doc.substring(start + "```java\n".length(), doc.indexOf("```\n", start + 1));
    assertThat(golden).contains(block);
    assertThat(block.lines().count()).isAtLeast(40);
  }

  private static byte[] bytes(Compilation compilation, String simpleName) {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS && file.getName().endsWith("/" + simpleName + ".class")) {
        return bytes(file);
      }
    }
    throw new AssertionError("no class " + simpleName);
  }

  static void assertGolden(Compilation compilation, String generatedType, String goldenFile) throws IOException {
    String actual = compilation.generatedSourceFile(generatedType).orElseThrow().getCharContent(false).toString();
    Path golden = Path.of("src/test/resources/golden", goldenFile);
    if (Boolean.getBoolean("hardwired.updateGolden")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  static byte[] bytes(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
