import java.util.concurrent.CyclicBarrier;

/**
 * What splitting a batch between two cores costs in cache traffic: 784 rows of 128 doubles (784-128-10's
 * first layer), which both threads read, as both read every weight of a batch split by samples; then each
 * updates its own half of the rows, as each thread updates its share of the parameters. Both steps are timed,
 * against one thread reading every row and updating half of them alone. Not part of the build.
 *
 * <pre>java benchmarks/experiments/SharedLines.java</pre>
 */
public class SharedLines {
  static final int ROWS = 784;
  static final int COLUMNS = 128;
  static final double[][] rows = new double[ROWS][COLUMNS];
  static volatile double sink;

  static void read() {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (double[] row : rows) {
      for (int j = 0; j < COLUMNS; j += 4) {
        s0 += row[j];
        s1 += row[j + 1];
        s2 += row[j + 2];
        s3 += row[j + 3];
      }
    }
    sink = s0 + s1 + s2 + s3;
  }

  static void update(int from, int to) {
    for (int i = from; i < to; i++) {
      double[] row = rows[i];
      for (int j = 0; j < COLUMNS; j++) {
        row[j] = row[j] * 0.999 + 1e-6;
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int rounds = 4000;
    long[] updateNanos = new long[2];
    long[] readNanos = new long[2];
    CyclicBarrier barrier = new CyclicBarrier(2);
    Runnable[] parts = new Runnable[2];
    for (int p = 0; p < 2; p++) {
      int part = p;
      parts[p] = () -> {
        try {
          for (int r = 0; r < rounds; r++) {
            barrier.await();
            long t0 = System.nanoTime();
            read();
            long t1 = System.nanoTime();
            barrier.await();
            long t2 = System.nanoTime();
            update(part * ROWS / 2, (part + 1) * ROWS / 2);
            if (r >= rounds / 2) {
              readNanos[part] += t1 - t0;
              updateNanos[part] += System.nanoTime() - t2;
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      };
    }
    Thread other = new Thread(parts[1]);
    other.start();
    parts[0].run();
    other.join();
    long aloneRead = 0;
    long aloneUpdate = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      read();
      long t1 = System.nanoTime();
      update(0, ROWS / 2);
      if (r >= rounds / 2) {
        aloneRead += t1 - t0;
        aloneUpdate += System.nanoTime() - t1;
      }
    }
    double n = rounds / 2 * 1e3;
    System.out.printf(
        "two threads: reading every row %.1f and %.1f µs, updating half %.1f and %.1f µs; one thread: %.1f and %.1f µs%n",
        readNanos[0] / n, readNanos[1] / n, updateNanos[0] / n, updateNanos[1] / n, aloneRead / n, aloneUpdate / n);
  }
}
