package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.data.DataSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerceptronExampleTest {

  @Test
  void convergesOnSeparableDataAndThenClassifiesEveryPoint() {
    DataSet data = PerceptronExample.data();
    PerceptronNetwork network = PerceptronNetwork.seeded(PerceptronExample.SEED);
    List<Integer> mistakes = PerceptronExample.trainUntilNoMistake(network, data);

    assertTrue(mistakes.size() <= PerceptronExample.MAX_EPOCHS, mistakes.toString());
    assertEquals(0, mistakes.get(mistakes.size() - 1), mistakes.toString());
    for (int e = 0; e < mistakes.size() - 1; e++) {
      assertTrue(mistakes.get(e) > 0, "only the last epoch makes no mistake: " + mistakes);
    }
    for (int i = 0; i < data.size(); i++) {
      assertEquals(data.target(i)[0], network.predict(data.input(i))[0], "point " + i);
    }
  }

  @Test
  void resultReportsEveryPointRight() {
    ExampleResult result = PerceptronExample.run();
    assertEquals(1.0, result.accuracy(), result.toString());
    // The perceptron criterion is 0 when every output is right.
    assertEquals(0.0, result.finalLoss(), result.toString());
    assertTrue(result.epochs() > 1 && result.epochs() <= PerceptronExample.MAX_EPOCHS, result.toString());
    assertEquals("2-1", result.topology());
  }

  @Test
  void trainingIsDeterministic() {
    assertEquals(PerceptronExample.run().epochs(), PerceptronExample.run().epochs());
  }

  /** XOR is not linearly separable: no line, so no perceptron, gets all four points right. */
  @Test
  void givesUpOnXor() {
    PerceptronNetwork network = PerceptronNetwork.seeded(PerceptronExample.SEED);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> PerceptronExample.trainUntilNoMistake(network, XorExample.XOR));
    assertTrue(e.getMessage().contains("linearly separable"), e.getMessage());
  }
}
