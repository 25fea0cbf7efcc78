package dev.hardwired.train;

/**
 * One {@link Optimizer} bound to one network's parameter arrays and gradient-sum arrays (of the same
 * shape), holding the rule's state arrays (moments), one parallel to each parameter array. Made by
 * {@link Optimizer#bind}.
 *
 * <p><b>Threads.</b> It updates its network's arrays in place and keeps its own moments and step count, so it
 * belongs, with that network, to one thread at a time; bind the optimizer again for another network, such as
 * a {@code copy()}.
 */
public abstract class OptimizerState {
  // Only this package's rules implement it, so that every state keeps the contract below.
  OptimizerState() {}

  /**
   * One update from the gradient sums of {@code batchSize} samples: with gradient g = sum / batchSize,
   * clipped and regularised as {@link Optimizer} describes, each parameter is updated in place by the
   * rule; every gradient sum is then zero, ready for the next batch. Allocates nothing.
   *
   * @param learningRate LR in the rule's equation; 0 leaves the parameters as they are but still moves the
   *     state
   * @throws IllegalArgumentException when {@code batchSize < 1}, or {@code learningRate} is negative or not
   *     finite; nothing is then changed
   */
  public abstract void step(int batchSize, double learningRate);

  /** The number of steps taken so far (t in Adam's bias correction after the next step is this + 1). */
  public abstract long steps();

  /**
   * Saves a copy of the state (the moments and the step count, not the parameters or gradient sums)
   * inside this object, replacing any earlier copy, so that {@link #restoreState} can put it back and a
   * trainer can roll back and replay deterministically. The copy's arrays are allocated on the first save
   * only.
   */
  public abstract void saveState();

  /**
   * Puts back the state saved by the last {@link #saveState}; the saved copy is kept, so it can be
   * restored again.
   *
   * @throws IllegalStateException when the state was never saved
   */
  public abstract void restoreState();
}
