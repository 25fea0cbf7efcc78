package dev.hardwired.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hardwired.Loss;
import dev.hardwired.Precision;
import dev.hardwired.processor.model.FrozenModel;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Turns a {@link FrozenModel} into the source of its inference-only class: the trainable class's forward
 * pass ({@link Passes#forward}, with its {@link Unrolled} and {@link Looped} layers, statement for statement,
 * so that both give the same bits) over constants. Unrolled layers write each parameter as a literal that
 * reads back to its exact value; looped layers read arrays decoded once from text ({@link Packed}), and keep
 * the values of a pass in a {@code Scratch} object, one per thread, so that the class itself is immutable.
 *
 * <p>The class refers to nothing outside the JDK: not the runtime (its input checks are written into it,
 * with the runtime's messages), nor the annotated type, so that it runs with only the JDK on the class path.
 */
public final class FrozenWriter {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final String SCRATCH_TYPE = "Scratch";

  private final FrozenModel frozen;
  private final NetworkModel model;
  private final List<Layer> layers;
  private final Layer output;
  private final Numbers n;
  private final Passes passes;
  private final Packed packed;
  private final ClassName scratch;

  private FrozenWriter(FrozenModel frozen) {
    this.frozen = frozen;
    this.model = frozen.network();
    this.layers = model.layers();
    this.output = model.outputLayer();
    this.n = Numbers.of(model);
    this.passes = new Passes(model, new Unrolled(model, this::literal));
    this.packed = new Packed(frozen);
    this.scratch = frozen.frozenType().nestedClass(SCRATCH_TYPE);
  }

  /**
   * The generated file for {@code frozen}.
   *
   * @param generatorName the value of {@code @Generated}, or {@code null} where the compilation lacks it
   */
  public static JavaFile write(FrozenModel frozen, TypeElement originatingElement, String generatorName) {
    return new FrozenWriter(frozen).file(originatingElement, generatorName);
  }

  /** Parameter {@code index} of {@code p} as a literal of the number type that reads back to its exact value. */
  private String literal(int index) {
    double value = frozen.storedValue(index);
    return model.precision() == Precision.FLOAT
        ? n.literal(Float.toString((float) value))
        : Double.toString(value);
  }

  private JavaFile file(TypeElement originatingElement, String generatorName) {
    ClassName self = frozen.frozenType();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addOriginatingElement(originatingElement)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(classDoc());
    if (generatorName != null) {
      type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", generatorName).build());
    }
    type.addField(Code.constant("INPUTS", model.topology().inputs(), "Number of inputs."));
    type.addField(Code.constant("OUTPUTS", model.topology().outputs(), "Number of outputs."));
    type.addField(Code.constant("PARAMETERS", model.parameterCount(), "Number of parameters: every weight and every bias."));
    Activations.addConstants(type, model);
    new Storage(model).addSizes(type);
    packed.addFields(type);
    if (model.anyLooped()) {
      type.addField(
          FieldSpec.builder(
                  ParameterizedTypeName.get(ClassName.get(ThreadLocal.class), scratch),
                  "SCRATCH",
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .addJavadoc("The scratch of each thread for {@link #predict($T, $T)}, made on its first call.\n", n.array(), n.array())
              .initializer("$T.withInitial($T::new)", ThreadLocal.class, scratch)
              .build());
      type.addStaticBlock(packed.staticInitializer());
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(predictNew());
    type.addMethod(predictInto());
    if (model.anyLooped()) {
      type.addMethod(predictWithScratch());
    }
    type.addMethod(predictBatch());
    if (model.anyLooped()) {
      type.addMethod(predictBatchWithScratch());
      type.addType(scratchType());
    }
    type.addMethods(packed.methods());
    type.addMethods(checks());
    Activations.addFunctions(type, model);
    return JavaFile.builder(self.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  // ---------------------------------------------------------------- documentation

  private CodeBlock classDoc() {
    CodeBlock.Builder doc = CodeBlock.builder();
    String name = model.declaredType().simpleName();
    paragraph(
        doc,
        name + ", frozen: " + Code.shape(model) + ", with the parameters of " + frozen.resource()
            + (frozen.checksum() == null ? "" : " (" + frozen.checksum() + ")") + " as constants; inference only"
            + (model.precision() == Precision.FLOAT ? ", in single precision." : "."));
    doc.add("\n");
    paragraph(
        doc,
        "<p>Generated from {@code " + name + "} and " + (frozen.onnx() ? "its ONNX model" : "its weights file")
            + " when the code was compiled: the forward pass"
            + " is the one of {@code " + model.generatedType().simpleName() + "}, statement for statement, so it gives"
            + " the same outputs, bit for bit. It needs nothing but the JDK, and is immutable, so safe to share between"
            + " threads; {@code predict(input, output)} allocates nothing.");
    if (model.strictMath()) {
      doc.add("\n");
      paragraph(
          doc,
          "<p>Declared with {@code strictMath = true}: every exp, tanh, log and log1p is {@link StrictMath}'s, as in"
              + " {@code " + model.generatedType().simpleName() + "}, so the same inputs give the same outputs, bit"
              + " for bit, on every JVM.");
    }
    if (model.anyLooped()) {
      List<String> looped = new ArrayList<>();
      for (Layer layer : layers.subList(1, layers.size())) {
        if (layer.looped()) {
          looped.add("the " + layer.title() + " (" + model.previous(layer).size() + " → " + layer.size() + ")");
        }
      }
      doc.add("\n");
      paragraph(
          doc,
          "<p>Layers written as loops over weight rows: " + String.join(", ", looped)
              + (model.fullyLooped() ? "" : "; the others are straight-line code") + ". Their parameters are kept"
              + " as text, decoded once when the class is initialised, and their values in a {@link " + SCRATCH_TYPE
              + "}: {@code predict(input, output)} takes the calling thread's, made on its first call, and {@code"
              + " predict(input, output, scratch)} one that the caller holds.");
    }
    return doc.build();
  }

  private static void paragraph(CodeBlock.Builder doc, String text) {
    for (String line : Code.wrap(text, Code.COLUMNS - " * ".length())) {
      doc.add("$L\n", line);
    }
  }



  // ---------------------------------------------------------------- the API

  private MethodSpec predictNew() {
    return MethodSpec.methodBuilder("predict")
        .addJavadoc("The outputs for {@code input}, in a new array.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(n.array())
        .addParameter(n.array(), "input")
        .addStatement(n.f("double[] output = new double[OUTPUTS]"))
        .addStatement("predict(input, output)")
        .addStatement("return output")
        .build();
  }

  private MethodSpec predictInto() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("predict")
            .addJavadoc(
                Code.javadoc(
                    "Writes the outputs for {@code input} into {@code output}; allocates nothing"
                        + (model.anyLooped() ? " but, on a thread's first call, its scratch." : ".")))
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(n.array(), "input")
            .addParameter(n.array(), "output");
    if (model.anyLooped()) {
      return method.addStatement("predict(input, output, SCRATCH.get())").build();
    }
    CodeBlock.Builder body = CodeBlock.builder();
    checkArguments(body);
    forward(body);
    return method.addCode(body.build()).build();
  }

  private MethodSpec predictWithScratch() {
    CodeBlock.Builder body = CodeBlock.builder();
    checkArguments(body);
    body.beginControlFlow("if (scratch == null)")
        .addStatement("throw new $T($S)", IllegalArgumentException.class, "scratch is null")
        .endControlFlow();
    body.addStatement("scratch.forward(input, output)");
    return MethodSpec.methodBuilder("predict")
        .addJavadoc(
            Code.javadoc(
                "Writes the outputs for {@code input} into {@code output}, with the values of the looped layers in"
                    + " {@code scratch}; allocates nothing. A scratch is for one thread at a time."))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(n.array(), "input")
        .addParameter(n.array(), "output")
        .addParameter(scratch, "scratch")
        .addCode(body.build())
        .build();
  }

  private MethodSpec predictBatch() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("predict")
            .addJavadoc(
                Code.javadoc(
                    "Writes the outputs for each row of {@code inputs} into the same row of {@code outputs}, with the"
                        + " bits of predict(input, output) on each; allocates nothing"
                        + (model.anyLooped() ? " but, on a thread's first call, its scratch." : ".")
                        + " Every row is checked before any output is written."))
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(n.rows(), "inputs")
            .addParameter(n.rows(), "outputs");
    if (model.anyLooped()) {
      return method.addStatement("predict(inputs, outputs, SCRATCH.get())").build();
    }
    return method
        .addStatement("requireRows(inputs, outputs)")
        .beginControlFlow("for (int k = 0; k < inputs.length; k++)")
        .addStatement("predict(inputs[k], outputs[k])")
        .endControlFlow()
        .build();
  }

  private MethodSpec predictBatchWithScratch() {
    return MethodSpec.methodBuilder("predict")
        .addJavadoc(
            Code.javadoc(
                "Writes the outputs for each row of {@code inputs} into the same row of {@code outputs}, with the"
                    + " values of the looped layers in {@code scratch}; allocates nothing. Every row is checked before"
                    + " any output is written."))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(n.rows(), "inputs")
        .addParameter(n.rows(), "outputs")
        .addParameter(scratch, "scratch")
        .addStatement("requireRows(inputs, outputs)")
        .beginControlFlow("if (scratch == null)")
        .addStatement("throw new $T($S)", IllegalArgumentException.class, "scratch is null")
        .endControlFlow()
        .beginControlFlow("for (int k = 0; k < inputs.length; k++)")
        .addStatement("scratch.forward(inputs[k], outputs[k])")
        .endControlFlow()
        .build();
  }

  private static void checkArguments(CodeBlock.Builder body) {
    body.addStatement("requireFinite(input, INPUTS, $S)", "input");
    body.addStatement("requireLength(output, OUTPUTS, $S)", "output");
  }

  /** The trainable class's forward pass, then the outputs into {@code output}. */
  private void forward(CodeBlock.Builder body) {
    passes.forward(body);
    if (output.looped()) {
      passes.looped().copyOutputs(body);
    } else {
      for (int k = 0; k < output.size(); k++) {
        body.addStatement("output[$L] = $L", k, output.value(k));
      }
    }
  }

  // ---------------------------------------------------------------- the scratch of looped layers

  private TypeSpec scratchType() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(SCRATCH_TYPE)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                Code.javadoc(
                    "The values of one forward pass through the looped layers: SpostA of every layer that a loop reads"
                        + " or writes. Each thread needs its own; {@link #predict(" + n.array() + ", " + n.array()
                        + ")} keeps one per thread, and a caller may hold its own instead, one per thread, for {@link"
                        + " #predict(" + n.array() + ", " + n.array() + ", " + SCRATCH_TYPE + ")}."));
    List<Storage.Allocation> allocations = new ArrayList<>();
    for (Layer layer : layers.subList(1, layers.size())) {
      if (!layer.inArrays()) {
        continue;
      }
      String l = layer.letter();
      if (model.keepsPreActivations(layer)) {
        type.addField(scratchArray(layer.preActivationsArray(), layer, "SpreA," + l + " of the last forward pass.", allocations));
      }
      type.addField(scratchArray(layer.valuesArray(), layer, "SpostA," + l + " of the last forward pass.", allocations));
    }
    if (output.looped() && model.loss() == Loss.SOFTMAX_CROSS_ENTROPY) {
      type.addField(
          FieldSpec.builder(n.type(), "softmaxMax", Modifier.PRIVATE)
              .addJavadoc("The largest SpreA,O of the last forward pass.\n")
              .build());
      type.addField(
          FieldSpec.builder(n.type(), "softmaxSum", Modifier.PRIVATE)
              .addJavadoc("Σ e^(SpreA,O − softmaxMax) of the last forward pass.\n")
              .build());
    }
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addJavadoc("A scratch for {@link $T#predict($T, $T, $L)}.\n", frozen.frozenType(), n.array(), n.array(), SCRATCH_TYPE)
            .addModifiers(Modifier.PUBLIC);
    List<MethodSpec> allocators = allocators(allocations);
    for (MethodSpec allocator : allocators) {
      constructor.addStatement("$N()", allocator);
    }
    type.addMethod(constructor.build());
    CodeBlock.Builder body = CodeBlock.builder();
    forward(body);
    type.addMethod(
        MethodSpec.methodBuilder("forward")
            .addJavadoc("The forward pass from {@code input} to {@code output}, through this scratch.\n")
            .addModifiers(Modifier.PRIVATE)
            .addParameter(n.array(), "input")
            .addParameter(n.array(), "output")
            .addCode(body.build())
            .build());
    for (MethodSpec method : passes.chunks().methods(Chunks.Pass.FORWARD)) {
      type.addMethod(nested(method));
    }
    for (MethodSpec method : passes.looped().forwardMethods()) {
      type.addMethod(nested(method));
    }
    type.addMethods(allocators);
    return type.build();
  }

  /** {@code method} with its Javadoc wrapped again for the deeper indentation of a nested class's members. */
  private static MethodSpec nested(MethodSpec method) {
    String text = method.javadoc().toString().replace('\n', ' ').trim();
    return MethodSpec.methodBuilder(method.name())
        .addJavadoc(Code.javadoc(text, 2 * Code.INDENT))
        .addModifiers(method.modifiers())
        .returns(method.returnType())
        .addParameters(method.parameters())
        .addCode(method.code())
        .build();
  }

  /**
   * A scratch array: final with its initializer, or in a chunked (deep) network, where so many initializers
   * would make the constructor too long, assigned by the allocator of its chunk of layers.
   */
  private FieldSpec scratchArray(String name, Layer layer, String doc, List<Storage.Allocation> allocations) {
    CodeBlock allocation = CodeBlock.of(n.f("new double[$L]"), layer.sizeConstant());
    FieldSpec.Builder field = FieldSpec.builder(n.array(), name, Modifier.PRIVATE).addJavadoc("$L\n", doc);
    if (model.chunked()) {
      allocations.add(new Storage.Allocation(layer, name, allocation));
      return field.build();
    }
    return field.addModifiers(Modifier.FINAL).initializer(allocation).build();
  }

  /** In a chunked network, one method per chunk of layers that allocates their scratch arrays. */
  private List<MethodSpec> allocators(List<Storage.Allocation> allocations) {
    List<MethodSpec> methods = new ArrayList<>();
    if (!model.chunked()) {
      return methods;
    }
    for (List<Layer> chunk : NetworkModel.chunks(layers.subList(1, layers.size()))) {
      CodeBlock.Builder body = CodeBlock.builder();
      for (Storage.Allocation allocation : allocations) {
        if (chunk.contains(allocation.layer)) {
          body.addStatement("$L = $L", allocation.field, allocation.value);
        }
      }
      methods.add(
          MethodSpec.methodBuilder(NetworkModel.chunkName("allocate", chunk))
              .addJavadoc(
                  "Allocates the arrays of layers $L to $L.\n", chunk.get(0).index(), chunk.get(chunk.size() - 1).index())
              .addModifiers(Modifier.PRIVATE)
              .addCode(body.build())
              .build());
    }
    return methods;
  }


  // ---------------------------------------------------------------- the input checks, without the runtime

  private List<MethodSpec> checks() {
    TypeName array = n.array();
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(
        MethodSpec.methodBuilder("requireLength")
            .addJavadoc("@throws IllegalArgumentException unless {@code values} has {@code expected} elements\n")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(array, "values")
            .addParameter(int.class, "expected")
            .addParameter(String.class, "what")
            .beginControlFlow("if (values == null)")
            .addStatement(
                "throw new $T(what + $S + expected$W+ $S)", IllegalArgumentException.class, " is null; expected ", " values")
            .endControlFlow()
            .beginControlFlow("if (values.length != expected)")
            .addStatement(
                "throw new $T(what + $S + values.length$W+ $S + expected)",
                IllegalArgumentException.class,
                " has ",
                " values; expected ")
            .endControlFlow()
            .build());
    methods.add(
        MethodSpec.methodBuilder("requireFinite")
            .addJavadoc(
                Code.javadoc(
                    "@throws IllegalArgumentException unless {@code values} has {@code expected} elements, all"
                        + " finite"))
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(array, "values")
            .addParameter(int.class, "expected")
            .addParameter(String.class, "what")
            .addStatement("requireLength(values, expected, what)")
            .beginControlFlow("for (int i = 0; i < values.length; i++)")
            .beginControlFlow("if (!$T.isFinite(values[i]))", n.boxed())
            .addStatement(
                "throw new $T(what + $S + i + $S + values[i]$W+ $S)",
                IllegalArgumentException.class,
                "[",
                "] is ",
                "; expected a finite number")
            .endControlFlow()
            .endControlFlow()
            .build());
    methods.add(
        MethodSpec.methodBuilder("requireRows")
            .addJavadoc(
                Code.javadoc(
                    "@throws IllegalArgumentException unless {@code outputs} has a row of OUTPUTS values for each"
                        + " row of {@code inputs}, and each input row has INPUTS finite values"))
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(n.rows(), "inputs")
            .addParameter(n.rows(), "outputs")
            .beginControlFlow("if (inputs == null || outputs == null)")
            .addStatement(
                "throw new $T((inputs == null ? $S : $S)$W+ $S)",
                IllegalArgumentException.class,
                "inputs",
                "outputs",
                " is null; expected an array of rows")
            .endControlFlow()
            .beginControlFlow("if (outputs.length != inputs.length)")
            .addStatement(
                "throw new $T($S$W+ outputs.length$W+ $S$W+ inputs.length$W+ $S)",
                IllegalArgumentException.class,
                "outputs has ",
                " rows; expected ",
                ", one per row of inputs")
            .endControlFlow()
            .beginControlFlow("for (int k = 0; k < inputs.length; k++)")
            .addStatement("$T row = inputs[k]", array)
            .addStatement("boolean finite = row != null && row.length == INPUTS")
            .beginControlFlow("for (int i = 0; finite && i < INPUTS; i++)")
            .addStatement("finite = $T.isFinite(row[i])", n.boxed())
            .endControlFlow()
            .beginControlFlow("if (!finite)")
            .addComment("The name is built only for a wrong row: this check runs for every row")
            .addStatement("requireFinite(row, INPUTS, $S + k + $S)", "inputs[", "]")
            .endControlFlow()
            .beginControlFlow("if (outputs[k] == null || outputs[k].length != OUTPUTS)")
            .addStatement("requireLength(outputs[k], OUTPUTS, $S + k + $S)", "outputs[", "]")
            .endControlFlow()
            .endControlFlow()
            .build());
    return methods;
  }
}
