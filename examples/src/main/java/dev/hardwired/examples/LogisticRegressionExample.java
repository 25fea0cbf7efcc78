package dev.hardwired.examples;

import dev.hardwired.data.DataSet;
import dev.hardwired.data.Metrics;
import dev.hardwired.train.Trainer;
import java.util.Locale;

/**
 * Logistic regression: one logistic neuron trained on binary cross-entropy ({@link LogisticRegression}).
 * Its output is the probability that a point is of class 1, and where that is 0.5, w1·x1 + w2·x2 + b = 0,
 * is a straight line. The points are labelled by a line with an empty band along it; 80% of them train
 * the neuron, the other 20% test it.
 */
public final class LogisticRegressionExample {
  /** The line that labels the points: 1 where W1·x1 + W2·x2 + B &gt; 0, else 0. */
  static final double W1 = 0.6;

  static final double W2 = -0.8;

  static final double B = 0.2;

  /** No point lies closer to the line than this. */
  static final double MARGIN = 0.1;

  static final int SAMPLES = 200;

  /** Seed of the data and of the train/test split. */
  static final long DATA_SEED = 1;

  /** Seed of the initial weights and of the shuffling. */
  static final long SEED = 42;

  static final double LEARNING_RATE = 0.1;

  static final int EPOCHS = 100;

  private LogisticRegressionExample() {}

  /** Trains a network from {@link #SEED} for {@code epochs} epochs and returns it with its data. */
  static Trained train(int epochs) {
    DataSet.Split split = LinearData.separable(DATA_SEED, SAMPLES, W1, W2, B, MARGIN).stratifiedSplit(0.8, DATA_SEED);
    LogisticRegressionNetwork network = LogisticRegressionNetwork.seeded(SEED);
    long start = System.nanoTime();
    if (epochs > 0) {
      Trainer.create().learningRate(LEARNING_RATE).epochs(epochs).seed(SEED).train(network, split.training());
    }
    double millis = (System.nanoTime() - start) / 1e6;
    return new Trained(network, split.training(), split.test(), epochs, millis);
  }

  /** Trains the network; the accuracy is on the test points, the loss the mean over the training points. */
  public static ExampleResult run() {
    return train(EPOCHS).result();
  }

  public static void main(String[] args) {
    Trained trained = train(EPOCHS);
    System.out.println(trained.result());
    System.out.println(
        String.format(
            Locale.ROOT,
            "Accuracy %.1f%% on the %d training points, %.1f%% on the %d test points.",
            100 * Metrics.accuracy(trained.network, trained.training),
            trained.training.size(),
            100 * Metrics.accuracy(trained.network, trained.test),
            trained.test.size()));
    System.out.println(
        String.format(
            Locale.ROOT,
            "Mean cross-entropy on the training points after 0, 1, 10 and %d epochs: %.4f, %.4f, %.4f, %.4f",
            EPOCHS,
            train(0).loss(),
            train(1).loss(),
            train(10).loss(),
            trained.loss()));
    double[] p = trained.network.parameters();
    System.out.println("True line:    " + LinearData.line(W1, W2, B));
    System.out.println("Learned line: " + LinearData.line(p[0], p[1], p[2]) + " (where the output is 0.5)");
  }

  /** A trained network with the data it was trained and tested on. */
  static final class Trained {
    final LogisticRegressionNetwork network;
    final DataSet training;
    final DataSet test;
    final int epochs;
    final double millis;

    Trained(LogisticRegressionNetwork network, DataSet training, DataSet test, int epochs, double millis) {
      this.network = network;
      this.training = training;
      this.test = test;
      this.epochs = epochs;
      this.millis = millis;
    }

    /** The mean loss over the training points. */
    double loss() {
      return Metrics.meanLoss(network, training);
    }

    ExampleResult result() {
      return ExampleResult.of("Logistic regression", network, epochs, millis, loss(), Metrics.accuracy(network, test));
    }
  }
}
