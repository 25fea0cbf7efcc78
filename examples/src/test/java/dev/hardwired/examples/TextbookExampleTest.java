package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Topology;
import org.junit.jupiter.api.Test;

class TextbookExampleTest {

  @Test
  void firstStepGivesTheArticlesNumbers() {
    TextbookNetwork network = TextbookExample.network();
    double loss = network.train(TextbookExample.INPUT, TextbookExample.TARGET, TextbookExample.LEARNING_RATE);
    assertEquals(0.298371109, loss, 1e-9);

    double[] p = network.parameters();
    Topology t = network.topology();
    // w5..w8 into the outputs (layer 2), w1..w4 into the hidden layer (layer 1): weight into j from i.
    assertEquals(0.35891648, p[weight(t, 2, 0, 0)], 1e-8, "w5");
    assertEquals(0.408666186, p[weight(t, 2, 0, 1)], 1e-8, "w6");
    assertEquals(0.511301270, p[weight(t, 2, 1, 0)], 1e-8, "w7");
    assertEquals(0.561370121, p[weight(t, 2, 1, 1)], 1e-8, "w8");
    assertEquals(0.149780716, p[weight(t, 1, 0, 0)], 1e-8, "w1");
    assertEquals(0.19956143, p[weight(t, 1, 0, 1)], 1e-8, "w2");
    assertEquals(0.24975114, p[weight(t, 1, 1, 0)], 1e-8, "w3");
    assertEquals(0.29950229, p[weight(t, 1, 1, 1)], 1e-8, "w4");
  }

  @Test
  void weightIndicesFollowTheTopologysLayout() {
    Topology t = TextbookExample.network().topology();
    int[] expected = {
      weight(t, 1, 0, 0), weight(t, 1, 0, 1), weight(t, 1, 1, 0), weight(t, 1, 1, 1),
      weight(t, 2, 0, 0), weight(t, 2, 0, 1), weight(t, 2, 1, 0), weight(t, 2, 1, 1),
    };
    for (int k = 0; k < expected.length; k++) {
      assertEquals(expected[k], TextbookExample.WEIGHT_INDEX[k], TextbookExample.WEIGHT_NAMES[k]);
    }
    double[] p = TextbookExample.PARAMETERS;
    assertEquals(0.35, p[t.biasOffset(1)]);
    assertEquals(0.35, p[t.biasOffset(1) + 1]);
    assertEquals(0.60, p[t.biasOffset(2)]);
    assertEquals(0.60, p[t.biasOffset(2) + 1]);
  }

  @Test
  void tenThousandStepsDriveTheLossNearZero() {
    ExampleResult result = TextbookExample.run();
    assertEquals("2-2-2", result.topology());
    assertEquals(10_000, result.epochs());
    assertTrue(result.finalLoss() < 1e-4, result.toString());
    assertFalse(result.hasAccuracy());
  }

  private static int weight(Topology t, int layer, int into, int from) {
    return t.weightOffset(layer) + into * t.size(layer - 1) + from;
  }
}
