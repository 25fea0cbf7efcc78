package dev.hardwired.io;

import dev.hardwired.Topology;
import dev.hardwired.TrainableNetwork;

/** A network that only reports fixed parameters, which may be anything: for what no real network holds. */
final class FixedParameters implements TrainableNetwork {
  private final Topology topology;
  private final double[] parameters;

  FixedParameters(Topology topology, double[] parameters) {
    this.topology = topology;
    this.parameters = parameters.clone();
  }

  @Override
  public Topology topology() {
    return topology;
  }

  @Override
  public int parameterCount() {
    return parameters.length;
  }

  @Override
  public void getParameters(double[] destination) {
    System.arraycopy(parameters, 0, destination, 0, parameters.length);
  }

  @Override
  public void setParameters(double[] source) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int inputCount() {
    return topology.inputs();
  }

  @Override
  public int outputCount() {
    return topology.outputs();
  }

  @Override
  public double[] predict(double[] input) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void predict(double[] input, double[] output) {
    throw new UnsupportedOperationException();
  }

  @Override
  public double train(double[] input, double[] target, double learningRate) {
    throw new UnsupportedOperationException();
  }

  @Override
  public double loss(double[] input, double[] target) {
    throw new UnsupportedOperationException();
  }

  @Override
  public double accumulateGradient(double[] input, double[] target, double[] gradientSum) {
    throw new UnsupportedOperationException();
  }

  @Override
  public double[][] parameterArrays() {
    throw new UnsupportedOperationException("not used by these tests");
  }

  @Override
  public double accumulateGradient(double[] input, double[] target, double[][] gradientSums) {
    throw new UnsupportedOperationException("not used by these tests");
  }

  @Override
  public TrainableNetwork copy() {
    return new FixedParameters(topology, parameters);
  }
}
