package dev.hardwired.io;

import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Writes a network as a standard ONNX model, for ONNX Runtime, Netron, PyTorch or any other tool that reads
 * ONNX: opset {@value OnnxWriter#OPSET}, one {@code Gemm} per layer followed by its activation, the
 * parameters as initializers in the network's precision ({@code double} or {@code float}), the input named
 * {@code input} and the output {@code output}, each a tensor of one row per sample.
 *
 * <pre>{@code
 * Onnx.save(net, Paths.get("wine.onnx"));  // atomic: the old file or the new one, never half
 * }</pre>
 *
 * <p>The model computes what {@code predict} computes, in the same precision; other runtimes sum in their
 * own order, so their outputs can differ in the last bits. The loss, which is not part of the inference
 * graph, is kept in the model's metadata ({@code hardwired.topology}, {@code hardwired.loss}). The layout,
 * node by node, is in {@code docs/onnx.md}.
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
    byte[] model = model(network);
    AtomicFile.write(target, out -> out.write(model), UnaryOperator.identity());
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

  /** {@link #save(TrainableNetwork, Path)} through {@code wrap}, with which tests inject failures. */
  static void save(TrainableNetwork network, Path target, UnaryOperator<OutputStream> wrap) throws IOException {
    byte[] model = model(network);
    AtomicFile.write(target, out -> out.write(model), wrap);
  }

  /** The network's class name, such as {@code WineNetwork}, which tools show as the graph's name. */
  private static String graphName(Object network) {
    String name = network.getClass().getSimpleName();
    return name.isEmpty() ? "network" : name;
  }

  private static void requireStream(OutputStream out) {
    if (out == null) {
      throw new IllegalArgumentException("out is null");
    }
  }
}
