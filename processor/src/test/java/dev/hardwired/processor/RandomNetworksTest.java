package dev.hardwired.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Activation;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.data.DataSet;
import dev.hardwired.processor.model.NetworkModel;
import dev.hardwired.processor.testing.GeneratedNetworks;
import dev.hardwired.processor.testing.NetworkChecks;
import dev.hardwired.processor.testing.Spec;
import dev.hardwired.processor.testing.TraceChecks;
import dev.hardwired.reference.ReferenceNetwork;
import dev.hardwired.train.Optimizer;
import dev.hardwired.train.Trainer;
import dev.hardwired.train.TrainingDivergedException;
import dev.hardwired.train.TrainingHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A thousand random valid declarations, drawn from one seed: 0 to 4 hidden layers of 1 to 40 nodes and a
 * few of hundreds, every hidden activation, every output activation with its losses, both precisions, and
 * each declaration compiled with the default shapes, with every layer looped, or with a small unrolled
 * budget that mixes the two. Each generated network is held to central finite differences (sampled on
 * large networks) and, through a training run with each optimizer, to the reference network; a network
 * whose layers are all unrolled also has its trace checked.
 *
 * <p>A failure names its case, its declaration and a command that re-runs it alone: {@code -Dhardwired.random.case=k}
 * (with {@code -Dhardwired.random.seed=s} and {@code -Dhardwired.random.count=n} for other draws).
 */
class RandomNetworksTest {
  private static final long SEED = Long.getLong("hardwired.random.seed", 20261207L);
  private static final int COUNT = Integer.getInteger("hardwired.random.count", 1000);
  private static final int ONLY = Integer.getInteger("hardwired.random.case", -1);

  /** The options a case is compiled with: the default shapes, every layer looped, a budget of 24 unrolled parameters. */
  private static final String[] SHAPES = {
    "", "-A" + NetworkProcessor.UNROLL_LIMIT_OPTION + "=0", "-A" + NetworkProcessor.UNROLL_LIMIT_OPTION + "=24"
  };

  private static final String[] SHAPE_NAMES = {"default shapes", "every layer looped", "24 unrolled parameters"};

  /**
   * Each network's finite differences: on one random sample, every parameter of a network that fits in
   * straight-line code, a seeded sample of 60 of a larger one.
   */
  private static final int DRAWS = 1;

  private static final int CHECKED_WHOLE = NetworkModel.MAX_UNROLLED_PARAMETERS;

  private static final int SAMPLED = 60;

  /** Declarations per compilation. */
  private static final int BATCH = 125;

  private static final List<Trainer> TRAINERS =
      List.of(
          Trainer.create().learningRate(0.02).epochs(1).seed(1),
          Trainer.create().optimizer(Optimizer.sgd().momentum(0.9).nesterov(true)).learningRate(0.01).batchSize(4)
              .epochs(1).seed(2),
          Trainer.create().optimizer(Optimizer.adam()).learningRate(0.003).batchSize(8).epochs(1).seed(3),
          Trainer.create().optimizer(Optimizer.adamW(0.01).clipNorm(0.5)).learningRate(0.003).batchSize(5).epochs(1)
              .seed(4),
          Trainer.create().optimizer(Optimizer.rmsProp().weightDecay(1e-3)).learningRate(0.001).fullBatch().epochs(2));

  private static final List<Case> CASES = new ArrayList<>();
  private static final Map<Case, GeneratedNetworks> COMPILED = new LinkedHashMap<>();

  /** One random declaration, and how it is compiled. */
  private record Case(int index, Spec spec, int shape) {
    long seed() {
      return SEED + index;
    }

    @Override
    public String toString() {
      return "case " + index + " (seed " + SEED + "): " + spec + ", " + SHAPE_NAMES[shape] + "\n" + spec.declaration()
          + "re-run alone: ./mvnw -B -pl runtime,processor install -DskipTests && ./mvnw -B -pl processor test"
          + " -Dtest=RandomNetworksTest -Dhardwired.random.seed=" + SEED + " -Dhardwired.random.case=" + index;
    }
  }

