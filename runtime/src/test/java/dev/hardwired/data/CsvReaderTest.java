package dev.hardwired.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  private static final String FLOWERS =
      "sepal length,sepal width,species\n"
          + "5.1,3.5,setosa\n"
          + "7.0,3.2,versicolor\n"
          + "6.3,3.3,virginica\n"
          + "4.9,3.0,setosa\n";

  // Classes in order of first appearance: setosa, versicolor, virginica.
  private static final double[][] FLOWER_TARGETS = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}};

  @TempDir Path directory;

  @Test
  void readsClassificationWithTheLabelColumnNamed() throws IOException {
    CsvTable table = Csv.reader().label("species").read(new StringReader(FLOWERS));
    DataSet data = table.dataSet();
    assertEquals(4, data.size());
    assertArrayEquals(new double[][] {{5.1, 3.5}, {7.0, 3.2}, {6.3, 3.3}, {4.9, 3.0}}, data.inputs());
    assertArrayEquals(FLOWER_TARGETS, data.targets());
    assertEquals(Arrays.asList("setosa", "versicolor", "virginica"), table.classNames());
    assertEquals(table.classNames(), data.classNames());
    assertEquals(table.classNames(), table.targetNames());
    assertEquals(Arrays.asList("sepal length", "sepal width"), table.inputNames());
    assertEquals(Arrays.asList("sepal length", "sepal width", "species"), table.columnNames());
    assertEquals(0, table.droppedRows());
    assertEquals(Collections.emptyMap(), table.categories());
    assertEquals(
        "CsvTable[4 samples, inputs [sepal length, sepal width], classes [setosa, versicolor, virginica]]",
        table.toString());
  }

  @Test
  void theLabelColumnCanBeChosenByIndexFromEitherEnd() throws IOException {
    // The label first, so that index 0 and index -1 would pick different columns.
    String csv = "species,length\nb,1\na,2\nb,3\n";
    CsvTable first = Csv.reader().label(0).read(new StringReader(csv));
    assertEquals(Arrays.asList("b", "a"), first.classNames());
    assertEquals(Arrays.asList("length"), first.inputNames());
    assertArrayEquals(new double[][] {{1}, {2}, {3}}, first.dataSet().inputs());

    CsvTable last = Csv.reader().label(-1).read(new StringReader("length,species\n1,b\n2,a\n3,b\n"));
    assertEquals(first.classNames(), last.classNames());
    assertArrayEquals(first.dataSet().targets(), last.dataSet().targets());
  }

  @Test
  void predictionsMapBackToTheirLabels() throws IOException {
    CsvTable table = Csv.reader().label("species").read(new StringReader(FLOWERS));
    for (int i = 0; i < table.dataSet().size(); i++) {
      // A target is a perfect prediction of its own class.
      assertEquals(FLOWERS.split("\n")[i + 1].split(",")[2], table.className(table.dataSet().target(i)));
    }
    assertEquals("virginica", table.className(new double[] {0.1, 0.2, 0.7}));
    assertEquals("versicolor", table.classNames().get(OneHot.argmax(new double[] {-1, 3, 2})));
    assertEquals(
        "prediction has 2 values; expected one per class [setosa, versicolor, virginica]",
        assertThrows(IllegalArgumentException.class, () -> table.className(new double[2])).getMessage());
    CsvTable regression = Csv.reader().targets("sepal width").ignore("species").read(new StringReader(FLOWERS));
    assertEquals(
        "a regression table has no classes; its targets are [sepal width]",
        assertThrows(IllegalStateException.class, () -> regression.className(new double[1])).getMessage());
  }

  @Test
  void givenClassesFixTheOrderAndMayBeAbsentFromTheFile() throws IOException {
    CsvTable table =
        Csv.reader().label("species").classes("virginica", "versicolor", "setosa", "unseen").read(new StringReader(FLOWERS));
    assertEquals(Arrays.asList("virginica", "versicolor", "setosa", "unseen"), table.classNames());
    assertArrayEquals(new double[] {0, 0, 1, 0}, table.dataSet().target(0));
    assertArrayEquals(new double[] {1, 0, 0, 0}, table.dataSet().target(2));
    assertError(
        3, 3, "line 3, column 3 (species): unknown class 'versicolor'; expected one of [setosa, virginica]",
        Csv.reader().label("species").classes("setosa", "virginica"), FLOWERS);
  }

  @Test
  void integerLabelsAreClassNames() throws IOException {
    CsvTable table = Csv.reader().label("digit").classes("0", "1", "2").read(new StringReader("x,digit\n0.5,2\n0.25,0\n"));
    assertArrayEquals(new double[][] {{0, 0, 1}, {1, 0, 0}}, table.dataSet().targets());
    assertEquals("2", table.className(new double[] {0, 0.1, 0.9}));
  }

  @Test
  void readsRegressionWithOneOrMoreNumericTargets() throws IOException {
    String csv = "id,rooms,area,price,tax\nh1,3,70.5,250000,1200\nh2,4,98,310000,1500\n";
    CsvTable table = Csv.reader().targets("price").ignore("id", "tax").read(new StringReader(csv));
    assertEquals(Arrays.asList("rooms", "area"), table.inputNames());
    assertEquals(Arrays.asList("price"), table.targetNames());
    assertEquals(Collections.emptyList(), table.classNames());
    assertEquals(Collections.emptyList(), table.dataSet().classNames());
    assertArrayEquals(new double[][] {{3, 70.5}, {4, 98}}, table.dataSet().inputs());
    assertArrayEquals(new double[][] {{250000}, {310000}}, table.dataSet().targets());

    CsvTable two = Csv.reader().targets(-1, 3).inputs("area", "rooms").read(new StringReader(csv));
    assertEquals(Arrays.asList("tax", "price"), two.targetNames());
    assertEquals(Arrays.asList("area", "rooms"), two.inputNames());
    assertArrayEquals(new double[][] {{1200, 250000}, {1500, 310000}}, two.dataSet().targets());
    assertArrayEquals(new double[][] {{70.5, 3}, {98, 4}}, two.dataSet().inputs());
    assertEquals("CsvTable[2 samples, inputs [area, rooms], targets [tax, price]]", two.toString());
  }

  @Test
  void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
    String csv =
        "name,\"x, in cm\",y\n"
            + "\"Smith, J.\",1,2\n"
            + "\"say \"\"hi\"\"\",3,4\n"
            + "  \"two\nlines\"  ,\"5\",6\n"
            + "\"\"\"\",7,8\n"
            + "plain,9,10\n";
    CsvTable table = Csv.reader().label("name").read(new StringReader(csv));
    assertEquals(Arrays.asList("name", "x, in cm", "y"), table.columnNames());
    assertEquals(Arrays.asList("Smith, J.", "say \"hi\"", "two\nlines", "\"", "plain"), table.classNames());
    assertArrayEquals(new double[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}}, table.dataSet().inputs());
  }

  @Test
  void lineNumbersStayRightAfterAQuotedLineBreak() {
    String csv = "name,x\n\"one\ntwo\nthree\",1\nplain,oops\n";
    assertError(5, 2, "line 5, column 2 (x): 'oops' is not a number; expected a number, or oneHot(\"x\") for a column of categories",
        Csv.reader().label("name"), csv);
    // A field that starts on a later physical line of its record is reported on that line.
    assertError(3, 2, "line 3, column 2 (x): 'oops' is not a number; expected a number, or oneHot(\"x\") for a column of categories",
        Csv.reader().label("name"), "name,x\n\"a\nb\",oops\n");
    assertError(4, 0, "line 4: 1 field; expected 2, one for each column of the header",
        Csv.reader().label("name"), "name,x\n\"a\r\nb\",1\r\nc\r\n");
  }

  @Test
  void readsWindowsLineEndsAndSkipsBlankLines() throws IOException {
    String csv = "\r\nsepal length,sepal width,species\r\n5.1,3.5,setosa\r\n\r\n7.0,3.2,\"versi\r\ncolor\"\r\n";
    CsvTable table = Csv.reader().label("species").read(new StringReader(csv));
    assertEquals(Arrays.asList("setosa", "versi\ncolor"), table.classNames());
    assertArrayEquals(new double[][] {{5.1, 3.5}, {7.0, 3.2}}, table.dataSet().inputs());
    assertError(7, 2, "line 7, column 2 (b): 'x' is not a number; expected a number, or oneHot(\"b\") for a column of categories",
        Csv.reader().label("c"), "\r\na,b,c\r\n1,2,p\r\n\r\n\"3\",\"4\",\"q\r\n\"\r\n5,x,p\r\n");
  }

  @Test
  void skipsAByteOrderMarkFromEverySource() throws IOException {
    String csv = "\uFEFF" + FLOWERS;
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    assertEquals((byte) 0xEF, bytes[0]);
    Path file = directory.resolve("flowers.csv");
    Files.write(file, bytes);
    CsvReader reader = Csv.reader().label("species");
    for (CsvTable table :
        new CsvTable[] {
          reader.read(new StringReader(csv)), reader.read(new ByteArrayInputStream(bytes)), reader.read(file)
        }) {
      assertEquals("sepal length", table.columnNames().get(0));
      assertArrayEquals(FLOWER_TARGETS, table.dataSet().targets());
    }
  }

  @Test
  void errorsFromAFileNameItAndStreamsMustBeUtf8() throws IOException {
    Path file = directory.resolve("bad.csv");
    Files.write(file, "a,b\n1,x\n".getBytes(StandardCharsets.UTF_8));
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> Csv.reader().targets("a").read(file));
    assertEquals(file + ", line 2, column 2 (b): 'x' is not a number; expected a number, or oneHot(\"b\") for a column of categories",
        e.getMessage());
    byte[] latin1 = "a,b\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    e = assertThrows(CsvFormatException.class, () -> Csv.reader().label("b").read(new ByteArrayInputStream(latin1)));
    assertEquals("line 2, column 2 (b): the bytes are not UTF-8 (0xE9 at byte 9 of the file); save the file as UTF-8",
        e.getMessage());
    Files.write(file, latin1);
    e = assertThrows(CsvFormatException.class, () -> Csv.reader().label("b").read(file));
    assertEquals(file + ", line 2, column 2 (b): the bytes are not UTF-8 (0xE9 at byte 9 of the file); save the file"
        + " as UTF-8", e.getMessage());
    assertEquals(2, e.line());
    assertEquals(2, e.column());
  }

  @Test
  void bytesThatAreNotUtf8AreReportedOnTheirLineHoweverFarIntoTheFile() throws IOException {
    // Far beyond the first buffers of the decoder and the parser, after quoted line breaks.
    StringBuilder csv = new StringBuilder("x,note,y\n");
    for (int i = 0; i < 3000; i++) {
      csv.append(i).append(",\"two\nlines\",").append(i % 2 == 0 ? "a" : "b").append('\n');
    }
    byte[] head = csv.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(head, head.length + 7);
    System.arraycopy(new byte[] {'1', ',', 'o', (byte) 0xC3, ',', 'a', '\n'}, 0, bytes, head.length, 7);
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> Csv.reader().label("y").ignore("note").read(new ByteArrayInputStream(bytes)));
    // 1 header line, then 2 physical lines per row: the bad row starts on line 6002.
    assertEquals("line 6002, column 2 (note): the bytes are not UTF-8 (0xC3 at byte " + (head.length + 3)
        + " of the file); save the file as UTF-8", e.getMessage());
  }

  @Test
  void bytesThatAreNotUtf8RightAfterACarriageReturnAreOnTheNextLine() {
    byte[] bytes = {'a', ',', 'b', '\r', '1', ',', '2', '\r', (byte) 0xFF, ',', '3', '\r'};
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> Csv.reader().targets("b").read(new ByteArrayInputStream(bytes)));
    assertEquals("line 3: the bytes are not UTF-8 (0xFF at byte 8 of the file); save the file as UTF-8", e.getMessage());
    assertEquals(3, e.line());
  }

  @Test
  void aUtf16FileAndATruncatedCharacterAreNotUtf8() {
    byte[] utf16 = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_16);   // big-endian, with its byte order mark
    CsvFormatException e = assertThrows(CsvFormatException.class,
        () -> Csv.reader().targets("b").read(new ByteArrayInputStream(utf16)));
    assertEquals("line 1: the bytes are UTF-16, not UTF-8 (the file starts with the UTF-16 byte order mark 0xFE 0xFF);"
        + " save the file as UTF-8", e.getMessage());
    byte[] cut = {'a', ',', 'b', '\n', '1', ',', 'x', (byte) 0xE2, (byte) 0x82};   // the first two bytes of the euro sign
    e = assertThrows(CsvFormatException.class, () -> Csv.reader().targets("a").read(new ByteArrayInputStream(cut)));
    assertEquals("line 2, column 2 (b): the bytes are not UTF-8 (0xE2 0x82 at byte 7 of the file); save the file as"
        + " UTF-8", e.getMessage());
  }

  @Test
  void aStreamWithoutALineBreakAtTheEndIsReadToItsEnd() throws IOException {
    // The parser reads again after the end; the decoder must not decode after its flush (found by CsvFuzzTest).
    byte[] bytes = "x,y\n1,a\n2,b".getBytes(StandardCharsets.UTF_8);
    assertEquals(2, Csv.reader().label("y").read(new ByteArrayInputStream(bytes)).dataSet().size());
    assertArrayEquals(new double[][] {{1, 2}}, Csv.read(new ByteArrayInputStream("1,2".getBytes(StandardCharsets.UTF_8))));
    Utf8Reader reader = new Utf8Reader(new ByteArrayInputStream(new byte[] {'a'}));
    assertEquals('a', reader.read());
    assertEquals(-1, reader.read());
    assertEquals(-1, reader.read());
  }

  @Test
  void charactersOutsideTheBasicPlaneAreReadWhole() throws IOException {
    // Two chars each, so that a one-character read must keep the second half for the next read.
    String csv = "x,y\n1,\uD83C\uDF3B\n2,\uD83C\uDF39\n";
    CsvTable table = Csv.reader().label("y").read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    assertEquals(Arrays.asList("\uD83C\uDF3B", "\uD83C\uDF39"), table.classNames());
    Utf8Reader reader = new Utf8Reader(new ByteArrayInputStream("\uD83C\uDF3B".getBytes(StandardCharsets.UTF_8)));
    assertEquals(0xD83C, reader.read());
    assertEquals(0xDF3B, reader.read());
    assertEquals(-1, reader.read());
  }

  @Test
  void dropsRowsWithMissingValuesOnlyWhenAsked() throws IOException {
    String csv = "id,x,y,class\n1,0.5,2,a\n2,NA,3,b\nNA,1.5,4,b\n4,2.5,,a\n5,3.5,6,\n6,4.5,7,b\n";
    CsvReader reader = Csv.reader().label("class").ignore("id");
    assertError(
        3, 2, "line 3, column 2 (x): missing value 'NA'; expected a number, or dropMissing() to skip rows with missing values",
        reader, csv);
    CsvTable table = reader.dropMissing().read(new StringReader(csv));
    // Rows 2, 4 and 5 have a missing value in a used column; row 3's is in the ignored id.
    assertEquals(3, table.droppedRows());
    assertArrayEquals(new double[][] {{0.5, 2}, {1.5, 4}, {4.5, 7}}, table.dataSet().inputs());
    assertArrayEquals(new double[][] {{1, 0}, {0, 1}, {0, 1}}, table.dataSet().targets());
    assertEquals("CsvTable[3 samples, inputs [x, y], classes [a, b], 3 rows dropped]", table.toString());
  }

  @Test
  void missingMarkersReplaceNaAndTheEmptyFieldStaysMissing() throws IOException {
    String csv = "x,y,class\n1,2,a\n.,3,b\n2,?,b\n3,\"?\",a\n4,,b\n5, . ,a\n6,7,NA\n8,9,b\n";
    CsvReader reader = Csv.reader().label("class").missing(".", "?");
    assertError(
        3, 1, "line 3, column 1 (x): missing value '.'; expected a number, or dropMissing() to skip rows with missing values",
        reader, csv);
    CsvTable table = reader.dropMissing().read(new StringReader(csv));
    // '.', '?', quoted '?', '' and ' . ' are missing; NA is a class now.
    assertEquals(5, table.droppedRows());
    assertArrayEquals(new double[][] {{1, 2}, {6, 7}, {8, 9}}, table.dataSet().inputs());
    assertEquals(Arrays.asList("a", "NA", "b"), table.classNames());
    // A table's reader keeps the markers.
    CsvTable again = table.reader().read(new StringReader("x,y,class\n?,1,a\n1,2,NA\n"));
    assertEquals(1, again.droppedRows());
    assertEquals("CsvReader[label class, missing ['', '.', '?'], drop missing]", reader.dropMissing().toString());
    // NA in a numeric column is no longer missing but not a number either.
    assertError(
        2, 1, "line 2, column 1 (x): 'NA' is not a number; expected a number, or oneHot(\"x\") for a column of categories",
        reader, "x,y,class\nNA,1,a\n");
    // Only the empty field.
    CsvReader emptyOnly = Csv.reader().targets("y").oneHot("x").missing("");
    CsvTable countries = emptyOnly.dropMissing().read(new StringReader("x,y\nNA,1\nEU,2\n,3\n"));
    assertEquals(Arrays.asList("x=NA", "x=EU"), countries.inputNames());
    assertEquals(1, countries.droppedRows());
    assertEquals("CsvReader[targets y, one-hot x, missing ['']]", emptyOnly.toString());
    assertEquals("CsvReader[targets y]", Csv.reader().targets("y").missing("NA", "").toString());
  }

  @Test
  void missingMarkersMustBeGivenDistinctAndWithoutSpaces() {
    CsvReader reader = Csv.reader();
    assertEquals("no missing-value marker given; expected at least one, such as missing(\"?\") or missing(\"\") for"
        + " only the empty field", assertThrows(IllegalArgumentException.class, () -> reader.missing()).getMessage());
    assertEquals("no missing-value marker given; expected at least one, such as missing(\"?\") or missing(\"\") for"
        + " only the empty field",
        assertThrows(IllegalArgumentException.class, () -> reader.missing((String[]) null)).getMessage());
    assertEquals("a missing-value marker is null in [?, null]",
        assertThrows(IllegalArgumentException.class, () -> reader.missing("?", null)).getMessage());
    assertEquals("the missing-value marker '?' is given twice",
        assertThrows(IllegalArgumentException.class, () -> reader.missing("?", ".", "?")).getMessage());
    assertEquals("the missing-value marker '' is given twice",
        assertThrows(IllegalArgumentException.class, () -> reader.missing("", "")).getMessage());
    assertEquals("the missing-value marker ' n/a' has spaces around it; fields are compared without theirs, so"
        + " expected 'n/a'", assertThrows(IllegalArgumentException.class, () -> reader.missing(" n/a")).getMessage());
    // Each call gives a new reader; the one it was called on keeps its markers.
    CsvReader custom = reader.missing("?");
    assertTrue(reader.isMissing("NA"));
    assertTrue(!custom.isMissing("NA") && custom.isMissing("?") && custom.isMissing(""));
    assertTrue(custom.missing("NA").isMissing("NA") && !custom.missing("NA").isMissing("?"));
  }

  @Test
  void missingValuesAreErrorsNamingLineColumnAndColumnName() {
    CsvReader reader = Csv.reader().label("class");
    assertError(
        2, 2, "line 2, column 2 (y): missing value (an empty field); expected a number, or dropMissing() to skip rows with missing values",
        reader, "x,y,class\n1,,a\n");
    assertError(
        3, 3, "line 3, column 3 (class): missing value 'NA'; expected a class label, or dropMissing() to skip rows with missing values",
        reader, "x,y,class\n1,2,a\n1,2,NA\n");
    assertError(
        2, 1, "line 2, column 1 (x): missing value (an empty field); expected a category, or dropMissing() to skip rows with missing values",
        reader.oneHot("x"), "x,y,class\n\"\",2,a\n");
    assertError(
        1, 0, "line 1: every row (2) has a missing value; expected at least one complete row",
        reader.dropMissing(), "x,y,class\n1,,a\nNA,2,b\n");
  }

  @Test
  void oneHotEncodesCategoriesAndReadsLaterFilesTheSameWay() throws IOException {
    String training = "size,colour,kind\n1.5,red,a\n2.5,blue,b\n3.5,red,b\n4.5,green,a\n";
    CsvTable table = Csv.reader().label("kind").oneHot("colour").read(new StringReader(training));
    assertEquals(Arrays.asList("size", "colour=red", "colour=blue", "colour=green"), table.inputNames());
    Map<String, List<String>> categories = new LinkedHashMap<String, List<String>>();
    categories.put("colour", Arrays.asList("red", "blue", "green"));
    assertEquals(categories, table.categories());
    assertArrayEquals(
        new double[][] {{1.5, 1, 0, 0}, {2.5, 0, 1, 0}, {3.5, 1, 0, 0}, {4.5, 0, 0, 1}}, table.dataSet().inputs());

    // Other columns in another order, an extra column, classes and a category in another order of appearance.
    String test = "note,kind,colour,size\nx,b,green,10\ny,a,red,20\n";
    CsvTable same = table.reader().read(new StringReader(test));
    assertEquals(table.inputNames(), same.inputNames());
    assertEquals(table.classNames(), same.classNames());
    assertArrayEquals(new double[][] {{10, 0, 0, 1}, {20, 1, 0, 0}}, same.dataSet().inputs());
    assertArrayEquals(new double[][] {{0, 1}, {1, 0}}, same.dataSet().targets());
    assertEquals(
        "CsvReader[label kind, classes [a, b], inputs [size, colour], one-hot colour [red, blue, green]]",
        table.reader().toString());

    assertError(
        3, 3, "line 3, column 3 (colour): unknown category 'purple'; expected one of [red, blue, green]",
        table.reader(), "note,kind,colour,size\nx,b,green,10\ny,a,purple,20\n");
    assertError(
        2, 2, "line 2, column 2 (kind): unknown class 'c'; expected one of [a, b]",
        table.reader(), "note,kind,colour,size\nx,c,green,10\n");
    assertError(
        1, 0, "line 1: no column named 'size' (an input); the columns are [kind, colour]",
        table.reader(), "kind,colour\na,red\n");
  }

  @Test
  void oneHotCategoriesCanBeGiven() throws IOException {
    CsvReader reader = Csv.reader().label("kind").oneHot("colour", Arrays.asList("green", "red", "blue"));
    CsvTable table = reader.read(new StringReader("colour,kind\nred,a\nred,b\n"));
    assertEquals(Arrays.asList("colour=green", "colour=red", "colour=blue"), table.inputNames());
    assertArrayEquals(new double[][] {{0, 1, 0}, {0, 1, 0}}, table.dataSet().inputs());
    assertError(3, 1, "line 3, column 1 (colour): unknown category 'pink'; expected one of [green, red, blue]",
        reader, "colour,kind\nred,a\npink,b\n");
  }

  @Test
  void malformedFieldsAreReportedByLineAndColumn() {
    CsvReader reader = Csv.reader().label("c");
    assertError(3, 2, "line 3, column 2 (b): 'oops' is not a number; expected a number, or oneHot(\"b\") for a column of categories",
        reader, "a,b,c\n1,2,x\n3,oops,y\n");
    assertError(2, 1, "line 2, column 1 (a): 'NaN' is not a number; expected a number, or oneHot(\"a\") for a column of categories",
        reader, "a,b,c\nNaN,2,x\n");
    assertError(2, 2, "line 2, column 2 (b): 1e400 is too large for a double", reader, "a,b,c\n1,1e400,x\n");
    assertError(2, 1, "line 2, column 1 (price): 'cheap' is not a number; expected a number",
        Csv.reader().targets("price"), "price,size\ncheap,2\n");
    assertError(2, 2, "line 2, column 2 (b): unterminated quote; expected a closing \" before the end of the file",
        reader, "a,b,c\n1,\"2,x\n3,4,y\n");
    assertError(1, 3, "line 1, column 3: unterminated quote; expected a closing \" before the end of the file",
        reader, "a,b,\"c\n");
    assertError(2, 2, "line 2, column 2 (b): 'x' after the closing quote; expected a comma or the end of the line (a quote inside quotes is written twice: \"\")",
        reader, "a,b,c\n1,\"2\"x,y\n");
    assertError(3, 3, "line 3, column 3 (c): a quote inside an unquoted field; expected the whole field in quotes, with each quote in it written twice (\"\")",
        reader, "a,b,c\n1,2,x\n1,2,5'10\"\n");
  }

  @Test
  void rowsOfTheWrongWidthAreReported() {
    CsvReader reader = Csv.reader().label("c");
    assertError(3, 0, "line 3: 2 fields; expected 3, one for each column of the header", reader, "a,b,c\n1,2,x\n1,2\n");
    assertError(2, 0, "line 2: 4 fields; expected 3, one for each column of the header", reader, "a,b,c\n1,2,x,\n");
    assertError(2, 0, "line 2: 1 field; expected 3, one for each column of the header", reader, "a,b,c\n\"\"\n");
  }

  @Test
  void headersMustNameEveryColumnOnce() {
    CsvReader reader = Csv.reader().label("c");
    assertError(2, 3, "line 2, column 3: the column name 'a' appears twice, in columns 1 and 3; expected unique names",
        reader, "\na,c,a\n1,x,2\n");
    assertError(1, 2, "line 1, column 2: empty column name; expected a name for every column", reader, "a,,c\n1,2,x\n");
    assertError(1, 0, "line 1: the file is empty; expected a header row of column names", reader, "");
    assertError(1, 0, "line 1: the file is empty; expected a header row of column names", reader, "\uFEFF\n \r\n\n");
    assertError(2, 0, "line 2: no rows after the header; expected at least one sample", reader, "\na,b,c\n\n");
  }

  @Test
  void columnsThatAreNotInTheHeaderAreReported() {
    String csv = "a,b,c\n1,2,x\n3,4,y\n";
    assertError(1, 0, "line 1: no column named 'class' (the label); the columns are [a, b, c]", Csv.reader().label("class"), csv);
    assertError(1, 0, "line 1: no column named 'd' (a target); the columns are [a, b, c]", Csv.reader().targets("a", "d"), csv);
    assertError(1, 0, "line 1: no column 3 (counting from 0, negative from the end); the 3 columns are [a, b, c]",
        Csv.reader().label(3), csv);
    assertError(1, 0, "line 1: no column -4 (counting from 0, negative from the end); the 3 columns are [a, b, c]",
        Csv.reader().targets(0, -4), csv);
    assertError(1, 0, "line 1: no column named 'e' (ignored); the columns are [a, b, c]", Csv.reader().label("c").ignore("e"), csv);
    assertError(1, 0, "line 1: no column named 'e' (an input); the columns are [a, b, c]", Csv.reader().label("c").inputs("a", "e"), csv);
    assertError(1, 0, "line 1: no column named 'e' (one-hot); the columns are [a, b, c]", Csv.reader().label("c").oneHot("e"), csv);
    assertError(1, 0, "line 1: no input columns: every column is a target or ignored", Csv.reader().label("c").ignore("a", "b"), csv);
    assertError(1, 3, "line 1, column 3 (c): the column is the label; it cannot also be one-hot encoded",
        Csv.reader().label(-1).oneHot("c"), csv);
    assertError(1, 1, "line 1, column 1 (a): column 1 is named twice as a target", Csv.reader().targets(0, -3), csv);
    assertError(1, 3, "line 1, column 3 (c): only one class, 'x'; classification needs at least 2, or all of them given with classes(...)",
        Csv.reader().label("c"), "a,b,c\n1,2,x\n3,4,x\n");
  }

  @Test
  void misconfiguredReadersFailBeforeReading() {
    StringReader csv = new StringReader("a,b\n1,2\n");
    assertEquals(
        "no target column: call label(...) for classification or targets(...) for regression before read",
        assertThrows(IllegalStateException.class, () -> Csv.reader().read(csv)).getMessage());
    assertEquals(
        "classes(...) names the classes of a label column; call label(...) too",
        assertThrows(IllegalStateException.class, () -> Csv.reader().targets("a").classes("x", "y").read(csv)).getMessage());
    assertEquals(
        "the label is already chosen (a); a reader has either one label column or numeric target columns",
        assertThrows(IllegalStateException.class, () -> Csv.reader().label("a").targets("b")).getMessage());
    assertEquals(
        "column 'a' cannot be both the label and one-hot encoded",
        assertThrows(IllegalArgumentException.class, () -> Csv.reader().label("a").oneHot("a")).getMessage());
    assertEquals(
        "column 'b' cannot be both ignored and an input",
        assertThrows(IllegalArgumentException.class, () -> Csv.reader().ignore("b").inputs("b")).getMessage());
    assertEquals(
        "column 'c' is one-hot encoded but not among the inputs [b]",
        assertThrows(IllegalArgumentException.class, () -> Csv.reader().oneHot("c").inputs("b")).getMessage());
    assertEquals(
        "the target name 'a' is given twice",
        assertThrows(IllegalArgumentException.class, () -> Csv.reader().targets("a", "a")).getMessage());
    assertEquals(
        "target column 1 is given twice",
        assertThrows(IllegalArgumentException.class, () -> Csv.reader().targets(1, 1)).getMessage());
    assertEquals(
        "classification needs at least 2 classes; got [x]",
        assertThrows(IllegalArgumentException.class, () -> Csv.reader().classes("x")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Csv.reader().oneHot("c", Collections.<String>emptyList()));
    assertThrows(IllegalArgumentException.class, () -> Csv.reader().label((String) null));
  }

  @Test
  void readersAreImmutable() throws IOException {
    CsvReader base = Csv.reader().label("species");
    CsvReader dropping = base.dropMissing();
    assertEquals("CsvReader[label species]", base.toString());
    assertEquals("CsvReader[label species, drop missing]", dropping.toString());
    assertEquals("CsvReader[no target yet]", Csv.reader().toString());
    assertSame(Csv.reader(), Csv.reader());
    assertError(2, 1, "line 2, column 1 (x): missing value 'NA'; expected a number, or dropMissing() to skip rows with missing values",
        base, "x,species\nNA,a\n1,b\n2,a\n");
    assertEquals(1, dropping.read(new StringReader("x,species\nNA,a\n1,b\n2,a\n")).droppedRows());
  }

  @Test
  void leavesTheCallersReaderOpen() throws IOException {
    StringReader reader = new StringReader(FLOWERS);
    Csv.reader().label("species").read(reader);
    assertTrue(reader.ready(), "a closed StringReader would throw");
  }

  /** The error's line and column, both in the accessors and at the start of the message. */
  private static void assertError(int line, int column, String message, CsvReader reader, String csv) {
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> reader.read(new StringReader(csv)));
    assertEquals(message, e.getMessage());
    assertTrue(message.matches("(?s)line " + line + (column > 0 ? ", column " + column + "[ :]" : ":") + ".*"), message);
    assertEquals(line, e.line(), "line");
    assertEquals(column, e.column(), "column");
  }
}
