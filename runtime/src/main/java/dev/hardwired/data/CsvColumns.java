package dev.hardwired.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each column of one file is, resolved from its header and a {@link CsvReader}'s choice of columns:
 * the targets, the inputs in order, and the categories of the label and one-hot columns.
 */
final class CsvColumns {
  final String[] names;
  final int headerLine;
  final int[] targetColumns;
  final int[] inputColumns;
  final boolean[] used;
  final boolean[] target;
  // The categories of a one-hot or label column, null for a numeric one.
  final Categories[] categories;
  private final CsvParser parser;
  private final Map<String, Integer> columnOf = new HashMap<String, Integer>();
  private final boolean classification;

  /** Checks the header's names and finds each column the reader names. */
  CsvColumns(CsvReader reader, CsvParser parser, CsvParser.Record header) throws CsvFormatException {
    this.parser = parser;
    this.headerLine = header.line;
    this.names = header.fields;
    this.classification = reader.classification;
    int width = names.length;
    for (int c = 0; c < width; c++) {
      if (names[c].isEmpty()) {
        throw parser.error(header.lines[c], c + 1, "empty column name; expected a name for every column");
      }
      Integer first = columnOf.put(names[c], c);
      if (first != null) {
        throw parser.error(header.lines[c], c + 1, "the column name '" + names[c] + "' appears twice, in columns "
            + (first + 1) + " and " + (c + 1) + "; expected unique names");
      }
    }
    parser.header = names;
    used = new boolean[width];
    target = new boolean[width];
    categories = new Categories[width];
    targetColumns = findTargets(reader);
    if (classification) {
      categories[targetColumns[0]] = new Categories(reader.classes);
    }
    inputColumns = findInputs(reader);
    for (Map.Entry<String, List<String>> e : reader.oneHot.entrySet()) {
      int c = notTarget(column(e.getKey(), " (one-hot)"), "one-hot encoded");
      categories[c] = new Categories(e.getValue());
    }
  }

  private int[] findTargets(CsvReader reader) throws CsvFormatException {
    int count = reader.targetNames != null ? reader.targetNames.size() : reader.targetIndices.length;
    int[] columns = new int[count];
    for (int t = 0; t < count; t++) {
      int c = reader.targetNames != null
          ? column(reader.targetNames.get(t), classification ? " (the label)" : " (a target)")
          : index(reader.targetIndices[t]);
      if (target[c]) {
        throw parser.error(headerLine, c + 1, "column " + (c + 1) + " is named twice as a target");
      }
      target[c] = true;
      used[c] = true;
      columns[t] = c;
    }
    return columns;
  }

  private int[] findInputs(CsvReader reader) throws CsvFormatException {
    boolean[] skipped = new boolean[names.length];
    for (String name : reader.ignored) {
      skipped[notTarget(column(name, " (ignored)"), "ignored")] = true;
    }
    List<Integer> chosen = new ArrayList<Integer>();
    if (reader.inputs != null) {
      for (String name : reader.inputs) {
        chosen.add(notTarget(column(name, " (an input)"), "an input"));
      }
    } else {
      for (int c = 0; c < names.length; c++) {
        if (!target[c] && !skipped[c]) {
          chosen.add(c);
        }
      }
    }
    if (chosen.isEmpty()) {
      throw parser.error(headerLine, 0, "no input columns: every column is a target or ignored");
    }
    int[] columns = new int[chosen.size()];
    for (int k = 0; k < columns.length; k++) {
      columns[k] = chosen.get(k);
      used[columns[k]] = true;
    }
    return columns;
  }

  /** Whether column {@code c} holds class labels. */
  boolean isLabel(int c) {
    return classification && target[c];
  }

  private int column(String name, String role) throws CsvFormatException {
    Integer c = columnOf.get(name);
    if (c == null) {
      throw parser.error(headerLine, 0, "no column named '" + name + "'" + role + "; the columns are "
          + Arrays.toString(names));
    }
    return c;
  }

  private int index(int index) throws CsvFormatException {
    int c = index < 0 ? names.length + index : index;
    if (c < 0 || c >= names.length) {
      throw parser.error(headerLine, 0, "no column " + index + " (counting from 0, negative from the end); the "
          + names.length + " columns are " + Arrays.toString(names));
    }
    return c;
  }

  private int notTarget(int c, String role) throws CsvFormatException {
    if (target[c]) {
      throw parser.error(headerLine, c + 1, "the column is " + (classification ? "the label" : "a target")
          + "; it cannot also be " + role);
    }
    return c;
  }

  /** The values of a one-hot or label column: given ones, or those met so far, each with its code. */
  static final class Categories {
    final List<String> values;
    private final Map<String, Integer> codes = new HashMap<String, Integer>();
    private final boolean fixed;

    Categories(List<String> given) {
      fixed = given != null;
      values = fixed ? given : new ArrayList<String>();
      for (int k = 0; k < values.size(); k++) {
        codes.put(values.get(k), k);
      }
    }

    /** The code of {@code value}, a new one if the values are not fixed, or −1. */
    int code(String value) {
      Integer code = codes.get(value);
      if (code != null) {
        return code;
      }
      if (fixed) {
        return -1;
      }
      codes.put(value, values.size());
      values.add(value);
      return values.size() - 1;
    }
  }
}
