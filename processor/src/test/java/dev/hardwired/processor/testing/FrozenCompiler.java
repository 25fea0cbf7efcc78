package dev.hardwired.processor.testing;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.io.WeightsFile;
import dev.hardwired.processor.NetworkProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles {@code @Frozen} declarations against weights files on disk, as a build does: the files go into
 * a folder that the compilation reads as its source path (or, for {@link #compileLikeMaven}, its class
 * output), and the frozen classes' sources can be compiled and run again with nothing but the JDK.
 */
public final class FrozenCompiler {
  private FrozenCompiler() {}

  /** The bytes of {@code network}'s weights file. */
  public static byte[] weights(TrainableNetwork network) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      WeightsFile.write(network, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] weights(TrainableFloatNetwork network) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      WeightsFile.write(network, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A new folder holding {@code files}, by resource name ({@code test/xor.weights}). */
  public static Path folder(Map<String, byte[]> files) {
    try {
      Path root = Files.createTempDirectory("hardwired-frozen");
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path path = root.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.write(path, file.getValue());
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles {@code sources} with the processor, reading resources from {@code sourcePath}. */
  public static Compilation compile(Path sourcePath, List<JavaFileObject> sources, String... options) {
    return compile(sourcePath, sources, new NetworkProcessor(), options);
  }

  /** {@link #compile(Path, List, String...)} with {@code processor}, a {@link NetworkProcessor} or a wrapper of one. */
  public static Compilation compile(Path sourcePath, List<JavaFileObject> sources, Processor processor, String... options) {
    List<String> all = new ArrayList<>(Arrays.asList("-sourcepath", sourcePath.toString()));
    all.addAll(Arrays.asList(options));
    return javac().withProcessors(processor).withOptions(all).compile(sources);
  }

  /**
   * Compiles {@code source} with the system compiler and the processor as Maven does: the resources
   * already copied into the class output folder {@code classes}, the sources in {@code sources} as the
   * source path. Returns the diagnostics, one per line, empty when there are none.
   */
  public static String compileLikeMaven(Path sources, Path classes, Path sourceFile) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Path generated = Files.createDirectories(classes.resolveSibling("generated-sources"));
      List<String> options =
          Arrays.asList(
              "-d", classes.toString(),
              "-s", generated.toString(),
              "-sourcepath", sources + java.io.File.pathSeparator + generated,
              "-classpath", classes + java.io.File.pathSeparator + System.getProperty("java.class.path"),
              "-Xlint:all", "-Werror");
      JavaCompiler.CompilationTask task =
          compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(sourceFile));
      task.setProcessors(List.of(new NetworkProcessor()));
      task.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder text = new StringBuilder();
    diagnostics.getDiagnostics().forEach(d -> text.append(d.getKind()).append(' ').append(d.getMessage(Locale.ROOT)).append('\n'));
    return text.toString();
  }

  /**
   * Compiles one generated source alone, with {@code --release 8}, every lint warning an error, no
   * processor, and an empty class path and source path: nothing but the JDK 8 platform. Returns the class
   * files, by binary name.
   */
  public static Map<String, byte[]> compileWithJdkOnly(String qualifiedName, String source) {
    try {
      Path root = Files.createTempDirectory("hardwired-jdk-only");
      Path src = root.resolve("src");
      Path out = Files.createDirectories(root.resolve("classes"));
      Path empty = Files.createDirectories(root.resolve("empty"));
      Path file = src.resolve(qualifiedName.replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source, StandardCharsets.UTF_8);
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      boolean ok;
      try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> options =
            Arrays.asList(
                "--release", "8", "-Xlint:all", "-Xlint:-options", "-Werror", "-proc:none",
                "-classpath", empty.toString(), "-sourcepath", empty.toString(), "-d", out.toString());
        ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
      }
      if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
        throw new AssertionError(qualifiedName + " does not compile alone: " + diagnostics.getDiagnostics());
      }
      Map<String, byte[]> classes = new java.util.TreeMap<>();
      try (Stream<Path> walk = Files.walk(out)) {
        for (Path p : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
          String name = out.relativize(p).toString().replace(java.io.File.separatorChar, '.');
          classes.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(p));
        }
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A class loader that sees {@code classes} and the JDK's platform classes, nothing of the test class path. */
  public static ClassLoader jdkOnlyLoader(Map<String, byte[]> classes) {
    return new ClassLoader(ClassLoader.getPlatformClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }

  /** {@code type.predict(input)} by reflection, a static method of a frozen class. */
  public static Object predict(Class<?> type, Object input) {
    try {
      Method predict = type.getMethod("predict", input.getClass());
      return predict.invoke(null, input);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
