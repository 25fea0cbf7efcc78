package dev.hardwired.benchmarks;

import dev.hardwired.Topology;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.reference.ReferenceNetwork;

/**
 * Checks, before any measurement, that the implementations a benchmark compares do the same work: from the
 * same parameters a network under test (the generated class, the hand-written one, or for a topology with
 * neither the reference network itself), {@link ReferenceNetwork} and Encog give the same predictions on
 * every sample, and after the same SGD steps (three passes over the samples, one sample per step) the same
 * parameters, through both of Encog's steps. Differences come only from rounding (sums in another order;
 * Encog computes the softmax without subtracting the maximum), so the tolerance is 1e-10.
 *
 * <p>The exception is Encog's training of a network whose layers have different activations, where Encog
 * 3.4 takes hidden derivatives from the wrong layer (issue 243, see {@link EncogPeer}): there Encog's
 * parameters must differ, and a peer with that one thing put right must agree. If Encog's differ no more,
 * the bug is gone and the documentation that mentions it is out of date. None of the benchmarked networks
 * mixes activations; {@code BenchmarksTest} keeps this branch tested.
 */
final class Parity {
  static final double TOLERANCE = 1e-10;

  private Parity() {}

  static void check(TrainableNetwork network, Samples samples, double learningRate) {
    // The subject is trained here: a copy, so that the caller's keeps its parameters.
    TrainableNetwork subject = network.copy();
    Topology topology = subject.topology();
    double[] initial = subject.parameters();
    ReferenceNetwork reference = ReferenceNetwork.of(subject);
    EncogPeer online = new EncogPeer(topology, initial, samples, learningRate);
    EncogPeer iteration = new EncogPeer(topology, initial, samples, learningRate);
    boolean issue243 = hasMixedActivations(topology);
    EncogPeer onlineWorked = issue243 ? EncogPeer.withIssue243Worked(topology, initial, samples, learningRate) : null;
    EncogPeer iterationWorked =
        issue243 ? EncogPeer.withIssue243Worked(topology, initial, samples, learningRate) : null;
    String name = subject.getClass().getSimpleName();

    int outputs = subject.outputCount();
    for (int s = 0; s < samples.count(); s++) {
      double[] expected = new double[outputs];
      double[] actual = new double[outputs];
      subject.predict(samples.inputs[s], expected);
      reference.predict(samples.inputs[s], actual);
      compare(name, "prediction of sample " + s + ", reference", expected, actual);
      online.predict(samples.inputs[s], actual);
      compare(name, "prediction of sample " + s + ", Encog", expected, actual);
      online.predictFlat(samples.inputs[s], actual);
      compare(name, "prediction of sample " + s + ", Encog's flat network", expected, actual);
    }

    for (int pass = 0; pass < 3; pass++) {
      for (int s = 0; s < samples.count(); s++) {
        subject.train(samples.inputs[s], samples.targets[s], learningRate);
        reference.train(samples.inputs[s], samples.targets[s], learningRate);
        online.train(s);
        iteration.trainByIteration(samples.inputs[s], samples.targets[s]);
        if (issue243) {
          onlineWorked.train(s);
          iterationWorked.trainByIteration(samples.inputs[s], samples.targets[s]);
        }
      }
    }
    double[] expected = subject.parameters();
    compare(name, "parameters after training, reference", expected, reference.parameters());
    if (issue243) {
      compare(name, "parameters after training, Encog's online step, issue 243 worked around", expected,
          onlineWorked.parameters());
      compare(name, "parameters after training, Encog's iteration(), issue 243 worked around", expected,
          iterationWorked.parameters());
      if (maxDifference(expected, online.parameters()) <= TOLERANCE
          || maxDifference(expected, iteration.parameters()) <= TOLERANCE) {
        throw new IllegalStateException(name + ": Encog now trains a network with mixed activations right;"
            + " issue 243 is fixed in this Encog: update EncogPeer, Parity and docs/benchmarks.md");
      }
    } else {
      compare(name, "parameters after training, Encog's online step", expected, online.parameters());
      compare(name, "parameters after training, Encog's iteration()", expected, iteration.parameters());
    }
  }

  static boolean hasMixedActivations(Topology topology) {
    for (int l = 2; l <= topology.layerCount(); l++) {
      if (topology.activation(l) != topology.activation(1)) {
        return true;
      }
    }
    return false;
  }

  private static double maxDifference(double[] expected, double[] actual) {
    double max = 0;
    for (int i = 0; i < expected.length; i++) {
      double difference = Math.abs(expected[i] - actual[i]);
      max = Double.isNaN(difference) ? Double.POSITIVE_INFINITY : Math.max(max, difference);
    }
    return max;
  }

  private static void compare(String name, String what, double[] expected, double[] actual) {
    for (int i = 0; i < expected.length; i++) {
      if (!(Math.abs(expected[i] - actual[i]) <= TOLERANCE)) {
        throw new IllegalStateException(name + " " + what + ": index " + i + " is " + actual[i] + ", " + name
            + " has " + expected[i] + "; the benchmark would not compare like with like");
      }
    }
  }
}
