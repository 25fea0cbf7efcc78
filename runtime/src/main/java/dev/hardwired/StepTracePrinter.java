package dev.hardwired;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How a {@link StepTrace} prints: its tables as text or Markdown, and its one line per layer. */
final class StepTracePrinter {
  private final StepTrace trace;
  private final Topology topology;
  private final Precision precision;
  private final double[] target;
  private final double learningRate;
  private final double loss;
  private final double[][] spreA;
  private final double[][] spostA;
  private final double[][] delta;
  private final double[] before;
  private final double[] gradient;
  private final double[] after;

  StepTracePrinter(StepTrace trace) {
    this.trace = trace;
    this.topology = trace.topology;
    this.precision = trace.precision;
    this.target = trace.target;
    this.learningRate = trace.learningRate;
    this.loss = trace.loss;
    this.spreA = trace.spreA;
    this.spostA = trace.spostA;
    this.delta = trace.delta;
    this.before = trace.before;
    this.gradient = trace.gradient;
    this.after = trace.after;
  }

  /** One line per layer: see {@link StepTrace#summary()}. */
  String summary() {
    StringBuilder s = new StringBuilder(heading(false)).append('\n');
    Table table = new Table("layer", "nodes", "SpreA", "SpostA", "δ", "gradient", "change");
    for (int l = 1; l <= topology.layerCount(); l++) {
      int first = topology.weightOffset(l);
      int end = topology.biasOffset(l) + topology.size(l);
      double[] change = new double[end - first];
      for (int i = first; i < end; i++) {
        change[i - first] = after[i] - before[i];
      }
      table.row(
          topology.layerName(l),
          Integer.toString(topology.size(l)),
          range(spreA[l], 0, spreA[l].length),
          range(spostA[l], 0, spostA[l].length),
          range(delta[l], 0, delta[l].length),
          range(gradient, first, end),
          range(change, 0, change.length));
    }
    s.append("Loss: ").append(lossEquation()).append(" = ").append(number(loss)).append("\n\n");
    return s.append("Each column gives the smallest and the largest value of the layer.\n")
        .append(table.text())
        .toString();
  }

  /** Every value, as text or as Markdown: see {@link StepTrace#table()}. */
  String tables(boolean markdown) {
    StringBuilder s = new StringBuilder(heading(markdown)).append('\n');

    s.append(markdown ? "**Forward pass**" : "Forward pass").append(": SpreA = Σ weight × SpostA of the layer before")
        .append(" + bias; SpostA = fA(SpreA)\n\n");
    Table forward = new Table("node", "fA", "SpreA", "SpostA");
    for (int i = 0; i < topology.inputs(); i++) {
      forward.row(topology.nodeName(0, i), "input", "", number(spostA[0][i]));
    }
    for (int l = 1; l <= topology.layerCount(); l++) {
      for (int j = 0; j < topology.size(l); j++) {
        forward.row(
            topology.nodeName(l, j),
            topology.activation(l).displayName(),
            number(spreA[l][j]),
            number(spostA[l][j]));
      }
    }
    s.append(forward.print(markdown)).append('\n');

    s.append(markdown ? "**Loss**" : "Loss").append(": ").append(lossEquation()).append(" = ").append(number(loss))
        .append("\n\n");

    s.append(markdown ? "**Backward pass**" : "Backward pass")
        .append(", from the outputs back; each δ is computed once and reused by every weight into its node\n\n");
    Table backward = new Table("term", "value");
    int last = topology.layerCount();
    if (topology.loss() == Loss.SQUARED_ERROR) {
      for (int k = 0; k < topology.outputs(); k++) {
        backward.row("FE" + k + " = SpostA," + topology.nodeName(last, k) + " − T" + k, number(trace.finalError(k)));
      }
    }
    for (int k = 0; k < topology.outputs(); k++) {
      backward.row("S_ERROR" + k + " = " + errorSignalEquation(k), number(delta[last][k]));
    }
    for (int l = last - 1; l >= 1; l--) {
      String next = l + 1 == last ? "S_ERROR" : "δ" + topology.layerName(l + 1);
      for (int j = 0; j < topology.size(l); j++) {
        String node = topology.nodeName(l, j);
        backward.row(
            "δ" + node + " = fA′(SpreA," + node + ") × Σ " + next + " × weight " + node + "→"
                + topology.layerName(l + 1),
            number(delta[l][j]));
      }
    }
    s.append(backward.print(markdown)).append('\n');

    s.append(markdown ? "**Update**" : "Update").append(", from the output layer back: weight ← weight − LR × gradient,")
        .append(" LR = ").append(number(learningRate)).append("\n\n");
    Table update = new Table("parameter", "index", "gradient is", "before", "gradient", "after");
    for (int l = last; l >= 1; l--) {
      int fanIn = topology.size(l - 1);
      for (int j = 0; j < topology.size(l); j++) {
        for (int i = 0; i < fanIn; i++) {
          int index = topology.weightOffset(l) + j * fanIn + i;
          update.row(
              topology.parameterName(index),
              Integer.toString(index),
              deltaName(l, j) + " × SpostA," + topology.nodeName(l - 1, i),
              number(before[index]),
              number(gradient[index]),
              number(after[index]));
        }
      }
      for (int j = 0; j < topology.size(l); j++) {
        int index = topology.biasOffset(l) + j;
        update.row(
            topology.parameterName(index),
            Integer.toString(index),
            deltaName(l, j),
            number(before[index]),
            number(gradient[index]),
            number(after[index]));
      }
    }
    return s.append(update.print(markdown)).toString();
  }

