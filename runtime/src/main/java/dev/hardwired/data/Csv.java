package dev.hardwired.data;

import dev.hardwired.Checks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads numeric CSV: one sample per line, values separated by commas, in UTF-8.
 *
 * <p>Values are decimal numbers such as {@code 5}, {@code -0.25} or {@code 1.5e-3}, with optional spaces
 * around them; blank lines are skipped. Quotes, {@code NaN}, {@code Infinity} and missing values are not
 * numbers here: each malformed value raises a {@link CsvFormatException} naming its line and column.
 *
 * <p>Two layouts of classification data are read into a {@link DataSet} with one-hot targets, the class
 * index in the last column:
 *
 * <ul>
 *   <li>{@link #readClassification(Reader)}: scikit-learn's bundled files such as {@code iris.csv}, whose
 *       first line is a header {@code n_samples,n_features,class name,class name,...} (for iris {@code
 *       150,4,setosa,versicolor,virginica});
 *   <li>{@link #readClassification(Reader, List)}: no header, the class names given by the caller (for
 *       scikit-learn's {@code digits.csv}, "0" to "9").
 * </ul>
 *
 * <p>Ordinary CSV files, with a header row of column names, quoted fields, text labels and categories, are
 * read by {@link #reader()}.
 *
 * <p>Methods that take a {@link Reader} or an {@link InputStream} read it to the end and leave it open; those
 * that take a {@link Path} close the file. Streams and files are decoded strictly: bytes that are not UTF-8
 * are a {@link CsvFormatException} naming their line, their byte offset and the bytes (a {@link Reader} is
 * decoded by whoever made it).
 *
 * <p><b>Threads.</b> Static methods that keep no state between calls: any thread may call them, each reading
 * a source of its own.
 */
public final class Csv {
  // A decimal number, and nothing that Double.parseDouble would also take (NaN, Infinity, 0x1p3, 1d, 1f).
  // Possessive: a long run of digits that fails to match is given up at once, not retried at every split.
  static final Pattern NUMBER = Pattern.compile("[+-]?+(\\d++\\.?+\\d*+|\\.\\d++)([eE][+-]?+\\d++)?+");

  private Csv() {}

  /**
   * A reader of ordinary CSV files with a header row, to be told the target column(s), for example {@code
   * Csv.reader().label("species").read(path)}; see {@link CsvReader}.
   */
  public static CsvReader reader() {
    return CsvReader.DEFAULT;
  }

  /**
   * Every non-blank line as a row of numbers; every row must have as many values as the first.
   *
   * @return the rows, none if the input has no non-blank line
   * @throws CsvFormatException when a value is not a finite decimal number or a row has another width
   */
  public static double[][] read(Reader reader) throws IOException {
    Checks.requireNonNull(reader, "reader", "a source of CSV text");
    return new Parser(reader, null).readAll();
  }

  /** {@link #read(Reader)} from a UTF-8 stream; bytes that are not UTF-8 are an error on their line. */
  public static double[][] read(InputStream input) throws IOException {
    Checks.requireNonNull(input, "input", "a stream of CSV text");
    return read(utf8(input));
  }

  /** {@link #read(Reader)} from a UTF-8 file; error messages begin with the path. */
  public static double[][] read(Path path) throws IOException {
    Checks.requireNonNull(path, "path", "a CSV file");
    try (BufferedReader reader = new BufferedReader(new Utf8Reader(Files.newInputStream(path)))) {
      return new Parser(reader, path.toString()).readAll();
    }
  }

  /**
   * A classification data set in scikit-learn's layout: a header {@code n_samples,n_features,class
   * names...}, then {@code n_samples} lines of {@code n_features} numbers and a class index from 0.
   *
   * @throws CsvFormatException when the header is missing or malformed, a line has another width than
   *     the header announces, a value is not a number, a class index is not one of the named classes, or
   *     the number of samples differs from the header's
   */
  public static DataSet readClassification(Reader reader) throws IOException {
    Checks.requireNonNull(reader, "reader", "a source of CSV text");
    return new Parser(reader, null).readWithHeader();
  }

  /** {@link #readClassification(Reader)} from a UTF-8 stream. */
  public static DataSet readClassification(InputStream input) throws IOException {
    Checks.requireNonNull(input, "input", "a stream of CSV text");
    return readClassification(utf8(input));
  }

  /** {@link #readClassification(Reader)} from a UTF-8 file; error messages begin with the path. */
  public static DataSet readClassification(Path path) throws IOException {
    Checks.requireNonNull(path, "path", "a CSV file");
    try (BufferedReader reader = new BufferedReader(new Utf8Reader(Files.newInputStream(path)))) {
      return new Parser(reader, path.toString()).readWithHeader();
    }
  }

  /**
   * A classification data set without a header: every line holds the inputs and then a class index from
   * 0, an index into {@code classNames}.
   *
   * @throws CsvFormatException when there is no sample, a line has another width than the first, a value
   *     is not a number or a class index is not one of the named classes
   * @throws IllegalArgumentException when fewer than two class names are given
   */
  public static DataSet readClassification(Reader reader, List<String> classNames) throws IOException {
    requireClassNames(classNames);
    Checks.requireNonNull(reader, "reader", "a source of CSV text");
    return new Parser(reader, null).readLabeled(classNames);
  }

  /** {@link #readClassification(Reader, List)} from a UTF-8 stream. */
  public static DataSet readClassification(InputStream input, List<String> classNames) throws IOException {
    requireClassNames(classNames);
    Checks.requireNonNull(input, "input", "a stream of CSV text");
    return readClassification(utf8(input), classNames);
  }

  /** {@link #readClassification(Reader, List)} from a UTF-8 file; error messages begin with the path. */
  public static DataSet readClassification(Path path, List<String> classNames) throws IOException {
    requireClassNames(classNames);
    Checks.requireNonNull(path, "path", "a CSV file");
    try (BufferedReader reader = new BufferedReader(new Utf8Reader(Files.newInputStream(path)))) {
      return new Parser(reader, path.toString()).readLabeled(classNames);
    }
  }

  /** At least two class names, none null: checked before anything is read. */
  private static void requireClassNames(List<String> classNames) {
    if (classNames == null || classNames.size() < 2) {
      throw new IllegalArgumentException("classification needs at least 2 class names; got " + classNames);
    }
    for (int c = 0; c < classNames.size(); c++) {
      if (classNames.get(c) == null) {
        throw new IllegalArgumentException("class name " + c + " is null; expected a name");
      }
    }
  }

  private static Reader utf8(InputStream input) {
    return new Utf8Reader(input);
  }

  /** Reads one source line by line, keeping the line number for messages. */
  private static final class Parser {
    private final BufferedReader reader;
    private final String source;
    private int lineNumber;
    private int widthLine;

    Parser(Reader reader, String source) {
      this.reader = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
      this.source = source;
    }

    double[][] readAll() throws IOException {
      List<double[]> rows = new ArrayList<double[]>();
      String[] fields;
      int width = -1;
      while ((fields = nextFields()) != null) {
        width = requireWidth(fields, width, "");
        double[] row = new double[fields.length];
        for (int c = 0; c < fields.length; c++) {
          row[c] = number(fields[c], c);
        }
        rows.add(row);
      }
      return rows.toArray(new double[0][]);
    }

    DataSet readWithHeader() throws IOException {
      String[] header = nextFields();
      String expected = "expected the header n_samples,n_features,class names... (e.g. 150,4,setosa,versicolor,virginica)";
      if (header == null) {
        throw error(Math.max(lineNumber, 1), 0, "no header; " + expected);
      }
      if (header.length < 4) {
        throw error(lineNumber, 0, "the header has " + header.length + " column" + (header.length == 1 ? "" : "s")
            + "; " + expected + ", with at least 2 classes");
      }
      int headerLine = lineNumber;
      int samples = count(header[0], 0, "n_samples", expected);
      int features = count(header[1], 1, "n_features", expected);
      if (features == 0) {
        throw error(lineNumber, 2, "n_features is 0; expected at least 1");
      }
      List<String> classNames = new ArrayList<String>();
      for (int c = 2; c < header.length; c++) {
        if (header[c].isEmpty()) {
          throw error(lineNumber, c + 1, "empty class name; " + expected);
        }
        if (classNames.contains(header[c])) {
          throw error(lineNumber, c + 1, "class name '" + header[c] + "' appears twice");
        }
        classNames.add(header[c]);
      }
      int width = features + 1;
      widthLine = headerLine;
      List<double[]> inputs = new ArrayList<double[]>();
      List<Integer> labels = new ArrayList<Integer>();
      String[] fields;
      while ((fields = nextFields()) != null) {
        requireWidth(fields, width, " (" + features + " features and a class index, as the header says)");
        readSample(fields, classNames, inputs, labels);
      }
      if (inputs.size() != samples) {
        throw error(headerLine, 1, "the header announces " + samples + (samples == 1 ? " sample but " : " samples but ") + inputs.size()
            + (inputs.size() == 1 ? " follows" : " follow"));
      }
      if (samples == 0) {
        throw error(headerLine, 1, "no samples; a data set needs at least one");
      }
      return toDataSet(inputs, labels, classNames);
    }

    DataSet readLabeled(List<String> classNames) throws IOException {
      if (classNames == null || classNames.size() < 2) {
        throw new IllegalArgumentException("classification needs at least 2 class names; got " + classNames);
      }
      List<double[]> inputs = new ArrayList<double[]>();
      List<Integer> labels = new ArrayList<Integer>();
      String[] fields;
      int width = -1;
      while ((fields = nextFields()) != null) {
        if (width < 0 && fields.length < 2) {
          throw error(lineNumber, 0, "1 column; expected the inputs and then a class index");
        }
        width = requireWidth(fields, width, "");
        readSample(fields, classNames, inputs, labels);
      }
      if (inputs.isEmpty()) {
        throw error(Math.max(lineNumber, 1), 0, "no samples; a data set needs at least one");
      }
      return toDataSet(inputs, labels, classNames);
    }

    /** The inputs of one line, and its last field as a class index. */
    private void readSample(String[] fields, List<String> classNames, List<double[]> inputs, List<Integer> labels)
        throws CsvFormatException {
      double[] input = new double[fields.length - 1];
      for (int c = 0; c < input.length; c++) {
        input[c] = number(fields[c], c);
      }
      int last = fields.length - 1;
      double label = number(fields[last], last);
      if (label != Math.rint(label) || label < 0 || label >= classNames.size()) {
        throw error(lineNumber, last + 1, "class index " + fields[last] + " is not one of 0.."
            + (classNames.size() - 1) + " " + classNames);
      }
      inputs.add(input);
      labels.add((int) label);
    }

    private static DataSet toDataSet(List<double[]> inputs, List<Integer> labels, List<String> classNames) {
      int[] labelArray = new int[labels.size()];
      for (int i = 0; i < labelArray.length; i++) {
        labelArray[i] = labels.get(i);
      }
      return DataSet.classification(inputs.toArray(new double[0][]), labelArray, classNames);
    }

    /** The trimmed fields of the next non-blank line, or null at the end. */
    private String[] nextFields() throws IOException {
      String line;
      while ((line = readLine()) != null) {
        lineNumber++;
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.trim().isEmpty()) {
          continue;
        }
        String[] fields = line.split(",", -1);
        for (int c = 0; c < fields.length; c++) {
          fields[c] = fields[c].trim();
        }
        return fields;
      }
      return null;
    }

    private String readLine() throws IOException {
      try {
        return reader.readLine();
      } catch (Utf8Reader.NotUtf8Exception e) {
        // Every line before the bad bytes has been read whole: they are on the next one.
        CsvFormatException error = error(lineNumber + 1, 0, e.getMessage());
        error.initCause(e);
        throw error;
      }
    }

    /** The width the rows must have: the first row's when {@code width} is negative. */
    private int requireWidth(String[] fields, int width, String why) throws CsvFormatException {
      if (width < 0) {
        widthLine = lineNumber;
        return fields.length;
      }
      if (fields.length != width) {
        throw error(lineNumber, 0, fields.length + (fields.length == 1 ? " column" : " columns") + "; expected " + width
            + (why.isEmpty() ? " as line " + widthLine + " has" : why));
      }
      return width;
    }

    private double number(String field, int column) throws CsvFormatException {
      if (field.isEmpty()) {
        throw error(lineNumber, column + 1, "empty; expected a number");
      }
      if (!NUMBER.matcher(field).matches()) {
        throw error(lineNumber, column + 1, "'" + field + "' is not a number");
      }
      double value = Double.parseDouble(field);
      if (Double.isInfinite(value)) {
        throw error(lineNumber, column + 1, field + " is too large for a double");
      }
      return value;
    }

    private int count(String field, int column, String name, String expected) throws CsvFormatException {
      if (!field.matches("\\d{1,9}")) {
        throw error(lineNumber, column + 1, name + " is '" + field + "'; " + expected);
      }
      return Integer.parseInt(field);
    }

    private CsvFormatException error(int line, int column, String detail) {
      return new CsvFormatException(source, line, column, detail);
    }
  }
}
