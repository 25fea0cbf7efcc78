package dev.hardwired.processor.write;

import static dev.hardwired.processor.write.Code.capitalize;
import static dev.hardwired.processor.write.Code.comment;
import static dev.hardwired.processor.write.Code.statement;

import com.palantir.javapoet.CodeBlock;
import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The straight-line form of a layer: one statement per neuron in the forward pass and per weight in the
 * backward pass, each commented with the term it computes. Values and deltas go to locals, or to the
 * layer's arrays where a looped neighbour reads them.
 */
final class Unrolled {
  private final NetworkModel model;
  private final Layer output;
  private final Numbers n;

  /** How the forward pass writes parameter i of {@code p}: {@code p[i]}, or a frozen class's constant. */
  private final IntFunction<String> parameters;

  /** Whether every SpreA gets a local of its own, for a trace, rather than only those the loss needs. */
  private final boolean keepsPreActivations;

  Unrolled(NetworkModel model) {
    this(model, Equations::parameter, false);
  }

  /** The forward pass with each parameter written by {@code parameters}, from its index in {@code p}. */
  Unrolled(NetworkModel model, IntFunction<String> parameters) {
    this(model, parameters, false);
  }

  private Unrolled(NetworkModel model, IntFunction<String> parameters, boolean keepsPreActivations) {
    this.model = model;
    this.output = model.outputLayer();
    this.n = Numbers.of(model);
    this.parameters = parameters;
    this.keepsPreActivations = keepsPreActivations;
  }

  /** The layers of a trace: every SpreA in a local, so that the trace can hand it over. */
  static Unrolled keepingPreActivations(NetworkModel model) {
    return new Unrolled(model, Equations::parameter, true);
  }

  /** Declares x0, x1, … for the inputs, where the first layer is unrolled. */
  void inputs(CodeBlock.Builder body) {
    Layer input = model.layers().get(0);
    for (int i = 0; i < input.size(); i++) {
      statement(body, "SpostA," + input.node(i) + " = input", n.f("double $L = input[$L]"), input.value(i), i);
    }
  }

  /** SpostA of every neuron of {@code layer}, and SpreA where the loss needs it. */
  void forward(CodeBlock.Builder body, Layer layer) {
    Activation activation = layer.activation();
    if (keepsPreActivations || model.keepsPreActivations(layer)) {
      for (int j = 0; j < layer.size(); j++) {
        statement(
            body,
            "SpreA," + layer.node(j),
            layer.inArrays() ? "$L = $L" : n.f("double $L = $L"),
            layer.preActivation(j),
            Equations.preActivation(model, layer, j, parameters));
      }
      if (activation == Activation.SOFTMAX) {
        softmax(body, layer);
      } else {
        for (int j = 0; j < layer.size(); j++) {
          statement(
              body,
              "SpostA," + layer.node(j) + " = fA(SpreA," + layer.node(j) + ")",
              layer.inArrays() ? "$L = $L" : n.f("double $L = $L"),
              layer.value(j),
              Equations.activate(n, activation, CodeBlock.of("$L", layer.preActivation(j))));
        }
      }
    } else {
      for (int j = 0; j < layer.size(); j++) {
        statement(
            body,
            "SpostA," + layer.node(j) + " = fA(SpreA," + layer.node(j) + ")",
            layer.inArrays() ? "$L = $L" : n.f("double $L = $L"),
            layer.value(j),
            Equations.activate(n, activation, Equations.preActivation(model, layer, j, parameters)));
      }
    }
  }

  private void softmax(CodeBlock.Builder body, Layer layer) {
    comment(body, "Softmax: SpostA,O = e^SpreA,O / Σ e^SpreA,O, shifted by the largest SpreA,O so exp cannot overflow");
    CodeBlock max = CodeBlock.of("$L", layer.preActivation(layer.size() - 1));
    for (int k = layer.size() - 2; k >= 0; k--) {
      max = CodeBlock.of("$T.max($L,$W$L)", Math.class, layer.preActivation(k), max);
    }
    statement(body, "the largest SpreA,O", n.f("double max = $L"), max);
    List<CodeBlock> exps = new ArrayList<>();
    for (int k = 0; k < layer.size(); k++) {
      statement(
          body,
          "e^(SpreA," + layer.node(k) + " − max)",
          n.f("double e$L = $T.exp($L - max)"),
          k,
          n.math(),
          layer.preActivation(k));
      exps.add(CodeBlock.of("e$L", k));
    }
    statement(body, "Σ e^(SpreA,O − max)", n.f("double sum = $L"), CodeBlock.join(exps, "$W+ "));
    for (int k = 0; k < layer.size(); k++) {
      statement(body, "SpostA," + layer.node(k), n.f("double $L = e$L / sum"), layer.value(k), k);
    }
  }