  /** What was trained, and the target; in Markdown as two paragraphs. */
  private String heading(boolean markdown) {
    StringBuilder s = new StringBuilder("One training step of ").append(topology).append(", ")
        .append(precision.displayName()).append(", learning rate ").append(number(learningRate)).append('\n');
    s.append(markdown ? "\nTarget:" : "Target:");
    for (int k = 0; k < target.length; k++) {
      s.append(k == 0 ? " " : ", ").append('T').append(k).append(" = ").append(number(target[k]));
    }
    return s.append('\n').toString();
  }

  private String lossEquation() {
    switch (topology.loss()) {
      case SQUARED_ERROR:
        return "E = ½ Σ FE²";
      case CROSS_ENTROPY:
        return "E = −Σ [T ln SpostA,O + (1 − T) ln(1 − SpostA,O)]";
      case SOFTMAX_CROSS_ENTROPY:
        return "E = −Σ T ln SpostA,O";
      case PERCEPTRON:
        return "E = Σ (SpostA,O − T) × SpreA,O";
      default:
        throw new AssertionError(topology.loss());
    }
  }

  private String errorSignalEquation(int k) {
    String output = topology.nodeName(topology.layerCount(), k);
    if (topology.loss() != Loss.SQUARED_ERROR) {
      return "SpostA," + output + " − T" + k;
    }
    return topology.activation(topology.layerCount()) == Activation.IDENTITY
        ? "FE" + k
        : "FE" + k + " × fA′(SpreA," + output + ")";
  }

  private String deltaName(int l, int j) {
    return l == topology.layerCount() ? "S_ERROR" + j : "δ" + topology.nodeName(l, j);
  }

  /** 9 significant digits without trailing zeros; 0 for either zero. */
  static String number(double value) {
    if (value == 0) {
      return "0";
    }
    String s = String.format(Locale.ROOT, "%.9g", value);
    int exponent = s.indexOf('e');
    String mantissa = exponent < 0 ? s : s.substring(0, exponent);
    if (mantissa.indexOf('.') >= 0) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return exponent < 0 ? mantissa : mantissa + s.substring(exponent);
  }

  private static String range(double[] values, int from, int to) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    return number(min) + " .. " + number(max);
  }

  /** Rows of cells, printed with aligned columns or as a Markdown table; numbers are aligned right. */
  private static final class Table {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      this.header = header;
    }

    void row(String... cells) {
      rows.add(cells);
    }

    String print(boolean markdown) {
      return markdown ? markdown() : text();
    }

    String text() {
      boolean[] right = numeric();
      int[] width = new int[header.length];
      for (int c = 0; c < header.length; c++) {
        width[c] = header[c].length();
        for (String[] row : rows) {
          width[c] = Math.max(width[c], row[c].length());
        }
      }
      StringBuilder s = new StringBuilder();
      line(s, header, width, right);
      for (String[] row : rows) {
        line(s, row, width, right);
      }
      return s.toString();
    }

    private static void line(StringBuilder s, String[] cells, int[] width, boolean[] right) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < cells.length; c++) {
        String pad = spaces(width[c] - cells[c].length());
        line.append(c == 0 ? "" : "  ").append(right[c] ? pad + cells[c] : cells[c] + pad);
      }
      s.append(line.toString().replaceAll("\\s+$", "")).append('\n');
    }

    String markdown() {
      boolean[] right = numeric();
      StringBuilder s = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
      for (boolean r : right) {
        s.append(r ? "--:|" : "---|");
      }
      s.append('\n');
      for (String[] row : rows) {
        s.append("| ").append(String.join(" | ", row)).append(" |\n");
      }
      return s.toString();
    }

    /** Which columns hold numbers (or nothing) in every row. */
    private boolean[] numeric() {
      boolean[] numeric = new boolean[header.length];
      for (int c = 0; c < header.length; c++) {
        numeric[c] = true;
        for (String[] row : rows) {
          numeric[c] &= row[c].isEmpty() || row[c].matches("-?[0-9][0-9.]*(e[-+][0-9]+)?");
        }
      }
      return numeric;
    }

    private static String spaces(int count) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < count; i++) {
        s.append(' ');
      }
      return s.toString();
    }
  }
}
