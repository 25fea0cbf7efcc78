package dev.hardwired.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded mutation fuzzing: small valid files, damaged in many ways, must each end in a {@link
 * CsvFormatException} with a line and a reason, or in a table whose shape fits the file; never in another
 * exception, a hang or an exhausted heap. A failure names its case, which {@link #mutate} rebuilds from the
 * case index alone.
 */
class CsvFuzzTest {
  private static final long SEED = 20261207L;
  private static final int CASES = 12_000;

  /** A file and how it is read. */
  private static final class Seed {
    final String name;
    final String text;
    final CsvReader reader;
    // For the readers of Csv: 0 none, 1 Csv.read, 2 Csv.readClassification with the header.
    final int numeric;

    Seed(String name, String text, CsvReader reader, int numeric) {
      this.name = name;
      this.text = text;
      this.reader = reader;
      this.numeric = numeric;
    }
  }

  private static final List<Seed> SEEDS = Arrays.asList(
      new Seed("flowers",
          "length,width,colour,species\n1.4,0.2,white,setosa\n1.3,0.2,white,setosa\n1.5,0.3,\"pale blue\",setosa\n"
              + "4.7,1.4,purple,versicolor\n4.5,1.5,white,versicolor\n6.0,2.5,purple,virginica\n5.1,1.9,NA,virginica\n",
          Csv.reader().label("species").oneHot("colour").dropMissing(), 0),
      new Seed("houses",
          "id,area,rooms,district,price\r\n1,120.5,4,\"north, old\",310000\r\n2,80,3,south,205000.5\r\n"
              + "3,\"95\",3,south,1.5e5\r\n4,200,6,\"north, old\",-4.5E+2\r\n",
          Csv.reader().targets("price").ignore("id").oneHot("district"), 0),
      new Seed("notes",
          "x,note,y\n0.5,\"two\nlines, \"\"quoted\"\"\",a\n-1,,b\n+2.25,plain,a\n.5,?,b\n",
          Csv.reader().label(-1).ignore("note").missing("?").dropMissing(), 0),
      new Seed("numbers", "1,2,3\n-4.5, +6e2 ,.5\n7.,1E-3,0\n\n8,9,10\n", Csv.reader().targets(0, 2), 1),
      new Seed("iris", "4,2,setosa,versicolor,virginica\n5.1,3.5,0\n4.9,3.0,0\n7.0,3.2,1\n6.3,3.3,2\n",
          Csv.reader().label(-1), 2));

  private static final String[] ODD_NUMBERS = {
    "1e400", "-1e400", "1e-400", "1e-99999999999", "1e99999999999", "NaN", "Infinity", "-Infinity", "0x1p3", "1d",
    "1f", "+.", ".", "-", "1e", "1e+", "..5", "1..5", digits(400), "-" + digits(400) + ".5", "0." + digits(400),
    digits(400) + "e-400", "\u0661\u0662", "\uFF11", "1_000", "1,5", "\"1\"\"2\"", "\"", "\"\"", "\u00a01", "\u2007"
  };

  private static final byte[] ODD_BYTES = {0, '"', '"', '\r', '\n', ',', ' ', '\t', (byte) 0xFF, (byte) 0xFE,
    (byte) 0xC3, (byte) 0xE9, (byte) 0x80, (byte) 0xED, (byte) 0xA0, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void everyMutatedFileIsReadOrRefusedWithALineAndAReason() {
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
            + "), bytes " + Arrays.toString(bytes) + ": " + t, t);
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("CsvFuzzTest: " + CASES + " files (seed " + SEED + "), " + outcomes[0] + " refused with a"
        + " CsvFormatException, " + outcomes[1] + " read, in " + millis + " ms");
    // Both outcomes must occur, or the mutations are too weak or too strong to test anything.
    assertTrue(outcomes[0] > CASES / 10 && outcomes[1] > CASES / 100, Arrays.toString(outcomes));
  }

  /** Reads the file every way its seed says; 0 when refused, 1 when read and the table checked. */
  private static int check(Seed seed, byte[] bytes) throws IOException {
    int read = 0;
    try {
      CsvTable table = seed.reader.read(new ByteArrayInputStream(bytes));
      checkTable(table, bytes);
      read = 1;
    } catch (CsvFormatException e) {
      checkRefusal(e, bytes);
    }
    try {
      if (seed.numeric == 1) {
        double[][] rows = Csv.read(new ByteArrayInputStream(bytes));
        checkRows(rows, new String(bytes, StandardCharsets.UTF_8));
      } else if (seed.numeric == 2) {
        DataSet data = Csv.readClassification(new ByteArrayInputStream(bytes));
        String header = "";
        for (String line : new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n|\r|\n")) {
          if (!line.trim().isEmpty()) {
            header = line;
            break;
          }
        }
        assertEquals(Integer.parseInt(header.split(",")[0].trim()), data.size(), "samples announced by the header");
        assertEquals(Integer.parseInt(header.split(",")[1].trim()), data.inputs()[0].length, "features");
      }
    } catch (CsvFormatException e) {
      checkRefusal(e, bytes);
    }
    return read;
  }

  private static final Pattern MESSAGE = Pattern.compile("line [1-9]\\d*(, column [1-9]\\d*( \\(.*\\))?)?: \\S.*",
      Pattern.DOTALL);

  private static void checkRefusal(CsvFormatException e, byte[] bytes) {
    assertTrue(MESSAGE.matcher(e.getMessage()).matches(), "message without a line and a reason: " + e.getMessage());
    int lines = 1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
        lines++;
      }
    }
    assertTrue(e.line() >= 1 && e.line() <= lines, "line " + e.line() + " of a file of " + lines + " lines");
    assertTrue(e.getMessage().startsWith("line " + e.line() + (e.column() > 0 ? ", column " + e.column() : ":")),
        e.getMessage());
  }

  /** The shape of a table that was read: as many samples as complete rows, names for every input and target. */
  private static void checkTable(CsvTable table, byte[] bytes) {
    DataSet data = table.dataSet();
    List<List<String>> records = records(new String(bytes, StandardCharsets.UTF_8));
    assertEquals(records.get(0).size(), table.columnNames().size(), "columns of the header");
    assertEquals(records.size() - 1, data.size() + table.droppedRows(), "rows after the header");
    assertTrue(data.size() > 0, "an empty table");
    for (int i = 0; i < data.size(); i++) {
      assertEquals(table.inputNames().size(), data.inputs()[i].length, "inputs of sample " + i);
      assertEquals(table.targetNames().size(), data.targets()[i].length, "targets of sample " + i);
      for (double v : data.inputs()[i]) {
        assertTrue(Double.isFinite(v), "input " + v);
      }
      double sum = 0;
      for (double v : data.targets()[i]) {
        assertTrue(Double.isFinite(v), "target " + v);
        sum += v;
      }
      if (!table.classNames().isEmpty()) {
        assertEquals(1.0, sum, "one-hot target of sample " + i);
      }
    }
  }

  private static void checkRows(double[][] rows, String text) {
    int lines = 0;
    for (String line : text.replace("\uFEFF", "").split("\r\n|\r|\n")) {
      lines += line.trim().isEmpty() ? 0 : 1;
    }
    assertEquals(lines, rows.length, "rows");
    for (double[] row : rows) {
      assertEquals(rows[0].length, row.length, "width");
      for (double v : row) {
        assertTrue(Double.isFinite(v), "value " + v);
      }
    }
  }

  /**
   * The non-blank records of a CSV text, split independently of CsvParser: RFC 4180 with LF, CRLF or CR, a
   * byte order mark at the start skipped; a record of one empty unquoted field (spaces only) is blank.
   */
  private static List<List<String>> records(String text) {
    List<List<String>> records = new ArrayList<List<String>>();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    List<String> fields = new ArrayList<String>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean inQuotes = false;
    for (; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      if (inQuotes) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          inQuotes = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        inQuotes = true;
        quoted = true;
      } else if (c == ',' || c == '\n' || c == '\r') {
        fields.add(quoted ? field.toString() : field.toString().trim());
        if (c != ',') {
          if (!(fields.size() == 1 && !quoted && fields.get(0).isEmpty())) {
            records.add(fields);
          }
          fields = new ArrayList<String>();
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        field.setLength(0);
        quoted = false;
      } else {
        field.append(c);
      }
    }
    return records;
  }

  /** The bytes of case {@code index}: its seed's file with one to three mutations, each named in {@code steps}. */
  static byte[] mutate(Seed seed, int index, List<String> steps) {
    Random random = new Random(SEED * 1_000_003L + index);
    byte[] bytes = seed.text.getBytes(StandardCharsets.UTF_8);
    int count = 1 + random.nextInt(3);
    for (int m = 0; m < count; m++) {
      int kind = random.nextInt(12);
      int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      switch (kind) {
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
          // A value replaced: the start of a run of digits up to the next separator.
          String text = new String(bytes, StandardCharsets.ISO_8859_1);
          int start = at;
          while (start < text.length() && !Character.isDigit(text.charAt(start))) {
            start++;
          }
          int end = start;
          while (end < text.length() && ",\r\n".indexOf(text.charAt(end)) < 0) {
            end++;
          }
          String odd = ODD_NUMBERS[random.nextInt(ODD_NUMBERS.length)];
          bytes = splice(bytes, Math.min(start, bytes.length), end - Math.min(start, bytes.length),
              odd.getBytes(StandardCharsets.UTF_8));
          steps.add("value at " + start + " replaced by " + odd);
          break;
        }
        case 6:
          bytes = reencode(bytes, random.nextBoolean() ? "UTF-16" : "UTF-16LE");
          steps.add("re-encoded as UTF-16");
          break;
        case 7:
          bytes = splice(bytes, at, 0, "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
          steps.add("Latin-1 text inserted at " + at);
          break;
        case 8:
          bytes = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace('\n', '\r')
              .getBytes(StandardCharsets.ISO_8859_1);
          steps.add("CR-only line ends");
          break;
        case 9:
          bytes = splice(bytes, at, 0, new byte[] {'"'});
          steps.add("lone quote at " + at);
          break;
        case 10: {
          // A line repeated or a long run of one byte: widths, blank lines, long fields.
          byte b = ODD_BYTES[random.nextInt(ODD_BYTES.length)];
          byte[] run = new byte[1 + random.nextInt(2000)];
          Arrays.fill(run, random.nextBoolean() ? b : (byte) '9');
          bytes = splice(bytes, at, 0, run);
          steps.add("run of " + run.length + " x " + run[0] + " at " + at);
          break;
        }
        default:
          bytes = splice(bytes, 0, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
          steps.add("byte order mark");
          break;
      }
    }
    return bytes;
  }

  private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.write(insert, 0, insert.length);
    out.write(bytes, at + remove, bytes.length - at - remove);
    return out.toByteArray();
  }

  private static byte[] reencode(byte[] bytes, String charset) {
    return new String(bytes, StandardCharsets.UTF_8).getBytes(java.nio.charset.Charset.forName(charset));
  }

  private static String digits(int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('1' + i % 9));
    }
    return s.toString();
  }
}
