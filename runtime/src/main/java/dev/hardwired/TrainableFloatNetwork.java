package dev.hardwired;

/**
 * The single-precision {@link TrainableNetwork}: every generated network declared with {@code precision =
 * Precision.FLOAT} implements it. The parameters are one flat array laid out as {@link Topology}
 * describes, the same order as in double precision; all arithmetic is in {@code float}.
 *
 * <p>{@link #asDoubleNetwork()} views it as a {@link TrainableNetwork}, so that tools written for double
 * networks ({@link GradientCheck}, {@link dev.hardwired.reference.ReferenceNetwork#of}) take it as well.
 *
 * <p><b>Threads.</b> A network is mutable and belongs to one thread at a time: training and setting
 * parameters write to it, and so does {@code predict} in a network with looped layers, which keeps their
 * values in its fields. {@link #copy()} shares nothing with the original, so that each thread can train or
 * use its own. {@link #copySharingParameters()} shares the parameter arrays and nothing else, so that
 * other threads can compute gradients with the parameters while none of them changes them; {@link
 * dev.hardwired.train.Trainer#threads(int)} works that way. The view of {@link #asDoubleNetwork()} is this
 * network, so it belongs to the same thread.
 */
public interface TrainableFloatNetwork extends FloatPredictor {

  /** The shape of this network and the layout of its parameters. */
  Topology topology();

  /** Number of parameters: every weight and every bias. */
  int parameterCount();

  /**
   * Copies every parameter into {@code destination}.
   *
   * @throws IllegalArgumentException when {@code destination.length != parameterCount()}
   */
  void getParameters(float[] destination);

  /** Every parameter, in a new array. */
  default float[] parameters() {
    float[] p = new float[parameterCount()];
    getParameters(p);
    return p;
  }

  /**
   * Replaces every parameter with the values in {@code source}.
   *
   * @throws IllegalArgumentException when {@code source} has the wrong length or a value that is not
   *     finite; the parameters are then left as they were
   */
  void setParameters(float[] source);

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
  float train(float[] input, float[] target, float learningRate);

  /**
   * The loss on one sample, changing nothing.
   *
   * @throws IllegalArgumentException when an array has the wrong length or a value that is not finite
   */
  float loss(float[] input, float[] target);

  /**
   * Adds the gradient of the loss on one sample with respect to every parameter to {@code gradientSum}
   * (same layout as the parameters), changing nothing else.
   *
   * @return the loss on this sample
   * @throws IllegalArgumentException when an array has the wrong length or a value that is not finite
   */
  float accumulateGradient(float[] input, float[] target, float[] gradientSum);

  /**
   * The arrays in which this network keeps its parameters, themselves and not copies, so that an
   * optimizer updates them in place: see {@link TrainableNetwork#parameterArrays()}.
   */
  float[][] parameterArrays();

  /**
   * Adds the gradient of the loss on one sample to {@code gradientSums}, laid out as {@link
   * #parameterArrays()}, changing nothing else: see {@link TrainableNetwork#accumulateGradient(double[],
   * double[], double[][])}.
   *
   * @return the loss on this sample
   * @throws IllegalArgumentException when an array has the wrong length or a value that is not finite, or
   *     {@code gradientSums} does not have the shape of {@link #parameterArrays()}
   */
  float accumulateGradient(float[] input, float[] target, float[][] gradientSums);

  /**
   * Adds the gradients of a batch to {@code gradientSums}, laid out as {@link #parameterArrays()}: the
   * samples at positions {@code from} to {@code to} (exclusive) of {@code indices}, which name rows of
   * {@code inputs} and {@code targets} (a trainer's shuffled order, with no copy), or, with {@code indices}
   * null, the rows {@code from} to {@code to} themselves. Allocates nothing.
   *
   * <p>The sums get the same bits as {@link #accumulateGradient(float[], float[], float[][])} called on each
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
      float[][] inputs, float[][] targets, int[] indices, int from, int to, float[][] gradientSums) {
    Checks.requireBatch(inputs, targets, indices, from, to, inputCount(), outputCount());
    double loss = 0.0;
    for (int k = from; k < to; k++) {
      int r = indices == null ? k : indices[k];
      loss += accumulateGradient(inputs[r], targets[r], gradientSums);
    }
    return loss;
  }

  /**
   * The loss of a batch, named as in {@link #accumulateGradient(float[][], float[][], int[], int, int,
   * float[][])}: the sum of its samples' losses, added in double in sample order. Changes nothing.
   *
   * @throws IllegalArgumentException when the batch names a row that does not exist or has the wrong length
   *     or a value that is not finite
   */
  default double loss(float[][] inputs, float[][] targets, int[] indices, int from, int to) {
    Checks.requireBatch(inputs, targets, indices, from, to, inputCount(), outputCount());
    double loss = 0.0;
    for (int k = from; k < to; k++) {
      int r = indices == null ? k : indices[k];
      loss += loss(inputs[r], targets[r]);
    }
    return loss;
  }

  /** An independent copy with the same parameters. */
  TrainableFloatNetwork copy();

  /**
   * A network that computes with this one's parameters on another thread: its {@link #parameterArrays()}
   * are this network's own arrays, so that it sees every change to them with nothing copied, and it has
   * its own scratch values. Use it only to compute ({@code predict}, {@code loss}, {@code
   * accumulateGradient}) while no thread writes the parameters; training it or setting its parameters
   * would change this network's. {@link dev.hardwired.train.Trainer#threads(int)} gives one to each of its
   * threads and updates the parameters between batches, when none of them computes.
   *
   * <p>Generated networks share their arrays. This default returns {@link #copy()}, which
   * shares nothing, so that a network of one's own needs only {@code copy()}: the trainer then copies the
   * parameters into it before each batch, which costs that many bytes more per batch.
   */
  default TrainableFloatNetwork copySharingParameters() {
    return copy();
  }

  /**
   * This network seen as a {@link TrainableNetwork}: the same parameters, read and written through it,
   * with every array converted between {@code double} and {@code float} on the way (doubles are rounded to
   * the nearest float). Each call allocates its conversions, so the view suits checks and evaluation rather
   * than a training loop. It has no {@code double} arrays to hand out: its {@code parameterArrays()}
   * throws {@link UnsupportedOperationException}; optimizers and the trainer take the float network
   * itself.
   */
  default TrainableNetwork asDoubleNetwork() {
    return new FloatNetworkView(this);
  }
}
