package dev.hardwired.processor.write;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How generated statements and comments are laid out: every line within {@link #COLUMNS}. */
final class Code {
  /** The width JavaPoet wraps code at. */
  static final int COLUMNS = 100;
  /** One level of indentation. */
  static final int INDENT = 2;
  /** The indentation of a statement in a method body: two levels of two spaces. */
  static final int BODY_INDENT = 4;

  private Code() {}

  /**
   * One statement with a comment naming the term it computes: at the end of the line where both fit in
   * {@link #COLUMNS}, else on the line above.
   */
  static void statement(CodeBlock.Builder body, String term, String format, Object... args) {
    statement(body, BODY_INDENT, term, format, args);
  }

  /** {@link #statement(CodeBlock.Builder, String, String, Object...)} at a deeper indentation. */
  static void statement(CodeBlock.Builder body, int indent, String term, String format, Object... args) {
    CodeBlock code = CodeBlock.of(format, args);
    // The newline flushes JavaPoet's line wrapper, which otherwise drops the text after the last $W.
    String rendered = CodeBlock.of("$L\n", code).toString().replace("java.lang.", "").trim();
    int width = indent + rendered.length() + "; // ".length() + term.length();
    if (width <= COLUMNS) {
      body.add("$[$L; // $L\n$]", code, term);
    } else {
      comment(body, indent, term);
      body.addStatement("$L", code);
    }
  }

  /** A comment in a method body, wrapped to {@link #COLUMNS}. */
  static void comment(CodeBlock.Builder body, String text) {
    comment(body, BODY_INDENT, text);
  }

  static void comment(CodeBlock.Builder body, int indent, String text) {
    for (String line : wrap(text, COLUMNS - indent - "// ".length())) {
      body.add("// $L\n", line);
    }
  }

  /** A Javadoc text wrapped to {@link #COLUMNS} at the indentation of a member. */
  static CodeBlock javadoc(String text) {
    return javadoc(text, INDENT);
  }

  /** A Javadoc text wrapped to {@link #COLUMNS} at an indentation of {@code indent} spaces. */
  static CodeBlock javadoc(String text, int indent) {
    CodeBlock.Builder doc = CodeBlock.builder();
    for (String line : wrap(text, COLUMNS - indent - " * ".length())) {
      doc.add("$L\n", line);
    }
    return doc.build();
  }

  /** {@code text} in lines of at most {@code width} characters, broken at spaces but not inside a {@code {@link}}. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.replace("{@link ", "{@link\u00a0").split(" ")) {
      word = word.replace('\u00a0', ' ');
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  static String capitalize(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
