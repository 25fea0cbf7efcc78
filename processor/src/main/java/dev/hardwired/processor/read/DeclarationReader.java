package dev.hardwired.processor.read;

import com.palantir.javapoet.ClassName;
import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Messager;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads one {@code @Network} declaration and validates it. Every problem is reported as an error on the
 * exact annotation value (or on the type, when the type itself is wrong); a declaration with any problem
 * yields no model and so no generated class.
 */
public final class DeclarationReader {
  /**
   * Identifiers that are not keywords but may not name a type (JLS 3.9, TypeIdentifier) from Java 10 to 17;
   * {@link SourceVersion#isName} accepts them, javac would then reject the generated class.
   */
  static final Set<String> RESTRICTED_TYPE_NAMES =
      new HashSet<>(Arrays.asList("var", "yield", "record", "sealed", "permits"));

  private final Elements elements;
  private final Types types;
  private final Messager messager;
  private final Set<String> claimedNames;
  private final int unrollLimit;

  /**
   * @param claimedNames qualified names already generated in this compilation; this reader adds the ones it
   *     accepts, so that two declarations cannot generate the same class
   * @param unrollLimit the most parameters to write out as straight-line code ({@link
   *     NetworkModel#MAX_UNROLLED_PARAMETERS} but in tests and benchmarks)
   */
  public DeclarationReader(
      Elements elements, Types types, Messager messager, Set<String> claimedNames, int unrollLimit) {
    this.elements = elements;
    this.types = types;
    this.messager = messager;
    this.claimedNames = claimedNames;
    this.unrollLimit = unrollLimit;
  }

  /** The model of {@code type}'s declaration, or empty after reporting why there is none. */
  public Optional<NetworkModel> read(TypeElement type, AnnotationMirror mirror) {
    Declaration d = new Declaration(type, mirror);
    d.checkType();
    int inputs = d.size("inputs");
    List<Integer> hidden = d.hiddenSizes();
    int outputs = d.size("outputs");
    Activation[] activations = d.hiddenActivations(hidden.size());
    Activation outputActivation = d.enumValue("outputActivation", Activation.class);
    Loss loss = d.enumValue("loss", Loss.class);
    Precision precision = d.enumValue("precision", Precision.class);
    boolean strictMath = d.booleanValue("strictMath");
    d.checkLoss(loss, outputActivation);
    d.checkStepOutput(outputActivation, hidden.size());
    d.checkSoftmaxOutputs(outputActivation, outputs);
    ClassName generated = d.generatedName();
    if (!d.valid) {
      return Optional.empty();
    }
    if (!d.checkSize(inputs, hidden, outputs)) {
      return Optional.empty();
    }
    Topology topology =
        Topology.of(
            inputs,
            hidden.stream().mapToInt(Integer::intValue).toArray(),
            outputs,
            activations,
            outputActivation,
            loss);
    NetworkModel model =
        NetworkModel.of(
            ClassName.get(type),
            type.getKind() == ElementKind.INTERFACE,
            elements.isDeprecated(type),
            generated.simpleName(),
            topology,
            precision,
            strictMath,
            unrollLimit);
    claimedNames.add(generated.canonicalName());
    TypeMirror serializable = elements.getTypeElement(java.io.Serializable.class.getCanonicalName()).asType();
    return Optional.of(model.declared(deprecatedForRemoval(type), types.isAssignable(type.asType(), serializable)));
  }

  /** Whether {@code type} is {@code @Deprecated(forRemoval = true)}. */
  private static boolean deprecatedForRemoval(TypeElement type) {
    for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
      if (annotation.getAnnotationType().toString().equals(Deprecated.class.getCanonicalName())) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : annotation.getElementValues().entrySet()) {
          if (e.getKey().getSimpleName().contentEquals("forRemoval") && Boolean.TRUE.equals(e.getValue().getValue())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The reading of one declaration: its values, and whether all of them were valid. */
  private final class Declaration {
    private final TypeElement type;
    private final AnnotationMirror mirror;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> values;
    private boolean valid = true;

    Declaration(TypeElement type, AnnotationMirror mirror) {
      this.type = type;
      this.mirror = mirror;
      this.values = elements.getElementValuesWithDefaults(mirror);
    }

    void error(String message, AnnotationValue value) {
      valid = false;
      if (value == null) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, type, mirror);
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, message, type, mirror, value);
      }
    }

    /** Whether the user wrote this attribute, rather than leaving its default. */
    private boolean explicit(String name) {
      return mirror.getElementValues().keySet().stream()
          .anyMatch(e -> e.getSimpleName().contentEquals(name));
    }

