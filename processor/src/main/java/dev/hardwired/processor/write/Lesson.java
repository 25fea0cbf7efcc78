package dev.hardwired.processor.write;

import dev.hardwired.Activation;
import dev.hardwired.Precision;
import dev.hardwired.StepTrace;
import dev.hardwired.Topology;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import dev.hardwired.reference.ReferenceNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lesson beside a generated network, in Markdown: its picture ({@link NetworkDiagram}), its
 * declaration, each equation of one training step in the classic terms followed by the statements of the
 * generated {@code train} that compute it, quoted from the class, and one step worked with numbers. Written
 * from the generated source itself, so every quoted line is in the class; deterministic, like the class.
 */
public final class Lesson {
  /** The seed of the worked step's parameters and sample. */
  public static final long SEED = 42;

  /** The learning rate of the worked step. */
  public static final double LEARNING_RATE = 0.1;

  /** The comments that open a part of train, and the part's heading. */
  private static final String[][] PARTS = {
    {"Forward, ", null},
    {"Softmax:", "Softmax"},
    {"Final error", "Final error"},
    {"Loss", "Loss"},
    {"A loss that is not finite", "The divergence guard"},
    {"Error signal", "Error signal"},
    {"Hidden deltas", "Hidden deltas by the chain rule"},
    {"Update ", null},
  };

  /** How the term of one statement starts, as {@link Code#statement} writes it. */
  private static final Pattern TERM =
      Pattern.compile("(SpreA,|SpostA,|S_ERROR\\d|FE\\d|δ\\S+ = |weight \\S+→\\S+: |bias \\S+: |e\\^\\(|Σ e)");

  private static final Pattern CALL = Pattern.compile("\\b([a-z][A-Za-z0-9_]*)\\(");

  /** The generated activation functions, which the lesson states as formulas rather than quotes. */
  private static final List<String> ACTIVATION_FUNCTIONS = Arrays.asList("logistic", "relu", "leakyRelu", "step");

  private final NetworkModel model;
  private final Topology topology;
  private final String source;
  private final String className;

  private Lesson(NetworkModel model, String source) {
    this.model = model;
    this.topology = model.topology();
    this.source = source;
    this.className = model.generatedType().simpleName();
  }

  /** The file name of the lesson of {@code model}: {@code XorNetwork.md}. */
  public static String fileName(NetworkModel model) {
    return model.generatedType().simpleName() + ".md";
  }

  /** The file name of the picture the lesson shows: {@code XorNetwork.svg}. */
  public static String pictureName(NetworkModel model) {
    return model.generatedType().simpleName() + ".svg";
  }

  /** The picture of the network, as SVG. */
  public static String picture(NetworkModel model) {
    return NetworkDiagram.svg(model, model.generatedType().simpleName() + ": " + Code.shape(model));
  }

  /**
   * The lesson in Markdown.
   *
   * @param source the generated class's source, as written
   * @param declaration the annotated declaration, as {@link dev.hardwired.processor.read.DeclarationSource} gives it
   */
  public static String markdown(NetworkModel model, String source, String declaration) {
    return new Lesson(model, source).write(declaration);
  }

  private String write(String declaration) {
    StringBuilder s = new StringBuilder();
    s.append("# ").append(className).append(": one training step, equation by equation\n\n");
    paragraph(s, "`" + className + "` is the class generated from `" + model.declaredType().canonicalName() + "`: "
        + Code.shape(model) + "; " + model.loss().displayName() + ". This lesson draws the network, then reads its"
        + " `train` method from the top: each equation of one training step, in the classic terms, followed by the"
        + " statements that compute it, quoted from `" + className + ".java`. It ends with one step worked with"
        + " numbers.");

    s.append("## The declaration\n\n```java\n").append(declaration).append("\n```\n\n");

    s.append("## The network\n\n");
    s.append("![").append(Code.shape(model)).append("](").append(pictureName(model)).append(")\n\n");
    network(s);

    s.append("## One training step\n\n");
    paragraph(s, "`train(input, target, learningRate)` takes one step of stochastic gradient descent on one"
        + " sample: the forward pass, the loss, the backward pass from the outputs back, then every parameter's"
        + " update, weight ← weight − LR × gradient. Its parts, in order:");
    steps(s);

    s.append("## A worked step\n\n");
    workedStep(s);
    return s.toString();
  }

