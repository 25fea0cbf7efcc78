package dev.hardwired.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import com.palantir.javapoet.ClassName;
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.processor.model.NetworkModel;
import dev.hardwired.processor.testing.ClassFiles;
import dev.hardwired.processor.testing.GeneratedNetworks;
import dev.hardwired.processor.testing.NetworkChecks;
import dev.hardwired.processor.testing.Spec;
import dev.hardwired.processor.testing.TraceChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every generated backward pass against central finite differences and against the reference network:
 * every hidden activation × 0 to 3 hidden layers in front of each kind of error signal, every output
 * activation and loss alone and behind hidden layers, then randomised topologies, compiled once and checked
 * through the runtime's interfaces.
 */
class BackpropagationTest {
  private static final int[][] SHAPES = {{}, {4}, {4, 3}, {3, 4, 2}};

  private static List<Spec> combinations;
  private static GeneratedNetworks compiledCombinations;
  private static List<Spec> randomised;
  private static GeneratedNetworks compiledRandomised;
  private static GeneratedNetworks loopedCombinations;
  private static GeneratedNetworks mixedCombinations;
  private static List<Spec> large;
  private static GeneratedNetworks compiledLarge;
  private static List<Spec> floats;
  private static GeneratedNetworks compiledFloats;
  private static GeneratedNetworks loopedFloats;

  /**
   * Whether every hidden activation at every depth goes in front of {@code output}: for the outputs whose
   * error signals differ in kind (S_ERROR = FE × fA′ of a logistic or identity output, and y − t of the two
   * cross-entropies). Backpropagation through a hidden layer does not depend on which output made S_ERROR, so
   * the other outputs go behind two hidden layers each, and the grid stays small enough to compile three times.
   */
  private static boolean crossed(Spec output) {
    return output.outputActivation() == Activation.IDENTITY
        || output.outputActivation() == Activation.LOGISTIC
        || output.outputActivation() == Activation.SOFTMAX;
  }

  @BeforeAll
  static void compile() {
    combinations = new ArrayList<>();
    for (Spec output : Spec.OUTPUTS) {
      int outputs = output.outputActivation() == Activation.SOFTMAX ? 3 : 2;
      String outName = output.outputActivation() + "_" + output.loss();
      combinations.add(output.named("Depth0_" + outName + "Network").shaped(3, new int[0], outputs));
      if (!output.allowsHiddenLayers()) {
        continue;
      }
      if (crossed(output)) {
        for (Activation hidden : Spec.HIDDEN) {
          for (int depth = 1; depth < SHAPES.length; depth++) {
            String name = "Depth" + depth + "_" + hidden + "_" + outName + "Network";
            combinations.add(output.named(name).shaped(3, SHAPES[depth], outputs, hidden));
          }
        }
      } else {
        // Its fA′ starts S_ERROR whatever comes before: once behind a layer whose fA′ comes from SpostA, once
        // behind two whose fA′ comes from SpreA.
        combinations.add(
            output.named("Depth1_TANH_" + outName + "Network").shaped(3, SHAPES[1], outputs, Activation.TANH));
        combinations.add(
            output.named("Depth2_SILU_" + outName + "Network").shaped(3, SHAPES[2], outputs, Activation.SILU));
      }
      // Mixed activations, one per hidden layer.
      combinations.add(
          output.named("Mixed_" + outName + "Network")
              .shaped(2, new int[] {3, 3, 3}, outputs, Activation.TANH, Activation.LEAKY_RELU, Activation.LOGISTIC));
    }
    compiledCombinations = Spec.compile(combinations);

    Random random = new Random(20261126);
    randomised = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      randomised.add(Spec.random(random, "Random" + n + "Network", NetworkModel.MAX_UNROLLED_PARAMETERS));
    }
    // Shapes at the size limit, where the bytecode is largest: long chains, a wide layer, many outputs.
    int[] chain = new int[79];
    java.util.Arrays.fill(chain, 1);
    Spec logistic = Spec.OUTPUTS.get(0);
    Spec softmax = Spec.OUTPUTS.get(6);
    Spec perceptron = Spec.OUTPUTS.get(7);
    randomised.add(logistic.named("ChainNetwork").shaped(1, chain, 1, Activation.TANH));
    randomised.add(logistic.named("WideInputNetwork").shaped(159, new int[0], 1));
    randomised.add(softmax.named("WideSoftmaxNetwork").shaped(31, new int[0], 5));
    randomised.add(softmax.named("DeepSoftmaxNetwork").shaped(5, new int[] {6, 6, 6}, 5, Activation.LEAKY_RELU));
    randomised.add(logistic.named("WideHiddenNetwork").shaped(1, new int[] {53}, 1, Activation.RELU));
    randomised.add(perceptron.named("WidePerceptronNetwork").shaped(39, new int[0], 4));
    for (Spec spec : randomised.subList(randomised.size() - 6, randomised.size())) {
      assertTrue(spec.topology().parameterCount() > NetworkModel.MAX_UNROLLED_PARAMETERS - 10, spec.toString());
    }
    compiledRandomised = Spec.compile(randomised);

