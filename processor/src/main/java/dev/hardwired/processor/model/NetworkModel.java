package dev.hardwired.processor.model;

import com.palantir.javapoet.ClassName;
import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable description of one declared network: everything the writers need, computed once. The
 * parameter layout comes from the runtime's {@link Topology}, so generated and reference networks agree
 * by construction.
 */
public final class NetworkModel {
  /**
   * The most parameters a network written out wholly as straight-line code may have: its train method, the
   * largest, then stays under {@link #METHOD_BYTES_LIMIT} bytes of bytecode. The worst shape measured, a
   * chain of 80 one-neuron layers with 160 parameters, compiles to 6,883 bytes; the tests check the
   * compiled class files of shapes at this limit.
   */
  public static final int MAX_UNROLLED_PARAMETERS = 160;

  /**
   * The most parameters the unrolled layers of a network that also has looped layers may have together:
   * less than {@link #MAX_UNROLLED_PARAMETERS}, because the train method also calls each looped layer's
   * methods and stores the unrolled values that a loop reads.
   */
  public static final int MAX_MIXED_UNROLLED_PARAMETERS = 120;

  /**
   * The most layers with parameters a network may have. Each layer adds about 26 entries to the generated
   * class's constant pool, which holds at most 65,535; at this depth it holds about 26,000.
   */
  public static final int MAX_LAYERS = 1000;

  /**
   * The most layers whose calls the API methods make themselves. A deeper network has every layer looped,
   * and the API methods call one method per {@code CHUNK_LAYERS} layers, which calls theirs: however deep
   * the network, no method grows past a few hundred bytes.
   */
  public static final int CHUNK_LAYERS = 32;

  /** The most parameters a network may have: all of them fit in one Java array. */
  public static final int MAX_PARAMETERS = Topology.MAX_PARAMETERS;

  /** HotSpot does not JIT-compile a method whose bytecode is longer than this. */
  public static final int METHOD_BYTES_LIMIT = 8000;

  private final ClassName declaredType;
  private final boolean declaredInterface;
  private final boolean declaredDeprecated;
  private final boolean declaredForRemoval;
  private final boolean declaredSerializable;
  private final ClassName generatedType;
  private final Topology topology;
  private final List<Layer> layers;
  private final int unrolledParameters;
  private final int parameterArrays;
  private final Precision precision;
  private final int unrollLimit;
  private final boolean strictMath;

  private NetworkModel(
      ClassName declaredType,
      boolean declaredInterface,
      boolean declaredDeprecated,
      ClassName generatedType,
      Topology topology,
      Precision precision,
      boolean strictMath,
      int unrollLimit,
      boolean declaredForRemoval,
      boolean declaredSerializable) {
    this.declaredType = declaredType;
    this.declaredForRemoval = declaredForRemoval;
    this.declaredSerializable = declaredSerializable;
    this.declaredInterface = declaredInterface;
    this.declaredDeprecated = declaredDeprecated;
    this.unrollLimit = unrollLimit;
    this.generatedType = generatedType;
    this.topology = topology;
    this.precision = precision;
    this.strictMath = strictMath;
    int last = topology.layerCount();
    Layer.Shape[] shapes = shapes(topology, unrollLimit);
    List<Layer> layers = new ArrayList<>();
    // The inputs are read from the input array itself where the first layer is looped.
    boolean inputArray = shapes[1] == Layer.Shape.LOOPED;
    layers.add(new Layer(0, topology.inputs(), null, Layer.Role.INPUT, 0, false, -1, -1, null, inputArray, -1, -1));
    int stored = 0;
    // parameterArrays(): p first where any layer is unrolled, then each looped layer's rows and biases.
    int arrays = Arrays.asList(shapes).contains(Layer.Shape.UNROLLED) ? 1 : 0;
    for (int l = 1; l <= last; l++) {
      boolean looped = shapes[l] == Layer.Shape.LOOPED;
      boolean nextLooped = l < last && shapes[l + 1] == Layer.Shape.LOOPED;
      layers.add(
          new Layer(
              l,
              topology.size(l),
              topology.activation(l),
              l == last ? Layer.Role.OUTPUT : Layer.Role.HIDDEN,
              l,
              last == 2,
              topology.weightOffset(l),
              topology.biasOffset(l),
              shapes[l],
              looped || nextLooped,
              looped ? -1 : stored,
              looped ? arrays : 0));
      if (looped) {
        arrays += topology.size(l - 1) + 1;
      } else {
        stored += (topology.size(l - 1) + 1) * topology.size(l);
      }
    }
    this.unrolledParameters = stored;
    this.parameterArrays = arrays;
    this.layers = Collections.unmodifiableList(layers);
  }

  /**
   * The model of a valid declaration.
   *
   * @param declaredInterface whether the generated class implements (rather than extends) the declared type
   * @param declaredDeprecated whether the declared type is deprecated, and so the generated class too
   * @param strictMath whether {@code exp}, {@code tanh}, {@code log} and {@code log1p} are {@code
   *     StrictMath}'s rather than {@code Math}'s: see {@link #strictMath()}
   * @param unrollLimit the most parameters written out as straight-line code: {@link
   *     #MAX_UNROLLED_PARAMETERS} unless a test or benchmark asks for fewer (0 loops every layer)
   */
  public static NetworkModel of(
      ClassName declaredType,
      boolean declaredInterface,
      boolean declaredDeprecated,
      String generatedSimpleName,
      Topology topology,
      Precision precision,
      boolean strictMath,
      int unrollLimit) {
    return new NetworkModel(
        declaredType,
        declaredInterface,
        declaredDeprecated,
        ClassName.get(declaredType.packageName(), generatedSimpleName),
        topology,
        precision,
        strictMath,
        unrollLimit,
        false,
        false);
  }

