package dev.hardwired.io;

import dev.hardwired.Checks;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.reference.ReferenceNetwork;

/**
 * A single-precision network of any topology for these tests: a reference network whose parameters are
 * always floats, with every result rounded to float. Generated float networks are tested elsewhere.
 */
final class FloatNet implements TrainableFloatNetwork {
  private final ReferenceNetwork inner;

  FloatNet(Topology topology) {
    this(new ReferenceNetwork(topology));
  }

  private FloatNet(ReferenceNetwork inner) {
    this.inner = inner;
  }

  /** The reference network's default initialisation for the seed, rounded to floats. */
  static FloatNet seeded(Topology topology, long seed) {
    FloatNet net = new FloatNet(topology);
    double[] p = ReferenceNetwork.seeded(topology, seed).parameters();
    float[] f = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      f[i] = (float) p[i];
    }
    net.setParameters(f);
    return net;
  }

  @Override
  public int inputCount() {
    return inner.inputCount();
  }

  @Override
  public int outputCount() {
    return inner.outputCount();
  }

  @Override
  public float[] predict(float[] input) {
    float[] output = new float[outputCount()];
    predict(input, output);
    return output;
  }

  @Override
  public void predict(float[] input, float[] output) {
    Checks.requireFinite(input, inputCount(), "input");
    Checks.requireLength(output, outputCount(), "output");
    double[] y = inner.predict(wide(input));
    for (int k = 0; k < y.length; k++) {
      output[k] = (float) y[k];
    }
  }

  @Override
  public Topology topology() {
    return inner.topology();
  }

  @Override
  public int parameterCount() {
    return inner.parameterCount();
  }

  @Override
  public void getParameters(float[] destination) {
    Checks.requireLength(destination, parameterCount(), "destination");
    double[] p = inner.parameters();
    for (int i = 0; i < p.length; i++) {
      destination[i] = (float) p[i];
    }
  }

  @Override
  public void setParameters(float[] source) {
    Checks.requireFinite(source, parameterCount(), "parameters");
    inner.setParameters(wide(source));
  }

  @Override
  public float train(float[] input, float[] target, float learningRate) {
    float loss = (float) inner.train(wide(input), wide(target), learningRate);
    setParameters(parameters());
    return loss;
  }

  @Override
  public float loss(float[] input, float[] target) {
    return (float) inner.loss(wide(input), wide(target));
  }

  @Override
  public float accumulateGradient(float[] input, float[] target, float[] gradientSum) {
    Checks.requireLength(gradientSum, parameterCount(), "gradientSum");
    double[] g = new double[gradientSum.length];
    float loss = (float) inner.accumulateGradient(wide(input), wide(target), g);
    for (int i = 0; i < g.length; i++) {
      gradientSum[i] += (float) g[i];
    }
    return loss;
  }

  @Override
  public float[][] parameterArrays() {
    throw new UnsupportedOperationException("not used by these tests");
  }

  @Override
  public float accumulateGradient(float[] input, float[] target, float[][] gradientSums) {
    throw new UnsupportedOperationException("not used by these tests");
  }

  @Override
  public FloatNet copy() {
    return new FloatNet(inner.copy());
  }

  private static double[] wide(float[] values) {
    double[] wide = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }
}
