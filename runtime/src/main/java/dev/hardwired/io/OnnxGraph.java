package dev.hardwired.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX model that a fully connected network is made of, decoded from its protobuf bytes: the
 * graph's nodes in order, its initializers by name, its inputs with their element types, its outputs.
 * Everything else in the model is stepped over.
 */
final class OnnxGraph {
  /** TensorProto.DataType values. */
  static final int FLOAT = 1;

  static final int DOUBLE = 11;

  /** TensorProto's data_location for values kept in another file. */
  private static final int EXTERNAL = 1;

  static final class Node {
    String name = "";
    String operator = "";
    String domain = "";
    final List<String> inputs = new ArrayList<>();
    final List<String> outputs = new ArrayList<>();
    final Map<String, Number> attributes = new HashMap<>();
    /** The TENSOR attributes, such as a {@code Constant}'s {@code value}. */
    final Map<String, Tensor> tensors = new HashMap<>();
    /** The names of all its attributes, of every type, in order. */
    final List<String> attributeNames = new ArrayList<>();

    String label() {
      return name.isEmpty() ? operator : name;
    }
  }

  static final class Tensor {
    String name = "";
    long[] dims = new long[0];
    int type;
    byte[] raw;
    float[] floats;
    double[] doubles;
    boolean external;

    /**
     * Its values, widened to double, after every check: inside the model, of {@code expectedType}, a shape
     * that fits in an array, and data of that shape (checked before anything of that size is allocated), all
     * finite.
     *
     * @param node the node that reads it, for the message
     * @param name its name
     */
    double[] values(String source, String node, String name, int expectedType) throws OnnxFileException {
      if (external) {
        throw new OnnxFileException(source, node, "'" + name + "' keeps its values in an external file; expected"
            + " them inside the model (in PyTorch, export without external data; in onnx, save without"
            + " save_as_external_data)");
      }
      if (type != expectedType) {
        throw new OnnxFileException(source, node, "'" + name + "' is of " + typeName(type) + "; expected "
            + typeName(expectedType) + ", the type of the model's input");
      }
      long count = 1;
      for (long dim : dims) {
        if (dim < 0) {
          throw new OnnxFileException(
              source, node, "'" + name + "' has a negative dimension: " + Arrays.toString(dims));
        }
        count *= dim;
        if (count > Integer.MAX_VALUE) {
          throw new OnnxFileException(
              source, node, "'" + name + "' has " + count + " values or more; expected fewer than 2³¹");
        }
      }
      // The data present is checked against the shape before anything the size of the shape is allocated.
      int width = type == DOUBLE ? 8 : 4;
      int found = raw != null
          ? raw.length / width
          : type == DOUBLE
              ? (doubles == null ? 0 : doubles.length)
              : (floats == null ? 0 : floats.length);
      if (raw != null && raw.length != count * width) {
        throw new OnnxFileException(source, node, "'" + name + "' holds " + raw.length + " bytes; expected "
            + count * width + " for its shape " + Arrays.toString(dims));
      }
      if (found != count) {
        throw new OnnxFileException(source, node, "'" + name + "' holds " + found + " values; expected " + count
            + " for its shape " + Arrays.toString(dims));
      }
      double[] values = new double[found];
      if (raw != null) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < values.length; k++) {
          values[k] = width == 8 ? bytes.getDouble() : bytes.getFloat();
        }
      } else {
        for (int k = 0; k < values.length; k++) {
          values[k] = type == DOUBLE ? doubles[k] : floats[k];
        }
      }
      for (int k = 0; k < values.length; k++) {
        if (!Double.isFinite(values[k])) {
          throw new OnnxFileException(
              source, node, "'" + name + "' value " + k + " is " + values[k] + "; expected a finite number");
        }
      }
      return values;
    }
  }

  final List<Node> nodes = new ArrayList<>();
  final Map<String, Tensor> initializers = new LinkedHashMap<>();
  final Map<String, Integer> inputTypes = new LinkedHashMap<>();
  final List<String> outputs = new ArrayList<>();

  private OnnxGraph() {}

  /**
   * The graph of the ModelProto in {@code model}.
   *
   * @throws OnnxFileException when the data is not a well-formed model with a graph
   */
  static OnnxGraph decode(byte[] model, String source) throws OnnxFileException {
    OnnxGraph graph = new OnnxGraph();
    boolean found = false;
    try {
      ProtobufReader message = new ProtobufReader(model);
      while (message.next()) {
        if (message.field() == 7) {
          graph.graph(message.message());
          found = true;
        } else {
          message.skip();
        }
      }
    } catch (ProtobufReader.Malformed e) {
      throw new OnnxFileException(source, "", "expected an ONNX model, found damaged data: " + e.getMessage(), e);
    }
    if (!found) {
      throw new OnnxFileException(source, "", "expected an ONNX model, found no graph in the data");
    }
    return graph;
  }

  private void graph(ProtobufReader graph) throws ProtobufReader.Malformed {
    while (graph.next()) {
      switch (graph.field()) {
        case 1:
          nodes.add(node(graph.message()));
          break;
        case 5: {
          Tensor tensor = tensor(graph.message());
          initializers.put(tensor.name, tensor);
          break;
        }
        case 11:
          valueInfo(graph.message(), true);
          break;
        case 12:
          valueInfo(graph.message(), false);
          break;
        default:
          graph.skip();
      }
    }
  }

  private static Node node(ProtobufReader message) throws ProtobufReader.Malformed {
    Node node = new Node();
    while (message.next()) {
      switch (message.field()) {
        case 1:
          node.inputs.add(message.string());
          break;
        case 2:
          node.outputs.add(message.string());
          break;
        case 3:
          node.name = message.string();
          break;
        case 4:
          node.operator = message.string();
          break;
        case 5:
          attribute(message.message(), node);
          break;
        case 7:
          node.domain = message.string();
          break;
        default:
          message.skip();
      }
    }
    return node;
  }

  /**
   * A FLOAT or INT attribute, as a Float or a Long, or a TENSOR attribute; the others are kept out (no
   * supported node needs them) but named in {@link Node#attributeNames}.
   */
  private static void attribute(ProtobufReader message, Node node) throws ProtobufReader.Malformed {
    String name = "";
    Number value = null;
    Tensor tensor = null;
    while (message.next()) {
      if (message.field() == 1) {
        name = message.string();
      } else if (message.field() == 2) {
        value = message.float32();
      } else if (message.field() == 3) {
        value = message.varint();
      } else if (message.field() == 5) {
        tensor = tensor(message.message());
      } else {
        message.skip();
      }
    }
    node.attributeNames.add(name);
    if (value != null) {
      node.attributes.put(name, value);
    }
    if (tensor != null) {
      node.tensors.put(name, tensor);
    }
  }

  /** A TensorProto: an initializer, or a {@code Constant}'s value. */
  private static Tensor tensor(ProtobufReader message) throws ProtobufReader.Malformed {
    Tensor tensor = new Tensor();
    long[] dims = new long[0];
    while (message.next()) {
      switch (message.field()) {
        case 1:
          long[] more = message.int64s();
          long[] all = Arrays.copyOf(dims, dims.length + more.length);
          System.arraycopy(more, 0, all, dims.length, more.length);
          dims = all;
          break;
        case 2:
          tensor.type = (int) message.varint();
          break;
        case 4:
          tensor.floats = concat(tensor.floats, message.floats());
          break;
        case 8:
          tensor.name = message.string();
          break;
        case 9:
          tensor.raw = message.bytes();
          break;
        case 10:
          tensor.doubles = concat(tensor.doubles, message.doubles());
          break;
        case 13:
          tensor.external = true;
          message.skip();
          break;
        case 14:
          tensor.external |= message.varint() == EXTERNAL;
          break;
        default:
          message.skip();
      }
    }
    tensor.dims = dims;
    return tensor;
  }

  private void valueInfo(ProtobufReader message, boolean input) throws ProtobufReader.Malformed {
    String name = "";
    int type = 0;
    while (message.next()) {
      if (message.field() == 1) {
        name = message.string();
      } else if (message.field() == 2) {
        type = tensorElementType(message.message());
      } else {
        message.skip();
      }
    }
    if (input) {
      inputTypes.put(name, type);
    } else {
      outputs.add(name);
    }
  }

  /** TypeProto → tensor_type → elem_type; 0 when the value is not a tensor. */
  private static int tensorElementType(ProtobufReader type) throws ProtobufReader.Malformed {
    int element = 0;
    while (type.next()) {
      if (type.field() == 1) {
        ProtobufReader tensor = type.message();
        while (tensor.next()) {
          if (tensor.field() == 1) {
            element = (int) tensor.varint();
          } else {
            tensor.skip();
          }
        }
      } else {
        type.skip();
      }
    }
    return element;
  }

  private static float[] concat(float[] a, float[] b) {
    if (a == null) {
      return b;
    }
    float[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static double[] concat(double[] a, double[] b) {
    if (a == null) {
      return b;
    }
    double[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** A TensorProto.DataType, in words. */
  static String typeName(int type) {
    switch (type) {
      case FLOAT:
        return "float";
      case DOUBLE:
        return "double";
      case 10:
        return "float16";
      case 16:
        return "bfloat16";
      case 0:
        return "no tensor type";
      default:
        return "data type " + type;
    }
  }
}
