package dev.hardwired.examples;

import dev.hardwired.io.WeightsFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The build's training step for the frozen digits: trains {@link DigitsExample}'s network from its fixed
 * seeds and saves its weights where the compiler's second pass finds them, so that {@code @Frozen(weights =
 * "digits.weights")} compiles them into {@code DigitsFrozen}. Maven runs it between the two compiler
 * passes of this module (see {@code pom.xml}).
 */
public final class FreezeDigits {
  /** The weights file, relative to the class output folder: beside this package's classes. */
  static final String WEIGHTS = "dev/hardwired/examples/digits.weights";

  private FreezeDigits() {}

  /** Trains, then saves the weights file under the class output folder {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: FreezeDigits <class output folder>");
    }
    Path file = Paths.get(args[0]).resolve(WEIGHTS);
    DigitsExample.Trained trained = DigitsExample.train(DigitsExample.EPOCHS);
    WeightsFile.save(trained.network, file);
    System.out.println("Saved the weights of " + trained.network + " to " + file);
    // The compiler does not see a changed resource: without the class of the declaration, the second pass
    // compiles it again, and the processor freezes these weights rather than those of an earlier build.
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(file.getParent(), "{FrozenDigits,DigitsFrozen}*.class")) {
      for (Path old : stale) {
        Files.delete(old);
      }
    }
  }
}