  /** Declares {@code loss}, and for squared error the final errors fe*. */
  void loss(CodeBlock.Builder body) {
    List<CodeBlock> terms = new ArrayList<>();
    switch (model.loss()) {
      case SQUARED_ERROR:
        comment(body, "Final error FE = SpostA,O − T");
        for (int k = 0; k < output.size(); k++) {
          statement(
              body,
              "FE" + k + " = SpostA," + output.node(k) + " − T" + k,
              n.f("double fe$L = $L - target[$L]"),
              k,
              output.value(k),
              k);
          terms.add(CodeBlock.of("fe$L * fe$L", k, k));
        }
        comment(body, "Loss E = ½ Σ FE²");
        body.addStatement(
            terms.size() == 1 ? n.f("double loss = 0.5 * $L") : n.f("double loss = 0.5 * ($L)"),
            CodeBlock.join(terms, "$W+ "));
        break;
      case CROSS_ENTROPY:
        comment(body, "Loss E = −Σ [T ln SpostA,O + (1 − T) ln(1 − SpostA,O)], computed from SpreA,O so that no log sees 0");
        for (int k = 0; k < output.size(); k++) {
          String z = output.preActivation(k);
          terms.add(
              CodeBlock.of(
                  n.f("$T.max($L, 0.0) - $L * target[$L]$W+ $T.log1p($T.exp(-$T.abs($L)))"),
                  Math.class, z, z, k, n.math(), n.math(), Math.class, z));
        }
        body.addStatement(n.f("double loss = $L"), CodeBlock.join(terms, "$W+ "));
        break;
      case SOFTMAX_CROSS_ENTROPY:
        comment(body, "Loss E = −Σ T ln SpostA,O = Σ T (ln Σ e^SpreA,O − SpreA,O)");
        body.addStatement(n.f("double logSumExp = max + $T.log(sum)"), n.math());
        for (int k = 0; k < output.size(); k++) {
          terms.add(CodeBlock.of("target[$L] * (logSumExp - $L)", k, output.preActivation(k)));
        }
        body.addStatement(n.f("double loss = $L"), CodeBlock.join(terms, "$W+ "));
        break;
      case PERCEPTRON:
        comment(body, "Loss: the perceptron criterion E = Σ (SpostA,O − T) × SpreA,O, 0 when every output is right");
        for (int k = 0; k < output.size(); k++) {
          terms.add(CodeBlock.of("(o$L - target[$L]) * $L", k, k, output.preActivation(k)));
        }
        body.addStatement(n.f("double loss = $L"), CodeBlock.join(terms, "$W+ "));
        break;
    }
  }

  /** Declares every S_ERROR at the outputs. */
  void errorSignal(CodeBlock.Builder body) {
    if (model.loss() == Loss.SQUARED_ERROR) {
      Activation activation = output.activation();
      comment(body, "Error signal S_ERROR = FE × fA′(SpreA,O); " + Equations.derivativeText(activation));
      for (int k = 0; k < output.size(); k++) {
        CodeBlock derivative = Equations.derivative(n, activation, output.preActivation(k), output.value(k));
        if (derivative == null) {
          statement(body, "S_ERROR" + k + " = FE" + k, n.f("double $L = fe$L"), output.delta(k), k);
        } else {
          statement(
              body,
              "S_ERROR" + k + " = FE" + k + " × fA′(SpreA," + output.node(k) + ")",
              n.f("double $L = fe$L * $L"),
              output.delta(k),
              k,
              derivative);
        }
      }
      return;
    }
    comment(body, Passes.errorSignalText(model));
    for (int k = 0; k < output.size(); k++) {
      statement(
          body,
          "S_ERROR" + k + " = SpostA," + output.node(k) + " − T" + k,
          n.f("double $L = $L - target[$L]"),
          output.delta(k),
          output.value(k),
          k);
    }
  }

  /** Every δ of hidden {@code layer} from the deltas of the unrolled layer after it. */
  void hiddenDeltas(CodeBlock.Builder body, Layer layer) {
    Layer next = model.layers().get(layer.index() + 1);
    comment(body, Passes.hiddenDeltaText(model, layer) + " " + capitalize(Equations.derivativeText(layer.activation())) + ".");
    String nextDelta = Passes.deltaName(next);
    for (int j = 0; j < layer.size(); j++) {
      List<CodeBlock> terms = new ArrayList<>();
      for (int k = 0; k < next.size(); k++) {
        terms.add(CodeBlock.of("$L * $L", next.delta(k), Equations.weight(model, next, j, k)));
      }
      statement(
          body,
          Passes.deltaName(layer, j) + " = fA′(SpreA," + layer.node(j) + ") × Σ " + nextDelta + " × weight "
              + layer.node(j) + "→" + next.letter(),
          layer.inArrays() ? "$L = $L" : n.f("double $L = $L"),
          layer.delta(j),
          Equations.times(
              Equations.derivative(n, layer.activation(), layer.preActivation(j), layer.value(j)), terms));
    }
  }

  /**
   * One statement per parameter of the unrolled {@code layer}, in layout order: {@code format} takes the
   * parameter's index in {@code p} (or, with {@code canonical}, in the flat order) and its gradient.
   */
  void eachParameter(CodeBlock.Builder body, Layer layer, String format, boolean canonical) {
    Layer previous = model.previous(layer);
    for (int j = 0; j < layer.size(); j++) {
      for (int i = 0; i < previous.size(); i++) {
        int offset = canonical ? layer.weightOffset() : layer.storedWeightOffset();
        statement(
            body,
            "weight " + previous.node(i) + "→" + layer.node(j) + ": gradient = " + Passes.deltaName(layer, j)
                + " × SpostA," + previous.node(i),
            format,
            offset + j * previous.size() + i,
            CodeBlock.of("$L * $L", layer.delta(j), previous.value(i)));
      }
    }
    for (int j = 0; j < layer.size(); j++) {
      statement(
          body,
          "bias " + layer.node(j) + ": gradient = " + Passes.deltaName(layer, j),
          format,
          (canonical ? layer.biasOffset() : layer.storedBiasOffset()) + j,
          CodeBlock.of("$L", layer.delta(j)));
    }
  }
}
