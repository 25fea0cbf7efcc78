package dev.hardwired.processor.write;

import static dev.hardwired.processor.write.Equations.parameter;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hardwired.Activation;
import dev.hardwired.Checks;
import dev.hardwired.Initialization;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Turns a {@link NetworkModel} into the source of its generated class: straight-line code, one local per
 * neuron, commented in the terms of the classic equations.
 */
public final class NetworkWriter {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final TypeName DOUBLES = ArrayTypeName.of(TypeName.DOUBLE);
  /** The width JavaPoet wraps code at. */
  private static final int COLUMNS = 100;
  /** The indentation of a statement in a method body: two levels of two spaces. */
  private static final int BODY_INDENT = 4;

  private final NetworkModel model;
  private final List<Layer> layers;
  private final Layer output;

  private NetworkWriter(NetworkModel model) {
    this.model = model;
    this.layers = model.layers();
    this.output = model.outputLayer();
  }

  /**
   * The generated file for {@code model}.
   *
   * @param generatorName the value of {@code @Generated}, or {@code null} where the compilation lacks
   *     {@code javax.annotation.processing.Generated} (Java 8)
   */
  public static JavaFile write(NetworkModel model, TypeElement originatingElement, String generatorName) {
    return new NetworkWriter(model).file(originatingElement, generatorName);
  }

