package dev.hardwired.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.io.Onnx;
import dev.hardwired.processor.testing.FrozenCompiler;
import dev.hardwired.processor.validation.RecordingProcessor;
import dev.hardwired.reference.ReferenceNetwork;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor reads weights files and ONNX models at compile time; damaged ones must end in one error on
 * the {@code weights} value, never in a crash of javac, an error inside generated code, or a frozen class.
 * Seeded mutations (bytes flipped, deleted and inserted, truncation, huge and odd numbers, lines repeated
 * and dropped) of a weights file and an ONNX model of the same network, every one a declaration of its own
 * in one compilation, each refused on its own line or frozen.
 */
class FrozenFuzzTest {
  private static final long SEED = 20261207L;
  private static final int FILES = 300;

  private static final Topology XOR =
      Topology.of(2, new int[] {2}, 1, new Activation[] {Activation.LOGISTIC}, Activation.LOGISTIC, Loss.SQUARED_ERROR);

  @Test
  void everyDamagedFileIsOneErrorOnItsValueOrAFrozenClass() throws Exception {
    ReferenceNetwork network = ReferenceNetwork.seeded(XOR, 3);
    byte[][] originals = {FrozenCompiler.weights(network), Onnx.model(network)};
    String[] extensions = {".weights", ".onnx"};
    Random random = new Random(SEED);
    Map<String, byte[]> files = new HashMap<>();
    List<String> lines = new ArrayList<>(Arrays.asList("package test;", "", "import dev.hardwired.*;", "", "class Fuzz {"));
    int first = lines.size() + 1;
    for (int k = 0; k < FILES; k++) {
      int kind = k % 2;
      String file = "f" + k + extensions[kind];
      files.put("test/" + file, mutate(originals[kind], kind == 0, random));
      lines.add("  @Network(inputs = 2, hidden = 2, outputs = 1) @Frozen(weights = \"" + file + "\") interface F" + k + " {}");
    }
    lines.add("}");
    JavaFileObject source = JavaFileObjects.forSourceLines("test.Fuzz", lines);
    RecordingProcessor processor = new RecordingProcessor(new NetworkProcessor());
    // javac shows the first 100 errors unless told otherwise.
    Compilation compilation =
        FrozenCompiler.compile(FrozenCompiler.folder(files), List.of(source), processor, "-Xmaxerrs", "1000");

    boolean[] refused = new boolean[FILES];
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE) {
        continue;
      }
      String message = d.getMessage(Locale.ROOT);
      assertWithMessage("a diagnostic outside the declarations: %s", message)
          .that(d.getSource() != null && d.getSource().getName().endsWith("Fuzz.java")).isTrue();
      int k = (int) d.getLineNumber() - first;
      assertWithMessage("line %s: %s", d.getLineNumber(), message).that(k >= 0 && k < FILES).isTrue();
      assertWithMessage("file %s: %s", k, message).that(d.getKind()).isEqualTo(Diagnostic.Kind.ERROR);
      assertWithMessage("file %s has a second error: %s", k, message).that(refused[k]).isFalse();
      assertWithMessage("file %s: %s", k, message)
          .that(message.startsWith("[hardwired.weights-file]") || message.startsWith("[hardwired.weights-mismatch]"))
          .isTrue();
      assertWithMessage("file %s: the error is on its weights value", k)
          .that(lines.get((int) d.getLineNumber() - 1).substring((int) d.getColumnNumber() - 1))
          .startsWith("\"f" + k + ".");
      refused[k] = true;
    }
    int frozen = 0;
    for (int k = 0; k < FILES; k++) {
      boolean written = processor.createdSources().contains("test.Fuzz_F" + k + "Frozen");
      assertWithMessage("file %s: refused %s, frozen %s", k, refused[k], written).that(written).isNotEqualTo(refused[k]);
      frozen += written ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT, "FrozenFuzzTest: %d damaged weights files and ONNX models (seed %d): %d refused on their value, %d frozen%n",
        FILES, SEED, FILES - frozen, frozen);
    assertWithMessage("refused").that(FILES - frozen).isGreaterThan(FILES / 2);
  }

  /** One to three mutations of {@code bytes}; text mutations too for a weights file. */
  private static byte[] mutate(byte[] bytes, boolean text, Random random) {
    byte[] b = bytes.clone();
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      int at = random.nextInt(Math.max(1, b.length));
      switch (random.nextInt(text ? 7 : 4)) {
        case 0: // flip a bit
          b[at] ^= (byte) (1 << random.nextInt(8));
          break;
        case 1: // delete a run
          b = splice(b, at, Math.min(b.length - at, 1 + random.nextInt(16)), new byte[0]);
          break;
        case 2: // insert random bytes
          byte[] inserted = new byte[1 + random.nextInt(8)];
          random.nextBytes(inserted);
          b = splice(b, at, 0, inserted);
          break;
        case 3: // truncate
          b = Arrays.copyOf(b, at);
          break;
        case 4: // a huge, tiny or odd number in place of one
          String[] numbers = {"1e400", "-1e400", "NaN", "Infinity", "4.9e-325", "0x1p3", "1_0", "٣", "12345678901234567890123"};
          b = replaceNumber(b, numbers[random.nextInt(numbers.length)], random);
          break;
        case 5: // a line repeated
        case 6: // a line dropped
          b = lines(b, random, random.nextBoolean());
          break;
        default:
          throw new AssertionError();
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int at, int removed, byte[] inserted) {
    byte[] out = new byte[b.length - removed + inserted.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, inserted.length);
    System.arraycopy(b, at + removed, out, at + inserted.length, b.length - at - removed);
    return out;
  }

  private static byte[] replaceNumber(byte[] b, String number, Random random) {
    String text = new String(b, StandardCharsets.UTF_8);
    java.util.regex.Matcher numbers = java.util.regex.Pattern.compile("-?[0-9][0-9.eE+-]*").matcher(text);
    List<int[]> found = new ArrayList<>();
    while (numbers.find()) {
      found.add(new int[] {numbers.start(), numbers.end()});
    }
    if (found.isEmpty()) {
      return b;
    }
    int[] one = found.get(random.nextInt(found.size()));
    return (text.substring(0, one[0]) + number + text.substring(one[1])).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] lines(byte[] b, Random random, boolean repeat) {
    List<String> lines = new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.UTF_8).split("\n", -1)));
    int at = random.nextInt(lines.size());
    if (repeat) {
      lines.add(at, lines.get(at));
    } else {
      lines.remove(at);
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }
}
