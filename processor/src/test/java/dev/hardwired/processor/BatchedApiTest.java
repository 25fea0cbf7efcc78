package dev.hardwired.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.processor.testing.GeneratedNetworks;
import dev.hardwired.processor.testing.NetworkChecks;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The batched API's contract beyond its bits (which {@link NetworkChecks#checkBatches} holds to the
 * one-sample methods for every layout): what it gives and tells on wrong batches, and that a wrong batch
 * changes nothing, on a tiled network (looped hidden layers), an unrolled one and a float one.
 */
class BatchedApiTest {
  private static GeneratedNetworks compiled;

  @BeforeAll
  static void compile() {
    compiled =
        GeneratedNetworks.compile(
            "test.Batches",
            "package test;\n"
                + "import dev.hardwired.*;\n"
                + "public final class Batches {\n"
                + "  @Network(inputs = 20, hidden = {24, 12}, outputs = 3, activation = Activation.TANH,\n"
                + "      outputActivation = Activation.SOFTMAX, loss = Loss.SOFTMAX_CROSS_ENTROPY, name = \"Tiled\")\n"
                + "  interface TiledDeclaration {}\n"
                + "  @Network(inputs = 20, hidden = {24, 12}, outputs = 3, activation = {Activation.GELU, Activation.SILU},\n"
                + "      outputActivation = Activation.GELU_TANH, name = \"TiledSmooth\")\n"
                + "  interface TiledSmoothDeclaration {}\n"
                + "  @Network(inputs = 2, hidden = 4, outputs = 1, name = \"Small\")\n"
                + "  interface SmallDeclaration {}\n"
                + "  @Network(inputs = 20, hidden = 24, outputs = 3, precision = Precision.FLOAT, name = \"Single\")\n"
                + "  interface SingleDeclaration {}\n"
                + "}\n");
  }

  private static TrainableNetwork[] networks() {
    return new TrainableNetwork[] {
      compiled.seeded("test.Tiled", 1), compiled.seeded("test.TiledSmooth", 4), compiled.seeded("test.Small", 2)
    };
  }

  @Test
  void theTiledNetworkIsWrittenInTiles() throws java.io.IOException {
    String source =
        compiled.compilation().generatedSourceFile("test.Tiled").orElseThrow().getCharContent(false).toString();
    assertTrue(source.contains("forwardPairH1(x2, x3, tileSpostAH1[2], tileSpostAH1[3]);"), source);
    assertTrue(source.contains("forwardPairH2(tileSpostAH1[0], tileSpostAH1[1], tileSpostAH2[0], tileSpostAH2[1]);"), source);
    assertTrue(source.contains("gradientTileH1toH2(gradientSums);"), source);
    assertTrue(source.contains("gradientTileItoH1(x0, x1, x2, x3, gradientSums);"), source);
  }

  /** Tiled layers whose fA′ needs SpreA keep each sample's SpreA beside its SpostA, and hand both over. */
  @Test
  void tilesKeepSpreAWhereTheDerivativeNeedsIt() throws java.io.IOException {
    String source =
        compiled.compilation().generatedSourceFile("test.TiledSmooth").orElseThrow().getCharContent(false).toString();
    assertTrue(source.contains("forwardPairH1(x2, x3, tileSpreAH1[2], tileSpreAH1[3], tileSpostAH1[2], tileSpostAH1[3]);"), source);
    assertTrue(source.contains("System.arraycopy(tileSpreAH2[s], 0, spreAH2, 0, HIDDEN2);"), source);
    assertTrue(source.contains("deltaH1[j] = geluDerivative(spreAH1[j]) * sum;"), source);
    assertTrue(source.contains("z0[j] = h0[j] + bH1[j];"), source);
  }

  @Test
  void batchesGiveTheOneSampleBits() {
    for (TrainableNetwork network : networks()) {
      NetworkChecks.checkBatches(network, 5);
    }
    NetworkChecks.checkFloatBatches(compiled.seededFloat("test.Single", 3), 5);
  }

