package dev.hardwired.io;

import dev.hardwired.Activation;
import dev.hardwired.Precision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ONNX model as a fully connected network: from the graph's input to its output, each layer a
 * {@code Gemm} (or a {@code MatMul} and an {@code Add}) and at most one activation. What {@link OnnxWriter}
 * writes reads back, and so does what {@code torch.onnx.export} writes for a {@code Sequential} of {@code
 * Linear} layers and activations, what skl2onnx writes for scikit-learn's MLPs, and what tf2onnx writes for a
 * Keras {@code Sequential} of {@code Dense} layers (names such as {@code sequential/dense/MatMul:0} are only
 * names). Anything else is an {@link OnnxFileException} naming the first node that does not fit.
 */
final class OnnxReader {
  /** The operators of what may follow the network's output: see {@link #postProcessing}. */
  private static final java.util.Set<String> POST_PROCESSING = new java.util.HashSet<>(Arrays.asList(
      "ArgMax", "ArrayFeatureExtractor", "Reshape", "Cast", "ZipMap", "Sub", "Concat", "Binarizer"));

  private final String source;
  private final OnnxGraph graph;
  private int precisionType;

  private OnnxReader(String source, OnnxGraph graph) {
    this.source = source;
    this.graph = graph;
  }

  static OnnxModel read(byte[] model, String source) throws OnnxFileException {
    return new OnnxReader(source, OnnxGraph.decode(model, source)).layers();
  }

  private OnnxModel layers() throws OnnxFileException {
    List<String> inputs = new ArrayList<>();
    for (String name : graph.inputTypes.keySet()) {
      if (!graph.initializers.containsKey(name)) {
        inputs.add(name);
      }
    }
    if (inputs.size() != 1) {
      throw failure("", "expected one input, found " + inputs.size() + (inputs.isEmpty() ? "" : ": " + inputs));
    }
    if (graph.outputs.isEmpty()) {
      throw failure("", "expected an output, found none");
    }
    String input = inputs.get(0);
    precisionType = graph.inputTypes.get(input);
    if (precisionType != OnnxGraph.FLOAT && precisionType != OnnxGraph.DOUBLE) {
      throw failure("", "the input '" + input + "' is of " + OnnxGraph.typeName(precisionType) + "; expected float or double");
    }
    Map<String, List<OnnxGraph.Node>> readers = new HashMap<>();
    for (OnnxGraph.Node node : graph.nodes) {
      for (String name : node.inputs) {
        readers.computeIfAbsent(name, k -> new ArrayList<>()).add(node);
      }
    }
    List<Integer> sizes = new ArrayList<>();
    List<Activation> activations = new ArrayList<>();
    List<String> starts = new ArrayList<>();
    List<double[]> parameters = new ArrayList<>();
    activations.add(null);
    starts.add("");
    int width = -1;
    String value = input;
    for (int steps = 0; ; steps++) {
      if (steps > graph.nodes.size()) {
        throw failure("", "'" + value + "' is reached again: the graph has a cycle, which no network has");
      }
      List<OnnxGraph.Node> next = readers.getOrDefault(value, new ArrayList<>());
      int layer = sizes.size() - 1;
      boolean open = layer >= 1 && activations.get(layer) == null;
      // The network ends at a graph output, or where only post-processing reads on (scikit-learn's labels).
      if (layer >= 1 && (graph.outputs.contains(value) || (!next.isEmpty() && postProcessing(next)))) {
        break;
      }
      if (next.isEmpty()) {
        throw failure("", "nothing reads '" + value + "', and it is not an output of the model " + graph.outputs);
      }
      OnnxGraph.Node node = next.get(0);
      for (OnnxGraph.Node reader : next) {
        if (reader.outputs.isEmpty()) {
          throw failure(reader.label(), "expected " + reader.operator + " to have an output, found none");
        }
        if (!reader.domain.isEmpty() && !reader.domain.equals("ai.onnx")) {
          throw failure(reader.label(), "expected an operator of the default ONNX domain, found " + reader.operator
              + " of " + reader.domain);
        }
      }
      if (next.size() == 1 && layer < 1 && node.operator.equals("Cast")
          && longAttribute(node, "to", -1) == precisionType) {
        value = node.outputs.get(0); // scikit-learn's cast of the input to its own type
        continue;
      }
      if (next.size() == 1 && layer >= 1 && !open && node.operator.equals("Identity")) {
        value = node.outputs.get(0); // a new name for the layer's output, such as scikit-learn's probabilities
        continue;
      }
      if (next.size() == 2 && open && leakyPair(next, value)) {
        // max(SpreA, 0.01 × SpreA): the leaky ReLU as OnnxWriter writes it for double networks.
        OnnxGraph.Node multiply = next.get(0).operator.equals("Mul") ? next.get(0) : next.get(1);
        requireSlope(multiply, multiply.inputs.get(0).equals(value) ? multiply.inputs.get(1) : multiply.inputs.get(0));
        activations.set(layer, Activation.LEAKY_RELU);
        value = (next.get(0) == multiply ? next.get(1) : next.get(0)).outputs.get(0);
        continue;
      }
      if (next.size() == 2 && open && siluPair(next, value)) {
        // SpreA × σ(SpreA): SiLU as PyTorch exports it, a Sigmoid and a Mul of SpreA by its output.
        activations.set(layer, Activation.SILU);
        value = (next.get(0).operator.equals("Mul") ? next.get(0) : next.get(1)).outputs.get(0);
        continue;
      }
      if (next.size() == 3 && open) {
        String after = seluWhere(next, value, readers);
        if (after != null) {
          activations.set(layer, Activation.SELU);
          value = after;
          continue;
        }
      }
      if (next.size() > 1) {
        throw failure(next.get(1).label(), "'" + value + "' is read by " + next.size() + " nodes; in a fully "
            + "connected network each value goes on to one node");
      }
      switch (node.operator) {
        case "Gemm":
        case "MatMul": {
          if (node.inputs.size() < 2) {
            throw failure(node.label(), "expected the weights as the second input of " + node.operator + ", found none");
          }
          if (!node.inputs.get(0).equals(value)) {
            throw failure(node.label(), "expected '" + value + "' as the first input, found it as another");
          }
          if (width == -1) {
            long[] dims = dims(node, node.inputs.get(1));
            if (dims.length != 2) {
              throw failure(node.label(), "expected weights '" + node.inputs.get(1) + "' of 2 dimensions, found "
                  + dims.length);
            }
            width = (int) (node.operator.equals("Gemm") && longAttribute(node, "transB", 0) == 1 ? dims[1] : dims[0]);
            sizes.add(width);
          }
          if (layer >= 1 && activations.get(layer) == null) {
            activations.set(layer, Activation.IDENTITY);
          }
          double[][] weightsAndBiases = new double[2][];
          value = linear(node, width, readers, weightsAndBiases);
          width = weightsAndBiases[1].length;
          sizes.add(width);
          activations.add(null);
          starts.add(node.label());
          parameters.add(weightsAndBiases[0]);
          parameters.add(weightsAndBiases[1]);
          break;
        }
        default: {
          if (!open) {
            throw failure(node.label(), layer < 1
                ? "expected a Gemm or MatMul to start the first layer, found " + node.operator
                : "expected a Gemm or MatMul to start layer " + (layer + 1) + " after the activation of layer " + layer
                    + ", found " + node.operator);
          }
          value = activation(node, value, readers, activations, layer);
        }
      }
    }
    int layers = sizes.size() - 1;
    if (layers < 1) {
      throw failure("", "expected at least one Gemm or MatMul layer, found none");
    }
    if (activations.get(layers) == null) {
      activations.set(layers, Activation.IDENTITY);
    }
    int[] shape = new int[sizes.size()];
    for (int l = 0; l < shape.length; l++) {
      shape[l] = sizes.get(l);
    }
    int count = 0;
    for (double[] array : parameters) {
      count += array.length;
    }
    double[] values = new double[count];
    int at = 0;
    for (double[] array : parameters) {
      System.arraycopy(array, 0, values, at, array.length);
      at += array.length;
    }
    return new OnnxModel(source, precisionType == OnnxGraph.DOUBLE ? Precision.DOUBLE : Precision.FLOAT, shape,
        activations.toArray(new Activation[0]), starts.toArray(new String[0]), values);
  }

