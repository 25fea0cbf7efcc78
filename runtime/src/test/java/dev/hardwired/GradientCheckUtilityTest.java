package dev.hardwired;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.reference.ReferenceNetwork;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link GradientCheck}, the users' gradient check: it passes correct backward passes, catches wrong ones
 * and names the parameter, and always leaves the network's parameters as it found them.
 */
class GradientCheckUtilityTest {
  private static final double TOLERANCE = 1e-6;
  private static final Activation[] LOGISTIC = {Activation.LOGISTIC};

  private static Topology xor() {
    return Topology.of(2, new int[] {2}, 1, LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR);
  }

  /** 3-4-2 logistic, squared error: every gradient is well away from zero for the samples below. */
  private static Topology small() {
    return Topology.of(3, new int[] {4}, 2, LOGISTIC, Activation.LOGISTIC, Loss.SQUARED_ERROR);
  }

  static Stream<Arguments> topologies() {
    return Stream.of(
        Arguments.of(xor()),
        Arguments.of(Topology.of(3, new int[0], 1, LOGISTIC, Activation.IDENTITY, Loss.SQUARED_ERROR)),
        Arguments.of(Topology.of(4, new int[0], 2, LOGISTIC, Activation.LOGISTIC, Loss.CROSS_ENTROPY)),
        Arguments.of(
            Topology.of(4, new int[] {5}, 3, new Activation[] {Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY)),
        Arguments.of(
            Topology.of(3, new int[] {4, 3}, 2, new Activation[] {Activation.RELU}, Activation.IDENTITY, Loss.SQUARED_ERROR)),
        Arguments.of(
            Topology.of(
                2,
                new int[] {3, 3, 3},
                2,
                new Activation[] {Activation.LEAKY_RELU, Activation.IDENTITY, Activation.TANH},
                Activation.LOGISTIC,
                Loss.CROSS_ENTROPY)),
        Arguments.of(
            Topology.of(5, new int[] {6, 4}, 4, new Activation[] {Activation.LOGISTIC}, Activation.TANH, Loss.SQUARED_ERROR)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void passesTheReferenceNetwork(Topology topology) {
    Random random = new Random(topology.parameterCount());
    ReferenceNetwork network = new ReferenceNetwork(topology);
    network.setParameters(uniform(random, topology.parameterCount()));
    double[][] inputs = new double[4][];
    double[][] targets = new double[4][];
    for (int s = 0; s < inputs.length; s++) {
      inputs[s] = uniform(random, topology.inputs());
      targets[s] = target(random, topology);
    }

    GradientCheck.Report report = GradientCheck.check(network, inputs, targets);
    assertSame(report, report.assertBelow(TOLERANCE));
    assertTrue(report.passes(TOLERANCE), report::toString);
    assertEquals(topology.parameterCount(), report.parametersChecked());
    assertEquals(4, report.samplesChecked());
    assertEquals(GradientCheck.DEFAULT_STEP, report.step());
    assertEquals(GradientCheck.DEFAULT_FLOOR, report.floor());
    // One sample at a time gives the same verdict.
    for (int s = 0; s < inputs.length; s++) {
      GradientCheck.check(network, inputs[s], targets[s]).assertBelow(TOLERANCE);
    }
  }

  @Test
  void catchesOneGradientScaledByOnePercent() {
    Topology t = small();
    Sample sample = Sample.of(t, 1);
    int wrong = t.weightOffset(2) + 5; // the weight into output neuron 1 from hidden node 1
    assertTrue(Math.abs(sample.gradient()[wrong]) > 1e-3, "the chosen gradient is large enough to resolve");
    CorruptedNetwork network = sample.network((x, g) -> g[wrong] *= 1.01);

    GradientCheck.Report report = GradientCheck.check(network, sample.input, sample.target);
    assertFalse(report.passes(TOLERANCE), report::toString);
    assertEquals(wrong, report.worstParameter());
    assertEquals("weight into layer 2 neuron 1 from node 1 (HtoO)", report.worstParameterDescription());
    assertEquals(0.01 / 2.01, report.worstError(), 1e-7);
    assertEquals(1.01 * report.numeric(), report.analytic(), 1e-8 * Math.abs(report.analytic()));
    AssertionError e = assertThrows(AssertionError.class, () -> report.assertBelow(TOLERANCE));
    assertTrue(
        e.getMessage().startsWith(
            "gradient check of CorruptedNetwork 3-4-2 (logistic, logistic; summed squared error) failed: "
                + "worst relative error 4.98e-03 is not below 1.00e-06 at parameter "),
        e.getMessage());
    assertTrue(e.getMessage().contains("at parameter " + wrong + ", weight into layer 2 neuron 1 from node 1 (HtoO)"), e.getMessage());
    // But a 1 % error passes a tolerance of 1 %.
    assertTrue(report.passes(0.01));
  }

  @Test
  void aSampledCheckComparesTheDrawnParametersOnly() {
    Topology t = small();
    Sample sample = Sample.of(t, 1);
    int wrong = t.weightOffset(2) + 5;
    CorruptedNetwork network = sample.network((x, g) -> g[wrong] *= 1.01);
    // Seeds differ in which 5 of the 26 parameters they draw; the same seed draws the same ones.
    int caught = 0;
    for (long seed = 0; seed < 40; seed++) {
      GradientCheck.Report report = GradientCheck.sampled(5, seed).run(network, sample.input, sample.target);
      assertEquals(5, report.parametersChecked());
      assertTrue(report.toString().contains("(5 of " + t.parameterCount() + " parameters, 1 sample"), report::toString);
      assertEquals(report.worstError(), GradientCheck.sampled(5, seed).run(network, sample.input, sample.target).worstError());
      if (!report.passes(TOLERANCE)) {
        assertEquals(wrong, report.worstParameter());
        caught++;
      }
    }
    // Each sample holds the wrong parameter with probability 5 / 26.
    assertTrue(caught > 0 && caught < 40, caught + " of 40 samples caught the wrong gradient");
    // A sample at least as large as the network checks every parameter.
    GradientCheck.Report all = GradientCheck.sampled(100, 7).run(network, sample.input, sample.target);
    assertEquals(t.parameterCount(), all.parametersChecked());
    assertEquals(wrong, all.worstParameter());
    assertMessage(
        "count is 0; expected at least 1 parameter to check", () -> GradientCheck.sampled(0, 1));
  }

  @Test
  void catchesAHiddenDeltaWithoutItsDerivative() {
    // The classic slip: δ_j = Σ_k w_kj δ_k without the factor fA′(SpreA_j), here for hidden neuron 2 only.
    Topology t = small();
    Sample sample = Sample.of(t, 2);
    int neuron = 2;
    CorruptedNetwork network =
        sample.network(
            (x, g) -> {
              double derivative = Activation.LOGISTIC.derivative(hidden(sample.parameters, t, x, neuron));
              for (int i = 0; i < t.inputs(); i++) {
                g[t.weightOffset(1) + neuron * t.inputs() + i] /= derivative;
              }
              g[t.biasOffset(1) + neuron] /= derivative;
            });

    GradientCheck.Report report = GradientCheck.check(network, sample.input, sample.target);
    assertFalse(report.passes(TOLERANCE), report::toString);
    // Only the weights into neuron 2 and its bias are wrong, all by the same factor 1 / σ′ ≥ 4.
    String where = report.worstParameterDescription();
    assertTrue(
        where.startsWith("weight into layer 1 neuron 2 from input ") || where.equals("bias of layer 1 neuron 2 (hidden)"),
        where);
    assertTrue(report.worstError() > 0.5, report::toString);
  }

  @Test
  void catchesTransposedWeightIndices() {
    // Gradients of w_01 and w_10 of the output layer swapped: w_ji read as w_ij.
    Topology t = small();
    Sample sample = Sample.of(t, 3);
    int a = t.weightOffset(2) + 1; // into output 0 from hidden 1
    int b = t.weightOffset(2) + 4; // into output 1 from hidden 0
    CorruptedNetwork network =
        sample.network(
            (x, g) -> {
              double swap = g[a];
              g[a] = g[b];
              g[b] = swap;
            });

    GradientCheck.Report report = GradientCheck.check(network, sample.input, sample.target);
    assertFalse(report.passes(TOLERANCE), report::toString);
    // Both swapped parameters are equally wrong, up to the finite differences' own error: either is named.
    assertTrue(report.worstParameter() == a || report.worstParameter() == b, report::toString);
    assertTrue(
        report.worstParameterDescription().equals("weight into layer 2 neuron 0 from node 1 (HtoO)")
            || report.worstParameterDescription().equals("weight into layer 2 neuron 1 from node 0 (HtoO)"),
        report::toString);
  }

  @Test
  void catchesAWrongSignOfABiasGradient() {
    Topology t = xor();
    Sample sample = Sample.of(t, 4);
    int bias = t.biasOffset(2);
    GradientCheck.Report report =
        GradientCheck.check(sample.network((x, g) -> g[bias] = -g[bias]), sample.input, sample.target);
    assertEquals(bias, report.worstParameter());
    assertEquals("bias of layer 2 neuron 0 (output)", report.worstParameterDescription());
    assertEquals(1.0, report.worstError(), 1e-9);
    assertEquals(-report.numeric(), report.analytic(), 1e-9);
  }

  @Test
  void namesTheSampleOnWhichTheGradientIsWrong() {
    Topology t = small();
    Sample sample = Sample.of(t, 5);
    Random random = new Random(5);
    double[][] inputs = {uniform(random, 3), uniform(random, 3), {0.5, -0.25, 0.75}, uniform(random, 3)};
    double[][] targets = {target(random, t), target(random, t), target(random, t), target(random, t)};
    int wrong = t.biasOffset(1) + 1;
    // Wrong only for the third sample: a bug on some inputs only is still found and located.
    CorruptedNetwork network = sample.network((x, g) -> g[wrong] += x[0] == 0.5 ? 1e-3 : 0);

    GradientCheck.Report report = GradientCheck.check(network, inputs, targets);
    assertFalse(report.passes(TOLERANCE), report::toString);
    assertEquals(2, report.worstSample());
    assertEquals(wrong, report.worstParameter());
    assertEquals(4, report.samplesChecked());
    assertTrue(report.toString().contains(", sample 2: "), report::toString);
    assertTrue(report.toString().endsWith("(26 parameters, 4 samples, h = 1.0e-04, floor 1.0e-04)"), report::toString);
  }

  @Test
  void aGradientThatIsNotANumberFailsWithAnInfiniteError() {
    Topology t = xor();
    Sample sample = Sample.of(t, 6);
    GradientCheck.Report report =
        GradientCheck.check(sample.network((x, g) -> g[3] = Double.NaN), sample.input, sample.target);
    assertEquals(Double.POSITIVE_INFINITY, report.worstError());
    assertEquals(3, report.worstParameter());
    assertFalse(report.passes(Double.MAX_VALUE));
  }

  @Test
  void usesFivePointCentralDifferences() {
    // E(p) = Σ p_i⁴: five-point differences are exact for a quartic even with a large step, where the
    // three-point (E(p + h) − E(p − h)) / 2h would be off by 4h²p = 0.04 p.
    QuarticNetwork network = new QuarticNetwork(new double[] {0.5, -1.5, 2.0});
    GradientCheck check = GradientCheck.with(0.1, 1e-4);
    assertEquals(0.1, check.step());
    assertEquals(1e-4, check.floor());
    GradientCheck.Report report = check.run(network, new double[] {0, 0}, new double[] {0});
    assertTrue(report.worstError() < 1e-12, report::toString);
    assertEquals(0.1, report.step());
  }

  @Test
  void theFloorMakesTinyGradientsAbsolute() {
    // A gradient of 1e-9 and a finite difference of 0: relative error 1 without the floor, 1e-5 with 1e-4.
    QuarticNetwork network = new QuarticNetwork(new double[] {0, 0, 0});
    network.gradientOffset = 1e-9;
    assertEquals(1e-9 / 1e-4, GradientCheck.check(network, new double[2], new double[1]).worstError(), 1e-12);
    assertEquals(1e-9 / 1e-2, GradientCheck.with(1e-4, 1e-2).run(network, new double[2], new double[1]).worstError(), 1e-12);
    assertEquals(1.0, GradientCheck.with(1e-4, 1e-12).run(network, new double[2], new double[1]).worstError(), 1e-12);
  }

  @Test
  void restoresTheParametersAfterACheck() {
    Topology t = small();
    Sample sample = Sample.of(t, 7);
    CorruptedNetwork network = sample.network((x, g) -> g[0] *= 2);
    GradientCheck.check(network, sample.input, sample.target);
    assertArrayEquals(sample.parameters, network.parameters());
    assertTrue(network.setCalls > 4 * t.parameterCount(), "the check did perturb the parameters");
  }

  @Test
  void restoresTheParametersWhenTheLossThrows() {
    Topology t = small();
    Sample sample = Sample.of(t, 8);
    CorruptedNetwork network = sample.network((x, g) -> {});
    network.lossFailsAtCall = 11; // in the middle of parameter 2's differences
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> GradientCheck.check(network, sample.input, sample.target));
    assertEquals("loss failed at call 11", e.getMessage());
    assertArrayEquals(sample.parameters, network.parameters());
  }

  @Test
  void restoresTheParametersWhenTheBackwardPassThrows() {
    Topology t = small();
    Sample sample = Sample.of(t, 9);
    CorruptedNetwork network =
        sample.network(
            (x, g) -> {
              if (x[0] == 0.5) {
                throw new ArithmeticException("backward pass failed");
              }
            });
    double[][] inputs = {sample.input, {0.5, 0, 0}};
    double[][] targets = {sample.target, sample.target};
    assertThrows(ArithmeticException.class, () -> GradientCheck.check(network, inputs, targets));
    assertArrayEquals(sample.parameters, network.parameters());
  }

  @Test
  void rejectsWrongArgumentsWithoutTouchingTheNetwork() {
    Topology t = xor();
    Sample sample = Sample.of(t, 10);
    CorruptedNetwork network = sample.network((x, g) -> {});
    double[] x = {1, 0};
    double[] y = {1};
    assertMessage("network is null", () -> GradientCheck.check(null, x, y));
    assertMessage("input is null; expected 2 values", () -> GradientCheck.check(network, null, y));
    assertMessage("input has 3 values; expected 2", () -> GradientCheck.check(network, new double[3], y));
    assertMessage("target has 2 values; expected 1", () -> GradientCheck.check(network, x, new double[2]));
    assertMessage(
        "input[1] is NaN; expected a finite number", () -> GradientCheck.check(network, new double[] {0, Double.NaN}, y));
    assertMessage(
        "target[0] is Infinity; expected a finite number",
        () -> GradientCheck.check(network, x, new double[] {Double.POSITIVE_INFINITY}));
    assertMessage("inputs is null", () -> GradientCheck.check(network, null, new double[][] {y}));
    assertMessage("targets is null", () -> GradientCheck.check(network, new double[][] {x}, null));
    assertMessage(
        "there are 2 inputs and 1 targets; expected one target per input",
        () -> GradientCheck.check(network, new double[][] {x, x}, new double[][] {y}));
    assertMessage(
        "there are no samples; expected at least one", () -> GradientCheck.check(network, new double[0][], new double[0][]));
    assertMessage(
        "inputs[1] is null; expected 2 values",
        () -> GradientCheck.check(network, new double[][] {x, null}, new double[][] {y, y}));
    assertMessage(
        "targets[1] has 0 values; expected 1",
        () -> GradientCheck.check(network, new double[][] {x, x}, new double[][] {y, {}}));
    assertEquals(0, network.setCalls, "no argument error touches the network");

    assertMessage("step is 0.0; expected a positive finite number", () -> GradientCheck.with(0, 1e-4));
    assertMessage("step is NaN; expected a positive finite number", () -> GradientCheck.with(Double.NaN, 1e-4));
    assertMessage("floor is -1.0; expected a positive finite number", () -> GradientCheck.with(1e-4, -1));
    assertMessage(
        "floor is Infinity; expected a positive finite number", () -> GradientCheck.with(1e-4, Double.POSITIVE_INFINITY));
    GradientCheck.Report report = GradientCheck.check(network, x, y);
    assertMessage("tolerance is 0.0; expected a positive number", () -> report.passes(0));
    assertMessage("tolerance is NaN; expected a positive number", () -> report.assertBelow(Double.NaN));
  }

  @Test
  void readsWell() {
    Topology t = xor();
    Sample sample = Sample.of(t, 11);
    ReferenceNetwork network = new ReferenceNetwork(t);
    network.setParameters(sample.parameters);
    String text = GradientCheck.check(network, sample.input, sample.target).toString();
    assertTrue(
        text.matches(
            "gradient check of ReferenceNetwork 2-2-1 \\(logistic, logistic; summed squared error\\), 9 parameters: "
                + "worst relative error \\d\\.\\d\\de-\\d\\d at parameter \\d, [a-z0-9 ()A-Z]+, sample 0: "
                + "backpropagation \\S+, finite differences \\S+ \\(9 parameters, 1 sample, h = 1\\.0e-04, floor 1\\.0e-04\\)"),
        text);
    assertEquals("GradientCheck(h = 0.001, floor = 0.01)", GradientCheck.with(1e-3, 1e-2).toString());
  }

  private static void assertMessage(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  private static double[] uniform(Random random, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = 2 * random.nextDouble() - 1;
    }
    return values;
  }

  /** A target the loss accepts: one-hot for softmax, in [0, 1] otherwise. */
  private static double[] target(Random random, Topology t) {
    double[] y = new double[t.outputs()];
    if (t.loss() == Loss.SOFTMAX_CROSS_ENTROPY) {
      y[random.nextInt(y.length)] = 1;
    } else {
      for (int k = 0; k < y.length; k++) {
        y[k] = random.nextDouble();
      }
    }
    return y;
  }

  /** The post-activation of neuron {@code j} of hidden layer 1 (logistic), computed independently. */
  private static double hidden(double[] p, Topology t, double[] x, int j) {
    double z = p[t.biasOffset(1) + j];
    for (int i = 0; i < x.length; i++) {
      z += p[t.weightOffset(1) + j * x.length + i] * x[i];
    }
    return Activation.LOGISTIC.apply(z);
  }

  /** Random parameters, input and target for a topology. */
  private static final class Sample {
    final Topology topology;
    final double[] parameters;
    final double[] input;
    final double[] target;

    private Sample(Topology topology, double[] parameters, double[] input, double[] target) {
      this.topology = topology;
      this.parameters = parameters;
      this.input = input;
      this.target = target;
    }

    static Sample of(Topology t, long seed) {
      Random random = new Random(seed);
      return new Sample(t, uniform(random, t.parameterCount()), uniform(random, t.inputs()), target(random, t));
    }

    /** The correct gradient at this sample. */
    double[] gradient() {
      ReferenceNetwork network = new ReferenceNetwork(topology);
      network.setParameters(parameters);
      double[] g = new double[parameters.length];
      network.accumulateGradient(input, target, g);
      return g;
    }

    CorruptedNetwork network(Corruption corruption) {
      ReferenceNetwork reference = new ReferenceNetwork(topology);
      reference.setParameters(parameters);
      return new CorruptedNetwork(reference, corruption);
    }
  }

  /** A bug planted in a backward pass: changes one sample's gradient before it is added to the sum. */
  private interface Corruption {
    void corrupt(double[] input, double[] gradient);
  }

  /**
   * A reference network with a planted bug in {@code accumulateGradient}; its loss is right, so finite
   * differences see the truth. It counts calls, and its loss can be made to throw.
   */
  private static final class CorruptedNetwork implements TrainableNetwork {
    private final ReferenceNetwork delegate;
    private final Corruption corruption;
    int setCalls;
    int lossCalls;
    int lossFailsAtCall = -1;

    CorruptedNetwork(ReferenceNetwork delegate, Corruption corruption) {
      this.delegate = delegate;
      this.corruption = corruption;
    }

    @Override
    public double[][] parameterArrays() {
      throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public double accumulateGradient(double[] input, double[] target, double[][] gradientSums) {
      throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public double accumulateGradient(double[] input, double[] target, double[] gradientSum) {
      Checks.requireLength(gradientSum, parameterCount(), "gradientSum");
      double[] g = new double[parameterCount()];
      double loss = delegate.accumulateGradient(input, target, g);
      corruption.corrupt(input, g);
      for (int i = 0; i < g.length; i++) {
        gradientSum[i] += g[i];
      }
      return loss;
    }

    @Override
    public double loss(double[] input, double[] target) {
      if (++lossCalls == lossFailsAtCall) {
        throw new IllegalStateException("loss failed at call " + lossCalls);
      }
      return delegate.loss(input, target);
    }

    @Override
    public void setParameters(double[] source) {
      setCalls++;
      delegate.setParameters(source);
    }

    @Override
    public Topology topology() {
      return delegate.topology();
    }

    @Override
    public int parameterCount() {
      return delegate.parameterCount();
    }

    @Override
    public void getParameters(double[] destination) {
      delegate.getParameters(destination);
    }

    @Override
    public double train(double[] input, double[] target, double learningRate) {
      throw new UnsupportedOperationException("a gradient check never trains");
    }

    @Override
    public TrainableNetwork copy() {
      return new CorruptedNetwork(delegate.copy(), corruption);
    }

    @Override
    public int inputCount() {
      return delegate.inputCount();
    }

    @Override
    public int outputCount() {
      return delegate.outputCount();
    }

    @Override
    public double[] predict(double[] input) {
      return delegate.predict(input);
    }

    @Override
    public void predict(double[] input, double[] output) {
      delegate.predict(input, output);
    }

    @Override
    public String toString() {
      return "CorruptedNetwork " + topology();
    }
  }

  /**
   * Not a neural network: a loss E(p) = Σ p_i⁴ with the exact gradient 4 p_i³ (plus an offset), to pin
   * the difference formula and the floor. Laid out as a 2-input linear neuron, three parameters.
   */
  private static final class QuarticNetwork implements TrainableNetwork {
    private static final Topology TOPOLOGY =
        Topology.of(2, new int[0], 1, LOGISTIC, Activation.IDENTITY, Loss.SQUARED_ERROR);
    private final double[] p;
    double gradientOffset;

    QuarticNetwork(double[] p) {
      this.p = p.clone();
    }

    @Override
    public double[][] parameterArrays() {
      throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public double accumulateGradient(double[] input, double[] target, double[][] gradientSums) {
      throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public double loss(double[] input, double[] target) {
      double e = 0;
      for (double v : p) {
        e += v * v * v * v;
      }
      return e;
    }

    @Override
    public double accumulateGradient(double[] input, double[] target, double[] gradientSum) {
      for (int i = 0; i < p.length; i++) {
        gradientSum[i] += 4 * p[i] * p[i] * p[i] + gradientOffset;
      }
      return loss(input, target);
    }

    @Override
    public Topology topology() {
      return TOPOLOGY;
    }

    @Override
    public int parameterCount() {
      return p.length;
    }

    @Override
    public void getParameters(double[] destination) {
      System.arraycopy(p, 0, destination, 0, p.length);
    }

    @Override
    public void setParameters(double[] source) {
      System.arraycopy(source, 0, p, 0, p.length);
    }

    @Override
    public double train(double[] input, double[] target, double learningRate) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TrainableNetwork copy() {
      return new QuarticNetwork(p);
    }

    @Override
    public int inputCount() {
      return 2;
    }

    @Override
    public int outputCount() {
      return 1;
    }

    @Override
    public double[] predict(double[] input) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void predict(double[] input, double[] output) {
      throw new UnsupportedOperationException();
    }
  }
}
