package dev.hardwired.io;

import dev.hardwired.Activation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognises a layer's activation in an ONNX graph for {@link OnnxReader}: a single node ({@code Sigmoid},
 * {@code Selu}, …) or a pattern of several that starts at SpreA's readers (SiLU's {@code Sigmoid} and {@code
 * Mul}; the GELUs spelt out as PyTorch 1.13 writes them at opset 13, which {@link OnnxWriter} writes too; the
 * forms {@link OnnxWriter} writes for double networks: {@code Mul} and {@code Max} for the leaky ReLU, {@code
 * Greater} to {@code Where} for SELU), with the constants each must hold, exactly: as initializers or as the
 * outputs of {@code Constant} nodes.
 */
final class OnnxActivations {
  /** An activation's nodes, read: which activation, and the value after them. */
  static final class Span {
    final Activation activation;
    final String after;

    Span(Activation activation, String after) {
      this.activation = activation;
      this.after = after;
    }
  }

  private final String source;
  private final OnnxGraph graph;
  private final int precisionType;
  private final Map<String, List<OnnxGraph.Node>> readers;
  /** The {@code Constant} nodes by the name of their output. */
  private final Map<String, OnnxGraph.Node> constants = new HashMap<>();

  /**
   * @param precisionType the model's element type, which every constant must have
   * @param readers the nodes that read each value
   */
  OnnxActivations(String source, OnnxGraph graph, int precisionType, Map<String, List<OnnxGraph.Node>> readers) {
    this.source = source;
    this.graph = graph;
    this.precisionType = precisionType;
    this.readers = readers;
    for (OnnxGraph.Node node : graph.nodes) {
      if (node.operator.equals("Constant") && (node.domain.isEmpty() || node.domain.equals("ai.onnx"))
          && node.outputs.size() == 1) {
        constants.put(node.outputs.get(0), node);
      }
    }
  }

  /**
   * The activation whose nodes start at {@code next}, the several readers of SpreA {@code value}; null when
   * they start none that is recognised.
   */
  Span spanning(List<OnnxGraph.Node> next, String value) throws OnnxFileException {
    if (next.size() == 2 && leakyPair(next, value)) {
      // max(SpreA, 0.01 × SpreA): the leaky ReLU as OnnxWriter writes it for double networks.
      OnnxGraph.Node multiply = next.get(0).operator.equals("Mul") ? next.get(0) : next.get(1);
      requireSlope(multiply, multiply.inputs.get(0).equals(value) ? multiply.inputs.get(1) : multiply.inputs.get(0));
      return new Span(Activation.LEAKY_RELU, (next.get(0) == multiply ? next.get(1) : next.get(0)).outputs.get(0));
    }
    if (next.size() == 2 && siluPair(next, value)) {
      // SpreA × σ(SpreA): SiLU as PyTorch exports it, a Sigmoid and a Mul of SpreA by its output.
      return new Span(Activation.SILU, (next.get(0).operator.equals("Mul") ? next.get(0) : next.get(1)).outputs.get(0));
    }
    if (next.size() == 3) {
      String after = seluWhere(next, value);
      if (after != null) {
        return new Span(Activation.SELU, after);
      }
    }
    if (next.size() == 2) {
      String after = geluErf(next, value);
      if (after != null) {
        return new Span(Activation.GELU, after);
      }
    }
    if (next.size() == 4) {
      String after = geluTanh(next, value);
      if (after != null) {
        return new Span(Activation.GELU_TANH, after);
      }
    }
    return null;
  }