    AnnotationValue value(String name) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
        if (e.getKey().getSimpleName().contentEquals(name)) {
          return e.getValue();
        }
      }
      // A missing required value is javac's own error; no model without it.
      valid = false;
      return null;
    }

    /** Checks the annotated type itself; false when it is of a kind whose members need no further look. */
    boolean checkType() {
      String name = type.getQualifiedName().toString();
      boolean isInterface = type.getKind() == ElementKind.INTERFACE;
      boolean isAbstractClass =
          type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT);
      if (!isInterface && !isAbstractClass) {
        error(Message.NOT_ABSTRACT_TYPE.format(name, describe(type)), null);
        return false;
      }
      for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
        if (e.getModifiers().contains(Modifier.PRIVATE)) {
          error(Message.PRIVATE.format(e == type ? name : name + " (inside private " + e + ")"), null);
          return false;
        }
      }
      if (type.getNestingKind() == NestingKind.MEMBER
          && !isInterface
          && !type.getModifiers().contains(Modifier.STATIC)) {
        error(Message.INNER_CLASS.format(name), null);
        return false;
      }
      if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
        error(Message.NOT_ABSTRACT_TYPE.format(name, "a local type"), null);
        return false;
      }
      if (!type.getTypeParameters().isEmpty()) {
        error(Message.GENERIC.format(name), null);
      }
      if (isAbstractClass) {
        boolean reachable =
            ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(
                    c ->
                        c.getParameters().isEmpty()
                            && !c.getModifiers().contains(Modifier.PRIVATE)
                            && c.getThrownTypes().stream().allMatch(this::unchecked));
        if (!reachable) {
          error(Message.NO_CONSTRUCTOR.format(name), null);
        }
      }
      return true;
    }

    private String describe(TypeElement t) {
      switch (t.getKind()) {
        case CLASS:
          return "a concrete class";
        case ENUM:
          return "an enum";
        case ANNOTATION_TYPE:
          return "an annotation type";
        default:
          return "a " + t.getKind().toString().toLowerCase(java.util.Locale.ROOT);
      }
    }

    int size(String name) {
      AnnotationValue value = value(name);
      if (value == null || !(value.getValue() instanceof Integer)) {
        valid = false;
        return 0;
      }
      int size = (Integer) value.getValue();
      if (size <= 0) {
        error(Message.SIZE_NOT_POSITIVE.format(name, size), value);
      }
      return size;
    }

    /**
     * Whether the layers fit the class files and arrays of Java: at most {@link NetworkModel#MAX_LAYERS}
     * layers, and parameters that fit in one array. The count is taken in {@code long}, so that no size
     * can overflow it. Reported on the value that makes the largest weight matrix large.
     */
    boolean checkSize(int inputs, List<Integer> hidden, int outputs) {
      if (hidden.size() + 1 > NetworkModel.MAX_LAYERS) {
        error(
            Message.TOO_DEEP.format(hidden.size(), NetworkModel.MAX_LAYERS - 1),
            value("hidden"));
        return false;
      }
      List<Integer> sizes = new ArrayList<>();
      sizes.add(inputs);
      sizes.addAll(hidden);
      sizes.add(outputs);
      long parameters = 0;
      long largest = -1;
      int culprit = 0;
      for (int l = 1; l < sizes.size(); l++) {
        long layer = ((long) sizes.get(l - 1) + 1) * sizes.get(l);
        parameters += layer;
        if (layer > largest) {
          largest = layer;
          culprit = sizes.get(l - 1) >= sizes.get(l) ? l - 1 : l;
        }
      }
      if (parameters <= NetworkModel.MAX_PARAMETERS) {
        return true;
      }
      AnnotationValue value =
          culprit == 0
              ? value("inputs")
              : culprit == sizes.size() - 1 ? value("outputs") : list("hidden").get(culprit - 1);
      String shape = sizes.stream().map(String::valueOf).collect(Collectors.joining("-"));
      error(Message.TOO_LARGE.format(shape, parameters, NetworkModel.MAX_PARAMETERS), value);
      return false;
    }

    List<Integer> hiddenSizes() {
      List<Integer> sizes = new ArrayList<>();
      for (AnnotationValue v : list("hidden")) {
        if (!(v.getValue() instanceof Integer)) {
          valid = false;
          continue;
        }
        int size = (Integer) v.getValue();
        if (size <= 0) {
          error(Message.SIZE_NOT_POSITIVE.format("hidden layer " + (sizes.size() + 1), size), v);
        }
        sizes.add(size);
      }
      return sizes;
    }

    Activation[] hiddenActivations(int hiddenLayers) {
      AnnotationValue whole = value("activation");
      List<? extends AnnotationValue> list = list("activation");
      if (list.size() != 1 && list.size() != hiddenLayers) {
        error(Message.ACTIVATION_COUNT.format(list.size(), hiddenLayers), whole);
      }
      Activation[] activations = new Activation[list.size()];
      for (int i = 0; i < list.size(); i++) {
        activations[i] = constant(list.get(i), Activation.class);
        if (activations[i] != null && !activations[i].allowedInHiddenLayer() && hiddenLayers > 0) {
          String layers =
              list.size() == 1
                  ? (hiddenLayers == 1 ? "the hidden layer" : "every hidden layer")
                  : "hidden layer " + (i + 1);
          Message message = activations[i] == Activation.STEP ? Message.STEP_HIDDEN : Message.SOFTMAX_HIDDEN;
          error(message.format(layers), list.get(i));
        }
      }
      return activations;
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> enumType) {
      AnnotationValue value = value(name);
      return value == null ? null : constant(value, enumType);
    }

    /** A boolean attribute; false, and no model, where javac has reported a value that is none. */
    boolean booleanValue(String name) {
      AnnotationValue value = value(name);
      if (value == null || !(value.getValue() instanceof Boolean)) {
        valid = false; // javac reports the mistyped value itself
        return false;
      }
      return (Boolean) value.getValue();
    }

    private <E extends Enum<E>> E constant(AnnotationValue value, Class<E> enumType) {
      if (!(value.getValue() instanceof VariableElement)) {
        valid = false; // javac reports the unresolved constant itself
        return null;
      }
      return Enum.valueOf(enumType, ((VariableElement) value.getValue()).getSimpleName().toString());
    }

    private List<? extends AnnotationValue> list(String name) {
      AnnotationValue value = value(name);
      if (value == null || !(value.getValue() instanceof List)) {
        valid = false;
        return new ArrayList<>();
      }
      @SuppressWarnings("unchecked")
      List<? extends AnnotationValue> list = (List<? extends AnnotationValue>) value.getValue();
      return list;
    }

    void checkLoss(Loss loss, Activation outputActivation) {
      if (loss == null || outputActivation == null || loss.accepts(outputActivation)) {
        return;
      }
      if (outputActivation == Activation.SOFTMAX) {
        error(Message.SOFTMAX_NEEDS_CROSS_ENTROPY.format(loss), value(explicit("outputActivation") ? "outputActivation" : "loss"));
      } else if (outputActivation == Activation.STEP) {
        error(Message.STEP_NEEDS_PERCEPTRON.format(loss), value(explicit("loss") ? "loss" : "outputActivation"));
      } else {
        error(
            Message.LOSS_NEEDS_OUTPUT.format(loss, loss.requiredOutputActivation(), outputActivation),
            value(explicit("loss") ? "loss" : "outputActivation"));
      }
    }

    void checkStepOutput(Activation outputActivation, int hiddenLayers) {
      if (outputActivation == Activation.STEP && hiddenLayers > 0) {
        error(Message.STEP_WITH_HIDDEN.format(), value("hidden"));
      }
    }

    void checkSoftmaxOutputs(Activation outputActivation, int outputs) {
      if (outputActivation == Activation.SOFTMAX && outputs == 1) {
        error(Message.SOFTMAX_ONE_OUTPUT.format(), value("outputs"));
      }
    }

    private boolean unchecked(TypeMirror thrown) {
      TypeMirror runtime = elements.getTypeElement(RuntimeException.class.getCanonicalName()).asType();
      TypeMirror error = elements.getTypeElement(Error.class.getCanonicalName()).asType();
      return types.isSubtype(thrown, runtime) || types.isSubtype(thrown, error);
    }

    ClassName generatedName() {
      AnnotationValue nameValue = value("name");
      String name = nameValue == null ? "" : String.valueOf(nameValue.getValue());
      boolean explicitName = !name.isEmpty();
      if (!explicitName) {
        List<String> names = ClassName.get(type).simpleNames();
        name = String.join("_", names) + "Network";
      } else if (!SourceVersion.isName(name) || name.contains(".") || RESTRICTED_TYPE_NAMES.contains(name)) {
        error(Message.INVALID_NAME.format(name), nameValue);
        return null;
      }
      String pkg = elements.getPackageOf(type).getQualifiedName().toString();
      String qualified = pkg.isEmpty() ? name : pkg + "." + name;
      if (elements.getTypeElement(qualified) != null || claimedNames.contains(qualified)) {
        error(Message.NAME_CLASH.format(qualified), explicitName ? nameValue : null);
        return null;
      }
      return ClassName.get(pkg, name);
    }
  }
}
