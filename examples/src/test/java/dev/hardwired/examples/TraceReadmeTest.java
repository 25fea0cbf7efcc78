package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.StepTrace;
import dev.hardwired.data.DataSet;
import dev.hardwired.reference.ReferenceNetwork;
import org.junit.jupiter.api.Test;

/** The README's trace snippets, compiled and run as written there. */
class TraceReadmeTest {
  @Test
  void tracesAStepOfASmallNetwork() {
    XorNetwork net = XorNetwork.seeded(42);
    XorNetwork copy = net.copy();

    StepTrace step = net.trace(new double[] {1, 0}, new double[] {1}, 0.5);  // train's step, every value kept
    System.out.println(step);                       // the tables as text; step.markdown() for Markdown
    double deltaH0 = step.delta(1, 0);              // δH0; step.gradient(i), step.after(i), …

    assertEquals(copy.train(new double[] {1, 0}, new double[] {1}, 0.5), step.loss());
    assertArrayEquals(copy.parameters(), net.parameters());
    assertEquals(step.gradient(0), deltaH0 * 1.0);
    assertTrue(step.toString().contains("weight I0→H0"), step.toString());
  }

  @Test
  void tracesALargeNetworkThroughItsReferenceTwin() {
    DataSet data = DigitsExample.load();
    DigitsNetwork net = DigitsNetwork.seeded(42);
    double[] input = data.inputs()[0];
    double[] target = data.targets()[0];

    StepTrace step = ReferenceNetwork.of(net).trace(input, target, 0.1);  // the same mathematics, with loops
    System.out.println(step.summary());             // one line per layer; step.table() has every value

    DigitsNetwork trained = net.copy();
    trained.train(input, target, 0.1);
    double[] after = trained.parameters();
    for (int i = 0; i < after.length; i++) {
      assertEquals(after[i], step.after(i), 1e-12, "parameter " + i);
    }
    assertTrue(step.summary().contains("\nH         32  "), step.summary());
  }
}
