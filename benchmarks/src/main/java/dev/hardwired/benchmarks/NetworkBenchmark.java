package dev.hardwired.benchmarks;

import dev.hardwired.TrainableNetwork;
import dev.hardwired.reference.ReferenceNetwork;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One training step and one prediction of one network, three ways: the generated class, {@link
 * ReferenceNetwork} with the same topology and parameters, and Encog ({@link EncogPeer}). Each call takes
 * the next of a small fixed set of samples, in turn; every call's result is returned to JMH.
 *
 * <p>All three start from the generated network's {@code seeded(42)} parameters, checked by {@link Parity}
 * to give the same predictions and the same trained parameters, and are put back to them before every
 * iteration, so that each measures the same stretch of training. Subclasses give the network, its samples
 * and its learning rate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class NetworkBenchmark {
  static final long SEED = 42;

  private TrainableNetwork generated;
  private ReferenceNetwork reference;
  private EncogPeer encog;
  private double[] initial;
  private double[][] inputs;
  private double[][] targets;
  private double[] output;
  private double learningRate;
  private int mask;
  private int next;

  /** The generated network, {@code seeded(SEED)}. */
  protected abstract TrainableNetwork createGenerated();

  protected abstract Samples samples();

  protected abstract double learningRate();

  @Setup(Level.Trial)
  public void setUp() {
    Samples samples = samples();
    learningRate = learningRate();
    generated = createGenerated();
    Parity.check(generated, samples, learningRate);
    initial = generated.parameters();
    reference = ReferenceNetwork.of(generated);
    encog = new EncogPeer(generated.topology(), initial, samples, learningRate);
    inputs = samples.inputs;
    targets = samples.targets;
    output = new double[generated.outputCount()];
    mask = samples.count() - 1;
  }

  @Setup(Level.Iteration)
  public void restart() {
    generated.setParameters(initial);
    reference.setParameters(initial);
    encog.setParameters(initial);
    next = 0;
  }

  private int nextSample() {
    int sample = next;
    next = (sample + 1) & mask;
    return sample;
  }

  /** One SGD step of the generated network; returns the loss. */
  @Benchmark
  public double trainGenerated() {
    int s = nextSample();
    return generated.train(inputs[s], targets[s], learningRate);
  }

  /** One SGD step of the reference network; returns the loss. */
  @Benchmark
  public double trainReference() {
    int s = nextSample();
    return reference.train(inputs[s], targets[s], learningRate);
  }

  /** Encog's per-sample online step: gradient worker and weight update; returns the first output. */
  @Benchmark
  public double trainEncog() {
    return encog.train(nextSample());
  }

  /** One {@code Backpropagation.iteration()} on a one-sample set; returns Encog's error. */
  @Benchmark
  public double trainEncogIteration() {
    int s = nextSample();
    return encog.trainByIteration(inputs[s], targets[s]);
  }

  @Benchmark
  public double[] predictGenerated() {
    generated.predict(inputs[nextSample()], output);
    return output;
  }

  @Benchmark
  public double[] predictReference() {
    reference.predict(inputs[nextSample()], output);
    return output;
  }

  /** Encog's {@code BasicNetwork.compute(double[], double[])}. */
  @Benchmark
  public double[] predictEncog() {
    encog.predict(inputs[nextSample()], output);
    return output;
  }

  /** Encog's {@code FlatNetwork.compute(double[], double[])}, which the former wraps. */
  @Benchmark
  public double[] predictEncogFlat() {
    encog.predictFlat(inputs[nextSample()], output);
    return output;
  }
}
