package dev.hardwired.io;

import java.io.IOException;

/**
 * An ONNX model that cannot be read, that is not a fully connected network Hardwired can load, or that does
 * not fit the network it is loaded into. The message names the file, the node at fault when there is one, and
 * what was expected against what was found, for example {@code iris.onnx, node /2/Gemm: expected 8 inputs to
 * layer 2 (the network's), found 16}.
 *
 * <p><b>Threads.</b> Its message and fields are fixed when it is made, so any thread it is handed to may read
 * it.
 */
public final class OnnxFileException extends IOException {
  // IOException is Serializable; Hardwired never serialises anything, this only keeps -Xlint:serial quiet.
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String node;

  OnnxFileException(String file, String node, String detail) {
    this(file, node, detail, null);
  }

  OnnxFileException(String file, String node, String detail, Throwable cause) {
    super(file + (node.isEmpty() ? "" : ", node " + node) + ": " + detail, cause);
    this.file = file;
    this.node = node;
  }

  /** The file as it was named: the path given to {@link Onnx}, or the source name given with a stream. */
  public String file() {
    return file;
  }

  /** The name of the node at fault (its operator when it has no name); empty when no node is to blame. */
  public String node() {
    return node;
  }
}
