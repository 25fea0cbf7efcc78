package dev.hardwired.processor.write;

import com.palantir.javapoet.CodeBlock;
import dev.hardwired.Activation;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The expressions of the classic equations, as code over the generated locals: pre-activations,
 * activations and their derivatives. Pure functions of the model; the method writers arrange them.
 */
final class Equations {
  private Equations() {}

  /** Array access {@code p[i]}. */
  static String parameter(int index) {
    return "p[" + index + "]";
  }

  /** The weight from node {@code i} of the layer before into node {@code j} of the unrolled {@code layer}. */
  static String weight(NetworkModel model, Layer layer, int i, int j) {
    return parameter(layer.storedWeightOffset() + j * model.previous(layer).size() + i);
  }

  /**
   * SpreA of neuron {@code j}: Σ_i weight × SpostA of the previous layer + bias, one term per weight, each
   * parameter written by {@code parameters} from its index in {@code p}: {@link #parameter} ({@code p[i]}),
   * or in a frozen class its value. A negative value after the first term is subtracted, {@code a - 0.25 *
   * x1} for {@code a + -0.25 * x1}: the same bits, since IEEE 754 defines a − b as a + (−b) and rounds
   * (−w) × x to exactly −(w × x).
   */
  static CodeBlock preActivation(NetworkModel model, Layer layer, int j, IntFunction<String> parameters) {
    Layer previous = model.previous(layer);
    CodeBlock.Builder sum = CodeBlock.builder();
    int row = layer.storedWeightOffset() + j * previous.size();
    for (int i = 0; i < previous.size(); i++) {
      term(sum, i == 0, parameters.apply(row + i), " * " + previous.value(i));
    }
    term(sum, false, parameters.apply(layer.storedBiasOffset() + j), "");
    return sum.build();
  }

  private static void term(CodeBlock.Builder sum, boolean first, String parameter, String factor) {
    if (first) {
      sum.add("$L$L", parameter, factor);
    } else if (parameter.startsWith("-")) {
      sum.add("$W- $L$L", parameter.substring(1), factor);
    } else {
      sum.add("$W+ $L$L", parameter, factor);
    }
  }

  /** fA(z) for an elementwise activation. */
  static CodeBlock activate(Numbers n, Activation activation, CodeBlock z) {
    switch (activation) {
      case LOGISTIC:
        return CodeBlock.of("logistic($L)", z);
      case TANH:
        return CodeBlock.of(n.f("$T.tanh($L)"), n.math(), z);
      case RELU:
        return CodeBlock.of("relu($L)", z);
      case LEAKY_RELU:
        return CodeBlock.of("leakyRelu($L)", z);
      case IDENTITY:
        return z;
      case ELU:
        return CodeBlock.of("elu($L)", z);
      case SELU:
        return CodeBlock.of("selu($L)", z);
      case SOFTPLUS:
        return CodeBlock.of("softplus($L)", z);
      case SILU:
        return CodeBlock.of("silu($L)", z);
      case GELU:
        return CodeBlock.of("gelu($L)", z);
      case GELU_TANH:
        return CodeBlock.of("geluTanh($L)", z);
      case STEP:
        return CodeBlock.of("step($L)", z);
      default:
        throw new IllegalArgumentException(activation + " is not elementwise");
    }
  }

  /**
   * fA′(SpreA) as a factor computed from the post-activation {@code a}, or, for an activation that {@link
   * Activation#needsPreActivation() needs} it, from the pre-activation {@code z}; {@code null} for the
   * identity, whose derivative is 1.
   */
  static CodeBlock derivative(Numbers n, Activation activation, String z, String a) {
    String one = n.literal("1.0");
    String zero = n.literal("0.0");
    switch (activation) {
      case LOGISTIC:
        return CodeBlock.of("$L * ($L - $L)", a, one, a);
      case TANH:
        return CodeBlock.of("($L - $L * $L)", one, a, a);
      case RELU:
        return CodeBlock.of("($L > $L ? $L : $L)", a, zero, one, zero);
      case LEAKY_RELU:
        return CodeBlock.of("($L > $L ? $L : LEAKY_RELU_SLOPE)", a, zero, one);
      case IDENTITY:
        return null;
      case ELU:
        return CodeBlock.of("($L > $L ? $L :$W$L + ELU_ALPHA)", a, zero, one, a);
      case SELU:
        return CodeBlock.of("($L > $L ? SELU_SCALE :$W$L + SELU_SCALE * SELU_ALPHA)", a, zero, a);
      case SOFTPLUS:
        return CodeBlock.of("softplusDerivative($L)", a);
      case SILU:
        return CodeBlock.of("siluDerivative($L)", z);
      case GELU:
        return CodeBlock.of("geluDerivative($L)", z);
      case GELU_TANH:
        return CodeBlock.of("geluTanhDerivative($L)", z);
      default:
        throw new IllegalArgumentException(activation + " has no elementwise derivative");
    }
  }

  /** How comments state fA′ in terms of SpostA. */
  static String derivativeText(Activation activation) {
    switch (activation) {
      case LOGISTIC:
        return "for the logistic fA′ = SpostA (1 − SpostA)";
      case TANH:
        return "for tanh fA′ = 1 − SpostA²";
      case RELU:
        return "for ReLU fA′ = 1 where SpostA > 0, else 0";
      case LEAKY_RELU:
        return "for leaky ReLU fA′ = 1 where SpostA > 0, else the slope";
      case IDENTITY:
        return "for the identity fA′ = 1";
      case ELU:
        return "for ELU fA′ = 1 where SpostA > 0, else SpostA + α";
      case SELU:
        return "for SELU fA′ = λ where SpostA > 0, else SpostA + λα";
      case SOFTPLUS:
        return "for softplus fA′ = σ(SpreA) = 1 − e^(−SpostA)";
      case SILU:
        return "for SiLU fA′ = σ(SpreA) (1 + SpreA (1 − σ(SpreA))), from SpreA, which SpostA cannot tell";
      case GELU:
        return "for GELU fA′ = Φ(SpreA) + SpreA φ(SpreA), from SpreA, which SpostA cannot tell";
      case GELU_TANH:
        return "for tanh GELU fA′ = ½ (1 + t) + ½ SpreA (1 − t²) √(2/π) (1 + 3 × 0.044715 SpreA²),"
            + " t = tanh(√(2/π) (SpreA + 0.044715 SpreA³)), from SpreA, which SpostA cannot tell";
      default:
        throw new IllegalArgumentException(activation + " has no elementwise derivative");
    }
  }

  /** {@code factor * (sum)}, or just {@code sum} when the factor is 1. */
  static CodeBlock times(CodeBlock factor, List<CodeBlock> sumTerms) {
    CodeBlock sum = CodeBlock.join(sumTerms, "$W+ ");
    if (factor == null) {
      return sum;
    }
    return sumTerms.size() == 1
        ? CodeBlock.of("$L * $L", factor, sum)
        : CodeBlock.of("$L * ($L)", factor, sum);
  }
}
