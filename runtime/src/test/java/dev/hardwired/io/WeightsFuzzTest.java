package dev.hardwired.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded mutation fuzzing of weights files written by the runtime: each damaged file must end in a {@link
 * WeightsFileException} with a line and a reason, leaving the network it was loaded into as it was, or in a
 * load of exactly the values the file holds; never in another exception, a hang or an exhausted heap. Half
 * of the files get a checksum recomputed after the damage, so that the checks before the checksum are
 * reached too. A failure names its case, which {@link #mutate} rebuilds from the case index alone.
 */
class WeightsFuzzTest {
  private static final long SEED = 1207L;
  private static final int CASES = 10_400;
  private static final String NAME = "fuzz.weights";

  /** A network written by the runtime, and its file. */
  private static final class Seed {
    final String name;
    final Topology topology;
    final Precision precision;
    final byte[] file;

    Seed(String name, Topology topology, Precision precision) {
      this.name = name;
      this.topology = topology;
      this.precision = precision;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        if (precision == Precision.DOUBLE) {
          ReferenceNetwork net = ReferenceNetwork.seeded(topology, 7);
          double[] p = net.parameters();
          // Values whose text is long or unusual: negative zero, a subnormal, the largest double.
          p[0] = -0.0;
          p[p.length - 1] = Double.MIN_VALUE;
          p[p.length / 2] = -Double.MAX_VALUE;
          net.setParameters(p);
          WeightsFile.write(net, out);
        } else {
          FloatNet net = FloatNet.seeded(topology, 7);
          float[] p = new float[topology.parameterCount()];
          net.getParameters(p);
          p[0] = -0.0f;
          p[p.length - 1] = Float.MIN_VALUE;
          p[p.length / 2] = Float.MAX_VALUE;
          net.setParameters(p);
          WeightsFile.write(net, out);
        }
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      this.file = out.toByteArray();
    }

    /** A network of this seed's shape with parameters that no file here holds. */
    Object network() {
      return precision == Precision.DOUBLE
          ? ReferenceNetwork.seeded(topology, 99)
          : FloatNet.seeded(topology, 99);
    }
  }

  private static final List<Seed> SEEDS = Arrays.asList(
      new Seed("xor", Fixtures.XOR, Precision.DOUBLE),
      new Seed("deep", Topology.of(4, new int[] {6, 3}, 3, new Activation[] {Activation.RELU, Activation.TANH},
          Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY), Precision.DOUBLE),
      new Seed("linear", Topology.of(2, new int[0], 1, new Activation[0], Activation.IDENTITY, Loss.SQUARED_ERROR),
          Precision.FLOAT),
      new Seed("tanh", Fixtures.topology(3, new int[] {5}, 2, Activation.TANH, Activation.LOGISTIC,
          Loss.SQUARED_ERROR), Precision.FLOAT));

  private static final String[] ODD_NUMBERS = {
    "1e400", "-1e400", "1e39", "3.5e38", "1e-400", "1e-46", "NaN", "Infinity", "-Infinity", "0x1p3", "1d", "1f",
    "+1", ".5", "1.", "-", "1e", "1e+", "--1", "1_0", "\u0661", "-0", "0", digits(400), digits(401),
    "0." + digits(398), digits(200) + "e-200", "1E+5", "", " ", "1 2", "checksum"
  };

  private static final byte[] ODD_BYTES = {0, ' ', '\n', '\r', '#', '-', '.', 'e', '9', (byte) 0xFF, (byte) 0xC3,
    (byte) 0xE9, (byte) 0x80, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static final int[] SIZES = {1, 2, 3, 7, 1000, 46_340, 65_536, 999_999, 999_999_999};

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void everyMutatedFileIsLoadedExactlyOrRefusedWithALineAndAReason() {
    int[] outcomes = new int[2];
    long start = System.nanoTime();
    for (int index = 0; index < CASES; index++) {
      Seed seed = SEEDS.get(index % SEEDS.size());
      List<String> steps = new ArrayList<String>();
      byte[] bytes = mutate(seed, index, steps);
      try {
        outcomes[check(seed, bytes)]++;
      } catch (Throwable t) {
        throw new AssertionError("case " + index + " of seed " + SEED + " (file " + seed.name + ", mutations " + steps
            + "):\n" + new String(bytes, StandardCharsets.ISO_8859_1) + "\n" + t, t);
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("WeightsFuzzTest: " + CASES + " files (seed " + SEED + "), " + outcomes[0] + " refused with a"
        + " WeightsFileException, " + outcomes[1] + " loaded, in " + millis + " ms");
    assertTrue(outcomes[0] > CASES / 10 && outcomes[1] > CASES / 100, Arrays.toString(outcomes));
  }

  /** Reads the file, and loads it into a network of the seed's shape; 0 when refused, 1 when loaded. */
  private static int check(Seed seed, byte[] bytes) {
    double[] expected = values(bytes);
    Weights weights = null;
    try {
      weights = WeightsFile.read(new ByteArrayInputStream(bytes), NAME);
    } catch (WeightsFileException e) {
      checkRefusal(e, bytes);
    }
    if (weights != null) {
      assertTrue(expected != null, "read a file that holds no values for its header");
      assertValues(expected, weights.values());
    }
    Object network = seed.network();
    double[] before = parameters(network);
    try {
      if (network instanceof ReferenceNetwork) {
        WeightsFile.load(new ByteArrayInputStream(bytes), NAME, (ReferenceNetwork) network);
      } else {
        WeightsFile.load(new ByteArrayInputStream(bytes), NAME, (FloatNet) network);
      }
    } catch (WeightsFileException e) {
      checkRefusal(e, bytes);
      assertValues(before, parameters(network));
      return 0;
    }
    assertTrue(weights != null, "loaded a file that read refuses");
    assertValues(weights.values(), parameters(network));
    return 1;
  }

  private static final Pattern MESSAGE =
      Pattern.compile(Pattern.quote(NAME) + ", line [1-9]\\d*: \\S.*", Pattern.DOTALL);

  private static void checkRefusal(WeightsFileException e, byte[] bytes) {
    assertTrue(MESSAGE.matcher(e.getMessage()).matches(), "message without a line and a reason: " + e.getMessage());
    assertEquals(NAME, e.file());
    int lines = 1;
    for (byte b : bytes) {
      lines += b == '\n' ? 1 : 0;
    }
    assertTrue(e.line() >= 1 && e.line() <= lines, "line " + e.line() + " of a file of " + lines + " lines");
    assertTrue(e.getCause() == null, "an unexpected cause: " + e.getCause());
  }

  private static void assertValues(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length, "number of values");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
          "value " + i + ": expected " + expected[i] + ", found " + actual[i]);
    }
  }

  private static double[] parameters(Object network) {
    if (network instanceof ReferenceNetwork) {
      return ((ReferenceNetwork) network).parameters();
    }
    FloatNet net = (FloatNet) network;
    float[] p = new float[net.parameterCount()];
    net.getParameters(p);
    double[] wide = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      wide[i] = p[i];
    }
    return wide;
  }

  /**
   * The values a file holds, parsed independently of the reader: every token of the lines between the header
   * and the checksum that are neither empty nor comments, by the precision the header names; null when the
   * file has no precision line or no checksum line.
   */
  private static double[] values(byte[] bytes) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    boolean floats = false;
    boolean seenPrecision = false;
    int header = 0;
    List<Double> values = new ArrayList<Double>();
    for (String line : lines) {
      if (header < 7) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          header++;
          if (line.startsWith("precision ")) {
            floats = line.equals("precision FLOAT");
            seenPrecision = true;
          }
        }
        continue;
      }
      if (line.startsWith("checksum ")) {
        if (!seenPrecision) {
          return null;
        }
        double[] result = new double[values.size()];
        for (int i = 0; i < result.length; i++) {
          result[i] = values.get(i);
        }
        return result;
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      for (String token : line.split(" ", -1)) {
        try {
          values.add(floats ? (double) Float.parseFloat(token) : Double.parseDouble(token));
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The bytes of case {@code index}: its seed's file with one to three mutations, each named in {@code steps}. */
  static byte[] mutate(Seed seed, int index, List<String> steps) {
    Random random = new Random(SEED * 1_000_003L + index);
    byte[] bytes = seed.file.clone();
    int count = 1 + random.nextInt(3);
    for (int m = 0; m < count; m++) {
      int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      switch (random.nextInt(12)) {
        case 0:
          if (bytes.length > 0) {
            int bit = random.nextInt(8);
            bytes[at] ^= (byte) (1 << bit);
            steps.add("flip bit " + bit + " of byte " + at);
          }
          break;
        case 1: {
          int length = Math.min(bytes.length - at, 1 + random.nextInt(4));
          bytes = splice(bytes, at, length, new byte[0]);
          steps.add("delete " + length + " bytes at " + at);
          break;
        }
        case 2: {
          byte[] inserted = new byte[1 + random.nextInt(3)];
          for (int k = 0; k < inserted.length; k++) {
            inserted[k] = random.nextBoolean() ? ODD_BYTES[random.nextInt(ODD_BYTES.length)] : (byte) random.nextInt(256);
          }
          bytes = splice(bytes, at, 0, inserted);
          steps.add("insert " + Arrays.toString(inserted) + " at " + at);
          break;
        }
        case 3:
          bytes = Arrays.copyOf(bytes, at);
          steps.add("truncate to " + at);
          break;
        case 4:
        case 5: {
          // A value replaced: from the start of a token to the next space or line end.
          String text = new String(bytes, StandardCharsets.ISO_8859_1);
          int startOfToken = at;
          while (startOfToken > 0 && text.charAt(startOfToken - 1) != ' ' && text.charAt(startOfToken - 1) != '\n') {
            startOfToken--;
          }
          int end = at;
          while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '\n') {
            end++;
          }
          String odd = ODD_NUMBERS[random.nextInt(ODD_NUMBERS.length)];
          bytes = splice(bytes, startOfToken, end - startOfToken, odd.getBytes(StandardCharsets.UTF_8));
          steps.add("token at " + startOfToken + " replaced by " + odd);
          break;
        }
        case 6:
          bytes = random.nextBoolean()
              ? new String(bytes, StandardCharsets.ISO_8859_1).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1)
              : new String(bytes, StandardCharsets.UTF_8).getBytes(Charset.forName("UTF-16"));
          steps.add("CRLF or UTF-16");
          break;
        case 7:
          bytes = splice(bytes, at, 0, "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
          steps.add("Latin-1 text inserted at " + at);
          break;
        case 8: {
          // New layer sizes with the parameter count that fits them, so that the header stays consistent.
          String text = new String(bytes, StandardCharsets.ISO_8859_1);
          int layersAt = text.indexOf("\nlayers ");
          int parametersAt = text.indexOf("\nparameters ");
          int layersEnd = layersAt < 0 ? -1 : text.indexOf('\n', layersAt + 1);
          int parametersEnd = parametersAt < 0 ? -1 : text.indexOf('\n', parametersAt + 1);
          if (layersAt >= 0 && parametersAt > layersEnd && layersEnd > 0 && parametersEnd > 0) {
            String[] sizes = text.substring(layersAt + 8, layersEnd).split("-", -1);
            long parameters = 0;
            StringBuilder layers = new StringBuilder();
            for (int l = 0; l < sizes.length; l++) {
              long size = random.nextInt(3) == 0 ? SIZES[random.nextInt(SIZES.length)] : 1 + random.nextInt(4);
              layers.append(l == 0 ? "" : "-").append(size);
              parameters += l == 0 ? 0 : (Long.parseLong(sizes[l - 1].isEmpty() ? "0" : digitsOf(sizes[l - 1])) + 1) * size;
              sizes[l] = Long.toString(size);
            }
            text = text.substring(0, layersAt + 8) + layers + text.substring(layersEnd, parametersAt + 12) + parameters
                + text.substring(parametersEnd);
            bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            steps.add("layers " + layers + ", parameters " + parameters);
          }
          break;
        }
        case 9: {
          // A whole line repeated or removed.
          List<byte[]> lines = lines(bytes);
          int line = random.nextInt(lines.size());
          if (random.nextBoolean()) {
            lines.add(line, lines.get(line));
          } else {
            lines.remove(line);
          }
          bytes = join(lines);
          steps.add("line " + (line + 1) + " repeated or removed");
          break;
        }
        case 10: {
          List<byte[]> lines = lines(bytes);
          int line = random.nextInt(lines.size() + 1);
          lines.add(line, random.nextBoolean() ? new byte[0] : "# a comment".getBytes(StandardCharsets.UTF_8));
          bytes = join(lines);
          steps.add("empty or comment line before line " + (line + 1));
          break;
        }
        default: {
          List<byte[]> lines = lines(bytes);
          int a = random.nextInt(lines.size());
          int b = random.nextInt(lines.size());
          byte[] swap = lines.get(a);
          lines.set(a, lines.get(b));
          lines.set(b, swap);
          bytes = join(lines);
          steps.add("lines " + (a + 1) + " and " + (b + 1) + " swapped");
          break;
        }
      }
    }
    if (random.nextBoolean()) {
      bytes = withChecksum(bytes);
      steps.add("checksum recomputed");
    }
    return bytes;
  }

  /** The bytes with the CRC-32 of the last checksum line set to that of everything before it. */
  private static byte[] withChecksum(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.lastIndexOf("checksum crc32 ");
    if (at < 0 || (at > 0 && text.charAt(at - 1) != '\n') || at + 23 > text.length()) {
      return bytes;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, at);
    return (text.substring(0, at + 15) + String.format(Locale.ROOT, "%08x", crc.getValue()) + text.substring(at + 23))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static List<byte[]> lines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<byte[]>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, start, i));
        start = i + 1;
      }
    }
    return lines;
  }

  private static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        out.write('\n');
      }
      out.write(lines.get(i), 0, lines.get(i).length);
    }
    return out.toByteArray();
  }

  private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.write(insert, 0, insert.length);
    out.write(bytes, at + remove, bytes.length - at - remove);
    return out.toByteArray();
  }

  private static String digitsOf(String s) {
    String d = s.replaceAll("[^0-9]", "");
    return d.isEmpty() || d.length() > 12 ? "0" : d;
  }

  private static String digits(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('1' + i % 9));
    }
    return s.toString();
  }
}
