package dev.hardwired.processor;

import com.google.auto.service.AutoService;
import dev.hardwired.Network;
import dev.hardwired.processor.model.NetworkModel;
import dev.hardwired.processor.read.DeclarationReader;
import dev.hardwired.processor.read.Message;
import dev.hardwired.processor.write.NetworkWriter;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
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

/**
 * Writes a network class for every type annotated with {@link Network}: read and validate, build the
 * model, write it. No exception escapes: anything unexpected becomes an error on the annotated type.
 */
@AutoService(Processor.class)
public final class NetworkProcessor extends AbstractProcessor {
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private final Set<String> generatedNames = new HashSet<>();

  /**
   * {@code @Network}, and the {@code @Generated} on the classes this processor writes: claiming it keeps
   * {@code -Xlint:all -Werror} builds free of "no processor claimed" warnings.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return new HashSet<>(Arrays.asList(Network.class.getCanonicalName(), GENERATED));
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
            generatedNames);
    for (Element element : round.getElementsAnnotatedWith(annotation)) {
      AnnotationMirror mirror = mirrorOf(element, annotation);
      try {
        generate(reader, element, mirror);
      } catch (IOException e) {
        error(Message.WRITE_FAILED.format(element, e.getMessage()), element, mirror);
      } catch (RuntimeException | LinkageError e) {
        error(Message.UNEXPECTED.format(element, e), element, mirror);
      }
    }
    return true;
  }

  private void generate(DeclarationReader reader, Element element, AnnotationMirror mirror) throws IOException {
    if (!(element instanceof TypeElement)) {
      return; // @Target(TYPE) makes javac reject it first
    }
    TypeElement type = (TypeElement) element;
    Optional<NetworkModel> model = reader.read(type, mirror);
    if (model.isPresent()) {
      String generator = generatedAvailable() ? NetworkProcessor.class.getCanonicalName() : null;
      NetworkWriter.write(model.get(), type, generator).writeTo(processingEnv.getFiler());
    }
  }

  private boolean generatedAvailable() {
    return processingEnv.getSourceVersion().compareTo(SourceVersion.RELEASE_8) > 0
        && processingEnv.getElementUtils().getTypeElement(GENERATED) != null;
  }

  private void error(String message, Element element, AnnotationMirror mirror) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element, mirror);
  }

  private static AnnotationMirror mirrorOf(Element element, TypeElement annotation) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (m.getAnnotationType().asElement().equals(annotation)) {
        return m;
      }
    }
    throw new IllegalStateException(element + " has no @" + annotation.getSimpleName());
  }
}
