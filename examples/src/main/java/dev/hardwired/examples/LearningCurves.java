package dev.hardwired.examples;

import dev.hardwired.train.TrainingHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
            .note(history.toString())
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

  /** {@link #write(TrainingHistory, String, String, Path)} with a validation set. */
  static Path write(TrainingHistory history, String title, Path file) {
    return write(history, title, "validation loss", file);
  }
}
