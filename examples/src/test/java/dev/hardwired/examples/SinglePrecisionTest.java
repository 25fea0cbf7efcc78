package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.GradientCheck;
import dev.hardwired.reference.ReferenceNetwork;
import org.junit.jupiter.api.Test;

/** The README's single-precision snippet, compiled and run as written there. */
class SinglePrecisionTest {
  @Test
  void aFloatNetworkTrainsAndIsCheckedLikeADoubleOne() {
    FloatIrisNetwork net = FloatIrisNetwork.seeded(42);
    float[] input = {5.1f, 3.5f, 1.4f, 0.2f};
    float[] target = {1, 0, 0};
    float loss = net.train(input, target, 0.01f);             // one SGD step in float
    float[] y = net.predict(input);
    GradientCheck.check(net, new float[][] {input}, new float[][] {target}).assertBelow(1e-2);
    ReferenceNetwork reference = ReferenceNetwork.of(net);     // the same parameters, widened to double
    GradientCheck.sampled(20, 7).run(reference, new double[] {5.1, 3.5, 1.4, 0.2}, new double[] {1, 0, 0})
        .assertBelow(1e-6);                                    // 20 of 67 parameters, drawn from seed 7

    assertTrue(loss > 0 && Float.isFinite(loss));
    assertEquals(3, y.length);
    assertEquals(1.0, y[0] + y[1] + y[2], 1e-6);
    assertEquals(net.parameterCount(), reference.parameterCount());
  }
}
