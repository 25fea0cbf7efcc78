package dev.hardwired.benchmarks;

import dev.hardwired.TrainableNetwork;
import dev.hardwired.data.DataSet;
import dev.hardwired.train.Optimizer;
import dev.hardwired.train.Trainer;
import dev.hardwired.train.TrainingHistory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One call of {@code Trainer.train}: 4 epochs of the 256 benchmark rows in batches of {@code batch} with
 * plain SGD, on one thread or split between {@code threads} ({@code Trainer.threads(n)}). The time is per
 * call, its set-up (data copied and checked, optimizer bound, threads started) included; divide by 1,024
 * for a sample's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrainerThreadsBenchmark {
  @Param({"64x32x10", "784x128x10"})
  public String network;

  @Param({"1", "2"})
  public int threads;

  @Param({"32", "256"})
  public int batch;

  private TrainableNetwork net;
  private double[] initial;
  private DataSet data;
  private Trainer trainer;

  @Setup
  public void setUp() {
    net = Batches.network(network);
    initial = net.parameters();
    double[][][] rows = Batches.data(net);
    data = DataSet.of(rows[0], rows[1]);
    trainer =
        Trainer.create().optimizer(Optimizer.sgd()).learningRate(0.001).batchSize(batch).epochs(4).threads(threads);
  }

  /** Four epochs from the same start. */
  @Benchmark
  public TrainingHistory train() {
    net.setParameters(initial);
    return trainer.train(net, data);
  }
}
