package dev.hardwired.processor.write;

import static dev.hardwired.processor.write.Code.capitalize;
import static dev.hardwired.processor.write.Code.comment;

import com.palantir.javapoet.CodeBlock;
import dev.hardwired.Checks;
import dev.hardwired.Loss;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.List;

/**
 * The passes over the layers, in the order of the equations: forward, loss, error signal, hidden deltas
 * from the output back, then one gradient step per parameter. Each layer is written in its own shape,
 * straight-line ({@link Unrolled}) or looped ({@link Looped}).
 */
final class Passes {
  private final NetworkModel model;
  private final List<Layer> layers;
  private final Layer output;
  private final Unrolled unrolled;
  private final Looped looped;
  private final Chunks chunks;

  Passes(NetworkModel model) {
    this(model, new Unrolled(model));
  }

  /** The passes with {@code unrolled} writing the straight-line layers: a frozen class's, with constants. */
  Passes(NetworkModel model, Unrolled unrolled) {
    this.model = model;
    this.layers = model.layers();
    this.output = model.outputLayer();
    this.unrolled = unrolled;
    this.looped = new Looped(model);
    this.chunks = new Chunks(model, looped);
  }

  Looped looped() {
    return looped;
  }

  Chunks chunks() {
    return chunks;
  }

  /** Every SpostA from the input to the outputs. */
  void forward(CodeBlock.Builder body) {
    forward(body, 0);
  }

  /**
   * Every SpostA after layer {@code known}, whose values (and those before it) are already in their arrays:
   * the rest of a batched kernel's forward pass. {@code known} 0 is the whole pass.
   */
  void forward(CodeBlock.Builder body, int known) {
    if (model.chunked()) {
      comment(body, "Forward, layer by layer: SpreA = weights · SpostA of the layer before + bias; SpostA = fA(SpreA)");
      chunks.calls(body, Chunks.Pass.FORWARD);
      return;
    }
    if (known == 0 && !layers.get(1).looped()) {
      unrolled.inputs(body);
    }
    for (Layer layer : layers.subList(known + 1, layers.size())) {
      Layer before = model.previous(layer);
      String previous = before.isInput() ? "input" : "SpostA," + before.letter();
      String l = layer.letter();
      comment(
          body,
          "Forward, " + layer.title() + " (" + layer.activation().displayName() + (layer.looped() ? ", looped" : "")
              + "): SpreA," + l + " = " + model.weightsName(layer) + " · " + previous + " + bias; SpostA," + l
              + " = fA(SpreA," + l + ")");
      if (layer.looped()) {
        looped.forwardCall(body, layer);
      } else {
        unrolled.forward(body, layer);
      }
    }
  }

  /** Declares {@code loss}. */
  void loss(CodeBlock.Builder body) {
    if (output.looped()) {
      comment(body, "Loss E: " + model.loss().displayName());
      looped.lossCall(body);
    } else {
      unrolled.loss(body);
    }
  }

  /** What train and accumulateGradient share: forward pass, loss, divergence guard and every delta. */
  void backpropagate(CodeBlock.Builder body) {
    backpropagate(body, 0);
  }

  /** {@link #backpropagate(CodeBlock.Builder)} with the forward pass known up to layer {@code known}. */
  void backpropagate(CodeBlock.Builder body, int known) {
    forward(body, known);
    loss(body);
    comment(body, "A loss that is not finite means training diverged: stop before any parameter changes");
    body.beginControlFlow("if (!$T.isFinite(loss))", Numbers.of(model).boxed())
        .addStatement("throw $T.diverged(loss)", Checks.class)
        .endControlFlow();
    if (output.looped()) {
      comment(body, errorSignalText(model));
      looped.errorSignalCall(body);
    } else {
      unrolled.errorSignal(body);
    }
    if (model.chunked()) {
      comment(
          body,
          "Hidden deltas by the chain rule, from the output layer back: δ = fA′(SpreA) × Σ δ of the layer after"
              + " × weight, using the weights of the forward pass; each δ is computed once and reused");
      chunks.calls(body, Chunks.Pass.DELTAS);
      return;
    }
    for (int l = layers.size() - 2; l >= 1; l--) {
      Layer layer = layers.get(l);
      if (layers.get(l + 1).looped()) {
        comment(body, hiddenDeltaText(model, layer));
        looped.hiddenDeltasCall(body, layer);
      } else {
        unrolled.hiddenDeltas(body, layer);
      }
    }
  }

