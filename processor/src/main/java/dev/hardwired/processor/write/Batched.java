package dev.hardwired.processor.write;

import static dev.hardwired.processor.write.Code.comment;
import static dev.hardwired.processor.write.Code.statement;
import static dev.hardwired.processor.write.Loops.overNodes;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hardwired.Checks;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javax.lang.model.element.Modifier;

/**
 * The batched form: a batch's predictions and gradient sums, {@link #TILE} samples at a time through the
 * leading looped hidden layers, so that each of their weight rows is loaded once per {@link #PAIR} samples
 * and each row of their gradient sums once per tile, rather than once per sample. What follows those layers, cheap beside them, runs a
 * sample at a time through the same code as the one-sample methods.
 *
 * <p>Each sample's sums are added in the one-sample order, and the gradients of a tile in sample order:
 * a batch gives the bits of the one-sample methods called on its samples in turn.
 */
final class Batched {
  /** Samples per tile: each row of gradient sums is loaded and stored once for this many samples. */
  static final int TILE = 4;
  /**
   * Samples per pass of the forward loops: each weight row is loaded once for two samples, four rows a
   * pass as in the one-sample loop. Measured (JDK 17 and 25, 784 → 128): two samples beat one by 5 to
   * 13 %, four samples of two rows lost to one.
   */
  static final int PAIR = 2;
  /**
   * Rows of gradient sums per pass of a tile's gradient: each sample's δ is loaded once for both. Measured
   * (JDK 17, 784 → 128, a plain-loop model of the kernel): 1.28× faster than one row; four rows spilled.
   */
  static final int GRADIENT_ROWS = 2;
  private static final int LOOP_INDENT = 6;

  private final NetworkModel model;
  private final Passes passes;
  private final Looped looped;
  private final Numbers n;
  /** The layers written a tile at a time: the looped hidden layers from the first on. */
  private final List<Layer> tiled = new ArrayList<>();

  Batched(NetworkModel model, Passes passes) {
    this.model = model;
    this.passes = passes;
    this.looped = passes.looped();
    this.n = Numbers.of(model);
    if (!model.chunked()) {
      for (Layer layer : model.layers().subList(1, model.layers().size())) {
        if (!layer.looped() || layer.isOutput()) {
          break;
        }
        tiled.add(layer);
      }
    }
  }

  /** The index of the last tiled layer: 0 when no layer is tiled. */
  private int known() {
    return tiled.isEmpty() ? 0 : tiled.get(tiled.size() - 1).index();
  }

  private Layer last() {
    return model.layers().get(known());
  }

  // ---------------------------------------------------------------- fields

