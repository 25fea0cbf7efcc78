package dev.hardwired.benchmarks;

import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;

/**
 * 64-32-10 (logistic, squared error), (64 + 1) × 32 + (32 + 1) × 10 = 2,410 parameters, on 16
 * pen-stroke images of 8 × 8 pixels in [0, 1] with one-hot targets, the shape of the 8 × 8 digits.
 */
public class Size64x32x10Benchmark extends GeneratedNetworkBenchmark {
  @Override
  protected TrainableNetwork createGenerated() {
    return Size64x32x10Network.seeded(SEED);
  }

  @Override
  protected TrainableFloatNetwork createGeneratedFloat() {
    return Size64x32x10FloatNetwork.seeded(SEED);
  }

  @Override
  protected Samples samples() {
    return Samples.strokes(3, 8, 10);
  }
}