  /** weight ← weight − LR × gradient for every parameter, from the output layer back. */
  void update(CodeBlock.Builder body) {
    if (model.chunked()) {
      comment(body, "Update, from the output layer back: weight ← weight − LR × gradient, gradient = δ × SpostA");
      chunks.calls(body, Chunks.Pass.UPDATE);
      return;
    }
    for (int l = layers.size() - 1; l >= 1; l--) {
      Layer layer = layers.get(l);
      comment(
          body,
          "Update " + model.weightsName(layer) + ": weight ← weight − LR × gradient, with " + gradientText(model, layer)
              + (model.loss() == Loss.PERCEPTRON
                  ? " — the perceptron rule w ← w + η (T − SpostA,O) × input, with η = LR"
                  : ""));
      if (layer.looped()) {
        looped.updateCall(body, layer);
      } else {
        unrolled.eachParameter(body, layer, "p[$L] -= learningRate * $L", false);
      }
    }
  }

  /** gradientSum += gradient for every parameter, in the flat order. */
  void accumulate(CodeBlock.Builder body) {
    if (model.chunked()) {
      comment(body, "Gradient = δ × SpostA of the layer before and, for the biases, gradient = δ");
      chunks.calls(body, Chunks.Pass.GRADIENT);
      return;
    }
    for (int l = layers.size() - 1; l >= 1; l--) {
      Layer layer = layers.get(l);
      comment(body, capitalize(gradientText(model, layer)));
      if (layer.looped()) {
        looped.gradientCall(body, layer);
      } else {
        unrolled.eachParameter(body, layer, "gradientSum[$L] += $L", true);
      }
    }
  }

  /** gradientSums += gradient for every parameter, laid out as the parameter arrays. */
  void accumulateArrays(CodeBlock.Builder body) {
    accumulateArrays(body, 0);
  }

  /**
   * gradientSums += gradient for the parameters of the layers after layer {@code skipped}, whose own
   * gradients a batched kernel adds a tile at a time. {@code skipped} 0 is every parameter.
   */
  void accumulateArrays(CodeBlock.Builder body, int skipped) {
    if (model.chunked()) {
      comment(body, "Gradient = δ × SpostA of the layer before and, for the biases, gradient = δ");
      chunks.calls(body, Chunks.Pass.GRADIENT_ARRAYS);
      return;
    }
    if (model.unrolledParameterCount() > 0) {
      Code.statement(body, "the gradients of p, in its order", Numbers.of(model).f("double[] g = gradientSums[0]"));
    }
    for (int l = layers.size() - 1; l > skipped; l--) {
      Layer layer = layers.get(l);
      comment(body, capitalize(gradientText(model, layer)));
      if (layer.looped()) {
        looped.gradientArraysCall(body, layer);
      } else {
        unrolled.eachParameter(body, layer, "g[$L] += $L", false);
      }
    }
  }

  // ---------------------------------------------------------------- the words of the equations

  /** The comment on the error signal of the losses whose derivative cancels. */
  static String errorSignalText(NetworkModel model) {
    if (model.loss() == Loss.PERCEPTRON) {
      return "Error signal S_ERROR = SpostA,O − T: the perceptron rule, which needs no derivative of the step;"
          + " it is 0 for a right output, so only a wrong output moves its weights";
    }
    if (model.loss() == Loss.SQUARED_ERROR) {
      return "Error signal S_ERROR = FE × fA′(SpreA,O)";
    }
    return "Error signal S_ERROR = SpostA,O − T: with " + model.loss().displayName() + " the derivative of the "
        + model.outputLayer().activation().displayName() + " cancels";
  }

  /** "Hidden deltas by the chain rule: δH = fA′(SpreA,H) × Σ S_ERROR × weight HtoO, …" */
  static String hiddenDeltaText(NetworkModel model, Layer layer) {
    Layer next = model.layers().get(layer.index() + 1);
    return "Hidden deltas by the chain rule: δ" + layer.letter() + " = fA′(SpreA," + layer.letter() + ") × Σ "
        + deltaName(next) + " × weight " + model.weightsName(next) + ", using the " + model.weightsName(next)
        + " weights of the forward pass; each δ" + layer.letter() + " is computed once and reused by"
        + " every " + model.weightsName(layer) + " weight into its node.";
  }

  /** "gradient HtoO = S_ERROR × SpostA,H and, for the biases, gradient = S_ERROR", … */
  static String gradientText(NetworkModel model, Layer layer) {
    Layer previous = model.previous(layer);
    String delta = deltaName(layer);
    String from = previous.isInput() ? "input" : "SpostA," + previous.letter();
    return "gradient " + model.weightsName(layer) + " = " + delta + " × " + from + " and, for the biases, gradient = "
        + delta;
  }

  /** S_ERROR at the outputs, δH in a hidden layer. */
  static String deltaName(Layer layer) {
    return layer.isOutput() ? "S_ERROR" : "δ" + layer.letter();
  }

  /** S_ERROR0 at the outputs, δH0 in a hidden layer. */
  static String deltaName(Layer layer, int j) {
    return layer.isOutput() ? "S_ERROR" + j : "δ" + layer.node(j);
  }
}
