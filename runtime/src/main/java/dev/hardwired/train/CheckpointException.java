package dev.hardwired.train;

import java.nio.file.Path;

/**
 * A training checkpoint could not be written, or was refused: it cannot be read, is damaged, is of another
 * format version, or belongs to another network, trainer configuration, data set or starting point. The
 * message names the file and says what was expected and what was found. A refused checkpoint changes
 * nothing: the network keeps its parameters.
 *
 * <p><b>Threads.</b> Its message and fields are fixed when it is made, so any thread it is handed to may read
 * it.
 */
public final class CheckpointException extends RuntimeException {
  // RuntimeException is Serializable; Hardwired never serialises anything, this only keeps -Xlint:serial quiet.
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  CheckpointException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  CheckpointException(Path file, String message) {
    this(file, message, null);
  }

  /** The checkpoint file. */
  public Path file() {
    return file;
  }
}
