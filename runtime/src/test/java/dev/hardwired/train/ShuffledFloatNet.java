package dev.hardwired.train;

import dev.hardwired.Checks;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.reference.ReferenceNetwork;

/**
 * A single-precision network of any topology for the trainer's tests: the reference network's mathematics
 * with every parameter and result rounded to float, whose parameter arrays are not the canonical order (as a
 * generated network's looped layers are not): two arrays, the parameters in reverse order split between them.
 */
public final class ShuffledFloatNet implements TrainableFloatNetwork {
  private final ReferenceNetwork inner;
  private final float[] first;
  private final float[] second;

  ShuffledFloatNet(Topology topology) {
    this.inner = new ReferenceNetwork(topology);
    int n = topology.parameterCount();
    this.first = new float[n / 2];
    this.second = new float[n - n / 2];
  }

  /** The reference network's initialisation for the seed, rounded to floats. */
  public static ShuffledFloatNet seeded(Topology topology, long seed) {
    ShuffledFloatNet net = new ShuffledFloatNet(topology);
    double[] p = ReferenceNetwork.seeded(topology, seed).parameters();
    float[] f = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      f[i] = (float) p[i];
    }
    net.setParameters(f);
    return net;
  }

  private float get(int i) {
    int r = parameterCount() - 1 - i;
    return r < first.length ? first[r] : second[r - first.length];
  }

  private void set(int i, float value) {
    int r = parameterCount() - 1 - i;
    if (r < first.length) {
      first[r] = value;
    } else {
      second[r - first.length] = value;
    }
  }

  /**
   * The reference network takes these parameters, widened, into its own array: unchecked, so that an update
   * that broke a parameter gives a loss that is not finite, as a generated network's would.
   */
  private void sync() {
    double[] p = inner.parameterArrays()[0];
    for (int i = 0; i < p.length; i++) {
      p[i] = get(i);
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
    sync();
    double[] y = inner.predict(wide(input));
    for (int k = 0; k < y.length; k++) {
      output[k] = (float) y[k];
    }
  }

  @Override
  public void getParameters(float[] destination) {
    Checks.requireLength(destination, parameterCount(), "destination");
    for (int i = 0; i < destination.length; i++) {
      destination[i] = get(i);
    }
  }

  @Override
  public void setParameters(float[] source) {
    Checks.requireFinite(source, parameterCount(), "parameters");
    for (int i = 0; i < source.length; i++) {
      set(i, source[i]);
    }
  }

  @Override
  public float train(float[] input, float[] target, float learningRate) {
    sync();
    float loss = (float) inner.train(wide(input), wide(target), learningRate);
    double[] p = inner.parameters();
    for (int i = 0; i < p.length; i++) {
      set(i, (float) p[i]);
    }
    return loss;
  }

  @Override
  public float loss(float[] input, float[] target) {
    sync();
    return (float) inner.loss(wide(input), wide(target));
  }

  @Override
  public float accumulateGradient(float[] input, float[] target, float[] gradientSum) {
    Checks.requireLength(gradientSum, parameterCount(), "gradientSum");
    sync();
    double[] g = new double[gradientSum.length];
    float loss = (float) inner.accumulateGradient(wide(input), wide(target), g);
    for (int i = 0; i < g.length; i++) {
      gradientSum[i] += (float) g[i];
    }
    return loss;
  }

  @Override
  public float[][] parameterArrays() {
    return new float[][] {first, second};
  }

  @Override
  public float accumulateGradient(float[] input, float[] target, float[][] gradientSums) {
    Checks.requireShape(gradientSums, parameterArrays(), "gradientSums");
    sync();
    double[] g = new double[parameterCount()];
    float loss = (float) inner.accumulateGradient(wide(input), wide(target), g);
    for (int i = 0; i < g.length; i++) {
      int r = g.length - 1 - i;
      if (r < first.length) {
        gradientSums[0][r] += (float) g[i];
      } else {
        gradientSums[1][r - first.length] += (float) g[i];
      }
    }
    return loss;
  }

  @Override
  public ShuffledFloatNet copy() {
    ShuffledFloatNet copy = new ShuffledFloatNet(topology());
    copy.setParameters(parameters());
    return copy;
  }

  @Override
  public String toString() {
    return "ShuffledFloatNet " + topology();
  }

  private static double[] wide(float[] values) {
    double[] wide = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }
}
