package dev.hardwired.processor.write;

import static dev.hardwired.processor.write.Code.capitalize;
import static dev.hardwired.processor.write.Code.comment;
import static dev.hardwired.processor.write.Code.plural;
import static dev.hardwired.processor.write.Code.statement;
import static dev.hardwired.processor.write.Loops.overNodes;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javax.lang.model.element.Modifier;

/**
 * The looped form of a layer: loops with constant bounds over its weight rows ({@code w[i][j]}, the
 * weight from node i of the layer before into node j), each in a small private method of its own so that
 * no method grows with the network. The forward pass and the update run along a row, over the nodes of
 * the layer, which C2 compiles to vector code; only the hidden deltas are dot products.
 *
 * <p>Every loop adds in the order of the reference network's loops, so both give the same bits.
 */
final class Looped {
  /** Input rows added per pass of the forward loop: enough to amortise the loads and stores of SpreA. */
  static final int ROWS_PER_PASS = 4;
  /** The indentation inside a loop in a method body. */
  private static final int LOOP_INDENT = 6;

  private final NetworkModel model;
  private final Layer output;
  private final Numbers n;

  Looped(NetworkModel model) {
    this.model = model;
    this.output = model.outputLayer();
    this.n = Numbers.of(model);
  }

  // ---------------------------------------------------------------- calls from the API methods

  /** Calls the forward pass of looped {@code layer}. */
  void forwardCall(CodeBlock.Builder body, Layer layer) {
    body.addStatement("$L($L)", forwardName(layer), firstLayer(layer) ? "input" : "");
  }

  void lossCall(CodeBlock.Builder body) {
    body.addStatement(n.f("double loss = outputLoss(target)"));
  }

  void errorSignalCall(CodeBlock.Builder body) {
    body.addStatement("errorSignal(target)");
  }

  void hiddenDeltasCall(CodeBlock.Builder body, Layer layer) {
    body.addStatement("$L()", "deltas" + layer.letter());
  }

  void updateCall(CodeBlock.Builder body, Layer layer) {
    body.addStatement("update$L($LlearningRate)", weightsId(layer), firstLayer(layer) ? "input, " : "");
  }

  void gradientCall(CodeBlock.Builder body, Layer layer) {
    body.addStatement("gradient$L($LgradientSum)", weightsId(layer), firstLayer(layer) ? "input, " : "");
  }

  /** The gradient of looped {@code layer} added to {@code gradientSums}, laid out as the parameter arrays. */
  void gradientArraysCall(CodeBlock.Builder body, Layer layer) {
    body.addStatement("gradient$L($LgradientSums)", weightsId(layer), firstLayer(layer) ? "input, " : "");
  }

  /** {@code output} ← SpostA,O, after the forward pass of a looped output layer. */
  void copyOutputs(CodeBlock.Builder body) {
    body.addStatement("$T.arraycopy($L, 0, output, 0, OUTPUTS)", System.class, output.valuesArray());
  }

  // ---------------------------------------------------------------- the methods

