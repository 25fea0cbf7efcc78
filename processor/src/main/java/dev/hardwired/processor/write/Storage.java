package dev.hardwired.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hardwired.Checks;
import dev.hardwired.Initialization;
import dev.hardwired.Loss;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
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
  /** The array fields that a chunked network allocates in methods, filled by {@link #addFields}. */
  private final List<Allocation> allocations = new ArrayList<>();
  /** The parameter arrays that the constructor of a network that is not chunked assigns. */
  private final List<Allocation> parameterFields = new ArrayList<>();

  Storage(NetworkModel model) {
    this.model = model;
    this.layers = model.layers();
    this.n = Numbers.of(model);
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
      // Assigned by the constructor, new or the original's, as every parameter array is.
      type.addField(FieldSpec.builder(n.array(), "p", Modifier.PRIVATE, Modifier.FINAL).addJavadoc(layoutDoc()).build());
    }
    for (Layer layer : layers.subList(1, layers.size())) {
      if (!layer.looped()) {
        continue;
      }
      Layer previous = model.previous(layer);
      type.addField(
          parameterArray(n.rows(), layer.weightsArray(previous), layer, CodeBlock.of(n.f("new double[$L][$L]"), previous.sizeConstant(), layer.sizeConstant()))
              .addJavadoc(
                  Code.javadoc(
                      model.weightsName(layer) + " weights, one row per node of the " + previous.title() + ": "
                          + layer.weightsArray(previous) + "[i][j] is the weight from " + previous.letter() + "_i into "
                          + layer.letter() + "_j, parameter " + flatIndex(layer.weightOffset(), "j × " + previous.size() + " + i")
                          + " of the flat order."))
              .build());
      type.addField(
          parameterArray(n.array(), layer.biasesArray(), layer, CodeBlock.of(n.f("new double[$L]"), layer.sizeConstant()))
              .addJavadoc(
                  "Biases of the $L, parameters $L.. of the flat order.\n", layer.title(), layer.biasOffset())
              .build());
    }
    type.addField(parameterArraysField());
    for (Layer layer : layers.subList(1, layers.size())) {
      if (!layer.inArrays()) {
        continue;
      }
      String l = layer.letter();
      if (model.keepsPreActivations(layer)) {
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

  /**
   * The parameter arrays as {@code parameterArrays()} hands them out, so that optimizers update them in
   * place: {@code p} first, then each looped layer's weight rows and its biases.
   */
  private FieldSpec parameterArraysField() {
    FieldSpec.Builder field = FieldSpec.builder(n.rows(), "parameterArrays", Modifier.PRIVATE, Modifier.FINAL);
    if (model.fullyUnrolled()) {
      field.addJavadoc("The parameter array, as {@link #parameterArrays()} hands it out to optimizers.\n");
      return field.build();
    }
    field.addJavadoc(
        Code.javadoc(
            "The parameter arrays, as {@link #parameterArrays()} hands them out to optimizers: "
                + (model.fullyLooped() ? "" : "p, then ") + "each looped layer's weight rows, then its biases."));
    return field.initializer(n.f("new double[$L][]"), model.parameterArrayCount()).build();
  }

  /** Puts looped {@code layer}'s rows and biases in their places in {@code parameterArrays}. */
  private void register(CodeBlock.Builder body, Layer layer) {
    Layer previous = model.previous(layer);
    body.addStatement(
        "$T.arraycopy($L, 0, parameterArrays, $L, $L)",
        System.class,
        layer.weightsArray(previous),
        layer.firstArray(),
        previous.sizeConstant());
    body.addStatement("parameterArrays[$L] = $L", layer.biasArray(), layer.biasesArray());
  }

  /**
   * A parameter array field of a looped layer: assigned by the constructor (or in a chunked network by the
   * allocation method of its chunk) to a new array or to the original's, which a sharing copy reads.
   */
  private FieldSpec.Builder parameterArray(TypeName type, String name, Layer layer, CodeBlock allocation) {
    CodeBlock value = CodeBlock.of("original == null ? $L : original.$L", allocation, name);
    if (!model.chunked()) {
      parameterFields.add(new Allocation(layer, name, value));
      return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL);
    }
    allocations.add(new Allocation(layer, name, value));
    return FieldSpec.builder(type, name, Modifier.PRIVATE);
  }

  private FieldSpec scratch(String name, Layer layer, String doc) {
    return array(n.array(), name, layer, CodeBlock.of(n.f("new double[$L]"), layer.sizeConstant()))
        .addJavadoc("$L\n", doc)
        .build();
  }

  /**
   * A per-layer array field. Its allocation is the field's initializer, except in a chunked (deep)
   * network, where so many initializers would make the constructor too long: there the field is assigned
   * once, by the allocation method of its chunk of layers, which the constructor calls.
   */
  private FieldSpec.Builder array(TypeName type, String name, Layer layer, CodeBlock allocation) {
    if (!model.chunked()) {
      return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL).initializer(allocation);
    }
    allocations.add(new Allocation(layer, name, allocation));
    return FieldSpec.builder(type, name, Modifier.PRIVATE);
  }

  /** A field that a chunked network (or a frozen one's scratch) allocates in a method. */
  static final class Allocation {
    final Layer layer;
    final String field;
    final CodeBlock value;

    Allocation(Layer layer, String field, CodeBlock value) {
      this.layer = layer;
      this.field = field;
      this.value = value;
    }
  }

  // ---------------------------------------------------------------- chunks of layers, for deep networks

  /** The layers from 1 to the output, in chunks of {@link NetworkModel#CHUNK_LAYERS}. */
  private List<List<Layer>> chunks() {
    return NetworkModel.chunks(layers.subList(1, layers.size()));
  }

  private static String chunkName(String verb, List<Layer> chunk) {
    return NetworkModel.chunkName(verb, chunk);
  }

  /**
   * The body of the constructor that takes {@code original}: the parameter arrays, new when it is null,
   * else the original's; then, in a chunked network, the calls that allocate the arrays of each chunk.
   */
  void construct(CodeBlock.Builder body) {
    if (model.unrolledParameterCount() > 0) {
      body.addStatement(
          "p = original == null ? $L : original.p",
          model.fullyUnrolled() ? n.f("new double[PARAMETERS]") : n.f("new double[") + model.unrolledParameterCount() + "]");
    }
    if (model.fullyUnrolled()) {
      body.addStatement("parameterArrays = new $T {p}", n.rows());
    }
    if (model.chunked()) {
      for (List<Layer> chunk : chunks()) {
        body.addStatement("$L(original)", chunkName("allocate", chunk));
      }
      return;
    }
    if (model.fullyUnrolled()) {
      return;
    }
    for (Allocation field : parameterFields) {
      body.addStatement("$L = $L", field.field, field.value);
    }
    if (model.unrolledParameterCount() > 0) {
      body.addStatement("parameterArrays[0] = p");
    }
    for (Layer layer : layers.subList(1, layers.size())) {
      if (layer.looped()) {
        register(body, layer);
      }
    }
  }

  /** A chunked network's methods that allocate, get, set and copy its arrays, one per chunk of layers. */
  List<MethodSpec> chunkMethods(ClassName self) {
    List<MethodSpec> methods = new ArrayList<>();
    if (!model.chunked()) {
      return methods;
    }
    for (List<Layer> chunk : chunks()) {
      CodeBlock.Builder body = CodeBlock.builder();
      for (Allocation allocation : allocations) {
        if (chunk.contains(allocation.layer)) {
          body.addStatement("$L = $L", allocation.field, allocation.value);
        }
      }
      for (Layer layer : chunk) {
        register(body, layer);
      }
      methods.add(
          chunkMethod("allocate", chunk, "Allocates (parameters: or takes the original's) and registers the arrays of", body)
              .addParameter(self, "original")
              .build());
    }
    for (List<Layer> chunk : chunks()) {
      CodeBlock.Builder body = CodeBlock.builder();
      for (Layer layer : chunk) {
        copyLayer(body, layer, true, "destination");
      }
      methods.add(chunkMethod("get", chunk, "Copies into the flat order the parameters of", body)
          .addParameter(n.array(), "destination").build());
    }
    for (List<Layer> chunk : chunks()) {
      CodeBlock.Builder body = CodeBlock.builder();
      for (Layer layer : chunk) {
        copyLayer(body, layer, false, "source");
      }
      methods.add(chunkMethod("set", chunk, "Sets from the flat order the parameters of", body)
          .addParameter(n.array(), "source").build());
    }
    for (List<Layer> chunk : chunks()) {
      CodeBlock.Builder body = CodeBlock.builder();
      for (Layer layer : chunk) {
        copyInto(body, layer);
      }
      methods.add(chunkMethod("copy", chunk, "Copies into {@code copy} the parameters of", body)
          .addParameter(self, "copy").build());
    }
    return methods;
  }

  private static MethodSpec.Builder chunkMethod(String verb, List<Layer> chunk, String doc, CodeBlock.Builder body) {
    return MethodSpec.methodBuilder(chunkName(verb, chunk))
        .addJavadoc("$L layers $L to $L.\n", doc, chunk.get(0).index(), chunk.get(chunk.size() - 1).index())
        .addModifiers(Modifier.PRIVATE)
        .addCode(body.build());
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

  private void chunkCalls(CodeBlock.Builder body, String verb, String argument) {
    for (List<Layer> chunk : chunks()) {
      body.addStatement("$L($L)", chunkName(verb, chunk), argument);
    }
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
    if (model.chunked()) {
      chunkCalls(body, out ? "get" : "set", flat);
      return;
    }
    for (Layer layer : layers.subList(1, layers.size())) {
      copyLayer(body, layer, out, flat);
    }
  }

  private void copyLayer(CodeBlock.Builder body, Layer layer, boolean out, String flat) {
    if (!layer.looped()) {
      int count = layer.parameterCount();
      if (out) {
        body.addStatement(
            "$T.arraycopy(p, $L, $L, $L, $L)", System.class, layer.storedWeightOffset(), flat, layer.weightOffset(), count);
      } else {
        body.addStatement(
            "$T.arraycopy($L, $L, p, $L, $L)", System.class, flat, layer.weightOffset(), layer.storedWeightOffset(), count);
      }
      return;
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

  /** The body of {@code copy()}. */
  void copy(CodeBlock.Builder body, ClassName self) {
    body.addStatement("$T copy = new $T()", self, self);
    if (model.chunked()) {
      chunkCalls(body, "copy", "copy");
      body.addStatement("return copy");
      return;
    }
    if (model.unrolledParameterCount() > 0) {
      body.addStatement(
          "$T.arraycopy(p, 0, copy.p, 0, $L)",
          System.class,
          model.fullyUnrolled() ? "PARAMETERS" : String.valueOf(model.unrolledParameterCount()));
    }
    for (Layer layer : layers.subList(1, layers.size())) {
      if (layer.looped()) {
        copyInto(body, layer);
      }
    }
    body.addStatement("return copy");
  }

  /** {@code offset + rest}, or just {@code rest} at offset 0. */
  static String flatIndex(int offset, String rest) {
    return offset == 0 ? rest : offset + " + " + rest;
  }

  /** {@code copy}'s arrays of looped {@code layer} ← this one's. */
  private void copyInto(CodeBlock.Builder body, Layer layer) {
    Layer previous = model.previous(layer);
    String weights = layer.weightsArray(previous);
    body.beginControlFlow("for (int i = 0; i < $L; i++)", previous.sizeConstant());
    body.addStatement("$T.arraycopy($L[i], 0, copy.$L[i], 0, $L)", System.class, weights, weights, layer.sizeConstant());
    body.endControlFlow();
    body.addStatement(
        "$T.arraycopy($L, 0, copy.$L, 0, $L)", System.class, layer.biasesArray(), layer.biasesArray(), layer.sizeConstant());
  }

  private List<Layer> hidden() {
    return layers.subList(1, layers.size() - 1);
  }
}
