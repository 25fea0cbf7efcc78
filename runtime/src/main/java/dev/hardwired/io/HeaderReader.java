package dev.hardwired.io;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads the first line and the header of a weights file (docs/weights-file.md) and checks that together
 * they describe a network: format and version, layers, activations, loss, precision and parameter count.
 */
final class HeaderReader {
  /** Longer first lines are not a weights file. */
  private static final int MAGIC_LINE_LIMIT = 256;

  private final WeightsLines lines;

  HeaderReader(WeightsLines lines) {
    this.lines = lines;
  }

  /** Reads lines 1 to the {@code parameters} line, with comments and empty lines between them. */
  Header read() throws IOException {
    lines.line = 1;
    String expectedMagic = WeightsFile.MAGIC + " " + WeightsFile.VERSION;
    if (lines.peek() < 0) {
      throw lines.error("expected the first line \"" + expectedMagic + "\", found an empty file");
    }
    String magic = lines.readRestOfLine(MAGIC_LINE_LIMIT, "the first line \"" + expectedMagic + "\"");
    if (!magic.equals(expectedMagic)) {
      String prefix = WeightsFile.MAGIC + " ";
      if (magic.startsWith(prefix) && isNatural(magic.substring(prefix.length()))) {
        throw lines.error(
            "expected format version " + WeightsFile.VERSION + " (\"" + expectedMagic + "\"), found version "
                + magic.substring(prefix.length()) + " (" + WeightsReader.quote(magic) + "): this reader reads version "
                + WeightsFile.VERSION + " only; a later Hardwired may read it");
      }
      throw lines.error(
          "expected the first line \"" + expectedMagic + "\", found " + WeightsReader.quote(magic)
              + ": this is not a Hardwired weights file");
    }

    String layers = field("layers", "\"layers <sizes from the inputs to the outputs, joined by dashes>\", such as \"layers 2-2-1\"");
    int layersLine = lines.line;
    int[] sizes = parseSizes(layers);

    String hidden = field("hidden-activations", "\"hidden-activations\" and one activation per hidden layer");
    int hiddenLine = lines.line;
    Activation[] hiddenActivations = parseHiddenActivations(hidden, sizes);

    String output = field("output-activation", "\"output-activation <activation>\", such as \"output-activation LOGISTIC\"");
    int outputLine = lines.line;
    Activation outputActivation = parseActivation(output, "an activation");

    String lossName = field("loss", "\"loss <loss>\", such as \"loss SQUARED_ERROR\"");
    int lossLine = lines.line;
    Loss loss = parseLoss(lossName);
    Topology topology;
    try {
      topology =
          Topology.of(
              sizes[0],
              Arrays.copyOfRange(sizes, 1, sizes.length - 1),
              sizes[sizes.length - 1],
              hiddenActivations,
              outputActivation,
              loss);
    } catch (IllegalArgumentException e) {
      throw lines.error(
          "expected a header that describes a network, found \"loss " + lossName
              + "\", which makes none with the lines above: " + e.getMessage());
    }

    String precisionName =
        field("precision", "\"precision DOUBLE\" or \"precision FLOAT\"");
    int precisionLine = lines.line;
    Precision precision;
    if (precisionName.equals("DOUBLE")) {
      precision = Precision.DOUBLE;
    } else if (precisionName.equals("FLOAT")) {
      precision = Precision.FLOAT;
    } else {
      throw lines.error("expected \"precision DOUBLE\" or \"precision FLOAT\", found " + WeightsReader.quote("precision " + precisionName));
    }

    String parameters =
        field("parameters", "\"parameters " + topology.parameterCount() + "\", the number of parameters of " + topology.shape());
    if (!parameters.equals(Integer.toString(topology.parameterCount()))) {
      throw lines.error(
          "expected \"parameters " + topology.parameterCount() + "\" (the number of weights and biases of "
              + topology.shape() + "), found " + WeightsReader.quote("parameters " + parameters));
    }
    return new Header(
        lines.source, WeightsFile.VERSION, topology, precision, layersLine, hiddenLine, outputLine, lossLine, precisionLine);
  }

