package dev.hardwired.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One run of a {@link Trainer}: the epochs, each a shuffle and a pass of batches, then evaluation, the
 * listeners and the stop rules.
 *
 * <p>Divergence costs nothing until it happens. Each epoch starts from a snapshot of the parameters and of
 * the optimizer's state, and its end checks every parameter once. When a loss is not finite, or the check
 * finds a parameter that is not, the epoch is replayed from its snapshot, in the same order with the same
 * rates and so with the same bits, now checking the parameters after every step, to find the first step
 * that broke them and give the network the state before it.
 */
final class EpochLoop {
  private final Trainer trainer;
  private final Learner learner;
  private final List<TrainingListener> listeners;
  private final int size;
  private final int batchSize;
  private final int batches;
  private final int[] order;
  private final boolean fused;
  private final OptimizerState optimizer;
  private long steps;
  // Checkpoints: the header of this run's checkpoints (null when there are none to write or read), where to
  // write them (null for nowhere) and every how many epochs, and the checkpoint resumed and its file (or null).
  private final Map<String, String> header;
  private final Path checkpointFile;
  private final int checkpointEvery;
  private final Checkpoint resumed;
  private final Path resumedFrom;
  private int[][] storageMap;

  EpochLoop(Trainer trainer, Learner learner) {
    this(trainer, learner, null, null, 0, null, null);
  }

  /**
   * A run that writes checkpoints to {@code checkpointFile} (unless null) every {@code checkpointEvery}
   * epochs and at its end, and that resumes {@code resumed} (unless null), read from {@code resumedFrom} and
   * already checked against {@code header}; the network changes only when {@link #run} starts.
   *
   * @throws CheckpointException when {@code resumed} has another number of moment arrays than the optimizer
   */
  EpochLoop(
      Trainer trainer,
      Learner learner,
      Map<String, String> header,
      Path checkpointFile,
      int checkpointEvery,
      Checkpoint resumed,
      Path resumedFrom) {
    this.trainer = trainer;
    this.learner = learner;
    this.listeners = trainer.listeners();
    this.size = learner.size();
    this.batchSize = Math.min(trainer.batchSize(), size);
    this.batches = (size + batchSize - 1) / batchSize;
    this.order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    // Plain SGD one sample at a time is the network's own fused step: no gradient sums, no optimizer.
    this.fused = batchSize == 1 && trainer.optimizer().isPlainSgd();
    this.optimizer = fused ? null : learner.bind(trainer.optimizer());
    this.header = header;
    this.checkpointFile = checkpointFile;
    this.checkpointEvery = checkpointEvery;
    this.resumed = resumed;
    this.resumedFrom = resumedFrom;
    int moments = optimizer == null ? 0 : ((BoundState) optimizer).momentCount();
    if (resumed != null && resumed.order.length != size) {
      throw new CheckpointException(
          resumedFrom,
          "checkpoint " + resumedFrom + " is not consistent: order of the samples: expected " + size + " samples, found "
              + resumed.order.length);
    }
    if (resumed != null && resumed.moments.length != moments) {
      throw new CheckpointException(
          resumedFrom,
          "checkpoint " + resumedFrom + " is not consistent: optimizer moments: expected " + moments + " for "
              + trainer.optimizer() + (fused ? " in the network's fused step" : "") + ", found " + resumed.moments.length);
    }
  }

