package dev.hardwired.benchmarks;

import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;

/**
 * 4-8-3 (logistic, squared error), 67 parameters, on 16 iris-shaped samples: four standardised
 * measurements around three class centres, one-hot targets.
 */
public class Size4x8x3Benchmark extends GeneratedNetworkBenchmark {
  @Override
  protected TrainableNetwork createGenerated() {
    return Size4x8x3Network.seeded(SEED);
  }

  @Override
  protected TrainableFloatNetwork createGeneratedFloat() {
    return Size4x8x3FloatNetwork.seeded(SEED);
  }

  @Override
  protected Samples samples() {
    return Samples.irisShaped(7);
  }
}
