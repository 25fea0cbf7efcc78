package dev.hardwired.train;

import java.nio.file.Paths;

/**
 * The program that {@link CheckpointKillTest} starts in a child JVM and kills: one of {@link CheckpointRuns}
 * with checkpoints, printing a line as each epoch ends.
 *
 * <p>Arguments: the seed of the runs, the index of the run, the checkpoint file, every how many epochs to save.
 */
public final class CheckpointChild {
  private CheckpointChild() {}

  public static void main(String[] args) {
    long seed = Long.parseLong(args[0]);
    CheckpointRuns.Run run = CheckpointRuns.all(seed).get(Integer.parseInt(args[1]));
    Trainer trainer =
        run.trainer
            .checkpoint(Paths.get(args[2]), Integer.parseInt(args[3]))
            .listener(
                (epoch, history) -> {
                  System.out.println("epoch " + epoch.epoch());
                  System.out.flush();
                });
    TrainingHistory history = run.train(trainer, run.network());
    System.out.println("done " + history.size());
    System.out.flush();
  }
}
