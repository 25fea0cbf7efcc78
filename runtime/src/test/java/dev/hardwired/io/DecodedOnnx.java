package dev.hardwired.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model read back for the tests, by a protobuf decoder of its own (so that a mistake in {@link
 * Protobuf} cannot hide itself), and run by a small interpreter of the operators {@link OnnxWriter} writes.
 */
final class DecodedOnnx {
  /** One decoded message: each field number's values in order (Long varints, Integer fixed32, byte[]). */
  static final class Message {
    final Map<Integer, List<Object>> fields = new LinkedHashMap<>();

    static Message parse(byte[] bytes) {
      Message message = new Message();
      int[] at = {0};
      while (at[0] < bytes.length) {
        long key = varint(bytes, at);
        int field = (int) (key >>> 3);
        int wire = (int) (key & 7);
        Object value;
        if (wire == 0) {
          value = varint(bytes, at);
        } else if (wire == 5) {
          value = ByteBuffer.wrap(bytes, at[0], 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
          at[0] += 4;
        } else if (wire == 2) {
          int length = (int) varint(bytes, at);
          byte[] content = new byte[length];
          System.arraycopy(bytes, at[0], content, 0, length);
          at[0] += length;
          value = content;
        } else {
          throw new IllegalStateException("wire type " + wire + " at byte " + at[0]);
        }
        message.fields.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
      }
      if (at[0] != bytes.length) {
        throw new IllegalStateException("the last field runs past the end");
      }
      return message;
    }

    private static long varint(byte[] bytes, int[] at) {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = bytes[at[0]++];
        value |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return value;
        }
      }
    }

    List<Object> all(int field) {
      return fields.getOrDefault(field, new ArrayList<>());
    }

    long number(int field) {
      return (Long) all(field).get(0);
    }

    String string(int field) {
      List<Object> values = all(field);
      return values.isEmpty() ? "" : new String((byte[]) values.get(0), StandardCharsets.UTF_8);
    }

    List<String> strings(int field) {
      List<String> strings = new ArrayList<>();
      for (Object value : all(field)) {
        strings.add(new String((byte[]) value, StandardCharsets.UTF_8));
      }
      return strings;
    }

    Message message(int field) {
      return parse((byte[]) all(field).get(0));
    }

