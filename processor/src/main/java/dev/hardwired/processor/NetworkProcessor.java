package dev.hardwired.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.hardwired.Frozen;
import dev.hardwired.Network;
import dev.hardwired.Precision;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.processor.model.FrozenModel;
import dev.hardwired.processor.model.NetworkModel;
import dev.hardwired.processor.read.DeclarationReader;
import dev.hardwired.processor.read.DeclarationSource;
import dev.hardwired.processor.read.FrozenReader;
import dev.hardwired.processor.read.Message;
import dev.hardwired.processor.read.SubclassCheck;
import dev.hardwired.processor.write.FrozenWriter;
import dev.hardwired.processor.write.Lesson;
import dev.hardwired.processor.write.NetworkWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes a network class for every type annotated with {@link Network}, and a frozen inference class for
 * each that is also annotated with {@link Frozen}: read and validate, build the model, write it. No
 * exception escapes: anything unexpected becomes an error on the annotated type.
 */
@AutoService(Processor.class)
public final class NetworkProcessor extends AbstractProcessor {
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private final Set<String> generatedNames = new HashSet<>();
  private int unrollLimit = -1;
  private Boolean lessons;

  /**
   * {@code @Network}, {@code @Frozen}, and the {@code @Generated} on the classes this processor writes:
   * claiming it keeps {@code -Xlint:all -Werror} builds free of "no processor claimed" warnings.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return new HashSet<>(
        Arrays.asList(Network.class.getCanonicalName(), Frozen.class.getCanonicalName(), GENERATED));
  }

  /**
   * {@value #UNROLL_LIMIT_OPTION}: the most parameters written out as straight-line code, {@link
   * NetworkModel#MAX_UNROLLED_PARAMETERS} by default. Lower values (0 loops every layer) are for tests and
   * benchmarks that compare the two shapes of the same network; higher ones are refused, since they would
   * break the method-size limit.
   */
  public static final String UNROLL_LIMIT_OPTION = "hardwired.unrollLimit";

  /**
   * {@value #LESSONS_OPTION}: given (or {@code =true}), a Markdown lesson and an SVG picture beside each
   * generated network ({@code XorNetwork.md}, {@code XorNetwork.svg}), among the generated sources.
   */
  public static final String LESSONS_OPTION = "hardwired.lessons";

  @Override
  public Set<String> getSupportedOptions() {
    return new HashSet<>(Arrays.asList(UNROLL_LIMIT_OPTION, LESSONS_OPTION));
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement annotation = processingEnv.getElementUtils().getTypeElement(Network.class.getCanonicalName());
    if (annotation == null) {
      return false;
    }
    DeclarationReader reader =
        new DeclarationReader(
            processingEnv.getElementUtils(),
            processingEnv.getTypeUtils(),
            processingEnv.getMessager(),
            generatedNames,
            unrollLimit());
    TypeElement frozen = processingEnv.getElementUtils().getTypeElement(Frozen.class.getCanonicalName());
    FrozenReader frozenReader =
        new FrozenReader(
            processingEnv.getElementUtils(), processingEnv.getFiler(), processingEnv.getMessager(), generatedNames);
    for (Element element : round.getElementsAnnotatedWith(annotation)) {
      AnnotationMirror mirror = mirrorOf(element, annotation);
      Optional<NetworkModel> model = Optional.empty();
      try {
        model = generate(reader, element, mirror);
      } catch (IOException e) {
        error(Message.WRITE_FAILED.format(element, e.getMessage()), element, mirror);
      } catch (RuntimeException | LinkageError e) {
        error(Message.UNEXPECTED.format(element, e), element, mirror);
      }
      AnnotationMirror frozenMirror = frozen == null ? null : findMirror(element, frozen);
      if (frozenMirror != null) {
        try {
          freeze(frozenReader, element, frozenMirror, model);
        } catch (IOException e) {
          error(Message.WRITE_FAILED.format(element, e.getMessage()), element, frozenMirror);
        } catch (RuntimeException | LinkageError e) {
          error(Message.UNEXPECTED.format(element, e), element, frozenMirror);
        }
      }
    }
    if (frozen != null) {
      for (Element element : round.getElementsAnnotatedWith(frozen)) {
        if (findMirror(element, annotation) == null) {
          error(Message.FROZEN_WITHOUT_NETWORK.format(element), element, findMirror(element, frozen));
        }
      }
    }
    return true;
  }

