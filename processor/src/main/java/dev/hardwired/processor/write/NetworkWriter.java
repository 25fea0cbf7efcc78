package dev.hardwired.processor.write;

import com.palantir.javapoet.AnnotationSpec;
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
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Turns a {@link NetworkModel} into the source of its generated class: the class, its constants and its
 * API. Where the parameters live is {@link Storage}'s concern, the passes over the layers {@link
 * Passes}', each layer's code {@link Unrolled}'s or {@link Looped}'s, a batch's tiles {@link
 * Batched}', a deep network's chunks of layers {@link Chunks}', and a small network's step trace {@link
 * Traced}'.
 */
public final class NetworkWriter {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final int COLUMNS = Code.COLUMNS;

  private final NetworkModel model;
  private final List<Layer> layers;
  private final Layer output;
  private final Storage storage;
  private final Passes passes;
  private final Batched batched;
  private final Traced traced;
  private final Numbers n;
  private final TypeName numbers;

  private NetworkWriter(NetworkModel model) {
    this.n = Numbers.of(model);
    this.numbers = n.array();
    this.model = model;
    this.layers = model.layers();
    this.output = model.outputLayer();
    this.storage = new Storage(model);
    this.passes = new Passes(model);
    this.batched = new Batched(model, passes);
    this.traced = new Traced(model);
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
    if (model.declaredForRemoval()) {
      // But using one deprecated for removal is, unless suppressed.
      type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "removal").build());
    }
    if (model.declaredInterface()) {
      type.addSuperinterface(model.declaredType());
    } else {
      type.superclass(model.declaredType());
    }
    type.addSuperinterface(n.networkInterface());

    if (model.declaredSerializable()) {
      type.addField(
          FieldSpec.builder(TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The declared type is serializable, and so this class.\n")
              .initializer("1L")
              .build());
    }
    type.addField(Code.constant("INPUTS", model.topology().inputs(), "Number of inputs."));
    type.addField(Code.constant("OUTPUTS", model.topology().outputs(), "Number of outputs."));
    type.addField(
        Code.constant("PARAMETERS", model.parameterCount(), "Number of parameters: every weight and every bias."));
    Activations.addConstants(type, model);
    storage.addSizes(type);
    type.addField(
        FieldSpec.builder(Topology.class, "TOPOLOGY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(topologyExpression())
            .build());
    storage.addFields(type);
    batched.addFields(type);

    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addStatement("this(null)").build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("Over new parameter arrays, or over those of {@code original}, shared; with scratch of its own.\n")
            .addModifiers(Modifier.PRIVATE)
            .addParameter(self, "original")
            .addCode(code(storage::construct))
            .build());
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
    type.addMethod(parameterArrays());
    type.addMethod(accumulateGradientArrays());
    type.addMethods(batched.apiMethods());
    type.addMethods(traced.methods());
    type.addMethod(copy(self));
    type.addMethod(copySharingParameters(self));
    type.addMethod(
        MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S + TOPOLOGY", self.simpleName() + " ")
            .build());
    type.addMethods(passes.chunks().methods());
    type.addMethods(passes.looped().methods());
    type.addMethods(batched.methods());
    type.addMethods(storage.chunkMethods(self));
    type.addMethods(passes.chunks().topologyReaders());
    Activations.addFunctions(type, model);
    Activations.addDerivatives(type, model);

    return JavaFile.builder(self.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  // ---------------------------------------------------------------- documentation

  private CodeBlock classDoc() {
    CodeBlock.Builder doc = CodeBlock.builder();
    String summary =
        model.declaredType().simpleName() + ", hardwired: " + Code.shape(model) + "; " + model.loss().displayName()
            + "; stochastic gradient descent" + (model.precision() == Precision.FLOAT ? "; in single precision." : ".");
    for (String line : Code.wrap(summary, COLUMNS - " * ".length())) {
      doc.add("$L\n", line);
    }
    doc.add("\n");
    String about =
        "<p>Generated from {@link " + model.declaredType().simpleName() + "}: the forward pass and"
            + " backpropagation are written out for exactly this topology. Training changes an instance,"
            + (model.anyLooped() ? " and so does {@code predict} (its looped layers keep their values in fields)," : "")
            + " so it belongs to one thread at a time: give each thread its own {@link #copy()}, which shares"
            + " nothing with it.";
    for (String line : Code.wrap(about, COLUMNS - " * ".length())) {
      doc.add("$L\n", line);
    }
    if (model.strictMath()) {
      String strict =
          "<p>Declared with {@code strictMath = true}: every exp, tanh, log and log1p is {@link StrictMath}'s,"
              + " so the same parameters and inputs give the same outputs, losses and gradients, bit for bit, on"
              + " every JVM, and training from the same seed the same parameters.";
      doc.add("\n");
      for (String line : Code.wrap(strict, COLUMNS - " * ".length())) {
        doc.add("$L\n", line);
      }
    }
    if (model.anyLooped()) {
      List<String> looped = new ArrayList<>();
      for (Layer layer : layers.subList(1, layers.size())) {
        if (layer.looped()) {
          looped.add("the " + layer.title() + " (" + model.previous(layer).size() + " → " + layer.size() + ")");
        }
      }
      String shapes =
          "<p>Layers written as loops over weight rows: " + String.join(", ", looped)
              + (model.fullyLooped() ? "." : "; the others are straight-line code.");
      doc.add("\n");
      for (String line : Code.wrap(shapes, COLUMNS - " * ".length())) {
        doc.add("$L\n", line);
      }
    }
    return doc.build();
  }


  // ---------------------------------------------------------------- members


  private CodeBlock topologyExpression() {
    Topology t = model.topology();
    if (model.chunked()) {
      return passes.chunks().topologyExpression(output);
    }
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
        .addCode(code(body -> storage.seed(body, self)))
        .build();
  }

  private MethodSpec withParameters(ClassName self) {
    return MethodSpec.methodBuilder("withParameters")
        .addJavadoc("A network with the given parameters, laid out as {@link #getParameters} gives them.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(numbers, "parameters")
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

  private MethodSpec getParameters() {
    return MethodSpec.methodBuilder("getParameters")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(numbers, "destination")
        .addCode(code(storage::get))
        .build();
  }

  private MethodSpec setParameters() {
    return MethodSpec.methodBuilder("setParameters")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(numbers, "source")
        .addCode(code(storage::set))
        .build();
  }

  private static CodeBlock code(Consumer<CodeBlock.Builder> writer) {
    CodeBlock.Builder body = CodeBlock.builder();
    writer.accept(body);
    return body.build();
  }

  private MethodSpec predictNew() {
    return MethodSpec.methodBuilder("predict")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(numbers)
        .addParameter(numbers, "input")
        .addStatement(n.f("double[] output = new double[OUTPUTS]"))
        .addStatement("predict(input, output)")
        .addStatement("return output")
        .build();
  }

  private MethodSpec predictInto() {
    CodeBlock.Builder body = CodeBlock.builder();
    body.addStatement("$T.requireFinite(input, INPUTS, $S)", Checks.class, "input");
    body.addStatement("$T.requireLength(output, OUTPUTS, $S)", Checks.class, "output");
    passes.forward(body);
    if (output.looped()) {
      passes.looped().copyOutputs(body);
    } else {
      for (int k = 0; k < output.size(); k++) {
        body.addStatement("output[$L] = $L", k, output.value(k));
      }
    }
    return MethodSpec.methodBuilder("predict")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(numbers, "input")
        .addParameter(numbers, "output")
        .addCode(body.build())
        .build();
  }

  private MethodSpec train() {
    CodeBlock.Builder body = CodeBlock.builder();
    checkSample(body);
    body.addStatement("$T.requireLearningRate(learningRate)", Checks.class);
    passes.backpropagate(body);
    passes.update(body);
    body.addStatement("return loss");
    return MethodSpec.methodBuilder("train")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(n.type())
        .addParameter(numbers, "input")
        .addParameter(numbers, "target")
        .addParameter(n.type(), "learningRate")
        .addCode(body.build())
        .build();
  }

  private MethodSpec loss() {
    CodeBlock.Builder body = CodeBlock.builder();
    checkSample(body);
    passes.forward(body);
    passes.loss(body);
    body.addStatement("return loss");
    return MethodSpec.methodBuilder("loss")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(n.type())
        .addParameter(numbers, "input")
        .addParameter(numbers, "target")
        .addCode(body.build())
        .build();
  }

  private MethodSpec accumulateGradient() {
    CodeBlock.Builder body = CodeBlock.builder();
    checkSample(body);
    body.addStatement("$T.requireLength(gradientSum, PARAMETERS, $S)", Checks.class, "gradientSum");
    if (model.fullyUnrolled()) {
      // The statements are the batched methods' too: see Batched.
      body.addStatement("return $L(input, target, gradientSum)", batched.backpropagateName());
    } else {
      passes.backpropagate(body);
      passes.accumulate(body);
      body.addStatement("return loss");
    }
    return accumulateGradient(numbers, "gradientSum", body);
  }

  /** {@code accumulateGradient(input, target, <sums>)}, whose sums are flat or laid out as the arrays. */
  private MethodSpec accumulateGradient(TypeName sums, String name, CodeBlock.Builder body) {
    return MethodSpec.methodBuilder("accumulateGradient")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(n.type())
        .addParameter(numbers, "input")
        .addParameter(numbers, "target")
        .addParameter(sums, name)
        .addCode(body.build())
        .build();
  }

  private MethodSpec parameterArrays() {
    return MethodSpec.methodBuilder("parameterArrays")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(n.rows())
        .addStatement("return parameterArrays.clone()")
        .build();
  }

  private MethodSpec accumulateGradientArrays() {
    CodeBlock.Builder body = CodeBlock.builder();
    if (model.fullyUnrolled()) {
      // One array, p, in the flat order: the same gradient as the flat form's.
      body.addStatement("$T.requireShape(gradientSums, parameterArrays, $S)", Checks.class, "gradientSums");
      body.addStatement("return accumulateGradient(input, target, gradientSums[0])");
    } else {
      checkSample(body);
      body.addStatement("$T.requireShape(gradientSums, parameterArrays, $S)", Checks.class, "gradientSums");
      batched.accumulateOne(body, n.f("double loss ="));
      body.addStatement("return loss");
    }
    return accumulateGradient(n.rows(), "gradientSums", body);
  }

  private MethodSpec copy(ClassName self) {
    return MethodSpec.methodBuilder("copy")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addCode(code(body -> storage.copy(body, self)))
        .build();
  }

  private static MethodSpec copySharingParameters(ClassName self) {
    return MethodSpec.methodBuilder("copySharingParameters")
        .addJavadoc("A network over this one's parameter arrays, with scratch of its own, for another thread.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addStatement("return new $T(this)", self)
        .build();
  }

  /** The checks of a sample that every one-sample method makes first. */
  static void checkSample(CodeBlock.Builder body) {
    body.addStatement("$T.requireFinite(input, INPUTS, $S)", Checks.class, "input");
    body.addStatement("$T.requireFinite(target, OUTPUTS, $S)", Checks.class, "target");
  }
}