  @Test
  void aBatchOfNoSamplesAddsNothing() {
    for (TrainableNetwork network : networks()) {
      Data data = new Data(network, 6);
      assertEquals(0.0, network.accumulateGradient(data.inputs, data.targets, null, 3, 3, data.sums));
      data.assertSumsUnchanged(network + ": an empty batch");
      network.predict(new double[0][], new double[0][]);
    }
  }

  @Test
  void wrongBatchesAreRefusedBeforeAnythingIsAdded() {
    for (TrainableNetwork network : networks()) {
      int inputs = network.inputCount();
      int outputs = network.outputCount();
      refused(network, "inputs has 6 rows but targets has 5; expected one target row per input row",
          d -> network.accumulateGradient(d.inputs, java.util.Arrays.copyOf(d.targets, 5), null, 0, 5, d.sums));
      refused(network, "inputs is null; expected the rows of a data set",
          d -> network.accumulateGradient(null, d.targets, null, 0, 5, d.sums));
      refused(network, "the batch from 2 to 7 is not within the 6 rows of inputs; expected 0 ≤ from ≤ to ≤ 6",
          d -> network.accumulateGradient(d.inputs, d.targets, null, 2, 7, d.sums));
      refused(network, "the batch from 3 to 2 is not within the 4 indices; expected 0 ≤ from ≤ to ≤ 4",
          d -> network.accumulateGradient(d.inputs, d.targets, new int[] {0, 1, 2, 3}, 3, 2, d.sums));
      refused(network, "indices[4] is 6; expected a row of inputs, 0 to 5",
          d -> network.accumulateGradient(d.inputs, d.targets, new int[] {5, 4, 3, 2, 6}, 0, 5, d.sums));
      refused(network, "indices[0] is -1; expected a row of inputs, 0 to 5",
          d -> network.accumulateGradient(d.inputs, d.targets, new int[] {-1}, 0, 1, d.sums));
      refused(network, "inputs[5] is null; expected " + inputs + " values",
          d -> {
            d.inputs[5] = null;
            network.accumulateGradient(d.inputs, d.targets, null, 0, 6, d.sums);
          });
      refused(network, "inputs[4] has " + (inputs + 1) + " values; expected " + inputs,
          d -> {
            d.inputs[4] = new double[inputs + 1];
            network.accumulateGradient(d.inputs, d.targets, new int[] {0, 1, 2, 3, 4}, 0, 5, d.sums);
          });
      refused(network, "targets[5][" + (outputs - 1) + "] is NaN; expected a finite number",
          d -> {
            d.targets[5][outputs - 1] = Double.NaN;
            network.accumulateGradient(d.inputs, d.targets, null, 0, 6, d.sums);
          });
      refused(network, "gradientSums has 0 arrays; expected " + network.parameterArrays().length
              + ", one per parameter array",
          d -> network.accumulateGradient(d.inputs, d.targets, null, 0, 6, new double[0][]));
      // A wrong row outside the batch is no concern of the batch's.
      Data data = new Data(network, 7);
      data.inputs[0] = null;
      double loss = network.accumulateGradient(data.inputs, data.targets, null, 1, 6, data.sums);
      assertTrue(Double.isFinite(loss) && loss > 0, network + ": loss " + loss);
    }
  }