  private JavaFile file(TypeElement originatingElement, String generatorName) {
    ClassName self = model.generatedType();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addOriginatingElement(originatingElement)
            // Names the declared type brings in (a nested Math, say) must not capture ours.
            .avoidClashesWithNestedClasses(originatingElement)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(classDoc());
    if (generatorName != null) {
      type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", generatorName).build());
    }
    if (model.declaredDeprecated()) {
      // Using a deprecated type is no warning inside a deprecated class.
      type.addAnnotation(Deprecated.class);
    }
    if (model.declaredInterface()) {
      type.addSuperinterface(model.declaredType());
    } else {
      type.superclass(model.declaredType());
    }
    type.addSuperinterface(TrainableNetwork.class);

    type.addField(constant("INPUTS", model.topology().inputs(), "Number of inputs."));
    type.addField(constant("OUTPUTS", model.topology().outputs(), "Number of outputs."));
    type.addField(
        constant("PARAMETERS", model.parameterCount(), "Number of parameters: every weight and every bias."));
    if (model.uses(Activation.LEAKY_RELU)) {
      type.addField(
          FieldSpec.builder(double.class, "LEAKY_RELU_SLOPE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("Slope α of the leaky ReLU for SpreA ≤ 0.\n")
              .initializer("$L", Activation.LEAKY_RELU_SLOPE)
              .build());
    }
    type.addField(
        FieldSpec.builder(Topology.class, "TOPOLOGY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(topologyExpression())
            .build());
    type.addField(
        FieldSpec.builder(DOUBLES, "p", Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc(layoutDoc())
            .initializer("new double[PARAMETERS]")
            .build());

    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(seeded(self));
    type.addMethod(withParameters(self));
    type.addMethod(getter("topology", ClassName.get(Topology.class), "TOPOLOGY"));
    type.addMethod(getter("inputCount", TypeName.INT, "INPUTS"));
    type.addMethod(getter("outputCount", TypeName.INT, "OUTPUTS"));
    type.addMethod(getter("parameterCount", TypeName.INT, "PARAMETERS"));
    type.addMethod(getParameters());
    type.addMethod(setParameters());
    type.addMethod(predictNew());
    type.addMethod(predictInto());
    type.addMethod(train());
    type.addMethod(loss());
    type.addMethod(accumulateGradient());
    type.addMethod(copy(self));
    type.addMethod(
        MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S + TOPOLOGY", self.simpleName() + " ")
            .build());
    addActivationFunctions(type);

    return JavaFile.builder(self.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  // ---------------------------------------------------------------- documentation

  private CodeBlock classDoc() {
    CodeBlock.Builder doc = CodeBlock.builder();
    String summary =
        model.declaredType().simpleName() + ", hardwired: " + shape() + "; " + model.loss().displayName()
            + "; stochastic gradient descent.";
    for (String line : wrap(summary, COLUMNS - " * ".length())) {
      doc.add("$L\n", line);
    }
    doc.add("\n");
    String about =
        "<p>Generated from {@link " + model.declaredType().simpleName() + "}: the forward pass and"
            + " backpropagation are written out for exactly this topology. Instances are not thread-safe;"
            + " give each thread its own {@link #copy()}.";
    for (String line : wrap(about, COLUMNS - " * ".length())) {
      doc.add("$L\n", line);
    }
    return doc.build();
  }

  /** For example "2 inputs → 2 hidden (logistic) → 1 output (logistic)". */
  private String shape() {
    StringBuilder s = new StringBuilder();
    s.append(plural(model.topology().inputs(), "input"));
    for (Layer layer : layers.subList(1, layers.size())) {
      s.append(" → ")
          .append(layer.isOutput() ? plural(layer.size(), "output") : layer.size() + " hidden")
          .append(" (")
          .append(layer.activation().displayName())
          .append(')');
    }
    return s.toString();
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private CodeBlock layoutDoc() {
    CodeBlock.Builder doc = CodeBlock.builder().add("All parameters in one array, layer by layer:\n");
    for (Layer layer : layers.subList(1, layers.size())) {
      int weights = layer.biasOffset() - layer.weightOffset();
      String biases = layer.isOutput() ? "output" : layer.title().replace(" layer", "");
      doc.add(
          "$L weights $L, $L $L $L;\n",
          model.weightsName(layer),
          range(layer.weightOffset(), weights),
          biases,
          layer.size() == 1 ? "bias" : "biases",
          range(layer.biasOffset(), layer.size()));
    }
    return doc.add("the weight into node j from node i of the layer before is at\n")
        .add("(first weight) + j × (size of the layer before) + i.\n")
        .build();
  }

  private static String range(int offset, int count) {
    return count == 1 ? "p[" + offset + "]" : "p[" + offset + ".." + (offset + count - 1) + "]";
  }

  // ---------------------------------------------------------------- members

  private static FieldSpec constant(String name, int value, String doc) {
    return FieldSpec.builder(int.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer("$L", value)
        .build();
  }

  private CodeBlock topologyExpression() {
    Topology t = model.topology();
    List<CodeBlock> hidden = new ArrayList<>();
    List<CodeBlock> activations = new ArrayList<>();
    for (Layer layer : layers.subList(1, layers.size() - 1)) {
      hidden.add(CodeBlock.of("$L", layer.size()));
      activations.add(CodeBlock.of("$T.$L", Activation.class, layer.activation().name()));
    }
    if (activations.isEmpty()) {
      activations.add(CodeBlock.of("$T.$L", Activation.class, Activation.LOGISTIC.name()));
    }
    return CodeBlock.of(
        "$T.of($L,$Wnew int[] {$L},$W$L,$Wnew $T[] {$L},$W$T.$L,$W$T.$L)",
        Topology.class,
        t.inputs(),
        CodeBlock.join(hidden, ",$W"),
        t.outputs(),
        Activation.class,
        CodeBlock.join(activations, ",$W"),
        Activation.class,
        output.activation().name(),
        Loss.class,
        model.loss().name());
  }

  private MethodSpec seeded(ClassName self) {
    return MethodSpec.methodBuilder("seeded")
        .addJavadoc("A network with the default initialisation from {@code seed}: see {@link $T}.\n", Initialization.class)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(long.class, "seed")
        .addStatement("$T network = new $T()", self, self)
        .addStatement("$T.initialize(TOPOLOGY, seed, network.p)", Initialization.class)
        .addStatement("return network")
        .build();
  }

  private MethodSpec withParameters(ClassName self) {
    return MethodSpec.methodBuilder("withParameters")
        .addJavadoc("A network with the given parameters, laid out as {@link #getParameters} gives them.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(DOUBLES, "parameters")
        .addStatement("$T network = new $T()", self, self)
        .addStatement("network.setParameters(parameters)")
        .addStatement("return network")
        .build();
  }

  private static MethodSpec getter(String name, TypeName type, String value) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addStatement("return $L", value)
        .build();
  }

  private static MethodSpec getParameters() {
    return MethodSpec.methodBuilder("getParameters")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(DOUBLES, "destination")
        .addStatement("$T.requireLength(destination, PARAMETERS, $S)", Checks.class, "destination")
        .addStatement("$T.arraycopy(p, 0, destination, 0, PARAMETERS)", System.class)
        .build();
  }

  private static MethodSpec setParameters() {
    return MethodSpec.methodBuilder("setParameters")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(DOUBLES, "source")
        .addStatement("$T.requireFinite(source, PARAMETERS, $S)", Checks.class, "parameters")
        .addStatement("$T.arraycopy(source, 0, p, 0, PARAMETERS)", System.class)
        .build();
  }

  private static MethodSpec predictNew() {
    return MethodSpec.methodBuilder("predict")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(DOUBLES)
        .addParameter(DOUBLES, "input")
        .addStatement("double[] output = new double[OUTPUTS]")
        .addStatement("predict(input, output)")
        .addStatement("return output")
        .build();
  }

  private MethodSpec predictInto() {
    CodeBlock.Builder body = CodeBlock.builder();
    body.addStatement("$T.requireFinite(input, INPUTS, $S)", Checks.class, "input");
    body.addStatement("$T.requireLength(output, OUTPUTS, $S)", Checks.class, "output");
    forwardPass(body);
    for (int k = 0; k < output.size(); k++) {
      body.addStatement("output[$L] = $L", k, output.value(k));
    }
    return MethodSpec.methodBuilder("predict")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(DOUBLES, "input")
        .addParameter(DOUBLES, "output")
        .addCode(body.build())
        .build();
  }

  private MethodSpec train() {
    CodeBlock.Builder body = CodeBlock.builder();
    checkSample(body);
    body.addStatement("$T.requireLearningRate(learningRate)", Checks.class);
    backpropagate(body);
    eachGradient(
        body,
        layer ->
            "Update " + model.weightsName(layer) + ": weight ← weight − LR × gradient, with " + gradientText(layer)
                + (model.loss() == Loss.PERCEPTRON
                    ? " — the perceptron rule w ← w + η (T − SpostA,O) × input, with η = LR"
                    : ""),
        "p[$L] -= learningRate * $L");
    body.addStatement("return loss");
    return MethodSpec.methodBuilder("train")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(double.class)
        .addParameter(DOUBLES, "input")
        .addParameter(DOUBLES, "target")
        .addParameter(double.class, "learningRate")
        .addCode(body.build())
        .build();
  }

  private MethodSpec loss() {
    CodeBlock.Builder body = CodeBlock.builder();
    checkSample(body);
    forwardPass(body);
    lossValue(body);
    body.addStatement("return loss");
    return MethodSpec.methodBuilder("loss")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(double.class)
        .addParameter(DOUBLES, "input")
        .addParameter(DOUBLES, "target")
        .addCode(body.build())
        .build();
  }

  private MethodSpec accumulateGradient() {
    CodeBlock.Builder body = CodeBlock.builder();
    checkSample(body);
    body.addStatement("$T.requireLength(gradientSum, PARAMETERS, $S)", Checks.class, "gradientSum");
    backpropagate(body);
    eachGradient(body, layer -> capitalize(gradientText(layer)), "gradientSum[$L] += $L");
    body.addStatement("return loss");
    return MethodSpec.methodBuilder("accumulateGradient")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(double.class)
        .addParameter(DOUBLES, "input")
        .addParameter(DOUBLES, "target")
        .addParameter(DOUBLES, "gradientSum")
        .addCode(body.build())
        .build();
  }

  private static MethodSpec copy(ClassName self) {
    return MethodSpec.methodBuilder("copy")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addStatement("$T copy = new $T()", self, self)
        .addStatement("$T.arraycopy(p, 0, copy.p, 0, PARAMETERS)", System.class)
        .addStatement("return copy")
        .build();
  }

  private void addActivationFunctions(TypeSpec.Builder type) {
    if (model.uses(Activation.LOGISTIC)) {
      type.addMethod(
          activationFunction(
              "logistic", "The logistic sigmoid σ(z) = 1 / (1 + e^(−z)).", CodeBlock.of("1.0 / (1.0 + $T.exp(-z))", Math.class)));
    }
    if (model.uses(Activation.STEP)) {
      type.addMethod(
          activationFunction("step", "The step (Heaviside) function: 1 for z > 0, else 0.", CodeBlock.of("z > 0.0 ? 1.0 : 0.0")));
    }
    if (model.uses(Activation.RELU)) {
      type.addMethod(
          activationFunction("relu", "The rectified linear unit max(0, z).", CodeBlock.of("z > 0.0 ? z : 0.0")));
    }
    if (model.uses(Activation.LEAKY_RELU)) {
      type.addMethod(
          activationFunction(
              "leakyRelu",
              "The leaky ReLU: z for z > 0, else the slope × z.",
              CodeBlock.of("z > 0.0 ? z : LEAKY_RELU_SLOPE * z")));
    }
  }

  private static MethodSpec activationFunction(String name, String doc, CodeBlock body) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("$L\n", doc)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(double.class)
        .addParameter(double.class, "z")
        .addStatement("return $L", body)
        .build();
  }

  // ---------------------------------------------------------------- the equations, in order

  /**
   * What train and accumulateGradient share: the forward pass, the loss, the divergence guard and every
   * S_ERROR and memoized delta.
   */
  private void backpropagate(CodeBlock.Builder body) {
    forwardPass(body);
    lossValue(body);
    stopIfDiverged(body);
    backwardPass(body);
  }

  /**
   * From the output layer back: a comment for each layer, then one statement per parameter, {@code format}
   * taking the parameter's index and its gradient.
   */
  private void eachGradient(CodeBlock.Builder body, Function<Layer, String> layerComment, String format) {
    for (int l = layers.size() - 1; l >= 1; l--) {
      Layer layer = layers.get(l);
      comment(body, layerComment.apply(layer));
      eachParameter(layer, (index, gradient, what) -> statement(body, what, format, index, gradient));
    }
  }

  private static void checkSample(CodeBlock.Builder body) {
    body.addStatement("$T.requireFinite(input, INPUTS, $S)", Checks.class, "input");
    body.addStatement("$T.requireFinite(target, OUTPUTS, $S)", Checks.class, "target");
  }

  /** Declares x*, every hidden SpostA and the outputs o*: the forward pass. */
  private void forwardPass(CodeBlock.Builder body) {
    Layer input = layers.get(0);
    for (int i = 0; i < input.size(); i++) {
      statement(body, "SpostA," + input.node(i) + " = input", "double $L = input[$L]", input.value(i), i);
    }
    for (Layer layer : layers.subList(1, layers.size())) {
      Layer before = layers.get(layer.index() - 1);
      String previous = before.index() == 0 ? "input" : "SpostA," + before.letter();
      String weights = model.weightsName(layer);
      Activation activation = layer.activation();
      comment(
          body,
          "Forward, " + layer.title() + " (" + activation.displayName() + "): SpreA," + layer.letter() + " = "
              + weights + " · " + previous + " + bias; SpostA," + layer.letter() + " = fA(SpreA,"
              + layer.letter() + ")");
      if (layer.isOutput() && model.keepsOutputPreActivation()) {
        for (int j = 0; j < layer.size(); j++) {
          statement(
              body,
              "SpreA," + layer.node(j),
              "double $L = $L",
              layer.preActivation(j),
              Equations.preActivation(model, layer, j));
        }
        if (activation == Activation.SOFTMAX) {
          softmax(body, layer);
        } else {
          for (int j = 0; j < layer.size(); j++) {
            statement(
                body,
                "SpostA," + layer.node(j) + " = fA(SpreA," + layer.node(j) + ")",
                "double $L = $L",
                layer.value(j),
                Equations.activate(activation, CodeBlock.of("$L", layer.preActivation(j))));
          }
        }
      } else {
        for (int j = 0; j < layer.size(); j++) {
          statement(
              body,
              "SpostA," + layer.node(j) + " = fA(SpreA," + layer.node(j) + ")",
              "double $L = $L",
              layer.value(j),
              Equations.activate(activation, Equations.preActivation(model, layer, j)));
        }
      }
    }
  }

  private static void softmax(CodeBlock.Builder body, Layer layer) {
    comment(body, "Softmax: SpostA,O = e^SpreA,O / Σ e^SpreA,O, shifted by the largest SpreA,O so exp cannot overflow");
    CodeBlock max = CodeBlock.of("$L", layer.preActivation(layer.size() - 1));
    for (int k = layer.size() - 2; k >= 0; k--) {
      max = CodeBlock.of("$T.max($L,$W$L)", Math.class, layer.preActivation(k), max);
    }
    statement(body, "the largest SpreA,O", "double max = $L", max);
    List<CodeBlock> exps = new ArrayList<>();
    for (int k = 0; k < layer.size(); k++) {
      statement(
          body,
          "e^(SpreA," + layer.node(k) + " − max)",
          "double e$L = $T.exp($L - max)",
          k,
          Math.class,
          layer.preActivation(k));
      exps.add(CodeBlock.of("e$L", k));
    }
    statement(body, "Σ e^(SpreA,O − max)", "double sum = $L", CodeBlock.join(exps, "$W+ "));
    for (int k = 0; k < layer.size(); k++) {
      statement(body, "SpostA," + layer.node(k), "double $L = e$L / sum", layer.value(k), k);
    }
  }

  /** Declares {@code loss}, and for squared error the final errors fe*. */
  private void lossValue(CodeBlock.Builder body) {
    List<CodeBlock> terms = new ArrayList<>();
    switch (model.loss()) {
      case SQUARED_ERROR:
        comment(body, "Final error FE = SpostA,O − T");
        for (int k = 0; k < output.size(); k++) {
          statement(
              body,
              "FE" + k + " = SpostA," + output.node(k) + " − T" + k,
              "double fe$L = $L - target[$L]",
              k,
              output.value(k),
              k);
          terms.add(CodeBlock.of("fe$L * fe$L", k, k));
        }
        comment(body, "Loss E = ½ Σ FE²");
        body.addStatement(
            terms.size() == 1 ? "double loss = 0.5 * $L" : "double loss = 0.5 * ($L)",
            CodeBlock.join(terms, "$W+ "));
        break;
      case CROSS_ENTROPY:
        comment(body, "Loss E = −Σ [T ln SpostA,O + (1 − T) ln(1 − SpostA,O)], computed from SpreA,O so that no log sees 0");
        for (int k = 0; k < output.size(); k++) {
          String z = output.preActivation(k);
          terms.add(
              CodeBlock.of(
                  "$T.max($L, 0.0) - $L * target[$L] + $T.log1p($T.exp(-$T.abs($L)))",
                  Math.class, z, z, k, Math.class, Math.class, Math.class, z));
        }
        body.addStatement("double loss = $L", CodeBlock.join(terms, "$W+ "));
        break;
      case SOFTMAX_CROSS_ENTROPY:
        comment(body, "Loss E = −Σ T ln SpostA,O = Σ T (ln Σ e^SpreA,O − SpreA,O)");
        body.addStatement("double logSumExp = max + $T.log(sum)", Math.class);
        for (int k = 0; k < output.size(); k++) {
          terms.add(CodeBlock.of("target[$L] * (logSumExp - $L)", k, output.preActivation(k)));
        }
        body.addStatement("double loss = $L", CodeBlock.join(terms, "$W+ "));
        break;
      case PERCEPTRON:
        comment(body, "Loss: the perceptron criterion E = Σ (SpostA,O − T) × SpreA,O, 0 when every output is right");
        for (int k = 0; k < output.size(); k++) {
          terms.add(CodeBlock.of("(o$L - target[$L]) * $L", k, k, output.preActivation(k)));
        }
        body.addStatement("double loss = $L", CodeBlock.join(terms, "$W+ "));
        break;
    }
  }

  /** A loss that is not finite means training diverged: stop before any parameter changes. */
  private static void stopIfDiverged(CodeBlock.Builder body) {
    comment(body, "A loss that is not finite means training diverged: stop before any parameter changes");
    body.beginControlFlow("if (!$T.isFinite(loss))", Double.class)
        .addStatement("throw $T.diverged(loss)", Checks.class)
        .endControlFlow();
  }

  /** Declares every S_ERROR at the outputs and every memoized hidden delta, from the output back. */
  private void backwardPass(CodeBlock.Builder body) {
    if (model.loss() == Loss.SQUARED_ERROR) {
      Activation activation = output.activation();
      comment(body, "Error signal S_ERROR = FE × fA′(SpreA,O); " + Equations.derivativeText(activation));
      for (int k = 0; k < output.size(); k++) {
        CodeBlock derivative = Equations.derivative(activation, output.value(k));
        if (derivative == null) {
          statement(body, "S_ERROR" + k + " = FE" + k, "double $L = fe$L", output.delta(k), k);
        } else {
          statement(
              body,
              "S_ERROR" + k + " = FE" + k + " × fA′(SpreA," + output.node(k) + ")",
              "double $L = fe$L * $L",
              output.delta(k),
              k,
              derivative);
        }
      }
    } else {
      if (model.loss() == Loss.PERCEPTRON) {
        comment(
            body,
            "Error signal S_ERROR = SpostA,O − T: the perceptron rule, which needs no derivative of the step;"
                + " it is 0 for a right output, so only a wrong output moves its weights");
      } else {
        comment(
            body,
            "Error signal S_ERROR = SpostA,O − T: with " + model.loss().displayName() + " the derivative of the "
                + output.activation().displayName() + " cancels");
      }
      for (int k = 0; k < output.size(); k++) {
        statement(
            body,
            "S_ERROR" + k + " = SpostA," + output.node(k) + " − T" + k,
            "double $L = $L - target[$L]",
            output.delta(k),
            output.value(k),
            k);
      }
    }
    for (int l = layers.size() - 2; l >= 1; l--) {
      Layer layer = layers.get(l);
      Layer next = layers.get(l + 1);
      String nextDelta = next.isOutput() ? "S_ERROR" : "δ" + next.letter();
      comment(
          body,
          "Hidden deltas by the chain rule: δ" + layer.letter() + " = fA′(SpreA," + layer.letter() + ") × Σ "
              + nextDelta + " × weight " + model.weightsName(next) + ", using the " + model.weightsName(next)
              + " weights of the forward pass; each δ" + layer.letter() + " is computed once and reused by"
              + " every " + model.weightsName(layer) + " weight into its node. "
              + capitalize(Equations.derivativeText(layer.activation())) + ".");
      for (int j = 0; j < layer.size(); j++) {
        List<CodeBlock> terms = new ArrayList<>();
        for (int k = 0; k < next.size(); k++) {
          terms.add(
              CodeBlock.of(
                  "$L * $L", next.delta(k), parameter(next.weightOffset() + k * layer.size() + j)));
        }
        statement(
            body,
            deltaName(layer, j) + " = fA′(SpreA," + layer.node(j) + ") × Σ " + nextDelta + " × weight "
                + layer.node(j) + "→" + next.letter(),
            "double $L = $L",
            layer.delta(j),
            Equations.times(Equations.derivative(layer.activation(), layer.value(j)), terms));
      }
    }
  }

  /** "gradient HtoO = S_ERROR × SpostA,H", "gradient ItoH = δH × input", … */
  private String gradientText(Layer layer) {
    Layer previous = layers.get(layer.index() - 1);
    String delta = layer.isOutput() ? "S_ERROR" : "δ" + layer.letter();
    String from = previous.index() == 0 ? "input" : "SpostA," + previous.letter();
    return "gradient " + model.weightsName(layer) + " = " + delta + " × " + from + " and, for the biases, gradient = "
        + delta;
  }

  private interface ParameterAction {
    /**
     * @param gradient the expression of the parameter's gradient
     * @param what the parameter and its gradient in the terms of the equations
     */
    void apply(int index, CodeBlock gradient, String what);
  }

  /** Visits each parameter of {@code layer} in layout order with the expression of its gradient. */
  private void eachParameter(Layer layer, ParameterAction action) {
    Layer previous = layers.get(layer.index() - 1);
    for (int j = 0; j < layer.size(); j++) {
      for (int i = 0; i < previous.size(); i++) {
        action.apply(
            layer.weightOffset() + j * previous.size() + i,
            CodeBlock.of("$L * $L", layer.delta(j), previous.value(i)),
            "weight " + previous.node(i) + "→" + layer.node(j) + ": gradient = " + deltaName(layer, j)
                + " × SpostA," + previous.node(i));
      }
    }
    for (int j = 0; j < layer.size(); j++) {
      action.apply(
          layer.biasOffset() + j,
          CodeBlock.of("$L", layer.delta(j)),
          "bias " + layer.node(j) + ": gradient = " + deltaName(layer, j));
    }
  }

  /** S_ERROR0 at the outputs, δH0 in a hidden layer. */
  private static String deltaName(Layer layer, int j) {
    return layer.isOutput() ? "S_ERROR" + j : "δ" + layer.node(j);
  }

  /**
   * One statement with a comment naming the term it computes: at the end of the line where both fit in
   * {@link #COLUMNS}, else on the line above.
   */
  private static void statement(CodeBlock.Builder body, String term, String format, Object... args) {
    CodeBlock code = CodeBlock.of(format, args);
    // The newline flushes JavaPoet's line wrapper, which otherwise drops the text after the last $W.
    String rendered = CodeBlock.of("$L\n", code).toString().replace("java.lang.", "").trim();
    int width = BODY_INDENT + rendered.length() + "; // ".length() + term.length();
    if (width <= COLUMNS) {
      body.add("$[$L; // $L\n$]", code, term);
    } else {
      comment(body, term);
      body.addStatement("$L", code);
    }
  }

  /** A comment in a method body, wrapped to {@link #COLUMNS}. */
  private static void comment(CodeBlock.Builder body, String text) {
    for (String line : wrap(text, COLUMNS - BODY_INDENT - "// ".length())) {
      body.add("// $L\n", line);
    }
  }

  /** {@code text} in lines of at most {@code width} characters, broken at spaces but not inside a {@code {@link}}. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.replace("{@link ", "{@link\u00a0").split(" ")) {
      word = word.replace('\u00a0', ' ');
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static String capitalize(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
