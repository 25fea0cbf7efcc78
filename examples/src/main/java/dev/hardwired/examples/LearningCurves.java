package dev.hardwired.examples;

import dev.hardwired.train.EpochRecord;
import dev.hardwired.train.TrainingHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The learning curves of one training run: training and validation loss against epochs, as a PNG file. */
final class LearningCurves {
  private LearningCurves() {}

  /**
   * Writes the curves of {@code history} to {@code file}, creating its folder if need be.
   *
   * @param validationName what the second curve measures, e.g. {@code validation loss}
   */
  static Path write(TrainingHistory history, String title, String validationName, Path file) {
    LineChart chart =
        LineChart.builder()
            .title(title)
            .note(note(history, validationName))
            .xTitle("epoch")
            .yTitle("mean loss per sample")
            .series("training loss", history.trainingLosses())
            .series(validationName, history.validationLosses())
            .build();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      chart.write(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** For example {@code after epoch 30: training loss 0.0011, test loss 0.1057, accuracy 97.5 %}. */
  static String note(TrainingHistory history, String validationName) {
    EpochRecord last = history.last();
    String note =
        String.format(
            Locale.ROOT,
            "after epoch %d: training loss %.4f, %s %.4f",
            last.epoch(),
            last.trainingLoss(),
            validationName.replaceAll(" \\(.*\\)$", ""),
            last.validationLoss());
    return Double.isNaN(last.validationAccuracy())
        ? note
        : note + String.format(Locale.ROOT, ", accuracy %.1f %%", 100 * last.validationAccuracy());
  }

  /** {@link #write(TrainingHistory, String, String, Path)} with a validation set. */
  static Path write(TrainingHistory history, String title, Path file) {
    return write(history, title, "validation loss", file);
  }
}
