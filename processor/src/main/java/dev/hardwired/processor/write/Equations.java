package dev.hardwired.processor.write;

import com.palantir.javapoet.CodeBlock;
import dev.hardwired.Activation;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;

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

  /** The bias of node {@code j} of the unrolled {@code layer}. */
  static String bias(Layer layer, int j) {
    return parameter(layer.storedBiasOffset() + j);
  }

  /** SpreA of neuron {@code j}: Σ_i weight × SpostA of the previous layer + bias, one term per weight. */
  static CodeBlock preActivation(NetworkModel model, Layer layer, int j) {
    Layer previous = model.previous(layer);
    List<CodeBlock> terms = new ArrayList<>();
    for (int i = 0; i < previous.size(); i++) {
      terms.add(CodeBlock.of("$L * $L", weight(model, layer, i, j), previous.value(i)));
    }
    terms.add(CodeBlock.of("$L", bias(layer, j)));
    return CodeBlock.join(terms, "$W+ ");
  }

  /** fA(z) for an elementwise activation. */
  static CodeBlock activate(Numbers n, Activation activation, CodeBlock z) {
    switch (activation) {
      case LOGISTIC:
        return CodeBlock.of("logistic($L)", z);
      case TANH:
        return CodeBlock.of(n.f("$T.tanh($L)"), Math.class, z);
      case RELU:
        return CodeBlock.of("relu($L)", z);
      case LEAKY_RELU:
        return CodeBlock.of("leakyRelu($L)", z);
      case IDENTITY:
        return z;
      case STEP:
        return CodeBlock.of("step($L)", z);
      default:
        throw new IllegalArgumentException(activation + " is not elementwise");
    }
  }

  /**
   * fA′(SpreA) as a factor computed from the post-activation local {@code a}, or {@code null} for the
   * identity, whose derivative is 1.
   */
  static CodeBlock derivative(Numbers n, Activation activation, String a) {
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
