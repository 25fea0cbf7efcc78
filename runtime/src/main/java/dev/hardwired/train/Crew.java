package dev.hardwired.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of {@link Trainer#threads(int)}: each batch is split into as many contiguous parts, one per
 * thread, each accumulated by its own copy of the network into its own gradient sums; then every thread adds
 * the parts' sums into the first part's, for its share of the arrays, always in the order of the parts. So
 * a run is deterministic for a given number of threads.
 *
 * <p>The calling thread does the first part itself. The others wait between batches, spinning for a while and
 * then parked, and are woken and waited for with {@link LockSupport}, which allocates nothing, so that no
 * step allocates once the threads have started.
 */
final class Crew implements AutoCloseable {
  /** What the threads do, by part: part 0 is the network's own, parts 1 on its copies'. */
  interface Work {
    /** Accumulates the samples at positions {@code from} to {@code to} of the order: their summed loss. */
    double accumulate(int part, int from, int to);

    /** Adds every part's sums into part 0's, for the arrays of {@code share} of {@code shares}. */
    void reduce(int share, int shares);
  }

  private static final int ACCUMULATE = 0;
  private static final int REDUCE = 1;
  /**
   * How long a thread spins before it parks, waiting for the next stage or for the others: a parked
   * thread takes tens to hundreds of µs to wake on a virtual machine, longer than a small batch's stage.
   */
  private static final long SPIN_NANOS = 200_000;

  private final Work work;
  private final int parts;
  private final Thread caller;
  private final Thread[] threads;
  private final AtomicInteger pending = new AtomicInteger();
  private final double[] losses;
  private final Throwable[] failures;
  private volatile int generation;
  private volatile boolean closed;
  // The current stage and batch, published to the threads by the write of generation.
  private int stage;
  private int from;
  private int to;

  Crew(Work work, int parts, String name) {
    this.work = work;
    this.parts = parts;
    this.caller = Thread.currentThread();
    this.losses = new double[parts];
    this.failures = new Throwable[parts];
    this.threads = new Thread[parts - 1];
    for (int t = 0; t < threads.length; t++) {
      int part = t + 1;
      threads[t] = new Thread(() -> serve(part), name + " " + part);
      threads[t].setDaemon(true);
      threads[t].start();
    }
  }

  /**
   * Accumulates the samples at positions {@code from} to {@code to} into part 0's sums, split between the
   * threads: their summed loss, added in the order of the parts.
   *
   * @throws ArithmeticException when a part's loss is not finite; the sums are then partly added
   */
  double accumulate(int from, int to) {
    this.from = from;
    this.to = to;
    runStage(ACCUMULATE);
    for (Throwable failure : failures) {
      if (failure instanceof RuntimeException) {
        throw (RuntimeException) failure;
      }
      if (failure instanceof Error) {
        throw (Error) failure;
      }
    }
    runStage(REDUCE);
    double loss = 0.0;
    for (double part : losses) {
      loss += part;
    }
    return loss;
  }

  /** Runs {@code stage} on every thread, part 0 here, and returns when all are done. */
  private void runStage(int stage) {
    this.stage = stage;
    java.util.Arrays.fill(failures, null);
    pending.set(threads.length);
    generation++;
    for (Thread thread : threads) {
      LockSupport.unpark(thread);
    }
    perform(0);
    long spinUntil = System.nanoTime() + SPIN_NANOS;
    while (pending.get() != 0) {
      if (System.nanoTime() > spinUntil) {
        LockSupport.park(this);
      }
    }
  }

  private void perform(int part) {
    try {
      if (stage == ACCUMULATE) {
        int length = to - from;
        losses[part] = work.accumulate(part, from + length * part / parts, from + length * (part + 1) / parts);
      } else {
        work.reduce(part, parts);
      }
    } catch (RuntimeException | Error e) {
      // Kept for the caller, after every part has finished: a thread that died would never report back.
      failures[part] = e;
    }
  }

  private void serve(int part) {
    int seen = 0;
    while (true) {
      long spinUntil = System.nanoTime() + SPIN_NANOS;
      while (generation == seen && !closed) {
        if (System.nanoTime() > spinUntil) {
          LockSupport.park(this);
        }
      }
      if (closed) {
        return;
      }
      seen = generation;
      perform(part);
      if (pending.decrementAndGet() == 0) {
        LockSupport.unpark(caller);
      }
    }
  }

  /** Stops the threads. */
  @Override
  public void close() {
    closed = true;
    for (Thread thread : threads) {
      LockSupport.unpark(thread);
    }
  }
}
