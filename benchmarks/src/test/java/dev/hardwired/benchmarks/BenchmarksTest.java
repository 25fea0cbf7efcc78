package dev.hardwired.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.reference.ReferenceNetwork;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Runs nothing that JMH measures: sets every benchmark up, which checks with {@link Parity} that the
 * implementations do the same work, and calls each benchmark method a few times; holds the hand-written
 * 2-4-1 to the generated one bit for bit.
 */
class BenchmarksTest {
  private static List<NetworkBenchmark> benchmarks() {
    return List.of(new Size2x4x1Benchmark(), new Size4x8x3Benchmark(), new Size64x32x10Benchmark(),
        new Size784x128x10Benchmark());
  }

  @Test
  void theBatchBenchmarksRunAndTheirTwoPathsAgree() {
    for (String network : List.of("2x4x1", "4x8x3", "64x32x10", "784x128x10")) {
      for (String precision : List.of("double", "float")) {
        BatchPredictBenchmark predict = new BatchPredictBenchmark();
        predict.network = network;
        predict.batch = 32;
        predict.precision = precision;
        predict.setUp();
        String batched = java.util.Arrays.deepToString((Object[]) predict.batched());
        assertEquals(batched, java.util.Arrays.deepToString((Object[]) predict.oneByOne()), network + " " + precision);
        BatchTrainBenchmark train = new BatchTrainBenchmark();
        train.network = network;
        train.batch = 32;
        train.precision = precision;
        train.setUp();
        train.restart();
        double first = train.batchedSgd();
        train.restart();
        // The same batch from the same parameters: the batched gradient and the one-by-one give the same loss.
        assertEquals(first, train.oneByOneSgd(), network + " " + precision);
        assertTrue(Double.isFinite(train.batchedAdam()) && Double.isFinite(train.fused()), network + " " + precision);
      }
    }
  }

  @Test
  void everyBenchmarkComparesLikeWithLikeAndRuns() {
    for (NetworkBenchmark benchmark : benchmarks()) {
      benchmark.setUp();
      benchmark.restart();
      List<Supplier<Object>> methods = new ArrayList<>(List.of(
          benchmark::trainReference, benchmark::trainEncog, benchmark::trainEncogIteration,
          benchmark::predictReference, benchmark::predictEncog, benchmark::predictEncogFlat));
      if (benchmark instanceof GeneratedNetworkBenchmark) {
        GeneratedNetworkBenchmark generated = (GeneratedNetworkBenchmark) benchmark;
        generated.setUpFloat();
        generated.restartFloat();
        methods.add(generated::trainGenerated);
        methods.add(generated::predictGenerated);
        methods.add(() -> (double) generated.trainGeneratedFloat());
        methods.add(() -> (double) generated.predictGeneratedFloat()[0]);
      }
      if (benchmark instanceof Size2x4x1Benchmark) {
        Size2x4x1Benchmark small = (Size2x4x1Benchmark) benchmark;
        methods.add(small::trainHandWritten);
        methods.add(small::predictHandWritten);
      }
      for (int i = 0; i < 20; i++) {
        for (Supplier<Object> method : methods) {
          Object result = method.get();
          double first = result instanceof double[] ? ((double[]) result)[0] : (Double) result;
          assertTrue(Double.isFinite(first), benchmark.getClass().getSimpleName());
        }
      }
    }
  }

  @Test
  void everyShapeBenchmarkComparesBitIdenticalNetworksAndRuns() {
    for (ShapeBenchmark benchmark :
        List.of(new ShapeBenchmark.Of4x8x3(), new ShapeBenchmark.Of8x12x4(), new ShapeBenchmark.Of13x16x3(),
            new ShapeBenchmark.Of30x16x8x1())) {
      benchmark.setUp(); // throws unless both shapes train alike
      for (int i = 0; i < 20; i++) {
        benchmark.restart();
        double chosen = benchmark.trainChosen();
        double[] chosenOutput = benchmark.predictChosen().clone();
        benchmark.restart();
        assertEquals(chosen, benchmark.trainLooped(), 1e-12);
        assertArrayEquals(chosenOutput, benchmark.predictLooped(), 1e-12);
      }
    }
  }

