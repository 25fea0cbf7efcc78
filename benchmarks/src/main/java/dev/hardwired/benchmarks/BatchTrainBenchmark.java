package dev.hardwired.benchmarks;

import dev.hardwired.TrainableNetwork;
import dev.hardwired.train.Optimizer;
import dev.hardwired.train.OptimizerState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One mini-batch step on {@code batch} samples taken through a shuffled index, as the trainer takes them:
 * the batched gradient ({@code accumulateGradient(inputs, targets, indices, from, to, sums)}) then plain
 * SGD ({@code batchedSgd}) or Adam ({@code batchedAdam}); the same step with the one-sample gradient
 * called on each sample ({@code oneByOneSgd}, the trainer's path before the batched kernels); and the
 * batch as fused online-SGD steps ({@code fused}), for scale. The time is per batch, so divide by
 * {@code batch} for a sample's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BatchTrainBenchmark {
  @Param({"2x4x1", "4x8x3", "64x32x10", "784x128x10"})
  public String network;

  @Param({"32"})
  public int batch;

  private TrainableNetwork net;
  private double[] initial;
  private double[][] inputs;
  private double[][] targets;
  private int[] order;
  private double[][] gradientSums;
  private OptimizerState sgd;
  private OptimizerState adam;
  // A field, not a constant, as a caller's would be.
  double learningRate;

  @Setup(Level.Trial)
  public void setUp() {
    net = Batches.network(network);
    initial = net.parameters();
    double[][][] data = Batches.data(net);
    inputs = data[0];
    targets = data[1];
    order = new int[Batches.ROWS];
    java.util.Random random = new java.util.Random(NetworkBenchmark.SEED);
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    gradientSums = Batches.gradientSums(net);
    double[][] parameters = net.parameterArrays();
    sgd = Optimizer.sgd().bind(parameters, gradientSums);
    adam = Optimizer.adam().bind(parameters, gradientSums);
    learningRate = 0.001;
  }

  @Setup(Level.Iteration)
  public void restart() {
    net.setParameters(initial);
  }

  /** The batched gradient, then plain SGD; returns the batch's loss. */
  @Benchmark
  public double batchedSgd() {
    double loss = net.accumulateGradient(inputs, targets, order, 0, batch, gradientSums);
    sgd.step(batch, learningRate);
    return loss;
  }

  /** The batched gradient, then Adam. */
  @Benchmark
  public double batchedAdam() {
    double loss = net.accumulateGradient(inputs, targets, order, 0, batch, gradientSums);
    adam.step(batch, learningRate);
    return loss;
  }

  /** The one-sample gradient on each sample, then plain SGD. */
  @Benchmark
  public double oneByOneSgd() {
    double loss = 0.0;
    for (int k = 0; k < batch; k++) {
      loss += net.accumulateGradient(inputs[order[k]], targets[order[k]], gradientSums);
    }
    sgd.step(batch, learningRate);
    return loss;
  }

  /** The batch as fused online-SGD steps. */
  @Benchmark
  public double fused() {
    double loss = 0.0;
    for (int k = 0; k < batch; k++) {
      loss += net.train(inputs[order[k]], targets[order[k]], learningRate);
    }
    return loss;
  }
}