  /**
   * The weights (in the flat order: into node j from node i at j × fanIn + i) and biases of the layer that
   * {@code node} starts, into {@code weightsAndBiases}: the value after it.
   */
  private String linear(OnnxGraph.Node node, int fanIn, Map<String, List<OnnxGraph.Node>> readers, double[][] weightsAndBiases)
      throws OnnxFileException {
    long[] dims = dims(node, node.inputs.get(1));
    boolean gemm = node.operator.equals("Gemm");
    if (gemm) {
      if (longAttribute(node, "transA", 0) != 0) {
        throw failure(node.label(), "expected transA = 0, found " + longAttribute(node, "transA", 0));
      }
      for (String scale : new String[] {"alpha", "beta"}) {
        Number factor = node.attributes.get(scale);
        if (factor != null && factor.floatValue() != 1.0f) {
          throw failure(node.label(), "expected " + scale + " = 1, found " + factor);
        }
      }
    }
    boolean transposed = gemm && longAttribute(node, "transB", 0) == 1;
    if (dims.length != 2) {
      throw failure(node.label(), "expected weights '" + node.inputs.get(1) + "' of 2 dimensions, found " + dims.length);
    }
    int rows = (int) dims[0];
    int columns = (int) dims[1];
    int size = transposed ? rows : columns;
    int from = transposed ? columns : rows;
    if (from != fanIn) {
      throw failure(node.label(), "expected weights from " + fanIn + " values (the layer before), found "
          + Arrays.toString(dims) + (transposed ? " with transB = 1" : ""));
    }
    double[] stored = values(node, node.inputs.get(1));
    double[] weights = new double[stored.length];
    for (int j = 0; j < size; j++) {
      for (int i = 0; i < fanIn; i++) {
        weights[j * fanIn + i] = transposed ? stored[j * fanIn + i] : stored[i * size + j];
      }
    }
    double[] biases = new double[size];
    String after = node.outputs.get(0);
    if (gemm && node.inputs.size() > 2 && !node.inputs.get(2).isEmpty()) {
      biases = biases(node, node.inputs.get(2), size);
    } else if (!gemm) {
      List<OnnxGraph.Node> next = readers.getOrDefault(after, new ArrayList<>());
      if (next.size() == 1 && next.get(0).operator.equals("Add") && next.get(0).inputs.size() == 2
          && !next.get(0).outputs.isEmpty()) {
        OnnxGraph.Node add = next.get(0);
        String other = add.inputs.get(0).equals(after) ? add.inputs.get(1) : add.inputs.get(0);
        biases = biases(add, other, size);
        after = add.outputs.get(0);
      }
    }
    weightsAndBiases[0] = weights;
    weightsAndBiases[1] = biases;
    return after;
  }

