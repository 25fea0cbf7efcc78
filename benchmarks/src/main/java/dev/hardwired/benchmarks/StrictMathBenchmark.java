package dev.hardwired.benchmarks;

import dev.hardwired.TrainableNetwork;
import dev.hardwired.train.Optimizer;
import dev.hardwired.train.OptimizerState;
import java.util.Random;
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
 * What {@code strictMath = true} costs: one online SGD step ({@code train}), one prediction ({@code
 * predict}) and one Adam step on one sample ({@code adam}: its gradient into the sums, then the runtime's
 * Adam update with its bias corrections β^t) of a tanh network, with {@code Math}'s exp, tanh and log
 * ({@code plain}) and with {@code StrictMath}'s ({@code strict}), over 64 random samples in turn. Time per
 * call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StrictMathBenchmark {
  private static final int SAMPLES = 64;

  @Param({"2x4x1", "64x32x10"})
  public String network;

  @Param({"plain", "strict"})
  public String math;

  private TrainableNetwork net;
  private double[][] inputs;
  private double[][] targets;
  private double[] output;
  private double[][] sums;
  private OptimizerState adam;
  private int next;

  @Setup
  public void setUp() {
    boolean strict = math.equals("strict");
    switch (network) {
      case "2x4x1":
        net = strict ? StrictMathShapes_StrictTanh2x4x1Network.seeded(1) : StrictMathShapes_Tanh2x4x1Network.seeded(1);
        break;
      case "64x32x10":
        net = strict ? StrictMathShapes_StrictTanh64x32x10Network.seeded(1) : StrictMathShapes_Tanh64x32x10Network.seeded(1);
        break;
      default:
        throw new IllegalArgumentException("network is " + network + "; expected 2x4x1 or 64x32x10");
    }
    Random random = new Random(2);
    inputs = new double[SAMPLES][net.inputCount()];
    targets = new double[SAMPLES][net.outputCount()];
    for (int s = 0; s < SAMPLES; s++) {
      for (int i = 0; i < inputs[s].length; i++) {
        inputs[s][i] = 2.0 * random.nextDouble() - 1.0;
      }
      targets[s][random.nextInt(net.outputCount())] = 1.0;
    }
    output = new double[net.outputCount()];
    double[][] arrays = net.parameterArrays();
    sums = new double[arrays.length][];
    for (int k = 0; k < arrays.length; k++) {
      sums[k] = new double[arrays[k].length];
    }
    adam = Optimizer.adam().bind(arrays, sums);
  }

  @Benchmark
  public double train() {
    int s = next;
    next = (s + 1) & (SAMPLES - 1);
    return net.train(inputs[s], targets[s], 0.01);
  }

  @Benchmark
  public double[] predict() {
    int s = next;
    next = (s + 1) & (SAMPLES - 1);
    net.predict(inputs[s], output);
    return output;
  }

  @Benchmark
  public double adam() {
    int s = next;
    next = (s + 1) & (SAMPLES - 1);
    double loss = net.accumulateGradient(inputs[s], targets[s], sums);
    adam.step(1, 0.001);
    return loss;
  }
}
