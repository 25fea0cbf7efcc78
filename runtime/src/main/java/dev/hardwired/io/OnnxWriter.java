package dev.hardwired.io;

import dev.hardwired.Activation;
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.IntToDoubleFunction;

/**
 * Writes a network as an ONNX model: one Gemm per layer (SpreA = SpostA of the layer before × weightsᵀ +
 * biases, a row per sample) and its activation (SpostA = fA(SpreA)), with the parameters as initializers in
 * the network's precision. See docs/interop.md.
 */
final class OnnxWriter {
  /** The ONNX IR version written: 7, that of opset 13. */
  static final long IR_VERSION = 7;
  /** The version of the default operator set the nodes are taken from. */
  static final long OPSET = 13;
  /** The names of the graph's input and output, each a tensor of one row per sample. */
  static final String INPUT = "input";
  static final String OUTPUT = "output";
  /** The name of the first dimension of the input and output: the number of rows, free. */
  static final String ROWS = "batch";

  // TensorProto.DataType values.
  private static final int FLOAT = 1;
  private static final int DOUBLE = 11;
  // AttributeProto.AttributeType values.
  private static final int ATTRIBUTE_FLOAT = 1;
  private static final int ATTRIBUTE_INT = 2;

  private final Snapshot snapshot;
  private final Topology topology;
  private final int elementType;
  private final Protobuf graph = new Protobuf();

  private OnnxWriter(Snapshot snapshot) {
    this.snapshot = snapshot;
    this.topology = snapshot.topology;
    this.elementType = snapshot.precision == Precision.DOUBLE ? DOUBLE : FLOAT;
  }

  /** The encoded ModelProto of {@code snapshot}, its graph named {@code name}. */
  static byte[] model(Snapshot snapshot, String name) {
    return new OnnxWriter(snapshot).model(name);
  }

  private byte[] model(String name) {
    int layers = topology.layerCount();
    // Nodes first, then initializers, then the input and output: the order of GraphProto's fields.
    for (int l = 1; l <= layers; l++) {
      String from = l == 1 ? INPUT : layerName(l - 1) + ".SpostA";
      String spreA = layerName(l) + ".SpreA";
      graph.message(1, node(layerName(l) + ".Gemm", "Gemm",
          "SpreA," + layerName(l) + " = " + (l == 1 ? "input" : "SpostA," + layerName(l - 1)) + " · "
              + weightsName(l) + "ᵀ + biases, a row per sample",
          new String[] {from, weightsName(l) + ".weights", layerName(l) + ".biases"}, spreA)
          .message(5, intAttribute("transB", 1)));
      activation(l, spreA, l == layers ? OUTPUT : layerName(l) + ".SpostA");
    }
    for (int l = 1; l <= layers; l++) {
      graph.message(5, tensor(weightsName(l) + ".weights", topology.weightOffset(l),
          new long[] {topology.size(l), topology.size(l - 1)}));
      graph.message(5, tensor(layerName(l) + ".biases", topology.biasOffset(l), new long[] {topology.size(l)}));
    }
    constants();
    graph.string(2, name)
        .string(10, name + ": " + topology + ", " + snapshot.precision.displayName())
        .message(11, valueInfo(INPUT, topology.inputs()))
        .message(12, valueInfo(OUTPUT, topology.outputs()));
    return new Protobuf()
        .varint(1, IR_VERSION)
        .string(2, "Hardwired")
        .string(6, name + ": " + topology + ", " + snapshot.precision.displayName() + ". Input '" + INPUT
            + "' and output '" + OUTPUT + "' hold a row per sample.")
        .message(7, graph)
        .message(8, new Protobuf().string(1, "").varint(2, OPSET))
        .message(14, entry("hardwired.topology", topology.toString()))
        .message(14, entry("hardwired.loss", topology.loss().name()))
        .message(14, entry("hardwired.precision", snapshot.precision.name()))
        .toByteArray();
  }