  private double[] biases(OnnxGraph.Node node, String name, int size) throws OnnxFileException {
    long[] dims = dims(node, name);
    long count = 1;
    for (long dim : dims) {
      count *= dim;
    }
    if (count != size || dims.length > 2 || (dims.length == 2 && dims[0] != 1)) {
      throw failure(node.label(), "expected " + size + " biases, found '" + name + "' of shape " + Arrays.toString(dims));
    }
    return values(node, name);
  }

  /** The activation that {@code node} starts: the value after it. */
  private String activation(OnnxGraph.Node node, String value, Map<String, List<OnnxGraph.Node>> readers, List<Activation> activations, int layer)
      throws OnnxFileException {
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
        long axis = longAttribute(node, "axis", -1);
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
            + "Softplus, Softmax; SiLU as Sigmoid and Mul) or a "
            + "Gemm or MatMul, found " + node.operator + ": not part of a fully connected network Hardwired can load");
    }
    activations.set(layer, activation);
    return after;
  }

  /**
   * Whether every node in {@code next} turns a network's output into something else: scikit-learn's labels
   * (ArgMax, ArrayFeatureExtractor, Reshape, Cast), its probabilities as maps (ZipMap), the two columns of a
   * binary classifier (Sub, Concat), a multilabel threshold (Binarizer), or the regressor's Reshape.
   */
  private static boolean postProcessing(List<OnnxGraph.Node> next) {
    for (OnnxGraph.Node node : next) {
      if (!POST_PROCESSING.contains(node.operator)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the two readers of {@code value} are Mul by a constant and Max of the value and the product. */
  private boolean leakyPair(List<OnnxGraph.Node> next, String value) {
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
  private String seluWhere(List<OnnxGraph.Node> next, String value, Map<String, List<OnnxGraph.Node>> readers)
      throws OnnxFileException {
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
    OnnxGraph.Node sub = only(readers, exp);
    OnnxGraph.Node negative = sub == null || !sub.operator.equals("Sub") || sub.inputs.size() != 2 ? null : only(readers, sub);
    OnnxGraph.Node where = negative == null || !negative.operator.equals("Mul") || negative.inputs.size() != 2
        ? null : only(readers, negative);
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

  /** The one reader of {@code node}'s output, or null. */
  private static OnnxGraph.Node only(Map<String, List<OnnxGraph.Node>> readers, OnnxGraph.Node node) {
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

  /** The one value of the constant {@code name}, or null when it is not a one-value initializer. */
  private double[] scalar(OnnxGraph.Node node, String name) throws OnnxFileException {
    OnnxGraph.Tensor tensor = graph.initializers.get(name);
    if (tensor == null) {
      return null;
    }
    double[] values = values(node, name);
    return values.length == 1 ? values : null;
  }

  private long[] dims(OnnxGraph.Node node, String name) throws OnnxFileException {
    OnnxGraph.Tensor tensor = graph.initializers.get(name);
    if (tensor == null) {
      throw failure(node.label(), "expected '" + name + "' to be a constant (an initializer), found a computed value");
    }
    return tensor.dims;
  }

  /** The values of the initializer {@code name}, widened to double, after every check of the tensor. */
  private double[] values(OnnxGraph.Node node, String name) throws OnnxFileException {
    OnnxGraph.Tensor tensor = graph.initializers.get(name);
    if (tensor == null) {
      throw failure(node.label(), "expected '" + name + "' to be a constant (an initializer), found a computed value");
    }
    return tensor.values(source, node.label(), name, precisionType);
  }

  private static long longAttribute(OnnxGraph.Node node, String name, long otherwise) {
    Number value = node.attributes.get(name);
    return value == null ? otherwise : value.longValue();
  }

  private OnnxFileException failure(String node, String detail) {
    return new OnnxFileException(source, node, detail);
  }
}
