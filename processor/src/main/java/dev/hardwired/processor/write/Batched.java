package dev.hardwired.processor.write;

import static dev.hardwired.processor.write.Code.comment;
import static dev.hardwired.processor.write.Code.statement;

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
 * and each row of their gradient sums once per tile, rather than once per sample; the kernels that do so are
 * {@link TileKernels}'. What follows those layers, cheap beside them, runs a sample at a time through the
 * same code as the one-sample methods.
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

  private final NetworkModel model;
  private final Passes passes;
  private final Looped looped;
  private final Numbers n;
  private final TileKernels kernels;
  /** The layers written a tile at a time: the looped hidden layers from the first on. */
  private final List<Layer> tiled = new ArrayList<>();

  Batched(NetworkModel model, Passes passes) {
    this.model = model;
    this.passes = passes;
    this.looped = passes.looped();
    this.n = Numbers.of(model);
    this.kernels = new TileKernels(model, this);
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
      methods.add(kernels.forwardPair(layer));
    }
    for (int t = tiled.size() - 1; t >= 0; t--) {
      methods.add(kernels.gradientTile(tiled.get(t)));
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

  // ---------------------------------------------------------------- names and words

  private String predictName() {
    return "predictFrom" + last().letter();
  }

  String backpropagateName() {
    return "backpropagateFrom" + last().letter();
  }

  static String forwardPairName(Layer layer) {
    return "forwardPair" + layer.letter();
  }

  String gradientTileName(Layer layer) {
    return "gradientTile" + model.previous(layer).letter() + "to" + layer.letter();
  }

  static String tileValues(Layer layer) {
    return "tileSpostA" + layer.letter();
  }

  static String tilePreActivations(Layer layer) {
    return "tileSpreA" + layer.letter();
  }

  static String tileDeltas(Layer layer) {
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
