package dev.hardwired.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes a stream of UTF-8 bytes strictly, counting bytes. An {@code InputStreamReader} throws at a bad byte
 * sequence and drops the characters it decoded before it in the same call; this reader hands those characters
 * out first and throws {@link NotUtf8Exception} at the next read, so that whoever counts lines knows the line
 * the bad bytes are on.
 */
final class Utf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  // Bytes read but not yet decoded, between position and limit.
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13);
  // The offset in the stream of bytes' index 0.
  private long offset;
  private boolean endOfInput;
  private boolean flushed;
  // The second half of a surrogate pair that did not fit into a one-character read.
  private int heldChar = -1;
  private NotUtf8Exception failure;

  Utf8Reader(InputStream in) {
    this.in = in;
    bytes.flip();
  }

  @Override
  public int read(char[] target, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (heldChar >= 0) {
      target[off] = (char) heldChar;
      heldChar = -1;
      return 1;
    }
    if (failure != null) {
      throw failure;
    }
    if (flushed) {
      // A decoder may not decode after its flush; the end stays the end.
      return -1;
    }
    if (len == 1) {
      // A character outside the BMP needs two chars; decode into room for both.
      char[] pair = new char[2];
      int n = read(pair, 0, 2);
      if (n == 2) {
        heldChar = pair[1];
      }
      if (n > 0) {
        target[off] = pair[0];
      }
      return n;
    }
    CharBuffer out = CharBuffer.wrap(target, off, len);
    while (true) {
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      int decoded = out.position() - off;
      if (result.isError()) {
        failure = notUtf8(result.length());
        if (decoded > 0) {
          return decoded;
        }
        throw failure;
      }
      if (result.isOverflow() || decoded > 0) {
        return decoded;
      }
      if (endOfInput) {
        if (!flushed) {
          flushed = true;
          decoder.flush(out);
          decoded = out.position() - off;
        }
        return decoded > 0 ? decoded : -1;
      }
      fill();
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void fill() throws IOException {
    offset += bytes.position();
    bytes.compact();
    int n;
    do {
      n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    } while (n == 0);
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private NotUtf8Exception notUtf8(int length) {
    int at = bytes.position();
    StringBuilder found = new StringBuilder();
    for (int k = 0; k < length; k++) {
      found.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes.get(at + k) & 0xff));
    }
    long where = offset + at;
    boolean utf16 = where == 0 && bytes.limit() >= 2 && isUtf16Mark(bytes.get(0) & 0xff, bytes.get(1) & 0xff);
    return new NotUtf8Exception(
        utf16
            ? "the bytes are UTF-16, not UTF-8 (the file starts with the UTF-16 byte order mark "
                + String.format(Locale.ROOT, "0x%02X 0x%02X", bytes.get(0) & 0xff, bytes.get(1) & 0xff)
                + "); save the file as UTF-8"
            : "the bytes are not UTF-8 (" + found + " at byte " + where + " of the file); save the file as UTF-8");
  }

  private static boolean isUtf16Mark(int first, int second) {
    return first == 0xFE && second == 0xFF || first == 0xFF && second == 0xFE;
  }

  /** Bytes that are not UTF-8; the message says which and where, to follow the line that holds them. */
  static final class NotUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;

    NotUtf8Exception(String message) {
      super(message);
    }
  }
}
