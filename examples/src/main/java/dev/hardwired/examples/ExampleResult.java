package dev.hardwired.examples;

import dev.hardwired.TrainableNetwork;
import java.util.Locale;

/** What one example did: its network, how long it trained and how well it ended up. Immutable. */
public final class ExampleResult {
  private final String name;
  private final String topology;
  private final int epochs;
  private final double trainingMillis;
  private final double finalLoss;
  private final double accuracy;
  private final double testRmse;
  private final String generatedSource;

  /**
   * @param topology the layer sizes, e.g. {@code 2-2-1}
   * @param accuracy the fraction of samples classified correctly, or {@code NaN} when the example is not a
   *     classification task
   * @param generatedSource path of the generated network's source, relative to the repository root
   */
  public ExampleResult(
      String name,
      String topology,
      int epochs,
      double trainingMillis,
      double finalLoss,
      double accuracy,
      String generatedSource) {
    this(name, topology, epochs, trainingMillis, finalLoss, accuracy, Double.NaN, generatedSource);
  }

  private ExampleResult(
      String name,
      String topology,
      int epochs,
      double trainingMillis,
      double finalLoss,
      double accuracy,
      double testRmse,
      String generatedSource) {
    this.name = name;
    this.topology = topology;
    this.epochs = epochs;
    this.trainingMillis = trainingMillis;
    this.finalLoss = finalLoss;
    this.accuracy = accuracy;
    this.testRmse = testRmse;
    this.generatedSource = generatedSource;
  }

  /** This result of a regression with its root-mean-square error on test data. */
  public ExampleResult withTestRmse(double rmse) {
    return new ExampleResult(name, topology, epochs, trainingMillis, finalLoss, accuracy, rmse, generatedSource);
  }

  /** A result for {@code network}, whose topology and generated source path are read from the network itself. */
  public static ExampleResult of(
      String name, TrainableNetwork network, int epochs, double trainingMillis, double finalLoss, double accuracy) {
    return new ExampleResult(
        name, network.topology().shape(), epochs, trainingMillis, finalLoss, accuracy, generatedSource(network.getClass()));
  }

  /** Where the annotation processor wrote the source of a generated class, relative to the repository root. */
  static String generatedSource(Class<?> generated) {
    return "examples/target/generated-sources/annotations/" + generated.getName().replace('.', '/') + ".java";
  }

  /** The example's name, e.g. {@code XOR}. */
  public String name() {
    return name;
  }

  /** The layer sizes from the inputs to the outputs, e.g. {@code 2-2-1}. */
  public String topology() {
    return topology;
  }

  /** Number of epochs trained: passes over the whole training set. */
  public int epochs() {
    return epochs;
  }

  /** Wall-clock training time in milliseconds (training only: no loading, no evaluation). */
  public double trainingMillis() {
    return trainingMillis;
  }

  /** The mean loss per training sample at the end of training. */
  public double finalLoss() {
    return finalLoss;
  }

  /** The fraction of samples classified correctly, or {@code NaN} when the example does not classify. */
  public double accuracy() {
    return accuracy;
  }

  /** Whether {@link #accuracy()} means something. */
  public boolean hasAccuracy() {
    return !Double.isNaN(accuracy);
  }

  /** The root-mean-square error on test data of a regression, or {@code NaN}. */
  public double testRmse() {
    return testRmse;
  }

  /** How well it does on data it was not trained on: accuracy, a test RMSE, or {@code n/a}. */
  public String testResult() {
    if (hasAccuracy()) {
      return String.format(Locale.ROOT, "%.1f%%", 100 * accuracy);
    }
    return Double.isNaN(testRmse) ? "n/a" : String.format(Locale.ROOT, "RMSE %.3f", testRmse);
  }

  /** Path of the generated network's source, relative to the repository root. */
  public String generatedSource() {
    return generatedSource;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %s, %d epochs in %.1f ms, final loss %.3g, test %s; generated source %s",
        name,
        topology,
        epochs,
        trainingMillis,
        finalLoss,
        testResult(),
        generatedSource);
  }
}
