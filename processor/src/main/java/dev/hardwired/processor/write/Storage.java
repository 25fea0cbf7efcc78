package dev.hardwired.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.hardwired.Checks;
import dev.hardwired.Initialization;
import dev.hardwired.Loss;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Where a generated network keeps its parameters and its scratch values, and the canonical flat view of
 * them ({@code Topology}'s order) that {@code getParameters}, {@code setParameters} and gradients see.
 * Unrolled layers keep their parameters in one array {@code p}, in the flat order; a looped layer keeps
 * one array per input row, input-major, which is what C2 vectorises, and its biases beside them. Every
 * array is allocated once, with the instance.
 */
final class Storage {
  private final NetworkModel model;
  private final List<Layer> layers;
  private final Numbers n;

  Storage(NetworkModel model) {
    this.model = model;
    this.layers = model.layers();
    this.n = Numbers.of(model.precision());
  }

  /** The size constants of the hidden layers that loops run over. */
  void addSizes(TypeSpec.Builder type) {
    for (Layer layer : hidden()) {
      if (layer.inArrays()) {
        type.addField(
            FieldSpec.builder(int.class, layer.sizeConstant(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Number of nodes in the $L.\n", layer.title())
                .initializer("$L", layer.size())
                .build());
      }
    }
  }

  /** The parameter fields, then the scratch arrays of the layers that loops read or write. */
  void addFields(TypeSpec.Builder type) {
    if (model.unrolledParameterCount() > 0) {
      type.addField(
          FieldSpec.builder(n.array(), "p", Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc(layoutDoc())
              .initializer(
                  model.fullyUnrolled() ? n.f("new double[PARAMETERS]") : n.f("new double[") + model.unrolledParameterCount() + "]")
              .build());
    }
    for (Layer layer : layers.subList(1, layers.size())) {
      if (!layer.looped()) {
        continue;
      }
      Layer previous = model.previous(layer);
      type.addField(
          FieldSpec.builder(n.rows(), layer.weightsArray(previous), Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc(
                  Code.javadoc(
                      model.weightsName(layer) + " weights, one row per node of the " + previous.title() + ": "
                          + layer.weightsArray(previous) + "[i][j] is the weight from " + previous.letter() + "_i into "
                          + layer.letter() + "_j, parameter " + flatIndex(layer.weightOffset(), "j × " + previous.size() + " + i")
                          + " of the flat order."))
              .initializer(n.f("new double[$L][$L]"), previous.sizeConstant(), layer.sizeConstant())
              .build());
      type.addField(
          FieldSpec.builder(n.array(), layer.biasesArray(), Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc(
                  "Biases of the $L, parameters $L.. of the flat order.\n", layer.title(), layer.biasOffset())
              .initializer(n.f("new double[$L]"), layer.sizeConstant())
              .build());
    }
    for (Layer layer : layers.subList(1, layers.size())) {
      if (!layer.inArrays()) {
        continue;
      }
      String l = layer.letter();
      if (layer.isOutput() && model.keepsOutputPreActivation()) {
        type.addField(scratch(layer.preActivationsArray(), layer, "SpreA," + l + " of the last forward pass."));
      }
      type.addField(scratch(layer.valuesArray(), layer, "SpostA," + l + " of the last forward pass."));
      String delta = layer.isOutput() ? "S_ERROR" : "δ" + l;
      type.addField(
          scratch(
              layer.deltasArray(),
              layer,
              delta + " of the last backward pass"
                  + (layer.looped() ? "; the update turns it into the step −LR × " + delta + "." : ".")));
    }
    if (model.outputLayer().looped() && model.loss() == Loss.SOFTMAX_CROSS_ENTROPY) {
      type.addField(
          FieldSpec.builder(n.type(), "softmaxMax", Modifier.PRIVATE)
              .addJavadoc("The largest SpreA,O of the last forward pass.\n")
              .build());
      type.addField(
          FieldSpec.builder(n.type(), "softmaxSum", Modifier.PRIVATE)
              .addJavadoc("Σ e^(SpreA,O − softmaxMax) of the last forward pass.\n")
              .build());
    }
  }

  private FieldSpec scratch(String name, Layer layer, String doc) {
    return FieldSpec.builder(n.array(), name, Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer(n.f("new double[$L]"), layer.sizeConstant())
        .build();
  }

  private CodeBlock layoutDoc() {
    CodeBlock.Builder doc =
        CodeBlock.builder()
            .add(
                model.fullyUnrolled()
                    ? "All parameters in one array, layer by layer:\n"
                    : "The parameters of the unrolled layers in one array, layer by layer:\n");
    for (Layer layer : layers.subList(1, layers.size())) {
      if (layer.looped()) {
        continue;
      }
      int weights = layer.biasOffset() - layer.weightOffset();
      String biases = layer.isOutput() ? "output" : layer.title().replace(" layer", "");
      doc.add(
          "$L weights $L, $L $L $L$L;\n",
          model.weightsName(layer),
          range(layer.storedWeightOffset(), weights),
          biases,
          layer.size() == 1 ? "bias" : "biases",
          range(layer.storedBiasOffset(), layer.size()),
          model.fullyUnrolled()
              ? ""
              : " (parameters " + layer.weightOffset() + ".." + (layer.weightOffset() + layer.parameterCount() - 1)
                  + " of the flat order)");
    }
    return doc.add("the weight into node j from node i of the layer before is at\n")
        .add("(first weight) + j × (size of the layer before) + i.\n")
        .build();
  }

  private static String range(int offset, int count) {
    return count == 1 ? "p[" + offset + "]" : "p[" + offset + ".." + (offset + count - 1) + "]";
  }

  // ---------------------------------------------------------------- the flat view

  /** The body of {@code seeded(seed)}. */
  void seed(CodeBlock.Builder body, ClassName self) {
    body.addStatement("$T network = new $T()", self, self);
    if (model.fullyUnrolled()) {
      body.addStatement("$T.initialize(TOPOLOGY, seed, network.p)", Initialization.class);
    } else {
      body.addStatement(n.f("double[] parameters = new double[PARAMETERS]"));
      body.addStatement("$T.initialize(TOPOLOGY, seed, parameters)", Initialization.class);
      body.addStatement("network.setParameters(parameters)");
    }
    body.addStatement("return network");
  }

  /** The body of {@code getParameters(destination)}: every parameter into the flat order. */
  void get(CodeBlock.Builder body) {
    body.addStatement("$T.requireLength(destination, PARAMETERS, $S)", Checks.class, "destination");
    if (model.fullyUnrolled()) {
      body.addStatement("$T.arraycopy(p, 0, destination, 0, PARAMETERS)", System.class);
      return;
    }
    copyAll(body, true, "destination");
  }

  /** The body of {@code setParameters(source)}: checked whole before anything changes. */
  void set(CodeBlock.Builder body) {
    body.addStatement("$T.requireFinite(source, PARAMETERS, $S)", Checks.class, "parameters");
    if (model.fullyUnrolled()) {
      body.addStatement("$T.arraycopy(source, 0, p, 0, PARAMETERS)", System.class);
      return;
    }
    copyAll(body, false, "source");
  }

  /** Between the flat array {@code flat} and the fields, layer by layer, in either direction. */
  private void copyAll(CodeBlock.Builder body, boolean out, String flat) {
    for (Layer layer : layers.subList(1, layers.size())) {
      if (!layer.looped()) {
        int count = layer.parameterCount();
        if (out) {
          body.addStatement(
              "$T.arraycopy(p, $L, $L, $L, $L)", System.class, layer.storedWeightOffset(), flat, layer.weightOffset(), count);
        } else {
          body.addStatement(
              "$T.arraycopy($L, $L, p, $L, $L)", System.class, flat, layer.weightOffset(), layer.storedWeightOffset(), count);
        }
        continue;
      }
      Layer previous = model.previous(layer);
      String weights = layer.weightsArray(previous);
      body.add("// $L: row i holds the weights from $L_i, flat at $L\n",
          model.weightsName(layer), previous.letter(), flatIndex(layer.weightOffset(), "j × " + previous.size() + " + i"));
      body.beginControlFlow("for (int i = 0; i < $L; i++)", previous.sizeConstant());
      body.addStatement(n.f("double[] w = $L[i]"), weights);
      body.beginControlFlow("for (int j = 0; j < $L; j++)", layer.sizeConstant());
      if (out) {
        body.addStatement("$L[$L] = w[j]", flat, flatIndex(layer.weightOffset(), "j * " + previous.sizeConstant() + " + i"));
      } else {
        body.addStatement("w[j] = $L[$L]", flat, flatIndex(layer.weightOffset(), "j * " + previous.sizeConstant() + " + i"));
      }
      body.endControlFlow();
      body.endControlFlow();
      if (out) {
        body.addStatement(
            "$T.arraycopy($L, 0, $L, $L, $L)", System.class, layer.biasesArray(), flat, layer.biasOffset(), layer.sizeConstant());
      } else {
        body.addStatement(
            "$T.arraycopy($L, $L, $L, 0, $L)", System.class, flat, layer.biasOffset(), layer.biasesArray(), layer.sizeConstant());
      }
    }
  }

  /** The body of {@code copy()}. */
  void copy(CodeBlock.Builder body, ClassName self) {
    body.addStatement("$T copy = new $T()", self, self);
    if (model.unrolledParameterCount() > 0) {
      body.addStatement(
          "$T.arraycopy(p, 0, copy.p, 0, $L)",
          System.class,
          model.fullyUnrolled() ? "PARAMETERS" : String.valueOf(model.unrolledParameterCount()));
    }
    for (Layer layer : layers.subList(1, layers.size())) {
      if (!layer.looped()) {
        continue;
      }
      Layer previous = model.previous(layer);
      String weights = layer.weightsArray(previous);
      body.beginControlFlow("for (int i = 0; i < $L; i++)", previous.sizeConstant());
      body.addStatement("$T.arraycopy($L[i], 0, copy.$L[i], 0, $L)", System.class, weights, weights, layer.sizeConstant());
      body.endControlFlow();
      body.addStatement(
          "$T.arraycopy($L, 0, copy.$L, 0, $L)", System.class, layer.biasesArray(), layer.biasesArray(), layer.sizeConstant());
    }
    body.addStatement("return copy");
  }

  /** {@code offset + rest}, or just {@code rest} at offset 0. */
  static String flatIndex(int offset, String rest) {
    return offset == 0 ? rest : offset + " + " + rest;
  }

  private List<Layer> hidden() {
    return layers.subList(1, layers.size() - 1);
  }
}
