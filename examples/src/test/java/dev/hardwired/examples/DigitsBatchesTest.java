package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The main job's comparison of the batched kernels with the per-sample path: both train the same bits. */
class DigitsBatchesTest {
  @Test
  void theBatchedKernelsTrainTheBitsOfThePerSamplePath() {
    // timesAndCheck throws unless both trainings end with the same parameters, bit for bit.
    double[] millis = DigitsBatches.timesAndCheck();
    assertTrue(millis[0] > 0 && millis[1] > 0);
    assertTrue(DigitsBatches.run().contains("the same parameters, bit for bit"));
  }
}
