package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.StepTrace;
import dev.hardwired.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
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

  /**
   * Every number the article prints for its first step, as the article names it and as the trace gives it
   * (S_ERROR is the article's ∂E/∂net_o, δH its ∂E/∂net_h), each to the digits it is printed with. One is
   * left out: ∂E_o2/∂out_h1, printed −0.019049119, which the article multiplied from rounded factors; from
   * the unrounded ones it is −0.0190491183.
   */
  @Test
  void theTraceGivesEveryPublishedNumberOfTheFirstStep() {
    StepTrace trace = TextbookExample.trace();
    assertPrinted("net_h1", "0.3775", trace.preActivation(1, 0));
    assertPrinted("out_h1", "0.593269992", trace.postActivation(1, 0));
    assertPrinted("out_h2", "0.596884378", trace.postActivation(1, 1));
    assertPrinted("net_o1", "1.105905967", trace.preActivation(2, 0));
    assertPrinted("out_o1", "0.75136507", trace.postActivation(2, 0));
    assertPrinted("out_o2", "0.772928465", trace.postActivation(2, 1));
    assertPrinted("E_o1", "0.274811083", 0.5 * trace.finalError(0) * trace.finalError(0));
    assertPrinted("E_o2", "0.023560026", 0.5 * trace.finalError(1) * trace.finalError(1));
    assertPrinted("E_total", "0.298371109", trace.loss());
    assertPrinted("∂E_total/∂out_o1", "0.74136507", trace.finalError(0));
    double o1 = trace.postActivation(2, 0);
    assertPrinted("∂out_o1/∂net_o1", "0.186815602", o1 * (1 - o1));
    assertPrinted("∂E_o1/∂net_o1", "0.138498562", trace.delta(2, 0));
    assertPrinted("∂E_total/∂w5", "0.082167041", trace.gradient(6));
    assertPrinted("∂E_o1/∂out_h1", "0.055399425", trace.delta(2, 0) * trace.before(6));
    double h1 = trace.postActivation(1, 0);
    assertPrinted("∂out_h1/∂net_h1", "0.241300709", h1 * (1 - h1));
    assertPrinted("∂E_total/∂out_h1", "0.036350306", trace.delta(1, 0) / (h1 * (1 - h1)));
    assertPrinted("∂E_total/∂w1", "0.000438568", trace.gradient(0));
    String[] after = {
      "0.149780716", "0.19956143", "0.24975114", "0.29950229", "0.35891648", "0.408666186", "0.511301270", "0.561370121"
    };
    for (int k = 0; k < after.length; k++) {
      assertPrinted(TextbookExample.WEIGHT_NAMES[k] + "+", after[k], trace.after(TextbookExample.WEIGHT_INDEX[k]));
    }
  }

  /** The walk-through's numbers that are not in the trace's tables. */
  @Test
  void theWalkthroughsOtherNumbersFollowFromTheTrace() {
    StepTrace trace = TextbookExample.trace();
    double h0 = trace.postActivation(1, 0);
    // δH0 had w5 and w7 been updated first: not the gradient of anything.
    double stale = h0 * (1 - h0) * (trace.delta(2, 0) * trace.after(6) + trace.delta(2, 1) * trace.after(8));
    assertPrinted("δH0 after the HtoO update", "0.00729445755", stale);
    TextbookNetwork network = TextbookExample.network();
    network.train(TextbookExample.INPUT, TextbookExample.TARGET, TextbookExample.LEARNING_RATE);
    assertPrinted("E after the step", "0.280471447", network.loss(TextbookExample.INPUT, TextbookExample.TARGET));
  }

  /** The trace's step is train's, bit for bit. */
  @Test
  void theTraceLeavesTheParametersTrainLeaves() {
    TextbookNetwork trained = TextbookExample.network();
    double loss = trained.train(TextbookExample.INPUT, TextbookExample.TARGET, TextbookExample.LEARNING_RATE);
    StepTrace trace = TextbookExample.trace();
    assertEquals(loss, trace.loss());
    assertArrayEquals(trained.parameters(), trace.parametersAfter());
  }

  /** The walk-through's worked example is the trace's Markdown, table for table. */
  @Test
  void theWalkthroughShowsTheTrace() throws IOException {
    String walkthrough = new String(Files.readAllBytes(Paths.get("../docs/walkthrough.md")), StandardCharsets.UTF_8);
    String markdown = TextbookExample.trace().markdown();
    for (String table : markdown.split("\n\n")) {
      if (table.startsWith("|")) {
        assertTrue(walkthrough.contains(table), "docs/walkthrough.md lacks the trace's table\n" + table);
      }
    }
  }

  /** {@code value} equals {@code printed} to the printed digits: within half a unit of its last one. */
  private static void assertPrinted(String name, String printed, double value) {
    int decimals = printed.length() - printed.indexOf('.') - 1;
    assertEquals(Double.parseDouble(printed), value, 0.5 * Math.pow(10, -decimals), name);
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
