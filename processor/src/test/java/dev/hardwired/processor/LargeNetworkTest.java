package dev.hardwired.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.processor.model.NetworkModel;
import dev.hardwired.processor.testing.ClassFiles;
import dev.hardwired.processor.testing.GeneratedNetworks;
import dev.hardwired.processor.testing.NetworkChecks;
import dev.hardwired.processor.testing.Spec;
import dev.hardwired.reference.ReferenceNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Networks far past the unrolled limit, the shapes that stress a code generator most: wide, deep,
 * bottlenecked, image-sized, the deepest chain the processor accepts (999 hidden layers) and both sides of
 * the depth past which the API methods call chunks of layers. Every one compiles, no method reaches the
 * JIT's limit, and they train like the reference network.
 */
class LargeNetworkTest {
  private static final Spec LOGISTIC = Spec.OUTPUTS.get(0);
  private static final Spec SOFTMAX = Spec.OUTPUTS.get(6);

  private static List<Spec> shapes;
  private static GeneratedNetworks compiled;

  @BeforeAll
  static void compile() {
    int[] sixtyFours = new int[8];
    Arrays.fill(sixtyFours, 64);
    int[] deepestChain = new int[NetworkModel.MAX_LAYERS - 1];
    Arrays.fill(deepestChain, 1);
    int[] deepWide = new int[40];
    Arrays.fill(deepWide, 9);
    // Either side of the depth at which the API methods call chunks of layers.
    int[] chunked = new int[NetworkModel.CHUNK_LAYERS];
    Arrays.fill(chunked, 5);
    int[] notChunked = new int[NetworkModel.CHUNK_LAYERS - 1];
    Arrays.fill(notChunked, 5);
    // Unrolled layers at the mixed budget after a looped one: the most straight-line code beside loops.
    int[] mixedChain = new int[60];
    Arrays.fill(mixedChain, 1);
    mixedChain[0] = 200;
    shapes =
        List.of(
            LOGISTIC.named("WideNetwork").shaped(1, new int[] {1000}, 1, Activation.TANH),
            LOGISTIC.named("DeepNetwork").shaped(8, sixtyFours, 2, Activation.RELU),
            LOGISTIC.named("BottleneckNetwork").shaped(300, new int[] {2}, 300, Activation.LOGISTIC),
            SOFTMAX.named("Mnist2Network").shaped(784, new int[] {512, 256}, 10, Activation.RELU),
            SOFTMAX.named("CifarNetwork").shaped(3072, new int[] {200}, 10, Activation.TANH),
            SOFTMAX.named("DigitsNetwork").shaped(64, new int[] {32}, 10, Activation.LOGISTIC),
            LOGISTIC.named("DeepestChainNetwork").shaped(1, deepestChain, 1, Activation.TANH),
            LOGISTIC.named("DeepWideNetwork").shaped(9, deepWide, 9, Activation.LEAKY_RELU),
            SOFTMAX.named("ChunkedNetwork").shaped(4, chunked, 3, Activation.TANH),
            SOFTMAX.named("NotChunkedNetwork").shaped(4, notChunked, 3, Activation.TANH),
            LOGISTIC.named("MixedChainNetwork").shaped(50, mixedChain, 1, Activation.TANH));
    compiled = Spec.compile(shapes);
  }

  @Test
  void deepNetworksCallChunksOfLayers() throws java.io.IOException {
    String chunked = source("test.ChunkedNetwork");
    assertTrue(chunked.contains("forwardLayers1To32(input);"), chunked);
    assertTrue(chunked.contains("forwardLayers33To33();"), chunked);
    String notChunked = source("test.NotChunkedNetwork");
    assertTrue(!notChunked.contains("forwardLayers") && notChunked.contains("forwardH1(input);"), notChunked);
  }

  private static String source(String type) throws java.io.IOException {
    return compiled.compilation().generatedSourceFile(type).orElseThrow().getCharContent(false).toString();
  }

  @Test
  void noGeneratedMethodReachesTheJitLimit() {
    List<String> largest = new ArrayList<>();
    for (String name : compiled.networkClasses()) {
      int most = 0;
      for (Map.Entry<String, Integer> method : ClassFiles.codeLengths(compiled.classFile(name)).entrySet()) {
        assertTrue(
            method.getValue() < NetworkModel.METHOD_BYTES_LIMIT,
            name + "." + method.getKey() + " has " + method.getValue() + " bytes of bytecode");
        most = Math.max(most, method.getValue());
      }
      largest.add(name + " " + most);
    }
    assertEquals(shapes.size(), largest.size(), largest.toString());
  }

  @Test
  void theLargestNetworkTrainsLikeTheReference() {
    TrainableNetwork net = compiled.seeded("test.Mnist2Network", 5);
    ReferenceNetwork reference = ReferenceNetwork.of(net);
    Random random = new Random(8);
    for (int step = 0; step < 3; step++) {
      double[] x = NetworkChecks.input(net.topology(), random);
      double[] t = NetworkChecks.target(net.topology(), random);
      assertEquals(reference.train(x, t, 0.01), net.train(x, t, 0.01), 1e-12, "loss at step " + step);
    }
    double[] expected = reference.parameters();
    double[] actual = net.parameters();
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-12, "parameter " + i);
    }
  }

  @Test
  void largeNetworksMatchFiniteDifferencesOnASample() {
    for (String name : List.of("test.DigitsNetwork", "test.DeepNetwork", "test.BottleneckNetwork", "test.MixedChainNetwork")) {
      NetworkChecks.checkGradients(compiled.seeded(name, 3), 43);
    }
  }

  @Test
  void deepChainsMatchTheReference() {
    for (String name : List.of("test.DeepWideNetwork", "test.ChunkedNetwork", "test.NotChunkedNetwork", "test.WideNetwork")) {
      TrainableNetwork net = compiled.seeded(name, 3);
      NetworkChecks.checkGradients(net, 47);
      NetworkChecks.checkReferenceParity(net, 53);
    }
    // The deepest network is checked on a sample of its parameters: each of its 4,000 probes would cost a
    // forward pass through 1,000 layers.
    TrainableNetwork deepest = compiled.seeded("test.DeepestChainNetwork", 3);
    assertEquals(NetworkModel.MAX_LAYERS, deepest.topology().layerCount());
    dev.hardwired.GradientCheck.sampled(60, 5).run(deepest, new double[] {0.5}, new double[] {0.25}).assertBelow(1e-6);
    NetworkChecks.checkReferenceParity(deepest, 53);
  }
}
