package dev.hardwired.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hardwired.Activation;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The activation functions fA that a network's layers use, as private static methods of the generated
 * class, with their constants: shared by the trainable and the frozen class, so that both compute every
 * SpostA = fA(SpreA) with the same expression. The trainable class also gets the derivatives fA′ that are
 * more than an expression ({@link #addDerivatives}). A GELU layer brings its own {@code erf}, the runtime's
 * {@link Activation#erf} written out, since a frozen class needs only the JDK and {@code Math} has none.
 */
final class Activations {
  private Activations() {}

  /** The constants of the activations that the layers use: the leaky ReLU's slope, SELU's λ and α, … */
  static void addConstants(TypeSpec.Builder type, NetworkModel model) {
    Numbers n = Numbers.of(model);
    if (model.uses(Activation.LEAKY_RELU)) {
      constant(type, n, "LEAKY_RELU_SLOPE", Activation.LEAKY_RELU_SLOPE, "Slope α of the leaky ReLU for SpreA ≤ 0.");
    }
    if (model.uses(Activation.ELU)) {
      constant(type, n, "ELU_ALPHA", Activation.ELU_ALPHA, "α of the ELU: its limit, −α, for SpreA → −∞.");
    }
    if (model.uses(Activation.SELU)) {
      constant(type, n, "SELU_SCALE", Activation.SELU_SCALE, "λ of the SELU, PyTorch's constant.");
      constant(type, n, "SELU_ALPHA", Activation.SELU_ALPHA, "α of the SELU, PyTorch's constant.");
    }
    if (model.uses(Activation.SOFTPLUS)) {
      constant(
          type,
          n,
          "SOFTPLUS_THRESHOLD",
          Activation.SOFTPLUS_THRESHOLD,
          "Above this SpreA softplus is SpreA itself, as in PyTorch: ln(1 + e^z) is within 2 × 10⁻⁹ of z.");
    }
    if (model.uses(Activation.GELU)) {
      constant(type, n, "SQRT1_2", 0.7071067811865476, "1 / √2: GELU's Φ(z) = ½ (1 + erf(z / √2)).");
    }
    if (model.uses(Activation.GELU_TANH)) {
      constant(type, n, "GELU_TANH_SCALE", Activation.GELU_TANH_SCALE, "√(2/π), the scale inside the tanh GELU's tanh.");
      constant(type, n, "GELU_TANH_CUBIC", Activation.GELU_TANH_CUBIC, "The cubic coefficient inside the tanh GELU's tanh.");
    }
    if (model.uses(Activation.GELU)) {
      List<CodeBlock> coefficients = new ArrayList<>();
      for (double c : Activation.erfSeries()) {
        coefficients.add(CodeBlock.of("$L", c));
      }
      type.addField(
          FieldSpec.builder(double[].class, "ERF_SERIES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The coefficients 2ⁿ / (1 · 3 ⋯ (2n + 1)) of erf's series, from n = 0.\n")
              .initializer("{$>$W$L$<}", CodeBlock.join(coefficients, ",$W"))
              .build());
    }
  }

  private static void constant(TypeSpec.Builder type, Numbers n, String name, double value, String doc) {
    type.addField(
        FieldSpec.builder(n.type(), name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(Code.javadoc(doc))
            .initializer("$L", n.literal(value))
            .build());
  }

  /** {@code logistic}, {@code step}, {@code relu}, {@code leakyRelu}, …: those that a layer uses. */
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
    if (model.uses(Activation.ELU)) {
      type.addMethod(
          function(
              n,
              "elu",
              "The exponential linear unit: z for z > 0, else α (e^z − 1), with expm1 so that small z keep their digits.",
              CodeBlock.of(n.f("z > 0.0 ? z : ELU_ALPHA * $T.expm1(z)"), n.math())));
    }
    if (model.uses(Activation.SELU)) {
      type.addMethod(
          function(
              n,
              "selu",
              "The scaled ELU: λ z for z > 0, else λ α (e^z − 1).",
              CodeBlock.of(n.f("z > 0.0 ? SELU_SCALE * z : SELU_SCALE * SELU_ALPHA * $T.expm1(z)"), n.math())));
    }
    if (model.uses(Activation.SOFTPLUS)) {
      type.addMethod(
          function(
              n,
              "softplus",
              "Softplus ln(1 + e^z), as log1p(e^z), which cannot lose the small values; z itself above the threshold.",
              CodeBlock.of(n.f("z > SOFTPLUS_THRESHOLD ? z : $T.log1p($T.exp(z))"), n.math(), n.math())));
    }
    if (model.uses(Activation.SILU)) {
      type.addMethod(
          function(
              n,
              "silu",
              "The sigmoid linear unit (swish) z σ(z) = z / (1 + e^(−z)).",
              CodeBlock.of(n.f("z / (1.0 + $T.exp(-z))"), n.math())));
    }
    if (model.uses(Activation.GELU)) {
      type.addMethod(
          function(
              n,
              "gelu",
              "The Gaussian error linear unit z Φ(z) = ½ z (1 + erf(z / √2)).",
              CodeBlock.of(n.f("z * 0.5 * (1.0 + $L)"), erfCall(n, "z * SQRT1_2"))));
    }
    if (model.uses(Activation.GELU_TANH)) {
      type.addMethod(
          function(
              n,
              "geluTanh",
              "The tanh form of GELU: ½ z (1 + tanh(√(2/π) (z + 0.044715 z³))).",
              CodeBlock.of(
                  n.f("0.5 * z * (1.0$W+ $T.tanh(GELU_TANH_SCALE * (z + GELU_TANH_CUBIC * (z * z * z))))"), n.math())));
    }
    if (model.uses(Activation.GELU)) {
      type.addMethod(erf(n));
    }
  }

  /**
   * The derivatives fA′ that are methods rather than an expression in the backward pass: softplus's from
   * SpostA, and those that need SpreA. Only the trainable class has them.
   */
  static void addDerivatives(TypeSpec.Builder type, NetworkModel model) {
    Numbers n = Numbers.of(model);
    if (model.uses(Activation.SOFTPLUS)) {
      type.addMethod(
          method(n, "softplusDerivative", "a",
                  "fA′ of softplus from SpostA = a: σ(SpreA) = 1 − e^(−a), as −expm1(−a), which keeps its digits"
                      + " where σ is small; 1 above the threshold, where softplus is SpreA itself.")
              .addStatement(n.f("return a > SOFTPLUS_THRESHOLD ? 1.0 : -$T.expm1(-a)"), n.math())
              .build());
    }
    if (model.uses(Activation.SILU)) {
      type.addMethod(
          method(n, "siluDerivative", "z", "fA′ of SiLU from SpreA = z: σ(z) (1 + z (1 − σ(z))).")
              .addStatement(n.f("double s = 1.0 / (1.0 + $T.exp(-z))"), n.math())
              .addStatement(n.f("return s * (1.0 + z * (1.0 - s))"))
              .build());
    }
    if (model.uses(Activation.GELU)) {
      type.addMethod(
          method(n, "geluDerivative", "z",
                  "fA′ of GELU from SpreA = z: Φ(z) + z φ(z), with Φ(z) = ½ (1 + erf(z / √2)) and φ(z) = e^(−z²/2) /"
                      + " √(2π).")
              .addStatement(n.f("double pdf = $T.exp(-0.5 * z * z) * $L"), n.math(), n.literal(0.3989422804014327))
              .addStatement(n.f("return 0.5 * (1.0 + $L) + z * pdf"), erfCall(n, "z * SQRT1_2"))
              .build());
    }
    if (model.uses(Activation.GELU_TANH)) {
      type.addMethod(
          method(n, "geluTanhDerivative", "z",
                  "fA′ of the tanh GELU from SpreA = z: ½ (1 + t) + ½ z (1 − t²) √(2/π) (1 + 3 × 0.044715 z²), t ="
                      + " tanh(√(2/π) (z + 0.044715 z³)).")
              .addStatement(n.f("double z2 = z * z"))
              .addStatement(n.f("double t =$W$T.tanh(GELU_TANH_SCALE * (z + GELU_TANH_CUBIC * (z2 * z)))"), n.math())
              .addStatement(
                  n.f("return 0.5 * (1.0 + t)$W+ 0.5 * z * (1.0 - t * t) * GELU_TANH_SCALE * (1.0 + 3.0 * GELU_TANH_CUBIC * z2)"))
              .build());
    }
  }

  /** erf of a value of the network's type: erf works in double, and a float network narrows its result. */
  private static CodeBlock erfCall(Numbers n, String argument) {
    return n.isFloat() ? CodeBlock.of("(float) erf($L)", argument) : CodeBlock.of("erf($L)", argument);
  }

  /** {@link Activation#erf}, statement for statement, with the network's exp: the runtime's bits under Math. */
  private static MethodSpec erf(Numbers n) {
    CodeBlock.Builder body = CodeBlock.builder();
    body.addStatement("double ax = $T.abs(x)", Math.class);
    body.addStatement("double r");
    body.beginControlFlow("if (ax < $L)", Activation.ERF_SERIES_LIMIT);
    Code.comment(body, 6, "(2/√π) x e^(−x²) Σ 2ⁿ x²ⁿ / (1 · 3 ⋯ (2n + 1)): every term positive, so nothing cancels");
    body.addStatement("double u = ax * ax");
    body.addStatement("double sum = 0.0");
    body.beginControlFlow("for (int n = ERF_SERIES.length - 1; n >= 0; n--)");
    body.addStatement("sum = sum * u + ERF_SERIES[n]");
    body.endControlFlow();
    body.addStatement("r = $L * ax * $T.exp(-u) * sum", 1.1283791670955126, n.math());
    body.nextControlFlow("else if (ax < 6.0)");
    Code.comment(
        body,
        6,
        "1 − erfc(x), erfc(x) = e^(−x²)/√π × 1/(x + ½/(x + 1/(x + 3/2/(x + …)))), "
            + Activation.ERF_FRACTION_TERMS + " terms deep");
    body.addStatement("double fraction = 0.0");
    body.beginControlFlow("for (int n = $L; n > 0; n--)", Activation.ERF_FRACTION_TERMS);
    body.addStatement("fraction = 0.5 * n / (ax + fraction)");
    body.endControlFlow();
    body.addStatement("r = 1.0 - $T.exp(-ax * ax) / (ax + fraction) * $L", n.math(), 0.5641895835477563);
    body.nextControlFlow("else if (ax >= 6.0)");
    Code.comment(body, 6, "erfc(x) is below half an ulp of 1");
    body.addStatement("r = 1.0");
    body.nextControlFlow("else");
    Code.comment(body, 6, "NaN");
    body.addStatement("return x");
    body.endControlFlow();
    body.addStatement("return $T.copySign(r, x)", Math.class);
    return MethodSpec.methodBuilder("erf")
        .addJavadoc(
            Code.javadoc(
                "The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt, which Math lacks: within 5 ulps of the exact"
                    + " value. The series up to |x| = " + Activation.ERF_SERIES_LIMIT + ", a continued fraction for"
                    + " erfc up to 6, then ±1; odd."))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TypeName.DOUBLE)
        .addParameter(TypeName.DOUBLE, "x")
        .addCode(body.build())
        .build();
  }

  private static MethodSpec function(Numbers n, String name, String doc, CodeBlock body) {
    return method(n, name, "z", doc).addStatement("return $L", body).build();
  }

  private static MethodSpec.Builder method(Numbers n, String name, String parameter, String doc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(Code.javadoc(doc))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(n.type())
        .addParameter(n.type(), parameter);
  }
}
