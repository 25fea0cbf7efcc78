package dev.hardwired.train;

import dev.hardwired.Loss;
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.data.DataSet;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One network and its data, in the network's own precision, as the trainer's epoch loop sees them: a
 * fused step, a gradient accumulation, evaluation and parameter snapshots by sample index, so that the
 * loop is written once for both precisions. Every array is allocated here, before the first epoch, so
 * that no step allocates.
 */
abstract class Learner {
  /** The snapshots the trainer keeps: the start of the epoch, the best epoch, the state before a step. */
  static final int EPOCH = 0;
  static final int BEST = 1;
  static final int STEP = 2;

  /** The class of each validation sample, or {@code null} when accuracy is not measured. */
  final int[] validationLabels;

  Learner(DataSet validation, Loss loss) {
    this.validationLabels = validation != null && classifies(validation, loss) ? labels(validation) : null;
  }

  /** Whether there is a validation set. */
  abstract boolean hasValidation();

  /** Stops the threads of {@link Trainer#threads(int)}, if any. */
  final void close() {
    if (crew != null) {
      crew.close();
    }
  }

  /** Number of training samples. */
  abstract int size();

  /** One fused SGD step on sample {@code i}: its loss, or an {@link ArithmeticException} if not finite. */
  abstract double train(int i, double learningRate);

  /**
   * Adds the gradients of the samples at positions {@code from} to {@code to} of {@code order} to the
   * gradient sums, through the network's batched method: their summed loss, or an {@link
   * ArithmeticException} if one is not finite. With {@link Trainer#threads(int)} each thread takes a
   * contiguous piece of the batch into its own sums, and the losses are added in the order of the pieces.
   */
  final double accumulate(int[] order, int from, int to) {
    if (crew == null) {
      return accumulate(0, order, from, to);
    }
    this.order = order;
    this.from = from;
    this.to = to;
    return crew.run(ACCUMULATE);
  }

  /**
   * Part {@code part}'s network adds the gradients of the samples at positions {@code from} to {@code to}
   * of {@code order} to that part's sums (on one thread, part 0: the network and the gradient sums).
   */
  abstract double accumulate(int part, int[] order, int from, int to);

  /** The loss on training sample {@code i}, changing nothing. */
  abstract double loss(int i);

  /** Sets every gradient sum to zero, after a batch that did not reach its step. */
  abstract void clearGradients();

  /** {@code optimizer} bound to the network's parameter arrays and the gradient sums. */
  final OptimizerState bind(Optimizer optimizer) {
    bound = bindArrays(optimizer);
    return bound;
  }

  /** {@code optimizer.bind} of the network's parameter arrays and the gradient sums, in their precision. */
  abstract OptimizerState bindArrays(Optimizer optimizer);

  /**
   * The optimizer's step from the sums of the last {@link #accumulate}: {@code optimizer.step}, or with
   * {@link Trainer#threads(int)} the same step split between the threads, each reducing and updating its
   * share of the arrays. {@code optimizer} is the state that {@link #bind} gave.
   */
  final void step(OptimizerState optimizer, int batchSize, double learningRate) {
    if (crew == null) {
      optimizer.step(batchSize, learningRate);
      return;
    }
    if (optimizer != bound) {
      throw new IllegalStateException("the step of a threaded batch needs the optimizer state that bind() gave");
    }
    state = (BoundState) optimizer;
    state.check(batchSize, learningRate);
    rate = learningRate;
    if (state.clips()) {
      // The norm of the reduced sums, from every share's sum of squares in the order of the shares.
      double squares = crew.run(REDUCE);
      scale = state.scale(batchSize, squares);
      t = state.nextStep();
      crew.run(UPDATE);
    } else {
      scale = state.scale(batchSize, 0.0);
      t = state.nextStep();
      crew.run(REDUCE);
    }
  }

  /** Elements per block of a reduction: one part's block of sums stays in the first-level cache. */
  static final int REDUCE_BLOCK = 512;

