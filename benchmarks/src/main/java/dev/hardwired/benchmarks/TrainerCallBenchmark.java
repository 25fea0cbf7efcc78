package dev.hardwired.benchmarks;

import dev.hardwired.TrainableFloatNetwork;
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
 * What a call of {@code Trainer.train} costs beyond its epochs: one call of {@code epochs} epochs over 1,024
 * rows (the benchmark rows four times) in batches of 32 with plain SGD. The time is per call; divide by
 * {@code epochs} × 1,024 for a sample's, and compare 1 epoch with 10 for the call's own set-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrainerCallBenchmark {
  /** The rows of one epoch. */
  static final int ROWS = 4 * Batches.ROWS;

  @Param({"64x32x10", "784x128x10"})
  public String network;

  @Param({"1", "10"})
  public int epochs;

  @Param({"double", "float"})
  public String precision;

  private TrainableNetwork net;
  private TrainableFloatNetwork floatNet;
  private double[] initial;
  private float[] floatInitial;
  private DataSet data;
  private Trainer trainer;

  @Setup
  public void setUp() {
    net = Batches.network(network);
    floatNet = Batches.floatNetwork(network);
    initial = net.parameters();
    floatInitial = floatNet.parameters();
    double[][][] rows = Batches.data(net);
    double[][] inputs = new double[ROWS][];
    double[][] targets = new double[ROWS][];
    for (int r = 0; r < ROWS; r++) {
      inputs[r] = rows[0][r % Batches.ROWS];
      targets[r] = rows[1][r % Batches.ROWS];
    }
    data = DataSet.of(inputs, targets);
    trainer = Trainer.create().optimizer(Optimizer.sgd()).learningRate(0.001).batchSize(32).epochs(epochs);
  }

  /** One call of {@code train} from the same start. */
  @Benchmark
  public TrainingHistory train() {
    if (precision.equals("float")) {
      floatNet.setParameters(floatInitial);
      return trainer.train(floatNet, data);
    }
    net.setParameters(initial);
    return trainer.train(net, data);
  }
}
