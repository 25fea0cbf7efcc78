package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.data.DataSet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IrisExampleTest {

  @Test
  void loadsTheWholeDataSetFromTheClassPath() {
    DataSet iris = IrisExample.load();
    assertEquals(150, iris.size());
    assertEquals(4, iris.inputCount());
    assertEquals(Arrays.asList("setosa", "versicolor", "virginica"), iris.classNames());
    assertArrayEquals(new int[] {50, 50, 50}, iris.classCounts());
  }

  @Test
  void testAccuracyFromTheFixedSeedsIsAtLeast95Percent() {
    IrisExample.Trained trained = IrisExample.train();
    assertEquals(120, trained.training.size());
    assertEquals(30, trained.test.size());

    ExampleResult result = trained.result();
    assertTrue(result.accuracy() >= 0.95, result.toString());
    assertTrue(result.finalLoss() < 0.1, result.toString());
    assertEquals(IrisExample.EPOCHS, result.epochs());
    assertEquals("4-8-3", result.topology());
  }

  @Test
  void trainingIsDeterministic() {
    ExampleResult a = IrisExample.run();
    ExampleResult b = IrisExample.run();
    assertEquals(a.accuracy(), b.accuracy());
    assertEquals(a.finalLoss(), b.finalLoss());
  }
}
