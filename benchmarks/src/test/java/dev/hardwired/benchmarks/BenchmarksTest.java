package dev.hardwired.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs nothing that JMH measures: sets every benchmark up, which checks with {@link Parity} that the three
 * implementations do the same work, and calls each benchmark method a few times.
 */
class BenchmarksTest {
  @Test
  void everyBenchmarkComparesLikeWithLikeAndRuns() {
    for (NetworkBenchmark benchmark : List.of(new XorBenchmark(), new IrisBenchmark(), new WideBenchmark())) {
      benchmark.setUp();
      benchmark.restart();
      for (int i = 0; i < 100; i++) {
        assertTrue(Double.isFinite(benchmark.trainGenerated()));
        assertTrue(Double.isFinite(benchmark.trainReference()));
        assertTrue(Double.isFinite(benchmark.trainEncog()));
        assertTrue(Double.isFinite(benchmark.trainEncogIteration()));
        assertTrue(Double.isFinite(benchmark.predictGenerated()[0]));
        assertTrue(Double.isFinite(benchmark.predictReference()[0]));
        assertTrue(Double.isFinite(benchmark.predictEncog()[0]));
        assertTrue(Double.isFinite(benchmark.predictEncogFlat()[0]));
      }
    }
  }

  @Test
  void theWideNetworkIsAtTheUnrolledLimit() {
    assertEquals(160, WideNetwork.PARAMETERS);
    assertEquals(67, IrisNetwork.PARAMETERS);
    assertEquals(9, XorNetwork.PARAMETERS);
  }
}