  /**
   * The shape of each layer (index 1 up): every layer unrolled when the whole network fits in {@code
   * unrollLimit} parameters, the fastest code for small networks. Otherwise, from the output layer back,
   * a layer is unrolled while its parameters fit in what is left of the smaller mixed budget, and looped
   * when they do not: the small layers near the outputs of a large network stay straight-line code, the
   * large layers become loops. A network of more than {@link #CHUNK_LAYERS} layers is looped whole.
   */
  static Layer.Shape[] shapes(Topology topology, int unrollLimit) {
    int last = topology.layerCount();
    Layer.Shape[] shapes = new Layer.Shape[last + 1];
    long total = topology.parameterCount();
    long budget = total <= unrollLimit ? total : Math.min(unrollLimit, MAX_MIXED_UNROLLED_PARAMETERS);
    if (last > CHUNK_LAYERS) {
      budget = 0; // calls to chunks of layers have no place for straight-line code between them
    }
    for (int l = last; l >= 1; l--) {
      long parameters = ((long) topology.size(l - 1) + 1) * topology.size(l);
      if (parameters <= budget) {
        shapes[l] = Layer.Shape.UNROLLED;
        budget -= parameters;
      } else {
        shapes[l] = Layer.Shape.LOOPED;
      }
    }
    return shapes;
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

  /** Whether the declared type is deprecated for removal, which even a deprecated class using it warns of. */
  public boolean declaredForRemoval() {
    return declaredForRemoval;
  }

  /** Whether the declared type is {@code Serializable}, and so the generated class, which then needs its serialVersionUID. */
  public boolean declaredSerializable() {
    return declaredSerializable;
  }

  /** This model, of a declared type that is deprecated for removal or serializable as given. */
  public NetworkModel declared(boolean forRemoval, boolean serializable) {
    return new NetworkModel(
        declaredType,
        declaredInterface,
        declaredDeprecated,
        generatedType,
        topology,
        precision,
        strictMath,
        unrollLimit,
        forRemoval,
        serializable);
  }

  /** The class to generate, in the declared type's package. */
  public ClassName generatedType() {
    return generatedType;
  }

  public Topology topology() {
    return topology;
  }

  /** The number type of the parameters, the arithmetic and the API. */
  public Precision precision() {
    return precision;
  }

  /**
   * Whether the declaration asks for {@code strictMath = true}: every call of a function whose result the
   * JVM may choose ({@code exp}, {@code tanh}, {@code log}, {@code log1p}) is then {@code StrictMath}'s,
   * in the trainable class and in its frozen class, so that they give the same bits on every JVM. The
   * exact functions ({@code max}, {@code abs}) stay {@code Math}'s either way.
   */
  public boolean strictMath() {
    return strictMath;
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

  /** Number of parameters of the unrolled layers, held in the generated array {@code p}. */
  public int unrolledParameterCount() {
    return unrolledParameters;
  }

  /** Number of arrays that hold the parameters: {@code p}, if any layer is unrolled, and each looped row and bias array. */
  public int parameterArrayCount() {
    return parameterArrays;
  }

  /** Whether every layer is unrolled: the whole network is straight-line code over one array. */
  public boolean fullyUnrolled() {
    return unrolledParameters == topology.parameterCount();
  }

  /**
   * Whether the API methods call chunks of {@link #CHUNK_LAYERS} layers rather than each layer's methods:
   * for networks of more layers than that, all of them looped.
   */
  public boolean chunked() {
    return topology.layerCount() > CHUNK_LAYERS;
  }

  /** Whether every layer is looped. */
  public boolean fullyLooped() {
    return unrolledParameters == 0;
  }

  /** Whether any layer is looped. */
  public boolean anyLooped() {
    return !fullyUnrolled();
  }

  /** {@code layers} in runs of {@link #CHUNK_LAYERS}, in their order: what one chunk method visits. */
  public static List<List<Layer>> chunks(List<Layer> layers) {
    List<List<Layer>> chunks = new ArrayList<>();
    for (int from = 0; from < layers.size(); from += CHUNK_LAYERS) {
      chunks.add(layers.subList(from, Math.min(layers.size(), from + CHUNK_LAYERS)));
    }
    return chunks;
  }

  /** The name of the method that does {@code verb} for a chunk of layers: {@code forwardLayers1To32}. */
  public static String chunkName(String verb, List<Layer> chunk) {
    return verb + "Layers" + chunk.get(0).index() + "To" + chunk.get(chunk.size() - 1).index();
  }

  /** The layer before {@code layer}. */
  public Layer previous(Layer layer) {
    return layers.get(layer.index() - 1);
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

  /**
   * Whether {@code layer}'s pre-activations SpreA are kept beside its post-activations, in locals or in an
   * array: at the output where the loss needs them ({@link #keepsOutputPreActivation()}), and wherever
   * fA′ needs SpreA ({@link Activation#needsPreActivation()}: SiLU and GELU).
   */
  public boolean keepsPreActivations(Layer layer) {
    return layer.isOutput() && keepsOutputPreActivation()
        || layer.activation() != null && layer.activation().needsPreActivation();
  }
}
