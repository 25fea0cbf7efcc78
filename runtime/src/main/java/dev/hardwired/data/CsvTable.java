package dev.hardwired.data;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A CSV file read by a {@link CsvReader}: its {@link DataSet} and what each input and target stands for.
 * Immutable.
 *
 * <p>Inputs follow the input columns in order; a one-hot column becomes one input per category, named
 * {@code column=category}. A classification table has one target per class, a regression table one per
 * target column.
 *
 * <p><b>Threads.</b> Immutable (its lists are unmodifiable): safe to share between threads.
 */
public final class CsvTable {
  private final DataSet dataSet;
  private final List<String> columnNames;
  private final List<String> inputNames;
  private final List<String> targetNames;
  private final List<String> classNames;
  private final Map<String, List<String>> categories;
  private final int droppedRows;
  private final CsvReader reader;

  CsvTable(DataSet dataSet, List<String> columnNames, List<String> inputNames, List<String> targetNames,
      List<String> classNames, Map<String, List<String>> categories, int droppedRows, CsvReader reader) {
    this.dataSet = dataSet;
    this.columnNames = Collections.unmodifiableList(columnNames);
    this.inputNames = Collections.unmodifiableList(inputNames);
    this.targetNames = Collections.unmodifiableList(targetNames);
    this.classNames = classNames;
    this.categories = categories;
    this.droppedRows = droppedRows;
    this.reader = reader;
  }

  /** The samples: inputs and targets as described above, and the class names of a classification table. */
  public DataSet dataSet() {
    return dataSet;
  }

  /** The names in the header, in the order of the file, unmodifiable. */
  public List<String> columnNames() {
    return columnNames;
  }

  /**
   * The name of each input of the data set, unmodifiable: the column's name, or {@code column=category} for
   * the inputs of a one-hot column.
   */
  public List<String> inputNames() {
    return inputNames;
  }

  /** The name of each target, unmodifiable: the class names, or the target columns' names for regression. */
  public List<String> targetNames() {
    return targetNames;
  }

  /**
   * The classes, unmodifiable, in the order of the targets (as {@link DataSet#classNames()}); empty for
   * regression.
   */
  public List<String> classNames() {
    return classNames;
  }

  /**
   * Each one-hot column's categories, in the order of their inputs; unmodifiable, the columns in input
   * order, empty when no column is one-hot encoded.
   */
  public Map<String, List<String>> categories() {
    return categories;
  }

  /** Number of rows skipped for a missing value; 0 unless the reader {@link CsvReader#dropMissing drops} them. */
  public int droppedRows() {
    return droppedRows;
  }

  /**
   * The class that a network's output stands for: {@code classNames().get(OneHot.argmax(prediction))}.
   *
   * @throws IllegalStateException when this is a regression table
   * @throws IllegalArgumentException when {@code prediction} has not one value per class
   */
  public String className(double[] prediction) {
    if (classNames.isEmpty()) {
      throw new IllegalStateException("a regression table has no classes; its targets are " + targetNames);
    }
    if (prediction == null) {
      throw new IllegalArgumentException("prediction is null; expected one value per class " + classNames);
    }
    if (prediction.length != classNames.size()) {
      throw new IllegalArgumentException(
          "prediction has " + prediction.length + " values; expected one per class " + classNames);
    }
    return classNames.get(OneHot.argmax(prediction));
  }

  /**
   * A reader that reads other files (validation, test or new data) into the same inputs and targets: this
   * table's target and input columns (found by name, in any order; other columns are ignored), its
   * categories and classes, which are then fixed, so that an unknown category or class is an error.
   */
  public CsvReader reader() {
    return reader;
  }

  /**
   * For example {@code CsvTable[6 samples, inputs [size, colour=red, colour=blue], classes [a, b], 1 row
   * dropped]}.
   */
  @Override
  public String toString() {
    return "CsvTable[" + dataSet.size() + (dataSet.size() == 1 ? " sample" : " samples") + ", inputs " + inputNames
        + (classNames.isEmpty() ? ", targets " + targetNames : ", classes " + classNames)
        + (droppedRows == 0 ? "" : ", " + droppedRows + (droppedRows == 1 ? " row" : " rows") + " dropped") + "]";
  }
}
