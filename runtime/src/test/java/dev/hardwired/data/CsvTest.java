package dev.hardwired.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
  /** The head of scikit-learn's iris.csv, with the header cut down to the six samples that follow. */
  private static final String IRIS =
      "6,4,setosa,versicolor,virginica\n"
          + "5.1,3.5,1.4,0.2,0\n"
          + "4.9,3.0,1.4,0.2,0\n"
          + "7.0,3.2,4.7,1.4,1\n"
          + "6.4,3.2,4.5,1.5,1\n"
          + "6.3,3.3,6.0,2.5,2\n"
          + "5.8,2.7,5.1,1.9,2\n";

  private static final List<String> DIGITS = Arrays.asList("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  @TempDir Path directory;

  @Test
  @Timeout(10)
  void aLongRunOfDigitsThatIsNotANumberIsRefusedAtOnce() {
    // Found by CsvFuzzTest: the number pattern backtracked over every split of the digits, time quadratic
    // in the length of the field (2.7 s for 20,000 digits).
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      field.append('7');
    }
    String csv = "x,y\n1," + field + "x\n";
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> Csv.read(new StringReader(csv)));
    assertTrue(e.getMessage().startsWith("line 1, column 1: 'x' is not a number"), e.getMessage());
    e = assertThrows(CsvFormatException.class, () -> Csv.read(new StringReader("1," + field + "x\n")));
    assertTrue(e.getMessage().startsWith("line 1, column 2: '7777"), e.getMessage());
    e = assertThrows(CsvFormatException.class, () -> Csv.reader().targets("x").read(new StringReader(csv)));
    assertTrue(e.getMessage().startsWith("line 2, column 2 (y): '7777"), e.getMessage());
    for (String number : new String[] {"1", "1.", "1.5", ".5", "1e5", "-1.5E-3", "+.5e+2", "007"}) {
      assertTrue(Csv.NUMBER.matcher(number).matches(), number);
    }
    for (String notANumber : new String[] {".", "1.e", "1e", "..5", "1.5.", "e5", "+", "1e+", "--1"}) {
      assertTrue(!Csv.NUMBER.matcher(notANumber).matches(), notANumber);
    }
  }

  @Test
  void bytesThatAreNotUtf8AreAnErrorOnTheirLine() throws IOException {
    byte[] latin1 = "1,0\n3,1\n5,\u00b5\n".getBytes(StandardCharsets.ISO_8859_1);
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> Csv.read(new ByteArrayInputStream(latin1)));
    assertEquals("line 3: the bytes are not UTF-8 (0xB5 at byte 10 of the file); save the file as UTF-8", e.getMessage());
    assertEquals(3, e.line());
    Path file = directory.resolve("latin1.csv");
    Files.write(file, latin1);
    e = assertThrows(CsvFormatException.class, () -> Csv.readClassification(file, Arrays.asList("a", "b")));
    assertEquals(file + ", line 3: the bytes are not UTF-8 (0xB5 at byte 10 of the file); save the file as UTF-8",
        e.getMessage());
  }

  @Test
  void readsRowsOfNumbers() throws IOException {
    double[][] rows = Csv.read(new StringReader("1,2,3\n-4.5, +6e2 ,.5\n7.,1E-3,0\n"));
    assertArrayEquals(new double[][] {{1, 2, 3}, {-4.5, 600, 0.5}, {7, 0.001, 0}}, rows);
  }

  @Test
  void skipsBlankLinesAndHandlesWindowsLineEndsAndAByteOrderMark() throws IOException {
    double[][] rows = Csv.read(new StringReader("\uFEFF1,2\r\n\r\n  \n3,4\r\n\n"));
    assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, rows);
    assertEquals(0, Csv.read(new StringReader("")).length);
    assertEquals(0, Csv.read(new StringReader("\n \n")).length);
  }

  @Test
  void readsFromAStreamAndAFile() throws IOException {
    String text = "0.25,1\n0.5,0\n";
    double[][] expected = {{0.25, 1}, {0.5, 0}};
    assertArrayEquals(expected, Csv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    Path file = directory.resolve("rows.csv");
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(expected, Csv.read(file));
  }

  @Test
  void malformedValuesAreReportedByLineAndColumn() {
    assertError(2, 3, "line 2, column 3: 'abc' is not a number", "1,2,3\n4,5,abc\n");
    assertError(3, 1, "line 3, column 1: empty; expected a number", "1,2\n\n,2\n");
    assertError(1, 2, "line 1, column 2: '1.5.2' is not a number", "1,1.5.2");
    assertError(1, 1, "line 1, column 1: 'NaN' is not a number", "NaN,1");
    assertError(1, 2, "line 1, column 2: 'Infinity' is not a number", "1,Infinity");
    assertError(1, 1, "line 1, column 1: '0x10' is not a number", "0x10");
    assertError(1, 1, "line 1, column 1: '1d' is not a number", "1d");
    assertError(1, 1, "line 1, column 1: '\"1\"' is not a number", "\"1\"");
    assertError(1, 2, "line 1, column 2: 1e400 is too large for a double", "1,1e400");
    assertError(2, 3, "line 2, column 3: empty; expected a number", "1,2,3\n1,2,\n");
  }

  @Test
  void rowsOfAnotherWidthAreReported() {
    assertError(4, 0, "line 4: 2 columns; expected 3 as line 2 has", "\n1,2,3\n4,5,6\n7,8\n");
    assertError(2, 0, "line 2: 1 column; expected 2 as line 1 has", "1,2\n3\n");
  }

  @Test
  void errorsFromAFileNameIt() throws IOException {
    Path file = directory.resolve("bad.csv");
    Files.write(file, "1,2\n3,x\n".getBytes(StandardCharsets.UTF_8));
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> Csv.read(file));
    assertEquals(file + ", line 2, column 2: 'x' is not a number", e.getMessage());
  }

  @Test
  void readsScikitLearnClassificationFiles() throws IOException {
    DataSet iris = Csv.readClassification(new StringReader(IRIS));
    assertEquals(6, iris.size());
    assertEquals(4, iris.inputCount());
    assertEquals(3, iris.targetCount());
    assertEquals(Arrays.asList("setosa", "versicolor", "virginica"), iris.classNames());
    assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, iris.input(0));
    assertArrayEquals(new double[] {1, 0, 0}, iris.target(0));
    assertArrayEquals(new double[] {0, 1, 0}, iris.target(2));
    assertArrayEquals(new double[] {0, 0, 1}, iris.target(5));
    assertArrayEquals(new int[] {2, 2, 2}, iris.classCounts());

    Path file = directory.resolve("iris.csv");
    Files.write(file, IRIS.getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(iris.inputs(), Csv.readClassification(file).inputs());
    assertArrayEquals(
        iris.targets(), Csv.readClassification(new ByteArrayInputStream(IRIS.getBytes(StandardCharsets.UTF_8))).targets());
  }

  @Test
  void scikitLearnHeaderErrors() {
    assertClassificationError(1, 0, "line 1: no header; expected the header n_samples,n_features,class names... (e.g. 150,4,setosa,versicolor,virginica)", "");
    assertClassificationError(
        1, 0,
        "line 1: the header has 3 columns; expected the header n_samples,n_features,class names... (e.g. 150,4,setosa,versicolor,virginica), with at least 2 classes",
        "2,1,a\n");
    assertClassificationError(
        1, 1,
        "line 1, column 1: n_samples is 'sepal length'; expected the header n_samples,n_features,class names... (e.g. 150,4,setosa,versicolor,virginica)",
        "sepal length,sepal width,a,b\n1,2,0\n");
    assertClassificationError(
        1, 2,
        "line 1, column 2: n_features is '4.5'; expected the header n_samples,n_features,class names... (e.g. 150,4,setosa,versicolor,virginica)",
        "1,4.5,a,b\n");
    assertClassificationError(1, 2, "line 1, column 2: n_features is 0; expected at least 1", "1,0,a,b\n0\n");
    assertClassificationError(1, 5, "line 1, column 5: class name 'a' appears twice", "1,1,a,b,a\n");
    assertClassificationError(1, 4, "line 1, column 4: empty class name; expected the header n_samples,n_features,class names... (e.g. 150,4,setosa,versicolor,virginica)", "1,1,a,\n");
  }

  @Test
  void scikitLearnRowErrors() {
    assertClassificationError(
        3, 0, "line 3: 4 columns; expected 3 (2 features and a class index, as the header says)", "2,2,a,b\n1,2,0\n1,2,3,0\n");
    assertClassificationError(2, 3, "line 2, column 3: class index 2 is not one of 0..1 [a, b]", "1,2,a,b\n1,2,2\n");
    assertClassificationError(2, 3, "line 2, column 3: class index 0.5 is not one of 0..1 [a, b]", "1,2,a,b\n1,2,0.5\n");
    assertClassificationError(2, 3, "line 2, column 3: class index -1 is not one of 0..1 [a, b]", "1,2,a,b\n1,2,-1\n");
    assertClassificationError(2, 2, "line 2, column 2: 'b' is not a number", "1,2,a,b\n1,b,0\n");
    assertClassificationError(1, 1, "line 1, column 1: the header announces 3 samples but 2 follow", "3,2,a,b\n1,2,0\n3,4,1\n");
    assertClassificationError(1, 1, "line 1, column 1: the header announces 1 sample but 2 follow", "1,2,a,b\n1,2,0\n3,4,1\n");
    assertClassificationError(1, 1, "line 1, column 1: no samples; a data set needs at least one", "0,2,a,b\n");
  }

  @Test
  void readsHeaderlessClassificationFilesWithGivenClassNames() throws IOException {
    // The layout of scikit-learn's digits.csv: 64 pixels, then the digit.
    StringBuilder text = new StringBuilder();
    for (int digit : new int[] {0, 7, 3}) {
      for (int pixel = 0; pixel < 64; pixel++) {
        text.append(pixel % 17).append(',');
      }
      text.append(digit).append('\n');
    }
    DataSet digits = Csv.readClassification(new StringReader(text.toString()), DIGITS);
    assertEquals(3, digits.size());
    assertEquals(64, digits.inputCount());
    assertEquals(10, digits.targetCount());
    assertEquals(DIGITS, digits.classNames());
    assertEquals(7, digits.label(1));
    assertEquals(3, digits.label(2));
    assertEquals(16, digits.input(0)[16]);

    Path file = directory.resolve("digits.csv");
    Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(digits.targets(), Csv.readClassification(file, DIGITS).targets());
    assertArrayEquals(
        digits.inputs(),
        Csv.readClassification(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), DIGITS).inputs());
  }

  @Test
  void headerlessClassificationErrors() {
    List<String> ab = Arrays.asList("a", "b");
    assertLabeledError(1, 0, "line 1: no samples; a data set needs at least one", "", ab);
    assertLabeledError(3, 0, "line 3: no samples; a data set needs at least one", "\n\n\n", ab);
    assertLabeledError(1, 0, "line 1: 1 column; expected the inputs and then a class index", "1\n", ab);
    assertLabeledError(2, 2, "line 2, column 2: class index 2 is not one of 0..1 [a, b]", "1,0\n1,2\n", ab);
    assertLabeledError(2, 0, "line 2: 3 columns; expected 2 as line 1 has", "1,0\n1,2,0\n", ab);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Csv.readClassification(new StringReader("1,0"), Arrays.asList("a")));
    assertEquals("classification needs at least 2 class names; got [a]", e.getMessage());
  }

  @Test
  void leavesTheCallersReaderOpen() throws IOException {
    StringReader reader = new StringReader("1,2\n");
    Csv.read(reader);
    assertTrue(reader.ready(), "a closed StringReader would throw");
  }

  private static void assertError(int line, int column, String message, String csv) {
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> Csv.read(new StringReader(csv)));
    assertFormat(line, column, message, e);
  }

  private static void assertClassificationError(int line, int column, String message, String csv) {
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> Csv.readClassification(new StringReader(csv)));
    assertFormat(line, column, message, e);
  }

  private static void assertLabeledError(int line, int column, String message, String csv, List<String> names) {
    CsvFormatException e =
        assertThrows(CsvFormatException.class, () -> Csv.readClassification(new StringReader(csv), names));
    assertFormat(line, column, message, e);
  }

  private static void assertFormat(int line, int column, String message, CsvFormatException e) {
    assertEquals(message, e.getMessage());
    assertEquals(line, e.line(), "line");
    assertEquals(column, e.column(), "column");
  }
}