  @BeforeAll
  static void compile() {
    for (int k = 0; k < COUNT; k++) {
      if (ONLY < 0 || ONLY == k) {
        CASES.add(draw(k));
      }
    }
    for (int shape = 0; shape < SHAPES.length; shape++) {
      List<Case> ofShape = new ArrayList<>();
      for (Case c : CASES) {
        if (c.shape() == shape) {
          ofShape.add(c);
        }
      }
      for (int from = 0; from < ofShape.size(); from += BATCH) {
        List<Case> batch = ofShape.subList(from, Math.min(ofShape.size(), from + BATCH));
        List<Spec> specs = new ArrayList<>();
        for (Case c : batch) {
          specs.add(c.spec());
        }
        GeneratedNetworks compiled =
            SHAPES[shape].isEmpty() ? Spec.compile(specs) : Spec.compile(specs, SHAPES[shape]);
        for (Case c : batch) {
          COMPILED.put(c, compiled);
        }
      }
    }
  }

  /**
   * Case {@code k} of the draw from {@link #SEED}: the same on every run and every JVM. (A
   * {@code SplittableRandom}, since the first draws of {@code java.util.Random} from neighbouring seeds are
   * nearly the same.)
   */
  private static Case draw(int k) {
    SplittableRandom random = new SplittableRandom(SEED + k);
    Spec output = Spec.OUTPUTS.get(random.nextInt(Spec.OUTPUTS.size()));
    int depth = output.allowsHiddenLayers() ? random.nextInt(5) : 0;
    int[] sizes = new int[depth + 2];
    for (int l = 0; l < sizes.length; l++) {
      sizes[l] = 1 + random.nextInt(40);
    }
    if (output.outputActivation() == Activation.SOFTMAX) {
      sizes[depth + 1] = Math.max(2, sizes[depth + 1] % 12);
    }
    if (random.nextInt(40) == 0) {
      sizes[random.nextInt(depth + 1)] = 100 + random.nextInt(200); // a large layer, one case in forty
    }
    int[] hidden = new int[depth];
    Activation[] activations = new Activation[depth];
    for (int l = 0; l < depth; l++) {
      hidden[l] = sizes[l + 1];
      activations[l] = Spec.HIDDEN.get(random.nextInt(Spec.HIDDEN.size()));
    }
    Spec spec = output.named("Case" + k + "Network").shaped(sizes[0], hidden, sizes[depth + 1], activations);
    if (random.nextInt(4) == 0) {
      spec = spec.inFloat();
    }
    return new Case(k, spec, random.nextInt(SHAPES.length));
  }

  @Test
  void theDrawCoversEveryKindOfDeclaration() {
    if (ONLY >= 0) {
      return;
    }
    assertTrue(CASES.size() >= 1000, "cases: " + CASES.size());
    int[] depths = new int[5];
    int[] shapes = new int[SHAPES.length];
    int floats = 0;
    int large = 0;
    int unrolled = 0;
    java.util.Set<String> outputs = new java.util.HashSet<>();
    java.util.Set<Activation> hiddenActivations = new java.util.HashSet<>();
    for (Case c : CASES) {
      depths[c.spec().hidden().length]++;
      shapes[c.shape()]++;
      floats += c.spec().isFloat() ? 1 : 0;
      Topology t = c.spec().topology();
      large += t.parameterCount() > 3_000 ? 1 : 0;
      unrolled += c.shape() == 0 && fullyUnrolled(t) ? 1 : 0;
      outputs.add(c.spec().outputActivation() + " " + c.spec().loss());
      hiddenActivations.addAll(java.util.Arrays.asList(c.spec().hiddenActivations()));
    }
    for (int d = 0; d < depths.length; d++) {
      assertTrue(depths[d] > 50, d + " hidden layers: " + depths[d]);
    }
    for (int s = 0; s < shapes.length; s++) {
      assertTrue(shapes[s] > 250, SHAPE_NAMES[s] + ": " + shapes[s]);
    }
    assertTrue(floats > 150, "float: " + floats);
    assertTrue(large > 10, "large: " + large);
    assertTrue(unrolled > 20, "wholly unrolled: " + unrolled);
    assertEquals(Spec.OUTPUTS.size(), outputs.size(), outputs.toString());
    assertEquals(Spec.HIDDEN.size(), hiddenActivations.size(), hiddenActivations.toString());
  }

