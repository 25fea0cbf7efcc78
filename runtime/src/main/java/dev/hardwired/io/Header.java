package dev.hardwired.io;

import dev.hardwired.Activation;
import dev.hardwired.Precision;
import dev.hardwired.Topology;

/** The header of a weights file as read, with the line of each field, so that a mismatch can name its line. */
final class Header {
  final String source;
  final int version;
  final Topology topology;
  final Precision precision;
  final int layersLine;
  final int hiddenActivationsLine;
  final int outputActivationLine;
  final int lossLine;
  final int precisionLine;

  Header(
      String source,
      int version,
      Topology topology,
      Precision precision,
      int layersLine,
      int hiddenActivationsLine,
      int outputActivationLine,
      int lossLine,
      int precisionLine) {
    this.source = source;
    this.version = version;
    this.topology = topology;
    this.precision = precision;
    this.layersLine = layersLine;
    this.hiddenActivationsLine = hiddenActivationsLine;
    this.outputActivationLine = outputActivationLine;
    this.lossLine = lossLine;
    this.precisionLine = precisionLine;
  }

  /**
   * Throws for the first header line, in file order, that differs from what {@code expected} and {@code
   * expectedPrecision} would write.
   *
   * @param whose how the message names the expectation: {@code "the network's"}, {@code "as required"}
   */
  void requireMatches(Topology expected, Precision expectedPrecision, String whose) throws WeightsFileException {
    if (expected == null) {
      throw new IllegalArgumentException("topology is null");
    }
    if (expectedPrecision == null) {
      throw new IllegalArgumentException("precision is null");
    }
    String file = layersLine(topology);
    String wanted = layersLine(expected);
    if (!file.equals(wanted)) {
      throw mismatch(layersLine, wanted, whose, file, "");
    }
    file = hiddenActivationsLine(topology);
    wanted = hiddenActivationsLine(expected);
    if (!file.equals(wanted)) {
      throw mismatch(hiddenActivationsLine, wanted, whose, file, "");
    }
    file = outputActivationLine(topology);
    wanted = outputActivationLine(expected);
    if (!file.equals(wanted)) {
      throw mismatch(outputActivationLine, wanted, whose, file, "");
    }
    file = lossLine(topology);
    wanted = lossLine(expected);
    if (!file.equals(wanted)) {
      throw mismatch(lossLine, wanted, whose, file, "");
    }
    if (precision != expectedPrecision) {
      throw mismatch(
          precisionLine,
          precisionLine(expectedPrecision),
          whose,
          precisionLine(precision),
          ": a weights file loads only into a network of its own precision (to convert, read it with"
              + " WeightsFile.read and pass its values to setParameters)");
    }
  }

  private WeightsFileException mismatch(int line, String wanted, String whose, String found, String why) {
    return new WeightsFileException(source, line, "expected " + wanted + " (" + whose + "), found " + found + why);
  }

  static String layersLine(Topology topology) {
    return "layers " + topology.shape();
  }

  static String hiddenActivationsLine(Topology topology) {
    StringBuilder s = new StringBuilder("hidden-activations");
    for (int l = 1; l < topology.layerCount(); l++) {
      s.append(' ').append(topology.activation(l).name());
    }
    return s.toString();
  }

  static String outputActivationLine(Topology topology) {
    return "output-activation " + topology.activation(topology.layerCount()).name();
  }

  static String lossLine(Topology topology) {
    return "loss " + topology.loss().name();
  }

  static String precisionLine(Precision precision) {
    return "precision " + precision.name();
  }

  static Activation[] hiddenActivations(Topology topology) {
    Activation[] hidden = new Activation[topology.layerCount() - 1];
    for (int l = 1; l < topology.layerCount(); l++) {
      hidden[l - 1] = topology.activation(l);
    }
    return hidden;
  }
}
