package dev.hardwired.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One protocol-buffers message being encoded, field by field, in the order of the calls: the few wire types
 * an ONNX model needs (varints, 32-bit floats, length-delimited bytes, strings and nested messages).
 */
final class Protobuf {
  private static final int VARINT = 0;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;

  private byte[] bytes = new byte[64];
  private int size;

  /** An {@code int32}, {@code int64} or enum field. */
  Protobuf varint(int field, long value) {
    tag(field, VARINT);
    rawVarint(value);
    return this;
  }

  /** A {@code float} field. */
  Protobuf float32(int field, float value) {
    tag(field, FIXED32);
    int bits = Float.floatToRawIntBits(value);
    for (int b = 0; b < 4; b++) {
      append((byte) (bits >>> (8 * b)));
    }
    return this;
  }

  /** A {@code string} field, in UTF-8. */
  Protobuf string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  /** A {@code bytes} field. */
  Protobuf bytes(int field, byte[] value) {
    return lengthDelimited(field, value, value.length);
  }

  /** A field holding the message {@code value}. */
  Protobuf message(int field, Protobuf value) {
    return lengthDelimited(field, value.bytes, value.size);
  }

  private Protobuf lengthDelimited(int field, byte[] source, int length) {
    tag(field, LENGTH_DELIMITED);
    rawVarint(length);
    ensure(length);
    System.arraycopy(source, 0, bytes, size, length);
    size += length;
    return this;
  }

  /** The encoded message. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void tag(int field, int wireType) {
    rawVarint(((long) field << 3) | wireType);
  }

  private void rawVarint(long value) {
    // Seven bits a byte, least significant first; negative numbers take all ten bytes, as protobuf says.
    while ((value & ~0x7FL) != 0) {
      append((byte) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    append((byte) value);
  }

  private void append(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