  @TestFactory
  List<DynamicTest> everyRandomNetworkMatchesFiniteDifferencesAndTheReference() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : CASES) {
      tests.add(DynamicTest.dynamicTest("case " + c.index() + ": " + c.spec(), () -> check(c)));
    }
    return tests;
  }

  private static void check(Case c) {
    try {
      GeneratedNetworks compiled = COMPILED.get(c);
      if (c.spec().isFloat()) {
        checkFloat(c, compiled);
      } else {
        checkDouble(c, compiled);
      }
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(c + "\n" + e.getMessage(), e);
    }
  }

  private static void checkDouble(Case c, GeneratedNetworks compiled) {
    TrainableNetwork net = compiled.seeded(c.spec().className(), c.seed());
    NetworkChecks.checkGradients(net.copy(), c.seed(), DRAWS, CHECKED_WHOLE, SAMPLED);
    Topology t = net.topology();
    DataSet training = NetworkChecks.data(t, 12, c.seed());
    for (Trainer trainer : TRAINERS) {
      TrainableNetwork trained = net.copy();
      ReferenceNetwork reference = ReferenceNetwork.of(trained);
      Run run = Run.of(() -> trainer.train(trained, training));
      Run expected = Run.of(() -> trainer.train(reference, training));
      // Diverged or not, both end where the trainer leaves them: after the run, or before the batch that diverged.
      assertEquals(expected.diverged(), run.diverged(), trainer + ": diverged");
      double[] p = reference.parameters();
      double[] q = trained.parameters();
      for (int i = 0; i < p.length; i++) {
        assertEquals(p[i], q[i], 1e-10 * Math.max(1, Math.abs(p[i])), trainer + ": " + t.parameterName(i));
      }
      if (!run.diverged()) {
        double loss = expected.history().last().trainingLoss();
        assertEquals(loss, run.history().last().trainingLoss(), 1e-10 * Math.max(1, Math.abs(loss)), trainer + ": loss");
      }
    }
    if (TraceChecks.hasTrace(net)) {
      assertTrue(c.shape() != 1, "a looped network has a trace");
      TraceChecks.checkTrace(net.copy(), c.seed());
    } else {
      assertTrue(!fullyUnrolled(t) || c.shape() != 0, "a wholly unrolled network has no trace");
    }
  }

  private static void checkFloat(Case c, GeneratedNetworks compiled) {
    TrainableFloatNetwork net = compiled.seededFloat(c.spec().className(), c.seed());
    NetworkChecks.checkFloatGradients(net.copy(), c.seed(), DRAWS, CHECKED_WHOLE, SAMPLED);
    Topology t = net.topology();
    DataSet training = NetworkChecks.data(t, 12, c.seed());
    for (Trainer trainer : TRAINERS) {
      TrainableFloatNetwork trained = net.copy();
      ReferenceNetwork reference = ReferenceNetwork.of(trained);
      Run run = Run.of(() -> trainer.train(trained, training));
      Run expected = Run.of(() -> trainer.train(reference, training));
      if (run.diverged()) {
        // Float overflows where double does not: then the double run must at least be heading there.
        assertTrue(expected.diverged() || expected.history().last().trainingLoss() > 1e6,
            trainer + ": diverged in float only, at a double loss of " + expected.history().last().trainingLoss());
        continue;
      }
      double[] p = reference.parameters();
      float[] q = trained.parameters();
      for (int i = 0; i < p.length; i++) {
        assertEquals(p[i], q[i], 1e-3 * Math.max(1, Math.abs(p[i])), trainer + ": " + t.parameterName(i));
      }
    }
  }

  /** A training run's history, or that it diverged. */
  private record Run(TrainingHistory history, boolean diverged) {
    static Run of(java.util.function.Supplier<TrainingHistory> training) {
      try {
        return new Run(training.get(), false);
      } catch (TrainingDivergedException e) {
        return new Run(null, true);
      }
    }
  }

  private static boolean fullyUnrolled(Topology t) {
    com.palantir.javapoet.ClassName type = com.palantir.javapoet.ClassName.get("test", "Net");
    return NetworkModel.of(type, true, false, "NetNetwork", t, dev.hardwired.Precision.DOUBLE, false,
            NetworkModel.MAX_UNROLLED_PARAMETERS)
        .fullyUnrolled();
  }
}
