package dev.hardwired.examples;

import dev.hardwired.TrainableNetwork;
import dev.hardwired.data.DataSet;
import dev.hardwired.data.Metrics;
import dev.hardwired.train.Trainer;
import dev.hardwired.train.TrainingHistory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * XOR, the classic problem that no single neuron can solve and one hidden layer can: output 1 when exactly
 * one of the two inputs is 1. Trains the 2-2-1 network ({@link Xor}) and the 2-4-1 one ({@link WideXor})
 * with plain SGD until every output is within {@value #TOLERANCE} of its target. {@link #run(Path)} also
 * draws the 2-2-1 network's training: its decision boundary at a few epochs and its learning curve.
 */
public final class XorExample {
  /** The whole truth table: four samples, which are both the training set and the test. */
  static final DataSet XOR =
      DataSet.of(
          new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
          new double[][] {{0}, {1}, {1}, {0}});

  /**
   * Seed of the 2-2-1 network's initial weights and of the shuffling. Two hidden neurons are just enough
   * for XOR, and from some seeds SGD gets stuck in a local minimum where two of the four outputs sit at
   * 0.5 forever (of seeds 0 to 39, 7, 10, 18, 24, 31 and 39 do so at this learning rate). Seed 42 converges.
   */
  static final long SEED = 42;

  /** Seed of the 2-4-1 network. With four hidden neurons every seed from 0 to 39 converges. */
  static final long WIDE_SEED = 42;

  static final double LEARNING_RATE = 0.5;

  /** Training stops when every output is this close to its target. */
  static final double TOLERANCE = 0.1;

  /** Training gives up after this many epochs, which only a network stuck in a local minimum needs. */
  static final int MAX_EPOCHS = 20_000;

  /**
   * Epochs at which {@link #run(Path)} draws the 2-2-1 network's output, besides the last one. From seed 42
   * it sits on a plateau with every output near 0.5 (loss ≈ 0.125) until about epoch 1,000, has learned OR
   * by 1,500 (only (0, 0) below 0.5), gets (1, 1) right by 2,000 and is solved at 2,686.
   */
  static final int[] PICTURE_EPOCHS = {0, 500, 1000, 1500, 2000};

  /** Names of the picture files: {@code xor-boundary-0500.png}, {@code xor-learning-curve.png}, … */
  static final String PICTURE_PREFIX = "xor";

  private XorExample() {}

  /** Trains the 2-2-1 network from {@link #SEED}. */
  public static ExampleResult run() {
    return train("XOR", XorNetwork.seeded(SEED), SEED);
  }

  /**
   * Trains the 2-2-1 network from {@link #SEED}, as {@link #run()} does, and writes pictures of its training
   * into {@code pictureDirectory} (see {@link TrainingPictures}). The pictures come from a second, recorded
   * run of the same deterministic training, so they change nothing in the result and cost its timing nothing.
   *
   * @throws java.io.UncheckedIOException when a picture cannot be written
   */
  public static ExampleResult run(Path pictureDirectory) {
    ExampleResult result = run();
    TrainingRecord record = record();
    if (record.epochs() != result.epochs()) {
      throw new IllegalStateException(
          "the recorded run took " + record.epochs() + " epochs, the timed one " + result.epochs());
    }
    TrainingPictures.write(record, XOR, "XOR " + result.topology(), PICTURE_PREFIX, pictureDirectory);
    return result;
  }

  /**
   * Trains the 2-2-1 network from {@link #SEED}, recording its loss after every epoch and copies of it at
   * {@link #PICTURE_EPOCHS} and at the end.
   */
  static TrainingRecord record() {
    TrainingRecord record = new TrainingRecord(XOR, PICTURE_EPOCHS);
    trainUntilSolved(XorNetwork.seeded(SEED), SEED, record);
    return record;
  }

  /** Trains the 2-4-1 network from {@link #WIDE_SEED}. */
  public static ExampleResult runWide() {
    return train("XOR, 4 hidden", WideXorNetwork.seeded(WIDE_SEED), WIDE_SEED);
  }

  /** Trains {@code network} until {@link #solved}, timing it. */
  static ExampleResult train(String name, TrainableNetwork network, long seed) {
    long start = System.nanoTime();
    int epochs = trainUntilSolved(network, seed);
    double millis = (System.nanoTime() - start) / 1e6;
    return ExampleResult.of(
        name, network, epochs, millis, Metrics.meanLoss(network, XOR), Metrics.accuracy(network, XOR));
  }

  /**
   * Runs SGD epochs, shuffled from {@code seed}, until the network solves XOR.
   *
   * @return the number of epochs it took
   * @throws IllegalStateException when it has not after {@link #MAX_EPOCHS}
   */
  static int trainUntilSolved(TrainableNetwork network, long seed) {
    return trainUntilSolved(network, seed, null);
  }

  /**
   * {@link #trainUntilSolved(TrainableNetwork, long)}, telling {@code record}, unless null, about the network
   * before training and after every epoch.
   */
  static int trainUntilSolved(TrainableNetwork network, long seed, TrainingRecord record) {
    double[] output = new double[1];
    if (solved(network, output)) {
      return 0;
    }
    Trainer trainer =
        Trainer.create().learningRate(LEARNING_RATE).epochs(MAX_EPOCHS).seed(seed).stopWhen(h -> solved(network, output));
    if (record != null) {
      record.epochEnded(0, network);
      trainer = trainer.listener((epoch, history) -> record.epochEnded(epoch.epoch(), network));
    }
    TrainingHistory history = trainer.train(network, XOR);
    if (history.stopReason() != TrainingHistory.StopReason.CONDITION) {
      throw new IllegalStateException(
          network.topology() + " from seed " + seed + " has not solved XOR after " + MAX_EPOCHS
              + " epochs: stuck in a local minimum? Try another seed or more hidden neurons.");
    }
    if (record != null) {
      record.finished(network);
    }
    return history.size();
  }

  /** Whether every output is within {@link #TOLERANCE} of its target, and so on the right side of 0.5. */
  static boolean solved(TrainableNetwork network, double[] output) {
    for (int i = 0; i < XOR.size(); i++) {
      network.predict(XOR.input(i), output);
      if (Math.abs(output[0] - XOR.target(i)[0]) >= TOLERANCE) {
        return false;
      }
    }
    return true;
  }

  /**
   * Shows both networks' outputs and writes the pictures into the directory given, or the examples module's
   * {@code target/pictures}.
   */
  public static void main(String[] args) {
    show("XOR", XorNetwork.seeded(SEED), SEED);
    System.out.println();
    show("XOR, 4 hidden", WideXorNetwork.seeded(WIDE_SEED), WIDE_SEED);
    System.out.println();
    Path pictures = args.length > 0 ? Paths.get(args[0]) : TrainingPictures.directory();
    run(pictures);
    System.out.println(picturesLine(pictures));
  }

  /** The line that says where the pictures of the XOR training are. */
  static String picturesLine(Path directory) {
    String where = TrainingPictures.where(directory);
    return "Pictures of the XOR 2-2-1 training: " + where + PICTURE_PREFIX + "-boundary-*.png ("
        + TrainingPictures.stripFile(PICTURE_PREFIX) + ": all side by side), "
        + TrainingPictures.learningCurveFile(PICTURE_PREFIX);
  }

  /** Trains {@code network} as {@link #train} does and prints its result and its output for each sample. */
  static void show(String name, TrainableNetwork network, long seed) {
    ExampleResult result = train(name, network, seed);
    System.out.println(result);
    System.out.println("  a  b   target  output");
    for (int i = 0; i < XOR.size(); i++) {
      double[] x = XOR.input(i);
      System.out.println(
          String.format(
              Locale.ROOT, "  %.0f  %.0f   %.0f       %.4f", x[0], x[1], XOR.target(i)[0], network.predict(x)[0]));
    }
  }
}
