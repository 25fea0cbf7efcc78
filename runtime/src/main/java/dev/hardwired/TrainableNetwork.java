package dev.hardwired;

/**
 * A network whose parameters backpropagation can train. Every generated network implements it, and so
 * does {@link dev.hardwired.reference.ReferenceNetwork}; the parameters are one flat array laid out as
 * {@link Topology} describes.
 *
 * <p><b>Threads.</b> A network is mutable and belongs to one thread at a time: training and setting
 * parameters write to it, and so does {@code predict} in a network with looped layers, which keeps their
 * values in its fields. {@link #copy()} shares nothing with the original, so that each thread can train or
 * use its own. {@link #copySharingParameters()} shares the parameter arrays and nothing else, so that
 * other threads can compute gradients with the parameters while none of them changes them; {@link
 * dev.hardwired.train.Trainer#threads(int)} works that way.
 */
public interface TrainableNetwork extends Predictor {

  /** The shape of this network and the layout of its parameters. */
  Topology topology();

  /** Number of parameters: every weight and every bias. */
  int parameterCount();

  /**
   * Copies every parameter into {@code destination}.
   *
   * @throws IllegalArgumentException when {@code destination.length != parameterCount()}
   */
  void getParameters(double[] destination);

  /** Every parameter, in a new array. */
  default double[] parameters() {
    double[] p = new double[parameterCount()];
    getParameters(p);
    return p;
  }

  /**
   * Replaces every parameter with the values in {@code source}.
   *
   * @throws IllegalArgumentException when {@code source} has the wrong length or a value that is not
   *     finite; the parameters are then left as they were
   */
  void setParameters(double[] source);

  /**
   * One step of stochastic gradient descent on one sample: forward pass, backpropagation, then weight ←
   * weight − LR × gradient for every parameter.
   *
   * @return the loss on this sample before the update
   * @throws IllegalArgumentException when an array has the wrong length or a value that is not finite, or
   *     the learning rate is not positive and finite
   * @throws ArithmeticException when the loss is not finite (training diverged); the parameters are then
   *     left as they were
   */
  double train(double[] input, double[] target, double learningRate);

  /**
   * The loss on one sample, changing nothing.
   *
   * @throws IllegalArgumentException when an array has the wrong length or a value that is not finite
   */
  double loss(double[] input, double[] target);

  /**
   * Adds the gradient of the loss on one sample with respect to every parameter to {@code gradientSum}
   * (same layout as the parameters), changing nothing else: the backward pass without the update, for
   * mini-batches and gradient checks.
   *
   * @return the loss on this sample
   * @throws IllegalArgumentException when an array has the wrong length or a value that is not finite
   */
  double accumulateGradient(double[] input, double[] target, double[] gradientSum);

  /**
   * The arrays in which this network keeps its parameters: the arrays themselves, not copies, so that an
   * optimizer updates them in place. Together they hold every parameter once, in the network's own layout
   * (a generated network keeps one array per row of each looped layer, so that loops over them
   * vectorise); {@link #getParameters} gives the canonical flat order. The outer array is new on each
   * call; the arrays in it belong to the network for its lifetime and keep their identity across {@link
   * #setParameters}.
   */
  double[][] parameterArrays();

  /**
   * Adds the gradient of the loss on one sample to {@code gradientSums}, laid out as {@link
   * #parameterArrays()}: {@code gradientSums[k][j]} is the gradient of {@code parameterArrays()[k][j]}.
   * It changes nothing else: the backward pass of a mini-batch step, whose sums an optimizer then
   * applies in place.
   *
   * @return the loss on this sample
   * @throws IllegalArgumentException when an array has the wrong length or a value that is not finite, or
   *     {@code gradientSums} does not have the shape of {@link #parameterArrays()}
   */
  double accumulateGradient(double[] input, double[] target, double[][] gradientSums);

  /**
   * Adds the gradients of a batch to {@code gradientSums}, laid out as {@link #parameterArrays()}: the
   * samples at positions {@code from} to {@code to} (exclusive) of {@code indices}, which name rows of
   * {@code inputs} and {@code targets} (a trainer's shuffled order, with no copy), or, with {@code indices}
   * null, the rows {@code from} to {@code to} themselves. Allocates nothing.
   *
   * <p>The sums get the same bits as {@link #accumulateGradient(double[], double[], double[][])} called on each
   * sample in turn. A generated network computes several samples at once, loading each weight row of its
   * looped layers, and each row of their gradient sums, once for them.
   *
   * @return the batch's loss: the sum of its samples' losses, added in double in sample order
   * @throws IllegalArgumentException before anything is added, when the batch names a row that does not
   *     exist or has the wrong length or a value that is not finite, or {@code gradientSums} does not have
   *     the shape of {@link #parameterArrays()}
   * @throws ArithmeticException when a sample's loss is not finite (training diverged); the samples before
   *     it have been added, so clear the sums before using them again
   */
  default double accumulateGradient(
      double[][] inputs, double[][] targets, int[] indices, int from, int to, double[][] gradientSums) {
    Checks.requireBatch(inputs, targets, indices, from, to, inputCount(), outputCount());
    double loss = 0.0;
    for (int k = from; k < to; k++) {
      int r = indices == null ? k : indices[k];
      loss += accumulateGradient(inputs[r], targets[r], gradientSums);
    }
    return loss;
  }

  /**
   * The loss of a batch, named as in {@link #accumulateGradient(double[][], double[][], int[], int, int,
   * double[][])}: the sum of its samples' losses, added in double in sample order. Changes nothing.
   *
   * @throws IllegalArgumentException when the batch names a row that does not exist or has the wrong length
   *     or a value that is not finite
   */
  default double loss(double[][] inputs, double[][] targets, int[] indices, int from, int to) {
    Checks.requireBatch(inputs, targets, indices, from, to, inputCount(), outputCount());
    double loss = 0.0;
    for (int k = from; k < to; k++) {
      int r = indices == null ? k : indices[k];
      loss += loss(inputs[r], targets[r]);
    }
    return loss;
  }

  /** An independent copy with the same parameters. */
  TrainableNetwork copy();

  /**
   * A network that computes with this one's parameters on another thread: its {@link #parameterArrays()}
   * are this network's own arrays, so that it sees every change to them with nothing copied, and it has
   * its own scratch values. Use it only to compute ({@code predict}, {@code loss}, {@code
   * accumulateGradient}) while no thread writes the parameters; training it or setting its parameters
   * would change this network's. {@link dev.hardwired.train.Trainer#threads(int)} gives one to each of its
   * threads and updates the parameters between batches, when none of them computes.
   *
   * <p>Generated networks and
   * {@link dev.hardwired.reference.ReferenceNetwork} share their arrays. This default returns {@link #copy()}, which
   * shares nothing, so that a network of one's own needs only {@code copy()}: the trainer then copies the
   * parameters into it before each batch, which costs that many bytes more per batch.
   */
  default TrainableNetwork copySharingParameters() {
    return copy();
  }
}
