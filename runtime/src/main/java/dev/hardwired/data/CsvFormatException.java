package dev.hardwired.data;

import java.io.IOException;

/** A CSV file that {@link Csv} cannot read as numbers; the message names the line and, where one is to blame, the column. */
public final class CsvFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  CsvFormatException(String source, int line, int column, String detail) {
    super((source == null ? "" : source + ", ") + "line " + line + (column > 0 ? ", column " + column : "") + ": " + detail);
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