  // The stages of a threaded batch (Crew): each part accumulates its piece of the batch into its own sums;
  // then each reduces the sums of its share of the parameter arrays into its own and, unless clipping waits
  // for the norm of them all, updates that share; with clipping, each then updates its share.
  static final int ACCUMULATE = 0;
  static final int REDUCE = 1;
  static final int UPDATE = 2;

  /** Where the shares of the parameter arrays that each part reduces and updates begin; null on one thread. */
  private int[] share;
  private int parts = 1;
  private Crew crew;
  private OptimizerState bound;
  // The batch and the step that the crew's stages read, written before each stage.
  private int[] order;
  private int from;
  private int to;
  private BoundState state;
  private double scale;
  private double rate;
  private long t;

  /**
   * Starts the threads of {@link Trainer#threads(int)}, one per part but the caller's: {@code share} is the
   * parts' shares of the parameter arrays, from {@link #shares}.
   */
  final void startThreads(int[] share) {
    this.share = share;
    this.parts = share.length - 1;
    this.crew = new Crew(new Parts(), parts, "hardwired trainer");
  }

  /**
   * Before part {@code part} accumulates, on its own thread: zeroes its sums outside its share, arrays
   * {@code first} to {@code end} (exclusive), which their owners' reduction read last (its update zeroed
   * its own), so that they stay in its core's cache; and copies the parameters into its network's unshared
   * arrays.
   */
  abstract void prepare(int part, int first, int end);

  /**
   * Adds every part's sums of arrays {@code first} to {@code end} (exclusive), in the order of the parts, into
   * part {@code part}'s.
   */
  abstract void reduce(int part, int first, int end);

  /** The stages of a batch on the crew's threads, by part: the network's own first, then each copy's. */
  private final class Parts implements Crew.Work {
    @Override
    public double perform(int stage, int part) {
      int first = share[part];
      int end = share[part + 1];
      if (stage == ACCUMULATE) {
        prepare(part, first, end);
        int length = to - from;
        return accumulate(part, order, from + length * part / parts, from + length * (part + 1) / parts);
      }
      if (stage == REDUCE) {
        reduce(part, first, end);
        if (state.clips()) {
          return state.sumOfSquares(first, end);
        }
      }
      state.update(scale, rate, t, first, end);
      return 0.0;
    }
  }

  /**
   * Where the shares of the parameter arrays begin, for {@code parts} threads, and end: share c is arrays
   * {@code start[c]} to {@code start[c + 1]} (exclusive), contiguous and as near equal in elements as the
   * arrays allow; a share may be empty.
   */
  static int[] shares(int[] lengths, int parts) {
    long total = 0;
    for (int length : lengths) {
      total += length;
    }
    int[] start = new int[parts + 1];
    start[parts] = lengths.length;
    long before = 0;
    int k = 0;
    for (int c = 1; c < parts; c++) {
      long target = total * c / parts;
      // Each boundary at the array edge nearest its target: an array goes before it when its middle does.
      while (k < lengths.length && 2 * before + lengths[k] <= 2 * target) {
        before += lengths[k];
        k++;
      }
      start[c] = k;
    }
    return start;
  }

  /**
   * The parameter arrays of {@code copy}, another thread's network from {@code copySharingParameters()}, that
   * it does not share with {@code network}, by position, else null; with a check that it is a network of its
   * own with arrays of the network's shape.
   *
   * @param arrays how to get a network's {@code parameterArrays()}
   * @param parameters the network's
   */
  static <N, A> A[] unshared(N network, N copy, Function<N, A[]> arrays, A[] parameters) {
    if (copy == null || copy == network) {
      throw new IllegalStateException(
          "copySharingParameters() of " + network + " returned " + (copy == null ? "null" : "the network itself")
              + "; expected a network with scratch values of its own, for another thread");
    }
    A[] own = arrays.apply(copy);
    if (own.length != parameters.length) {
      throw new IllegalStateException(
          "copySharingParameters() of " + network + " has " + own.length + " parameter arrays; expected "
              + parameters.length + ", as the network has");
    }
    A[] unshared = Arrays.copyOf(own, own.length);
    for (int k = 0; k < own.length; k++) {
      int expected = Array.getLength(parameters[k]);
      if (own[k] == null || Array.getLength(own[k]) != expected) {
        throw new IllegalStateException(
            "copySharingParameters() of " + network + " has parameter array " + k + " of length "
                + (own[k] == null ? "null" : String.valueOf(Array.getLength(own[k]))) + "; expected " + expected
                + ", as the network has");
      }
      if (own[k] == parameters[k]) {
        unshared[k] = null;
      }
    }
    return unshared;
  }

