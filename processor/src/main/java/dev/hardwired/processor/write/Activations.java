package dev.hardwired.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.hardwired.Activation;
import dev.hardwired.processor.model.NetworkModel;
import javax.lang.model.element.Modifier;

/**
 * The activation functions fA that a network's layers use, as private static methods of the generated
 * class, and the leaky ReLU's slope: shared by the trainable and the frozen class, so that both compute
 * every SpostA = fA(SpreA) with the same expression.
 */
final class Activations {
  private Activations() {}

  /** {@code LEAKY_RELU_SLOPE}, where a layer uses the leaky ReLU. */
  static void addSlope(TypeSpec.Builder type, NetworkModel model) {
    if (model.uses(Activation.LEAKY_RELU)) {
      Numbers n = Numbers.of(model);
      type.addField(
          FieldSpec.builder(n.type(), "LEAKY_RELU_SLOPE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("Slope α of the leaky ReLU for SpreA ≤ 0.\n")
              .initializer("$L", n.literal(Activation.LEAKY_RELU_SLOPE))
              .build());
    }
  }

  /** {@code logistic}, {@code step}, {@code relu}, {@code leakyRelu}: those that a layer uses. */
  static void addFunctions(TypeSpec.Builder type, NetworkModel model) {
    Numbers n = Numbers.of(model);
    if (model.uses(Activation.LOGISTIC)) {
      type.addMethod(
          function(
              n,
              "logistic",
              "The logistic sigmoid σ(z) = 1 / (1 + e^(−z)).",
              CodeBlock.of(n.f("1.0 / (1.0 + $T.exp(-z))"), n.math())));
    }
    if (model.uses(Activation.STEP)) {
      type.addMethod(
          function(n, "step", "The step (Heaviside) function: 1 for z > 0, else 0.", CodeBlock.of(n.f("z > 0.0 ? 1.0 : 0.0"))));
    }
    if (model.uses(Activation.RELU)) {
      type.addMethod(function(n, "relu", "The rectified linear unit max(0, z).", CodeBlock.of(n.f("z > 0.0 ? z : 0.0"))));
    }
    if (model.uses(Activation.LEAKY_RELU)) {
      type.addMethod(
          function(
              n,
              "leakyRelu",
              "The leaky ReLU: z for z > 0, else the slope × z.",
              CodeBlock.of(n.f("z > 0.0 ? z : LEAKY_RELU_SLOPE * z"))));
    }
  }

  private static MethodSpec function(Numbers n, String name, String doc, CodeBlock body) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("$L\n", doc)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(n.type())
        .addParameter(n.type(), "z")
        .addStatement("return $L", body)
        .build();
  }
}