  /** The activation that {@code node}, the one reader of SpreA, starts. */
  Span single(OnnxGraph.Node node) throws OnnxFileException {
    Activation activation;
    String after = node.outputs.get(0);
    switch (node.operator) {
      case "Sigmoid":
        activation = Activation.LOGISTIC;
        break;
      case "Tanh":
        activation = Activation.TANH;
        break;
      case "Relu":
        activation = Activation.RELU;
        break;
      case "Identity":
        activation = Activation.IDENTITY;
        break;
      case "Elu": {
        Number alpha = node.attributes.get("alpha");
        if (alpha != null && alpha.floatValue() != (float) Activation.ELU_ALPHA) {
          throw failure(node.label(), "expected alpha = 1, the α of Hardwired's ELU, found " + alpha.floatValue());
        }
        activation = Activation.ELU;
        break;
      }
      case "Selu": {
        // The attributes are floats: PyTorch's λ and α rounded, read as the double constants.
        Number alpha = node.attributes.get("alpha");
        Number gamma = node.attributes.get("gamma");
        if (alpha != null && alpha.floatValue() != (float) Activation.SELU_ALPHA
            || gamma != null && gamma.floatValue() != (float) Activation.SELU_SCALE) {
          throw failure(node.label(), "expected SELU's alpha = " + (float) Activation.SELU_ALPHA + " and gamma = "
              + (float) Activation.SELU_SCALE + " (PyTorch's), found alpha = "
              + (alpha == null ? "the default" : alpha.floatValue()) + " and gamma = "
              + (gamma == null ? "the default" : gamma.floatValue()));
        }
        activation = Activation.SELU;
        break;
      }
      case "Softplus":
        activation = Activation.SOFTPLUS;
        break;
      case "LeakyRelu": {
        Number alpha = node.attributes.get("alpha");
        float slope = alpha == null ? 0.01f : alpha.floatValue();
        if (slope != (float) Activation.LEAKY_RELU_SLOPE) {
          throw failure(node.label(), "expected alpha = 0.01, the slope of Hardwired's leaky ReLU, found " + slope);
        }
        activation = Activation.LEAKY_RELU;
        break;
      }
      case "PRelu":
        requireSlope(node, node.inputs.size() == 2 ? node.inputs.get(1) : "");
        activation = Activation.LEAKY_RELU;
        break;
      case "Softmax": {
        long axis = OnnxReader.longAttribute(node, "axis", -1);
        if (axis != 1 && axis != -1) {
          throw failure(node.label(), "expected softmax over axis 1 (each row), found axis " + axis);
        }
        activation = Activation.SOFTMAX;
        break;
      }
      case "Greater": {
        // SpostA = 1 where SpreA > 0, else 0, cast to the model's type: the step of the perceptron.
        double[] zero = node.inputs.size() == 2 ? scalar(node, node.inputs.get(1)) : null;
        List<OnnxGraph.Node> next = readers.getOrDefault(after, new ArrayList<>());
        if (zero == null || zero[0] != 0.0 || next.size() != 1 || !next.get(0).operator.equals("Cast")
            || next.get(0).outputs.isEmpty()) {
          throw failure(node.label(), "expected Greater than a zero constant, then a Cast: the step activation");
        }
        activation = Activation.STEP;
        after = next.get(0).outputs.get(0);
        break;
      }
      default:
        throw failure(node.label(), "expected an activation (Sigmoid, Tanh, Relu, LeakyRelu, Identity, Elu, Selu, "
            + "Softplus, Softmax; SiLU as Sigmoid and Mul; the GELUs as PyTorch writes them) or a "
            + "Gemm or MatMul, found " + node.operator + ": not part of a fully connected network Hardwired can load");
    }
    return new Span(activation, after);
  }

  /** Whether the two readers of {@code value} are Mul by a constant and Max of the value and the product. */
  private static boolean leakyPair(List<OnnxGraph.Node> next, String value) {
    OnnxGraph.Node a = next.get(0);
    OnnxGraph.Node b = next.get(1);
    OnnxGraph.Node multiply = a.operator.equals("Mul") ? a : b;
    OnnxGraph.Node max = multiply == a ? b : a;
    return multiply.operator.equals("Mul") && max.operator.equals("Max") && max.inputs.size() == 2
        && max.inputs.contains(value) && max.inputs.contains(multiply.outputs.get(0)) && multiply.inputs.size() == 2;
  }

  /** Whether the two readers of {@code value} are a Sigmoid and a Mul of the value by the Sigmoid's output. */
  private static boolean siluPair(List<OnnxGraph.Node> next, String value) {
    OnnxGraph.Node a = next.get(0);
    OnnxGraph.Node b = next.get(1);
    OnnxGraph.Node sigmoid = a.operator.equals("Sigmoid") ? a : b;
    OnnxGraph.Node multiply = sigmoid == a ? b : a;
    return sigmoid.operator.equals("Sigmoid") && multiply.operator.equals("Mul") && multiply.inputs.size() == 2
        && multiply.inputs.contains(value) && multiply.inputs.contains(sigmoid.outputs.get(0));
  }

