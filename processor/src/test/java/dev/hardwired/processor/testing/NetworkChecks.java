package dev.hardwired.processor.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.GradientCheck;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.data.DataSet;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.reference.ReferenceNetwork;
import java.util.Random;

/** The two proofs every generated backward pass must pass: finite differences and reference parity. */
public final class NetworkChecks {
  /**
   * Largest relative error of a gradient against finite differences, with {@link GradientCheck}'s default
   * step (1e-4) and floor (1e-4, below which gradients are compared absolutely).
   */
  private static final double TOLERANCE = 1e-6;

  /** How close to 0 a kinked neuron's pre-activation may be in a gradient check's sample: 100 × h. */
  private static final double KINK_MARGIN = 1e-2;

  /** Networks with more parameters than this are checked on a sample of them. */
  private static final int SAMPLED_ABOVE = 4_000;

  /** How many parameters a sampled check compares. */
  private static final int SAMPLE = 300;

  private NetworkChecks() {}

  /** A random input in [−1, 1]. */
  public static double[] input(Topology t, Random random) {
    double[] x = new double[t.inputs()];
    for (int i = 0; i < x.length; i++) {
      x[i] = 2 * random.nextDouble() - 1;
    }
    return x;
  }

  /** A random target that the loss accepts: one-hot for softmax, in [0, 1] for the rest. */
  public static double[] target(Topology t, Random random) {
    double[] y = new double[t.outputs()];
    if (t.loss() == Loss.SOFTMAX_CROSS_ENTROPY) {
      y[random.nextInt(y.length)] = 1;
    } else {
      boolean signed = t.activation(t.layerCount()) != Activation.LOGISTIC;
      for (int k = 0; k < y.length; k++) {
        y[k] = signed ? 2 * random.nextDouble() - 1 : random.nextDouble();
      }
    }
    return y;
  }

