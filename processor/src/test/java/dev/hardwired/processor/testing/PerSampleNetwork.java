package dev.hardwired.processor.testing;

import dev.hardwired.Topology;
import dev.hardwired.TrainableNetwork;

/**
 * A network seen through the one-sample methods alone: every call goes to {@code network}, but a batch is
 * accumulated by {@link TrainableNetwork}'s default, one {@code accumulateGradient(input, target,
 * gradientSums)} per sample, instead of the generated batched kernels: the trainer's path before them, which
 * the batched kernels must match bit for bit.
 */
public final class PerSampleNetwork implements TrainableNetwork {
  private final TrainableNetwork network;

  public PerSampleNetwork(TrainableNetwork network) {
    this.network = network;
  }

  @Override
  public Topology topology() {
    return network.topology();
  }

  @Override
  public int inputCount() {
    return network.inputCount();
  }

  @Override
  public int outputCount() {
    return network.outputCount();
  }

  @Override
  public int parameterCount() {
    return network.parameterCount();
  }

  @Override
  public void getParameters(double[] destination) {
    network.getParameters(destination);
  }

  @Override
  public void setParameters(double[] source) {
    network.setParameters(source);
  }

  @Override
  public double[] predict(double[] input) {
    return network.predict(input);
  }

  @Override
  public void predict(double[] input, double[] output) {
    network.predict(input, output);
  }

  @Override
  public double train(double[] input, double[] target, double learningRate) {
    return network.train(input, target, learningRate);
  }

  @Override
  public double loss(double[] input, double[] target) {
    return network.loss(input, target);
  }

  @Override
  public double accumulateGradient(double[] input, double[] target, double[] gradientSum) {
    return network.accumulateGradient(input, target, gradientSum);
  }

  @Override
  public double[][] parameterArrays() {
    return network.parameterArrays();
  }

  @Override
  public double accumulateGradient(double[] input, double[] target, double[][] gradientSums) {
    return network.accumulateGradient(input, target, gradientSums);
  }

  @Override
  public TrainableNetwork copy() {
    return new PerSampleNetwork(network.copy());
  }

  @Override
  public String toString() {
    return network + ", one sample at a time";
  }
}
