package dev.hardwired.io;

import dev.hardwired.Activation;
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import java.util.Arrays;

/**
 * What an ONNX model holds, read as a fully connected network without a network to load it into: its layer
 * sizes, the activation of each layer, its precision and every parameter in the flat order of {@link
 * Topology}. Immutable; every array it returns is a new copy. {@link Onnx#read} gives one, after every check
 * of the model itself has passed.
 *
 * <p>A tool that turns a trained model into code holds it to its own declaration with {@link
 * #requireMatches}, which names what differs and the node where it does.
 *
 * <p><b>Threads.</b> Immutable: safe to share between threads.
 */
public final class OnnxModel {
  private final String source;
  private final Precision precision;
  private final int[] sizes;
  // From index 1, as Topology numbers the layers.
  private final Activation[] activations;
  private final String[] nodes;
  private final double[] values;

  OnnxModel(String source, Precision precision, int[] sizes, Activation[] activations, String[] nodes, double[] values) {
    this.source = source;
    this.precision = precision;
    this.sizes = sizes;
    this.activations = activations;
    this.nodes = nodes;
    this.values = values;
  }

  /** The model as it was named: the path given to {@link Onnx#read(java.nio.file.Path)}, or the source name. */
  public String source() {
    return source;
  }

  /** {@link Precision#DOUBLE} for a model of double tensors, {@link Precision#FLOAT} for float ones. */
  public Precision precision() {
    return precision;
  }

  /** The layer sizes from the inputs to the outputs, as a new array. */
  public int[] sizes() {
    return sizes.clone();
  }

  /** The activation of layer {@code l}, from 1 (the first hidden layer, or the output) to the output layer. */
  public Activation activation(int l) {
    if (l < 1 || l >= sizes.length) {
      throw new IndexOutOfBoundsException("layer " + l + " does not exist; " + source + " has layers 1.." + (sizes.length - 1));
    }
    return activations[l];
  }

  /**
   * Every parameter, in the flat order of {@link Topology}, in a new array: a float model's values widened
   * exactly, so that {@code (float) values()[i]} gives back the float.
   */
  public double[] values() {
    return values.clone();
  }

  /** For example {@code 4-8-3}. */
  public String shape() {
    StringBuilder shape = new StringBuilder();
    for (int size : sizes) {
      shape.append(shape.length() == 0 ? "" : "-").append(size);
    }
    return shape.toString();
  }

  /**
   * Checks the model against a network's shape: the layers, each layer's activation, then the precision,
   * which must be the same.
   *
   * @throws OnnxFileException naming the first difference, and the node of the layer where it is
   * @throws IllegalArgumentException when {@code topology} or {@code precision} is null
   */
  public void requireMatches(Topology topology, Precision precision) throws OnnxFileException {
    if (topology == null || precision == null) {
      throw new IllegalArgumentException(topology == null ? "topology is null" : "precision is null");
    }
    requireFits(topology, precision, false, "as required");
    if (this.precision != precision) {
      throw new OnnxFileException(source, "", "expected a " + precision.displayName() + " model (as required), found "
          + this.precision.displayName() + " tensors");
    }
  }

  /**
   * Checks the layers and activations against {@code topology}, then that the model's values can go into a
   * network of {@code precision} without rounding ({@code widen}: a float model into a double network).
   */
  void requireFits(Topology topology, Precision precision, boolean widen, String whose) throws OnnxFileException {
    if (!Arrays.equals(sizes, topology.sizes())) {
      throw new OnnxFileException(source, "", "expected layers " + topology.shape() + " (" + whose + "), found layers " + shape());
    }
    for (int l = 1; l < sizes.length; l++) {
      Activation expected = topology.activation(l);
      Activation found = activations[l];
      if (found != expected) {
        boolean logits = l == sizes.length - 1 && found == Activation.IDENTITY
            && (expected == Activation.SOFTMAX || expected == Activation.LOGISTIC);
        throw new OnnxFileException(source, nodes[l],
            "expected layer " + l + " to end in " + expected.displayName() + " (" + whose + "), found "
                + found.displayName() + (found == Activation.IDENTITY ? " (no activation)" : "")
                + (logits
                    ? "; a model trained on logits (CrossEntropyLoss, BCEWithLogitsLoss) needs its "
                        + (expected == Activation.SOFTMAX ? "Softmax" : "Sigmoid") + " added before export"
                    : ""));
      }
    }
    if (widen && precision == Precision.FLOAT && this.precision == Precision.DOUBLE) {
      throw new OnnxFileException(source, "",
          "the model is double; expected float, the network's precision (a double model would be rounded: load "
              + "it into a double network, or export it in float32)");
    }
  }

  /** The values, without a copy, for loading. */
  double[] valuesForLoading() {
    return values;
  }

  /** For example {@code iris.onnx: 4-8-3 (tanh, softmax), float}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(source + ": " + shape() + " (");
    for (int l = 1; l < sizes.length; l++) {
      text.append(l == 1 ? "" : ", ").append(activations[l].displayName());
    }
    return text.append("), ").append(precision.displayName()).toString();
  }
}
