package dev.hardwired.examples;

import dev.hardwired.TrainableNetwork;
import dev.hardwired.data.DataSet;
import java.util.Random;

/**
 * Plain stochastic gradient descent: one update per sample, every sample once per epoch, in a fresh random
 * order each epoch. The order comes from a seeded {@link Random}, so a run repeats exactly; an epoch
 * allocates nothing.
 */
final class Sgd {
  private final DataSet data;
  private final double learningRate;
  private final Random random;
  private final int[] order;

  Sgd(DataSet data, double learningRate, long shuffleSeed) {
    this.data = data;
    this.learningRate = learningRate;
    this.random = new Random(shuffleSeed);
    this.order = new int[data.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
  }

  /**
   * Trains {@code network} on every sample once, in a new order.
   *
   * @return the mean loss of the samples, each measured just before its own update
   */
  double epoch(TrainableNetwork network) {
    shuffle();
    double sum = 0.0;
    for (int i : order) {
      sum += network.train(data.input(i), data.target(i), learningRate);
    }
    return sum / order.length;
  }

  /** Fisher–Yates: swap each position, from the last, with a random position at or before it. */
  private void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }
}
