package dev.hardwired.processor.testing;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.processor.NetworkProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Compiles {@code @Network} declarations in memory with the processor and loads the generated classes, so
 * that tests call them through the runtime's interfaces exactly as users do.
 */
public final class GeneratedNetworks {
  private final Compilation compilation;
  private final Map<String, byte[]> classFiles = new HashMap<>();
  private final ClassLoader loader;

  private GeneratedNetworks(Compilation compilation) {
    this.compilation = compilation;
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        String name = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(), path.length() - 6);
        classFiles.put(name.replace('/', '.'), read(file));
      }
    }
    this.loader = new ClassLoader(GeneratedNetworks.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classFiles.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }

  /**
   * Compiles one source file {@code <qualifiedName>} with the processor and the given javac options.
   *
   * @throws AssertionError when the compilation fails, with its diagnostics
   */
  public static GeneratedNetworks compile(String qualifiedName, String source, String... options) {
    Compilation compilation =
        javac()
            .withProcessors(new NetworkProcessor())
            .withOptions((Object[]) options)
            .compile(JavaFileObjects.forSourceString(qualifiedName, source));
    if (compilation.status() != Compilation.Status.SUCCESS || !compilation.warnings().isEmpty()) {
      throw new AssertionError("compilation was not clean:\n" + compilation.diagnostics());
    }
    return new GeneratedNetworks(compilation);
  }

  /** The classes of a compilation that succeeded, however it was made. */
  public static GeneratedNetworks of(Compilation compilation) {
    if (compilation.status() != Compilation.Status.SUCCESS || !compilation.warnings().isEmpty()) {
      throw new AssertionError("compilation was not clean:\n" + compilation.diagnostics());
    }
    return new GeneratedNetworks(compilation);
  }

  public Compilation compilation() {
    return compilation;
  }

  /** The bytes of a compiled class, by binary name. */
  public byte[] classFile(String binaryName) {
    byte[] bytes = classFiles.get(binaryName);
    if (bytes == null) {
      throw new AssertionError("no class " + binaryName + " in " + classFiles.keySet());
    }
    return bytes;
  }

  /** The binary names of every generated network class. */
  public List<String> networkClasses() {
    List<String> names = new ArrayList<>();
    for (String name : classFiles.keySet()) {
      if (name.endsWith("Network")) {
        names.add(name);
      }
    }
    names.sort(null);
    return names;
  }

  /** {@code <className>.seeded(seed)}. */
  public TrainableNetwork seeded(String className, long seed) {
    try {
      Class<?> type = loader.loadClass(className);
      return (TrainableNetwork) type.getMethod("seeded", long.class).invoke(null, seed);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot create " + className, e);
    }
  }

  /** {@code <className>.seeded(seed)} of a network declared with {@code precision = Precision.FLOAT}. */
  public TrainableFloatNetwork seededFloat(String className, long seed) {
    try {
      Class<?> type = loader.loadClass(className);
      return (TrainableFloatNetwork) type.getMethod("seeded", long.class).invoke(null, seed);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot create " + className, e);
    }
  }

  public Class<?> load(String className) {
    try {
      return loader.loadClass(className);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] read(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
