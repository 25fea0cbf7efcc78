package dev.hardwired.train;

/**
 * Told of a training run as it goes: once at the start, after every epoch, and once at the end. The
 * trainer calls it on the thread that trains, between epochs, never inside one; a listener that is slow
 * slows training. {@link ConsoleProgress} is the one that shows progress.
 *
 * <p><b>Threads.</b> The trainer calls a listener on the thread that trains. A listener added to a trainer
 * that several threads train with at once (a {@link Sweep} with one trainer) is called from all of them, and
 * must then be thread-safe, or keep no state.
 */
public interface TrainingListener {

  /**
   * Before the first epoch.
   *
   * @param maxEpochs the most epochs this run may take; a stop rule may end it sooner
   * @param description what is trained and how, for example {@code "XorNetwork 2-2-1 (…) with Adam(…), …"}
   */
  default void started(int maxEpochs, String description) {}

  /** After each epoch, with its record; {@code history} holds every epoch so far, this one last. */
  void epochEnded(EpochRecord epoch, TrainingHistory history);

  /** After the last epoch, whatever stopped the run, unless training diverged. */
  default void finished(TrainingHistory history) {}

  /**
   * Training diverged: called in place of {@link #finished}, just before the trainer throws {@code
   * diverged}; {@code history} holds the epochs that ended before it.
   */
  default void failed(TrainingDivergedException diverged, TrainingHistory history) {}
}
