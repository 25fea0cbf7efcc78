package dev.hardwired.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.hardwired.Precision;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import java.util.regex.Pattern;

/**
 * The number type of a generated network, double or float: its type names, its literals, and the casts
 * that bring {@code Math}'s double results back to float. Every writer takes its numbers from here.
 */
final class Numbers {
  private static final Pattern DOUBLE_WORD = Pattern.compile("\\bdouble\\b");
  private static final Pattern LITERAL = Pattern.compile("\\b(\\d+\\.\\d+)\\b");
  private static final Pattern MATH_CALL = Pattern.compile("(?<!\\()\\$T\\.(exp|log|log1p|tanh)\\(");

  private final boolean single;

  private Numbers(Precision precision) {
    this.single = precision == Precision.FLOAT;
  }

  static Numbers of(Precision precision) {
    return new Numbers(precision);
  }

  /** {@code double} or {@code float}. */
  TypeName type() {
    return single ? TypeName.FLOAT : TypeName.DOUBLE;
  }

  /** {@code double[]} or {@code float[]}. */
  TypeName array() {
    return ArrayTypeName.of(type());
  }

  /** {@code double[][]} or {@code float[][]}. */
  TypeName rows() {
    return ArrayTypeName.of(array());
  }

  /** {@code Double} or {@code Float}, for {@code isFinite}. */
  ClassName boxed() {
    return ClassName.get(single ? Float.class : Double.class);
  }

  /** The runtime interface the generated class implements. */
  ClassName networkInterface() {
    return ClassName.get(single ? TrainableFloatNetwork.class : TrainableNetwork.class);
  }

  /** A literal of this type: {@code 0.5} or {@code 0.5f}. */
  String literal(String value) {
    return single ? value + "f" : value;
  }

  String literal(double value) {
    return literal(String.valueOf(value));
  }

  /**
   * A code template written for double, in this type: {@code double} becomes {@code float}, a literal
   * {@code 1.0} becomes {@code 1.0f}, and a call {@code $T.exp(…)} (of {@code Math}) is cast back to float,
   * unless it is the argument of another such call.
   */
  String f(String template) {
    if (!single) {
      return template;
    }
    String t = DOUBLE_WORD.matcher(template).replaceAll("float");
    t = LITERAL.matcher(t).replaceAll("$1f");
    return MATH_CALL.matcher(t).replaceAll("(float) \\$T.$1(");
  }
}
