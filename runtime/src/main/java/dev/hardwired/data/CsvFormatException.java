package dev.hardwired.data;

import java.io.IOException;

/**
 * A CSV file that {@link Csv} or a {@link CsvReader} cannot read; the message names the line and, where one is
 * to blame, the column (with its name from the header when there is one) and what was expected.
 *
 * <p><b>Threads.</b> Its message and fields are fixed when it is made, so any thread it is handed to may read
 * it.
 */
public final class CsvFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  CsvFormatException(String source, int line, int column, String detail) {
    this(source, line, column, null, detail);
  }

  CsvFormatException(String source, int line, int column, String columnName, String detail) {
    super((source == null ? "" : source + ", ") + "line " + line + (column > 0 ? ", column " + column : "")
        + (column > 0 && columnName != null ? " (" + columnName + ")" : "") + ": " + detail);
    this.line = line;
    this.column = column;
  }

  /** The line at fault, counting from 1. */
  public int line() {
    return line;
  }

  /** The column at fault, counting from 1, or 0 when the whole line is. */
  public int column() {
    return column;
  }
}
