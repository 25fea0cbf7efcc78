package dev.hardwired;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.reference.ReferenceNetwork;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StepTraceTest {
  private static final Topology TEXTBOOK =
      Topology.of(2, new int[] {2}, 2, new Activation[] {Activation.LOGISTIC}, Activation.LOGISTIC, Loss.SQUARED_ERROR);

  /** The starting parameters of the classic worked example, in the flat order. */
  private static final double[] TEXTBOOK_PARAMETERS = {
    0.15, 0.20, 0.25, 0.30, 0.35, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.60
  };

  private static StepTrace textbook() {
    ReferenceNetwork network = new ReferenceNetwork(TEXTBOOK);
    network.setParameters(TEXTBOOK_PARAMETERS);
    return network.trace(new double[] {0.05, 0.10}, new double[] {0.01, 0.99}, 0.5);
  }

  @Test
  void theReferenceTraceHoldsEveryValueOfTheStep() {
    StepTrace trace = textbook();
    assertEquals(0.3775, trace.preActivation(1, 0), 1e-15);
    assertEquals(0.593269992, trace.postActivation(1, 0), 5e-10);
    assertEquals(0.05, trace.postActivation(0, 0));
    assertEquals(0.75136507, trace.postActivation(2, 0), 5e-9);
    assertEquals(0.298371109, trace.loss(), 5e-10);
    assertEquals(0.74136507, trace.finalError(0), 5e-9);
    assertEquals(0.138498562, trace.delta(2, 0), 5e-10);
    assertEquals(0.99, trace.target(1));
    // The gradient of a weight is δ × SpostA of its node; of a bias, δ.
    assertEquals(trace.delta(2, 0) * trace.postActivation(1, 0), trace.gradient(6));
    assertEquals(trace.delta(1, 1), trace.gradient(5));
    assertEquals(0.000438568, trace.gradient(0), 5e-10);
    assertEquals(0.149780716, trace.after(0), 5e-10);
    assertArrayEquals(TEXTBOOK_PARAMETERS, trace.parametersBefore());
    assertEquals(0.5, trace.learningRate());
    assertEquals(Precision.DOUBLE, trace.precision());
  }

  @Test
  void theReferenceTraceTakesTrainsStepBitForBit() {
    Random random = new Random(5);
    Topology t =
        Topology.of(3, new int[] {4, 3}, 2, new Activation[] {Activation.TANH, Activation.RELU}, Activation.SOFTMAX,
            Loss.SOFTMAX_CROSS_ENTROPY);
    ReferenceNetwork traced = ReferenceNetwork.seeded(t, 9);
    ReferenceNetwork trained = traced.copy();
    for (int step = 0; step < 20; step++) {
      double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      double[] y = random.nextBoolean() ? new double[] {1, 0} : new double[] {0, 1};
      StepTrace trace = traced.trace(x, y, 0.3);
      assertEquals(trained.train(x, y, 0.3), trace.loss());
      assertArrayEquals(trained.parameters(), traced.parameters());
      assertArrayEquals(trained.parameters(), trace.parametersAfter());
    }
  }

  @Test
  void aDivergingStepThrowsAndChangesNothing() {
    Topology t = Topology.of(2, new int[0], 1, new Activation[0], Activation.IDENTITY, Loss.SQUARED_ERROR);
    ReferenceNetwork network = new ReferenceNetwork(t);
    double[] parameters = {1e300, 1e300, 1e300};
    network.setParameters(parameters);
    assertThrows(ArithmeticException.class, () -> network.trace(new double[] {1e10, 1e10}, new double[] {0}, 0.1));
    assertArrayEquals(parameters, network.parameters());
  }

  @Test
  void theTableNamesEveryValueAsTheGeneratedComments() {
    String table = textbook().table();
    assertTrue(table.startsWith(
        "One training step of 2-2-2 (logistic, logistic; summed squared error), double, learning rate 0.5\n"
            + "Target: T0 = 0.01, T1 = 0.99\n"), table);
    assertTrue(table.contains("\nH0    logistic      0.3775  0.593269992\n"), table);
    assertTrue(table.contains("\nLoss: E = ½ Σ FE² = 0.298371109\n"), table);
    assertTrue(table.contains("\nFE1 = SpostA,O1 − T1                            -0.217071535\n"), table);
    assertTrue(table.contains("\nδH0 = fA′(SpreA,H0) × Σ S_ERROR × weight H0→O  0.00877135469\n"), table);
    assertTrue(
        table.contains("\nweight I0→H0      0  δH0 × SpostA,I0         0.15  0.000438567734  0.149780716\n"), table);
    assertEquals(table, textbook().toString());
  }

  @Test
  void theMarkdownHasOneTablePerPass() {
    String markdown = textbook().markdown();
    assertTrue(markdown.contains("\n\nTarget: T0 = 0.01, T1 = 0.99\n"), markdown);
    assertTrue(markdown.contains("| node | fA | SpreA | SpostA |\n|---|---|--:|--:|\n| I0 | input |  | 0.05 |\n"), markdown);
    assertTrue(markdown.contains("| term | value |\n|---|--:|\n| FE0 = SpostA,O0 − T0 | 0.74136507 |\n"), markdown);
    assertTrue(
        markdown.contains("| bias H1 | 5 | δH1 | 0.35 | 0.00995425471 | 0.345022873 |\n"), markdown);
  }

  @Test
  void largeNetworksPrintOneLinePerLayer() {
    Topology t =
        Topology.of(30, new int[] {10}, 3, new Activation[] {Activation.RELU}, Activation.SOFTMAX,
            Loss.SOFTMAX_CROSS_ENTROPY);
    assertTrue(t.parameterCount() > StepTrace.TABLE_LIMIT);
    ReferenceNetwork network = ReferenceNetwork.seeded(t, 3);
    double[] x = new double[30];
    x[4] = 1;
    StepTrace trace = network.trace(x, new double[] {0, 1, 0}, 0.1);
    String summary = trace.toString();
    assertEquals(trace.summary(), summary);
    assertTrue(summary.contains("\nlayer  nodes  SpreA"), summary);
    assertTrue(summary.contains("\nH         10  "), summary);
    assertTrue(summary.contains("\nO          3  "), summary);
    assertTrue(trace.table().contains("weight I29→H9"), "the whole table is there on request");
  }

  @Test
  void otherLossesHaveNoFinalError() {
    Topology t = Topology.of(2, new int[0], 1, new Activation[0], Activation.LOGISTIC, Loss.CROSS_ENTROPY);
    StepTrace trace = ReferenceNetwork.seeded(t, 1).trace(new double[] {1, 2}, new double[] {1}, 0.1);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> trace.finalError(0));
    assertTrue(e.getMessage().contains("S_ERROR = SpostA,O − T"), e.getMessage());
    assertTrue(trace.table().contains("S_ERROR0 = SpostA,O0 − T0"), trace.table());
    assertTrue(trace.table().contains("E = −Σ [T ln SpostA,O + (1 − T) ln(1 − SpostA,O)]"), trace.table());
  }

  @Test
  void aFloatStepIsWidenedAndItsGradientsAreFloatProducts() {
    Topology t = Topology.of(1, new int[0], 1, new Activation[0], Activation.IDENTITY, Loss.SQUARED_ERROR);
    float delta = 0.1f;
    float input = 0.3f;
    StepTrace trace =
        StepTrace.of(t, new float[] {input}, new float[] {0}, 0.5f, 0.005f, new float[] {1, 0}, new float[] {0.9f, 0},
            new float[][] {{0.3f}}, new float[][] {{0.3f}}, new float[][] {{delta}});
    assertEquals(Precision.FLOAT, trace.precision());
    assertEquals((double) (delta * input), trace.gradient(0));
    assertEquals((double) 0.9f, trace.after(0));
    assertEquals((double) 0.3f, trace.finalError(0));
  }

  @Test
  void shapesThatDoNotFitTheTopologyAreRefused() {
    double[][] layers = {{0.1, 0.2}, {0.3, 0.4}};
    double[] parameters = new double[12];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StepTrace.of(TEXTBOOK, new double[2], new double[2], 0.5, 0, parameters, parameters,
                new double[][] {{0.1}, {0.3, 0.4}}, layers, layers));
    assertEquals("preActivations of layer H: expected 2 values but got 1", e.getMessage());
    e = assertThrows(
        IllegalArgumentException.class,
        () -> StepTrace.of(TEXTBOOK, new double[2], new double[2], 0.5, 0, parameters, new double[11], layers, layers,
            layers));
    assertEquals("after: expected 12 values but got 11", e.getMessage());
    e = assertThrows(
        IllegalArgumentException.class,
        () -> StepTrace.of(TEXTBOOK, new double[2], new double[2], 0.5, 0, parameters, parameters, layers, layers,
            new double[][] {{1, 2}}));
    assertEquals("deltas: expected 2 arrays, one per layer after the inputs, but got 1", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> StepTrace.of(null, new double[2], new double[2], 0.5, 0, parameters, parameters, layers, layers, layers));
  }

  @Test
  void numbersHaveNineSignificantDigitsAndNoTrailingZeros() {
    assertEquals("0", StepTracePrinter.number(0.0));
    assertEquals("0", StepTracePrinter.number(-0.0));
    assertEquals("0.5", StepTracePrinter.number(0.5));
    assertEquals("-0.217071535", StepTracePrinter.number(-0.2170715348));
    assertEquals("0.000438567734", StepTracePrinter.number(0.00043856773449));
    assertEquals("1.5e-07", StepTracePrinter.number(1.5e-7));
    assertEquals("1.23456789e+12", StepTracePrinter.number(1234567890123.0));
    assertEquals("100", StepTracePrinter.number(100));
  }
}
