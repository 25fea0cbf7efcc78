package dev.hardwired.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.hardwired.Precision;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.processor.model.NetworkModel;
import java.util.regex.Pattern;

/**
 * The arithmetic of a generated network: its number type, double or float, with its type names, its
 * literals and the casts that bring the double results of {@code exp}, {@code tanh}, {@code log} and
 * {@code log1p}, {@code expm1} back to float; and the one class, {@code Math} or {@code StrictMath}, whose functions
 * those are. Every writer takes its numbers and its transcendental functions from here.
 */
final class Numbers {
  private static final Pattern DOUBLE_WORD = Pattern.compile("\\bdouble\\b");
  private static final Pattern LITERAL = Pattern.compile("\\b(\\d+\\.\\d+)\\b");
  private static final Pattern MATH_CALL = Pattern.compile("(?<!\\()\\$T\\.(exp|expm1|log|log1p|tanh)\\(");

  private final boolean single;
  private final Class<?> math;

  private Numbers(Precision precision, boolean strictMath) {
    this.single = precision == Precision.FLOAT;
    this.math = strictMath ? StrictMath.class : Math.class;
  }

  /** The arithmetic of {@code model}: its precision, and whether it asks for strict math. */
  static Numbers of(NetworkModel model) {
    return new Numbers(model.precision(), model.strictMath());
  }

  /**
   * The class of {@code exp}, {@code tanh}, {@code log} and {@code log1p}, whose results the JVM may
   * choose: {@code StrictMath} for a network declared with {@code strictMath = true}, which then gives the
   * same bits on every JVM, else {@code Math}. The exact functions, {@code max} and {@code abs}, are
   * {@code Math}'s either way.
   */
  Class<?> math() {
    return math;
  }

  /** Whether the network computes in float. */
  boolean isFloat() {
    return single;
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
   * {@code 1.0} becomes {@code 1.0f}, and a call {@code $T.exp(…)} (of {@link #math()}) is cast back to float,
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