  /** The node or nodes of layer {@code l}'s activation, from {@code spreA} to {@code spostA}. */
  private void activation(int l, String spreA, String spostA) {
    Activation activation = topology.activation(l);
    String layer = layerName(l);
    String equation = "SpostA," + layer + " = fA(SpreA," + layer + "), fA = " + activation.displayName();
    switch (activation) {
      case LOGISTIC:
        graph.message(1, node(layer + ".Sigmoid", "Sigmoid", equation, new String[] {spreA}, spostA));
        break;
      case TANH:
        graph.message(1, node(layer + ".Tanh", "Tanh", equation, new String[] {spreA}, spostA));
        break;
      case RELU:
        graph.message(1, node(layer + ".Relu", "Relu", equation, new String[] {spreA}, spostA));
        break;
      case LEAKY_RELU:
        if (elementType == FLOAT) {
          graph.message(1, node(layer + ".LeakyRelu", "LeakyRelu", equation, new String[] {spreA}, spostA)
              .message(5, floatAttribute("alpha", (float) Activation.LEAKY_RELU_SLOPE)));
        } else {
          // LeakyRelu's alpha is a float attribute: 0.00999999977… for a double network, not 0.01. So
          // max(SpreA, 0.01 × SpreA), which is the leaky ReLU for a slope below 1, with a double slope.
          graph.message(1, node(layer + ".Mul", "Mul", "0.01 × SpreA," + layer,
              new String[] {spreA, "leakyReLUSlope"}, layer + ".slopeTimesSpreA"));
          graph.message(1, node(layer + ".Max", "Max", equation + ": max(SpreA, 0.01 × SpreA)",
              new String[] {spreA, layer + ".slopeTimesSpreA"}, spostA));
        }
        break;
      case IDENTITY:
        graph.message(1, node(layer + ".Identity", "Identity", equation, new String[] {spreA}, spostA));
        break;
      case ELU:
        // α = 1 is exact in a float attribute.
        graph.message(1, node(layer + ".Elu", "Elu", equation, new String[] {spreA}, spostA)
            .message(5, floatAttribute("alpha", (float) Activation.ELU_ALPHA)));
        break;
      case SELU:
        if (elementType == FLOAT) {
          graph.message(1, node(layer + ".Selu", "Selu", equation, new String[] {spreA}, spostA)
              .message(5, floatAttribute("alpha", (float) Activation.SELU_ALPHA))
              .message(5, floatAttribute("gamma", (float) Activation.SELU_SCALE)));
        } else {
          // Selu's alpha and gamma are float attributes: λ and α rounded to float, 3 × 10⁻⁸ off. So
          // where(SpreA > 0, λ × SpreA, λα × (e^SpreA − 1)), with double λ and λα.
          graph.message(1, node(layer + ".Greater", "Greater", "SpreA," + layer + " > 0",
              new String[] {spreA, "zero"}, layer + ".positive"));
          graph.message(1, node(layer + ".Mul", "Mul", "λ × SpreA," + layer,
              new String[] {spreA, "seluScale"}, layer + ".scaled"));
          graph.message(1, node(layer + ".Exp", "Exp", "e^SpreA," + layer,
              new String[] {spreA}, layer + ".exp"));
          graph.message(1, node(layer + ".Sub", "Sub", "e^SpreA," + layer + " − 1",
              new String[] {layer + ".exp", "one"}, layer + ".expm1"));
          graph.message(1, node(layer + ".MulNegative", "Mul", "λα × (e^SpreA," + layer + " − 1)",
              new String[] {layer + ".expm1", "seluScaleAlpha"}, layer + ".negative"));
          graph.message(1, node(layer + ".Where", "Where", equation + ": λ SpreA where SpreA > 0, else λα (e^SpreA − 1)",
              new String[] {layer + ".positive", layer + ".scaled", layer + ".negative"}, spostA));
        }
        break;
      case SOFTPLUS:
        graph.message(1, node(layer + ".Softplus", "Softplus", equation, new String[] {spreA}, spostA));
        break;
      case SILU:
        // SpreA × σ(SpreA), as PyTorch exports SiLU.
        graph.message(1, node(layer + ".Sigmoid", "Sigmoid", "σ(SpreA," + layer + ")",
            new String[] {spreA}, layer + ".sigmoid"));
        graph.message(1, node(layer + ".Mul", "Mul", equation + ": SpreA × σ(SpreA)",
            new String[] {spreA, layer + ".sigmoid"}, spostA));
        break;
      case SOFTMAX:
        graph.message(1, node(layer + ".Softmax", "Softmax", equation, new String[] {spreA}, spostA)
            .message(5, intAttribute("axis", 1)));
        break;
      case GELU:
        // ½ (SpreA (erf(SpreA / √2) + 1)), node for node and operand for operand as PyTorch 1.13 writes
        // nn.GELU() at opset 13, so that the graph reads as users know it (and ONNX Runtime fuses it in float).
        graph.message(1, node(layer + ".Div", "Div", "SpreA," + layer + " / √2",
            new String[] {spreA, "sqrt2"}, layer + ".erfArgument"));
        graph.message(1, node(layer + ".Erf", "Erf", "erf(SpreA," + layer + " / √2)",
            new String[] {layer + ".erfArgument"}, layer + ".erf"));
        graph.message(1, node(layer + ".Add", "Add", "erf(SpreA," + layer + " / √2) + 1",
            new String[] {layer + ".erf", "one"}, layer + ".erfPlusOne"));
        graph.message(1, node(layer + ".Mul", "Mul", "SpreA," + layer + " (erf(SpreA / √2) + 1)",
            new String[] {spreA, layer + ".erfPlusOne"}, layer + ".timesSpreA"));
        graph.message(1, node(layer + ".MulHalf", "Mul", equation + ": ½ SpreA (1 + erf(SpreA / √2))",
            new String[] {layer + ".timesSpreA", "half"}, spostA));
        break;
      case GELU_TANH:
        // ½ SpreA (1 + tanh(√(2/π) (SpreA + 0.044715 SpreA³))), as PyTorch 1.13 writes
        // nn.GELU(approximate="tanh") at opset 13.
        graph.message(1, node(layer + ".MulSquare", "Mul", "SpreA," + layer + "²",
            new String[] {spreA, spreA}, layer + ".square"));
        graph.message(1, node(layer + ".MulCube", "Mul", "SpreA," + layer + "³",
            new String[] {spreA, layer + ".square"}, layer + ".cube"));
        graph.message(1, node(layer + ".MulCubic", "Mul", "0.044715 SpreA," + layer + "³",
            new String[] {"geluTanhCubic", layer + ".cube"}, layer + ".cubicTerm"));
        graph.message(1, node(layer + ".Add", "Add", "SpreA," + layer + " + 0.044715 SpreA³",
            new String[] {spreA, layer + ".cubicTerm"}, layer + ".inner"));
        graph.message(1, node(layer + ".MulScale", "Mul", "√(2/π) (SpreA," + layer + " + 0.044715 SpreA³)",
            new String[] {"geluTanhScale", layer + ".inner"}, layer + ".tanhArgument"));
        graph.message(1, node(layer + ".Tanh", "Tanh", "tanh(√(2/π) (SpreA," + layer + " + 0.044715 SpreA³))",
            new String[] {layer + ".tanhArgument"}, layer + ".tanh"));
        graph.message(1, node(layer + ".AddOne", "Add", "1 + tanh(…)",
            new String[] {"one", layer + ".tanh"}, layer + ".onePlusTanh"));
        graph.message(1, node(layer + ".Mul", "Mul", "SpreA," + layer + " (1 + tanh(…))",
            new String[] {spreA, layer + ".onePlusTanh"}, layer + ".timesSpreA"));
        graph.message(1, node(layer + ".MulHalf", "Mul", equation + ": ½ SpreA (1 + tanh(√(2/π) (SpreA + 0.044715 SpreA³)))",
            new String[] {"half", layer + ".timesSpreA"}, spostA));
        break;
      case STEP:
        graph.message(1, node(layer + ".Greater", "Greater", "SpreA," + layer + " > 0",
            new String[] {spreA, "zero"}, layer + ".fires"));
        graph.message(1, node(layer + ".Cast", "Cast", equation + ": 1 where SpreA > 0, else 0",
            new String[] {layer + ".fires"}, spostA).message(5, intAttribute("to", elementType)));
        break;
      default:
        throw new AssertionError(activation);
    }
  }

