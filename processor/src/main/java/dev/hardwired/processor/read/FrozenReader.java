package dev.hardwired.processor.read;

import com.palantir.javapoet.ClassName;
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.io.Onnx;
import dev.hardwired.io.OnnxModel;
import dev.hardwired.io.Weights;
import dev.hardwired.io.WeightsFile;
import dev.hardwired.processor.model.FrozenModel;
import dev.hardwired.processor.model.NetworkModel;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;

/**
 * Reads one {@code @Frozen} annotation: the name of the class to generate, and the weights file or ONNX
 * model, which it finds through the {@link Filer} (the class output, where Maven has copied the resources, then the source
 * path, then the class path), reads once, and holds to the declaration. That file is the only one read.
 * Every problem is an error on the annotation value at fault, and no model.
 */
public final class FrozenReader {
  /** Where the weights file is looked for, in this order, with how messages name each place. */
  private static final List<JavaFileManager.Location> LOCATIONS =
      Arrays.asList(StandardLocation.CLASS_OUTPUT, StandardLocation.SOURCE_PATH, StandardLocation.CLASS_PATH);

  private final Elements elements;
  private final Filer filer;
  private final Messager messager;
  private final Set<String> claimedNames;

  /** @param claimedNames qualified names already generated in this compilation, shared with the network reader */
  public FrozenReader(Elements elements, Filer filer, Messager messager, Set<String> claimedNames) {
    this.elements = elements;
    this.filer = filer;
    this.messager = messager;
    this.claimedNames = claimedNames;
  }

  /**
   * The model of {@code type}'s frozen class, or empty after reporting why there is none. Without a network
   * (its declaration had errors of its own, already reported) only the annotation's own values are checked.
   */
  public Optional<FrozenModel> read(TypeElement type, AnnotationMirror mirror, Optional<NetworkModel> network) {
    AnnotationValue weightsValue = value(mirror, "weights");
    AnnotationValue nameValue = value(mirror, "name");
    if (weightsValue == null || !(weightsValue.getValue() instanceof String)) {
      return Optional.empty(); // javac reports a missing or wrong value itself
    }
    String weights = (String) weightsValue.getValue();
    String problem = ResourceName.problem(weights);
    if (problem != null) {
      error(Message.WEIGHTS_PATH.format(weights, problem), type, mirror, weightsValue);
    }
    ClassName frozen = frozenName(type, mirror, nameValue);
    if (problem != null || frozen == null || !network.isPresent()) {
      return Optional.empty();
    }
    NetworkModel model = network.get();
    if (model.parameterCount() > FrozenModel.MAX_PARAMETERS) {
      long megabytes = (long) FrozenModel.MAX_PARAMETERS * 11 / 1_000_000;
      error(
          Message.FROZEN_TOO_LARGE.format(
              model.topology().shape(), model.parameterCount(), FrozenModel.MAX_PARAMETERS, megabytes),
          type,
          mirror,
          weightsValue);
      return Optional.empty();
    }
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    ResourceName resource = ResourceName.of(pkg, weights);
    Optional<FrozenModel> frozenModel = readWeights(resource, weights, model, frozen, type, mirror, weightsValue);
    frozenModel.ifPresent(m -> claimedNames.add(frozen.canonicalName()));
    return frozenModel;
  }

