package dev.hardwired.examples;

import dev.hardwired.data.DataSet;
import dev.hardwired.data.Metrics;
import java.util.ArrayList;
import java.util.List;

/**
 * The perceptron: one neuron with a step activation, 1 when w1·x1 + w2·x2 + b &gt; 0 and else 0, trained by
 * the perceptron rule w ← w + η (t − y) x ({@link Perceptron}; the generated {@code train} applies the rule
 * through the {@code PERCEPTRON} loss). The rule changes nothing for a point classified right; for a point
 * classified wrong it turns and shifts the line so that the point comes nearer its own side. The perceptron
 * convergence theorem says that on linearly separable data this ends: after finitely many mistakes an epoch
 * goes by without one. The points here are labelled by a line with an empty band along it, so they are
 * separable.
 */
public final class PerceptronExample {
  /** The line that labels the points: 1 where W1·x1 + W2·x2 + B &gt; 0, else 0. */
  static final double W1 = 0.6;

  static final double W2 = -0.8;

  static final double B = 0.2;

  /**
   * No point lies closer to the line than this. The narrower the band, the more mistakes the rule may make
   * before it finds a line inside it: from these seeds, 13 mistakes in 2 epochs at 0.1, 25 in 4 at 0.05 and 96
   * in 11 at 0.02.
   */
  static final double MARGIN = 0.05;

  static final int SAMPLES = 200;

  /** Seed of the data. */
  static final long DATA_SEED = 1;

  /** Seed of the initial weights. */
  static final long SEED = 42;

  /** η in the perceptron rule. */
  static final double LEARNING_RATE = 0.1;

  /** Training gives up after this many epochs, which separable data never need. */
  static final int MAX_EPOCHS = 1_000;

  private PerceptronExample() {}

  /** The {@value #SAMPLES} points, in [−1, 1]². */
  static DataSet data() {
    return LinearData.separable(DATA_SEED, SAMPLES, W1, W2, B, MARGIN);
  }

  /**
   * Applies the perceptron rule to every point in turn, in the same order every epoch, until an epoch
   * makes no mistake.
   *
   * @return the number of mistakes in each epoch; the last is 0
   * @throws IllegalStateException when an epoch still makes mistakes after {@link #MAX_EPOCHS}
   */
  static List<Integer> trainUntilNoMistake(PerceptronNetwork network, DataSet data) {
    List<Integer> mistakesPerEpoch = new ArrayList<Integer>();
    double[] output = new double[1];
    while (mistakesPerEpoch.size() < MAX_EPOCHS) {
      int mistakes = 0;
      for (int i = 0; i < data.size(); i++) {
        network.predict(data.input(i), output);
        if (output[0] != data.target(i)[0]) {
          mistakes++;
        }
        // w ← w + η (t − y) x: no change when y = t.
        network.train(data.input(i), data.target(i), LEARNING_RATE);
      }
      mistakesPerEpoch.add(mistakes);
      if (mistakes == 0) {
        return mistakesPerEpoch;
      }
    }
    throw new IllegalStateException(
        "the perceptron still makes mistakes after " + MAX_EPOCHS + " epochs: are the data linearly separable?");
  }

  /** Trains the network until it makes no mistake; the accuracy and loss are on the training points. */
  public static ExampleResult run() {
    DataSet data = data();
    PerceptronNetwork network = PerceptronNetwork.seeded(SEED);
    long start = System.nanoTime();
    int epochs = trainUntilNoMistake(network, data).size();
    double millis = (System.nanoTime() - start) / 1e6;
    return ExampleResult.of(
        "Perceptron", network, epochs, millis, Metrics.meanLoss(network, data), Metrics.accuracy(network, data));
  }

  public static void main(String[] args) {
    System.out.println(run());
    PerceptronNetwork network = PerceptronNetwork.seeded(SEED);
    List<Integer> mistakes = trainUntilNoMistake(network, data());
    System.out.println("Mistakes in each epoch: " + mistakes);
    double[] p = network.parameters();
    System.out.println("True line:    " + LinearData.line(W1, W2, B));
    System.out.println("Learned line: " + LinearData.line(p[0], p[1], p[2]));
  }
}
