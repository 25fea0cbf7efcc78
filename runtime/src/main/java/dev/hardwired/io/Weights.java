package dev.hardwired.io;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Precision;
import dev.hardwired.Topology;

/**
 * What a weights file holds, read without a network to load it into: its topology, precision and every
 * parameter value in the flat order of {@link Topology}. Immutable; every array it returns is a new copy.
 * {@link WeightsFile#read} gives one, after every check of the file itself (format, version, header,
 * numbers, checksum) has passed.
 *
 * <p>A tool that turns a trained network into code reads a file with {@link WeightsFile#read} and holds it to
 * its own declaration with {@link #requireMatches}, which names the header line that differs.
 *
 * <p><b>Threads.</b> Immutable: safe to share between threads.
 */
public final class Weights {
  private final Header header;
  // Exactly one is set, by precision: a float file keeps its values as floats.
  private final double[] doubles;
  private final float[] floats;

  Weights(Header header, double[] doubles, float[] floats) {
    this.header = header;
    this.doubles = doubles;
    this.floats = floats;
  }

  /** The file as it was named: the path given to {@link WeightsFile#read(java.nio.file.Path)}, or the source name. */
  public String source() {
    return header.source;
  }

  /** The format version of the file: {@value WeightsFile#VERSION}. */
  public int formatVersion() {
    return header.version;
  }

  /** The layers, activations and loss, and so the layout of {@link #values()}. */
  public Topology topology() {
    return header.topology;
  }

  /** The activation of each hidden layer, in order; empty without hidden layers. */
  public Activation[] hiddenActivations() {
    return Header.hiddenActivations(header.topology);
  }

  /** The activation of the output layer. */
  public Activation outputActivation() {
    return header.topology.activation(header.topology.layerCount());
  }

  /** The loss. */
  public Loss loss() {
    return header.topology.loss();
  }

  /** The precision of the network the file was written from, and of its values. */
  public Precision precision() {
    return header.precision;
  }

  /** Number of parameter values: {@code topology().parameterCount()}. */
  public int parameterCount() {
    return header.topology.parameterCount();
  }

  /**
   * Every parameter value, in the flat order of {@link Topology}, in a new array. The values of a {@link
   * Precision#FLOAT} file are floats widened exactly: {@code (float) values()[i]} gives back the float.
   */
  public double[] values() {
    if (doubles != null) {
      return doubles.clone();
    }
    double[] wide = new double[floats.length];
    for (int i = 0; i < floats.length; i++) {
      wide[i] = floats[i];
    }
    return wide;
  }

  /**
   * The parameter value at {@code index} of the flat order.
   *
   * @throws IndexOutOfBoundsException unless 0 ≤ index &lt; {@link #parameterCount()}
   */
  public double value(int index) {
    if (index < 0 || index >= parameterCount()) {
      throw new IndexOutOfBoundsException(
          "parameter " + index + " does not exist; " + source() + " holds parameters 0.." + (parameterCount() - 1));
    }
    return doubles != null ? doubles[index] : floats[index];
  }

  /**
   * Checks the file against a network's shape: the layers, the hidden activations, the output activation,
   * the loss and the precision, in the order of the header.
   *
   * @throws WeightsFileException naming the first header line that differs, with what it should say
   * @throws IllegalArgumentException when {@code topology} or {@code precision} is null
   */
  public void requireMatches(Topology topology, Precision precision) throws WeightsFileException {
    header.requireMatches(topology, precision, "as required");
  }

  double[] doubles() {
    return doubles;
  }

  float[] floats() {
    return floats;
  }

  /** For example {@code xor.weights: 2-2-1 (logistic, logistic; summed squared error), double, 9 parameters}. */
  @Override
  public String toString() {
    return source() + ": " + topology() + ", " + precision().displayName() + ", " + parameterCount() + " parameters";
  }
}
