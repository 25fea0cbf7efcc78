package dev.hardwired.train;

/**
 * What every rule's state shares, whatever its element type: the checks of a step, clipping by global
 * norm, the step count, and saving and restoring. A rule supplies one update pass over its arrays.
 */
abstract class BoundState extends OptimizerState {
  private final double maxNorm;
  private long steps;
  private long savedSteps;
  private boolean saved;

  BoundState(double maxNorm) {
    this.maxNorm = maxNorm;
  }

  @Override
  public final void step(int batchSize, double learningRate) {
    check(batchSize, learningRate);
    double scale = scale(batchSize, clips() ? sumOfSquares(0, arrayCount()) : 0.0);
    update(scale, learningRate, nextStep(), 0, arrayCount());
  }

  // A step in parts, for the threads of Trainer.threads(n): check, then the sums of squares of every share of
  // the arrays when clipping, the scale from their total, the step's number, and the update of each share.

  /** The checks of a step, before anything changes. */
  final void check(int batchSize, double learningRate) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size is " + batchSize + "; expected at least 1 sample");
    }
    if (!(learningRate >= 0.0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate is " + learningRate + "; expected a finite number ≥ 0");
    }
  }

  /** Whether a step clips the gradient by its global norm, and so needs {@link #sumOfSquares} first. */
  final boolean clips() {
    return maxNorm != Double.POSITIVE_INFINITY;
  }

  /** The factor on the sums: averaging, and clipping when the norm (from Σ s²) is above the limit. */
  final double scale(int batchSize, double sumOfSquares) {
    // Averaging and clipping are one factor on the sums, applied in the rule's single pass.
    double scale = 1.0 / batchSize;
    if (clips()) {
      double norm = Math.sqrt(sumOfSquares) * scale;
      if (norm > maxNorm) {
        scale *= maxNorm / norm;
      }
    }
    return scale;
  }

  /** Counts a step: its number t, from 1. */
  final long nextStep() {
    return ++steps;
  }

  /** The number of parameter arrays. */
  abstract int arrayCount();

  /** Σ s² over the gradient sums of arrays {@code from} to {@code to} (exclusive). */
  abstract double sumOfSquares(int from, int to);

  /**
   * The rule's pass over arrays {@code from} to {@code to} (exclusive): for every element, g = s × scale
   * (+ λ w), the rule's update of the state and the parameter, and s ← 0. Passes over disjoint arrays may
   * run at once on different threads: they share nothing that they write.
   *
   * @param t the number of this step, from 1
   */
  abstract void update(double scale, double learningRate, long t, int from, int to);

  /** Copies every moment array into the saved copy (allocating it on the first save), or back. */
  abstract void copyMoments(boolean save);

  /** The number of moment arrays per parameter array: 0 for plain SGD, 1 for momentum and RMSprop, 2 for Adam. */
  abstract int momentCount();

  /**
   * Moment {@code n} in the canonical flat order of the network's parameters: element {@code map[k][j]} of
   * the result is the moment of element j of parameter array k. For a checkpoint, between epochs.
   */
  abstract double[] moment(int n, int[][] map, int count);

  /** Sets moment {@code n} from {@code values} in the canonical order, as {@link #moment} gives it. */
  abstract void setMoment(int n, int[][] map, double[] values);

  /** Sets the number of steps taken, for a run resumed from a checkpoint. */
  final void setSteps(long steps) {
    this.steps = steps;
  }

  @Override
  public final long steps() {
    return steps;
  }

  @Override
  public final void saveState() {
    copyMoments(true);
    savedSteps = steps;
    saved = true;
  }

  @Override
  public final void restoreState() {
    if (!saved) {
      throw new IllegalStateException("restoreState() before any saveState(): there is no saved state");
    }
    copyMoments(false);
    steps = savedSteps;
  }
}
