package dev.hardwired.io;

import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;

/**
 * A network's parameters, taken and checked before a file is written from them: exactly one of {@code
 * doubles} and {@code floats} is set, by precision.
 */
final class Snapshot {
  final Topology topology;
  final Precision precision;
  final double[] doubles;
  final float[] floats;

  private Snapshot(Topology topology, Precision precision, double[] doubles, float[] floats) {
    this.topology = topology;
    this.precision = precision;
    this.doubles = doubles;
    this.floats = floats;
  }

  /**
   * The parameters of {@code network}, for a file that {@code holds} names in messages ({@code "a weights
   * file"}).
   *
   * @throws IllegalArgumentException when the network is null, or a parameter is not finite
   */
  static Snapshot of(TrainableNetwork network, String holds) {
    requireNetwork(network);
    return of(network.topology(), network.parameters(), holds);
  }

  /** {@link #of(TrainableNetwork, String)} of a single-precision network. */
  static Snapshot of(TrainableFloatNetwork network, String holds) {
    requireNetwork(network);
    return of(network.topology(), network.parameters(), holds);
  }

  static Snapshot of(Topology topology, double[] values, String holds) {
    requireTopology(topology, values.length);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw notFinite(topology, i, Double.toString(values[i]), holds);
      }
    }
    return new Snapshot(topology, Precision.DOUBLE, values, null);
  }

  static Snapshot of(Topology topology, float[] values, String holds) {
    requireTopology(topology, values.length);
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw notFinite(topology, i, Float.toString(values[i]), holds);
      }
    }
    return new Snapshot(topology, Precision.FLOAT, null, values);
  }

  /** Parameter {@code index} as the shortest text that reads back to the same bits. */
  String text(int index) {
    return doubles != null ? Double.toString(doubles[index]) : Float.toString(floats[index]);
  }

  private static void requireNetwork(Object network) {
    if (network == null) {
      throw new IllegalArgumentException("network is null");
    }
  }

  private static void requireTopology(Topology topology, int length) {
    if (topology == null) {
      throw new IllegalArgumentException("the network's topology is null");
    }
    if (length != topology.parameterCount()) {
      throw new IllegalArgumentException(
          "the network gave " + length + " parameters; its topology " + topology + " has "
              + topology.parameterCount());
    }
  }

  private static IllegalArgumentException notFinite(Topology topology, int index, String value, String holds) {
    return new IllegalArgumentException(
        "parameter " + index + " (" + topology.describeParameter(index) + ") is " + value
            + "; " + holds + " holds finite numbers only");
  }
}
