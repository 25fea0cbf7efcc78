package dev.hardwired.processor.model;

import com.palantir.javapoet.ClassName;
import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable description of one declared network: everything the writers need, computed once. The
 * parameter layout comes from the runtime's {@link Topology}, so generated and reference networks agree
 * by construction.
 */
public final class NetworkModel {
  /**
   * The most parameters a network written out as straight-line code may have: its train method, the
   * largest, then stays under {@link #METHOD_BYTES_LIMIT} bytes of bytecode. The worst shape measured, a
   * chain of 80 one-neuron layers with 160 parameters, compiles to 6,883 bytes; the tests check the
   * compiled class files of shapes at this limit.
   */
  public static final int MAX_UNROLLED_PARAMETERS = 160;

  /** HotSpot does not JIT-compile a method whose bytecode is longer than this. */
  public static final int METHOD_BYTES_LIMIT = 8000;

  private final ClassName declaredType;
  private final boolean declaredInterface;
  private final boolean declaredDeprecated;
  private final ClassName generatedType;
  private final Topology topology;
  private final List<Layer> layers;

  private NetworkModel(
      ClassName declaredType,
      boolean declaredInterface,
      boolean declaredDeprecated,
      ClassName generatedType,
      Topology topology) {
    this.declaredType = declaredType;
    this.declaredInterface = declaredInterface;
    this.declaredDeprecated = declaredDeprecated;
    this.generatedType = generatedType;
    this.topology = topology;
    List<Layer> layers = new ArrayList<>();
    int last = topology.layerCount();
    layers.add(new Layer(0, topology.inputs(), null, Layer.Role.INPUT, 0, false, -1, -1));
    for (int l = 1; l <= last; l++) {
      layers.add(
          new Layer(
              l,
              topology.size(l),
              topology.activation(l),
              l == last ? Layer.Role.OUTPUT : Layer.Role.HIDDEN,
              l,
              last == 2,
              topology.weightOffset(l),
              topology.biasOffset(l)));
    }
    this.layers = Collections.unmodifiableList(layers);
  }

  /**
   * The model of a valid declaration.
   *
   * @param declaredInterface whether the generated class implements (rather than extends) the declared type
   * @param declaredDeprecated whether the declared type is deprecated, and so the generated class too
   */
  public static NetworkModel of(
      ClassName declaredType,
      boolean declaredInterface,
      boolean declaredDeprecated,
      String generatedSimpleName,
      Topology topology) {
    return new NetworkModel(
        declaredType,
        declaredInterface,
        declaredDeprecated,
        ClassName.get(declaredType.packageName(), generatedSimpleName),
        topology);
  }

  /** The annotated interface or abstract class. */
  public ClassName declaredType() {
    return declaredType;
  }

  /** Whether the generated class implements (rather than extends) the declared type. */
  public boolean declaredInterface() {
    return declaredInterface;
  }

  public boolean declaredDeprecated() {
    return declaredDeprecated;
  }

  /** The class to generate, in the declared type's package. */
  public ClassName generatedType() {
    return generatedType;
  }

  public Topology topology() {
    return topology;
  }

  /** All layers, from the inputs (index 0) to the outputs. */
  public List<Layer> layers() {
    return layers;
  }

  public Layer outputLayer() {
    return layers.get(layers.size() - 1);
  }

  public Loss loss() {
    return topology.loss();
  }

  public int parameterCount() {
    return topology.parameterCount();
  }

  /** The classic name of the weights into {@code layer}: ItoH, HtoH, HtoO or ItoO. */
  public String weightsName(Layer layer) {
    Layer from = layers.get(layer.index() - 1);
    return from.letter().charAt(0) + "to" + layer.letter().charAt(0);
  }

  /** Whether any layer uses the given activation. */
  public boolean uses(Activation activation) {
    for (Layer layer : layers) {
      if (layer.activation() == activation) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the output pre-activations SpreA,O need locals of their own: every loss but squared error
   * computes from them (softmax, the stable cross-entropies, the perceptron criterion).
   */
  public boolean keepsOutputPreActivation() {
    return loss() != Loss.SQUARED_ERROR;
  }
}