  // ---------------------------------------------------------------- the network

  private void network(StringBuilder s) {
    s.append("| layer | nodes | fA | weights into it | parameters, in the flat order |\n|---|---|---|---|---|\n");
    for (Layer layer : model.layers()) {
      int l = layer.index();
      String nodes = layer.size() <= 4 ? nodes(l) : topology.nodeName(l, 0) + " … " + topology.nodeName(l, layer.size() - 1);
      if (layer.isInput()) {
        s.append("| ").append(layer.title()).append(" | ").append(nodes).append(" | | | |\n");
        continue;
      }
      s.append("| ").append(layer.title()).append(" | ").append(nodes).append(" | ")
          .append(functionText(layer.activation())).append(" | ").append(model.weightsName(layer)).append(" | ")
          .append(range("weights", topology.weightOffset(l), topology.biasOffset(l))).append(", ")
          .append(range("biases", topology.biasOffset(l), topology.biasOffset(l) + layer.size())).append(" |\n");
    }
    s.append('\n');
    paragraph(s, "The weight into node j from node i of the layer before is at (first weight) + j × (size of the"
        + " layer before) + i. " + (model.fullyUnrolled()
            ? "Every layer is written out line by line, one statement per neuron and per weight, over the one array"
                + " `p` in this order."
            : "Layers too large to write out line by line are loops over one array per row of weights;"
                + " `getParameters` gives every parameter in this order."));
  }

