package dev.hardwired.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A declaration as its author wrote it, near enough to quote in a lesson: the annotation with the values
 * given (not the defaults), in their order, and the header of the annotated type.
 */
public final class DeclarationSource {
  /** The widest line, as in the generated source. */
  private static final int COLUMNS = 100;

  private DeclarationSource() {}

  /** For example {@code @Network(inputs = 2, hidden = 2, outputs = 1)\npublic interface Xor {}}. */
  public static String of(TypeElement type, AnnotationMirror mirror) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      values.add(entry.getKey().getSimpleName() + " = " + value(entry.getValue()));
    }
    String annotation = "@" + mirror.getAnnotationType().asElement().getSimpleName() + "(" + String.join(", ", values) + ")";
    if (annotation.length() > COLUMNS) {
      annotation = wrap(annotation);
    }
    StringBuilder header = new StringBuilder();
    for (Modifier modifier : type.getModifiers()) {
      if (modifier != Modifier.ABSTRACT || type.getKind() != ElementKind.INTERFACE) {
        header.append(modifier).append(' ');
      }
    }
    header.append(type.getKind() == ElementKind.INTERFACE ? "interface " : "class ").append(type.getSimpleName());
    boolean empty = type.getEnclosedElements().stream().allMatch(e -> e.getKind() == ElementKind.CONSTRUCTOR);
    return annotation + "\n" + header + (empty ? " {}" : " { … }");
  }

  /** An annotation too wide for one line, broken after the commas between its values, then indented 4. */
  private static String wrap(String annotation) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < annotation.length(); i++) {
      char c = annotation.charAt(i);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (c == ',' && depth == 0) {
        parts.add(annotation.substring(start, i + 1));
        start = i + 2; // past ", "
      }
    }
    parts.add(annotation.substring(start));
    StringBuilder lines = new StringBuilder(parts.get(0));
    int width = parts.get(0).length();
    for (String part : parts.subList(1, parts.size())) {
      if (width + 1 + part.length() > COLUMNS) {
        lines.append("\n    ").append(part);
        width = 4 + part.length();
      } else {
        lines.append(' ').append(part);
        width += 1 + part.length();
      }
    }
    return lines.toString();
  }

  /** A value as source: 2, {16, 8} (one element without braces), Activation.TANH, "Name". */
  private static String value(AnnotationValue value) {
    Object v = value.getValue();
    if (v instanceof List) {
      List<String> elements = new ArrayList<>();
      for (Object element : (List<?>) v) {
        elements.add(value((AnnotationValue) element));
      }
      return elements.size() == 1 ? elements.get(0) : "{" + String.join(", ", elements) + "}";
    }
    if (v instanceof VariableElement) {
      VariableElement constant = (VariableElement) v;
      return constant.getEnclosingElement().getSimpleName() + "." + constant.getSimpleName();
    }
    if (v instanceof String) {
      return "\"" + ((String) v).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return String.valueOf(v);
  }
}
