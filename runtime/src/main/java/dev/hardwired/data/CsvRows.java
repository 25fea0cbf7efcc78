package dev.hardwired.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one file after its header, each checked and converted as its {@link CsvColumns} say (numbers
 * for numeric columns, codes for the others), and the {@link CsvTable} they make.
 */
final class CsvRows {
  private final CsvReader reader;
  private final CsvParser parser;
  private final CsvColumns columns;
  // Per row, the numbers of its numeric columns and the codes of the others; other columns are left 0.
  private final List<double[]> numbers = new ArrayList<double[]>();
  private final List<int[]> codes = new ArrayList<int[]>();
  private int dropped;

  CsvRows(CsvReader reader, CsvParser parser, CsvColumns columns) {
    this.reader = reader;
    this.parser = parser;
    this.columns = columns;
  }

  /** Checks one row and keeps it, or skips it for a missing value if the reader drops those. */
  void add(CsvParser.Record row) throws CsvFormatException {
    int width = columns.names.length;
    if (row.fields.length != width) {
      throw parser.error(row.line, 0, row.fields.length + (row.fields.length == 1 ? " field" : " fields")
          + "; expected " + width + ", one for each column of the header");
    }
    if (reader.dropMissing && hasMissing(row)) {
      dropped++;
      return;
    }
    double[] rowNumbers = new double[width];
    int[] rowCodes = new int[width];
    for (int c = 0; c < width; c++) {
      if (!columns.used[c]) {
        continue;
      }
      String field = row.fields[c];
      CsvColumns.Categories cats = columns.categories[c];
      boolean label = columns.isLabel(c);
      if (reader.isMissing(field)) {
        String expected = cats == null ? "a number" : label ? "a class label" : "a category";
        throw parser.error(row.lines[c], c + 1, "missing value" + (field.isEmpty() ? " (an empty field)" : " '"
            + field + "'") + "; expected " + expected + ", or dropMissing() to skip rows with missing values");
      }
      if (cats == null) {
        rowNumbers[c] = number(field, row.lines[c], c);
      } else {
        rowCodes[c] = cats.code(field);
        if (rowCodes[c] < 0) {
          throw parser.error(row.lines[c], c + 1, "unknown " + (label ? "class" : "category") + " '" + field
              + "'; expected one of " + cats.values);
        }
      }
    }
    numbers.add(rowNumbers);
    codes.add(rowCodes);
  }

  private boolean hasMissing(CsvParser.Record row) {
    for (int c = 0; c < columns.names.length; c++) {
      if (columns.used[c] && reader.isMissing(row.fields[c])) {
        return true;
      }
    }
    return false;
  }

  private double number(String field, int line, int c) throws CsvFormatException {
    if (!Csv.NUMBER.matcher(field).matches()) {
      throw parser.error(line, c + 1, "'" + field + "' is not a number; expected a number"
          + (columns.target[c] ? "" : ", or oneHot(\"" + columns.names[c] + "\") for a column of categories"));
    }
    double value = Double.parseDouble(field);
    if (Double.isInfinite(value)) {
      throw parser.error(line, c + 1, field + " is too large for a double");
    }
    return value;
  }

  /** The table of the rows kept; a reader fixed to its columns, categories and classes comes with it. */
  CsvTable table() throws CsvFormatException {
    int n = numbers.size();
    if (n == 0) {
      throw parser.error(columns.headerLine, 0, dropped == 0 ? "no rows after the header; expected at least one sample"
          : "every row (" + dropped + ") has a missing value; expected at least one complete row");
    }
    String[] names = columns.names;
    CsvColumns.Categories[] categories = columns.categories;
    List<String> inputNames = new ArrayList<String>();
    Map<String, List<String>> found = new LinkedHashMap<String, List<String>>();
    List<String> inputColumnNames = new ArrayList<String>();
    for (int c : columns.inputColumns) {
      inputColumnNames.add(names[c]);
      if (categories[c] == null) {
        inputNames.add(names[c]);
      } else {
        List<String> values = Collections.unmodifiableList(new ArrayList<String>(categories[c].values));
        found.put(names[c], values);
        for (String value : values) {
          inputNames.add(names[c] + "=" + value);
        }
      }
    }
    double[][] in = new double[n][inputNames.size()];
    for (int i = 0; i < n; i++) {
      int k = 0;
      for (int c : columns.inputColumns) {
        if (categories[c] == null) {
          in[i][k++] = numbers.get(i)[c];
        } else {
          in[i][k + codes.get(i)[c]] = 1.0;
          k += categories[c].values.size();
        }
      }
    }
    List<String> targetColumnNames = new ArrayList<String>();
    for (int c : columns.targetColumns) {
      targetColumnNames.add(names[c]);
    }
    DataSet data;
    List<String> classNames;
    if (reader.classification) {
      int c = columns.targetColumns[0];
      classNames = Collections.unmodifiableList(new ArrayList<String>(categories[c].values));
      if (classNames.size() < 2) {
        throw parser.error(columns.headerLine, c + 1, "only one class, '" + classNames.get(0)
            + "'; classification needs at least 2, or all of them given with classes(...)");
      }
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = codes.get(i)[c];
      }
      data = DataSet.classification(in, labels, classNames);
    } else {
      classNames = Collections.emptyList();
      double[][] out = new double[n][columns.targetColumns.length];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < columns.targetColumns.length; t++) {
          out[i][t] = numbers.get(i)[columns.targetColumns[t]];
        }
      }
      data = DataSet.of(in, out);
    }
    Map<String, List<String>> fixedCategories = Collections.unmodifiableMap(found);
    CsvReader same = reader.fixedTo(Collections.unmodifiableList(targetColumnNames), classNames,
        Collections.unmodifiableList(inputColumnNames), fixedCategories);
    return new CsvTable(data, Arrays.asList(names), inputNames, reader.classification ? classNames : targetColumnNames,
        classNames, fixedCategories, dropped, same);
  }
}
