package dev.hardwired.processor.testing;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Precision;
import dev.hardwired.Topology;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** One network declaration for a test: written out as {@code @Network} source, and as a {@link Topology}. */
public record Spec(
    String name,
    int inputs,
    int[] hidden,
    int outputs,
    Activation[] hiddenActivations,
    Activation outputActivation,
    Loss loss,
    Precision precision,
    boolean strictMath) {

  /** Every output activation with a loss that accepts it; STEP only without hidden layers. */
  public static final List<Spec> OUTPUTS =
      List.of(
          output(Activation.LOGISTIC, Loss.SQUARED_ERROR),
          output(Activation.TANH, Loss.SQUARED_ERROR),
          output(Activation.RELU, Loss.SQUARED_ERROR),
          output(Activation.LEAKY_RELU, Loss.SQUARED_ERROR),
          output(Activation.IDENTITY, Loss.SQUARED_ERROR),
          output(Activation.LOGISTIC, Loss.CROSS_ENTROPY),
          output(Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY),
          output(Activation.STEP, Loss.PERCEPTRON),
          output(Activation.ELU, Loss.SQUARED_ERROR),
          output(Activation.SELU, Loss.SQUARED_ERROR),
          output(Activation.SOFTPLUS, Loss.SQUARED_ERROR),
          output(Activation.SILU, Loss.SQUARED_ERROR),
          output(Activation.GELU, Loss.SQUARED_ERROR),
          output(Activation.GELU_TANH, Loss.SQUARED_ERROR));

  /** Every activation allowed in a hidden layer. */
  public static final List<Activation> HIDDEN =
      Arrays.stream(Activation.values()).filter(Activation::allowedInHiddenLayer).toList();

  /** Sizes 2, 3, 2, 3, … of one hidden layer for each of {@link #HIDDEN}, in that order. */
  public static int[] hiddenSizesForEveryActivation() {
    int[] sizes = new int[HIDDEN.size()];
    for (int l = 0; l < sizes.length; l++) {
      sizes[l] = 2 + l % 2;
    }
    return sizes;
  }

  private static Spec output(Activation activation, Loss loss) {
    return new Spec("", 0, new int[0], 0, new Activation[0], activation, loss, Precision.DOUBLE, false);
  }

  /** Whether this output layer may follow hidden layers: all but the perceptron's step. */
  public boolean allowsHiddenLayers() {
    return outputActivation != Activation.STEP;
  }

  public Spec named(String newName) {
    return new Spec(newName, inputs, hidden, outputs, hiddenActivations, outputActivation, loss, precision, strictMath);
  }

  public Spec shaped(int newInputs, int[] newHidden, int newOutputs, Activation... newHiddenActivations) {
    return new Spec(name, newInputs, newHidden, newOutputs, newHiddenActivations, outputActivation, loss, precision, strictMath);
  }

  /** The same declaration with {@code precision = Precision.FLOAT}. */
  public Spec inFloat() {
    return new Spec(name, inputs, hidden, outputs, hiddenActivations, outputActivation, loss, Precision.FLOAT, strictMath);
  }

  /** The same declaration with {@code strictMath = true}. */
  public Spec strict() {
    return new Spec(name, inputs, hidden, outputs, hiddenActivations, outputActivation, loss, precision, true);
  }

  public boolean isFloat() {
    return precision == Precision.FLOAT;
  }

  public Topology topology() {
    Activation[] activations = hiddenActivations.length == 0 ? new Activation[] {Activation.LOGISTIC} : hiddenActivations;
    return Topology.of(inputs, hidden, outputs, activations, outputActivation, loss);
  }

  /** The annotated interface, nested in a holder class. */
  public String declaration() {
    String sizes = Arrays.stream(hidden).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    String activations =
        Arrays.stream(hiddenActivations).map(a -> "Activation." + a).collect(Collectors.joining(", "));
    return "  @Network(inputs = " + inputs + ", hidden = {" + sizes + "}, outputs = " + outputs
        + (hiddenActivations.length == 0 ? "" : ", activation = {" + activations + "}")
        + ", outputActivation = Activation." + outputActivation + ", loss = Loss." + loss
        + (isFloat() ? ", precision = Precision.FLOAT" : "") + (strictMath ? ", strictMath = true" : "")
        + ", name = \"" + name
        + "\")\n  public interface " + name + "Declaration {}\n";
  }

  /** A source file {@code test.Networks} declaring every spec. */
  public static String source(List<Spec> specs) {
    StringBuilder s =
        new StringBuilder("package test;\n\nimport dev.hardwired.*;\n\npublic final class Networks {\n");
    for (Spec spec : specs) {
      s.append(spec.declaration());
    }
    return s.append("}\n").toString();
  }

  /** Compiles every spec in one compilation. */
  public static GeneratedNetworks compile(List<Spec> specs, String... options) {
    return GeneratedNetworks.compile("test.Networks", source(specs), options);
  }

  public String className() {
    return "test." + name;
  }

  /** A random valid spec whose parameter count is at most {@code maxParameters}, layers of 1 to 8 nodes. */
  public static Spec random(Random random, String name, int maxParameters) {
    return random(random, name, maxParameters, 8);
  }

  /** A random valid spec whose parameter count is at most {@code maxParameters}, layers of 1 to {@code width} nodes. */
  public static Spec random(Random random, String name, int maxParameters, int width) {
    while (true) {
      Spec output = OUTPUTS.get(random.nextInt(OUTPUTS.size()));
      int depth = output.allowsHiddenLayers() ? random.nextInt(4) : 0;
      int[] hidden = new int[depth];
      Activation[] activations = new Activation[depth];
      for (int l = 0; l < depth; l++) {
        hidden[l] = 1 + random.nextInt(width);
        activations[l] = HIDDEN.get(random.nextInt(HIDDEN.size()));
      }
      int inputs = 1 + random.nextInt(width);
      int outputs = (output.outputActivation() == Activation.SOFTMAX ? 2 : 1) + random.nextInt(Math.max(5, width / 2));
      Spec spec = output.named(name).shaped(inputs, hidden, outputs, activations);
      if (spec.topology().parameterCount() <= maxParameters) {
        return spec;
      }
    }
  }

  @Override
  public String toString() {
    return name + " " + topology() + (isFloat() ? " in float" : "") + (strictMath ? ", strict math" : "");
  }
}
