package dev.hardwired.io;

import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Writes a network as a standard ONNX model, for ONNX Runtime, Netron, PyTorch or any other tool that reads
 * ONNX: opset {@value OnnxWriter#OPSET}, one {@code Gemm} per layer followed by its activation, the
 * parameters as initializers in the network's precision ({@code double} or {@code float}), the input named
 * {@code input} and the output {@code output}, each a tensor of one row per sample. Opset 13 has no GELU
 * node, so the GELUs are written out as PyTorch writes them at opset 13: {@code Div} by √2, {@code Erf},
 * {@code Add}, {@code Mul}, {@code Mul} for {@code GELU}, nine nodes around a {@code Tanh} for {@code
 * GELU_TANH}.
 *
 * <pre>{@code
 * Onnx.save(net, Paths.get("wine.onnx"));  // atomic: the old file or the new one, never half
 * }</pre>
 *
 * <p>{@link #load(Path, TrainableNetwork)} reads such a model back into a network, and also what other tools
 * write for a fully connected network: {@code torch.onnx.export} of a {@code Sequential} of {@code Linear}
 * layers and activations, skl2onnx's export of scikit-learn's {@code MLPClassifier} and {@code MLPRegressor}
 * (its label post-processing left out), tf2onnx's export of a Keras {@code Sequential} of {@code Dense}
 * layers, or any graph of {@code Gemm} (or {@code MatMul} and {@code Add})
 * layers, each followed by at most one activation (the GELUs as PyTorch spells them out, their constants as
 * {@code Constant} nodes or initializers). So a network trained in Python can be fine-tuned by the
 * trainer, and {@link #read(Path)} gives what {@code @Frozen} compiles from such a model.
 *
 * <p>The model computes what {@code predict} computes, in the same precision; other runtimes sum in their
 * own order, so their outputs can differ in the last bits. The loss, which is not part of the inference
 * graph, is kept in the model's metadata ({@code hardwired.topology}, {@code hardwired.loss}). The layout,
 * node by node, is in {@code docs/interop.md}.
 *
 * <p><b>Threads.</b> Static methods that keep no state between calls: any thread may call them, as long as
 * the network saved or loaded is not used by another thread meanwhile: {@code save} reads its parameters and
 * {@code load} writes them.
 */
public final class Onnx {
  /** How messages name what this class writes. */
  private static final String HOLDS = "an ONNX model";

  private Onnx() {}

  /**
   * Saves a double-precision network as an ONNX model, atomically, as {@link WeightsFile#save(TrainableNetwork,
   * Path)} does: {@code target} holds either its previous content or the whole new model.
   *
   * @throws IOException when the file cannot be written; any previous {@code target} is then left intact
   * @throws IllegalArgumentException when a parameter is not finite; nothing is written then
   */
  public static void save(TrainableNetwork network, Path target) throws IOException {
    save(network, target, UnaryOperator.identity());
  }

  /** {@link #save(TrainableNetwork, Path)} for a single-precision network: a model of {@code float} tensors. */
  public static void save(TrainableFloatNetwork network, Path target) throws IOException {
    save(model(network), target, UnaryOperator.identity());
  }

  /**
   * Writes the ONNX model of a double-precision network to {@code out}, flushes it and leaves it open.
   *
   * @throws IllegalArgumentException when a parameter is not finite; nothing is written then
   */
  public static void write(TrainableNetwork network, OutputStream out) throws IOException {
    requireStream(out);
    out.write(model(network));
    out.flush();
  }

  /** {@link #write(TrainableNetwork, OutputStream)} for a single-precision network. */
  public static void write(TrainableFloatNetwork network, OutputStream out) throws IOException {
    requireStream(out);
    out.write(model(network));
    out.flush();
  }

  /**
   * The ONNX model of a double-precision network as bytes, as {@link #write(TrainableNetwork, OutputStream)}
   * writes them: for a runtime that takes a model from memory.
   */
  public static byte[] model(TrainableNetwork network) {
    return OnnxWriter.model(Snapshot.of(network, HOLDS), graphName(network));
  }

  /** {@link #model(TrainableNetwork)} for a single-precision network. */
  public static byte[] model(TrainableFloatNetwork network) {
    return OnnxWriter.model(Snapshot.of(network, HOLDS), graphName(network));
  }

  /**
   * Sets a double-precision network's parameters from an ONNX model. The model's layers, activations and
   * type are checked against the network first; a float model is widened exactly. Only then are the
   * parameters set.
   *
   * @throws OnnxFileException when the file cannot be read, is not an ONNX model, is not a fully connected
   *     network (naming the first node that is not), or does not fit the network (naming what differs); the
   *     network is then unchanged
   */
  public static void load(Path file, TrainableNetwork network) throws OnnxFileException {
    requireNetwork(network);
    network.setParameters(fit(read(file), network.topology(), Precision.DOUBLE));
  }

  /**
   * {@link #load(Path, TrainableNetwork)} for a single-precision network, which takes float models only: a
   * double model would be rounded.
   */
  public static void load(Path file, TrainableFloatNetwork network) throws OnnxFileException {
    requireNetwork(network);
    network.setParameters(narrow(fit(read(file), network.topology(), Precision.FLOAT)));
  }

  /** {@link #load(Path, TrainableNetwork)} from a stream, read to its end and left open; {@code sourceName} names it. */
  public static void load(InputStream in, String sourceName, TrainableNetwork network) throws OnnxFileException {
    requireNetwork(network);
    network.setParameters(fit(read(in, sourceName), network.topology(), Precision.DOUBLE));
  }

  /** {@link #load(Path, TrainableFloatNetwork)} from a stream, read to its end and left open. */
  public static void load(InputStream in, String sourceName, TrainableFloatNetwork network) throws OnnxFileException {
    requireNetwork(network);
    network.setParameters(narrow(fit(read(in, sourceName), network.topology(), Precision.FLOAT)));
  }

  /** {@link #save(TrainableNetwork, Path)} through {@code wrap}, with which tests inject failures. */
  static void save(TrainableNetwork network, Path target, UnaryOperator<OutputStream> wrap) throws IOException {
    save(model(network), target, wrap);
  }

  private static void save(byte[] model, Path target, UnaryOperator<OutputStream> wrap) throws IOException {
    AtomicFile.write(target, out -> out.write(model), wrap);
  }

  /** The network's class name, such as {@code WineNetwork}, which tools show as the graph's name. */
  private static String graphName(Object network) {
    String name = network.getClass().getSimpleName();
    return name.isEmpty() ? "network" : name;
  }

  /**
   * Reads an ONNX model as a fully connected network, without a network to load it into: its layers,
   * activations, precision and parameters.
   *
   * @throws OnnxFileException when the file cannot be read, is not an ONNX model, or is not a fully
   *     connected network Hardwired can load (naming the first node that is not)
   */
  public static OnnxModel read(Path file) throws OnnxFileException {
    if (file == null) {
      throw new IllegalArgumentException("file is null");
    }
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new OnnxFileException(name, "", "expected an ONNX model, found no file at this path", e);
    } catch (IOException e) {
      throw new OnnxFileException(name, "", "cannot read the file: " + e, e);
    }
    return OnnxReader.read(bytes, name);
  }

  /** {@link #read(Path)} from a stream, read to its end and left open; {@code sourceName} names it in messages. */
  public static OnnxModel read(InputStream in, String sourceName) throws OnnxFileException {
    if (in == null) {
      throw new IllegalArgumentException("in is null");
    }
    if (sourceName == null) {
      throw new IllegalArgumentException("sourceName is null");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    try {
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        bytes.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new OnnxFileException(sourceName, "", "cannot read the stream: " + e, e);
    }
    return OnnxReader.read(bytes.toByteArray(), sourceName);
  }

  /** The model's parameters, once its layers, activations and type fit the network. */
  private static double[] fit(OnnxModel model, Topology topology, Precision precision) throws OnnxFileException {
    model.requireFits(topology, precision, true, "the network's");
    return model.valuesForLoading();
  }

  private static float[] narrow(double[] values) {
    float[] narrow = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      narrow[i] = (float) values[i];
    }
    return narrow;
  }

  private static void requireNetwork(Object network) {
    if (network == null) {
      throw new IllegalArgumentException("network is null");
    }
  }

  private static void requireStream(OutputStream out) {
    if (out == null) {
      throw new IllegalArgumentException("out is null");
    }
  }
}
