package dev.hardwired.benchmarks;

import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import java.util.Arrays;
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
 * Inference on a batch of {@code batch} rows, in double or float: the generated network's batched {@code
 * predict(inputs, outputs)} ({@code batched}) against its one-sample {@code predict(input, output)} called
 * on each row ({@code oneByOne}). Both give the same bits; the time is per batch, so divide by {@code batch}
 * for a sample's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BatchPredictBenchmark {
  @Param({"2x4x1", "4x8x3", "64x32x10", "784x128x10"})
  public String network;

  @Param({"1", "8", "32", "256"})
  public int batch;

  @Param({"double", "float"})
  public String precision;

  private boolean single;
  private TrainableNetwork net;
  private double[][] inputs;
  private double[][] outputs;
  private TrainableFloatNetwork floatNet;
  private float[][] floatInputs;
  private float[][] floatOutputs;

  @Setup(Level.Trial)
  public void setUp() {
    single = precision.equals("float");
    net = Batches.network(network);
    inputs = Arrays.copyOf(Batches.data(net)[0], batch);
    outputs = new double[batch][net.outputCount()];
    floatNet = Batches.floatNetwork(network);
    floatInputs = Batches.narrow(inputs);
    floatOutputs = new float[batch][net.outputCount()];
  }

  /** The batched predict: the looped layers a tile of rows at a time. */
  @Benchmark
  public Object batched() {
    if (single) {
      floatNet.predict(floatInputs, floatOutputs);
      return floatOutputs;
    }
    net.predict(inputs, outputs);
    return outputs;
  }

  /** The one-sample predict on each row in turn. */
  @Benchmark
  public Object oneByOne() {
    if (single) {
      for (int k = 0; k < floatInputs.length; k++) {
        floatNet.predict(floatInputs[k], floatOutputs[k]);
      }
      return floatOutputs;
    }
    for (int k = 0; k < inputs.length; k++) {
      net.predict(inputs[k], outputs[k]);
    }
    return outputs;
  }
}
