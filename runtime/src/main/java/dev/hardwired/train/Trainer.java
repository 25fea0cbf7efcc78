package dev.hardwired.train;

import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.data.DataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Trains any network, generated or {@link dev.hardwired.reference.ReferenceNetwork reference}, double or
 * float, over epochs: the samples in a seeded random order each epoch, in batches, each batch one step
 * of the {@link Optimizer}, with a learning rate from a {@link LearningRateSchedule}.
 *
 * <pre>{@code
 * TrainingHistory history = Trainer.create()
 *     .optimizer(Optimizer.adam())
 *     .learningRate(0.001)
 *     .batchSize(32)
 *     .epochs(50)
 *     .earlyStopping(5)
 *     .seed(7)
 *     .listener(ConsoleProgress.create())
 *     .train(network, training, validation);
 * }</pre>
 *
 * <p>A trainer is an immutable configuration: every setter returns a new trainer, so one can be shared,
 * varied in a sweep and reused. The defaults are the classic material's: plain SGD at a constant learning
 * rate of 0.1, one sample per step (online SGD), 100 epochs, shuffled from seed 0, no validation rule.
 *
 * <ul>
 *   <li><b>Batches.</b> A batch size of 1 is stochastic gradient descent, n is mini-batch gradient
 *       descent, {@link #fullBatch()} the whole set per step (gradient descent). A step averages the
 *       gradients of its batch; the last batch of an epoch may be smaller. Plain SGD on batches of one
 *       uses the network's own fused {@code train} step, the fastest there is.
 *   <li><b>Stopping.</b> After at most {@link #epochs} epochs; sooner when the training loss of an epoch
 *       reaches {@link #targetLoss}, or a condition of one's own holds ({@link #stopWhen}); or, with {@link #earlyStopping} and a validation set, when the
 *       validation loss has not improved for that many epochs, and then the network gets back the
 *       parameters of its best epoch.
 *   <li><b>Divergence.</b> A loss that is not finite, or an update that makes a parameter not finite,
 *       ends training with a {@link TrainingDivergedException} naming the epoch and batch (and sample);
 *       the network is first put back to the last state in which its parameters and the loss were finite.
 *   <li><b>Reproducibility.</b> The same trainer, network parameters and data give bit-identical losses,
 *       parameters and history (times aside), on any thread and beside other runs; see {@link Sweep}. On one
 *       JVM; on every JVM when the network is declared with {@code @Network(strictMath = true)}, since what
 *       the trainer computes itself (Adam's β^t, the schedules) is the same bits everywhere. With {@link
 *       #threads(int) threads(n)}, the same n gives the same bits, which differ from one thread's only in the
 *       rounding of each batch's sums.
 *   <li><b>Checkpoints.</b> With {@link #checkpoint}, a run saves its state every so many epochs, atomically,
 *       and the same call started again after a crash resumes it from there, to end with the bits of the run
 *       that never stopped; {@link #resume} continues a named checkpoint.
 *   <li><b>Allocation.</b> The data are copied (and for a float network rounded to float) once, before the
 *       first epoch; no step allocates.
 * </ul>
 *
 * <p><b>Threads.</b> A trainer is immutable, so any number of threads may train with one at once, each its
 * own network. It shares with those runs what it was given: its listeners, stop condition and learning-rate
 * schedule are then called from each of their threads, so they must keep no state of one run (a {@link
 * ConsoleProgress} belongs to one run), and a checkpoint file holds one run. A call of {@code train} uses its
 * network on the calling thread only, and with {@link #threads(int)} its own copies on threads it starts and
 * stops; the results are the bits of the same run on any thread.
 */
public final class Trainer {
  private final Optimizer optimizer;
  private final LearningRateSchedule schedule;
  private final int epochs;
  private final int batchSize;
  private final long seed;
  private final boolean shuffle;
  private final double targetLoss;
  private final int patience;
  private final Predicate<TrainingHistory> stopWhen;
  private final List<TrainingListener> listeners;
  private final int threads;
  private final Checkpoints checkpoints;

  private Trainer(
      Optimizer optimizer,
      LearningRateSchedule schedule,
      int epochs,
      int batchSize,
      long seed,
      boolean shuffle,
      double targetLoss,
      int patience,
      Predicate<TrainingHistory> stopWhen,
      List<TrainingListener> listeners,
      int threads,
      Checkpoints checkpoints) {
    this.optimizer = optimizer;
    this.schedule = schedule;
    this.epochs = epochs;
    this.batchSize = batchSize;
    this.seed = seed;
    this.shuffle = shuffle;
    this.targetLoss = targetLoss;
    this.patience = patience;
    this.stopWhen = stopWhen;
    this.listeners = listeners;
    this.threads = threads;
    this.checkpoints = checkpoints;
  }

  /** A trainer with the defaults: plain SGD, learning rate 0.1, batches of 1, 100 epochs, seed 0. */
  public static Trainer create() {
    return new Trainer(
        Optimizer.sgd(),
        LearningRateSchedule.constant(0.1),
        100,
        1,
        0L,
        true,
        Double.NEGATIVE_INFINITY,
        0,
        null,
        Collections.<TrainingListener>emptyList(),
        1,
        Checkpoints.NONE);
  }

  /** The update rule; plain SGD by default. */
  public Trainer optimizer(Optimizer optimizer) {
    if (optimizer == null) {
      throw new IllegalArgumentException("optimizer is null");
    }
    return new Trainer(optimizer, schedule, epochs, batchSize, seed, shuffle, targetLoss, patience, stopWhen, listeners, threads, checkpoints);
  }

  /** A constant learning rate. */
  public Trainer learningRate(double rate) {
    return schedule(LearningRateSchedule.constant(rate));
  }

  /** A learning rate per epoch. */
  public Trainer schedule(LearningRateSchedule schedule) {
    if (schedule == null) {
      throw new IllegalArgumentException("schedule is null");
    }
    return new Trainer(optimizer, schedule, epochs, batchSize, seed, shuffle, targetLoss, patience, stopWhen, listeners, threads, checkpoints);
  }

  /** The most epochs to train: each one every training sample once. */
  public Trainer epochs(int epochs) {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs is " + epochs + "; expected at least 1");
    }
    return new Trainer(optimizer, schedule, epochs, batchSize, seed, shuffle, targetLoss, patience, stopWhen, listeners, threads, checkpoints);
  }

  /** Samples per step: 1 for SGD, more for mini-batches (sets smaller than a batch are one batch). */
  public Trainer batchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size is " + batchSize + "; expected at least 1");
    }
    return new Trainer(optimizer, schedule, epochs, batchSize, seed, shuffle, targetLoss, patience, stopWhen, listeners, threads, checkpoints);
  }

  /** The whole training set in every step: full-batch gradient descent, one step per epoch. */
  public Trainer fullBatch() {
    return batchSize(Integer.MAX_VALUE);
  }

  /** The seed of the order of the samples. */
  public Trainer seed(long seed) {
    return new Trainer(optimizer, schedule, epochs, batchSize, seed, shuffle, targetLoss, patience, stopWhen, listeners, threads, checkpoints);
  }

  /** Whether each epoch visits the samples in a new random order (the default) or in the set's order. */
  public Trainer shuffle(boolean shuffle) {
    return new Trainer(optimizer, schedule, epochs, batchSize, seed, shuffle, targetLoss, patience, stopWhen, listeners, threads, checkpoints);
  }

  /**
   * Stops after the first epoch whose mean training loss is at most {@code loss}; −∞, the default, for no
   * target.
   *
   * @throws IllegalArgumentException when {@code loss} is NaN or +∞
   */
  public Trainer targetLoss(double loss) {
    if (Double.isNaN(loss) || loss == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "target loss is " + loss + "; expected a number, or −∞ (the default) for no target");
    }
    return new Trainer(optimizer, schedule, epochs, batchSize, seed, shuffle, loss, patience, stopWhen, listeners, threads, checkpoints);
  }

  /**
   * Early stopping: stops when the validation loss has not improved for {@code patience} epochs in a
   * row, and gives the network back the parameters of the epoch of lowest validation loss (also when the
   * run ends for another reason). Needs a validation set.
   */
  public Trainer earlyStopping(int patience) {
    if (patience < 1) {
      throw new IllegalArgumentException("patience is " + patience + "; expected at least 1 epoch");
    }
    return new Trainer(optimizer, schedule, epochs, batchSize, seed, shuffle, targetLoss, patience, stopWhen, listeners, threads, checkpoints);
  }

  /**
   * Stops after the first epoch at whose end {@code condition} holds, for a rule of one's own: say, every
   * training sample classified right. It sees the history so far, this epoch last, and may look at the
   * network; it must not change either.
   */
  public Trainer stopWhen(Predicate<TrainingHistory> condition) {
    if (condition == null) {
      throw new IllegalArgumentException("condition is null");
    }
    return new Trainer(optimizer, schedule, epochs, batchSize, seed, shuffle, targetLoss, patience, condition, listeners, threads, checkpoints);
  }

  /** This trainer telling {@code listener} too of its runs. */
  public Trainer listener(TrainingListener listener) {
    if (listener == null) {
      throw new IllegalArgumentException("listener is null");
    }
    List<TrainingListener> more = new ArrayList<>(listeners);
    more.add(listener);
    return new Trainer(
        optimizer,
        schedule,
        epochs,
        batchSize,
        seed,
        shuffle,
        targetLoss,
        patience,
        stopWhen,
        Collections.unmodifiableList(more),
        threads,
        checkpoints);
  }

  /**
   * This trainer splitting each batch between {@code threads} threads: each accumulates its contiguous
   * part of the batch into its own gradient sums, with the network's {@link
   * dev.hardwired.TrainableNetwork#copySharingParameters() copySharingParameters()} (which reads the
   * network's own parameter arrays; a network whose copy shares none is copied into before each batch).
   * The parameter arrays are then cut into as many contiguous shares, of about as many elements each, and
   * each thread adds the parts' sums of its share, always in the order of the parts, and takes the
   * optimizer's step on that share (with gradient clipping, once the norm of every share is known). So a
   * run is deterministic for a given number of threads and differs from one thread's only in the rounding
   * of those sums (and of the clipping norm); one thread, the default, is the plain run. The threads live as
   * long as a call of {@code train}, and no step allocates. Online SGD (plain SGD on batches of one) has
   * nothing to split and runs on one thread.
   *
   * <p>Each batch still moves the parameters and the gradient sums between the threads' cores: it pays when
   * a part of a batch is much more work than that, so with large networks and large batches, and only on
   * cores that are free; see the benchmarks.
   */
  public Trainer threads(int threads) {
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads is " + threads + "; expected 1 to 256");
    }
    return new Trainer(optimizer, schedule, epochs, batchSize, seed, shuffle, targetLoss, patience, stopWhen, listeners, threads, checkpoints);
  }

  /**
   * This trainer saving a checkpoint of each run to {@code file} every {@code everyEpochs} epochs and at
   * the run's end, and, when {@code file} already holds a checkpoint as {@code train} starts, resuming
   * that run from it instead of starting anew: so a training program survives a crash by being started
   * again, unchanged.
   *
   * <pre>{@code
   * Trainer trainer = Trainer.create().optimizer(Optimizer.adam()).learningRate(0.01).epochs(200).seed(7)
   *     .checkpoint(Paths.get("digits.checkpoint"), 10);
   * TrainingHistory history = trainer.train(network, training, validation);  // the same line after a crash
   * }</pre>
   *
   * <p>A checkpoint holds what the run needs to go on exactly as if it had never stopped: the parameters,
   * the optimizer's state (its moments and step count), the epochs and steps done, the shuffling
   * generator's position, the early-stopping bookkeeping (best validation loss, its epoch and parameters,
   * epochs since) and the history so far. A run that is killed at any moment and resumed ends with the
   * parameters and the history (times aside) of the run that was not: bit for bit. Each checkpoint is
   * written atomically: the file holds the previous checkpoint or the new one, whole, never a part. Writing
   * between epochs allocates; no step does. The format is in {@code docs/checkpoints.md}.
   *
   * <p>A checkpoint is resumed only by the run it belongs to, so resuming cannot quietly give another result
   * than the uninterrupted run: the same topology and precision, the same trainer configuration (optimizer
   * and its settings, learning rate of every epoch, epochs, batch size, shuffling and seed, threads, stop
   * rules), the same training and validation data, and a network that has, as {@code train} starts, the
   * parameters the run started from. Anything else is refused with a {@link CheckpointException} saying what
   * was expected and what was found, before the network is changed; delete the file to start a new run. A
   * condition of one's own ({@link #stopWhen}) cannot be compared, and must not keep a state of its own that
   * a new process would lose. A run that had ended when its checkpoint was written is not trained again:
   * {@code train} gives the network its final parameters and returns the history as it was.
   *
   * <p>Listeners are told of a resumed run as of any other ({@code started}, with a description that says
   * from which epoch it resumed; then {@code epochEnded} for each epoch trained now, with the whole history
   * so far); the seconds of the history count on from those of the checkpoint.
   *
   * <p>One file holds one run: runs at the same time (a {@link Sweep}, say) each need a trainer with a file
   * of their own.
   *
   * @param file the checkpoint file; its folder must exist
   * @param everyEpochs how often to save, in epochs (1 saves after every epoch)
   * @throws IllegalArgumentException when {@code file} is null or {@code everyEpochs < 1}
   * @see #resume(Path)
   */
  public Trainer checkpoint(Path file, int everyEpochs) {
    if (file == null) {
      throw new IllegalArgumentException("checkpoint file is null");
    }
    if (everyEpochs < 1) {
      throw new IllegalArgumentException("everyEpochs is " + everyEpochs + "; expected at least 1");
    }
    return new Trainer(
        optimizer, schedule, epochs, batchSize, seed, shuffle, targetLoss, patience, stopWhen, listeners, threads,
        new Checkpoints(file, everyEpochs, checkpoints.resume));
  }

  /**
   * This trainer resuming, in {@code train}, the run whose checkpoint is {@code file}, which must exist:
   * for a run to be continued elsewhere, or from a copy. (With {@link #checkpoint} alone a run resumes from
   * its own file when there is one, and starts anew when there is none; {@code resume} insists.) The run goes on
   * exactly as {@link #checkpoint} describes, and the same checks apply; it writes checkpoints only if
   * {@link #checkpoint} is set too, to that file.
   *
   * <p>Why a trainer setting and not a method that trains: a checkpoint is resumed by the same {@code
   * train(network, training, validation)} call that started the run, with the same network and data, and
   * must match the same trainer's configuration; so resuming is one more setting of that trainer, and the
   * call stays the one call that trains.
   *
   * <pre>{@code
   * TrainingHistory history = trainer.resume(Paths.get("digits.checkpoint")).train(network, training, validation);
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code file} is null
   */
  public Trainer resume(Path file) {
    if (file == null) {
      throw new IllegalArgumentException("checkpoint file to resume is null");
    }
    return new Trainer(
        optimizer, schedule, epochs, batchSize, seed, shuffle, targetLoss, patience, stopWhen, listeners, threads,
        new Checkpoints(checkpoints.file, checkpoints.every, file));
  }

  /** Where checkpoints are written and read: nothing by default. */
  private static final class Checkpoints {
    static final Checkpoints NONE = new Checkpoints(null, 0, null);

    /** Where checkpoints are written, or null; every how many epochs. */
    final Path file;
    final int every;
    /** The checkpoint to resume whatever is in {@link #file}, or null. */
    final Path resume;

    Checkpoints(Path file, int every, Path resume) {
      this.file = file;
      this.every = every;
      this.resume = resume;
    }

    boolean any() {
      return file != null || resume != null;
    }

    /** The checkpoint to resume: the one named, or else the one already written to {@link #file}, or none. */
    Path toResume() {
      return resume != null ? resume : file != null && Files.exists(file) ? file : null;
    }
  }

  /** Trains {@code network} on {@code training}, with no validation set. */
  public TrainingHistory train(TrainableNetwork network, DataSet training) {
    return train(network, training, null);
  }

  /**
   * Trains {@code network} on {@code training}, measuring the validation loss (and, for classification,
   * the accuracy) on {@code validation} after every epoch.
   *
   * @param validation the validation set, or {@code null} for none
   * @return every epoch's record, and why training stopped
   * @throws IllegalArgumentException when a set does not fit the network, or early stopping has no
   *     validation set
   * @throws TrainingDivergedException when training diverged; the network then has its last finite
   *     parameters
   * @throws CheckpointException with {@link #checkpoint} or {@link #resume}, when a checkpoint is refused (the
   *     network is then unchanged) or cannot be written
   */
  public TrainingHistory train(TrainableNetwork network, DataSet training, DataSet validation) {
    requireNetwork(network);
    return run(new DoubleLearner(network, requireTraining(training), requireValidation(validation), parts()), training, validation);
  }

  /** Trains a float network on {@code training}, with no validation set. */
  public TrainingHistory train(TrainableFloatNetwork network, DataSet training) {
    return train(network, training, null);
  }

  /**
   * Trains a float network: see {@link #train(TrainableNetwork, DataSet, DataSet)}. The data are rounded
   * to float once; the optimizer works in float on the network's own arrays.
   */
  public TrainingHistory train(TrainableFloatNetwork network, DataSet training, DataSet validation) {
    requireNetwork(network);
    return run(new FloatLearner(network, requireTraining(training), requireValidation(validation), parts()), training, validation);
  }

  private static void requireNetwork(Object network) {
    if (network == null) {
      throw new IllegalArgumentException("network is null");
    }
  }

  private static DataSet requireTraining(DataSet training) {
    if (training == null) {
      throw new IllegalArgumentException("training set is null");
    }
    return training;
  }

  private DataSet requireValidation(DataSet validation) {
    if (validation == null && patience > 0) {
      throw new IllegalArgumentException("early stopping needs a validation set: pass one to train(…)");
    }
    return validation;
  }

  /** The threads a batch is split between: one for online SGD, whose fused step has no sums to split. */
  private int parts() {
    return batchSize == 1 && optimizer.isPlainSgd() ? 1 : threads;
  }

  private TrainingHistory run(Learner learner, DataSet training, DataSet validation) {
    try {
      if (!checkpoints.any()) {
        return new EpochLoop(this, learner).run();
      }
      Map<String, String> header = Checkpoint.header(this, learner, training, validation, learner.parameters());
      Path from = checkpoints.toResume();
      Checkpoint resumed = from == null ? null : CheckpointFile.read(from, header, learner.precision());
      return new EpochLoop(this, learner, header, checkpoints.file, checkpoints.every, resumed, from).run();
    } finally {
      learner.close();
    }
  }

  // The settings, for the epoch loop.

  Optimizer optimizer() {
    return optimizer;
  }

  LearningRateSchedule schedule() {
    return schedule;
  }

  int epochs() {
    return epochs;
  }

  int batchSize() {
    return batchSize;
  }

  long seed() {
    return seed;
  }

  boolean shuffles() {
    return shuffle;
  }

  double targetLoss() {
    return targetLoss;
  }

  int patience() {
    return patience;
  }

  Predicate<TrainingHistory> stopWhen() {
    return stopWhen;
  }

  List<TrainingListener> listeners() {
    return listeners;
  }

  int threads() {
    return threads;
  }

  /** For example {@code Adam(β1 0.9, …) at constant 0.001, batches of 32, 50 epochs, seed 7, early stopping after 5}. */
  @Override
  public String toString() {
    return optimizer + " at " + schedule + ", "
        + (batchSize == Integer.MAX_VALUE ? "full batch" : batchSize == 1 ? "batches of 1" : "batches of " + batchSize)
        + ", " + epochs + " epochs, " + (shuffle ? "seed " + seed : "no shuffling")
        + (targetLoss == Double.NEGATIVE_INFINITY ? "" : ", target loss " + targetLoss)
        + (patience > 0 ? ", early stopping after " + patience : "")
        + (stopWhen == null ? "" : ", a stop condition")
        + (threads == 1 ? "" : ", " + threads + " threads")
        + (checkpoints.file == null ? "" : ", checkpoint every " + checkpoints.every + " epoch" + (checkpoints.every == 1 ? "" : "s") + " to " + checkpoints.file)
        + (checkpoints.resume == null ? "" : ", resuming " + checkpoints.resume);
  }
}