  /**
   * The scalar constants the activations refer to, once each, as initializers: every constant of the model
   * is then an initializer, listed by name beside the parameters, and one tensor serves every layer (where
   * PyTorch writes a Constant node per use).
   */
  private void constants() {
    boolean leaky = false;
    boolean step = false;
    boolean selu = false;
    boolean gelu = false;
    boolean geluTanh = false;
    for (int l = 1; l <= topology.layerCount(); l++) {
      leaky |= topology.activation(l) == Activation.LEAKY_RELU;
      step |= topology.activation(l) == Activation.STEP;
      selu |= topology.activation(l) == Activation.SELU && elementType == DOUBLE;
      gelu |= topology.activation(l) == Activation.GELU;
      geluTanh |= topology.activation(l) == Activation.GELU_TANH;
    }
    if (leaky && elementType == DOUBLE) {
      graph.message(5, scalar("leakyReLUSlope", Activation.LEAKY_RELU_SLOPE));
    }
    if (step || selu) {
      graph.message(5, scalar("zero", 0.0));
    }
    if (selu || gelu || geluTanh) {
      graph.message(5, scalar("one", 1.0));
    }
    if (selu) {
      graph.message(5, scalar("seluScale", Activation.SELU_SCALE));
      graph.message(5, scalar("seluScaleAlpha", Activation.SELU_SCALE * Activation.SELU_ALPHA));
    }
    if (gelu || geluTanh) {
      graph.message(5, scalar("half", 0.5));
    }
    if (gelu) {
      graph.message(5, scalar("sqrt2", Math.sqrt(2.0)));
    }
    if (geluTanh) {
      graph.message(5, scalar("geluTanhCubic", Activation.GELU_TANH_CUBIC));
      graph.message(5, scalar("geluTanhScale", Activation.GELU_TANH_SCALE));
    }
  }

