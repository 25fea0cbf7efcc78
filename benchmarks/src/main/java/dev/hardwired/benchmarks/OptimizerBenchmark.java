package dev.hardwired.benchmarks;

import dev.hardwired.train.Optimizer;
import dev.hardwired.train.OptimizerState;
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
 * One mini-batch step of 784-128-10 (101,770 parameters) on a batch of 16 samples, with the runtime's
 * optimizers updating the generated network's arrays in place: the backward pass of every sample into the
 * gradient sums ({@code accumulateGradient} laid out as the parameter arrays), then the optimizer's step.
 * {@code trainSgd} is plain SGD, {@code trainAdam} Adam; {@code trainFused} is the same 16 samples as 16
 * fused online-SGD steps, for scale. {@code stepSgd} and {@code stepAdam} time the optimizers' update
 * alone, one pass over every parameter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OptimizerBenchmark {
  private Size784x128x10Network network;
  private double[] initial;
  private double[][] inputs;
  private double[][] targets;
  private OptimizerState sgd;
  private OptimizerState adam;
  private double[][] gradientSums;
  // A field, not a constant, as a caller's would be.
  double learningRate;

  @Setup(Level.Trial)
  public void setUp() {
    network = Size784x128x10Network.seeded(NetworkBenchmark.SEED);
    initial = network.parameters();
    Samples samples = Samples.strokes(5, 28, 10);
    inputs = samples.inputs;
    targets = samples.targets;
    double[][] parameters = network.parameterArrays();
    gradientSums = new double[parameters.length][];
    for (int k = 0; k < parameters.length; k++) {
      gradientSums[k] = new double[parameters[k].length];
    }
    sgd = Optimizer.sgd().bind(parameters, gradientSums);
    adam = Optimizer.adam().bind(parameters, gradientSums);
    learningRate = 0.001;
  }

  @Setup(Level.Iteration)
  public void restart() {
    network.setParameters(initial);
  }

  private double accumulateBatch() {
    double loss = 0;
    for (int s = 0; s < inputs.length; s++) {
      loss += network.accumulateGradient(inputs[s], targets[s], gradientSums);
    }
    return loss;
  }

  /** A mini-batch of 16 with plain SGD; returns the batch's loss. */
  @Benchmark
  public double trainSgd() {
    double loss = accumulateBatch();
    sgd.step(inputs.length, learningRate);
    return loss;
  }

  /** A mini-batch of 16 with Adam; returns the batch's loss. */
  @Benchmark
  public double trainAdam() {
    double loss = accumulateBatch();
    adam.step(inputs.length, learningRate);
    return loss;
  }

  /** The 16 samples as 16 fused online-SGD steps. */
  @Benchmark
  public double trainFused() {
    double loss = 0;
    for (int s = 0; s < inputs.length; s++) {
      loss += network.train(inputs[s], targets[s], learningRate);
    }
    return loss;
  }

  /** Plain SGD's update alone: one pass over the 101,770 parameters. */
  @Benchmark
  public void stepSgd() {
    sgd.step(inputs.length, learningRate);
  }

  /** Adam's update alone: one pass over the parameters and its two moment arrays. */
  @Benchmark
  public void stepAdam() {
    adam.step(inputs.length, learningRate);
  }
}
