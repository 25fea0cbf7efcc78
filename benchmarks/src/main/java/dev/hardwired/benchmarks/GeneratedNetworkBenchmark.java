package dev.hardwired.benchmarks;

import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.reference.ReferenceNetwork;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@link NetworkBenchmark} with the generated class as well, in double and in single precision: its
 * {@code train} and {@code predict(input, output)} against the same steps of the reference network and of
 * Encog. The topology is the generated class's own.
 */
public abstract class GeneratedNetworkBenchmark extends NetworkBenchmark {
  private TrainableNetwork generated;
  private TrainableFloatNetwork generatedFloat;
  private float[] initialFloat;
  private float[][] floatInputs;
  private float[][] floatTargets;
  private float[] floatOutput;
  private float floatLearningRate;

  /** The generated network, {@code seeded(SEED)}. */
  protected abstract TrainableNetwork createGenerated();

  /** The same declaration with {@code precision = Precision.FLOAT}, {@code seeded(SEED)}. */
  protected abstract TrainableFloatNetwork createGeneratedFloat();

  @Override
  protected Topology topology() {
    return createGenerated().topology();
  }

  @Override
  protected List<TrainableNetwork> createSubjects() {
    generated = createGenerated();
    return List.of(generated);
  }

  @Setup(Level.Trial)
  public void setUpFloat() {
    generatedFloat = createGeneratedFloat();
    Samples samples = samples();
    floatInputs = narrow(samples.inputs);
    floatTargets = narrow(samples.targets);
    floatOutput = new float[generatedFloat.outputCount()];
    floatLearningRate = (float) LEARNING_RATE;
    initialFloat = generatedFloat.parameters();
    checkFloat(generatedFloat, floatInputs, floatTargets, floatLearningRate);
  }

  @Setup(Level.Iteration)
  public void restartFloat() {
    generatedFloat.setParameters(initialFloat);
  }

  /** One SGD step of the generated network; returns the loss. */
  @Benchmark
  public double trainGenerated() {
    int s = nextSample();
    return generated.train(inputs[s], targets[s], learningRate);
  }

  @Benchmark
  public double[] predictGenerated() {
    generated.predict(inputs[nextSample()], output);
    return output;
  }

  /** One SGD step of the generated network in single precision; returns the loss. */
  @Benchmark
  public float trainGeneratedFloat() {
    int s = nextSample();
    return generatedFloat.train(floatInputs[s], floatTargets[s], floatLearningRate);
  }

  @Benchmark
  public float[] predictGeneratedFloat() {
    generatedFloat.predict(floatInputs[nextSample()], floatOutput);
    return floatOutput;
  }

  /**
   * That the float network does the reference network's work, to float's precision: the same start
   * (rounded), then the same predictions and losses through a pass of training over the samples.
   */
  static void checkFloat(TrainableFloatNetwork network, float[][] inputs, float[][] targets, float rate) {
    TrainableFloatNetwork copy = network.copy();
    ReferenceNetwork reference = ReferenceNetwork.of(copy);
    for (int s = 0; s < inputs.length; s++) {
      double[] x = widen(inputs[s]);
      double expected = reference.train(x, widen(targets[s]), rate);
      double actual = copy.train(inputs[s], targets[s], rate);
      if (Math.abs(expected - actual) > 1e-4 * Math.max(1, Math.abs(expected))) {
        throw new IllegalStateException(
            network + " in float has loss " + actual + " at sample " + s + " where the reference has " + expected);
      }
    }
  }

  private static float[][] narrow(double[][] rows) {
    float[][] narrow = new float[rows.length][];
    for (int s = 0; s < rows.length; s++) {
      narrow[s] = new float[rows[s].length];
      for (int i = 0; i < rows[s].length; i++) {
        narrow[s][i] = (float) rows[s][i];
      }
    }
    return narrow;
  }

  private static double[] widen(float[] values) {
    double[] wide = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }
}
