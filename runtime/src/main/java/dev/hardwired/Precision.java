package dev.hardwired;

/**
 * The number type of a generated network: its parameters, its arithmetic and its API. Single precision
 * halves the memory of every weight and lets the JIT's vector instructions take twice as many at once,
 * for a relative rounding error of about 6e-8 per operation instead of 1e-16.
 *
 * <p><b>Threads.</b> Its constants are immutable: any thread may use them.
 */
public enum Precision {
  /** {@code double}: the network implements {@link TrainableNetwork}. */
  DOUBLE,
  /** {@code float}: the network implements {@link TrainableFloatNetwork}, with {@code float[]} throughout. */
  FLOAT;

  /** The Java type: {@code double} or {@code float}. */
  public String displayName() {
    return this == DOUBLE ? "double" : "float";
  }
}
