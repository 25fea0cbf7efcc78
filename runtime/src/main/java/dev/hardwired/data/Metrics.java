package dev.hardwired.data;

import dev.hardwired.Checks;
import dev.hardwired.Predictor;
import dev.hardwired.TrainableNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well a network does on a data set: for classification accuracy, the confusion matrix and a {@link
 * ClassificationReport}; for regression RMSE, MAE and R²; and the mean loss. Each evaluation allocates one
 * output buffer, not one per sample.
 *
 * <p><b>Threads.</b> Static methods that keep no state between calls: any thread may call them; each
 * evaluation calls the predictor's {@code predict} on the calling thread, so the network must not be used by
 * another thread meanwhile (see {@link dev.hardwired.TrainableNetwork}).
 */
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
   * The {@link ClassificationReport} (confusion matrix, precision, recall, F1, support, accuracy) of the
   * predictions, classes as {@link #accuracy} decides them; the class names are the data set's, or "0",
   * "1", ... when it has none.
   *
   * @throws IllegalArgumentException when the widths of the predictor and the data set differ
   */
  public static ClassificationReport classificationReport(Predictor predictor, DataSet data) {
    int[][] matrix = confusionMatrix(predictor, data);
    List<String> names = data.classNames();
    if (names.isEmpty()) {
      names = new ArrayList<String>();
      for (int c = 0; c < matrix.length; c++) {
        names.add(Integer.toString(c));
      }
    }
    return ClassificationReport.of(matrix, names);
  }

  /**
   * The root of the mean squared difference between prediction and target, over every output of every
   * sample: √(Σ (y − t)² / (samples × outputs)).
   *
   * @throws IllegalArgumentException when the widths of the predictor and the data set differ
   */
  public static double rootMeanSquaredError(Predictor predictor, DataSet data) {
    requireFit(predictor, data);
    double[] output = new double[predictor.outputCount()];
    double sum = 0.0;
    for (int i = 0; i < data.size(); i++) {
      predictor.predict(data.input(i), output);
      double[] target = data.target(i);
      for (int k = 0; k < output.length; k++) {
        double d = output[k] - target[k];
        sum += d * d;
      }
    }
    return Math.sqrt(sum / ((double) data.size() * output.length));
  }

  /**
   * The mean absolute difference between prediction and target, over every output of every sample: Σ |y −
   * t| / (samples × outputs).
   *
   * @throws IllegalArgumentException when the widths of the predictor and the data set differ
   */
  public static double meanAbsoluteError(Predictor predictor, DataSet data) {
    requireFit(predictor, data);
    double[] output = new double[predictor.outputCount()];
    double sum = 0.0;
    for (int i = 0; i < data.size(); i++) {
      predictor.predict(data.input(i), output);
      double[] target = data.target(i);
      for (int k = 0; k < output.length; k++) {
        sum += Math.abs(output[k] - target[k]);
      }
    }
    return sum / ((double) data.size() * output.length);
  }

  /**
   * The coefficient of determination R² = 1 − Σ (y − t)² / Σ (t − mean t)², computed for each output and
   * averaged over the outputs (scikit-learn's {@code r2_score} with {@code multioutput="uniform_average"}).
   * 1 is a perfect fit, 0 no better than predicting the mean, and it is negative when worse. For an output
   * whose targets are all equal the ratio is undefined: R² is then 1 if every prediction is exact, else 0.
   *
   * @throws IllegalArgumentException when the widths of the predictor and the data set differ
   */
  public static double rSquared(Predictor predictor, DataSet data) {
    requireFit(predictor, data);
    int outputs = predictor.outputCount();
    int n = data.size();
    double[] means = new double[outputs];
    boolean[] constant = new boolean[outputs];
    Arrays.fill(constant, true);
    for (int i = 0; i < n; i++) {
      double[] target = data.target(i);
      for (int k = 0; k < outputs; k++) {
        means[k] += target[k];
        // Checked exactly: the mean of equal values can round off them, leaving a spread of ~1e-32.
        constant[k] &= target[k] == data.target(0)[k];
      }
    }
    for (int k = 0; k < outputs; k++) {
      means[k] /= n;
    }
    double[] residual = new double[outputs];
    double[] spread = new double[outputs];
    double[] output = new double[outputs];
    for (int i = 0; i < n; i++) {
      predictor.predict(data.input(i), output);
      double[] target = data.target(i);
      for (int k = 0; k < outputs; k++) {
        double d = output[k] - target[k];
        residual[k] += d * d;
        double e = target[k] - means[k];
        spread[k] += e * e;
      }
    }
    double sum = 0.0;
    for (int k = 0; k < outputs; k++) {
      sum += constant[k] ? (residual[k] == 0.0 ? 1.0 : 0.0) : 1.0 - residual[k] / spread[k];
    }
    return sum / outputs;
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
    Checks.requireNonNull(predictor, "the network", "a network to evaluate");
    Checks.requireNonNull(data, "the data set", "a data set to evaluate on");
    if (predictor.inputCount() != data.inputCount() || predictor.outputCount() != data.targetCount()) {
      throw new IllegalArgumentException(
          "the network maps " + predictor.inputCount() + " inputs to " + predictor.outputCount()
              + " outputs, but the data set has " + data.inputCount() + " inputs and " + data.targetCount()
              + " targets");
    }
  }
}