  /** {@code n} random samples of {@link #input} and {@link #target}, drawn from {@code seed}. */
  public static DataSet data(Topology t, int n, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[n][];
    double[][] y = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = input(t, random);
      y[i] = target(t, random);
    }
    return DataSet.of(x, y);
  }

  /**
   * Random parameters, so that biases are exercised too: uniform in [−1, 1], narrowed by 2 / √fanIn into
   * layers with more than four inputs so that wide layers neither saturate nor blow up.
   */
  public static double[] parameters(Topology t, Random random) {
    double[] p = new double[t.parameterCount()];
    for (int l = 1; l <= t.layerCount(); l++) {
      double scale = Math.min(1, 2 / Math.sqrt(t.size(l - 1)));
      for (int i = t.weightOffset(l); i < t.weightOffset(l) + (t.size(l - 1) + 1) * t.size(l); i++) {
        p[i] = (2 * random.nextDouble() - 1) * scale;
      }
    }
    return p;
  }

  /**
   * Checks {@code accumulateGradient} against five-point central finite differences of {@code loss}, by
   * the runtime's {@link GradientCheck} (the same code users get), and {@code train} against the gradient,
   * on a few random samples and parameter sets.
   *
   * @return the worst relative error seen
   */
  public static double checkGradients(TrainableNetwork network, long seed) {
    return checkGradients(network, seed, 3, SAMPLED_ABOVE, SAMPLE);
  }

  /**
   * {@link #checkGradients(TrainableNetwork, long)} on {@code draws} random samples, each checking every
   * parameter of a network of up to {@code sampledAbove} parameters and a seeded sample of {@code sample}
   * of a larger one.
   */
  public static double checkGradients(TrainableNetwork network, long seed, int draws, int sampledAbove, int sample) {
    Topology t = network.topology();
    Random random = new Random(seed);
    double worst = 0;
    for (int draw = 0; draw < draws; draw++) {
      double[][] drawn = parametersAndInput(t, random);
      double[] p = drawn[0];
      double[] x = drawn[1];
      double[] y = target(t, random);
      network.setParameters(p);
      double[] gradient = new double[p.length];
      double loss = network.accumulateGradient(x, y, gradient);
      assertEquals(network.loss(x, y), loss, 0, "accumulateGradient returns the loss");
      // Throws an AssertionError naming the worst parameter, its two gradients and the network. The
      // difference quotient's rounding error grows with the loss (about ε × E / h), so the floor below
      // which errors count absolutely does too. Large networks are checked on a seeded sample of
      // parameters, as GradientCheck offers users.
      GradientCheck check =
          GradientCheck.with(GradientCheck.DEFAULT_STEP, GradientCheck.DEFAULT_FLOOR * Math.max(1, Math.abs(loss)));
      if (p.length > sampledAbove) {
        check = check.sampling(sample, seed + draw);
      }
      GradientCheck.Report report = check.run(network, x, y).assertBelow(TOLERANCE);
      worst = Math.max(worst, report.worstError());
      assertArrayEquals(p, network.parameters(), "the gradient check restores the parameters");
      // train must apply exactly weight ← weight − LR × gradient, from the same backward pass.
      double rate = 0.05;
      assertEquals(loss, network.train(x, y, rate), 0, "train returns the loss before the update");
      double[] updated = network.parameters();
      for (int i = 0; i < p.length; i++) {
        assertEquals(p[i] - rate * gradient[i], updated[i], 1e-15 * Math.max(1, Math.abs(p[i])), network + ": train updates parameter " + i);
      }
    }
    return worst;
  }

  /** Random parameters and an input, drawn again until no kinked neuron is near its kink. */
  private static double[][] parametersAndInput(Topology t, Random random) {
    double[] p;
    double[] x;
    do {
      p = parameters(t, random);
      x = input(t, random);
    } while (!awayFromKinks(t, p, x));
    return new double[][] {p, x};
  }

  /**
   * Whether every pre-activation of a ReLU, leaky-ReLU, ELU, SELU or step neuron lies well away from the kink at 0.
   * A difference quotient that straddles a kink differs from the true gradient however right the backward
   * pass is, and in a wide network one parameter's step of 2h moves many pre-activations downstream, so
   * samples whose kinks are that close are drawn again.
   */
  static boolean awayFromKinks(Topology t, double[] p, double[] x) {
    double[] a = x;
    for (int l = 1; l <= t.layerCount(); l++) {
      Activation activation = t.activation(l);
      double[] next = new double[t.size(l)];
      for (int j = 0; j < next.length; j++) {
        double z = p[t.biasOffset(l) + j];
        for (int i = 0; i < a.length; i++) {
          z += p[t.weightOffset(l) + j * a.length + i] * a[i];
        }
        boolean kinked = kinked(activation);
        if (kinked && Math.abs(z) < KINK_MARGIN) {
          return false;
        }
        next[j] = activation == Activation.SOFTMAX ? z : activation.apply(z);
      }
      a = next;
    }
    return true;
  }

  /**
   * Trains {@code network} and the reference network from the same initial parameters on the same 100
   * random samples: predictions, losses and parameters must agree to 1e-12 throughout.
   */
  public static void checkReferenceParity(TrainableNetwork network, long seed) {
    checkParameterArrays(network, seed);
    checkBatches(network, seed);
    ReferenceNetwork reference = ReferenceNetwork.of(network);
    assertEquals(network.topology(), reference.topology());
    Topology t = network.topology();
    Random random = new Random(seed);
    // Smaller steps for large networks, whose random parameters may otherwise diverge within 100 steps.
    double rate = (t.loss() == Loss.SQUARED_ERROR ? 0.1 : 0.05) / (t.parameterCount() > 160 ? 10 : 1);
    for (int step = 0; step < 100; step++) {
      double[] x = input(t, random);
      double[] y = target(t, random);
      assertClose(reference.predict(x), network.predict(x), network + " prediction at step " + step);
      double expected = reference.train(x, y, rate);
      double actual = network.train(x, y, rate);
      assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), network + " loss at step " + step);
      assertClose(reference.parameters(), network.parameters(), network + " parameters after step " + step);
    }
  }

  /**
   * The parameter arrays are the network's own, hold every parameter once and keep their identity across
   * setParameters; the gradient laid out as them is the flat gradient, bit for bit: written into a copy's
   * arrays, it reads back in the flat order; and a gradient of the wrong shape is refused.
   */
  public static void checkParameterArrays(TrainableNetwork network, long seed) {
    Topology t = network.topology();
    Random random = new Random(seed);
    double[][] arrays = network.parameterArrays();
    double[] flat = new double[t.parameterCount()];
    double[][] sums = new double[arrays.length][];
    int total = 0;
    for (int k = 0; k < arrays.length; k++) {
      sums[k] = new double[arrays[k].length];
      total += arrays[k].length;
    }
    assertEquals(t.parameterCount(), total, network + ": every parameter in one of its arrays");
    for (int sample = 0; sample < 3; sample++) {
      double[] x = input(t, random);
      double[] y = target(t, random);
      assertEquals(network.accumulateGradient(x, y, flat), network.accumulateGradient(x, y, sums), network + " loss");
    }
    checkSharingCopy(network, input(t, random), target(t, random));
    TrainableNetwork image = network.copy();
    double[][] imageArrays = image.parameterArrays();
    for (int k = 0; k < sums.length; k++) {
      System.arraycopy(sums[k], 0, imageArrays[k], 0, sums[k].length);
    }
    assertArrayEquals(flat, image.parameters(), network + " gradient laid out as its arrays");
    // Written through the arrays, read in the flat order: the same values, each once.
    image.setParameters(network.parameters());
    double[][] again = image.parameterArrays();
    for (int k = 0; k < imageArrays.length; k++) {
      assertTrue(again[k] == imageArrays[k], network + ": array " + k + " kept across setParameters");
      for (int j = 0; j < again[k].length; j++) {
        again[k][j] = k * 100_000.0 + j;
      }
    }
    double[] written = image.parameters();
    java.util.Arrays.sort(written);
    for (int i = 1; i < written.length; i++) {
      assertTrue(written[i] > written[i - 1], network + ": a parameter in two arrays, or one in none");
    }
    double[] x = input(t, random);
    double[] y = target(t, random);
    IllegalArgumentException wrongCount =
        assertThrows(IllegalArgumentException.class, () -> network.accumulateGradient(x, y, new double[arrays.length + 1][]));
    assertTrue(wrongCount.getMessage().contains("expected " + arrays.length), wrongCount.getMessage());
    double[][] short1 = sums.clone();
    short1[arrays.length - 1] = new double[arrays[arrays.length - 1].length - 1];
    IllegalArgumentException wrongLength =
        assertThrows(IllegalArgumentException.class, () -> network.accumulateGradient(x, y, short1));
    assertTrue(wrongLength.getMessage().contains("gradientSums[" + (arrays.length - 1) + "]"), wrongLength.getMessage());
  }

  /** Batch sizes that cover one sample, part of a tile, a whole tile, a tile and a tail, and many tiles. */
  public static final int[] BATCH_SIZES = {1, 2, 3, 4, 5, 31, 256};

  /** Rows of the data set the batches are drawn from: more than the largest batch, so that offsets fit. */
  private static final int BATCH_ROWS = 263;

  /**
   * The batched methods give the one-sample methods' bits: each batched prediction is predict's, and the
   * batched gradient sums and loss are those of accumulateGradient called on each sample in turn, for every
   * size of {@link #BATCH_SIZES}, with the batch given as rows from an offset and through shuffled indices,
   * added to sums that do not start at zero.
   */
  public static void checkBatches(TrainableNetwork network, long seed) {
    Topology t = network.topology();
    Random random = new Random(seed ^ 0xBA7C4L);
    double[][] inputs = new double[BATCH_ROWS][];
    double[][] targets = new double[BATCH_ROWS][];
    for (int r = 0; r < BATCH_ROWS; r++) {
      inputs[r] = input(t, random);
      targets[r] = target(t, random);
    }
    int[] order = shuffled(BATCH_ROWS, random);
    double[][] arrays = network.parameterArrays();
    for (int size : BATCH_SIZES) {
      double[][] batch = java.util.Arrays.copyOfRange(inputs, 7, 7 + size);
      double[][] outputs = new double[size][t.outputs()];
      network.predict(batch, outputs);
      for (int k = 0; k < size; k++) {
        assertArrayEquals(network.predict(batch[k]), outputs[k], network + ": batch of " + size + ", row " + k);
      }
      for (int[] indices : new int[][] {null, order}) {
        int from = 5;
        double[][] batched = new double[arrays.length][];
        double[][] single = new double[arrays.length][];
        for (int a = 0; a < arrays.length; a++) {
          batched[a] = new double[arrays[a].length];
          for (int j = 0; j < batched[a].length; j++) {
            batched[a][j] = random.nextGaussian();
          }
          single[a] = batched[a].clone();
        }
        double loss = network.accumulateGradient(inputs, targets, indices, from, from + size, batched);
        double expected = 0.0;
        for (int k = from; k < from + size; k++) {
          int r = indices == null ? k : indices[k];
          expected += network.accumulateGradient(inputs[r], targets[r], single);
        }
        String what = network + ": batch of " + size + (indices == null ? " in order" : " through indices");
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(loss), what + ", loss");
        for (int a = 0; a < arrays.length; a++) {
          assertArrayEquals(single[a], batched[a], what + ", gradient array " + a);
        }
      }
    }
  }

  /** {@link #checkBatches} for a float network. */
  public static void checkFloatBatches(TrainableFloatNetwork network, long seed) {
    Topology t = network.topology();
    Random random = new Random(seed ^ 0xBA7C4L);
    float[][] inputs = new float[BATCH_ROWS][];
    float[][] targets = new float[BATCH_ROWS][];
    for (int r = 0; r < BATCH_ROWS; r++) {
      inputs[r] = narrow(input(t, random));
      targets[r] = narrow(target(t, random));
    }
    int[] order = shuffled(BATCH_ROWS, random);
    float[][] arrays = network.parameterArrays();
    for (int size : BATCH_SIZES) {
      float[][] batch = java.util.Arrays.copyOfRange(inputs, 7, 7 + size);
      float[][] outputs = new float[size][t.outputs()];
      network.predict(batch, outputs);
      for (int k = 0; k < size; k++) {
        assertArrayEquals(network.predict(batch[k]), outputs[k], network + ": batch of " + size + ", row " + k);
      }
      for (int[] indices : new int[][] {null, order}) {
        int from = 5;
        float[][] batched = new float[arrays.length][];
        float[][] single = new float[arrays.length][];
        for (int a = 0; a < arrays.length; a++) {
          batched[a] = new float[arrays[a].length];
          for (int j = 0; j < batched[a].length; j++) {
            batched[a][j] = (float) random.nextGaussian();
          }
          single[a] = batched[a].clone();
        }
        double loss = network.accumulateGradient(inputs, targets, indices, from, from + size, batched);
        double expected = 0.0;
        for (int k = from; k < from + size; k++) {
          int r = indices == null ? k : indices[k];
          expected += network.accumulateGradient(inputs[r], targets[r], single);
        }
        String what = network + ": batch of " + size + (indices == null ? " in order" : " through indices");
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(loss), what + ", loss");
        for (int a = 0; a < arrays.length; a++) {
          assertArrayEquals(single[a], batched[a], what + ", gradient array " + a);
        }
      }
    }
  }

  /** A seeded Fisher–Yates permutation of 0 to {@code n} − 1. */
  private static int[] shuffled(int n, Random random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /**
   * {@code copySharingParameters()} reads the network's own arrays, with scratch of its own: the same
   * gradient and loss, bit for bit, and a change to the network's parameters is its change too.
   */
  private static void checkSharingCopy(TrainableNetwork network, double[] x, double[] y) {
    TrainableNetwork sharing = network.copySharingParameters();
    assertTrue(sharing != network, network + ": a sharing copy is another network");
    double[][] arrays = network.parameterArrays();
    double[][] shared = sharing.parameterArrays();
    assertEquals(arrays.length, shared.length, network + ": the sharing copy's arrays");
    double[][] expected = new double[arrays.length][];
    double[][] actual = new double[arrays.length][];
    for (int k = 0; k < arrays.length; k++) {
      assertTrue(shared[k] == arrays[k], network + ": array " + k + " shared");
      expected[k] = new double[arrays[k].length];
      actual[k] = new double[arrays[k].length];
    }
    assertEquals(network.accumulateGradient(x, y, expected), sharing.accumulateGradient(x, y, actual), network + " loss");
    assertArrayEquals(expected, actual, network + ": the sharing copy's gradient");
    double[] before = network.parameters();
    double[] changed = before.clone();
    changed[changed.length - 1] += 0.25;
    network.setParameters(changed);
    assertArrayEquals(changed, sharing.parameters(), network + ": the sharing copy sees a change");
    network.setParameters(before);
  }

  /** {@link #checkSharingCopy} for a float network. */
  private static void checkFloatSharingCopy(TrainableFloatNetwork network, float[] x, float[] y) {
    TrainableFloatNetwork sharing = network.copySharingParameters();
    assertTrue(sharing != network, network + ": a sharing copy is another network");
    float[][] arrays = network.parameterArrays();
    float[][] shared = sharing.parameterArrays();
    assertEquals(arrays.length, shared.length, network + ": the sharing copy's arrays");
    float[][] expected = new float[arrays.length][];
    float[][] actual = new float[arrays.length][];
    for (int k = 0; k < arrays.length; k++) {
      assertTrue(shared[k] == arrays[k], network + ": array " + k + " shared");
      expected[k] = new float[arrays[k].length];
      actual[k] = new float[arrays[k].length];
    }
    assertEquals(network.accumulateGradient(x, y, expected), sharing.accumulateGradient(x, y, actual), network + " loss");
    assertArrayEquals(expected, actual, network + ": the sharing copy's gradient");
    float[] before = network.parameters();
    float[] changed = before.clone();
    changed[changed.length - 1] += 0.25f;
    network.setParameters(changed);
    assertArrayEquals(changed, sharing.parameters(), network + ": the sharing copy sees a change");
    network.setParameters(before);
  }

  /** {@link #checkParameterArrays} for a float network. */
  public static void checkFloatParameterArrays(TrainableFloatNetwork network, long seed) {
    Topology t = network.topology();
    Random random = new Random(seed);
    float[][] arrays = network.parameterArrays();
    float[] flat = new float[t.parameterCount()];
    float[][] sums = new float[arrays.length][];
    int total = 0;
    for (int k = 0; k < arrays.length; k++) {
      sums[k] = new float[arrays[k].length];
      total += arrays[k].length;
    }
    assertEquals(t.parameterCount(), total, network + ": every parameter in one of its arrays");
    for (int sample = 0; sample < 3; sample++) {
      float[] x = narrow(input(t, random));
      float[] y = narrow(target(t, random));
      assertEquals(network.accumulateGradient(x, y, flat), network.accumulateGradient(x, y, sums), network + " loss");
    }
    checkFloatSharingCopy(network, narrow(input(t, random)), narrow(target(t, random)));
    TrainableFloatNetwork image = network.copy();
    float[][] imageArrays = image.parameterArrays();
    for (int k = 0; k < sums.length; k++) {
      System.arraycopy(sums[k], 0, imageArrays[k], 0, sums[k].length);
    }
    assertArrayEquals(flat, image.parameters(), network + " gradient laid out as its arrays");
    float[] x = narrow(input(t, random));
    float[] y = narrow(target(t, random));
    assertThrows(IllegalArgumentException.class, () -> network.accumulateGradient(x, y, new float[arrays.length + 1][]));
  }

  // ---------------------------------------------------------------- single precision

  /** What a float network's gradient may differ by from finite differences of its float loss. */
  private static final double FLOAT_TOLERANCE = 1e-2;

  /**
   * The float counterpart of {@link #checkGradients}: finite differences of the float loss, with
   * GradientCheck's float step, and, much tighter, the double reference network's gradient at the same
   * parameters; then {@code train} against its own gradient.
   */
  public static void checkFloatGradients(TrainableFloatNetwork network, long seed) {
    checkFloatGradients(network, seed, 3, SAMPLED_ABOVE, SAMPLE);
  }

  /** {@link #checkFloatGradients(TrainableFloatNetwork, long)} with the budget of {@link #checkGradients(TrainableNetwork, long, int, int, int)}. */
  public static void checkFloatGradients(
      TrainableFloatNetwork network, long seed, int draws, int sampledAbove, int sample) {
    Topology t = network.topology();
    Random random = new Random(seed);
    for (int draw = 0; draw < draws; draw++) {
      double[][] drawn = parametersAndInput(t, random);
      double[] p = drawn[0];
      double[] x = drawn[1];
      double[] y = target(t, random);
      float[] pf = narrow(p);
      float[] xf = narrow(x);
      float[] yf = narrow(y);
      network.setParameters(pf);
      float[] gradient = new float[pf.length];
      float loss = network.accumulateGradient(xf, yf, gradient);
      assertEquals(network.loss(xf, yf), loss, 0, "accumulateGradient returns the loss");
      // Float's finite differences need a step of 1e-2, which straddles the kinks of ReLU, leaky ReLU, ELU,
      // SELU and step neurons far too often; those networks are held to the reference below, and to finite
      // differences in double precision by the rest of the tests.
      if (!hasKinks(t)) {
        GradientCheck check =
            GradientCheck.with(GradientCheck.FLOAT_STEP, GradientCheck.FLOAT_FLOOR * Math.max(1, Math.abs(loss)));
        if (p.length > sampledAbove) {
          check = check.sampling(sample, seed + draw);
        }
        check.run(network, new float[][] {xf}, new float[][] {yf}).assertBelow(FLOAT_TOLERANCE);
        assertArrayEquals(pf, network.parameters(), "the gradient check restores the parameters");
      }

      // The double reference at the same parameters: float rounding, nothing more.
      ReferenceNetwork reference = ReferenceNetwork.of(network);
      double[] expected = new double[p.length];
      double referenceLoss = reference.accumulateGradient(widen(xf), widen(yf), expected);
      assertEquals(referenceLoss, loss, 1e-4 * Math.max(1, Math.abs(referenceLoss)), network + " loss");
      double scale = 0;
      for (double g : expected) {
        scale = Math.max(scale, Math.abs(g));
      }
      for (int i = 0; i < p.length; i++) {
        assertEquals(expected[i], gradient[i], 1e-4 * Math.max(1, scale), network + " gradient of parameter " + i);
      }

      float rate = 0.05f;
      assertEquals(loss, network.train(xf, yf, rate), 0, "train returns the loss before the update");
      float[] updated = network.parameters();
      for (int i = 0; i < pf.length; i++) {
        assertEquals(pf[i] - rate * gradient[i], updated[i], 1e-6 * Math.max(1, Math.abs(pf[i])), network + ": train updates parameter " + i);
      }
    }
  }

  /**
   * A float network and the double reference network, put back in step before each of 100 training steps
   * (float rounding would otherwise add up): the same predictions, losses and updated parameters, to float's
   * precision.
   */
  public static void checkFloatReferenceParity(TrainableFloatNetwork network, long seed) {
    checkFloatParameterArrays(network, seed);
    checkFloatBatches(network, seed);
    Topology t = network.topology();
    Random random = new Random(seed);
    float rate = (t.loss() == Loss.SQUARED_ERROR ? 0.1f : 0.05f) / (t.parameterCount() > 160 ? 10 : 1);
    for (int step = 0; step < 100; step++) {
      ReferenceNetwork reference = ReferenceNetwork.of(network);
      float[] x = narrow(input(t, random));
      float[] y = narrow(target(t, random));
      assertFloatClose(reference.predict(widen(x)), network.predict(x), network + " prediction at step " + step);
      double expected = reference.train(widen(x), widen(y), rate);
      double actual = network.train(x, y, rate);
      assertEquals(expected, actual, 1e-4 * Math.max(1, Math.abs(expected)), network + " loss at step " + step);
      assertFloatClose(reference.parameters(), network.parameters(), network + " parameters after step " + step);
    }
  }

  private static boolean hasKinks(Topology t) {
    for (int l = 1; l <= t.layerCount(); l++) {
      Activation a = t.activation(l);
      if (kinked(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether fA is not smooth at SpreA = 0: fA′ jumps for ReLU, leaky ReLU, SELU (λ against λα) and step;
   * ELU's fA′ is continuous but its fA″ jumps (0 against 1), which costs a difference quotient that straddles
   * 0 an error of order h.
   */
  private static boolean kinked(Activation a) {
    return a == Activation.RELU || a == Activation.LEAKY_RELU || a == Activation.SELU || a == Activation.ELU
        || a == Activation.STEP;
  }

  private static void assertFloatClose(double[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
    }
  }

  public static float[] narrow(double[] values) {
    float[] narrow = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      narrow[i] = (float) values[i];
    }
    return narrow;
  }

  public static double[] widen(float[] values) {
    double[] wide = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-12 * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
    }
  }
}
