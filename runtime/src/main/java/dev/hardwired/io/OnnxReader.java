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
 * names). Anything else is an {@link OnnxFileException} naming the first node that does not fit. This class
 * walks the layers and reads their parameters; {@link OnnxActivations} recognises each activation's nodes.
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
    // The nodes that read each value, each once: a Mul of a value by itself (x · x) is one reader.
    Map<String, List<OnnxGraph.Node>> readers = new HashMap<>();
    for (OnnxGraph.Node node : graph.nodes) {
      for (String name : node.inputs) {
        List<OnnxGraph.Node> list = readers.computeIfAbsent(name, k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != node) {
          list.add(node);
        }
      }
    }
    OnnxActivations recogniser = new OnnxActivations(source, graph, precisionType, readers);
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
      if (next.size() > 1 && open) {
        OnnxActivations.Span span = recogniser.spanning(next, value);
        if (span != null) {
          activations.set(layer, span.activation);
          value = span.after;
          continue;
        }
      }
      if (next.size() > 1) {
        throw failure(next.get(1).label(), "'" + value + "' is read by " + next.size() + " nodes; in a fully "
            + "connected network each value goes on to one node"
            + (open ? ", except a pre-activation into the nodes of one activation written out (the leaky ReLU, SiLU,"
                + " SELU and the GELUs, as PyTorch or Onnx.save write them), which these nodes are not" : ""));
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
          OnnxActivations.Span span = recogniser.single(node);
          activations.set(layer, span.activation);
          value = span.after;
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

  static long longAttribute(OnnxGraph.Node node, String name, long otherwise) {
    Number value = node.attributes.get(name);
    return value == null ? otherwise : value.longValue();
  }

  private OnnxFileException failure(String node, String detail) {
    return new OnnxFileException(source, node, detail);
  }
}