  TrainingHistory run() {
    int maxEpochs = trainer.epochs();
    String description = learner.name() + ", " + size + " samples; " + trainer;
    TrainingHistory history = new TrainingHistory();
    CountingRandom random;
    long start;
    double bestLoss;
    int bestEpoch;
    int sinceBest;
    if (resumed == null) {
      random = new CountingRandom(trainer.seed());
      start = System.nanoTime();
      bestLoss = Double.POSITIVE_INFINITY;
      bestEpoch = 0;
      sinceBest = 0;
    } else {
      restore(resumed);
      for (EpochRecord record : resumed.records) {
        history.add(record);
      }
      random = CountingRandom.after(trainer.seed(), resumed.draws);
      start = System.nanoTime() - (long) (resumed.seconds * 1e9);
      bestLoss = resumed.bestLoss;
      bestEpoch = resumed.bestEpoch;
      sinceBest = resumed.sinceBest;
      description += "; resumed after epoch " + resumed.epoch + " from " + resumedFrom;
      if (resumed.stopReason != null) {
        // The run had ended: the network now has its final parameters, and the history is complete.
        history.finish(resumed.stopReason, resumed.finalBestEpoch);
        for (TrainingListener listener : listeners) {
          listener.started(maxEpochs, description);
        }
        for (TrainingListener listener : listeners) {
          listener.finished(history);
        }
        return history;
      }
    }
    for (TrainingListener listener : listeners) {
      listener.started(maxEpochs, description);
    }
    TrainingHistory.StopReason reason = TrainingHistory.StopReason.MAX_EPOCHS;
    for (int epoch = history.size() + 1; epoch <= maxEpochs; epoch++) {
      double rate = trainer.schedule().rate(epoch - 1, maxEpochs);
      if (trainer.shuffles()) {
        shuffle(random);
      }
      double loss;
      try {
        loss = epoch(epoch, rate) / size;
      } catch (TrainingDivergedException diverged) {
        for (TrainingListener listener : listeners) {
          listener.failed(diverged, history);
        }
        throw diverged;
      }
      double validationLoss = Double.NaN;
      double accuracy = Double.NaN;
      if (learner.hasValidation()) {
        validationLoss = learner.validationLoss();
        if (learner.validationLabels != null) {
          accuracy = learner.validationAccuracy();
        }
      }
      EpochRecord record =
          new EpochRecord(epoch, rate, loss, validationLoss, accuracy, steps, (System.nanoTime() - start) / 1e9);
      history.add(record);
      for (TrainingListener listener : listeners) {
        listener.epochEnded(record, history);
      }
      if (trainer.patience() > 0) {
        if (validationLoss < bestLoss) {
          bestLoss = validationLoss;
          bestEpoch = epoch;
          sinceBest = 0;
          learner.save(Learner.BEST);
        } else if (++sinceBest >= trainer.patience()) {
          reason = TrainingHistory.StopReason.EARLY_STOPPING;
          break;
        }
      }
      if (loss <= trainer.targetLoss()) {
        reason = TrainingHistory.StopReason.TARGET_LOSS;
        break;
      }
      if (trainer.stopWhen() != null && trainer.stopWhen().test(history)) {
        reason = TrainingHistory.StopReason.CONDITION;
        break;
      }
      if (checkpointFile != null && epoch % checkpointEvery == 0 && epoch < maxEpochs) {
        save(history, null, 0, random, start, bestLoss, bestEpoch, sinceBest);
      }
    }
    int finalBest;
    if (trainer.patience() > 0 && bestEpoch > 0) {
      if (bestEpoch != history.size()) {
        learner.restore(Learner.BEST);
      }
      finalBest = bestEpoch;
    } else {
      finalBest = history.size();
    }
    history.finish(reason, finalBest);
    if (checkpointFile != null) {
      save(history, reason, finalBest, random, start, bestLoss, bestEpoch, sinceBest);
    }
    for (TrainingListener listener : listeners) {
      listener.finished(history);
    }
    return history;
  }

  /**
   * Writes the checkpoint of the run as it stands, between epochs: {@code reason} null while it goes on, or
   * why it ended, with {@code finalBest} the history's best epoch.
   */
  private void save(
      TrainingHistory history,
      TrainingHistory.StopReason reason,
      int finalBest,
      CountingRandom random,
      long start,
      double bestLoss,
      int bestEpoch,
      int sinceBest) {
    int count = learner.topology().parameterCount();
    double[][] moments;
    long optimizerSteps;
    if (optimizer == null) {
      moments = new double[0][];
      optimizerSteps = 0;
    } else {
      BoundState state = (BoundState) optimizer;
      moments = new double[state.momentCount()][];
      for (int n = 0; n < moments.length; n++) {
        moments[n] = state.moment(n, storageMap(), count);
      }
      optimizerSteps = state.steps();
    }
    Checkpoint checkpoint =
        new Checkpoint(
            header,
            reason,
            finalBest,
            history.size(),
            steps,
            random.draws(),
            order.clone(),
            (System.nanoTime() - start) / 1e9,
            bestLoss,
            bestEpoch,
            sinceBest,
            learner.parameters(),
            bestEpoch > 0 ? learner.snapshot(Learner.BEST) : null,
            optimizerSteps,
            moments,
            new ArrayList<>(history.epochs()));
    CheckpointFile.write(checkpoint, checkpointFile, learner.precision());
  }

  /** Gives the network, the optimizer and this loop the state of {@code checkpoint}. */
  private void restore(Checkpoint checkpoint) {
    if (optimizer != null) {
      BoundState state = (BoundState) optimizer;
      for (int n = 0; n < checkpoint.moments.length; n++) {
        state.setMoment(n, storageMap(), checkpoint.moments[n]);
      }
      state.setSteps(checkpoint.optimizerSteps);
    }
    learner.setParameters(checkpoint.parameters);
    if (checkpoint.bestParameters != null) {
      learner.setSnapshot(Learner.BEST, checkpoint.bestParameters);
    }
    steps = checkpoint.steps;
    System.arraycopy(checkpoint.order, 0, order, 0, size);
  }