    List<Message> messages(int field) {
      List<Message> messages = new ArrayList<>();
      for (Object value : all(field)) {
        messages.add(parse((byte[]) value));
      }
      return messages;
    }
  }

  final Message model;
  final Message graph;

  DecodedOnnx(byte[] bytes) {
    this.model = Message.parse(bytes);
    this.graph = model.message(7);
  }

  List<Message> nodes() {
    return graph.messages(1);
  }

  List<String> operators() {
    List<String> operators = new ArrayList<>();
    for (Message node : nodes()) {
      operators.add(node.string(4));
    }
    return operators;
  }

  /** The initializers by name: their values widened to double, and (in {@code dims}) their shapes. */
  Map<String, double[]> initializers(Map<String, long[]> dims, int[] elementType) {
    Map<String, double[]> values = new LinkedHashMap<>();
    for (Message tensor : graph.messages(5)) {
      List<Object> d = tensor.all(1);
      long[] shape = new long[d.size()];
      for (int k = 0; k < shape.length; k++) {
        shape[k] = (Long) d.get(k);
      }
      elementType[0] = (int) tensor.number(2);
      ByteBuffer raw = ByteBuffer.wrap((byte[]) tensor.all(9).get(0)).order(ByteOrder.LITTLE_ENDIAN);
      double[] v = new double[raw.remaining() / (elementType[0] == 11 ? 8 : 4)];
      for (int k = 0; k < v.length; k++) {
        v[k] = elementType[0] == 11 ? raw.getDouble() : raw.getFloat();
      }
      values.put(tensor.string(8), v);
      dims.put(tensor.string(8), shape);
    }
    return values;
  }

  /** Runs the graph on {@code rows} (one sample a row) in double: the value named {@code output}. */
  double[][] run(double[][] rows) {
    Map<String, long[]> dims = new HashMap<>();
    Map<String, double[]> constants = initializers(dims, new int[1]);
    Map<String, double[][]> values = new HashMap<>();
    values.put(graph.messages(11).get(0).string(1), rows);
    for (Message node : nodes()) {
      List<String> in = node.strings(1);
      // The rows of the first computed operand: the GELU chains put some constants first.
      double[][] x = values.containsKey(in.get(0)) ? values.get(in.get(0)) : values.get(in.get(1));
      double[][] y = new double[x.length][];
      String op = node.string(4);
      for (int r = 0; r < x.length; r++) {
        if (op.equals("Gemm")) {
          double[] w = constants.get(in.get(1));
          double[] b = constants.get(in.get(2));
          int size = (int) dims.get(in.get(1))[0];
          int fanIn = (int) dims.get(in.get(1))[1];
          y[r] = new double[size];
          for (int j = 0; j < size; j++) {
            double sum = 0.0;
            for (int i = 0; i < fanIn; i++) {
              sum += x[r][i] * w[j * fanIn + i];
            }
            y[r][j] = sum + b[j];
          }
        } else if (op.equals("Max")) {
          double[][] other = values.get(in.get(1));
          y[r] = new double[x[r].length];
          for (int j = 0; j < y[r].length; j++) {
            y[r][j] = Math.max(x[r][j], other[r][j]);
          }
        } else if (op.equals("Where")) {
          double[][] positive = values.get(in.get(1));
          double[][] negative = values.get(in.get(2));
          y[r] = new double[x[r].length];
          for (int j = 0; j < y[r].length; j++) {
            y[r][j] = x[r][j] != 0.0 ? positive[r][j] : negative[r][j];
          }
        } else if (in.size() > 1) {
          // Two operands, each computed (SiLU's Mul of SpreA by its sigmoid, the GELUs' SpreA²) or a one-value
          // constant, in either place.
          y[r] = new double[x[r].length];
          for (int j = 0; j < y[r].length; j++) {
            double a = values.containsKey(in.get(0)) ? values.get(in.get(0))[r][j] : constants.get(in.get(0))[0];
            double b = values.containsKey(in.get(1)) ? values.get(in.get(1))[r][j] : constants.get(in.get(1))[0];
            y[r][j] = elementwise(op, a, b);
          }
        } else if (op.equals("Elu") || op.equals("Selu")) {
          y[r] = new double[x[r].length];
          double alpha = floatAttribute(node, "alpha");
          double gamma = op.equals("Selu") ? floatAttribute(node, "gamma") : 1.0;
          for (int j = 0; j < y[r].length; j++) {
            y[r][j] = x[r][j] > 0 ? gamma * x[r][j] : gamma * alpha * Math.expm1(x[r][j]);
          }
        } else if (op.equals("Softmax")) {
          y[r] = x[r].clone();
          dev.hardwired.Activation.softmax(x[r], y[r]);
        } else {
          y[r] = new double[x[r].length];
          for (int j = 0; j < y[r].length; j++) {
            double constant = op.equals("LeakyRelu") ? alpha(node) : 0.0;
            y[r][j] = elementwise(op, x[r][j], constant);
          }
        }
      }
      values.put(node.strings(2).get(0), y);
    }
    return values.get(graph.messages(12).get(0).string(1));
  }

  /** The float attribute {@code name} of {@code node}. */
  private static double floatAttribute(Message node, String name) {
    for (Message attribute : node.messages(5)) {
      if (attribute.string(1).equals(name)) {
        return Float.intBitsToFloat((Integer) attribute.all(2).get(0));
      }
    }
    throw new IllegalStateException(node.string(4) + " has no attribute " + name);
  }

  private static double alpha(Message node) {
    Message attribute = node.message(5);
    return Float.intBitsToFloat((Integer) attribute.all(2).get(0));
  }

  private static double elementwise(String op, double z, double constant) {
    switch (op) {
      case "Sigmoid":
        return 1.0 / (1.0 + Math.exp(-z));
      case "Tanh":
        return Math.tanh(z);
      case "Relu":
        return Math.max(z, 0.0);
      case "LeakyRelu":
        return z >= 0 ? z : (float) constant * (float) z;
      case "Mul":
        return z * constant;
      case "Sub":
        return z - constant;
      case "Add":
        return z + constant;
      case "Div":
        return z / constant;
      case "Erf":
        return dev.hardwired.Activation.erf(z);
      case "Exp":
        return Math.exp(z);
      case "Softplus":
        return Math.log1p(Math.exp(z));
      case "Identity":
        return z;
      case "Greater":
        return z > constant ? 1.0 : 0.0; // the bool, as 1 or 0: the Cast that follows keeps it
      case "Cast":
        return z;
      default:
        throw new IllegalStateException("an operator the writer does not write: " + op);
    }
  }
}
