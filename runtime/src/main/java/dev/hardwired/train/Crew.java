package dev.hardwired.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of {@link Trainer#threads(int)}, one per part: the caller does part 0 itself, the others wait
 * between stages on threads of their own. The learner says what each part does in each stage (accumulate its
 * contiguous piece of the batch; reduce and update its share of the arrays), and the crew adds up the parts'
 * results in the order of the parts, so that a run is deterministic for a given number of threads.
 *
 * <p>Between stages the threads wait spinning for a while and then parked, and are woken and waited for
 * with {@link LockSupport}, which allocates nothing, so that no step allocates once the threads have started.
 */
final class Crew implements AutoCloseable {
  /** What the threads do. */
  interface Work {
    /**
     * Does {@code stage} for {@code part}, on that part's thread: a number that the crew adds up in the
     * order of the parts (a loss, a sum of squares).
     */
    double perform(int stage, int part);
  }

  /**
   * How long a thread spins before it parks, waiting for the next stage or for the others: a parked
   * thread takes tens to hundreds of µs to wake on a virtual machine, longer than a small batch's stage.
   */
  private static final long SPIN_NANOS = 200_000;

  private final Work work;
  private final Thread caller;
  private final Thread[] threads;
  private final AtomicInteger pending = new AtomicInteger();
  private final double[] results;
  private final Throwable[] failures;
  private volatile int generation;
  private volatile boolean closed;
  // The current stage, published to the threads by the write of generation.
  private int stage;

  Crew(Work work, int parts, String name) {
    this.work = work;
    this.caller = Thread.currentThread();
    this.results = new double[parts];
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
   * Runs {@code stage} on every part and returns when all are done: the parts' results added in their
   * order. A part's exception is thrown here, after every part has finished (the first part's first).
   */
  double run(int stage) {
    runStage(stage);
    for (Throwable failure : failures) {
      if (failure instanceof RuntimeException) {
        throw (RuntimeException) failure;
      }
      if (failure instanceof Error) {
        throw (Error) failure;
      }
    }
    double sum = 0.0;
    for (double result : results) {
      sum += result;
    }
    return sum;
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
      results[part] = work.perform(stage, part);
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
