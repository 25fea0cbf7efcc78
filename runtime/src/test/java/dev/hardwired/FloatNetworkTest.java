package dev.hardwired;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.reference.ReferenceNetwork;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The single-precision side of the runtime: the double view of a float network, the float checks and
 * initialisation, and the tools that take float networks through the view.
 */
class FloatNetworkTest {
  private static final Topology TOPOLOGY =
      Topology.of(3, new int[] {4}, 2, new Activation[] {Activation.TANH}, Activation.LOGISTIC, Loss.SQUARED_ERROR);

  @Test
  void theViewReadsAndWritesTheSameParameters() {
    FloatNetwork network = FloatNetwork.seeded(7);
    TrainableNetwork view = network.asDoubleNetwork();
    assertEquals(network.parameterCount(), view.parameterCount());
    assertEquals(TOPOLOGY, view.topology());
    double[] p = view.parameters();
    float[] f = network.parameters();
    for (int i = 0; i < p.length; i++) {
      assertEquals(f[i], p[i], 0.0, "widening is exact");
    }
    double[] changed = p.clone();
    changed[3] = 0.1; // not a float: rounds to the nearest one
    view.setParameters(changed);
    assertEquals(0.1f, network.parameters()[3], 0.0f);
  }

  @Test
  void theViewPredictsTrainsAndAccumulatesAsTheFloatNetwork() {
    FloatNetwork network = FloatNetwork.seeded(7);
    TrainableNetwork view = network.copy().asDoubleNetwork();
    float[] x = {0.5f, -0.25f, 1f};
    float[] t = {1f, 0f};
    double[] xd = {0.5, -0.25, 1};
    double[] td = {1, 0};
    float[] y = network.predict(x);
    double[] yd = view.predict(xd);
    double[] into = new double[2];
    view.predict(xd, into);
    for (int k = 0; k < 2; k++) {
      assertEquals(y[k], yd[k], 0.0);
      assertEquals(y[k], into[k], 0.0);
    }
    float[] gradient = new float[network.parameterCount()];
    float loss = network.accumulateGradient(x, t, gradient);
    double[] gradientSum = new double[gradient.length];
    java.util.Arrays.fill(gradientSum, 1.0);
    assertEquals(loss, view.accumulateGradient(xd, td, gradientSum), 0.0);
    for (int i = 0; i < gradient.length; i++) {
      assertEquals(1.0 + gradient[i], gradientSum[i], 1e-15, "adds to what was there");
    }
    assertEquals(network.train(x, t, 0.1f), view.train(xd, td, 0.1), 0.0);
    float[] afterFloat = network.parameters();
    double[] afterView = view.parameters();
    for (int i = 0; i < afterFloat.length; i++) {
      assertEquals(afterFloat[i], afterView[i], 0.0);
    }
  }