  /** The value of the next header line, which must be {@code key}, alone or followed by a space and a value. */
  private String field(String key, String expected) throws IOException {
    String text = lines.nextSignificantLine("the line " + expected);
    if (text.equals(key)) {
      return "";
    }
    if (!text.startsWith(key + " ")) {
      throw lines.error("expected the line " + expected + ", found " + WeightsReader.quote(text));
    }
    return text.substring(key.length() + 1);
  }

  private int[] parseSizes(String value) throws WeightsFileException {
    String[] parts = value.split("-", -1);
    String expected = "expected layer sizes of at least 1 from the inputs to the outputs, joined by dashes (such as"
        + " \"layers 2-2-1\"), found " + WeightsReader.quote("layers " + value);
    if (parts.length < 2) {
      throw lines.error(expected);
    }
    int[] sizes = new int[parts.length];
    long parameters = 0;
    for (int l = 0; l < parts.length; l++) {
      if (!isNatural(parts[l]) || parts[l].length() > 9 || Integer.parseInt(parts[l]) < 1) {
        throw lines.error(expected);
      }
      sizes[l] = Integer.parseInt(parts[l]);
      if (l > 0) {
        parameters += ((long) sizes[l - 1] + 1) * sizes[l];
        if (parameters > Topology.MAX_PARAMETERS) {
          throw lines.error(
              "expected at most " + Topology.MAX_PARAMETERS + " parameters, the most one Java array holds, found "
                  + WeightsReader.quote("layers " + value) + ", which needs more");
        }
      }
    }
    return sizes;
  }

  private Activation[] parseHiddenActivations(String value, int[] sizes) throws WeightsFileException {
    int hidden = sizes.length - 2;
    String[] names = value.isEmpty() ? new String[0] : value.split(" ", -1);
    if (names.length != hidden) {
      throw lines.error(
          "expected " + hidden + " hidden activation" + (hidden == 1 ? "" : "s") + " (one per hidden layer of "
              + join(sizes) + "), found " + names.length + ": " + WeightsReader.quote("hidden-activations" + (value.isEmpty() ? "" : " " + value)));
    }
    Activation[] activations = new Activation[hidden];
    for (int i = 0; i < hidden; i++) {
      activations[i] = parseActivation(names[i], "a hidden activation");
      if (!activations[i].allowedInHiddenLayer()) {
        throw lines.error(
            "expected a hidden activation (" + names(HIDDEN_ACTIVATIONS) + ") for hidden layer " + (i + 1)
                + ", found " + names[i] + ", which is for the output layer only");
      }
    }
    return activations;
  }

  private Activation parseActivation(String name, String what) throws WeightsFileException {
    for (Activation a : Activation.values()) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    throw lines.error("expected " + what + " (" + names(Activation.values()) + "), found " + WeightsReader.quote(name));
  }

  private Loss parseLoss(String name) throws WeightsFileException {
    for (Loss loss : Loss.values()) {
      if (loss.name().equals(name)) {
        return loss;
      }
    }
    throw lines.error("expected a loss (" + names(Loss.values()) + "), found " + WeightsReader.quote(name));
  }

  private static boolean isNatural(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static String join(int[] sizes) {
    StringBuilder s = new StringBuilder();
    for (int l = 0; l < sizes.length; l++) {
      s.append(l == 0 ? "" : "-").append(sizes[l]);
    }
    return s.toString();
  }

  /** The activations a hidden layer may have, in their declared order. */
  private static final Activation[] HIDDEN_ACTIVATIONS = hiddenActivations();

  private static Activation[] hiddenActivations() {
    java.util.List<Activation> hidden = new java.util.ArrayList<>();
    for (Activation a : Activation.values()) {
      if (a.allowedInHiddenLayer()) {
        hidden.add(a);
      }
    }
    return hidden.toArray(new Activation[0]);
  }

  private static String names(Enum<?>[] values) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : i == values.length - 1 ? " or " : ", ").append(values[i].name());
    }
    return s.toString();
  }

}