    // The same combinations with every layer looped, and with a budget so small that most networks mix
    // unrolled and looped layers.
    loopedCombinations = Spec.compile(combinations, "-A" + NetworkProcessor.UNROLL_LIMIT_OPTION + "=0");
    mixedCombinations = Spec.compile(combinations, "-A" + NetworkProcessor.UNROLL_LIMIT_OPTION + "=12");

    // Random topologies past the unrolled limit, where the default rule mixes the two shapes.
    large = new ArrayList<>();
    while (large.size() < 40) {
      Spec spec = Spec.random(random, "Large" + large.size() + "Network", 3_000, 40);
      if (spec.topology().parameterCount() > NetworkModel.MAX_UNROLLED_PARAMETERS) {
        large.add(spec);
      }
    }
    compiledLarge = Spec.compile(large);

    // Single precision: every combination, unrolled and looped, and the large random topologies.
    floats = new ArrayList<>();
    for (Spec spec : combinations) {
      floats.add(spec.inFloat().named("Float" + spec.name()));
    }
    for (Spec spec : large.subList(0, 10)) {
      floats.add(spec.inFloat().named("Float" + spec.name()));
    }
    compiledFloats = Spec.compile(floats);
    loopedFloats = Spec.compile(floats, "-A" + NetworkProcessor.UNROLL_LIMIT_OPTION + "=0");
  }

  @TestFactory
  List<DynamicTest> floatNetworksMatchFiniteDifferencesAndTheReference() {
    return forEachFloat(
        net -> {
          NetworkChecks.checkFloatGradients(net, 59);
          NetworkChecks.checkFloatReferenceParity(net.copy(), 61);
        });
  }

  @TestFactory
  List<DynamicTest> floatTrainingAndPredictionAllocateNothing() {
    return forEachFloat(
        net -> {
          Random random = new Random(3);
          float[] input = NetworkChecks.narrow(NetworkChecks.input(net.topology(), random));
          float[] target = NetworkChecks.narrow(NetworkChecks.target(net.topology(), random));
          float[] output = new float[net.outputCount()];
          float[] gradient = new float[net.parameterCount()];
          float[][] arrays = net.parameterArrays();
          float[][] sums = new float[arrays.length][];
          for (int k = 0; k < arrays.length; k++) {
            sums[k] = new float[arrays[k].length];
          }
          // A batch of a whole tile and a sample left over.
          float[][] inputs = {input, input, input, input, input};
          float[][] targets = {target, target, target, target, target};
          float[][] outputs = new float[5][net.outputCount()];
          int[] indices = {4, 3, 2, 1, 0};
          assertAllocatesNothing(
              net.toString(),
              () -> {
                net.train(input, target, 1e-6f);
                net.predict(input, output);
                net.accumulateGradient(input, target, gradient);
                net.accumulateGradient(input, target, sums);
                net.loss(input, target);
                net.predict(inputs, outputs);
                net.accumulateGradient(inputs, targets, indices, 0, 5, sums);
              });
        });
  }

  /** {@code check} on every float spec, unrolled and looped. */
  private static List<DynamicTest> forEachFloat(
      java.util.function.Consumer<dev.hardwired.TrainableFloatNetwork> check) {
    List<DynamicTest> tests = new ArrayList<>();
    for (GeneratedNetworks compiled : List.of(compiledFloats, loopedFloats)) {
      for (Spec spec : floats) {
        tests.add(
            DynamicTest.dynamicTest(
                spec + (compiled == loopedFloats ? ", looped" : ""),
                () -> check.accept(compiled.seededFloat(spec.className(), 1))));
      }
    }
    return tests;
  }

  /**
   * Every network whose layers are all unrolled has a trace: the step is train's bit for bit, and every
   * value the reference network's. Networks with a looped layer have none.
   */
  @TestFactory
  List<DynamicTest> tracesAreTrainsStepAndTheReferencesValues() {
    List<DynamicTest> tests = new ArrayList<>();
    for (List<Spec> specs : List.of(combinations, randomised)) {
      GeneratedNetworks compiled = specs == combinations ? compiledCombinations : compiledRandomised;
      tests.addAll(
          forEach(
              specs,
              compiled,
              (spec, net) -> {
                boolean unrolled = fullyUnrolled(net.topology(), NetworkModel.MAX_UNROLLED_PARAMETERS);
                assertEquals(unrolled, TraceChecks.hasTrace(net), spec + ": a trace where every layer is unrolled");
                if (!unrolled) {
                  return;
                }
                TraceChecks.checkTrace(net, 43);
                boolean diverged = TraceChecks.checkDivergingTrace(net.copy());
                Topology t = net.topology();
                // An identity output of ±1e300 weights overflows, unless a hidden layer ends in ELU or SELU,
                // whose negative side saturates at a finite value and can leave the sum finite.
                boolean saturates = false;
                for (int l = 1; l < t.layerCount(); l++) {
                  saturates |= t.activation(l) == Activation.ELU || t.activation(l) == Activation.SELU;
                }
                if (t.activation(t.layerCount()) == Activation.IDENTITY && !saturates) {
                  assertTrue(diverged, spec + " did not diverge");
                }
              }));
    }
    tests.addAll(
        forEach(
            large,
            compiledLarge,
            (spec, net) -> assertFalse(TraceChecks.hasTrace(net), spec + ", partly looped, has a trace")));
    tests.addAll(
        forEach(
            combinations,
            mixedCombinations,
            (spec, net) ->
                assertEquals(
                    fullyUnrolled(net.topology(), 12), TraceChecks.hasTrace(net), spec + " with 12 unrolled")));
    return tests;
  }

  private static boolean fullyUnrolled(Topology topology, int unrollLimit) {
    ClassName type = ClassName.get("test", "Net");
    return NetworkModel.of(type, true, false, "NetNetwork", topology, Precision.DOUBLE, false, unrollLimit).fullyUnrolled();
  }

  @TestFactory
  List<DynamicTest> floatTracesAreTrainsStepAndTheReferencesValues() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec spec : floats) {
      tests.add(
          DynamicTest.dynamicTest(
              spec.toString(),
              () -> {
                TrainableFloatNetwork net = compiledFloats.seededFloat(spec.className(), 1);
                if (fullyUnrolled(spec.topology(), NetworkModel.MAX_UNROLLED_PARAMETERS)) {
                  TraceChecks.checkFloatTrace(net, 47);
                } else {
                  assertFalse(TraceChecks.hasTrace(net), spec + ", partly looped, has a trace");
                }
              }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> loopedLayersMatchFiniteDifferencesAndTheReference() {
    return againstBoth(combinations, loopedCombinations, 19, 23);
  }

  @TestFactory
  List<DynamicTest> mixedShapesMatchFiniteDifferencesAndTheReference() {
    return againstBoth(combinations, mixedCombinations, 29, 31);
  }

  @TestFactory
  List<DynamicTest> largeRandomTopologiesMatchFiniteDifferencesAndTheReference() {
    return againstBoth(large, compiledLarge, 37, 41);
  }

  @TestFactory
  List<DynamicTest> gradientsMatchFiniteDifferences() {
    return forEach(combinations, compiledCombinations, (spec, net) -> NetworkChecks.checkGradients(net, 7));
  }

  @TestFactory
  List<DynamicTest> trainingMatchesTheReferenceNetwork() {
    return forEach(combinations, compiledCombinations, (spec, net) -> NetworkChecks.checkReferenceParity(net, 11));
  }

  @TestFactory
  List<DynamicTest> randomTopologiesMatchFiniteDifferencesAndTheReference() {
    return againstBoth(randomised, compiledRandomised, 13, 17);
  }

  @TestFactory
  List<DynamicTest> trainingAndPredictionAllocateNothing() {
    List<DynamicTest> tests = new ArrayList<>(allocationTests(combinations, compiledCombinations));
    tests.addAll(allocationTests(combinations, loopedCombinations));
    tests.addAll(allocationTests(large, compiledLarge));
    return tests;
  }

  private static List<DynamicTest> allocationTests(List<Spec> specs, GeneratedNetworks compiled) {
    return forEach(
        specs,
        compiled,
        (spec, net) -> {
          Random random = new Random(3);
          double[] input = NetworkChecks.input(net.topology(), random);
          double[] target = NetworkChecks.target(net.topology(), random);
          double[] output = new double[net.outputCount()];
          double[] gradient = new double[net.parameterCount()];
          double[][] arrays = net.parameterArrays();
          double[][] sums = new double[arrays.length][];
          for (int k = 0; k < arrays.length; k++) {
            sums[k] = new double[arrays[k].length];
          }
          // A batch of a whole tile and a sample left over.
          double[][] inputs = {input, input, input, input, input};
          double[][] targets = {target, target, target, target, target};
          double[][] outputs = new double[5][net.outputCount()];
          int[] indices = {4, 3, 2, 1, 0};
          assertAllocatesNothing(
              spec.toString(),
              () -> {
                net.train(input, target, 1e-6);
                net.predict(input, output);
                net.accumulateGradient(input, target, gradient);
                net.accumulateGradient(input, target, sums);
                net.loss(input, target);
                net.predict(inputs, outputs);
                net.accumulateGradient(inputs, targets, indices, 0, 5, sums);
              });
        });
  }

  /**
   * Runs {@code calls} (seven calls of the API) 2,000 times to load and link everything, then 2,000 times
   * more while counting this thread's allocation.
   */
  private static void assertAllocatesNothing(String what, Runnable calls) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    Runnable steps =
        () -> {
          for (int n = 0; n < 2_000; n++) {
            calls.run();
          }
        };
    steps.run();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    steps.run();
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    // One small array per call would be at least 16 bytes × 14,000 calls.
    assertTrue(allocated < 10_000, what + ": " + allocated + " bytes allocated in 14,000 calls");
  }

  @Test
  void everyCombinationWasGenerated() {
    // 4 crossed output/loss pairs × (1 without hidden layers + 11 hidden activations × 3 depths + 1 mixed), 9 other
    // pairs × (1 without + 2 behind hidden layers + 1 mixed), and the perceptron
    assertTrue(combinations.size() == 4 * (1 + 11 * 3 + 1) + 9 * (1 + 2 + 1) + 1, combinations.size() + " combinations");
    assertTrue(Spec.HIDDEN.size() == 11 && Spec.OUTPUTS.size() == 14);
    assertTrue(compiledCombinations.networkClasses().size() == combinations.size());
  }

  @Test
  void noGeneratedMethodReachesTheJitLimit() {
    for (GeneratedNetworks compiled :
        List.of(
            compiledCombinations, compiledRandomised, loopedCombinations, mixedCombinations, compiledLarge, compiledFloats,
            loopedFloats)) {
      for (String name : compiled.networkClasses()) {
        for (Map.Entry<String, Integer> method : ClassFiles.codeLengths(compiled.classFile(name)).entrySet()) {
          assertTrue(
              method.getValue() < NetworkModel.METHOD_BYTES_LIMIT,
              name + "." + method.getKey() + " has " + method.getValue() + " bytes of bytecode");
        }
      }
    }
  }

  /** Finite differences from {@code gradientSeed}, then reference parity from {@code paritySeed}, on a copy. */
  private static List<DynamicTest> againstBoth(
      List<Spec> specs, GeneratedNetworks compiled, long gradientSeed, long paritySeed) {
    return forEach(
        specs,
        compiled,
        (spec, net) -> {
          NetworkChecks.checkGradients(net, gradientSeed);
          NetworkChecks.checkReferenceParity(net.copy(), paritySeed);
        });
  }

  private interface Check {
    void run(Spec spec, dev.hardwired.TrainableNetwork network);
  }

  private static List<DynamicTest> forEach(List<Spec> specs, GeneratedNetworks compiled, Check check) {
    List<DynamicTest> tests = new ArrayList<>();
    for (Spec spec : specs) {
      tests.add(
          DynamicTest.dynamicTest(
              spec.toString(), () -> check.run(spec, compiled.seeded(spec.className(), 1))));
    }
    return tests;
  }
}
