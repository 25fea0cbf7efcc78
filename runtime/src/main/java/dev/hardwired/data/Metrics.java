package dev.hardwired.data;

import dev.hardwired.Predictor;
import dev.hardwired.TrainableNetwork;

/** How well a network does on a data set. */
public final class Metrics {
  private Metrics() {}

  /**
   * The fraction of samples whose predicted class equals the target's class, both by {@link
   * OneHot#decode}: the largest output against the 1 of a one-hot target, or for a single output a
   * threshold of 0.5 on both.
   *
   * @throws IllegalArgumentException when the widths of the predictor and the data set differ
   */
  public static double accuracy(Predictor predictor, DataSet data) {
    requireFit(predictor, data);
    double[] output = new double[predictor.outputCount()];
    int correct = 0;
    for (int i = 0; i < data.size(); i++) {
      predictor.predict(data.input(i), output);
      if (OneHot.decode(output) == data.label(i)) {
        correct++;
      }
    }
    return (double) correct / data.size();
  }

  /**
   * The confusion matrix: {@code matrix[actual][predicted]} counts the samples of class {@code actual}
   * that were predicted as {@code predicted}, classes as {@link #accuracy} decides them. Its size is the
   * number of targets, or 2 for a single target.
   *
   * @throws IllegalArgumentException when the widths of the predictor and the data set differ
   */
  public static int[][] confusionMatrix(Predictor predictor, DataSet data) {
    requireFit(predictor, data);
    int classes = data.targetCount() == 1 ? 2 : data.targetCount();
    int[][] matrix = new int[classes][classes];
    double[] output = new double[predictor.outputCount()];
    for (int i = 0; i < data.size(); i++) {
      predictor.predict(data.input(i), output);
      matrix[data.label(i)][OneHot.decode(output)]++;
    }
    return matrix;
  }

  /**
   * The network's loss ({@link TrainableNetwork#loss}) averaged over the samples.
   *
   * @throws IllegalArgumentException when the widths of the network and the data set differ
   */
  public static double meanLoss(TrainableNetwork network, DataSet data) {
    requireFit(network, data);
    double sum = 0.0;
    for (int i = 0; i < data.size(); i++) {
      sum += network.loss(data.input(i), data.target(i));
    }
    return sum / data.size();
  }

  private static void requireFit(Predictor predictor, DataSet data) {
    if (predictor.inputCount() != data.inputCount() || predictor.outputCount() != data.targetCount()) {
      throw new IllegalArgumentException(
          "the network maps " + predictor.inputCount() + " inputs to " + predictor.outputCount()
              + " outputs, but the data set has " + data.inputCount() + " inputs and " + data.targetCount()
              + " targets");
    }
  }
}