  @Test
  void theSizesAreTheFourOfTheIssue() {
    assertEquals(17, Size2x4x1Network.PARAMETERS);
    assertEquals(17, HandWritten2x4x1.PARAMETERS);
    assertEquals(67, Size4x8x3Network.PARAMETERS);
    assertEquals(2_410, Size64x32x10Network.PARAMETERS);
    assertEquals(101_770, Size784x128x10Network.PARAMETERS);
    assertEquals(101_770, Size784x128x10FloatNetwork.PARAMETERS);
    assertEquals(HandWritten2x4x1.seeded(1).topology(), Size2x4x1Network.seeded(1).topology());
  }

  @Test
  void theHandWrittenNetworkComputesTheGeneratedBits() {
    TrainableNetwork generated = Size2x4x1Network.seeded(NetworkBenchmark.SEED);
    TrainableNetwork handWritten = HandWritten2x4x1.seeded(NetworkBenchmark.SEED);
    assertArrayEquals(generated.parameters(), handWritten.parameters());
    Samples xor = Samples.xor();
    for (int step = 0; step < 400; step++) {
      double[] input = xor.inputs[step % 4];
      double[] target = xor.targets[step % 4];
      assertArrayEquals(generated.predict(input), handWritten.predict(input), 0.0);
      assertEquals(generated.loss(input, target), handWritten.loss(input, target), 0.0);
      double[] generatedGradient = new double[17];
      double[] handWrittenGradient = new double[17];
      generated.accumulateGradient(input, target, generatedGradient);
      handWritten.accumulateGradient(input, target, handWrittenGradient);
      assertArrayEquals(generatedGradient, handWrittenGradient, 0.0);
      assertEquals(generated.train(input, target, 0.1), handWritten.train(input, target, 0.1), 0.0);
      assertArrayEquals(generated.parameters(), handWritten.parameters(), 0.0);
    }
  }

  @Test
  void theHandWrittenNetworkChecksItsArgumentsAsTheGeneratedOneDoes() {
    TrainableNetwork generated = Size2x4x1Network.seeded(1);
    TrainableNetwork handWritten = HandWritten2x4x1.seeded(1);
    double[][] badInputs = {null, {}, {0}, {0, 0, 0}, {Double.NaN, 0}, {0, Double.POSITIVE_INFINITY}};
    double[][] badTargets = {null, {}, {0, 1}, {Double.NaN}, {Double.NEGATIVE_INFINITY}};
    double[] input = {1, 0};
    double[] target = {1};
    for (double[] bad : badInputs) {
      sameFailure(() -> generated.train(bad, target, 0.1), () -> handWritten.train(bad, target, 0.1));
      sameFailure(() -> generated.predict(bad, new double[1]), () -> handWritten.predict(bad, new double[1]));
      sameFailure(() -> generated.loss(bad, target), () -> handWritten.loss(bad, target));
      // A bad input is reported before a bad target.
      sameFailure(() -> generated.train(bad, null, 0.1), () -> handWritten.train(bad, null, 0.1));
    }
    for (double[] bad : badTargets) {
      sameFailure(() -> generated.train(input, bad, 0.1), () -> handWritten.train(input, bad, 0.1));
      sameFailure(() -> generated.loss(input, bad), () -> handWritten.loss(input, bad));
      sameFailure(() -> generated.accumulateGradient(input, bad, new double[17]),
          () -> handWritten.accumulateGradient(input, bad, new double[17]));
    }
    for (double rate : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      sameFailure(() -> generated.train(input, target, rate), () -> handWritten.train(input, target, rate));
    }
    for (double[] output : new double[][] {null, {}, {0, 0}}) {
      sameFailure(() -> generated.predict(input, output), () -> handWritten.predict(input, output));
    }
    sameFailure(() -> generated.accumulateGradient(input, target, new double[16]),
        () -> handWritten.accumulateGradient(input, target, new double[16]));
    sameFailure(
        () -> generated.setParameters(new double[16]), () -> handWritten.setParameters(new double[16]));
    // A diverging step (∞ − ∞ in the first hidden neuron) changes nothing in either.
    generated.setParameters(alternating(1e300));
    handWritten.setParameters(alternating(1e300));
    double[] huge = {1e300, 1e300};
    sameFailure(() -> generated.train(huge, target, 1), () -> handWritten.train(huge, target, 1));
    assertArrayEquals(generated.parameters(), handWritten.parameters(), 0.0);
  }