  @Test
  void theViewRejectsWhatTheFloatNetworkCannotHold() {
    TrainableNetwork view = FloatNetwork.seeded(1).asDoubleNetwork();
    double[] huge = new double[view.parameterCount()];
    huge[5] = 1e300;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> view.setParameters(huge));
    assertEquals("parameters[5] is 1.0E300; expected a value within float range", e.getMessage());
    assertEquals(
        "input has 2 values; expected 3",
        assertThrows(IllegalArgumentException.class, () -> view.predict(new double[2])).getMessage());
    assertEquals(
        "learning rate is -1.0; expected a positive finite number",
        assertThrows(IllegalArgumentException.class, () -> view.train(new double[3], new double[2], -1)).getMessage());
  }

  @Test
  void floatChecksSayWhatWasExpected() {
    assertEquals(
        "input[1] is NaN; expected a finite number",
        assertThrows(IllegalArgumentException.class, () -> Checks.requireFinite(new float[] {0, Float.NaN}, 2, "input"))
            .getMessage());
    assertEquals(
        "output is null; expected 2 values",
        assertThrows(IllegalArgumentException.class, () -> Checks.requireLength((float[]) null, 2, "output"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> Checks.requireLearningRate(Float.POSITIVE_INFINITY));
  }

  @Test
  void floatInitialisationIsTheDoubleOneRounded() {
    double[] wide = Initialization.initialParameters(TOPOLOGY, 99);
    float[] narrow = new float[wide.length];
    Initialization.initialize(TOPOLOGY, 99, narrow);
    for (int i = 0; i < wide.length; i++) {
      assertEquals((float) wide[i], narrow[i], 0.0f);
    }
  }

  @Test
  void gradientCheckAndTheReferenceTakeFloatNetworks() {
    FloatNetwork network = FloatNetwork.seeded(3);
    Random random = new Random(4);
    float[][] inputs = new float[4][3];
    float[][] targets = new float[4][2];
    for (int s = 0; s < 4; s++) {
      for (int i = 0; i < 3; i++) {
        inputs[s][i] = 2 * random.nextFloat() - 1;
      }
      targets[s][s % 2] = 1;
    }
    float[] before = network.parameters();
    GradientCheck.Report report = GradientCheck.check(network, inputs, targets);
    assertTrue(report.passes(1e-2), report.toString());
    assertEquals(4, report.samplesChecked());
    assertArrayEquals(before, network.parameters(), "the check puts the parameters back");

    ReferenceNetwork reference = ReferenceNetwork.of(network);
    double[] p = reference.parameters();
    for (int i = 0; i < p.length; i++) {
      assertEquals(before[i], p[i], 0.0);
    }
  }

  /**
   * A float network for these tests: the reference network's mathematics rounded to float at every
   * call, the way a float network's results relate to the reference's.
   */
  private static final class FloatNetwork implements TrainableFloatNetwork {
    private final ReferenceNetwork inner;

    private FloatNetwork(ReferenceNetwork inner) {
      this.inner = inner;
    }

    static FloatNetwork seeded(long seed) {
      float[] p = new float[TOPOLOGY.parameterCount()];
      Initialization.initialize(TOPOLOGY, seed, p);
      FloatNetwork network = new FloatNetwork(new ReferenceNetwork(TOPOLOGY));
      network.setParameters(p);
      return network;
    }

    @Override
    public float[][] parameterArrays() {
      throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public float accumulateGradient(float[] input, float[] target, float[][] gradientSums) {
      throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public int inputCount() {
      return TOPOLOGY.inputs();
    }

    @Override
    public int outputCount() {
      return TOPOLOGY.outputs();
    }

    @Override
    public float[] predict(float[] input) {
      float[] output = new float[outputCount()];
      predict(input, output);
      return output;
    }

    @Override
    public void predict(float[] input, float[] output) {
      Checks.requireFinite(input, inputCount(), "input");
      Checks.requireLength(output, outputCount(), "output");
      double[] y = inner.predict(wide(input));
      for (int k = 0; k < y.length; k++) {
        output[k] = (float) y[k];
      }
    }

    @Override
    public Topology topology() {
      return TOPOLOGY;
    }

    @Override
    public int parameterCount() {
      return TOPOLOGY.parameterCount();
    }

    @Override
    public void getParameters(float[] destination) {
      Checks.requireLength(destination, parameterCount(), "destination");
      double[] p = inner.parameters();
      for (int i = 0; i < p.length; i++) {
        destination[i] = (float) p[i];
      }
    }

    @Override
    public void setParameters(float[] source) {
      Checks.requireFinite(source, parameterCount(), "parameters");
      inner.setParameters(wide(source));
    }

    @Override
    public float train(float[] input, float[] target, float learningRate) {
      float loss = (float) inner.train(wide(input), wide(target), learningRate);
      setParameters(parameters()); // keep every parameter a float
      return loss;
    }

    @Override
    public float loss(float[] input, float[] target) {
      return (float) inner.loss(wide(input), wide(target));
    }

    @Override
    public float accumulateGradient(float[] input, float[] target, float[] gradientSum) {
      Checks.requireLength(gradientSum, parameterCount(), "gradientSum");
      double[] g = new double[gradientSum.length];
      float loss = (float) inner.accumulateGradient(wide(input), wide(target), g);
      for (int i = 0; i < g.length; i++) {
        gradientSum[i] += (float) g[i];
      }
      return loss;
    }

    @Override
    public FloatNetwork copy() {
      return new FloatNetwork(inner.copy());
    }

    private static double[] wide(float[] values) {
      double[] wide = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        wide[i] = values[i];
      }
      return wide;
    }
  }
}
