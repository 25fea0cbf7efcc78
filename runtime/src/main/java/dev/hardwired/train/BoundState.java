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
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size is " + batchSize + "; expected at least 1 sample");
    }
    if (!(learningRate >= 0.0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate is " + learningRate + "; expected a finite number ≥ 0");
    }
    // Averaging and clipping are one factor on the sums, applied in the rule's single pass.
    double scale = 1.0 / batchSize;
    if (maxNorm != Double.POSITIVE_INFINITY) {
      double norm = Math.sqrt(sumOfSquares()) * scale;
      if (norm > maxNorm) {
        scale *= maxNorm / norm;
      }
    }
    steps++;
    update(scale, learningRate, steps);
  }

  /** Σ s² over every gradient sum: the squared norm of the sums, before averaging. */
  abstract double sumOfSquares();

  /**
   * The rule's pass: for every element, g = s × scale (+ λ w), the rule's update of the state and the
   * parameter, and s ← 0.
   *
   * @param t the number of this step, from 1
   */
  abstract void update(double scale, double learningRate, long t);

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
