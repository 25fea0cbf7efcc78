package dev.hardwired.examples;

import dev.hardwired.data.DataSet;
import dev.hardwired.data.Metrics;
import dev.hardwired.train.Trainer;
import dev.hardwired.train.TrainingHistory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The three ways of the classic material, on the same network from the same start: full-batch gradient
 * descent (one step per epoch, on the mean gradient of all 400 samples), stochastic gradient descent (one
 * step per sample) and mini-batches of 16, all plain SGD at the same learning rate for the same epochs.
 * Every sample is seen once per epoch in each; what differs is how many steps an epoch takes.
 */
final class BatchComparison {
  static final double LEARNING_RATE = 0.05;
  static final int EPOCHS = 300;

  /** The ways, as named in the table and the picture, with their batch sizes. */
  static final List<String> NAMES = Arrays.asList("full-batch GD", "SGD", "mini-batch 16");

  private static final int[] BATCH_SIZES = {Integer.MAX_VALUE, 1, 16};

  private BatchComparison() {}

  /** One run per way, in the order of {@link #NAMES}. */
  static List<Run> runAll() {
    DataSet[] data = SineExample.data();
    List<Run> runs = new ArrayList<>();
    for (int w = 0; w < NAMES.size(); w++) {
      SineNetwork network = SineNetwork.seeded(SineExample.SEED);
      Trainer trainer =
          Trainer.create().learningRate(LEARNING_RATE).batchSize(BATCH_SIZES[w]).epochs(EPOCHS).seed(SineExample.SEED);
      long start = System.nanoTime();
      TrainingHistory history = trainer.train(network, data[0], data[1]);
      double millis = (System.nanoTime() - start) / 1e6;
      ExampleResult result =
          ExampleResult.of("Sine, " + NAMES.get(w), network, EPOCHS, millis, Metrics.meanLoss(network, data[0]), Double.NaN)
              .withTestRmse(Metrics.rootMeanSquaredError(network, data[2]));
      runs.add(new Run(NAMES.get(w), history, result));
    }
    return runs;
  }

  /** The three results, for the table. */
  static List<ExampleResult> results(List<Run> runs) {
    List<ExampleResult> results = new ArrayList<>();
    for (Run run : runs) {
      results.add(run.result);
    }
    return results;
  }

  /** The picture: training loss against epochs on the left, against wall-clock seconds on the right. */
  static Path write(List<Run> runs, Path file) {
    LineChart.Builder byEpoch =
        LineChart.builder().title("Training loss by epoch").xTitle("epoch").yTitle("mean loss per sample");
    LineChart.Builder byTime =
        LineChart.builder().title("Training loss by time").xTitle("seconds").yTitle("mean loss per sample");
    for (Run run : runs) {
      byEpoch.series(run.name, run.history.trainingLosses());
      byTime.series(run.name, run.history.seconds(), run.history.trainingLosses());
    }
    BufferedImage picture =
        LineChart.sideBySide(
            "Sine 1-16-1: full-batch gradient descent, SGD and mini-batches, plain SGD at rate " + LEARNING_RATE,
            Arrays.asList(byEpoch.build().draw(), byTime.build().draw()));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      LineChart.write(picture, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** One way's training. */
  static final class Run {
    final String name;
    final TrainingHistory history;
    final ExampleResult result;

    Run(String name, TrainingHistory history, ExampleResult result) {
      this.name = name;
      this.history = history;
      this.result = result;
    }
  }
}
