package dev.hardwired.examples;

import dev.hardwired.StepTrace;
import java.util.Locale;

/**
 * The network of Matt Mazur's classic "A Step by Step Backpropagation Example": 2 inputs, 2 hidden and 2
 * output neurons, all logistic, summed squared error, one training sample. Starting from the article's
 * weights, one step of the generated backpropagation gives the article's numbers: {@link #main} prints the
 * step's trace, every value of it, then the article's weights beside the network's.
 *
 * <p>The article keeps the biases fixed; a generated network trains them like every other parameter. So
 * only the first step can be compared: the weights it updates are computed from the forward pass, which
 * both share, but from the second step on the biases differ.
 */
public final class TextbookExample {
  /** The article's single sample: inputs i1, i2 and targets for o1, o2. Never modified. */
  static final double[] INPUT = {0.05, 0.10};

  static final double[] TARGET = {0.01, 0.99};

  /**
   * The article's starting parameters, in the generated network's layout (see {@link
   * dev.hardwired.Topology}): per layer the weights neuron by neuron, then the biases.
   */
  static final double[] PARAMETERS = {
    0.15, 0.20, // w1, w2: into hidden neuron h1 from i1, i2
    0.25, 0.30, // w3, w4: into h2 from i1, i2
    0.35, 0.35, // b1: the bias of h1 and of h2
    0.40, 0.45, // w5, w6: into output o1 from h1, h2
    0.50, 0.55, // w7, w8: into o2 from h1, h2
    0.60, 0.60, // b2: the bias of o1 and of o2
  };

  static final double LEARNING_RATE = 0.5;

  /** The article's total error E = ½ Σ (target − output)² before the first step. */
  static final double TEXTBOOK_TOTAL_ERROR = 0.298371109;

  /** Names of the weights the article updates, and where each is in {@link #PARAMETERS}. */
  static final String[] WEIGHT_NAMES = {"w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"};

  static final int[] WEIGHT_INDEX = {0, 1, 2, 3, 6, 7, 8, 9};

  /** The article's weights after the first step, w1 to w8. */
  static final double[] TEXTBOOK_WEIGHTS_AFTER_ONE_STEP = {
    0.149780716, 0.19956143, 0.24975114, 0.29950229, 0.35891648, 0.408666186, 0.511301270, 0.561370121,
  };

  /** Steps of training in {@link #run()}, as in the article; with one sample each step is an epoch. */
  static final int STEPS = 10_000;

  private TextbookExample() {}

  /** A network with the article's starting parameters. */
  static TextbookNetwork network() {
    return TextbookNetwork.withParameters(PARAMETERS);
  }

  /** The article's first step, value by value: the trace of the generated network's step from its start. */
  static StepTrace trace() {
    return network().trace(INPUT, TARGET, LEARNING_RATE);
  }

  /** Trains the article's network for {@link #STEPS} steps; it is not a classifier, so it has no accuracy. */
  public static ExampleResult run() {
    TextbookNetwork network = network();
    long start = System.nanoTime();
    for (int step = 0; step < STEPS; step++) {
      network.train(INPUT, TARGET, LEARNING_RATE);
    }
    double millis = (System.nanoTime() - start) / 1e6;
    return ExampleResult.of("Textbook", network, STEPS, millis, network.loss(INPUT, TARGET), Double.NaN);
  }

  public static void main(String[] args) {
    System.out.println(trace().table());
    TextbookNetwork network = network();
    double loss = network.train(INPUT, TARGET, LEARNING_RATE);
    double[] after = network.parameters();

    System.out.println("First step, learning rate " + LEARNING_RATE + ": the article beside the generated network");
    System.out.println("          article       hardwired       difference");
    printRow("E_total", TEXTBOOK_TOTAL_ERROR, loss);
    for (int k = 0; k < WEIGHT_NAMES.length; k++) {
      printRow(WEIGHT_NAMES[k], TEXTBOOK_WEIGHTS_AFTER_ONE_STEP[k], after[WEIGHT_INDEX[k]]);
    }
    System.out.println("(The article rounds to 8 or 9 decimals. It keeps the biases fixed and we train them, so from");
    System.out.println("the second step on the two no longer match.)");
    System.out.println();
    ExampleResult result = run();
    System.out.println(result);
    System.out.println(
        String.format(
            Locale.ROOT,
            "After %,d steps the total error is %.10f (the article, with fixed biases: 0.0000351085).",
            STEPS,
            result.finalLoss()));
  }

  private static void printRow(String name, double article, double ours) {
    System.out.println(
        String.format(Locale.ROOT, "  %-7s %.9f   %.12f   %+.1e", name, article, ours, ours - article));
  }
}
