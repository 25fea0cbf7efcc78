package dev.hardwired.benchmarks;

import dev.hardwired.TrainableNetwork;
import java.util.Arrays;
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
 * Whether an unrolled network's batch gains from working on two samples at once: the forward pass of 4-8-3
 * (logistic, the parameters of the generated {@code Size4x8x3Network}) over 256 rows, written by hand one
 * sample at a time as the generated batched {@code predict} does ({@code oneAtATime}), and with the
 * statements of two samples interleaved ({@code twoInterleaved}), so that their independent sums and
 * {@code Math.exp} calls can overlap. Both give the bits of the generated class, which the set-up checks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InterleavedSamplesBenchmark {
  private static final int BATCH = 256;

  private double[] p;
  private double[][] inputs;
  private double[][] outputs;

  @Setup(Level.Trial)
  public void setUp() {
    TrainableNetwork net = Batches.network("4x8x3");
    p = new double[net.parameterCount()];
    net.getParameters(p);
    inputs = Arrays.copyOf(Batches.data(net)[0], BATCH);
    outputs = new double[BATCH][3];
    double[][] expected = new double[BATCH][3];
    net.predict(inputs, expected);
    oneAtATime();
    requireSame("one at a time", expected);
    twoInterleaved();
    requireSame("two interleaved", expected);
  }

  private void requireSame(String name, double[][] expected) {
    if (!Arrays.deepEquals(expected, outputs)) {
      throw new IllegalStateException(name + " gives other outputs than the generated class's predict");
    }
    for (double[] row : outputs) {
      Arrays.fill(row, Double.NaN);
    }
  }

  @Benchmark
  public double[][] oneAtATime() {
    for (int k = 0; k < BATCH; k++) {
      one(inputs[k], outputs[k]);
    }
    return outputs;
  }

  @Benchmark
  public double[][] twoInterleaved() {
    for (int k = 0; k < BATCH; k += 2) {
      two(inputs[k], outputs[k], inputs[k + 1], outputs[k + 1]);
    }
    return outputs;
  }

  private void one(double[] input, double[] output) {
    double[] p = this.p;
    double x0 = input[0];
    double x1 = input[1];
    double x2 = input[2];
    double x3 = input[3];
    double h0 = logistic(p[0] * x0 + p[1] * x1 + p[2] * x2 + p[3] * x3 + p[32]);
    double h1 = logistic(p[4] * x0 + p[5] * x1 + p[6] * x2 + p[7] * x3 + p[33]);
    double h2 = logistic(p[8] * x0 + p[9] * x1 + p[10] * x2 + p[11] * x3 + p[34]);
    double h3 = logistic(p[12] * x0 + p[13] * x1 + p[14] * x2 + p[15] * x3 + p[35]);
    double h4 = logistic(p[16] * x0 + p[17] * x1 + p[18] * x2 + p[19] * x3 + p[36]);
    double h5 = logistic(p[20] * x0 + p[21] * x1 + p[22] * x2 + p[23] * x3 + p[37]);
    double h6 = logistic(p[24] * x0 + p[25] * x1 + p[26] * x2 + p[27] * x3 + p[38]);
    double h7 = logistic(p[28] * x0 + p[29] * x1 + p[30] * x2 + p[31] * x3 + p[39]);
    output[0] = logistic(p[40] * h0 + p[41] * h1 + p[42] * h2 + p[43] * h3 + p[44] * h4 + p[45] * h5
        + p[46] * h6 + p[47] * h7 + p[64]);
    output[1] = logistic(p[48] * h0 + p[49] * h1 + p[50] * h2 + p[51] * h3 + p[52] * h4 + p[53] * h5
        + p[54] * h6 + p[55] * h7 + p[65]);
    output[2] = logistic(p[56] * h0 + p[57] * h1 + p[58] * h2 + p[59] * h3 + p[60] * h4 + p[61] * h5
        + p[62] * h6 + p[63] * h7 + p[66]);
  }

  private void two(double[] inputA, double[] outputA, double[] inputB, double[] outputB) {
    double[] p = this.p;
    double x0a = inputA[0];
    double x0b = inputB[0];
    double x1a = inputA[1];
    double x1b = inputB[1];
    double x2a = inputA[2];
    double x2b = inputB[2];
    double x3a = inputA[3];
    double x3b = inputB[3];
    double h0a = logistic(p[0] * x0a + p[1] * x1a + p[2] * x2a + p[3] * x3a + p[32]);
    double h0b = logistic(p[0] * x0b + p[1] * x1b + p[2] * x2b + p[3] * x3b + p[32]);
    double h1a = logistic(p[4] * x0a + p[5] * x1a + p[6] * x2a + p[7] * x3a + p[33]);
    double h1b = logistic(p[4] * x0b + p[5] * x1b + p[6] * x2b + p[7] * x3b + p[33]);
    double h2a = logistic(p[8] * x0a + p[9] * x1a + p[10] * x2a + p[11] * x3a + p[34]);
    double h2b = logistic(p[8] * x0b + p[9] * x1b + p[10] * x2b + p[11] * x3b + p[34]);
    double h3a = logistic(p[12] * x0a + p[13] * x1a + p[14] * x2a + p[15] * x3a + p[35]);
    double h3b = logistic(p[12] * x0b + p[13] * x1b + p[14] * x2b + p[15] * x3b + p[35]);
    double h4a = logistic(p[16] * x0a + p[17] * x1a + p[18] * x2a + p[19] * x3a + p[36]);
    double h4b = logistic(p[16] * x0b + p[17] * x1b + p[18] * x2b + p[19] * x3b + p[36]);
    double h5a = logistic(p[20] * x0a + p[21] * x1a + p[22] * x2a + p[23] * x3a + p[37]);
    double h5b = logistic(p[20] * x0b + p[21] * x1b + p[22] * x2b + p[23] * x3b + p[37]);
    double h6a = logistic(p[24] * x0a + p[25] * x1a + p[26] * x2a + p[27] * x3a + p[38]);
    double h6b = logistic(p[24] * x0b + p[25] * x1b + p[26] * x2b + p[27] * x3b + p[38]);
    double h7a = logistic(p[28] * x0a + p[29] * x1a + p[30] * x2a + p[31] * x3a + p[39]);
    double h7b = logistic(p[28] * x0b + p[29] * x1b + p[30] * x2b + p[31] * x3b + p[39]);
    outputA[0] = logistic(p[40] * h0a + p[41] * h1a + p[42] * h2a + p[43] * h3a + p[44] * h4a + p[45] * h5a
        + p[46] * h6a + p[47] * h7a + p[64]);
    outputB[0] = logistic(p[40] * h0b + p[41] * h1b + p[42] * h2b + p[43] * h3b + p[44] * h4b + p[45] * h5b
        + p[46] * h6b + p[47] * h7b + p[64]);
    outputA[1] = logistic(p[48] * h0a + p[49] * h1a + p[50] * h2a + p[51] * h3a + p[52] * h4a + p[53] * h5a
        + p[54] * h6a + p[55] * h7a + p[65]);
    outputB[1] = logistic(p[48] * h0b + p[49] * h1b + p[50] * h2b + p[51] * h3b + p[52] * h4b + p[53] * h5b
        + p[54] * h6b + p[55] * h7b + p[65]);
    outputA[2] = logistic(p[56] * h0a + p[57] * h1a + p[58] * h2a + p[59] * h3a + p[60] * h4a + p[61] * h5a
        + p[62] * h6a + p[63] * h7a + p[66]);
    outputB[2] = logistic(p[56] * h0b + p[57] * h1b + p[58] * h2b + p[59] * h3b + p[60] * h4b + p[61] * h5b
        + p[62] * h6b + p[63] * h7b + p[66]);
  }

  private static double logistic(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