  /**
   * The value after SELU as OnnxWriter writes it for double networks, where(SpreA > 0, λ × SpreA, λα ×
   * (e^SpreA − 1)) with double constants, when the three readers of {@code value} start it; else null.
   */
  private String seluWhere(List<OnnxGraph.Node> next, String value) throws OnnxFileException {
    OnnxGraph.Node greater = null;
    OnnxGraph.Node scale = null;
    OnnxGraph.Node exp = null;
    for (OnnxGraph.Node node : next) {
      if (node.operator.equals("Greater") && node.inputs.size() == 2 && node.inputs.get(0).equals(value)) {
        greater = node;
      } else if (node.operator.equals("Mul") && node.inputs.size() == 2) {
        scale = node;
      } else if (node.operator.equals("Exp")) {
        exp = node;
      }
    }
    if (greater == null || scale == null || exp == null) {
      return null;
    }
    OnnxGraph.Node sub = only(exp);
    OnnxGraph.Node negative = sub == null || !sub.operator.equals("Sub") || sub.inputs.size() != 2 ? null : only(sub);
    OnnxGraph.Node where = negative == null || !negative.operator.equals("Mul") || negative.inputs.size() != 2
        ? null : only(negative);
    if (where == null || !where.operator.equals("Where") || where.inputs.size() != 3
        || !where.inputs.get(0).equals(greater.outputs.get(0)) || !where.inputs.get(1).equals(scale.outputs.get(0))
        || !where.inputs.get(2).equals(negative.outputs.get(0)) || where.outputs.isEmpty()) {
      return null;
    }
    requireConstant(greater, greater.inputs.get(1), 0.0, "zero");
    requireConstant(sub, sub.inputs.get(1), 1.0, "one");
    requireConstant(scale, other(scale, value), Activation.SELU_SCALE, "SELU's λ");
    requireConstant(negative, other(negative, sub.outputs.get(0)), Activation.SELU_SCALE * Activation.SELU_ALPHA,
        "SELU's λα");
    return where.outputs.get(0);
  }

  /**
   * The value after GELU as PyTorch writes it, ½ (SpreA (erf(SpreA / √2) + 1)): Div by √2, Erf, Add 1, Mul by
   * SpreA, Mul by 0.5, the two Muls and the Add in either order of their operands; null when the two readers
   * of {@code value} do not start that chain.
   */
  private String geluErf(List<OnnxGraph.Node> next, String value) throws OnnxFileException {
    OnnxGraph.Node div = next.get(0).operator.equals("Div") ? next.get(0) : next.get(1);
    if (!div.operator.equals("Div") || div.inputs.size() != 2 || !div.inputs.get(0).equals(value)) {
      return null;
    }
    OnnxGraph.Node erf = only(div);
    if (erf == null || !erf.operator.equals("Erf") || erf.inputs.size() != 1) {
      return null;
    }
    GeluEnd end = geluEnd(erf, next, value);
    if (end == null) {
      return null;
    }
    requireConstant(div, div.inputs.get(1), Math.sqrt(2.0), "√2");
    return end.checked();
  }

  /**
   * The value after the tanh GELU as PyTorch writes it, ½ (SpreA (1 + tanh(√(2/π) (SpreA + 0.044715 (SpreA
   * (SpreA SpreA)))))): Mul (SpreA²), Mul (SpreA³), Mul by 0.044715, Add SpreA, Mul by √(2/π), Tanh, Add 1,
   * Mul by SpreA, Mul by 0.5, every Mul and Add in either order of its operands; null when the four readers
   * of {@code value} do not start that chain.
   */
  private String geluTanh(List<OnnxGraph.Node> next, String value) throws OnnxFileException {
    OnnxGraph.Node square = null;
    for (OnnxGraph.Node node : next) {
      if (operands(node, "Mul", value, value)) {
        square = node;
      }
    }
    OnnxGraph.Node cube = square == null ? null : only(square);
    if (cube == null || !next.contains(cube) || !operands(cube, "Mul", value, square.outputs.get(0))) {
      return null;
    }
    OnnxGraph.Node cubic = only(cube);
    String cubicFactor = operand(cubic, "Mul", cube);
    OnnxGraph.Node sum = cubicFactor == null ? null : only(cubic);
    if (sum == null || !next.contains(sum) || !operands(sum, "Add", value, cubic.outputs.get(0))) {
      return null;
    }
    OnnxGraph.Node scale = only(sum);
    String scaleFactor = operand(scale, "Mul", sum);
    OnnxGraph.Node tanh = scaleFactor == null ? null : only(scale);
    if (tanh == null || !tanh.operator.equals("Tanh") || tanh.inputs.size() != 1) {
      return null;
    }
    GeluEnd end = geluEnd(tanh, next, value);
    if (end == null) {
      return null;
    }
    requireConstant(cubic, cubicFactor, Activation.GELU_TANH_CUBIC, "the tanh GELU's cubic coefficient");
    requireConstant(scale, scaleFactor, Activation.GELU_TANH_SCALE, "√(2/π)");
    return end.checked();
  }

  /** The end both GELU chains share, ½ (SpreA (1 + t)), with the constants it reads. */
  private final class GeluEnd {
    private final OnnxGraph.Node addOne;
    private final String one;
    private final OnnxGraph.Node half;
    private final String factor;

    GeluEnd(OnnxGraph.Node addOne, String one, OnnxGraph.Node half, String factor) {
      this.addOne = addOne;
      this.one = one;
      this.half = half;
      this.factor = factor;
    }

    /** The value after GELU, once the end's constants are 1 and 0.5 exactly. */
    String checked() throws OnnxFileException {
      requireConstant(addOne, one, 1.0, "one");
      requireConstant(half, factor, 0.5, "one half");
      return half.outputs.get(0);
    }
  }

