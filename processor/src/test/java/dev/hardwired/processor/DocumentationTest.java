package dev.hardwired.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The walk-through quotes generated and example code line for line; this keeps it from going stale when
 * the generated code changes. Every ```java block must stand, as one unbroken run of lines, in a golden
 * file, an example's source, or the source generated for an example's declaration.
 */
class DocumentationTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void walkthroughQuotesCodeThatExists() throws IOException {
    List<String> sources = new ArrayList<>();
    try (Stream<Path> golden = Files.list(Path.of("src/test/resources/golden"))) {
      for (Path file : golden.collect(Collectors.toList())) {
        sources.add(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    // The runtime's own sources, for the epoch loop of the trainer.
    try (Stream<Path> runtime = Files.walk(ROOT.resolve("runtime/src/main/java"))) {
      for (Path file : runtime.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
        sources.add(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    try (Stream<Path> examples = Files.walk(ROOT.resolve("examples/src/main/java"))) {
      for (Path file : examples.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        sources.add(source);
        if (source.contains("@Network(")) {
          sources.addAll(generatedFrom(file, source));
        }
      }
    }
    List<String> lines = Files.readAllLines(ROOT.resolve("docs/walkthrough.md"), StandardCharsets.UTF_8);
    int checked = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).trim().equals("```java")) {
        continue;
      }
      int start = i + 1;
      int end = start;
      while (!lines.get(end).trim().equals("```")) {
        end++;
      }
      boolean checkingProgram = lines.subList(Math.max(0, i - 3), i).stream().anyMatch(l -> l.contains("checking program"));
      if (!checkingProgram) {
        String block = String.join("\n", lines.subList(start, end)) + "\n";
        assertWithMessage("walkthrough.md line %s quotes code found in no source:\n%s", start + 1, block)
            .that(sources.stream().anyMatch(s -> s.contains(block)))
            .isTrue();
        checked++;
      }
      i = end;
    }
    assertWithMessage("java blocks checked").that(checked).isGreaterThan(10);
  }

  /**
   * A README code block whose paragraph names a test file ("From `examples/src/test/…java`") must stand in
   * that file as one unbroken run of lines: the test compiles and runs what the README shows.
   */
  @Test
  void readmeQuotesTestsThatExist() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    java.util.regex.Pattern source = java.util.regex.Pattern.compile("From `([^`]+\\.java)`");
    int checked = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).trim().equals("```java")) {
        continue;
      }
      int end = i + 1;
      while (!lines.get(end).trim().equals("```")) {
        end++;
      }
      String paragraph = String.join(" ", lines.subList(Math.max(0, i - 4), i));
      java.util.regex.Matcher named = source.matcher(paragraph);
      if (named.find()) {
        String block = String.join("\n", lines.subList(i + 1, end)) + "\n";
        String test = Files.readString(ROOT.resolve(named.group(1)), StandardCharsets.UTF_8);
        assertWithMessage("README.md line %s quotes code not in %s:\n%s", i + 2, named.group(1), block)
            .that(test.contains(block))
            .isTrue();
        checked++;
      }
      i = end;
    }
    assertWithMessage("README blocks checked against tests").that(checked).isAtLeast(1);
  }

  /** The README's catalogue of errors has a row for every tag the processor reports. */
  @Test
  void readmeListsEveryErrorTag() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    for (dev.hardwired.processor.read.Message message : dev.hardwired.processor.read.Message.values()) {
      String tag = message.tag().substring("hardwired.".length());
      assertWithMessage("README.md has no row for [%s]", message.tag()).that(readme).contains("| `" + tag + "` | ");
    }
  }

  private static List<String> generatedFrom(Path file, String source) throws IOException {
    String name = file.getFileName().toString().replace(".java", "");
    JavaFileObject example = JavaFileObjects.forSourceString("dev.hardwired.examples." + name, source);
    // A frozen example reads its model from the examples' resources, as Maven's build does.
    Compilation compilation = source.contains("@Frozen(")
        ? dev.hardwired.processor.testing.FrozenCompiler.compile(ROOT.resolve("examples/src/main/resources"), List.of(example))
        : javac().withProcessors(new NetworkProcessor()).compile(example);
    List<String> generated = new ArrayList<>();
    for (JavaFileObject output : compilation.generatedSourceFiles()) {
      generated.add(output.getCharContent(false).toString());
    }
    return generated;
  }
}