  /** Where each element of the network's parameter arrays is in the canonical order; found once. */
  private int[][] storageMap() {
    if (storageMap == null) {
      storageMap = learner.storageMap();
    }
    return storageMap;
  }

  /** Fisher–Yates over the index permutation: each position, from the last, swapped with one at or before it. */
  private void shuffle(Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /** Trains one epoch: the sum of its sample losses. */
  private double epoch(int epoch, double rate) {
    learner.save(Learner.EPOCH);
    if (optimizer != null) {
      optimizer.saveState();
    }
    long epochStart = steps;
    double sum;
    try {
      sum = batches(epoch, rate, batches, false);
    } catch (TrainingDivergedException diverged) {
      if (learner.parametersFinite()) {
        throw diverged;
      }
      // The loss broke on parameters that an earlier step of this epoch had already broken.
      throw replay(epoch, rate, diverged.batch(), epochStart, diverged);
    }
    if (!learner.parametersFinite()) {
      throw replay(epoch, rate, batches, epochStart, null);
    }
    return sum;
  }

  /**
   * Trains batches 1 to {@code count} of this epoch's order. With {@code check}, the parameters are kept
   * before each step and checked after it, and a step that breaks them is undone and reported.
   */
  private double batches(int epoch, double rate, int count, boolean check) {
    double sum = 0.0;
    for (int b = 0; b < count; b++) {
      int from = b * batchSize;
      int to = Math.min(size, from + batchSize);
      if (check) {
        learner.save(Learner.STEP);
      }
      if (fused) {
        for (int k = from; k < to; k++) {
          int i = order[k];
          double loss;
          try {
            loss = learner.train(i, rate);
          } catch (ArithmeticException notFinite) {
            loss = Double.NaN;
          }
          if (!Double.isFinite(loss)) {
            throw lossDiverged(epoch, b + 1, i, loss);
          }
          sum += loss;
        }
      } else {
        double loss;
        try {
          loss = learner.accumulate(order, from, to);
        } catch (ArithmeticException notFinite) {
          loss = Double.NaN;
        }
        if (!Double.isFinite(loss)) {
          learner.clearGradients();
          throw batchDiverged(epoch, b + 1, from, to, loss);
        }
        sum += loss;
        learner.step(optimizer, to - from, rate);
      }
      steps++;
      if (check && !learner.parametersFinite()) {
        learner.restore(Learner.STEP);
        throw new TrainingDivergedException(
            "training diverged in epoch " + epoch + ", batch " + (b + 1) + " of " + batches + ": its update made a"
                + " parameter of " + learner.name() + " not finite; the parameters are those before that update"
                + " (try a smaller learning rate, or clipNorm on the optimizer)",
            epoch,
            b + 1,
            -1);
      }
    }
    return sum;
  }

  /**
   * Replays this epoch from its snapshot up to batch {@code count}, checking every step: the exception of
   * the step that broke the parameters, the network then as it was before that step.
   */
  private TrainingDivergedException replay(
      int epoch, double rate, int count, long epochStart, TrainingDivergedException original) {
    learner.restore(Learner.EPOCH);
    if (optimizer != null) {
      optimizer.restoreState();
    }
    steps = epochStart;
    try {
      batches(epoch, rate, count, true);
    } catch (TrainingDivergedException found) {
      return found;
    }
    // Not reproduced (it cannot be, with the same bits): report what was seen, from the epoch's start.
    learner.restore(Learner.EPOCH);
    return original != null
        ? original
        : new TrainingDivergedException(
            "training diverged in epoch " + epoch + ": a parameter of " + learner.name() + " is not finite; the"
                + " parameters are those at the start of the epoch",
            epoch,
            batches,
            -1);
  }

  /** The exception for a batch whose loss is not finite: it names the batch's first such sample. */
  private TrainingDivergedException batchDiverged(int epoch, int batch, int from, int to, double loss) {
    for (int k = from; k < to; k++) {
      double sampleLoss = learner.loss(order[k]);
      if (!Double.isFinite(sampleLoss)) {
        return lossDiverged(epoch, batch, order[k], sampleLoss);
      }
    }
    return new TrainingDivergedException(
        "training diverged in epoch " + epoch + ", batch " + batch + " of " + batches + ": the batch's summed loss"
            + " is " + loss + "; the parameters of " + learner.name() + " are those before this batch (try a smaller"
            + " learning rate)",
        epoch,
        batch,
        -1);
  }

  private TrainingDivergedException lossDiverged(int epoch, int batch, int sample, double loss) {
    return new TrainingDivergedException(
        "training diverged in epoch " + epoch + ", batch " + batch + " of " + batches + ": the loss on training sample "
            + sample + " is " + loss + "; the parameters of " + learner.name() + " are those before this batch"
            + " (try a smaller learning rate)",
        epoch,
        batch,
        sample);
  }
}
