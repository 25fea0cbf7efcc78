package dev.hardwired.benchmarks;

import dev.hardwired.TrainableNetwork;

/** XOR 2-2-1 (logistic, squared error), 9 parameters; the four XOR samples; learning rate 0.5. */
public class XorBenchmark extends NetworkBenchmark {
  @Override
  protected TrainableNetwork createGenerated() {
    return XorNetwork.seeded(SEED);
  }

  @Override
  protected Samples samples() {
    return Samples.xor();
  }

  @Override
  protected double learningRate() {
    return 0.5;
  }
}
