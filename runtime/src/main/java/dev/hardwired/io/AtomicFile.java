package dev.hardwired.io;

import dev.hardwired.Checks;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Writes a file atomically: to a temporary file in the same folder, forced to the disk and moved over the
 * target in one step, so that the target holds either its previous content or the whole new file. Concurrent
 * writes to one target each write their own temporary file; the target ends up as one of them, whole. Weights
 * files, ONNX files and training checkpoints are written this way.
 *
 * <p><b>Threads.</b> Static methods that keep no state between calls: any thread may call them.
 */
public final class AtomicFile {
  /** What goes into the file; {@link #writeTo} is called on the thread that writes. */
  public interface Content {
    /** Writes the whole content to {@code out}; the stream is flushed and closed afterwards. */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Writes {@code content} to {@code target} atomically.
   *
   * @throws IOException when the file cannot be written; any previous {@code target} is then left intact and
   *     the temporary file is deleted
   * @throws IllegalArgumentException when {@code target} is null or names no file
   */
  public static void write(Path target, Content content) throws IOException {
    write(target, content, UnaryOperator.identity());
  }

  /**
   * Writes {@code content} to {@code target}, through {@code wrap}, with which tests inject failures.
   *
   * @throws IOException when the file cannot be written; any previous {@code target} is then left intact and
   *     the temporary file is deleted
   */
  static void write(Path target, Content content, UnaryOperator<OutputStream> wrap) throws IOException {
    if (target == null) {
      throw new IllegalArgumentException("target is null");
    }
    Checks.requireNonNull(content, "content", "what to write");
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    if (folder == null || absolute.getFileName() == null) {
      throw new IllegalArgumentException(target + " names no file");
    }
    String name = absolute.getFileName().toString();
    Path temporary = null;
    boolean moved = false;
    try {
      FileChannel channel = null;
      while (channel == null) {
        temporary = folder.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4) + ".tmp");
        try {
          // CREATE_NEW, not createTempFile: the file gets the folder's usual permissions, not 0600.
          channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
          temporary = null;
        }
      }
      try (FileChannel open = channel) {
        OutputStream out = wrap.apply(new BufferedOutputStream(Channels.newOutputStream(open), 1 << 16));
        content.writeTo(out);
        out.flush();
        open.force(true);
      }
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // A file system that cannot rename atomically: the best it offers.
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
      forceFolder(folder);
    } finally {
      if (!moved && temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException | RuntimeException e) {
          // The first failure is the one to report; this one only leaves a hidden temporary file behind.
        }
      }
    }
  }

  /**
   * Forces the folder's entry for the moved file to the disk where the platform allows it (Linux and macOS
   * do; Windows cannot open a folder this way, and commits the rename itself).
   */
  private static void forceFolder(Path folder) {
    try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException | RuntimeException e) {
      // The file is complete and in place; only its durability across a power cut is up to the platform.
    }
  }
}
