package dev.hardwired.examples;

import dev.hardwired.Loss;
import dev.hardwired.data.DataSet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes the pictures of one training of a network with two inputs and one output, which went on until
 * the network solved its task, as PNG files named after a prefix: {@code <prefix>-boundary-0500.png} for
 * each recorded epoch (see {@link DecisionBoundaryImage}), {@code <prefix>-boundary-strip.png} with all of
 * them side by side, and {@code <prefix>-learning-curve.png} (see {@link LearningCurveImage}). Drawing
 * needs no display.
 */
final class TrainingPictures {
  private TrainingPictures() {}

  /** Where the examples write their pictures, relative to the repository root, as printed. */
  static final String FROM_ROOT = "examples/target/pictures/";

  /**
   * The examples module's {@code target/pictures}. It is found from where the examples' classes were loaded,
   * {@code target/classes} or a jar in {@code target}, because the working directory may be anywhere: the
   * main job runs in Maven's own JVM, whose working directory is where {@code mvn} was started. Failing
   * that, {@code target/pictures} in the working directory.
   */
  static Path directory() {
    CodeSource source = TrainingPictures.class.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location != null && "file".equals(location.getProtocol())) {
      try {
        Path target = Paths.get(location.toURI()).getParent();
        if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")) {
          return target.resolve("pictures");
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        // Not a path on this file system: use the working directory.
      }
    }
    return Paths.get("target", "pictures").toAbsolutePath();
  }
  /**
   * How the lines under the table name {@code directory}: relative to the repository root when it is the
   * examples module's, as the paths in the table are, otherwise in full; with a separator at the end.
   */
  static String where(Path directory) {
    return directory.toAbsolutePath().endsWith(Paths.get("examples", "target", "pictures"))
        ? FROM_ROOT
        : directory.toAbsolutePath() + directory.getFileSystem().getSeparator();
  }


  /** The file of the decision boundary after {@code epoch}. */
  static String boundaryFile(String prefix, int epoch) {
    return String.format(Locale.ROOT, "%s-boundary-%04d.png", prefix, epoch);
  }

  static String stripFile(String prefix) {
    return prefix + "-boundary-strip.png";
  }

  static String learningCurveFile(String prefix) {
    return prefix + "-learning-curve.png";
  }

  /**
   * Draws the pictures of {@code record} and writes them into {@code directory}, which is created if need
   * be; files of the same names are replaced.
   *
   * @param samples the training samples, drawn on the decision boundaries
   * @param network what was trained, for the headings, e.g. {@code XOR 2-2-1}
   * @return the files written: the boundaries in the order of their epochs, the strip, the learning curve
   * @throws UncheckedIOException when a file cannot be written
   */
  static List<Path> write(TrainingRecord record, DataSet samples, String network, String prefix, Path directory) {
    List<Path> written = new ArrayList<Path>();
    List<BufferedImage> panels = new ArrayList<BufferedImage>();
    List<TrainingRecord.Snapshot> snapshots = record.snapshots();
    if (snapshots.isEmpty()) {
      throw new IllegalArgumentException("the record has no network to draw: was training finished?");
    }
    int[] marked = new int[snapshots.size()];
    try {
      Files.createDirectories(directory);
      for (int i = 0; i < snapshots.size(); i++) {
        TrainingRecord.Snapshot snapshot = snapshots.get(i);
        BufferedImage panel = DecisionBoundaryImage.draw(snapshot.network, samples, title(snapshot, record));
        panels.add(panel);
        marked[i] = snapshot.epoch;
        written.add(png(panel, directory.resolve(boundaryFile(prefix, snapshot.epoch))));
      }
      BufferedImage strip = DecisionBoundaryImage.strip(panels, network + ": the network's output as it trains");
      written.add(png(strip, directory.resolve(stripFile(prefix))));
      BufferedImage curve =
          LearningCurveImage.draw(
              record.losses(),
              marked,
              network + ": mean loss after each epoch of SGD",
              String.format(
                  Locale.ROOT,
                  "Solved after %,d epochs, at a loss of %.4f. Dots: the epochs of the decision-boundary pictures",
                  record.epochs(),
                  record.losses()[record.epochs()]),
              lossName(snapshots.get(snapshots.size() - 1).network.topology().loss()));
      written.add(png(curve, directory.resolve(learningCurveFile(prefix))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  /** The title of a boundary picture: the epoch, and the mean loss then. */
  private static String title(TrainingRecord.Snapshot snapshot, TrainingRecord record) {
    String when = snapshot.epoch == 0 ? " (untrained)" : snapshot.epoch == record.epochs() ? " (solved)" : "";
    return String.format(Locale.ROOT, "epoch %,d%s \u00b7 loss %.4f", snapshot.epoch, when, snapshot.loss);
  }

  /** What the learning curve's vertical axis shows. */
  private static String lossName(Loss loss) {
    if (loss == Loss.SQUARED_ERROR) {
      return "mean loss \u00bd(y \u2212 t)\u00b2";
    }
    return "mean " + loss.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Writes {@code image} as a PNG file and returns the file. */
  static Path png(BufferedImage image, Path file) throws IOException {
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("this JDK has no PNG writer for " + file);
    }
    return file;
  }
}
