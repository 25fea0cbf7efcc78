package dev.hardwired.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A step allocates nothing: the thread's allocation counter does not grow over many steps. */
class AllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  // Room for what the JVM itself may allocate on this thread between the two readings; one allocation
  // per step would be at least 16 bytes × 10,000.
  private static final long SLACK = 1024;
  private static final int STEPS = 10_000;
  static Object sink;

  private static long allocated() {
    return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static long doubleSteps(OptimizerState state, double[][] sums, double[][] values, int steps) {
    long before = allocated();
    for (int t = 0; t < steps; t++) {
      for (int k = 0; k < sums.length; k++) {
        System.arraycopy(values[k], 0, sums[k], 0, sums[k].length);
      }
      state.step(3, 1e-4);
    }
    return allocated() - before;
  }

  private static long floatSteps(OptimizerState state, float[][] sums, float[][] values, int steps) {
    long before = allocated();
    for (int t = 0; t < steps; t++) {
      for (int k = 0; k < sums.length; k++) {
        System.arraycopy(values[k], 0, sums[k], 0, sums[k].length);
      }
      state.step(3, 1e-4);
    }
    return allocated() - before;
  }

  @Test
  void theMeterSeesAllocation() {
    allocated();
    long before = allocated();
    for (int t = 0; t < STEPS; t++) {
      sink = new double[2];
    }
    long bytes = allocated() - before;
    assertTrue(bytes >= 16L * STEPS, bytes + " bytes");
  }

  @Test
  void stepsAllocateNothing() {
    assertTrue(THREADS.isThreadAllocatedMemorySupported());
    allocated();
    java.util.Random random = new java.util.Random(2);
    for (Cases.Case c : Cases.all()) {
      double[][] parameters = Cases.randomArrays(random, Cases.LENGTHS);
      double[][] sums = Cases.zeros(parameters);
      // Small sums, so that 30,000 steps stay finite; the clipped cases still clip some of them.
      double[][] values = Cases.randomArrays(random, Cases.LENGTHS);
      OptimizerState state = c.optimizer().bind(parameters, sums);
      float[][] floatParameters = Cases.narrow(parameters);
      float[][] floatSums = Cases.narrow(sums);
      float[][] floatValues = Cases.narrow(values);
      OptimizerState floatState = c.optimizer().bind(floatParameters, floatSums);
      state.saveState();
      floatState.saveState();
      // Warm-up, so that the step is compiled before it is measured.
      doubleSteps(state, sums, values, 2 * STEPS);
      floatSteps(floatState, floatSums, floatValues, 2 * STEPS);
      long bytes = doubleSteps(state, sums, values, STEPS);
      assertTrue(bytes <= SLACK, c.name() + " (double): " + bytes + " bytes over " + STEPS + " steps");
      bytes = floatSteps(floatState, floatSums, floatValues, STEPS);
      assertTrue(bytes <= SLACK, c.name() + " (float): " + bytes + " bytes over " + STEPS + " steps");
      // Saving again reuses the copy allocated by the first save; restoring allocates nothing.
      long before = allocated();
      state.saveState();
      floatState.saveState();
      state.restoreState();
      floatState.restoreState();
      bytes = allocated() - before;
      assertTrue(bytes <= SLACK, c.name() + " save and restore: " + bytes + " bytes");
    }
  }
}
