package dev.hardwired.benchmarks;

import dev.hardwired.TrainableNetwork;

/**
 * Iris-shaped 4-8-3 (tanh hidden, softmax outputs, softmax cross-entropy), 67 parameters; 16 samples
 * around three class centres; learning rate 0.05.
 */
public class IrisBenchmark extends NetworkBenchmark {
  @Override
  protected TrainableNetwork createGenerated() {
    return IrisNetwork.seeded(SEED);
  }

  @Override
  protected Samples samples() {
    return Samples.irisShaped(7);
  }

  @Override
  protected double learningRate() {
    return 0.05;
  }
}
