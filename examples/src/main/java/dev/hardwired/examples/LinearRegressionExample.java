package dev.hardwired.examples;

import dev.hardwired.data.DataSet;
import dev.hardwired.data.Metrics;
import dev.hardwired.train.Trainer;
import java.util.Locale;

/**
 * Linear regression, the simplest model there is: one neuron with the identity as its activation, trained
 * on squared error ({@link LinearRegression}). The data lie on a known plane, y = 3·x1 − 2·x2 + 0.5, plus a
 * little noise; SGD finds the plane again, its two weights and its bias.
 */
public final class LinearRegressionExample {
  /** The plane the data come from, y = W1·x1 + W2·x2 + B: what training should recover. */
  static final double W1 = 3.0;

  static final double W2 = -2.0;

  static final double B = 0.5;

  /** Standard deviation of the Gaussian noise added to every target. */
  static final double NOISE = 0.05;

  static final int SAMPLES = 200;

  /** Seed of the data. */
  static final long DATA_SEED = 1;

  /** Seed of the initial weights and of the shuffling. */
  static final long SEED = 42;

  static final double LEARNING_RATE = 0.01;

  static final int EPOCHS = 20;

  private LinearRegressionExample() {}

  /** The {@value #SAMPLES} samples, in [−1, 1]². */
  static DataSet data() {
    return LinearData.plane(DATA_SEED, SAMPLES, W1, W2, B, NOISE);
  }

  /** Trains a network from {@link #SEED} on {@code data} for {@link #EPOCHS} epochs of SGD. */
  static LinearRegressionNetwork train(DataSet data) {
    LinearRegressionNetwork network = LinearRegressionNetwork.seeded(SEED);
    Trainer.create().learningRate(LEARNING_RATE).epochs(EPOCHS).seed(SEED).train(network, data);
    return network;
  }

  /** Trains the network; the loss is the mean over the samples. A regression has no accuracy. */
  public static ExampleResult run() {
    DataSet data = data();
    long start = System.nanoTime();
    LinearRegressionNetwork network = train(data);
    double millis = (System.nanoTime() - start) / 1e6;
    return ExampleResult.of("Linear regression", network, EPOCHS, millis, Metrics.meanLoss(network, data), Double.NaN);
  }

  public static void main(String[] args) {
    ExampleResult result = run();
    System.out.println(result);
    // The parameters are the two weights into the output neuron, then its bias.
    double[] learned = train(data()).parameters();
    System.out.println(
        String.format(
            Locale.ROOT,
            "The plane y = w1 x1 + w2 x2 + b behind %d noisy samples (noise %.2f), and what SGD found:",
            SAMPLES,
            NOISE));
    System.out.println("       true   learned");
    printRow("w1", W1, learned[0]);
    printRow("w2", W2, learned[1]);
    printRow("b", B, learned[2]);
    System.out.println(
        String.format(
            Locale.ROOT,
            "Mean loss 1/2 (y - t)^2 %.5f; the noise alone accounts for about 1/2 x %.2f^2 = %.5f.",
            result.finalLoss(),
            NOISE,
            0.5 * NOISE * NOISE));
  }

  private static void printRow(String name, double truth, double learned) {
    System.out.println(String.format(Locale.ROOT, "  %-2s  %6.3f   %6.3f", name, truth, learned));
  }
}
