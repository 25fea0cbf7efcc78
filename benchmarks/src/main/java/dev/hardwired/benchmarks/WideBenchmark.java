package dev.hardwired.benchmarks;

import dev.hardwired.TrainableNetwork;

/**
 * 8-12-4 (logistic, squared error), 160 parameters, the unrolled limit; 16 samples of uniform inputs and
 * random target bits; learning rate 0.2.
 */
public class WideBenchmark extends NetworkBenchmark {
  @Override
  protected TrainableNetwork createGenerated() {
    return WideNetwork.seeded(SEED);
  }

  @Override
  protected Samples samples() {
    return Samples.uniform(11, 8, 4);
  }

  @Override
  protected double learningRate() {
    return 0.2;
  }
}
