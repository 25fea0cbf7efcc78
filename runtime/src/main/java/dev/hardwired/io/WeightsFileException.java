package dev.hardwired.io;

import java.io.IOException;

/**
 * A weights file that cannot be read, or that does not fit the network it is loaded into. The message names
 * the file, the line at fault and what was expected there against what was found, for example {@code
 * xor.weights, line 2: expected layers 2-2-1 (the network's), found layers 2-3-1}.
 *
 * <p><b>Threads.</b> Its message and fields are fixed when it is made, so any thread it is handed to may read
 * it.
 */
public final class WeightsFileException extends IOException {
  // IOException is Serializable; Hardwired never serialises anything, this only keeps -Xlint:serial quiet.
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  WeightsFileException(String file, int line, String detail) {
    this(file, line, detail, null);
  }

  WeightsFileException(String file, int line, String detail, Throwable cause) {
    super(file + (line > 0 ? ", line " + line : "") + ": " + detail, cause);
    this.file = file;
    this.line = line;
  }

  /** The file as it was named: the path given to {@link WeightsFile}, or the source name given with a stream. */
  public String file() {
    return file;
  }

  /** The line at fault, counting from 1; 0 when no line is to blame (a file that does not exist). */
  public int line() {
    return line;
  }
}
