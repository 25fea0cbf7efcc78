package dev.hardwired.processor.validation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Wraps a processor and records the source files it creates. compile-testing hides generated files once a
 * compilation has failed, so this is how a test shows that a rejected declaration generated nothing while
 * the rest of the compilation went on.
 */
public final class RecordingProcessor implements Processor {
  private final Processor delegate;
  private final boolean failWrites;
  private final List<String> createdSources = Collections.synchronizedList(new ArrayList<>());

  public RecordingProcessor(Processor delegate) {
    this(delegate, false);
  }

  private RecordingProcessor(Processor delegate, boolean failWrites) {
    this.delegate = delegate;
    this.failWrites = failWrites;
  }

  /** A processor whose every attempt to create a source file fails, as on a full disk. */
  public static RecordingProcessor failingWrites(Processor delegate) {
    return new RecordingProcessor(delegate, true);
  }

  /** Qualified names of every source file the wrapped processor created, in order. */
  public List<String> createdSources() {
    return new ArrayList<>(createdSources);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public void init(ProcessingEnvironment env) {
    delegate.init(new RecordingEnvironment(env));
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  @Override
  public Iterable<? extends Completion> getCompletions(
      Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
    return delegate.getCompletions(element, annotation, member, userText);
  }

  private final class RecordingEnvironment implements ProcessingEnvironment {
    private final ProcessingEnvironment env;
    private final Filer filer;

    RecordingEnvironment(ProcessingEnvironment env) {
      this.env = env;
      this.filer = new RecordingFiler(env.getFiler());
    }

    @Override
    public Map<String, String> getOptions() {
      return env.getOptions();
    }

    @Override
    public Messager getMessager() {
      return env.getMessager();
    }

    @Override
    public Filer getFiler() {
      return filer;
    }

    @Override
    public Elements getElementUtils() {
      return env.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return env.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return env.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return env.getLocale();
    }
  }

  private final class RecordingFiler implements Filer {
    private final Filer filer;

    RecordingFiler(Filer filer) {
      this.filer = filer;
    }

    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
        throws IOException {
      if (failWrites) {
        throw new IOException("No space left on device");
      }
      createdSources.add(name.toString());
      return filer.createSourceFile(name, originatingElements);
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
        throws IOException {
      return filer.createClassFile(name, originatingElements);
    }

    @Override
    public FileObject createResource(
        JavaFileManager.Location location,
        CharSequence moduleAndPkg,
        CharSequence relativeName,
        Element... originatingElements)
        throws IOException {
      return filer.createResource(location, moduleAndPkg, relativeName, originatingElements);
    }

    @Override
    public FileObject getResource(
        JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName)
        throws IOException {
      return filer.getResource(location, moduleAndPkg, relativeName);
    }
  }
}
