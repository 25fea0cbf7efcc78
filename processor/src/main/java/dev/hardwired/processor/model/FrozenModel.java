package dev.hardwired.processor.model;

import com.palantir.javapoet.ClassName;
import dev.hardwired.Precision;

/**
 * An immutable description of one frozen class: the network it computes (its {@link NetworkModel}, whose
 * layer shapes it keeps, so that the frozen forward pass is the trainable one's, statement for statement),
 * the class to generate, and the trained parameters read from the weights file, in the canonical flat
 * order of {@code Topology}.
 */
public final class FrozenModel {
  /**
   * The most parameters a frozen class holds. Looped layers keep theirs as text, 11 bytes of class file
   * per double (6 per float); at this limit a double-precision class file is about 44 MB, and its source,
   * which javac must parse, twice that.
   */
  public static final int MAX_PARAMETERS = 4_000_000;

  private final NetworkModel network;
  private final ClassName frozenType;
  private final String resource;
  private final String checksum;
  private final boolean onnx;
  private final double[] values;

  /**
   * @param resource the weights file's resource name from the resource root, as the class comment names it
   * @param checksum the file's own checksum line, for the class comment, or {@code null}
   * @param onnx whether the file is an ONNX model rather than a weights file
   * @param values every parameter in the flat order; float files' values widened exactly
   */
  public FrozenModel(
      NetworkModel network, ClassName frozenType, String resource, String checksum, boolean onnx, double[] values) {
    if (values.length != network.parameterCount()) {
      throw new IllegalArgumentException(values.length + " values for " + network.parameterCount() + " parameters");
    }
    this.network = network;
    this.frozenType = frozenType;
    this.resource = resource;
    this.checksum = checksum;
    this.onnx = onnx;
    this.values = values.clone();
  }

  /** The declared network, with the shape of every layer. */
  public NetworkModel network() {
    return network;
  }

  /** The class to generate, in the declared type's package. */
  public ClassName frozenType() {
    return frozenType;
  }

  /** The weights file's resource name, from the resource root: {@code dev/hardwired/examples/xor.weights}. */
  public String resource() {
    return resource;
  }

  /** Whether the parameters come from an ONNX model rather than a weights file. */
  public boolean onnx() {
    return onnx;
  }

  /** The checksum line of the weights file, such as {@code checksum crc32 70e6b33f}, or {@code null}. */
  public String checksum() {
    return checksum;
  }

  public Precision precision() {
    return network.precision();
  }

  /** Parameter {@code index} of the flat order. */
  public double value(int index) {
    return values[index];
  }

  /**
   * Parameter {@code index} of the trainable class's array {@code p}, which holds the unrolled layers'
   * parameters one layer after another, each in the flat order.
   */
  public double storedValue(int index) {
    for (Layer layer : network.layers().subList(1, network.layers().size())) {
      if (!layer.looped()
          && index >= layer.storedWeightOffset()
          && index < layer.storedWeightOffset() + layer.parameterCount()) {
        return values[layer.weightOffset() + index - layer.storedWeightOffset()];
      }
    }
    throw new IndexOutOfBoundsException("p[" + index + "] is no parameter of an unrolled layer");
  }

  /** The weight from node {@code i} of the layer before into node {@code j} of {@code layer}. */
  public double weight(Layer layer, int i, int j) {
    return values[layer.weightOffset() + j * network.previous(layer).size() + i];
  }

  /** The bias of node {@code j} of {@code layer}. */
  public double bias(Layer layer, int j) {
    return values[layer.biasOffset() + j];
  }
}