  /** Finds, reads and checks the file; the model of the frozen class, or empty after an error on {@code value}. */
  private Optional<FrozenModel> readWeights(
      ResourceName resource,
      String weights,
      NetworkModel model,
      ClassName frozen,
      TypeElement type,
      AnnotationMirror mirror,
      AnnotationValue value) {
    for (JavaFileManager.Location location : LOCATIONS) {
      FileObject file;
      byte[] bytes;
      try {
        file = filer.getResource(location, resource.pkg, resource.relative);
      } catch (IOException | RuntimeException e) {
        continue; // no such location in this compilation, or no such file in it
      }
      try (InputStream in = file.openInputStream()) {
        bytes = in.readAllBytes();
      } catch (FileNotFoundException | NoSuchFileException e) {
        continue;
      } catch (IOException e) {
        error(Message.WEIGHTS_UNREADABLE.format(weights, resource.fromRoot() + ": " + e), type, mirror, value);
        return Optional.empty();
      }
      String escape = escape(file.toUri(), resource);
      if (escape != null) {
        error(Message.WEIGHTS_OUTSIDE.format(weights, resource.fromRoot(), escape, root(file.toUri(), resource)), type, mirror, value);
        return Optional.empty();
      }
      return readParameters(bytes, resource, weights, model, frozen, type, mirror, value);
    }
    error(Message.WEIGHTS_MISSING.format(weights, resource.fromRoot(), resource.fromRoot()), type, mirror, value);
    return Optional.empty();
  }

