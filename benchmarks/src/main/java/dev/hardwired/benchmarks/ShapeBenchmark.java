package dev.hardwired.benchmarks;

import dev.hardwired.TrainableNetwork;
import java.util.Arrays;
import java.util.Random;
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
 * The measurement behind the processor's shape rule: one network in the shapes the processor chooses
 * ({@code Shape…}: wholly unrolled up to 160 parameters, mixed above) against the same declaration with
 * every layer looped ({@code Looped…}, compiled with {@code -Ahardwired.unrollLimit=0}). Both start from
 * {@code seeded(SEED)} and must train alike, to 1e-12.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class ShapeBenchmark {
  private TrainableNetwork chosen;
  private TrainableNetwork looped;
  private double[] initial;
  private double[][] inputs;
  private double[][] targets;
  private double[] output;
  private double learningRate;
  private int next;

  protected abstract TrainableNetwork createChosen();

  protected abstract TrainableNetwork createLooped();

  @Setup(Level.Trial)
  public void setUp() {
    chosen = createChosen();
    looped = createLooped();
    initial = chosen.parameters();
    if (!chosen.topology().equals(looped.topology()) || !Arrays.equals(initial, looped.parameters())) {
      throw new IllegalStateException(chosen + " and " + looped + " do not start alike");
    }
    Random random = new Random(11);
    inputs = new double[16][chosen.inputCount()];
    targets = new double[16][chosen.outputCount()];
    for (int s = 0; s < 16; s++) {
      for (int i = 0; i < inputs[s].length; i++) {
        inputs[s][i] = 2 * random.nextDouble() - 1;
      }
      targets[s][s % targets[s].length] = 1;
    }
    output = new double[chosen.outputCount()];
    learningRate = NetworkBenchmark.LEARNING_RATE;
    for (int s = 0; s < 16; s++) {
      double a = chosen.train(inputs[s], targets[s], learningRate);
      double b = looped.train(inputs[s], targets[s], learningRate);
      if (Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(a))) {
        throw new IllegalStateException(chosen + " and " + looped + " differ at sample " + s + ": " + a + ", " + b);
      }
    }
  }

  @Setup(Level.Iteration)
  public void restart() {
    chosen.setParameters(initial);
    looped.setParameters(initial);
    next = 0;
  }

  private int nextSample() {
    int sample = next;
    next = (sample + 1) & 15;
    return sample;
  }

  @Benchmark
  public double trainChosen() {
    int s = nextSample();
    return chosen.train(inputs[s], targets[s], learningRate);
  }

  @Benchmark
  public double trainLooped() {
    int s = nextSample();
    return looped.train(inputs[s], targets[s], learningRate);
  }

  @Benchmark
  public double[] predictChosen() {
    chosen.predict(inputs[nextSample()], output);
    return output;
  }

  @Benchmark
  public double[] predictLooped() {
    looped.predict(inputs[nextSample()], output);
    return output;
  }

  /** 4-8-3, 67 parameters: wholly unrolled by the processor. */
  public static class Of4x8x3 extends ShapeBenchmark {
    @Override
    protected TrainableNetwork createChosen() {
      return Shape4x8x3Network.seeded(NetworkBenchmark.SEED);
    }

    @Override
    protected TrainableNetwork createLooped() {
      return Looped4x8x3Network.seeded(NetworkBenchmark.SEED);
    }
  }

  /** 8-12-4, 160 parameters: the largest network the processor unrolls whole. */
  public static class Of8x12x4 extends ShapeBenchmark {
    @Override
    protected TrainableNetwork createChosen() {
      return Shape8x12x4Network.seeded(NetworkBenchmark.SEED);
    }

    @Override
    protected TrainableNetwork createLooped() {
      return Looped8x12x4Network.seeded(NetworkBenchmark.SEED);
    }
  }

  /** 13-16-3, 275 parameters: the processor loops 13 → 16 and unrolls 16 → 3. */
  public static class Of13x16x3 extends ShapeBenchmark {
    @Override
    protected TrainableNetwork createChosen() {
      return Shape13x16x3Network.seeded(NetworkBenchmark.SEED);
    }

    @Override
    protected TrainableNetwork createLooped() {
      return Looped13x16x3Network.seeded(NetworkBenchmark.SEED);
    }
  }

  /** 30-16-8-1, 641 parameters: the processor loops 30 → 16 and 16 → 8, and unrolls 8 → 1. */
  public static class Of30x16x8x1 extends ShapeBenchmark {
    @Override
    protected TrainableNetwork createChosen() {
      return Shape30x16x8x1Network.seeded(NetworkBenchmark.SEED);
    }

    @Override
    protected TrainableNetwork createLooped() {
      return Looped30x16x8x1Network.seeded(NetworkBenchmark.SEED);
    }
  }
}