  /**
   * The end of a GELU chain after {@code inner}, the node that makes t (Erf or Tanh): Add 1, Mul by SpreA
   * (one of the readers {@code next} of {@code value}), Mul by 0.5, each in either order of its operands;
   * null when it does not follow.
   */
  private GeluEnd geluEnd(OnnxGraph.Node inner, List<OnnxGraph.Node> next, String value) {
    OnnxGraph.Node addOne = only(inner);
    String one = operand(addOne, "Add", inner);
    OnnxGraph.Node timesValue = one == null ? null : only(addOne);
    if (timesValue == null || !next.contains(timesValue) || !operands(timesValue, "Mul", value, addOne.outputs.get(0))) {
      return null;
    }
    OnnxGraph.Node half = only(timesValue);
    String factor = operand(half, "Mul", timesValue);
    if (factor == null || half.outputs.isEmpty()) {
      return null;
    }
    return new GeluEnd(addOne, one, half, factor);
  }

  /** Whether {@code node} is a two-input {@code operator} of {@code a} and {@code b}, in either order. */
  private static boolean operands(OnnxGraph.Node node, String operator, String a, String b) {
    return node.operator.equals(operator) && node.inputs.size() == 2
        && (node.inputs.get(0).equals(a) && node.inputs.get(1).equals(b)
            || node.inputs.get(0).equals(b) && node.inputs.get(1).equals(a));
  }

  /**
   * The other operand of {@code node} when it is a two-input {@code operator} of {@code before}'s output and
   * something else, in either order; else null.
   */
  private static String operand(OnnxGraph.Node node, String operator, OnnxGraph.Node before) {
    if (node == null || !node.operator.equals(operator) || node.inputs.size() != 2) {
      return null;
    }
    String input = before.outputs.get(0);
    if (node.inputs.get(0).equals(input) == node.inputs.get(1).equals(input)) {
      return null;
    }
    return other(node, input);
  }

  /** The one reader of {@code node}'s output, or null. */
  private OnnxGraph.Node only(OnnxGraph.Node node) {
    if (node.outputs.isEmpty()) {
      return null;
    }
    List<OnnxGraph.Node> next = readers.getOrDefault(node.outputs.get(0), new ArrayList<>());
    return next.size() == 1 ? next.get(0) : null;
  }

  /** The input of a two-input {@code node} other than {@code value}. */
  private static String other(OnnxGraph.Node node, String value) {
    return node.inputs.get(0).equals(value) ? node.inputs.get(1) : node.inputs.get(0);
  }

  private void requireConstant(OnnxGraph.Node node, String name, double expected, String what) throws OnnxFileException {
    double[] value = scalar(node, name);
    double wanted = precisionType == OnnxGraph.DOUBLE ? expected : (float) expected;
    if (value == null || value[0] != wanted) {
      throw failure(node.label(), "expected " + what + ", " + wanted + ", found "
          + (value == null ? "'" + name + "', which is not a one-value constant" : Double.toString(value[0])));
    }
  }

  private void requireSlope(OnnxGraph.Node node, String name) throws OnnxFileException {
    double[] slope = scalar(node, name);
    double expected = precisionType == OnnxGraph.DOUBLE ? Activation.LEAKY_RELU_SLOPE : (float) Activation.LEAKY_RELU_SLOPE;
    if (slope == null || slope[0] != expected) {
      throw failure(node.label(), "expected a slope of 0.01, the slope of Hardwired's leaky ReLU, found "
          + (slope == null ? "'" + name + "', which is not a one-value constant" : Double.toString(slope[0])));
    }
  }

  /**
   * The one value of the constant {@code name}, an initializer or the {@code value} tensor of a {@code
   * Constant} node, read by {@code node}; null when it is neither or holds more than one value.
   *
   * @throws OnnxFileException when a {@code Constant} holds its value otherwise than as a {@code value} tensor
   */
  private double[] scalar(OnnxGraph.Node node, String name) throws OnnxFileException {
    OnnxGraph.Tensor tensor = graph.initializers.get(name);
    OnnxGraph.Node constant = constants.get(name);
    if (tensor == null && constant != null) {
      tensor = constant.tensors.get("value");
      if (tensor == null || constant.attributeNames.size() != 1) {
        throw failure(constant.label(), "expected the Constant '" + name + "' to hold its value as a tensor in its one"
            + " attribute 'value', found the attributes " + constant.attributeNames);
      }
    }
    if (tensor == null) {
      return null;
    }
    double[] values = tensor.values(source, node.label(), name, precisionType);
    return values.length == 1 ? values : null;
  }

  private OnnxFileException failure(String node, String detail) {
    return new OnnxFileException(source, node, detail);
  }
}
