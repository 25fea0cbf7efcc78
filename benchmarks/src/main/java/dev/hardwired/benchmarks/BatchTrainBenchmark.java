package dev.hardwired.benchmarks;

import dev.hardwired.TrainableFloatNetwork;
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
 * One mini-batch step on {@code batch} samples taken through a shuffled index, as the trainer takes them, in
 * double or float: the batched gradient ({@code accumulateGradient(inputs, targets, indices, from, to,
 * sums)}) then plain SGD ({@code batchedSgd}) or Adam ({@code batchedAdam}); the same step with the
 * one-sample gradient called on each sample ({@code oneByOneSgd}, the trainer's path before the batched
 * kernels); and the batch as fused online-SGD steps ({@code fused}), for scale. The time is per batch, so
 * divide by {@code batch} for a sample's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BatchTrainBenchmark {
  @Param({"2x4x1", "4x8x3", "64x32x10", "784x128x10"})
  public String network;

  @Param({"32"})
  public int batch;

  @Param({"double", "float"})
  public String precision;

  private boolean single;
  private int[] order;
  private TrainableNetwork net;
  private double[] initial;
  private double[][] inputs;
  private double[][] targets;
  private double[][] gradientSums;
  private OptimizerState sgd;
  private OptimizerState adam;
  private TrainableFloatNetwork floatNet;
  private float[] floatInitial;
  private float[][] floatInputs;
  private float[][] floatTargets;
  private float[][] floatSums;
  private OptimizerState floatSgd;
  private OptimizerState floatAdam;
  // Fields, not constants, as a caller's would be.
  double learningRate;
  float floatRate;

  @Setup(Level.Trial)
  public void setUp() {
    single = precision.equals("float");
    order = Batches.order();
    net = Batches.network(network);
    initial = net.parameters();
    double[][][] data = Batches.data(net);
    inputs = data[0];
    targets = data[1];
    gradientSums = Batches.gradientSums(net);
    sgd = Optimizer.sgd().bind(net.parameterArrays(), gradientSums);
    adam = Optimizer.adam().bind(net.parameterArrays(), gradientSums);
    floatNet = Batches.floatNetwork(network);
    floatInitial = floatNet.parameters();
    floatInputs = Batches.narrow(inputs);
    floatTargets = Batches.narrow(targets);
    floatSums = Batches.gradientSums(floatNet);
    floatSgd = Optimizer.sgd().bind(floatNet.parameterArrays(), floatSums);
    floatAdam = Optimizer.adam().bind(floatNet.parameterArrays(), floatSums);
    learningRate = 0.001;
    floatRate = 0.001f;
  }

  @Setup(Level.Iteration)
  public void restart() {
    net.setParameters(initial);
    floatNet.setParameters(floatInitial);
  }

  /** The batched gradient, then plain SGD; returns the batch's loss. */
  @Benchmark
  public double batchedSgd() {
    if (single) {
      double loss = floatNet.accumulateGradient(floatInputs, floatTargets, order, 0, batch, floatSums);
      floatSgd.step(batch, learningRate);
      return loss;
    }
    double loss = net.accumulateGradient(inputs, targets, order, 0, batch, gradientSums);
    sgd.step(batch, learningRate);
    return loss;
  }

  /** The batched gradient, then Adam. */
  @Benchmark
  public double batchedAdam() {
    if (single) {
      double loss = floatNet.accumulateGradient(floatInputs, floatTargets, order, 0, batch, floatSums);
      floatAdam.step(batch, learningRate);
      return loss;
    }
    double loss = net.accumulateGradient(inputs, targets, order, 0, batch, gradientSums);
    adam.step(batch, learningRate);
    return loss;
  }

  /** The one-sample gradient on each sample, then plain SGD. */
  @Benchmark
  public double oneByOneSgd() {
    double loss = 0.0;
    if (single) {
      for (int k = 0; k < batch; k++) {
        loss += floatNet.accumulateGradient(floatInputs[order[k]], floatTargets[order[k]], floatSums);
      }
      floatSgd.step(batch, learningRate);
      return loss;
    }
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
    if (single) {
      for (int k = 0; k < batch; k++) {
        loss += floatNet.train(floatInputs[order[k]], floatTargets[order[k]], floatRate);
      }
      return loss;
    }
    for (int k = 0; k < batch; k++) {
      loss += net.train(inputs[order[k]], targets[order[k]], learningRate);
    }
    return loss;
  }
}