  /**
   * {@code TILE} and the tile's SpostA and δ of each tiled layer, one row per sample, and its SpreA where
   * fA′ needs them.
   */
  void addFields(TypeSpec.Builder type) {
    if (tiled.isEmpty()) {
      return;
    }
    type.addField(
        FieldSpec.builder(TypeName.INT, "TILE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Samples per tile of the batched methods: each row of gradient sums is loaded once per tile.\n")
            .initializer("$L", TILE)
            .build());
    for (Layer layer : tiled) {
      String l = layer.letter();
      type.addField(
          FieldSpec.builder(n.rows(), tileValues(layer), Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc("SpostA,$L of each sample of the last tile.\n", l)
              .initializer(n.f("new double[TILE][$L]"), layer.sizeConstant())
              .build());
      if (model.keepsPreActivations(layer)) {
        type.addField(
            FieldSpec.builder(n.rows(), tilePreActivations(layer), Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("SpreA,$L of each sample of the last tile, which fA′ needs.\n", l)
                .initializer(n.f("new double[TILE][$L]"), layer.sizeConstant())
                .build());
      }
      type.addField(
          FieldSpec.builder(n.rows(), tileDeltas(layer), Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc("δ$L of each sample of the last tile.\n", l)
              .initializer(n.f("new double[TILE][$L]"), layer.sizeConstant())
              .build());
    }
  }

  // ---------------------------------------------------------------- the API

  /** The batched API methods: predict a batch, accumulate a batch's gradients. */
  List<MethodSpec> apiMethods() {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(predict());
    methods.add(accumulateGradient());
    return methods;
  }

  private MethodSpec predict() {
    CodeBlock.Builder body = CodeBlock.builder();
    body.addStatement("$T.requirePredictions(inputs, outputs, INPUTS, OUTPUTS)", Checks.class);
    if (!tiled.isEmpty()) {
      body.addStatement("int k = 0");
      comment(body, "Whole tiles: " + tiledText() + " for TILE samples at once, then each sample on its own");
      body.beginControlFlow("for (; k <= inputs.length - TILE; k += TILE)");
      forwardTiles(body, s -> s == 0 ? "inputs[k]" : "inputs[k + " + s + "]");
      body.beginControlFlow("for (int s = 0; s < TILE; s++)");
      copyIn(body);
      body.addStatement("$L(outputs[k + s])", predictName());
      body.endControlFlow();
      body.endControlFlow();
      comment(body, "The samples left over, one at a time");
    }
    body.beginControlFlow(tiled.isEmpty() ? "for (int k = 0; k < inputs.length; k++)" : "for (; k < inputs.length; k++)");
    if (tiled.isEmpty()) {
      body.addStatement("$L(inputs[k], outputs[k])", predictName());
    } else {
      body.addStatement(n.f("double[] input = inputs[k]"));
      for (Layer layer : tiled) {
        looped.forwardCall(body, layer);
      }
      body.addStatement("$L(outputs[k])", predictName());
    }
    body.endControlFlow();
    return MethodSpec.methodBuilder("predict")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(n.rows(), "inputs")
        .addParameter(n.rows(), "outputs")
        .addCode(body.build())
        .build();
  }

  private MethodSpec accumulateGradient() {
    CodeBlock.Builder body = CodeBlock.builder();
    body.addStatement("$T.requireBatch(inputs, targets, indices, from, to, INPUTS, OUTPUTS)", Checks.class);
    body.addStatement("$T.requireShape(gradientSums, parameterArrays, $S)", Checks.class, "gradientSums");
    statement(body, "Σ E over the batch, sample by sample", "double loss = 0.0");
    if (!tiled.isEmpty()) {
      body.addStatement("int k = from");
      comment(
          body,
          "Whole tiles: " + tiledText() + " for TILE samples at once, then each sample on its own from SpostA,"
              + last().letter() + " on, then the gradients of " + tiledWeightsText() + " for the tile");
      body.beginControlFlow("for (; k <= to - TILE; k += TILE)");
      forwardTiles(
          body,
          s -> s == 0 ? "inputs[indices == null ? k : indices[k]]" : "inputs[indices == null ? k + " + s + " : indices[k + " + s + "]]");
      body.beginControlFlow("for (int s = 0; s < TILE; s++)");
      copyIn(body);
      body.addStatement("int r = indices == null ? k + s : indices[k + s]");
      body.addStatement("loss += $L(targets[r], gradientSums)", backpropagateName());
      for (Layer layer : tiled) {
        body.addStatement(
            "$T.arraycopy($L, 0, $L[s], 0, $L)", System.class, layer.deltasArray(), tileDeltas(layer), layer.sizeConstant());
      }
      body.endControlFlow();
      for (int t = tiled.size() - 1; t >= 0; t--) {
        Layer layer = tiled.get(t);
        comment(body, Code.capitalize(Passes.gradientText(model, layer)) + ", for the tile");
        body.addStatement(
            "$L($LgradientSums)", gradientTileName(layer), Looped.firstLayer(layer) ? "x0, x1, x2, x3, " : "");
      }
      body.endControlFlow();
      comment(body, "The samples left over, one at a time");
    }
    body.beginControlFlow(tiled.isEmpty() ? "for (int k = from; k < to; k++)" : "for (; k < to; k++)");
    body.addStatement("int r = indices == null ? k : indices[k]");
    body.addStatement(n.f("double[] input = inputs[r]"));
    body.addStatement(n.f("double[] target = targets[r]"));
    accumulateOne(body, "loss +=");
    body.endControlFlow();
    body.addStatement("return loss");
    return MethodSpec.methodBuilder("accumulateGradient")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(double.class)
        .addParameter(n.rows(), "inputs")
        .addParameter(n.rows(), "targets")
        .addParameter(int[].class, "indices")
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .addParameter(n.rows(), "gradientSums")
        .addCode(body.build())
        .build();
  }

  /**
   * One sample's gradient, from the locals {@code input} and {@code target} into {@code gradientSums},
   * its loss added to or assigned to {@code loss} by {@code lossStatement} ({@code "loss +="}, {@code
   * "double loss ="}): the forward passes of the tiled layers, the rest of the network, the gradients of the
   * tiled layers. The one-sample {@code accumulateGradient} and a batch's samples left over share it.
   */
  void accumulateOne(CodeBlock.Builder body, String lossStatement) {
    if (!tiled.isEmpty()) {
      comment(
          body,
          Code.capitalize(tiledText()) + ", the rest of the network from SpostA," + last().letter()
              + " on, then the gradients of " + tiledWeightsText());
    }
    for (Layer layer : tiled) {
      looped.forwardCall(body, layer);
    }
    if (model.fullyUnrolled()) {
      // One array, p, in the flat order: the flat form's statements.
      body.addStatement("$L $L(input, target, gradientSums[0])", lossStatement, backpropagateName());
      return;
    }
    body.addStatement(
        "$L $L($Ltarget, gradientSums)", lossStatement, backpropagateName(), tiled.isEmpty() ? "input, " : "");
    for (int t = tiled.size() - 1; t >= 0; t--) {
      looped.gradientArraysCall(body, tiled.get(t));
    }
  }

  /** The tiled layers' forward methods on samples x0 to x3, the rows that {@code sample} names. */
  private void forwardTiles(CodeBlock.Builder body, IntFunction<String> sample) {
    for (int s = 0; s < TILE; s++) {
      body.addStatement(n.f("double[] x$L = $L"), s, sample.apply(s));
    }
    for (Layer layer : tiled) {
      String values = tileValues(layer);
      for (int s = 0; s < TILE; s += PAIR) {
        String from =
            Looped.firstLayer(layer)
                ? "x" + s + ", x" + (s + 1)
                : tileValues(model.previous(layer)) + "[" + s + "], " + tileValues(model.previous(layer)) + "[" + (s + 1) + "]";
        if (model.keepsPreActivations(layer)) {
          String z = tilePreActivations(layer);
          body.addStatement(
              "$L($L,$W$L[$L], $L[$L],$W$L[$L], $L[$L])",
              forwardPairName(layer), from, z, s, z, s + 1, values, s, values, s + 1);
        } else {
          body.addStatement(
              "$L($L, $L[$L], $L[$L])", forwardPairName(layer), from, values, s, values, s + 1);
        }
      }
    }
  }

  /** Sample s's SpostA (and SpreA) of the tiled layers into the arrays that the one-sample code reads. */
  private void copyIn(CodeBlock.Builder body) {
    for (Layer layer : tiled) {
      if (model.keepsPreActivations(layer)) {
        body.addStatement(
            "$T.arraycopy($L[s], 0, $L, 0, $L)",
            System.class, tilePreActivations(layer), layer.preActivationsArray(), layer.sizeConstant());
      }
      body.addStatement(
          "$T.arraycopy($L[s], 0, $L, 0, $L)", System.class, tileValues(layer), layer.valuesArray(), layer.sizeConstant());
    }
  }

  // ---------------------------------------------------------------- the methods

  /** The private methods: each sample from the last tiled layer on, then each tiled layer's kernels. */
  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(predictFrom());
    methods.add(backpropagateFrom());
    for (Layer layer : tiled) {
      methods.add(forwardPair(layer));
    }
    for (int t = tiled.size() - 1; t >= 0; t--) {
      methods.add(gradientTile(tiled.get(t)));
    }
    return methods;
  }

  private MethodSpec predictFrom() {
    CodeBlock.Builder body = CodeBlock.builder();
    passes.forward(body, known());
    Layer output = model.outputLayer();
    if (output.looped()) {
      looped.copyOutputs(body);
    } else {
      for (int k = 0; k < output.size(); k++) {
        body.addStatement("output[$L] = $L", k, output.value(k));
      }
    }
    String doc =
        tiled.isEmpty()
            ? "One sample of a batch: the forward pass, as predict(input, output) makes it, without its checks."
            : "One sample of a batch from SpostA," + last().letter() + " on, which its tile has computed: the rest"
                + " of the forward pass.";
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(predictName()).addJavadoc(Code.javadoc(doc)).addModifiers(Modifier.PRIVATE);
    if (tiled.isEmpty()) {
      method.addParameter(n.array(), "input");
    }
    return method.addParameter(n.array(), "output").addCode(body.build()).build();
  }

  private MethodSpec backpropagateFrom() {
    CodeBlock.Builder body = CodeBlock.builder();
    boolean flat = model.fullyUnrolled();
    passes.backpropagate(body, known());
    if (flat) {
      passes.accumulate(body);
    } else {
      passes.accumulateArrays(body, known());
    }
    body.addStatement("return loss");
    String doc =
        tiled.isEmpty()
            ? "One sample, checked by its caller: the forward pass, the loss, every δ and every gradient added to "
                + (flat ? "gradientSum, in the flat order" : "gradientSums")
                + ". The one-sample accumulateGradient and a batch's samples call it."
            : "One sample from SpostA," + last().letter() + " on, which forward" + last().letter() + " or a tile has"
                + " computed: the rest of the forward pass, the loss, every δ, and the gradients of the layers after "
                + last().letter() + " added to gradientSums; the caller adds those of " + tiledWeightsText() + ".";
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(backpropagateName())
            .addJavadoc(Code.javadoc(doc))
            .addModifiers(Modifier.PRIVATE)
            .returns(n.type());
    if (tiled.isEmpty()) {
      method.addParameter(n.array(), "input");
    }
    return method
        .addParameter(n.array(), "target")
        .addParameter(flat ? n.array() : n.rows(), flat ? "gradientSum" : "gradientSums")
        .addCode(body.build())
        .build();
  }

  /**
   * Forward through tiled {@code layer} for two samples: per pass, {@link Looped#ROWS_PER_PASS} weight
   * rows loaded once and added to both samples' SpreA.
   */
  private MethodSpec forwardPair(Layer layer) {
    Layer previous = model.previous(layer);
    String weights = layer.weightsArray(previous);
    String l = layer.letter();
    String from = previous.isInput() ? "input" : "SpostA," + previous.letter();
    int rowsPerPass = Looped.ROWS_PER_PASS;
    CodeBlock.Builder body = CodeBlock.builder();
    overNodes(body, layer, "j");
    for (int s = 0; s < PAIR; s++) {
      body.addStatement(n.f("h$L[j] = 0.0"), s);
    }
    body.endControlFlow();
    int rows = previous.size();
    int whole = rows - rows % rowsPerPass;
    if (whole > 0) {
      comment(
          body,
          "SpreA," + l + " += weight " + previous.letter() + "_i→" + l + " × " + from + "_i, " + rowsPerPass
              + " rows of " + weights + " per pass, each row loaded once for both samples");
      Loops.overWholePasses(body, previous, rowsPerPass);
      for (int r = 0; r < rowsPerPass; r++) {
        body.addStatement(n.f("double[] w$L = $L[$L]"), r, weights, r == 0 ? "i" : "i + " + r);
      }
      for (int s = 0; s < PAIR; s++) {
        for (int r = 0; r < rowsPerPass; r++) {
          body.addStatement(n.f("double a$L$L = x$L[$L]"), s, r, s, r == 0 ? "i" : "i + " + r);
        }
      }
      overNodes(body, layer, "j");
      // Without the locals the JIT, which must assume that h0 may be one of the weight rows, would load each
      // weight again for the second sample: measured 1.3x slower at 784 inputs.
      comment(body, "Weights and SpreA sums into locals, so that each weight is loaded once for both samples");
      for (int r = 0; r < rowsPerPass; r++) {
        body.addStatement(n.f("double v$L = w$L[j]"), r, r);
      }
      for (int s = 0; s < PAIR; s++) {
        body.addStatement(n.f("double s$L = h$L[j]"), s, s);
      }
      for (int s = 0; s < PAIR; s++) {
        List<CodeBlock> terms = new ArrayList<>();
        for (int r = 0; r < rowsPerPass; r++) {
          terms.add(CodeBlock.of("v$L * a$L$L", r, s, r));
        }
        body.addStatement("h$L[j] = $L", s, Loops.sum(CodeBlock.of("s$L", s), terms));
      }
      body.endControlFlow();
      body.endControlFlow();
    }
    if (whole < rows) {
      comment(body, whole == 0 ? "SpreA," + l + " += weight × " + from + ", one row at a time" : "The rows left over");
      Loops.overRowsLeft(body, previous, rowsPerPass);
      body.addStatement(n.f("double[] w = $L[i]"), weights);
      for (int s = 0; s < PAIR; s++) {
        body.addStatement(n.f("double a$L = x$L[i]"), s, s);
      }
      overNodes(body, layer, "j");
      for (int s = 0; s < PAIR; s++) {
        body.addStatement("h$L[j] = h$L[j] + w[j] * a$L", s, s, s);
      }
      body.endControlFlow();
      body.endControlFlow();
    }
    boolean keepsPreActivations = model.keepsPreActivations(layer);
    comment(
        body,
        keepsPreActivations
            ? "SpreA," + l + " = Σ weight × " + from + " + bias, kept for fA′; SpostA," + l + " = fA(SpreA," + l + ")"
            : "SpostA," + l + " = fA(SpreA," + l + "), SpreA," + l + " = Σ weight × " + from + " + bias");
    overNodes(body, layer, "j");
    for (int s = 0; s < PAIR; s++) {
      if (keepsPreActivations) {
        body.addStatement("z$L[j] = h$L[j] + $L[j]", s, s, layer.biasesArray());
        body.addStatement("h$L[j] = $L", s, Equations.activate(n, layer.activation(), CodeBlock.of("z$L[j]", s)));
      } else {
        body.addStatement(
            "h$L[j] = $L",
            s,
            Equations.activate(n, layer.activation(), CodeBlock.of("h$L[j] + $L[j]", s, layer.biasesArray())));
      }
    }
    body.endControlFlow();
    String doc =
        "Forward, " + layer.title() + " (" + layer.activation().displayName() + "), two samples at once: SpreA,"
            + l + " = " + model.weightsName(layer) + " · " + from + " + bias and SpostA," + l + " = fA(SpreA," + l
            + ") of sample x0 into h0 and of sample x1 into h1" + (keepsPreActivations ? ", their SpreA into z0 and z1" : "")
            + ". Each weight row is loaded once for both; each"
            + " sample's sum goes row by row as in " + Looped.forwardName(layer) + ", so it has the same bits.";
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(forwardPairName(layer)).addJavadoc(Code.javadoc(doc)).addModifiers(Modifier.PRIVATE);
    for (int s = 0; s < PAIR; s++) {
      method.addParameter(n.array(), "x" + s);
    }
    if (keepsPreActivations) {
      for (int s = 0; s < PAIR; s++) {
        method.addParameter(n.array(), "z" + s);
      }
    }
    for (int s = 0; s < PAIR; s++) {
      method.addParameter(n.array(), "h" + s);
    }
    return method.addCode(body.build()).build();
  }

  /** The gradient of tiled {@code layer}'s weights and biases for the tile's samples, added in sample order. */
  private MethodSpec gradientTile(Layer layer) {
    Layer previous = model.previous(layer);
    String d = Passes.deltaName(layer);
    String from = previous.isInput() ? "input" : "SpostA," + previous.letter();
    CodeBlock.Builder body = CodeBlock.builder();
    if (!Looped.firstLayer(layer)) {
      for (int s = 0; s < TILE; s++) {
        statement(body, "sample " + s + "'s " + from, n.f("double[] x$L = $L[$L]"), s, tileValues(previous), s);
      }
    }
    for (int s = 0; s < TILE; s++) {
      statement(body, "sample " + s + "'s " + d, n.f("double[] d$L = $L[$L]"), s, tileDeltas(layer), s);
    }
    statement(body, "the biases of " + layer.letter(), n.f("double[] g = gradientSums[$L]"), layer.biasArray());
    overNodes(body, layer, "j");
    statement(
        body, LOOP_INDENT, "bias: gradient = " + d + ", sample by sample", "g[j] = g[j] + d0[j] + d1[j] + d2[j] + d3[j]");
    body.endControlFlow();
    int rows = previous.size();
    int whole = rows - rows % GRADIENT_ROWS;
    if (whole > 0) {
      comment(
          body,
          GRADIENT_ROWS + " rows of sums per pass, each sample's " + d + " loaded once for both");
      Loops.overWholePasses(body, previous, GRADIENT_ROWS);
      for (int r = 0; r < GRADIENT_ROWS; r++) {
        statement(
            body,
            LOOP_INDENT,
            "row " + (r == 0 ? "i" : "i + " + r) + ": the weights from " + previous.letter() + "_" + (r == 0 ? "i" : "i+" + r),
            n.f("double[] row$L = gradientSums[$L + i]"),
            r,
            layer.firstArray() + r);
      }
      for (int r = 0; r < GRADIENT_ROWS; r++) {
        for (int s = 0; s < TILE; s++) {
          body.addStatement(n.f("double a$L$L = x$L[$L]"), s, r, s, r == 0 ? "i" : "i + " + r);
        }
      }
      overNodes(body, layer, "j");
      // Without the locals the JIT, which must assume that row0 may be one of the δ rows, would load each δ
      // again for the second row.
      comment(body, 8, "Each sample's " + d + " into a local, loaded once for both rows");
      for (int s = 0; s < TILE; s++) {
        body.addStatement(n.f("double e$L = d$L[j]"), s, s);
      }
      comment(body, 8, "gradient = " + d + " × " + from + ", sample by sample");
      for (int r = 0; r < GRADIENT_ROWS; r++) {
        List<CodeBlock> terms = new ArrayList<>();
        for (int s = 0; s < TILE; s++) {
          terms.add(CodeBlock.of("e$L * a$L$L", s, s, r));
        }
        body.addStatement("row$L[j] = $L", r, Loops.sum(CodeBlock.of("row$L[j]", r), terms));
      }
      body.endControlFlow();
      body.endControlFlow();
    }
    if (whole < rows) {
      comment(body, whole == 0 ? "One row of sums at a time" : "The row left over");
      Loops.overRowsLeft(body, previous, GRADIENT_ROWS);
      statement(
          body,
          LOOP_INDENT,
          "row i: the weights from " + previous.letter() + "_i",
          n.f("double[] row = gradientSums[$L + i]"),
          layer.firstArray());
      for (int s = 0; s < TILE; s++) {
        body.addStatement(n.f("double a$L = x$L[i]"), s, s);
      }
      overNodes(body, layer, "j");
      comment(body, 8, "gradient = " + d + " × " + from + ", sample by sample");
      body.addStatement("row[j] = row[j] + d0[j] * a0 + d1[j] * a1 + d2[j] * a2 + d3[j] * a3");
      body.endControlFlow();
      body.endControlFlow();
    }
    String doc =
        Code.capitalize(Passes.gradientText(model, layer)) + ", for a tile: added to the arrays laid out as"
            + " parameterArrays(), each row of sums loaded once for the tile and each sample's gradient added in"
            + " turn, as the one-sample code adds them.";
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(gradientTileName(layer))
            .addJavadoc(Code.javadoc(doc))
            .addModifiers(Modifier.PRIVATE);
    if (Looped.firstLayer(layer)) {
      for (int s = 0; s < TILE; s++) {
        method.addParameter(n.array(), "x" + s);
      }
    }
    return method.addParameter(n.rows(), "gradientSums").addCode(body.build()).build();
  }

  // ---------------------------------------------------------------- names and words

  private String predictName() {
    return "predictFrom" + last().letter();
  }

  String backpropagateName() {
    return "backpropagateFrom" + last().letter();
  }

  private static String forwardPairName(Layer layer) {
    return "forwardPair" + layer.letter();
  }

  private String gradientTileName(Layer layer) {
    return "gradientTile" + model.previous(layer).letter() + "to" + layer.letter();
  }

  private static String tileValues(Layer layer) {
    return "tileSpostA" + layer.letter();
  }

  private static String tilePreActivations(Layer layer) {
    return "tileSpreA" + layer.letter();
  }

  private static String tileDeltas(Layer layer) {
    return "tileDelta" + layer.letter();
  }

  /** "the hidden layer" or "hidden layers 1 to 2", as the forward pass through them. */
  private String tiledText() {
    return tiled.size() == 1
        ? "forward through the " + tiled.get(0).title()
        : "forward through hidden layers 1 to " + tiled.size();
  }

  /** "ItoH" or "ItoH1 to H1toH2". */
  private String tiledWeightsText() {
    return tiled.size() == 1
        ? model.weightsName(tiled.get(0))
        : model.weightsName(tiled.get(0)) + " to " + model.weightsName(last());
  }
}