  /** Every private method the looped layers need, in the order a reader meets their calls. */
  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    List<Layer> layers = model.layers();
    for (Layer layer : layers.subList(1, layers.size())) {
      if (layer.looped()) {
        methods.add(forward(layer));
      }
    }
    if (output.looped()) {
      methods.add(outputLoss());
      methods.add(errorSignal());
    }
    for (int l = layers.size() - 2; l >= 1; l--) {
      if (layers.get(l + 1).looped()) {
        methods.add(hiddenDeltas(layers.get(l)));
      }
    }
    for (int l = layers.size() - 1; l >= 1; l--) {
      if (layers.get(l).looped()) {
        methods.add(update(layers.get(l)));
      }
    }
    for (int l = layers.size() - 1; l >= 1; l--) {
      if (layers.get(l).looped()) {
        methods.add(gradient(layers.get(l)));
        methods.add(gradientArrays(layers.get(l)));
      }
    }
    return methods;
  }

  /** The forward methods alone, for a frozen class: one per looped layer, from the input side. */
  List<MethodSpec> forwardMethods() {
    List<MethodSpec> methods = new ArrayList<>();
    List<Layer> layers = model.layers();
    for (Layer layer : layers.subList(1, layers.size())) {
      if (layer.looped()) {
        methods.add(forward(layer));
      }
    }
    return methods;
  }

  private MethodSpec forward(Layer layer) {
    Layer previous = model.previous(layer);
    boolean keepsPreActivation = model.keepsPreActivations(layer);
    String sum = keepsPreActivation ? layer.preActivationsArray() : layer.valuesArray();
    String values = layer.valuesArray();
    String weights = layer.weightsArray(previous);
    String from = previous.isInput() ? "input" : "SpostA," + previous.letter();
    String l = layer.letter();
    CodeBlock.Builder body = CodeBlock.builder();
    overNodes(body, layer, "j");
    statement(
        body,
        LOOP_INDENT,
        keepsPreActivation ? "SpreA," + l + " accumulates here" : "SpreA," + l + " accumulates here until fA makes it SpostA," + l,
        n.f("$L[j] = 0.0"),
        sum);
    body.endControlFlow();
    int rows = previous.size();
    int whole = rows - rows % ROWS_PER_PASS;
    if (whole > 0) {
      comment(
          body,
          "SpreA," + l + " += weight " + previous.letter() + "_i→" + l + " × " + from + "_i, " + ROWS_PER_PASS
              + " rows of " + weights + " per pass");
      Loops.overWholePasses(body, previous, ROWS_PER_PASS);
      List<CodeBlock> terms = new ArrayList<>();
      for (int r = 0; r < ROWS_PER_PASS; r++) {
        body.addStatement(n.f("double[] w$L = $L[$L]"), r, weights, r == 0 ? "i" : "i + " + r);
      }
      for (int r = 0; r < ROWS_PER_PASS; r++) {
        body.addStatement(n.f("double a$L = $L[$L]"), r, previous.valuesArray(), r == 0 ? "i" : "i + " + r);
        terms.add(CodeBlock.of("w$L[j] * a$L", r, r));
      }
      overNodes(body, layer, "j");
      body.addStatement("$L[j] = $L", sum, Loops.sum(CodeBlock.of("$L[j]", sum), terms));
      body.endControlFlow();
      body.endControlFlow();
    }
    if (whole < rows) {
      comment(body, whole == 0 ? "SpreA," + l + " += weight × " + from + ", one row of " + weights + " at a time" : "The rows left over");
      Loops.overRowsLeft(body, previous, ROWS_PER_PASS);
      body.addStatement(n.f("double[] w = $L[i]"), weights);
      body.addStatement(n.f("double a = $L[i]"), previous.valuesArray());
      overNodes(body, layer, "j");
      body.addStatement("$L[j] = $L[j] + w[j] * a", sum, sum);
      body.endControlFlow();
      body.endControlFlow();
    }
    Activation activation = layer.activation();
    overNodes(body, layer, "j");
    if (keepsPreActivation) {
      statement(body, LOOP_INDENT, "SpreA," + l + " = Σ weight × " + from + " + bias", "$L[j] += $L[j]", sum, layer.biasesArray());
      if (activation != Activation.SOFTMAX) {
        statement(
            body,
            LOOP_INDENT,
            "SpostA," + l + " = fA(SpreA," + l + ")",
            "$L[j] = $L",
            values,
            Equations.activate(n, activation, CodeBlock.of("$L[j]", sum)));
      }
    } else {
      statement(
          body,
          LOOP_INDENT,
          "SpostA," + l + " = fA(SpreA," + l + "), SpreA," + l + " = Σ weight × " + from + " + bias",
          "$L[j] = $L",
          values,
          Equations.activate(n, activation, CodeBlock.of("$L[j] + $L[j]", sum, layer.biasesArray())));
    }
    body.endControlFlow();
    if (activation == Activation.SOFTMAX) {
      softmax(body, layer);
    }
    String doc =
        "Forward, " + layer.title() + " (" + activation.displayName() + "), looped: SpreA," + l + " = "
            + model.weightsName(layer) + " · " + from + " + bias and SpostA," + l + " = fA(SpreA," + l + ") for all "
            + plural(layer.size(), "node") + ". The weights are kept one row per node of the " + previous.title()
            + " (" + weights + "[i]), so the sum goes row by row, each row adding weight × " + from
            + " to the SpreA of every node: a loop that the JIT turns into vector code.";
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(forwardName(layer))
            .addJavadoc(Code.javadoc(doc))
            .addModifiers(Modifier.PRIVATE);
    if (firstLayer(layer)) {
      method.addParameter(n.array(), "input");
    }
    return method.addCode(body.build()).build();
  }

  private void softmax(CodeBlock.Builder body, Layer layer) {
    String z = layer.preActivationsArray();
    String y = layer.valuesArray();
    comment(body, "Softmax: SpostA,O = e^SpreA,O / Σ e^SpreA,O, shifted by the largest SpreA,O so exp cannot overflow");
    body.addStatement(n.f("double max = $L[0]"), z);
    overNodes(body, layer, "k", 1);
    body.addStatement("max = $T.max(max, $L[k])", Math.class, z);
    body.endControlFlow();
    body.addStatement(n.f("double sum = 0.0"));
    overNodes(body, layer, "k");
    statement(body, LOOP_INDENT, "e^(SpreA,O − max)", n.f("$L[k] = $T.exp($L[k] - max)"), y, n.math(), z);
    body.addStatement("sum += $L[k]", y);
    body.endControlFlow();
    overNodes(body, layer, "k");
    body.addStatement("$L[k] /= sum", y);
    body.endControlFlow();
    statement(body, "kept for the loss: ln Σ e^SpreA,O = max + ln sum", "softmaxMax = max");
    body.addStatement("softmaxSum = sum");
  }

  private MethodSpec outputLoss() {
    CodeBlock.Builder body = CodeBlock.builder();
    String y = output.valuesArray();
    String z = output.preActivationsArray();
    String doc;
    body.addStatement(n.f("double loss = 0.0"));
    switch (model.loss()) {
      case SQUARED_ERROR:
        doc = "Loss E = ½ Σ FE², with the final error FE = SpostA,O − T.";
        overNodes(body, output, "k");
        statement(body, LOOP_INDENT, "FE = SpostA,O − T", n.f("double fe = $L[k] - target[k]"), y);
        body.addStatement("loss += fe * fe");
        body.endControlFlow();
        body.addStatement(n.f("return 0.5 * loss"));
        break;
      case CROSS_ENTROPY:
        doc = "Loss E = −Σ [T ln SpostA,O + (1 − T) ln(1 − SpostA,O)], computed from SpreA,O so that no log sees 0.";
        overNodes(body, output, "k");
        body.addStatement(n.f("double z = $L[k]"), z);
        body.addStatement(
            n.f("loss += $T.max(z, 0.0) - z * target[k]$W+ $T.log1p($T.exp(-$T.abs(z)))"),
            Math.class, n.math(), n.math(), Math.class);
        body.endControlFlow();
        body.addStatement("return loss");
        break;
      case SOFTMAX_CROSS_ENTROPY:
        doc = "Loss E = −Σ T ln SpostA,O = Σ T (ln Σ e^SpreA,O − SpreA,O), from the sums of the softmax.";
        body.addStatement(n.f("double logSumExp = softmaxMax + $T.log(softmaxSum)"), n.math());
        overNodes(body, output, "k");
        body.addStatement("loss += target[k] * (logSumExp - $L[k])", z);
        body.endControlFlow();
        body.addStatement("return loss");
        break;
      default:
        doc = "Loss: the perceptron criterion E = Σ (SpostA,O − T) × SpreA,O, 0 when every output is right.";
        overNodes(body, output, "k");
        body.addStatement("loss += ($L[k] - target[k]) * $L[k]", y, z);
        body.endControlFlow();
        body.addStatement("return loss");
        break;
    }
    return MethodSpec.methodBuilder("outputLoss")
        .addJavadoc(Code.javadoc(doc))
        .addModifiers(Modifier.PRIVATE)
        .returns(n.type())
        .addParameter(n.array(), "target")
        .addCode(body.build())
        .build();
  }

  private MethodSpec errorSignal() {
    CodeBlock.Builder body = CodeBlock.builder();
    String y = output.valuesArray();
    String doc;
    overNodes(body, output, "k");
    if (model.loss() == Loss.SQUARED_ERROR) {
      Activation activation = output.activation();
      doc = "Error signal S_ERROR = FE × fA′(SpreA,O), FE = SpostA,O − T; " + Equations.derivativeText(activation) + ".";
      CodeBlock derivative =
          Equations.derivative(n, activation, output.preActivationsArray() + "[k]", y + "[k]");
      if (derivative == null) {
        body.addStatement("$L[k] = $L[k] - target[k]", output.deltasArray(), y);
      } else {
        body.addStatement("$L[k] = ($L[k] - target[k]) *$W$L", output.deltasArray(), y, derivative);
      }
    } else {
      doc = Passes.errorSignalText(model) + ".";
      body.addStatement("$L[k] = $L[k] - target[k]", output.deltasArray(), y);
    }
    body.endControlFlow();
    return MethodSpec.methodBuilder("errorSignal")
        .addJavadoc(Code.javadoc(doc))
        .addModifiers(Modifier.PRIVATE)
        .addParameter(n.array(), "target")
        .addCode(body.build())
        .build();
  }

  /** δ of hidden {@code layer} from the looped layer after it: one dot product per node. */
  private MethodSpec hiddenDeltas(Layer layer) {
    Layer next = model.layers().get(layer.index() + 1);
    CodeBlock.Builder body = CodeBlock.builder();
    overNodes(body, layer, "j");
    statement(
        body,
        LOOP_INDENT,
        "the weights from " + layer.letter() + "_j into every node of " + next.letter(),
        n.f("double[] w = $L[j]"),
        next.weightsArray(layer));
    body.addStatement(n.f("double sum = 0.0"));
    overNodes(body, next, "k");
    body.addStatement("sum += w[k] * $L[k]", next.deltasArray());
    body.endControlFlow();
    CodeBlock derivative =
        Equations.derivative(n, layer.activation(), layer.preActivationsArray() + "[j]", layer.valuesArray() + "[j]");
    statement(
        body,
        LOOP_INDENT,
        "δ" + layer.letter() + " = fA′(SpreA," + layer.letter() + ") × Σ " + Passes.deltaName(next) + " × weight",
        "$L[j] = $L",
        layer.deltasArray(),
        derivative == null ? CodeBlock.of("sum") : CodeBlock.of("$L * sum", derivative));
    body.endControlFlow();
    String doc =
        Passes.hiddenDeltaText(model, layer) + " " + capitalize(Equations.derivativeText(layer.activation())) + ".";
    return MethodSpec.methodBuilder("deltas" + layer.letter())
        .addJavadoc(Code.javadoc(doc))
        .addModifiers(Modifier.PRIVATE)
        .addCode(body.build())
        .build();
  }

  private MethodSpec update(Layer layer) {
    Layer previous = model.previous(layer);
    String delta = layer.deltasArray();
    String d = Passes.deltaName(layer);
    CodeBlock.Builder body = CodeBlock.builder();
    overNodes(body, layer, "j");
    statement(body, LOOP_INDENT, "−LR × " + d + ", once per node", "$L[j] = -learningRate * $L[j]", delta, delta);
    statement(body, LOOP_INDENT, "bias ← bias − LR × " + d, "$L[j] += $L[j]", layer.biasesArray(), delta);
    body.endControlFlow();
    String weights = layer.weightsArray(previous);
    addAlongRows(
        body,
        layer,
        "weight ← weight − LR × " + d + " × " + (previous.isInput() ? "input" : "SpostA," + previous.letter()),
        weights,
        "w",
        r -> weights + "[" + (r == 0 ? "i" : "i + " + r) + "]",
        "−LR × " + d);
    String doc =
        "Update " + model.weightsName(layer) + ", looped: weight ← weight − LR × gradient, with "
            + Passes.gradientText(model, layer) + ". The step −LR × " + d
            + " is computed once per node, in place of " + d + ", then added along each row.";
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("update" + weightsId(layer))
            .addJavadoc(Code.javadoc(doc))
            .addModifiers(Modifier.PRIVATE);
    if (firstLayer(layer)) {
      method.addParameter(n.array(), "input");
    }
    return method.addParameter(n.type(), "learningRate").addCode(body.build()).build();
  }

  private MethodSpec gradient(Layer layer) {
    Layer previous = model.previous(layer);
    CodeBlock.Builder body = CodeBlock.builder();
    overNodes(body, layer, "j");
    body.addStatement(n.f("double delta = $L[j]"), layer.deltasArray());
    statement(
        body,
        LOOP_INDENT,
        "the weights into " + layer.letter() + "_j in the flat order",
        "int row = $L",
        Storage.flatIndex(layer.weightOffset(), "j * " + previous.sizeConstant()));
    overNodes(body, previous, "i");
    body.addStatement("gradientSum[row + i] += delta * $L[i]", previous.valuesArray());
    body.endControlFlow();
    statement(body, LOOP_INDENT, "bias: gradient = " + Passes.deltaName(layer), "gradientSum[$L + j] += delta", layer.biasOffset());
    body.endControlFlow();
    String doc = capitalize(Passes.gradientText(model, layer)) + ", looped, added in the flat parameter order.";
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("gradient" + weightsId(layer))
            .addJavadoc(Code.javadoc(doc))
            .addModifiers(Modifier.PRIVATE);
    if (firstLayer(layer)) {
      method.addParameter(n.array(), "input");
    }
    return method.addParameter(n.array(), "gradientSum").addCode(body.build()).build();
  }

  /**
   * The same gradient added to the arrays laid out as {@code parameterArrays()}: row by row, as the update
   * goes, so that the loop over each row vectorises.
   */
  private MethodSpec gradientArrays(Layer layer) {
    Layer previous = model.previous(layer);
    String delta = layer.deltasArray();
    String from = previous.isInput() ? "input" : "SpostA," + previous.letter();
    CodeBlock.Builder body = CodeBlock.builder();
    statement(body, "the biases of " + layer.letter(), n.f("double[] g = gradientSums[$L]"), layer.biasArray());
    overNodes(body, layer, "j");
    statement(body, LOOP_INDENT, "bias: gradient = " + Passes.deltaName(layer), "g[j] += $L[j]", delta);
    body.endControlFlow();
    addAlongRows(
        body,
        layer,
        "gradient = " + Passes.deltaName(layer) + " × " + from,
        "the gradient sums",
        "row",
        r -> "gradientSums[" + (layer.firstArray() + r) + " + i]",
        Passes.deltaName(layer));
    String doc =
        capitalize(Passes.gradientText(model, layer)) + ", looped, added to the arrays laid out as parameterArrays(): "
            + "the weight rows from " + layer.firstArray() + ", the biases at " + layer.biasArray() + ".";
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("gradient" + weightsId(layer))
            .addJavadoc(Code.javadoc(doc))
            .addModifiers(Modifier.PRIVATE);
    if (firstLayer(layer)) {
      method.addParameter(n.array(), "input");
    }
    return method.addParameter(n.rows(), "gradientSums").addCode(body.build()).build();
  }

  /**
   * Adds {@code delta[j] × a_i} along each row i of the rows before {@code layer}, {@link #ROWS_PER_PASS}
   * rows a pass as the forward pass goes: each δ loaded serves four rows, and the loop body is long enough
   * that C2's vector loop covers rows as short as 32 nodes instead of leaving them to its scalar pre- and
   * post-loops (measured, 64 → 32: 1.5× faster on JDK 17). Each element changes once, by the same
   * product, so the bits are those of a row at a time.
   */
  private void addAlongRows(
      CodeBlock.Builder body,
      Layer layer,
      String what,
      String rowsName,
      String local,
      IntFunction<String> row,
      String deltaText) {
    Layer previous = model.previous(layer);
    String delta = layer.deltasArray();
    int rows = previous.size();
    int whole = rows - rows % ROWS_PER_PASS;
    if (whole > 0) {
      comment(body, what + ", " + ROWS_PER_PASS + " rows of " + rowsName + " per pass");
      Loops.overWholePasses(body, previous, ROWS_PER_PASS);
      for (int r = 0; r < ROWS_PER_PASS; r++) {
        body.addStatement(n.f("double[] $L$L = $L"), local, r, row.apply(r));
      }
      for (int r = 0; r < ROWS_PER_PASS; r++) {
        body.addStatement(n.f("double a$L = $L[$L]"), r, previous.valuesArray(), r == 0 ? "i" : "i + " + r);
      }
      overNodes(body, layer, "j");
      statement(body, 8, deltaText + "_j", n.f("double d = $L[j]"), delta);
      for (int r = 0; r < ROWS_PER_PASS; r++) {
        body.addStatement("$L$L[j] += d * a$L", local, r, r);
      }
      body.endControlFlow();
      body.endControlFlow();
    }
    if (whole < rows) {
      if (whole > 0) {
        comment(body, "The rows left over");
      }
      Loops.overRowsLeft(body, previous, ROWS_PER_PASS);
      body.addStatement(n.f("double[] $L = $L"), local, row.apply(0));
      body.addStatement(n.f("double a = $L[i]"), previous.valuesArray());
      overNodes(body, layer, "j");
      statement(body, 8, what, "$L[j] += $L[j] * a", local, delta);
      body.endControlFlow();
      body.endControlFlow();
    }
  }

  // ---------------------------------------------------------------- names

  static boolean firstLayer(Layer layer) {
    return layer.index() == 1;
  }

  static String forwardName(Layer layer) {
    return "forward" + layer.letter();
  }

  /** ItoH, H1toH2, HtoO: the weights into {@code layer}, with every layer's own letter. */
  private String weightsId(Layer layer) {
    return model.previous(layer).letter() + "to" + layer.letter();
  }
}
