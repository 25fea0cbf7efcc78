package dev.hardwired.benchmarks;

import dev.hardwired.Initialization;
import dev.hardwired.Topology;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.reference.ReferenceNetwork;
import java.util.Arrays;
import java.util.List;
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
 * One training step and one prediction of one network by {@link ReferenceNetwork} and by Encog ({@link
 * EncogPeer}); {@link GeneratedNetworkBenchmark} adds the generated class. Each call takes the next of a
 * small fixed set of samples, in turn; every call's result is returned to JMH.
 *
 * <p>All of them start from the parameters that {@code seeded(42)} gives ({@link Initialization} of the
 * topology); {@link Parity} checks that from there they give the same predictions and the same trained
 * parameters; before every iteration they are put back to them, so that each iteration measures the same
 * stretch of training. Every network learns at {@link #LEARNING_RATE}; subclasses give the topology and the
 * samples.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class NetworkBenchmark {
  static final long SEED = 42;
  static final double LEARNING_RATE = 0.1;

  private Topology topology;
  private List<TrainableNetwork> subjects;
  private ReferenceNetwork reference;
  private EncogPeer encog;
  private double[] initial;
  double[][] inputs;
  double[][] targets;
  double[] output;
  // A field, not the constant, as a caller's would be: the JIT must not fold the rate into the steps.
  double learningRate;
  private int mask;
  private int next;

  /** The network's layers, activations and loss. */
  protected abstract Topology topology();

  /** The samples that the calls take in turn; their count is a power of two. */
  protected abstract Samples samples();

  /**
   * The networks besides the reference and Encog that this benchmark measures, each {@code seeded(SEED)}:
   * none here; the generated class in {@link GeneratedNetworkBenchmark}.
   */
  protected List<TrainableNetwork> createSubjects() {
    return List.of();
  }

  @Setup(Level.Trial)
  public void setUp() {
    topology = topology();
    learningRate = LEARNING_RATE;
    Samples samples = samples();
    initial = Initialization.initialParameters(topology, SEED);
    subjects = List.copyOf(createSubjects());
    for (TrainableNetwork subject : subjects) {
      requireSameStart(subject);
      Parity.check(subject, samples, learningRate);
    }
    reference = ReferenceNetwork.seeded(topology, SEED);
    if (subjects.isEmpty()) {
      // Nothing else to hold Encog to: check it against the reference itself.
      Parity.check(reference, samples, learningRate);
    }
    encog = new EncogPeer(topology, initial, samples, learningRate);
    inputs = samples.inputs;
    targets = samples.targets;
    output = new double[topology.outputs()];
    mask = samples.count() - 1;
  }

  private void requireSameStart(TrainableNetwork subject) {
    if (!subject.topology().equals(topology) || !Arrays.equals(subject.parameters(), initial)) {
      throw new IllegalStateException(subject + " does not start as ReferenceNetwork.seeded(" + topology
          + ", " + SEED + ") does; the benchmark would not compare like with like");
    }
  }

  @Setup(Level.Iteration)
  public void restart() {
    for (TrainableNetwork subject : subjects) {
      subject.setParameters(initial);
    }
    reference.setParameters(initial);
    encog.setParameters(initial);
    next = 0;
  }

  final int nextSample() {
    int sample = next;
    next = (sample + 1) & mask;
    return sample;
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