  /** The mean loss per validation sample. */
  abstract double validationLoss();

  /** The fraction of validation samples classified right: the largest output (or, alone, ≥ 0.5). */
  abstract double validationAccuracy();

  abstract void save(int snapshot);

  abstract void restore(int snapshot);

  /** Whether every parameter is finite. */
  abstract boolean parametersFinite();

  /** What the network is, for messages. */
  abstract String name();

  // For checkpoints, between epochs: values in the canonical flat order of the topology, a float network's
  // widened to double (exactly: every float is a double, and narrowing gives the same float back).

  abstract Topology topology();

  abstract Precision precision();

  /** The network's parameters. */
  abstract double[] parameters();

  /** Sets the network's parameters. */
  abstract void setParameters(double[] values);

  /** A copy of {@code snapshot}. */
  abstract double[] snapshot(int snapshot);

  /** Sets {@code snapshot} to {@code values}. */
  abstract void setSnapshot(int snapshot, double[] values);

  /**
   * Where each element of the network's parameter arrays is in the canonical order: {@code map[k][j]} is
   * the canonical index of element j of array k. Found by giving the network the parameters 0, 1, 2, … for
   * a moment and reading its arrays; its parameters are then put back, bit for bit.
   *
   * @throws IllegalStateException when the arrays are not a rearrangement of the parameters
   */
  abstract int[][] storageMap();

  /** Checks that {@code map} names every canonical index exactly once. */
  final int[][] requirePermutation(int[][] map, int count) {
    boolean[] seen = new boolean[count];
    int total = 0;
    for (int[] array : map) {
      for (int index : array) {
        if (index < 0 || index >= count || seen[index]) {
          throw new IllegalStateException(
              "the parameter arrays of " + name() + " are not a rearrangement of its " + count
                  + " parameters (parameter " + index + " is in them twice, or is not one); its optimizer state"
                  + " cannot be checkpointed");
        }
        seen[index] = true;
        total++;
      }
    }
    if (total != count) {
      throw new IllegalStateException(
          "the parameter arrays of " + name() + " hold " + total + " values; expected its " + count
              + " parameters");
    }
    return map;
  }

  /** Whether accuracy means something: named classes, or a loss for classification. */
  private static boolean classifies(DataSet data, Loss loss) {
    return !data.classNames().isEmpty() || loss != Loss.SQUARED_ERROR;
  }

  private static int[] labels(DataSet data) {
    int[] labels = new int[data.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = data.label(i);
    }
    return labels;
  }

  /**
   * The set's stored rows themselves, not copies (a data set never changes them, and the trainer only reads
   * them), as {@code row} gives each ({@code data::input} or {@code data::target}): a call of {@code train}
   * costs no copy of the data.
   */
  static double[][] storedRows(DataSet data, IntFunction<double[]> row) {
    double[][] rows = new double[data.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = row.apply(i);
    }
    return rows;
  }

  static void requireFits(DataSet data, int inputs, int outputs, String what, String network) {
    if (data.inputCount() != inputs || data.targetCount() != outputs) {
      throw new IllegalArgumentException(
          "the " + what + " set has " + data.inputCount() + " inputs and " + data.targetCount()
              + " targets per sample; " + network + " expects " + inputs + " and " + outputs);
    }
  }
}
