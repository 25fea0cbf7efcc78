package dev.hardwired.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the characters of one source into records of fields, counting physical lines: RFC 4180 (quoted
 * fields with commas, line breaks and doubled quotes; LF, CRLF or CR), a byte order mark skipped.
 */
final class CsvParser {
  private final Reader in;
  private final String source;
  private final char[] buffer = new char[8192];
  private final StringBuilder text = new StringBuilder();
  private int position;
  private int limit;
  private int pushedBack = -2;
  private boolean started;
  private int line = 1;
  // The field being read, counting from 1, or 0 between a line break and the record it may end.
  private int field;
  String[] header;

  CsvParser(Reader in, String source) {
    this.in = in;
    this.source = source;
  }

  /** The next non-blank record, or null at the end. */
  Record next() throws IOException {
    try {
      return nextRecord();
    } catch (Utf8Reader.NotUtf8Exception e) {
      CsvFormatException error = error(line, field, e.getMessage());
      error.initCause(e);
      throw error;
    }
  }

  private Record nextRecord() throws IOException {
    if (!started) {
      started = true;
      int first = raw();
      if (first != '\uFEFF') {
        pushedBack = first;
      }
    }
    while (true) {
      int start = line;
      List<String> fields = new ArrayList<String>();
      int[] lines = new int[8];
      boolean quoted;
      int c;
      do {
        int fieldLine = line;
        field = fields.size() + 1;
        text.setLength(0);
        c = read();
        while (c == ' ' || c == '\t') {
          text.append((char) c);
          c = read();
        }
        quoted = c == '"';
        if (quoted) {
          text.setLength(0);
          while (true) {
            c = read();
            if (c == -1) {
              throw error(fieldLine, fields.size() + 1,
                  "unterminated quote; expected a closing \" before the end of the file");
            }
            if (c == '"') {
              c = read();
              if (c != '"') {
                break;
              }
            }
            text.append((char) c);
          }
          while (c == ' ' || c == '\t') {
            c = read();
          }
          if (c != ',' && c != '\n' && c != -1) {
            throw error(line, fields.size() + 1, "'" + (char) c + "' after the closing quote; expected a comma or"
                + " the end of the line (a quote inside quotes is written twice: \"\")");
          }
          fields.add(text.toString());
        } else {
          while (c != ',' && c != '\n' && c != -1) {
            if (c == '"') {
              throw error(line, fields.size() + 1, "a quote inside an unquoted field; expected the whole field in"
                  + " quotes, with each quote in it written twice (\"\")");
            }
            text.append((char) c);
            c = read();
          }
          fields.add(text.toString().trim());
        }
        if (fields.size() > lines.length) {
          lines = Arrays.copyOf(lines, 2 * lines.length);
        }
        lines[fields.size() - 1] = fieldLine;
      } while (c == ',');
      if (fields.size() == 1 && !quoted && fields.get(0).isEmpty()) {
        if (c == -1) {
          return null;
        }
        continue;
      }
      return new Record(start, fields.toArray(new String[0]), Arrays.copyOf(lines, fields.size()));
    }
  }

  CsvFormatException error(int line, int column, String detail) {
    String name = header != null && column >= 1 && column <= header.length ? header[column - 1] : null;
    return new CsvFormatException(source, line, column, name, detail);
  }

  /** The next character with CRLF and CR read as LF, or −1 at the end. */
  private int read() throws IOException {
    int c = raw();
    if (c == '\r') {
      // Counted before looking past it, so that bad bytes right after it are put on the next line.
      line++;
      field = 0;
      int next = raw();
      if (next != '\n') {
        pushedBack = next;
      }
      return '\n';
    }
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private int raw() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++];
  }

  /** One row of fields, with the line each field starts on. */
  static final class Record {
    final int line;
    final String[] fields;
    final int[] lines;

    Record(int line, String[] fields, int[] lines) {
      this.line = line;
      this.fields = fields;
      this.lines = lines;
    }
  }
}
