package dev.hardwired.data;

import dev.hardwired.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an ordinary CSV file with a header row into a {@link CsvTable}: a {@link DataSet} whose inputs,
 * targets and classes are named. Made by {@link Csv#reader()}; immutable, every method returns a new reader.
 *
 * <pre>{@code
 * CsvTable iris = Csv.reader().label("species").read(Paths.get("iris.csv"));          // classification
 * CsvTable houses = Csv.reader().targets("price").oneHot("district").dropMissing().read(file); // regression
 * CsvTable test = iris.reader().read(Paths.get("iris-test.csv"));  // the same inputs, categories, classes
 * }</pre>
 *
 * <p><b>Format</b> (RFC 4180, UTF-8). The first non-blank line names the columns, each name non-empty and
 * unique; every further non-blank line is a sample with one field per column. A field in double quotes may
 * hold commas, line breaks and quotes written twice ({@code "say ""hi"""}); a quote anywhere else is an
 * error. Lines end in LF or CRLF; a byte order mark at the start is skipped. Spaces around an unquoted field
 * and around the quotes of a quoted one are dropped; a line break inside quotes is read as {@code \n}. Error
 * messages count physical lines, so line numbers stay right after quoted line breaks; a row that is too
 * short or too long is reported on the line where it starts.
 *
 * <p><b>Columns.</b> Choose the target with {@link #label(String)} (classification: one column of class
 * labels, read as text, that become one-hot targets) or {@link #targets(String...)} (regression: one or more
 * numeric columns). Every other column is a numeric input, unless it is {@link #ignore ignored}, left out by
 * {@link #inputs}, or {@link #oneHot(String...) one-hot encoded}. Classes and categories are numbered in
 * order of first appearance among the rows read, unless they are given.
 *
 * <p><b>Missing values</b> are fields that are empty or {@code NA}, quoted or not, or those given to {@link
 * #missing(String...)} instead of {@code NA}. Each is an error unless {@link #dropMissing()} skips the rows
 * that have one in a column that is used.
 *
 * <p>Every malformed input raises a {@link CsvFormatException} naming the line, the column and its name, and
 * what was expected; so do bytes of a stream or a file that are not UTF-8 (a file saved as Latin-1 or
 * UTF-16, say). A {@link Reader} or an {@link InputStream} is read to the end and left open; a file is
 * closed.
 *
 * <p><b>Threads.</b> Immutable: one reader may be shared between threads, each {@code read} parsing with
 * state of its own.
 */
public final class CsvReader {
  /** The missing-value markers unless {@link #missing} gives others: an empty field and {@code NA}. */
  private static final Set<String> DEFAULT_MISSING =
      Collections.unmodifiableSet(new LinkedHashSet<String>(Arrays.asList("", "NA")));

  static final CsvReader DEFAULT =
      new CsvReader(null, null, false, null, null, Collections.<String>emptyList(),
          Collections.<String, List<String>>emptyMap(), DEFAULT_MISSING, false);

  // The target: names or indices, at most one of the two set; one column when classification.
  final List<String> targetNames;
  final int[] targetIndices;
  final boolean classification;
  final List<String> classes;
  final List<String> inputs;
  final List<String> ignored;
  // One-hot columns in the order given, each with its categories, or null to take them from the file.
  final Map<String, List<String>> oneHot;
  // Fields that stand for a missing value, always with the empty one.
  final Set<String> missing;
  final boolean dropMissing;

  private CsvReader(List<String> targetNames, int[] targetIndices, boolean classification, List<String> classes,
      List<String> inputs, List<String> ignored, Map<String, List<String>> oneHot, Set<String> missing,
      boolean dropMissing) {
    this.targetNames = targetNames;
    this.targetIndices = targetIndices;
    this.classification = classification;
    this.classes = classes;
    this.inputs = inputs;
    this.ignored = ignored;
    this.oneHot = oneHot;
    this.missing = missing;
    this.dropMissing = dropMissing;
    requireRolesApart();
  }

  /**
   * Classification: the column named {@code column} holds the class labels, read as text ({@code 1} and
   * {@code 1.0} are two classes). Each sample's target is the one-hot vector of its class, so there are as
   * many targets as classes; the classes are numbered in order of first appearance unless {@link #classes}
   * gives them.
   *
   * @throws IllegalStateException when a label or targets are already chosen
   * @throws IllegalArgumentException when the column is already ignored, an input or one-hot encoded
   */
  public CsvReader label(String column) {
    requireNoTarget();
    return new CsvReader(names(new String[] {column}, "label"), null, true, classes, inputs, ignored, oneHot,
        missing, dropMissing);
  }

  /**
   * {@link #label(String)} for the column at {@code index}, counting from 0 as in {@link
   * CsvTable#columnNames()}; a negative index counts from the end, −1 being the last column. (Error messages
   * count columns from 1, as spreadsheets do.)
   *
   * @throws IllegalStateException when a label or targets are already chosen
   */
  public CsvReader label(int index) {
    requireNoTarget();
    return new CsvReader(null, new int[] {index}, true, classes, inputs, ignored, oneHot, missing, dropMissing);
  }

  /**
   * The classes of the {@link #label} column, in this order, instead of those found in the file: a label
   * that is not one of them is an error, and a file may lack some of them (a small test file, say).
   *
   * @throws IllegalArgumentException when fewer than two names are given, or one is null, empty or repeated
   */
  public CsvReader classes(String... names) {
    List<String> list = names(names, "class");
    if (list.size() < 2) {
      throw new IllegalArgumentException("classification needs at least 2 classes; got " + list);
    }
    return new CsvReader(targetNames, targetIndices, classification, list, inputs, ignored, oneHot, missing, dropMissing);
  }

  /**
   * Regression: the targets are the numbers in the named columns, in this order.
   *
   * @throws IllegalStateException when a label or targets are already chosen
   * @throws IllegalArgumentException when no column is given, a name is null, empty or repeated, or a column
   *     is already ignored, an input or one-hot encoded
   */
  public CsvReader targets(String... columns) {
    requireNoTarget();
    return new CsvReader(names(columns, "target"), null, false, classes, inputs, ignored, oneHot, missing, dropMissing);
  }

  /**
   * {@link #targets(String...)} for the columns at the given indices, counting from 0; a negative index
   * counts from the end, −1 being the last column.
   *
   * @throws IllegalStateException when a label or targets are already chosen
   * @throws IllegalArgumentException when no index is given or one is repeated
   */
  public CsvReader targets(int... indices) {
    requireNoTarget();
    if (indices == null || indices.length == 0) {
      throw new IllegalArgumentException("no target column given; expected at least one");
    }
    for (int k = 0; k < indices.length; k++) {
      for (int j = 0; j < k; j++) {
        if (indices[j] == indices[k]) {
          throw new IllegalArgumentException("target column " + indices[k] + " is given twice");
        }
      }
    }
    return new CsvReader(null, indices.clone(), false, classes, inputs, ignored, oneHot, missing, dropMissing);
  }

  /**
   * The input columns, in this order; every other column that is not a target is ignored. Without this,
   * the inputs are every column that is neither a target nor ignored, in the order of the file.
   *
   * @throws IllegalArgumentException when no column is given, a name is null, empty or repeated, or a column
   *     is already a target or ignored, or a one-hot column is not among them
   */
  public CsvReader inputs(String... columns) {
    return new CsvReader(targetNames, targetIndices, classification, classes, names(columns, "input"), ignored,
        oneHot, missing, dropMissing);
  }

  /**
   * Columns to leave out, such as an identifier; added to those already ignored.
   *
   * @throws IllegalArgumentException when a name is null, empty or repeated, or a column is already a target,
   *     an input or one-hot encoded
   */
  public CsvReader ignore(String... columns) {
    List<String> all = new ArrayList<String>(ignored);
    all.addAll(names(columns, "ignored"));
    return new CsvReader(targetNames, targetIndices, classification, classes, inputs, names(all.toArray(new String[0]),
        "ignored"), oneHot, missing, dropMissing);
  }

  /**
   * Input columns of categories, each encoded as one input per category that is 1 for its category and 0
   * otherwise, in place of the column; the categories are those of the file, in order of first appearance.
   * {@link CsvTable#categories()} reports them, and {@link CsvTable#reader()} reads other files with them.
   *
   * @throws IllegalArgumentException when a name is null, empty or repeated, or a column is a target,
   *     ignored or not among the {@link #inputs}
   */
  public CsvReader oneHot(String... columns) {
    Map<String, List<String>> map = new LinkedHashMap<String, List<String>>(oneHot);
    for (String column : names(columns, "one-hot")) {
      map.put(column, null);
    }
    return new CsvReader(targetNames, targetIndices, classification, classes, inputs, ignored,
        Collections.unmodifiableMap(map), missing, dropMissing);
  }

  /**
   * {@link #oneHot(String...)} of one column with the given categories, in this order; any other value in
   * the column is an error.
   *
   * @throws IllegalArgumentException as {@link #oneHot(String...)}, or when no category is given, or one is
   *     null, empty or repeated
   */
  public CsvReader oneHot(String column, List<String> categories) {
    List<String> values = names(categories == null ? null : categories.toArray(new String[0]), "category");
    Map<String, List<String>> map = new LinkedHashMap<String, List<String>>(oneHot);
    map.put(names(new String[] {column}, "one-hot").get(0), values);
    return new CsvReader(targetNames, targetIndices, classification, classes, inputs, ignored,
        Collections.unmodifiableMap(map), missing, dropMissing);
  }

  /**
   * The fields that stand for a missing value, in place of the default {@code NA}, as pandas' {@code
   * na_values} with {@code keep_default_na=False}: {@code missing(".", "?")} reads {@code .} and {@code ?}
   * as missing and {@code NA} as text (an error in a numeric column, a class or category elsewhere), and
   * {@code missing("")} leaves only the empty field. An empty field is always missing. Markers are compared
   * as text with the field as read, quoted or not: without the spaces around it, {@code "-999"} is not {@code
   * "-999.0"}. Calling this again replaces the markers again. A missing value is an error unless {@link
   * #dropMissing()} skips its row.
   *
   * @throws IllegalArgumentException when no marker is given, or one is null, repeated, or has spaces around
   *     it (it would never match)
   */
  public CsvReader missing(String... markers) {
    if (markers == null || markers.length == 0) {
      throw new IllegalArgumentException(
          "no missing-value marker given; expected at least one, such as missing(\"?\") or missing(\"\") for only"
              + " the empty field");
    }
    Set<String> set = new LinkedHashSet<String>();
    set.add("");
    boolean emptyGiven = false;
    for (String marker : markers) {
      if (marker == null) {
        throw new IllegalArgumentException("a missing-value marker is null in " + Arrays.toString(markers));
      }
      if (!marker.equals(marker.trim())) {
        throw new IllegalArgumentException("the missing-value marker '" + marker + "' has spaces around it;"
            + " fields are compared without theirs, so expected '" + marker.trim() + "'");
      }
      boolean repeated = marker.isEmpty() ? emptyGiven : !set.add(marker);
      if (repeated) {
        throw new IllegalArgumentException("the missing-value marker '" + marker + "' is given twice");
      }
      emptyGiven |= marker.isEmpty();
    }
    return new CsvReader(targetNames, targetIndices, classification, classes, inputs, ignored, oneHot,
        Collections.unmodifiableSet(set), dropMissing);
  }

  /**
   * Skips every row with a missing value (an empty field, {@code NA}, or a marker given to {@link #missing})
   * in a column that is used, instead of failing on it; {@link CsvTable#droppedRows()} counts them. Values
   * in ignored columns do not matter.
   */
  public CsvReader dropMissing() {
    return new CsvReader(targetNames, targetIndices, classification, classes, inputs, ignored, oneHot, missing, true);
  }

  /**
   * Reads a table from {@code reader}, to its end.
   *
   * @throws CsvFormatException when the input is malformed or does not fit this reader (see the class
   *     description): a field that is not a number in a numeric column, a row with the wrong number of
   *     fields, an unterminated quote, a missing value, an unknown column, class or category, a duplicate or
   *     empty column name, no header or no rows, or a label column of one class
   * @throws IllegalStateException when no label or targets are chosen, or classes are given without a label
   */
  public CsvTable read(Reader reader) throws IOException {
    Checks.requireNonNull(reader, "reader", "a source of CSV text");
    return read(reader, null);
  }

  /**
   * {@link #read(Reader)} from a UTF-8 stream; bytes that are not UTF-8 are a {@link CsvFormatException}
   * naming their line.
   */
  public CsvTable read(InputStream input) throws IOException {
    Checks.requireNonNull(input, "input", "a stream of CSV text");
    return read(new Utf8Reader(input), null);
  }

  /**
   * {@link #read(Reader)} from a UTF-8 file; error messages begin with the path, and bytes that are not UTF-8
   * are a {@link CsvFormatException} naming their line.
   */
  public CsvTable read(Path path) throws IOException {
    Checks.requireNonNull(path, "path", "a CSV file");
    try (Reader reader = new Utf8Reader(Files.newInputStream(path))) {
      return read(reader, path.toString());
    }
  }

  /** For example {@code CsvReader[label species, one-hot colour, missing ['', '?'], drop missing]}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CsvReader[");
    if (targetNames == null && targetIndices == null) {
      s.append("no target yet");
    } else {
      s.append(classification ? "label " : "targets ")
          .append(targetNames != null ? String.join(", ", targetNames) : Arrays.toString(targetIndices));
    }
    if (classes != null) {
      s.append(", classes ").append(classes);
    }
    if (inputs != null) {
      s.append(", inputs ").append(inputs);
    }
    if (!ignored.isEmpty()) {
      s.append(", ignored ").append(ignored);
    }
    if (!oneHot.isEmpty()) {
      s.append(", one-hot ");
      String separator = "";
      for (Map.Entry<String, List<String>> e : oneHot.entrySet()) {
        s.append(separator).append(e.getKey()).append(e.getValue() == null ? "" : " " + e.getValue());
        separator = ", ";
      }
    }
    if (!missing.equals(DEFAULT_MISSING)) {
      s.append(", missing ").append(markers());
    }
    return s.append(dropMissing ? ", drop missing]" : "]").toString();
  }

  /** This reader with the columns, categories and classes of a table it read fixed, to read other files alike. */
  CsvReader fixedTo(List<String> targets, List<String> classNames, List<String> inputColumns,
      Map<String, List<String>> categories) {
    return new CsvReader(targets, null, classification, classification ? classNames : null, inputColumns,
        Collections.<String>emptyList(), categories, missing, dropMissing);
  }

  private void requireNoTarget() {
    if (targetNames != null || targetIndices != null) {
      String chosen = targetNames != null ? String.join(", ", targetNames) : Arrays.toString(targetIndices);
      throw new IllegalStateException((classification ? "the label is" : "the targets are") + " already chosen ("
          + chosen + "); a reader has either one label column or numeric target columns");
    }
  }

  /** No column may have two roles, except a one-hot column that is also a chosen input. */
  private void requireRolesApart() {
    String role = classification ? "the label" : "a target";
    List<String> targets = targetNames == null ? Collections.<String>emptyList() : targetNames;
    for (String t : targets) {
      requireApart(t, role, ignored, "ignored");
      requireApart(t, role, inputs, "an input");
      requireApart(t, role, oneHot.keySet(), "one-hot encoded");
    }
    for (String i : ignored) {
      requireApart(i, "ignored", inputs, "an input");
      requireApart(i, "ignored", oneHot.keySet(), "one-hot encoded");
    }
    if (inputs != null) {
      for (String column : oneHot.keySet()) {
        if (!inputs.contains(column)) {
          throw new IllegalArgumentException(
              "column '" + column + "' is one-hot encoded but not among the inputs " + inputs);
        }
      }
    }
  }

  private static void requireApart(String column, String role, Collection<String> others, String other) {
    if (others != null && others.contains(column)) {
      throw new IllegalArgumentException("column '" + column + "' cannot be both " + role + " and " + other);
    }
  }

  /** An unmodifiable copy of non-empty, distinct, non-null names, at least one. */
  private static List<String> names(String[] names, String what) {
    if (names == null || names.length == 0) {
      throw new IllegalArgumentException("no " + what + " name given; expected at least one");
    }
    Set<String> set = new LinkedHashSet<String>();
    for (String name : names) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("a " + what + " name is " + (name == null ? "null" : "empty") + " in "
            + Arrays.toString(names));
      }
      if (!set.add(name)) {
        throw new IllegalArgumentException("the " + what + " name '" + name + "' is given twice");
      }
    }
    return Collections.unmodifiableList(new ArrayList<String>(set));
  }

  boolean isMissing(String field) {
    return missing.contains(field);
  }

  /** The markers as given to {@link #missing}, quoted: {@code ['', '?']}. */
  private String markers() {
    StringBuilder s = new StringBuilder("[");
    for (String marker : missing) {
      s.append(s.length() == 1 ? "'" : ", '").append(marker).append('\'');
    }
    return s.append(']').toString();
  }

  private CsvTable read(Reader reader, String source) throws IOException {
    if (targetNames == null && targetIndices == null) {
      throw new IllegalStateException(
          "no target column: call label(...) for classification or targets(...) for regression before read");
    }
    if (classes != null && !classification) {
      throw new IllegalStateException("classes(...) names the classes of a label column; call label(...) too");
    }
    CsvParser parser = new CsvParser(reader, source);
    CsvParser.Record header = parser.next();
    if (header == null) {
      throw parser.error(1, 0, "the file is empty; expected a header row of column names");
    }
    CsvRows rows = new CsvRows(this, parser, new CsvColumns(this, parser, header));
    CsvParser.Record row;
    while ((row = parser.next()) != null) {
      rows.add(row);
    }
    return rows.table();
  }
}