  /**
   * Whether the file is an ONNX model rather than a weights file: by its contents (a weights file starts
   * with its magic word; a model with its IR version, field 1), or by its name when it is neither.
   */
  private static boolean onnx(byte[] bytes, ResourceName resource) {
    byte[] magic = WeightsFile.MAGIC.getBytes(StandardCharsets.UTF_8);
    if (bytes.length >= magic.length && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic)) {
      return false;
    }
    return (bytes.length > 0 && bytes[0] == 0x08) || resource.relative.endsWith(".onnx");
  }

  /** A file's check against a declaration: {@code Weights.requireMatches} or {@code OnnxModel.requireMatches}. */
  private interface Match {
    void require(Topology topology, Precision precision) throws IOException;
  }

  /**
   * The parameters of a weights file or an ONNX model, held to the declaration; empty after an error on
   * {@code value}: {@code weights-file} when the file cannot be read, {@code weights-mismatch} when it is
   * another network's.
   */
  private Optional<FrozenModel> readParameters(
      byte[] bytes,
      ResourceName resource,
      String weights,
      NetworkModel model,
      ClassName frozen,
      TypeElement type,
      AnnotationMirror mirror,
      AnnotationValue value) {
    boolean onnx = onnx(bytes, resource);
    Match match;
    double[] values;
    try {
      if (onnx) {
        OnnxModel read = Onnx.read(new ByteArrayInputStream(bytes), resource.fromRoot());
        match = read::requireMatches;
        values = read.values();
      } else {
        Weights read = WeightsFile.read(new ByteArrayInputStream(bytes), resource.fromRoot());
        match = read::requireMatches;
        values = read.values();
      }
    } catch (IOException e) { // a WeightsFileException or an OnnxFileException: the data are in memory
      error(Message.WEIGHTS_UNREADABLE.format(weights, e.getMessage()), type, mirror, value);
      return Optional.empty();
    }
    try {
      match.require(model.topology(), model.precision());
    } catch (IOException e) {
      error(Message.WEIGHTS_MISMATCH.format(weights, e.getMessage()), type, mirror, value);
      return Optional.empty();
    }
    String checksum = onnx ? crc32(bytes) : lastLine(bytes);
    return Optional.of(new FrozenModel(model, frozen, resource.fromRoot(), checksum, onnx, values));
  }

  /** An ONNX model's stand-in for a weights file's checksum line: {@code ONNX, crc32 b1928c30}. */
  private static String crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length);
    return String.format(Locale.ROOT, "ONNX, crc32 %08x", crc.getValue());
  }

  /**
   * Where a file found on disk really is, when that is outside the root it was found in (a symbolic link
   * out of the resources, say); {@code null} when it is inside, or not a plain file.
   */
  private static String escape(URI uri, ResourceName resource) {
    if (!"file".equals(uri.getScheme())) {
      return null; // in a jar, or in memory: nothing to follow
    }
    try {
      Path file = Paths.get(uri);
      Path root = rootOf(file, resource);
      Path real = file.toRealPath();
      return root == null || real.startsWith(root.toRealPath()) ? null : real.toString();
    } catch (IOException | RuntimeException e) {
      return null; // it was just read, so it exists; nothing more to learn
    }
  }

  private static String root(URI uri, ResourceName resource) {
    Path root = rootOf(Paths.get(uri), resource);
    return root == null ? "?" : root.toString();
  }

  /** The folder that {@code file} was found in as {@code resource}: its path without the resource's names. */
  private static Path rootOf(Path file, ResourceName resource) {
    Path root = file.toAbsolutePath();
    for (int i = 0; i < resource.segments() && root != null; i++) {
      root = root.getParent();
    }
    return root;
  }

  /** The checksum line of a file that was read without error: its last line. */
  private static String lastLine(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
  }

  private ClassName frozenName(TypeElement type, AnnotationMirror mirror, AnnotationValue nameValue) {
    String name = nameValue == null ? "" : String.valueOf(nameValue.getValue());
    boolean explicit = !name.isEmpty();
    if (!explicit) {
      name = String.join("_", ClassName.get(type).simpleNames()) + "Frozen";
    } else if (!SourceVersion.isName(name)
        || name.contains(".")
        || DeclarationReader.RESTRICTED_TYPE_NAMES.contains(name)) {
      error(Message.INVALID_NAME.format(name), type, mirror, nameValue);
      return null;
    }
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    String qualified = pkg.isEmpty() ? name : pkg + "." + name;
    if (elements.getTypeElement(qualified) != null || claimedNames.contains(qualified)) {
      error(Message.NAME_CLASH.format(qualified), type, mirror, explicit ? nameValue : null);
      return null;
    }
    return ClassName.get(pkg, name);
  }

  private AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private void error(String message, TypeElement type, AnnotationMirror mirror, AnnotationValue value) {
    if (value == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, type, mirror);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, type, mirror, value);
    }
  }

  /**
   * A weights file's name as {@code @Frozen} gives it: relative to the package of the annotated type, or
   * with a leading {@code /} to the resource root, as {@link Class#getResource} reads names.
   */
  static final class ResourceName {
    /** The package to look in, for {@link Filer#getResource}: the type's, or the root's {@code ""}. */
    final String pkg;
    /** The name within {@link #pkg}, which may hold {@code /}. */
    final String relative;
    private ResourceName(String pkg, String relative) {
      this.pkg = pkg;
      this.relative = relative;
    }

    static ResourceName of(String typePackage, String weights) {
      return weights.startsWith("/")
          ? new ResourceName("", weights.substring(1))
          : new ResourceName(typePackage, weights);
    }

    /** The name from the resource root: {@code dev/hardwired/examples/xor.weights}. */
    String fromRoot() {
      return pkg.isEmpty() ? relative : pkg.replace('.', '/') + "/" + relative;
    }

    /** Number of names in {@link #fromRoot()}. */
    int segments() {
      return fromRoot().split("/", -1).length;
    }

    /**
     * Why {@code weights} is not a resource name inside the roots, or {@code null} when it is: plain names
     * separated by {@code /}, none of them empty, {@code .} or {@code ..}, without {@code \} or {@code :}.
     */
    static String problem(String weights) {
      if (weights.isEmpty()) {
        return "the name is empty";
      }
      String names = weights.startsWith("/") ? weights.substring(1) : weights;
      if (names.isEmpty()) {
        return "the name is only the root, /, and names no file";
      }
      for (String name : names.split("/", -1)) {
        if (name.equals("..")) {
          return "a .. segment would leave the package, and could leave the project's source and resource roots";
        }
        if (name.equals(".")) {
          return "it has a . segment";
        }
        if (name.isEmpty()) {
          return "it has an empty name between two /";
        }
        if (name.indexOf('\\') >= 0) {
          return "it holds a \\, which is not a separator of resource names";
        }
        if (name.indexOf(':') >= 0) {
          return "it holds a :, as a drive letter or a URL would; the name is not a path of the file system";
        }
        for (int i = 0; i < name.length(); i++) {
          if (Character.isISOControl(name.charAt(i))) {
            return "it holds a control character";
          }
        }
      }
      return null;
    }
  }
}