  /** The network's model, once its class is written; empty when the declaration has errors. */
  private Optional<NetworkModel> generate(DeclarationReader reader, Element element, AnnotationMirror mirror)
      throws IOException {
    if (!(element instanceof TypeElement)) {
      return Optional.empty(); // @Target(TYPE) makes javac reject it first
    }
    TypeElement type = (TypeElement) element;
    Optional<NetworkModel> model = reader.read(type, mirror);
    if (model.isPresent()) {
      JavaFile file = NetworkWriter.write(model.get(), type, generator());
      List<String> problems =
          new SubclassCheck(processingEnv.getElementUtils(), processingEnv.getTypeUtils())
              .problems(type, file.typeSpec(), model.get().generatedType(), networkInterface(model.get()));
      if (!problems.isEmpty()) {
        for (String problem : problems) {
          error(problem, element, mirror);
        }
        return Optional.empty(); // nothing is written for a declaration with an error
      }
      file.writeTo(processingEnv.getFiler());
      if (lessons()) {
        writeLesson(model.get(), type, mirror, file.toString());
      }
    }
    return model;
  }

  private static Class<?> networkInterface(NetworkModel model) {
    return model.precision() == Precision.FLOAT ? TrainableFloatNetwork.class : TrainableNetwork.class;
  }

  /** The lesson and its picture, beside the generated source. */
  private void writeLesson(NetworkModel model, TypeElement type, AnnotationMirror mirror, String source)
      throws IOException {
    String pkg = model.generatedType().packageName();
    String lesson = Lesson.markdown(model, source, DeclarationSource.of(type, mirror));
    write(processingEnv.getFiler().createResource(StandardLocation.SOURCE_OUTPUT, pkg, Lesson.fileName(model), type), lesson);
    write(
        processingEnv.getFiler().createResource(StandardLocation.SOURCE_OUTPUT, pkg, Lesson.pictureName(model), type),
        Lesson.picture(model));
  }

  private static void write(FileObject file, String text) throws IOException {
    try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      out.write(text);
    }
  }

  /** The frozen class of a declaration with {@code @Frozen}; its own values are checked even without a network. */
  private void freeze(FrozenReader reader, Element element, AnnotationMirror mirror, Optional<NetworkModel> network)
      throws IOException {
    if (!(element instanceof TypeElement)) {
      return;
    }
    TypeElement type = (TypeElement) element;
    Optional<FrozenModel> model = reader.read(type, mirror, network);
    if (model.isPresent()) {
      FrozenWriter.write(model.get(), type, generator()).writeTo(processingEnv.getFiler());
    }
  }

  /** The value of {@code @Generated}, or {@code null} where the compilation lacks it. */
  private String generator() {
    return generatedAvailable() ? NetworkProcessor.class.getCanonicalName() : null;
  }

  /** Whether to write lessons: {@value #LESSONS_OPTION} given without a value or as true, read once. */
  private boolean lessons() {
    if (lessons == null) {
      Map<String, String> options = processingEnv.getOptions();
      String value = options.get(LESSONS_OPTION);
      String flag = !options.containsKey(LESSONS_OPTION) ? "false"
          : value == null || value.trim().isEmpty() ? "true" : value.trim().toLowerCase(Locale.ROOT);
      lessons = flag.equals("true");
      if (!lessons && !flag.equals("false")) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.FLAG_OPTION.format(LESSONS_OPTION, value));
      }
    }
    return lessons;
  }

  /** The option's value, read (and a bad one reported) once per compilation. */
  private int unrollLimit() {
    if (unrollLimit < 0) {
      unrollLimit = readUnrollLimit();
    }
    return unrollLimit;
  }

  private int readUnrollLimit() {
    String value = processingEnv.getOptions().get(UNROLL_LIMIT_OPTION);
    if (value == null) {
      return NetworkModel.MAX_UNROLLED_PARAMETERS;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 0 && limit <= NetworkModel.MAX_UNROLLED_PARAMETERS) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    processingEnv.getMessager().printMessage(
        Diagnostic.Kind.ERROR,
        Message.OPTION.format(UNROLL_LIMIT_OPTION, value, NetworkModel.MAX_UNROLLED_PARAMETERS));
    return NetworkModel.MAX_UNROLLED_PARAMETERS;
  }

  private boolean generatedAvailable() {
    return processingEnv.getSourceVersion().compareTo(SourceVersion.RELEASE_8) > 0
        && processingEnv.getElementUtils().getTypeElement(GENERATED) != null;
  }

  private void error(String message, Element element, AnnotationMirror mirror) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element, mirror);
  }

  private static AnnotationMirror mirrorOf(Element element, TypeElement annotation) {
    AnnotationMirror mirror = findMirror(element, annotation);
    if (mirror == null) {
      throw new IllegalStateException(element + " has no @" + annotation.getSimpleName());
    }
    return mirror;
  }

  private static AnnotationMirror findMirror(Element element, TypeElement annotation) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (m.getAnnotationType().asElement().equals(annotation)) {
        return m;
      }
    }
    return null;
  }
}
