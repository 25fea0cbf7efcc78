package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardwired.data.DataSet;
import dev.hardwired.train.Optimizer;
import dev.hardwired.train.OptimizerState;
import org.junit.jupiter.api.Test;

/** The README's batch snippets, compiled and run as written there, on the digits. */
class BatchesReadmeTest {
  @Test
  void predictsAndAccumulatesBatches() {
    DataSet data = DigitsExample.load();
    DigitsNetwork net = DigitsNetwork.seeded(42);
    DigitsNetwork copy = net.copy();

    double[][] inputs = data.inputs();                                // one row per sample
    double[][] outputs = new double[inputs.length][DigitsNetwork.OUTPUTS];
    net.predict(inputs, outputs);                                     // every row, allocating nothing

    double[][] targets = data.targets();
    double[][] parameters = net.parameterArrays();                    // the network's own arrays
    double[][] sums = new double[parameters.length][];
    for (int k = 0; k < sums.length; k++) {
      sums[k] = new double[parameters[k].length];
    }
    int[] order = {17, 3, 256, 40, 99, 5};                            // rows of the data, in any order
    double loss = net.accumulateGradient(inputs, targets, order, 0, order.length, sums);
    OptimizerState sgd = Optimizer.sgd().bind(parameters, sums);
    sgd.step(order.length, 0.1);                                      // the mean gradient's step; sums back to 0

    for (int k = 0; k < inputs.length; k++) {
      assertArrayEquals(copy.predict(inputs[k]), outputs[k], "row " + k);
    }
    double[][] copySums = new double[parameters.length][];
    for (int k = 0; k < copySums.length; k++) {
      copySums[k] = new double[parameters[k].length];
    }
    double expected = 0.0;
    for (int r : order) {
      expected += copy.accumulateGradient(inputs[r], targets[r], copySums);
    }
    assertEquals(expected, loss);
    Optimizer.sgd().bind(copy.parameterArrays(), copySums).step(order.length, 0.1);
    assertArrayEquals(copy.parameters(), net.parameters());
  }
}