  /** I, H (H1, H2, … when there are several), O: {@link Topology#layerName}. */
  private String layerName(int l) {
    return topology.layerName(l);
  }

  /** ItoH, HtoO, H1toH2, …: the weights into layer {@code l}. */
  private String weightsName(int l) {
    return layerName(l - 1) + "to" + layerName(l);
  }

  private static Protobuf node(String name, String operator, String doc, String[] inputs, String output) {
    Protobuf node = new Protobuf();
    for (String input : inputs) {
      node.string(1, input);
    }
    return node.string(2, output).string(3, name).string(4, operator).string(6, doc);
  }

  private static Protobuf floatAttribute(String name, float value) {
    return new Protobuf().string(1, name).float32(2, value).varint(20, ATTRIBUTE_FLOAT);
  }

  private static Protobuf intAttribute(String name, long value) {
    return new Protobuf().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
  }

  /** The parameters from {@code first} of the flat order, as many as {@code dims} holds, in the precision. */
  private Protobuf tensor(String name, int first, long[] dims) {
    int count = 1;
    for (long dim : dims) {
      count *= (int) dim;
    }
    return tensor(name, dims, count, k -> elementType == DOUBLE ? snapshot.doubles[first + k] : snapshot.floats[first + k]);
  }

  /** A one-element tensor holding {@code value} in the network's precision, as the operators broadcast it. */
  private Protobuf scalar(String name, double value) {
    return tensor(name, new long[] {1}, 1, k -> value);
  }

  /** A TensorProto of {@code count} values, little-endian in {@code raw_data}; a float tensor rounds each. */
  private Protobuf tensor(String name, long[] dims, int count, IntToDoubleFunction value) {
    ByteBuffer raw = ByteBuffer.allocate(count * (elementType == DOUBLE ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
    for (int k = 0; k < count; k++) {
      if (elementType == DOUBLE) {
        raw.putDouble(value.applyAsDouble(k));
      } else {
        raw.putFloat((float) value.applyAsDouble(k));
      }
    }
    Protobuf tensor = new Protobuf();
    for (long dim : dims) {
      tensor.varint(1, dim);
    }
    return tensor.varint(2, elementType).string(8, name).bytes(9, raw.array());
  }

  /** A tensor of {@code width} columns and {@link #ROWS} rows. */
  private Protobuf valueInfo(String name, int width) {
    Protobuf shape = new Protobuf()
        .message(1, new Protobuf().string(2, ROWS))
        .message(1, new Protobuf().varint(1, width));
    Protobuf tensorType = new Protobuf().varint(1, elementType).message(2, shape);
    return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
  }

  private static Protobuf entry(String key, String value) {
    return new Protobuf().string(1, key).string(2, value);
  }
}
