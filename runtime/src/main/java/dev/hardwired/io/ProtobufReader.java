package dev.hardwired.io;

import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one protocol-buffers message, in order, from a slice of bytes: the counterpart of
 * {@link Protobuf}. Every length is checked against the slice, so damaged data ends in a {@link Malformed}
 * naming the byte where it went wrong, never in an index error or a huge allocation.
 */
final class ProtobufReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  /** Data that is not a well-formed message. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private final byte[] bytes;
  private final int end;
  private int at;
  private int field;
  private int wireType;

  ProtobufReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  private ProtobufReader(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.at = from;
    this.end = to;
  }

  /** Moves to the next field: false at the end of the message. */
  boolean next() throws Malformed {
    if (at == end) {
      return false;
    }
    long key = rawVarint();
    field = (int) (key >>> 3);
    wireType = (int) (key & 7);
    if (field <= 0 || key >>> 3 > Integer.MAX_VALUE) {
      throw new Malformed("field number " + (key >>> 3) + " at byte " + at);
    }
    return true;
  }

  int field() {
    return field;
  }

  int wireType() {
    return wireType;
  }

  /** Where the reader is in the whole data, for messages. */
  int position() {
    return at;
  }

  long varint() throws Malformed {
    expect(VARINT);
    return rawVarint();
  }

  float float32() throws Malformed {
    expect(FIXED32);
    return Float.intBitsToFloat((int) littleEndian(4));
  }

  /** The field's bytes, as a reader of the message they hold. */
  ProtobufReader message() throws Malformed {
    int length = length();
    ProtobufReader message = new ProtobufReader(bytes, at, at + length);
    at += length;
    return message;
  }

  String string() throws Malformed {
    int length = length();
    String value = new String(bytes, at, length, StandardCharsets.UTF_8);
    at += length;
    return value;
  }

  /** The field's bytes, copied. */
  byte[] bytes() throws Malformed {
    int length = length();
    byte[] value = new byte[length];
    System.arraycopy(bytes, at, value, 0, length);
    at += length;
    return value;
  }

  /** A repeated {@code int64} field's values: one value, or a packed run of them. */
  long[] int64s() throws Malformed {
    if (wireType == VARINT) {
      return new long[] {rawVarint()};
    }
    ProtobufReader packed = message();
    long[] values = new long[8];
    int count = 0;
    while (packed.at < packed.end) {
      if (count == values.length) {
        values = java.util.Arrays.copyOf(values, count * 2);
      }
      values[count++] = packed.rawVarint();
    }
    return java.util.Arrays.copyOf(values, count);
  }

  /** A repeated {@code float} field's values: one value, or a packed run of them. */
  float[] floats() throws Malformed {
    if (wireType == FIXED32) {
      return new float[] {float32()};
    }
    ProtobufReader packed = message();
    if ((packed.end - packed.at) % 4 != 0) {
      throw new Malformed("packed floats of " + (packed.end - packed.at) + " bytes at byte " + packed.at);
    }
    float[] values = new float[(packed.end - packed.at) / 4];
    for (int k = 0; k < values.length; k++) {
      values[k] = Float.intBitsToFloat((int) packed.littleEndian(4));
    }
    return values;
  }

  /** A repeated {@code double} field's values: one value, or a packed run of them. */
  double[] doubles() throws Malformed {
    if (wireType == FIXED64) {
      return new double[] {Double.longBitsToDouble(littleEndian(8))};
    }
    ProtobufReader packed = message();
    if ((packed.end - packed.at) % 8 != 0) {
      throw new Malformed("packed doubles of " + (packed.end - packed.at) + " bytes at byte " + packed.at);
    }
    double[] values = new double[(packed.end - packed.at) / 8];
    for (int k = 0; k < values.length; k++) {
      values[k] = Double.longBitsToDouble(packed.littleEndian(8));
    }
    return values;
  }

  /** Steps over the field's value. */
  void skip() throws Malformed {
    switch (wireType) {
      case VARINT:
        rawVarint();
        break;
      case FIXED64:
        littleEndian(8);
        break;
      case LENGTH_DELIMITED: {
        int length = length(); // before the addition: at += length() would add to the position before it
        at += length;
        break;
      }
      case FIXED32:
        littleEndian(4);
        break;
      default:
        throw new Malformed("wire type " + wireType + " of field " + field + " at byte " + at);
    }
  }

  private void expect(int type) throws Malformed {
    if (wireType != type) {
      throw new Malformed("field " + field + " has wire type " + wireType + " at byte " + at + "; expected " + type);
    }
  }

  private int length() throws Malformed {
    expect(LENGTH_DELIMITED);
    long length = rawVarint();
    if (length < 0 || length > end - at) {
      throw new Malformed("field " + field + " of " + length + " bytes at byte " + at + " runs past the end of its message");
    }
    return (int) length;
  }

  private long rawVarint() throws Malformed {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at == end) {
        throw new Malformed("the data ends inside a number at byte " + at);
      }
      byte b = bytes[at++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new Malformed("a number of more than ten bytes at byte " + at);
  }

  private long littleEndian(int size) throws Malformed {
    if (end - at < size) {
      throw new Malformed("the data ends inside a " + (8 * size) + "-bit value at byte " + at);
    }
    long value = 0;
    for (int b = 0; b < size; b++) {
      value |= (long) (bytes[at++] & 0xFF) << (8 * b);
    }
    return value;
  }
}
