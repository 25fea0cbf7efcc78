package dev.hardwired.train;

import dev.hardwired.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Runs several trainings at once, one per core: copies of a network from other seeds, or other trainers
 * (optimizers, rates, batch sizes) on copies of one network.
 *
 * <pre>{@code
 * List<Callable<TrainingHistory>> runs = new ArrayList<>();
 * for (double rate : new double[] {0.3, 0.1, 0.03}) {
 *   XorNetwork copy = network.copy();
 *   runs.add(() -> trainer.learningRate(rate).train(copy, data));
 * }
 * List<TrainingHistory> histories = Sweep.run(runs);
 * }</pre>
 *
 * <p>Each task must train its own network (a {@code copy()}); data sets and trainers may be shared, as
 * neither changes. A training run uses only its own network, its own data copy and its own seed, so every
 * result is bit-identical to the same task run alone, whatever the number of threads. Listeners are
 * called from the task's thread.
 *
 * <p><b>Threads.</b> Safe to call from any thread. A listener that tasks share is called from their threads
 * at once, so a {@link ConsoleProgress} needs a trainer of its own per task. A task whose trainer has {@link
 * Trainer#threads(int)} starts that many threads of its own beside the pool's, and still gives the bits of
 * its run alone. The results, complete when {@code run} returns, are safe to read on the calling thread.
 */
public final class Sweep {
  private Sweep() {}

  /** Runs every task on as many threads as there are processors; see {@link #run(List, int)}. */
  public static <T> List<T> run(List<? extends Callable<T>> tasks) {
    Checks.requireNonNull(tasks, "tasks", "a list of tasks");
    return run(tasks, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs every task on a pool of {@code threads} threads and waits for all of them.
   *
   * @return the tasks' results, in the order of the tasks
   * @throws IllegalArgumentException when {@code threads < 1} or a task is null
   * @throws SweepException when a task threw: the first such task in the list, with its exception as the
   *     cause (a {@link TrainingDivergedException}, say), after every task has ended
   */
  public static <T> List<T> run(List<? extends Callable<T>> tasks, int threads) {
    Checks.requireNonNull(tasks, "tasks", "a list of tasks");
    if (threads < 1) {
      throw new IllegalArgumentException("threads is " + threads + "; expected at least 1");
    }
    for (int t = 0; t < tasks.size(); t++) {
      if (tasks.get(t) == null) {
        throw new IllegalArgumentException("task " + t + " is null");
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), daemons());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>();
      SweepException failure = null;
      for (int t = 0; t < futures.size(); t++) {
        try {
          results.add(futures.get(t).get());
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = new SweepException("task " + t + " of " + tasks.size() + " failed: " + e.getCause(), t, e.getCause());
          }
          results.add(null);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SweepException("interrupted while waiting for task " + t, t, e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Threads that do not keep the JVM alive, named for thread dumps. */
  private static ThreadFactory daemons() {
    return new ThreadFactory() {
      private int count;

      @Override
      public synchronized Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "hardwired-sweep-" + ++count);
        thread.setDaemon(true);
        return thread;
      }
    };
  }

  /**
   * A task of a sweep failed.
   *
   * <p><b>Threads.</b> Its message and fields are fixed when it is made, so any thread it is handed to may
   * read it.
   */
  public static final class SweepException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int task;

    SweepException(String message, int task, Throwable cause) {
      super(message, cause);
      this.task = task;
    }

    /** The index of the failed task in the list. */
    public int task() {
      return task;
    }
  }
}
