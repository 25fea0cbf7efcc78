package dev.hardwired.io;

import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Saves a network's parameters to a weights file and loads them back: a versioned UTF-8 text file with a
 * header (format and version, layers, activations, loss, precision, parameter count), every parameter in
 * the flat order of {@link dev.hardwired.Topology}, written so that it reads back bit for bit, and a CRC-32.
 * The format, line by line, is in {@code docs/weights-file.md}.
 *
 * <pre>{@code
 * WeightsFile.save(net, Paths.get("xor.weights"));      // atomic: the old file or the new one, never half
 * XorNetwork restored = XorNetwork.seeded(0);
 * WeightsFile.load(Paths.get("xor.weights"), restored);  // checked against restored's topology first
 * }</pre>
 *
 * <p>Loading checks everything before it changes anything: a file that is damaged, truncated, of another
 * version, or written for another shape or precision throws a {@link WeightsFileException} naming the file,
 * the line and what was expected there, and leaves the network as it was. A file loads only into a network
 * of its own precision.
 *
 * <p><b>Threads.</b> Static methods that keep no state between calls: any thread may call them, as long as
 * the network saved or loaded is not used by another thread meanwhile: {@code save} reads its parameters and
 * {@code load} writes them.
 */
public final class WeightsFile {
  /** The first word of every weights file. */
  public static final String MAGIC = "hardwired-weights";

  /** The format version this class writes and the only one it reads. */
  public static final int VERSION = 1;

  /** How messages name what this class writes. */
  private static final String HOLDS = "a weights file";

  private WeightsFile() {}

  /**
   * Saves the parameters of a double-precision network to {@code target}, atomically: the file is written
   * to a temporary file in the same folder, forced to the disk and moved over {@code target} in one step,
   * so that {@code target} holds either its previous content or the whole new file. Concurrent saves to one
   * target each write their own temporary file; the target ends up as one of them, whole.
   *
   * @throws IOException when the file cannot be written; any previous {@code target} is then left intact and
   *     the temporary file is deleted
   * @throws IllegalArgumentException when a parameter is not finite
   */
  public static void save(TrainableNetwork network, Path target) throws IOException {
    save(network, target, UnaryOperator.identity());
  }

  /** {@link #save(TrainableNetwork, Path)} for a single-precision network: a {@code precision FLOAT} file. */
  public static void save(TrainableFloatNetwork network, Path target) throws IOException {
    save(target, snapshot(network), UnaryOperator.identity());
  }

  /**
   * Writes the weights file of a double-precision network to {@code out}, flushes it and leaves it open.
   *
   * @throws IllegalArgumentException when a parameter is not finite; nothing is written then
   */
  public static void write(TrainableNetwork network, OutputStream out) throws IOException {
    requireStream(out);
    WeightsWriter.write(snapshot(network), out);
  }

  /** {@link #write(TrainableNetwork, OutputStream)} for a single-precision network. */
  public static void write(TrainableFloatNetwork network, OutputStream out) throws IOException {
    requireStream(out);
    WeightsWriter.write(snapshot(network), out);
  }

  /**
   * Reads and checks a weights file without a network: its format, version, header, every number and the
   * checksum.
   *
   * @throws WeightsFileException when the file does not exist, cannot be read, or is not a valid weights
   *     file of version {@value #VERSION}
   */
  public static Weights read(Path file) throws WeightsFileException {
    return read(file, null, null);
  }

  /**
   * {@link #read(Path)} from a stream, which is read up to the end of the weights file (or the first error)
   * and left open.
   *
   * @param sourceName how messages name the stream, such as a file name or a resource
   */
  public static Weights read(InputStream in, String sourceName) throws WeightsFileException {
    requireSource(in, sourceName);
    return WeightsReader.read(in, sourceName, null, null, null);
  }

  /**
   * Loads a weights file into a double-precision network. The header is checked against the network's
   * topology and precision as soon as it is read, then every value and the checksum; only then are the
   * parameters set.
   *
   * @throws WeightsFileException when the file cannot be read, is not valid, or was written for another
   *     topology or for {@code FLOAT}; the network is then unchanged
   */
  public static void load(Path file, TrainableNetwork network) throws WeightsFileException {
    requireNetwork(network);
    network.setParameters(read(file, network.topology(), Precision.DOUBLE).doubles());
  }

  /** {@link #load(Path, TrainableNetwork)} for a single-precision network, which takes {@code FLOAT} files only. */
  public static void load(Path file, TrainableFloatNetwork network) throws WeightsFileException {
    requireNetwork(network);
    network.setParameters(read(file, network.topology(), Precision.FLOAT).floats());
  }

  /** {@link #load(Path, TrainableNetwork)} from a stream, which is left open; {@code sourceName} names it in messages. */
  public static void load(InputStream in, String sourceName, TrainableNetwork network) throws WeightsFileException {
    requireSource(in, sourceName);
    requireNetwork(network);
    network.setParameters(
        WeightsReader.read(in, sourceName, network.topology(), Precision.DOUBLE, "the network's").doubles());
  }

  /** {@link #load(Path, TrainableFloatNetwork)} from a stream, which is left open; {@code sourceName} names it in messages. */
  public static void load(InputStream in, String sourceName, TrainableFloatNetwork network) throws WeightsFileException {
    requireSource(in, sourceName);
    requireNetwork(network);
    network.setParameters(
        WeightsReader.read(in, sourceName, network.topology(), Precision.FLOAT, "the network's").floats());
  }

  // ------------------------------------------------------------------------------------------ internals

  private static Weights read(Path file, Topology expected, Precision precision) throws WeightsFileException {
    if (file == null) {
      throw new IllegalArgumentException("file is null");
    }
    String name = file.toString();
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new WeightsFileException(name, 0, "expected a weights file, found no file at this path", e);
    } catch (IOException e) {
      throw new WeightsFileException(name, 0, "cannot open the file: " + e, e);
    }
    try {
      return WeightsReader.read(in, name, expected, precision, "the network's");
    } finally {
      try {
        in.close();
      } catch (IOException ignored) {
        // Everything has been read and checked: a failure to close a file opened for reading loses nothing.
      }
    }
  }

  /**
   * {@link #save(TrainableNetwork, Path)} with the stream to the temporary file passed through {@code wrap}:
   * tests inject failures with it.
   */
  static void save(TrainableNetwork network, Path target, UnaryOperator<OutputStream> wrap) throws IOException {
    save(target, snapshot(network), wrap);
  }

  private static void save(Path target, Snapshot snapshot, UnaryOperator<OutputStream> wrap) throws IOException {
    AtomicFile.write(target, out -> WeightsWriter.write(snapshot, out), wrap);
  }

  private static Snapshot snapshot(TrainableNetwork network) {
    return Snapshot.of(network, HOLDS);
  }

  private static Snapshot snapshot(TrainableFloatNetwork network) {
    return Snapshot.of(network, HOLDS);
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

  private static void requireSource(InputStream in, String sourceName) {
    if (in == null) {
      throw new IllegalArgumentException("in is null");
    }
    if (sourceName == null) {
      throw new IllegalArgumentException("sourceName is null");
    }
  }
}