  /** "H0, H1": every node of layer {@code l}. */
  private String nodes(int l) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < topology.size(l); j++) {
      names.add(topology.nodeName(l, j));
    }
    return String.join(", ", names);
  }

  /** "weights 0..3", "bias 8". */
  private static String range(String what, int from, int to) {
    return to - from == 1 ? what.substring(0, what.length() - (what.endsWith("ses") ? 2 : 1)) + " " + from
        : what + " " + from + ".." + (to - 1);
  }

  /** fA in words and as a formula. */
  static String functionText(Activation activation) {
    switch (activation) {
      case LOGISTIC:
        return "logistic, σ(z) = 1 / (1 + e^(−z))";
      case TANH:
        return "tanh(z)";
      case RELU:
        return "ReLU, max(0, z)";
      case LEAKY_RELU:
        return "leaky ReLU, z for z > 0, else " + Activation.LEAKY_RELU_SLOPE + " z";
      case IDENTITY:
        return "identity, z";
      case ELU:
        return "ELU, z for z > 0, else e^z − 1";
      case SELU:
        return "SELU, λ z for z > 0, else λ α (e^z − 1), with λ ≈ 1.0507 and α ≈ 1.6733";
      case SOFTPLUS:
        return "softplus, ln(1 + e^z), a smooth ReLU";
      case SILU:
        return "SiLU, z σ(z), the input weighted by its own logistic";
      case GELU:
        return "GELU, z Φ(z), the input weighted by the normal distribution's Φ(z) = ½ (1 + erf(z / √2))";
      case GELU_TANH:
        return "tanh GELU, ½ z (1 + tanh(√(2/π) (z + 0.044715 z³))), GELU's tanh approximation";
      case STEP:
        return "step, 1 for z > 0, else 0";
      case SOFTMAX:
        return "softmax, e^(z_k) / Σ_m e^(z_m)";
      default:
        throw new AssertionError(activation);
    }
  }

  // ---------------------------------------------------------------- the parts of train

  /** The body of train in parts, each opened by a comment of {@link #PARTS}; each part's equation, then its statements. */
  private void steps(StringBuilder s) {
    List<String> body = methodBody("train");
    List<List<String>> parts = new ArrayList<>();
    List<String> part = new ArrayList<>();
    for (String line : body) {
      if (opensPart(line) && part.stream().anyMatch(l -> !isComment(l))) {
        parts.add(part);
        part = new ArrayList<>();
      }
      part.add(line);
    }
    parts.add(part);
    int number = 1;
    for (List<String> lines : parts) {
      List<String> comment = new ArrayList<>();
      int first = 0;
      while (first < lines.size() && isComment(lines.get(first)) && (first == 0 || !isTermAbove(lines, first))) {
        comment.add(lines.get(first).trim().substring(2).trim());
        first++;
      }
      String text = String.join(" ", comment);
      String heading = comment.isEmpty() ? "The checks and the inputs" : heading(text);
      s.append("### ").append(number++).append(". ").append(heading).append("\n\n");
      if (comment.isEmpty()) {
        paragraph(s, "A sample of the wrong length or with a value that is not finite, or a learning rate that is"
            + " not positive, is refused before anything changes; then SpostA of each input node is the input"
            + " itself.");
      } else {
        // The heading is the equation's name; the paragraph states the equation.
        String equation = text.startsWith(heading + ":") ? text.substring(heading.length() + 1).trim() : text;
        if (Character.isLowerCase(equation.charAt(0)) && equation.charAt(0) < 128) {
          equation = Code.capitalize(equation); // "The perceptron criterion …", but δH stays δH
        }
        paragraph(s, equation.endsWith(".") ? equation : equation + ".");
      }
      List<String> statements = lines.subList(first, lines.size());
      s.append("```java\n").append(String.join("\n", statements)).append("\n```\n\n");
      for (String method : calledMethods(statements)) {
        s.append("It calls `").append(method).append("`:\n\n```java\n")
            .append(String.join("\n", methodLines(method))).append("\n```\n\n");
      }
    }
  }

  /** Prose, wrapped as the generated comments are, then a blank line. */
  private static void paragraph(StringBuilder s, String text) {
    s.append(String.join("\n", Code.wrap(text, Code.COLUMNS))).append("\n\n");
  }

  /**
   * Whether the comment at {@code i} names the term of the statement below it rather than going on with the
   * comment above: a term ("SpreA,O0", "δH0 = …", "weight H0→O0: …"), placed above a statement too long to
   * carry it at its end.
   */
  private static boolean isTermAbove(List<String> lines, int i) {
    if (i + 1 >= lines.size() || isComment(lines.get(i + 1)) || lines.get(i + 1).contains("//")) {
      return false;
    }
    String term = lines.get(i).trim().substring(2).trim();
    return TERM.matcher(term).lookingAt() && lines.get(i + 1).length() + 4 + term.length() > Code.COLUMNS;
  }

  private static boolean isComment(String line) {
    return line.trim().startsWith("//");
  }

  private static boolean opensPart(String line) {
    if (!isComment(line)) {
      return false;
    }
    String text = line.trim().substring(2).trim();
    for (String[] part : PARTS) {
      if (text.startsWith(part[0])) {
        return true;
      }
    }
    return false;
  }

  /** "Forward, hidden layer (logistic)", "Final error", "Update HtoO", … */
  private static String heading(String comment) {
    for (String[] part : PARTS) {
      if (comment.startsWith(part[0])) {
        return part[1] != null ? part[1] : comment.substring(0, comment.indexOf(':'));
      }
    }
    throw new IllegalStateException("no part opens with " + comment);
  }

  /** The methods of the class that {@code statements} call, but for the activations, in the order of their first call. */
  private Set<String> calledMethods(List<String> statements) {
    Set<String> called = new LinkedHashSet<>();
    for (String line : statements) {
      Matcher call = CALL.matcher(isComment(line) ? "" : line.replaceAll("//.*$", ""));
      while (call.find()) {
        String name = call.group(1);
        // The activations are stated in the table of the network.
        if (!ACTIVATION_FUNCTIONS.contains(name) && !methodLines(name).isEmpty()) {
          called.add(name);
        }
      }
    }
    return called;
  }

  /** The lines inside the braces of the class's method {@code name}. */
  private List<String> methodBody(String name) {
    List<String> method = methodLines(name);
    if (method.isEmpty()) {
      throw new IllegalStateException("the generated class has no method " + name);
    }
    return method.subList(1, method.size() - 1);
  }

  /** The first method of the class named {@code name}, whole, from its declaration to its closing brace; or none. */
  private List<String> methodLines(String name) {
    Pattern declaration = Pattern.compile("  [a-z][^=;(]* " + Pattern.quote(name) + "\\(.*");
    List<String> lines = Arrays.asList(source.split("\n", -1));
    for (int i = 0; i < lines.size(); i++) {
      if (declaration.matcher(lines.get(i)).matches()) {
        int end = i;
        while (!lines.get(end).equals("  }")) {
          end++;
        }
        return lines.subList(i, end + 1);
      }
    }
    return new ArrayList<>();
  }

  // ---------------------------------------------------------------- the worked step

  /**
   * The worked step's sample, drawn from {@link #SEED}: inputs in [0, 1] to two decimals, and a target the
   * output layer can reach.
   *
   * @return the input, then the target
   */
  public static double[][] sample(Topology topology) {
    Random random = new Random(SEED);
    double[] input = new double[topology.inputs()];
    for (int i = 0; i < input.length; i++) {
      input[i] = Math.round(random.nextDouble() * 100) / 100.0;
    }
    return new double[][] {input, target(topology, random)};
  }

  private void workedStep(StringBuilder s) {
    double[][] sample = sample(topology);
    double[] input = sample[0];
    double[] target = sample[1];
    ReferenceNetwork reference = ReferenceNetwork.seeded(topology, SEED);
    StepTrace trace = reference.trace(input, target, LEARNING_RATE);
    String call = className + ".seeded(" + SEED + ").trace(" + array(input) + ", " + array(target) + ", "
        + number(LEARNING_RATE) + (model.precision() == Precision.FLOAT ? "f" : "") + ")";
    String step = model.fullyUnrolled()
        ? "These are the values that `" + call + "` returns. The lesson computes them with the runtime's reference"
            + " network, which does the same arithmetic with loops"
            + (model.precision() == Precision.FLOAT
                ? " in double; the float network's own trace agrees with them to float's precision."
                : "; to the 9 digits shown they are the generated code's.")
        : "The network is too large for a trace of its own; these are the values that `ReferenceNetwork.of("
            + className + ".seeded(" + SEED + ")).trace(" + (input.length + target.length <= 16
                ? array(input) + ", " + array(target)
                : "input, target") + ", " + number(LEARNING_RATE) + ")` returns for the step, one line per layer"
            + (input.length + target.length <= 16
                ? "."
                : ", with an input of " + input.length + " values in [0, 1] drawn with the same seed and the target "
                    + targetText(target) + ".");
    paragraph(s, "One step from `" + className + ".seeded(" + SEED + ")` on a sample drawn with the same seed, at"
        + " learning rate " + number(LEARNING_RATE) + ". " + step);
    s.append(topology.parameterCount() <= StepTrace.TABLE_LIMIT
        ? trace.markdown()
        : "```\n" + trace.summary() + "```\n");
  }

  /** A target the output layer can reach: a class for softmax, 0 or 1 for logistic and step, ±1 for tanh. */
  private static double[] target(Topology topology, Random random) {
    double[] target = new double[topology.outputs()];
    Activation output = topology.activation(topology.layerCount());
    if (output == Activation.SOFTMAX) {
      target[random.nextInt(target.length)] = 1;
      return target;
    }
    for (int k = 0; k < target.length; k++) {
      switch (output) {
        case LOGISTIC:
        case STEP:
          target[k] = random.nextBoolean() ? 1 : 0;
          break;
        case TANH:
          target[k] = random.nextBoolean() ? 1 : -1;
          break;
        default:
          target[k] = Math.round(random.nextDouble() * 100) / 100.0;
      }
    }
    return target;
  }

  /** "T3 = 1, others 0" for a one-hot target, every value otherwise. */
  private static String targetText(double[] target) {
    List<String> values = new ArrayList<>();
    int ones = 0;
    int one = -1;
    for (int k = 0; k < target.length; k++) {
      values.add("T" + k + " = " + number(target[k]));
      if (target[k] == 1) {
        ones++;
        one = k;
      } else if (target[k] != 0) {
        ones = 2;
      }
    }
    return ones == 1 ? "T" + one + " = 1, the others 0" : String.join(", ", values);
  }

  private String array(double[] values) {
    List<String> numbers = new ArrayList<>();
    for (double v : values) {
      numbers.add(number(v) + (model.precision() == Precision.FLOAT ? "f" : ""));
    }
    return "new " + Numbers.of(model).type() + "[] {" + String.join(", ", numbers) + "}";
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : Double.toString(value);
  }
}