  @Test
  void wrongPredictionBatchesAreRefusedBeforeAnyOutputIsWritten() {
    for (TrainableNetwork network : networks()) {
      int inputs = network.inputCount();
      int outputs = network.outputCount();
      refusedPrediction(network, "outputs has 5 rows; expected 6, one per row of inputs",
          (in, out) -> network.predict(in, java.util.Arrays.copyOf(out, 5)));
      refusedPrediction(network, "outputs is null; expected an array of rows", (in, out) -> network.predict(in, null));
      refusedPrediction(network, "inputs[5][0] is Infinity; expected a finite number",
          (in, out) -> {
            in[5][0] = Double.POSITIVE_INFINITY;
            network.predict(in, out);
          });
      refusedPrediction(network, "inputs[3] has " + (inputs - 1) + " values; expected " + inputs,
          (in, out) -> {
            in[3] = new double[inputs - 1];
            network.predict(in, out);
          });
      refusedPrediction(network, "outputs[5] has " + (outputs + 1) + " values; expected " + outputs,
          (in, out) -> {
            out[5] = new double[outputs + 1];
            network.predict(in, out);
          });
    }
  }

  @Test
  void floatBatchesAreCheckedTheSameWay() {
    TrainableFloatNetwork network = compiled.seededFloat("test.Single", 4);
    float[][] inputs = new float[6][20];
    float[][] targets = new float[6][3];
    float[][] arrays = network.parameterArrays();
    float[][] sums = new float[arrays.length][];
    for (int k = 0; k < arrays.length; k++) {
      sums[k] = new float[arrays[k].length];
    }
    targets[5][2] = Float.NaN;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> network.accumulateGradient(inputs, targets, null, 0, 6, sums));
    assertEquals("targets[5][2] is NaN; expected a finite number", e.getMessage());
    for (float[] sum : sums) {
      assertArrayEquals(new float[sum.length], sum, "nothing added");
    }
    float[][] outputs = new float[6][3];
    inputs[2] = null;
    e = assertThrows(IllegalArgumentException.class, () -> network.predict(inputs, outputs));
    assertEquals("inputs[2] is null; expected 20 values", e.getMessage());
  }

  /** Six rows of data and gradient sums that start from known values. */
  private static final class Data {
    final double[][] inputs;
    final double[][] targets;
    final double[][] sums;
    private final double[][] before;

    Data(TrainableNetwork network, int rows) {
      Random random = new Random(rows);
      inputs = new double[rows][];
      targets = new double[rows][];
      for (int r = 0; r < rows; r++) {
        inputs[r] = NetworkChecks.input(network.topology(), random);
        targets[r] = NetworkChecks.target(network.topology(), random);
      }
      double[][] arrays = network.parameterArrays();
      sums = new double[arrays.length][];
      before = new double[arrays.length][];
      for (int k = 0; k < arrays.length; k++) {
        sums[k] = new double[arrays[k].length];
        for (int j = 0; j < sums[k].length; j++) {
          sums[k][j] = random.nextGaussian();
        }
        before[k] = sums[k].clone();
      }
    }

    void assertSumsUnchanged(String what) {
      for (int k = 0; k < sums.length; k++) {
        assertArrayEquals(before[k], sums[k], what + ": gradient array " + k);
      }
    }
  }

  private static void refused(TrainableNetwork network, String message, Consumer<Data> call) {
    Data data = new Data(network, 6);
    double[] parameters = network.parameters();
    Executable executable = () -> call.accept(data);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable, network + ": " + message);
    assertEquals(message, e.getMessage(), network.toString());
    data.assertSumsUnchanged(network + ": " + message);
    assertArrayEquals(parameters, network.parameters(), network + ": " + message);
  }

  private static void refusedPrediction(
      TrainableNetwork network, String message, java.util.function.BiConsumer<double[][], double[][]> call) {
    Data data = new Data(network, 6);
    double[][] outputs = new double[6][network.outputCount()];
    for (double[] row : outputs) {
      java.util.Arrays.fill(row, -7.0);
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> call.accept(data.inputs, outputs), network + ": " + message);
    assertEquals(message, e.getMessage(), network.toString());
    for (double[] row : outputs) {
      if (row.length != network.outputCount()) {
        continue; // the wrong row the call was given
      }
      for (double value : row) {
        assertEquals(-7.0, value, network + ": " + message + ": an output written");
      }
    }
  }
}