  @Test
  void parityStillHandlesEncogsMixedActivationBug() {
    // No benchmarked network mixes activations; this keeps Parity's issue-243 branch working for one that
    // does.
    Topology iris = Topology.of(4, new int[] {8}, 3,
        new Activation[] {Activation.TANH}, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    assertTrue(Parity.hasMixedActivations(iris));
    Parity.check(ReferenceNetwork.seeded(iris, 42), Samples.irisShaped(7), 0.05);
  }

  @Test
  void strokeImagesLookLikeScannedDigits() {
    for (NetworkBenchmark benchmark : List.of(new Size64x32x10Benchmark(), new Size784x128x10Benchmark())) {
      Samples images = benchmark.samples();
      int side = (int) Math.round(Math.sqrt(images.inputs[0].length));
      int ink = 0;
      for (double[] image : images.inputs) {
        assertEquals(side * side, image.length);
        for (double pixel : image) {
          assertTrue(pixel >= 0 && pixel <= 1, "pixel " + pixel);
          ink += pixel > 0 ? 1 : 0;
        }
      }
      double fraction = ink / (16.0 * side * side);
      assertTrue(fraction > 0.05 && fraction < 0.5, side + " × " + side + ": " + fraction + " inked");
    }
  }

  @Test
  void theOptimizerBenchmarkTrainsAndItsBatchesAreMiniBatchSteps() {
    OptimizerBenchmark benchmark = new OptimizerBenchmark();
    benchmark.setUp();
    benchmark.restart();
    double first = benchmark.trainAdam();
    double second = benchmark.trainAdam();
    assertTrue(Double.isFinite(first) && second < first, first + " then " + second);
    benchmark.restart();
    double sgd = benchmark.trainSgd();
    assertEquals(first, sgd, 1e-12 * first, "the same parameters give the same batch loss");
    assertTrue(benchmark.trainFused() > 0);
    benchmark.stepSgd();
    benchmark.stepAdam();
  }

  @Test
  void theStrictMathBenchmarkRunsAndItsTwoNetworksAgree() {
    for (String network : List.of("2x4x1", "64x32x10")) {
      StrictMathBenchmark plain = strictMathBenchmark(network, "plain");
      StrictMathBenchmark strict = strictMathBenchmark(network, "strict");
      for (int i = 0; i < 20; i++) {
        double[] expected = plain.predict().clone();
        double[] actual = strict.predict();
        for (int k = 0; k < expected.length; k++) {
          // The same seed and steps: the two differ only in the last bits of exp, tanh and log.
          assertEquals(expected[k], actual[k], 1e-12, network + " output " + k + " after " + i + " steps");
        }
        assertEquals(plain.train(), strict.train(), 1e-12, network + " loss");
        assertTrue(Double.isFinite(plain.adam()) && Double.isFinite(strict.adam()), network + " Adam");
      }
    }
  }

  private static StrictMathBenchmark strictMathBenchmark(String network, String math) {
    StrictMathBenchmark benchmark = new StrictMathBenchmark();
    benchmark.network = network;
    benchmark.math = math;
    benchmark.setUp();
    return benchmark;
  }

  @Test
  void interleavedSamplesGiveTheGeneratedBits() {
    InterleavedSamplesBenchmark benchmark = new InterleavedSamplesBenchmark();
    benchmark.setUp(); // throws unless both hand-written forms give the generated predict's bits
    TrainableNetwork net = Batches.network("4x8x3");
    double[] output = new double[3];
    net.predict(Batches.data(net)[0][255], output);
    assertArrayEquals(output, benchmark.twoInterleaved()[255]);
    assertArrayEquals(output, benchmark.oneAtATime()[255]);
  }

  @Test
  void passesTabulatesEveryBenchmarkMethod() {
    List<Object> all = new java.util.ArrayList<>(benchmarks());
    all.add(new OptimizerBenchmark());
    for (Object benchmark : all) {
      for (Method method : benchmark.getClass().getMethods()) {
        if (method.isAnnotationPresent(Benchmark.class)) {
          assertTrue(Passes.ORDER.contains(method.getName()), method.getName() + " is not in Passes.ORDER");
        }
      }
    }
  }

  private static double[] alternating(double value) {
    double[] values = new double[17];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 2 == 0 ? value : -value;
    }
    return values;
  }

  private static void sameFailure(Executable generated, Executable handWritten) {
    Throwable expected = assertThrows(RuntimeException.class, generated);
    Throwable actual = assertThrows(RuntimeException.class, handWritten);
    assertEquals(expected.getClass(), actual.getClass());
    assertEquals(expected.getMessage(), actual.getMessage());
  }
}
