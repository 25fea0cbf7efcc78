package dev.hardwired.benchmarks;

import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;

/**
 * 784-128-10 (logistic, squared error), (784 + 1) × 128 + (128 + 1) × 10 = 101,770 parameters, on 16
 * pen-stroke images of 28 × 28 pixels in [0, 1] with one-hot targets, the shape of MNIST.
 */
public class Size784x128x10Benchmark extends GeneratedNetworkBenchmark {
  @Override
  protected TrainableNetwork createGenerated() {
    return Size784x128x10Network.seeded(SEED);
  }

  @Override
  protected TrainableFloatNetwork createGeneratedFloat() {
    return Size784x128x10FloatNetwork.seeded(SEED);
  }

  @Override
  protected Samples samples() {
    return Samples.strokes(5, 28, 10);
  }
}
