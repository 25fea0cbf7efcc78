package dev.hardwired.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The bytes of a weights file, read one at a time through a buffer, as lines and tokens: it counts lines
 * for messages and keeps the CRC-32 of every byte read. Nothing larger than one line or one token is held.
 */
final class WeightsLines {
  /** Header lines, comments and the checksum line: 999 hidden activations take about 11,000 bytes. */
  static final int LINE_LIMIT = 1 << 20;
  /** Double.toString needs at most 24 characters; hand-written numbers may take more. */
  private static final int NUMBER_LIMIT = 400;

  final String source;
  /** The line being read, counting from 1. */
  int line;
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  /** Start of the buffered bytes not yet added to the CRC. */
  private int checksummed;
  private final CRC32 crc = new CRC32();
  private long bytesBefore;
  private byte[] lineBytes = new byte[256];

  WeightsLines(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /** The number of bytes before the read position, as of the last {@link #checksumSoFar}. */
  long bytesBefore() {
    return bytesBefore;
  }

  /** The CRC-32 of every byte before the read position. */
  long checksumSoFar() {
    crc.update(buffer, checksummed, position - checksummed);
    bytesBefore += position - checksummed;
    checksummed = position;
    return crc.getValue();
  }

  /** The next header line that is neither a comment nor empty. */
  String nextSignificantLine(String expected) throws IOException {
    while (true) {
      line++;
      if (peek() < 0) {
        throw error("expected " + expected + ", found the end of the file: the file is truncated");
      }
      String text = readRestOfLine(LINE_LIMIT, expected);
      if (!text.isEmpty() && !text.startsWith("#")) {
        return text;
      }
    }
  }

  /** The rest of the current line, without its {@code \n}, as strict UTF-8. */
  String readRestOfLine(int maxBytes, String expected) throws IOException {
    int length = 0;
    while (true) {
      int b = next();
      if (b < 0) {
        throw error(
            "expected " + expected + ", found " + WeightsReader.quote(decodeLenient(length))
                + " without a line end at the end of the file: the file is truncated");
      }
      if (b == '\n') {
        break;
      }
      if (length == maxBytes) {
        throw error("expected " + expected + ", found a line of more than " + maxBytes + " bytes");
      }
      store(length++, b);
    }
    if (length > 0 && lineBytes[length - 1] == '\r') {
      throw carriageReturn();
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(lineBytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw error("expected UTF-8 text, found bytes that are not UTF-8: " + WeightsReader.quote(decodeLenient(length)));
    }
  }

  WeightsFileException carriageReturn() {
    return error(
        "expected a line ending in \\n alone, found \\r\\n: weights files end their lines with \\n (was the file"
            + " converted to Windows line ends?)");
  }

  void store(int index, int b) {
    if (index == lineBytes.length) {
      lineBytes = Arrays.copyOf(lineBytes, lineBytes.length * 2);
    }
    lineBytes[index] = (byte) b;
  }

  String decodeLenient(int length) {
    return new String(lineBytes, 0, length, StandardCharsets.UTF_8);
  }

  int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position] & 0xff;
  }

  int next() throws IOException {
    int b = peek();
    if (b >= 0) {
      position++;
    }
    return b;
  }

  private boolean fill() throws IOException {
    checksumSoFar();
    position = 0;
    limit = 0;
    checksummed = 0;
    int n;
    do {
      n = in.read(buffer);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    limit = n;
    return true;
  }

  /** The bytes up to the next space, line end or end of the file, which is left unread. */
  String readToken() throws IOException {
    int length = 0;
    while (true) {
      int b = peek();
      if (b < 0 || b == ' ' || b == '\n') {
        return decodeLenient(length);
      }
      if (length == NUMBER_LIMIT) {
        throw error("expected a number, found a value of more than " + NUMBER_LIMIT + " characters: "
            + WeightsReader.quote(decodeLenient(length)));
      }
      store(length++, next());
    }
  }

  WeightsFileException error(String detail) {
    return new WeightsFileException(source, line, detail);
  }

}
