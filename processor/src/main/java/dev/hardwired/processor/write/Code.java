package dev.hardwired.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

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

  /** A public int constant, such as {@code INPUTS}, with its one-line javadoc. */
  static FieldSpec constant(String name, int value, String doc) {
    return FieldSpec.builder(int.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer("$L", value)
        .build();
  }

  /** For example "2 inputs → 2 hidden (logistic) → 1 output (logistic)". */
  static String shape(NetworkModel model) {
    StringBuilder s = new StringBuilder(plural(model.topology().inputs(), "input"));
    List<Layer> layers = model.layers();
    for (Layer layer : layers.subList(1, layers.size())) {
      s.append(" → ")
          .append(layer.isOutput() ? plural(layer.size(), "output") : layer.size() + " hidden")
          .append(" (")
          .append(layer.activation().displayName())
          .append(')');
    }
    return s.toString();
  }
}
