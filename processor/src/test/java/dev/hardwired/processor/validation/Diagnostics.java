package dev.hardwired.processor.validation;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.collect.Range;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Exact-position checks on a compilation's diagnostics, beyond what compile-testing's subject offers. */
public final class Diagnostics {
  private Diagnostics() {}

  /**
   * Asserts that exactly one error carries {@code tag} and {@code text}, and that javac placed it in {@code
   * file} on the only line containing {@code lineFragment}, at a column inside the first occurrence of {@code
   * valueFragment} on that line: the annotation value itself, not merely its line.
   */
  public static void assertSingleErrorAt(
      Compilation compilation,
      JavaFileObject file,
      String tag,
      String text,
      String lineFragment,
      String valueFragment) {
    Diagnostic<? extends JavaFileObject> error = singleError(compilation, tag, text);
    assertWithMessage("file of %s", error.getMessage(Locale.ROOT))
        .that(error.getSource() == null ? null : error.getSource().toUri())
        .isEqualTo(file.toUri());
    List<String> lines = lines(file);
    int line = uniqueLine(lines, lineFragment);
    assertWithMessage("line of %s", error.getMessage(Locale.ROOT)).that(error.getLineNumber()).isEqualTo(line);
    String content = lines.get(line - 1);
    int start = content.indexOf(valueFragment);
    assertWithMessage("value %s on line %s", valueFragment, content).that(start).isAtLeast(0);
    long column = error.getColumnNumber(); // 1-based
    assertWithMessage("column of %s on line <%s>", error.getMessage(Locale.ROOT), content)
        .that(column)
        .isIn(Range.closedOpen((long) start + 1, (long) start + 1 + valueFragment.length()));
  }

  /** The only error whose message contains both {@code tag} and {@code text}. */
  public static Diagnostic<? extends JavaFileObject> singleError(
      Compilation compilation, String tag, String text) {
    List<Diagnostic<? extends JavaFileObject>> matching =
        compilation.errors().stream()
            .filter(d -> d.getMessage(Locale.ROOT).contains(tag) && d.getMessage(Locale.ROOT).contains(text))
            .collect(Collectors.toList());
    assertWithMessage("errors containing %s and %s among %s", tag, text, messages(compilation))
        .that(matching)
        .hasSize(1);
    return matching.get(0);
  }

  /** Asserts that the processor never failed unexpectedly: no internal error and no stack trace. */
  public static void assertNoCrash(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      assertWithMessage("diagnostic").that(message).doesNotContain("[hardwired.internal]");
      assertWithMessage("diagnostic").that(message).doesNotContain("Exception");
      assertWithMessage("diagnostic").that(message).doesNotContain("\tat ");
    }
  }

  /** Every error message, for failure output. */
  public static List<String> messages(Compilation compilation) {
    List<String> messages = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
      messages.add(d.getLineNumber() + ":" + d.getColumnNumber() + " " + d.getMessage(Locale.ROOT));
    }
    return messages;
  }

  private static int uniqueLine(List<String> lines, String fragment) {
    int found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        assertWithMessage("more than one line contains <%s>", fragment).that(found).isEqualTo(-1);
        found = i + 1;
      }
    }
    assertThat(found).isAtLeast(1);
    return found;
  }

  private static List<String> lines(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString().lines().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
