package dev.hardwired.processor.write;

import static dev.hardwired.processor.write.Code.comment;
import static dev.hardwired.processor.write.Code.statement;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.hardwired.Checks;
import dev.hardwired.StepTrace;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The {@code trace} method of a small network: the statements of {@code train}, with every SpreA in a local
 * of its own, whose values it hands to a {@link StepTrace}. Only networks whose every layer is unrolled have
 * one: there each value is a named local, and a learner can read them all.
 */
final class Traced {
  private final NetworkModel model;
  private final Numbers n;
  private final Passes passes;

  Traced(NetworkModel model) {
    this.model = model;
    this.n = Numbers.of(model);
    this.passes = new Passes(model, Unrolled.keepingPreActivations(model));
  }

  /** The trace method, where every layer is unrolled; none otherwise. */
  List<MethodSpec> methods() {
    return model.fullyUnrolled() ? Collections.singletonList(trace()) : Collections.<MethodSpec>emptyList();
  }

  private MethodSpec trace() {
    CodeBlock.Builder body = CodeBlock.builder();
    NetworkWriter.checkSample(body);
    body.addStatement("$T.requireLearningRate(learningRate)", Checks.class);
    statement(body, "the parameters before the step", n.f("double[] before = p.clone()"));
    passes.backpropagate(body);
    passes.update(body);
    statement(body, "SpreA, layer by layer after the inputs", n.f("double[][] spreA = $L"), values(Layer::preActivation));
    statement(body, "SpostA", n.f("double[][] spostA = $L"), values(Layer::value));
    statement(body, "S_ERROR at the outputs, δ in the hidden layers", n.f("double[][] deltas = $L"), values(Layer::delta));
    body.addStatement(
        "return $T.of(TOPOLOGY, input, target, learningRate, loss, before, p,$WspreA, spostA, deltas)",
        StepTrace.class);
    return MethodSpec.methodBuilder("trace")
        .addJavadoc(
            Code.javadoc(
                "One training step, exactly as {@link #train} takes it, that also returns every value it computes:"
                    + " SpreA and SpostA of each node, the loss, FE, S_ERROR and each δ, and every parameter"
                    + " before the step, its gradient and after. The parameters it leaves are bit for bit those"
                    + " that train leaves. It allocates the trace: a method to learn from and to debug with, not"
                    + " to train with. Print the trace with {@link StepTrace#table()} or {@link"
                    + " StepTrace#markdown()}. Like train, it throws an ArithmeticException and changes nothing"
                    + " when the loss is not finite."))
        .addModifiers(Modifier.PUBLIC)
        .returns(ClassName.get(StepTrace.class))
        .addParameter(n.array(), "input")
        .addParameter(n.array(), "target")
        .addParameter(n.type(), "learningRate")
        .addCode(body.build())
        .build();
  }

  /** {@code {{zh0, zh1}, {zo0}}}: one of the locals of each node, layer by layer. */
  private CodeBlock values(NodeLocal local) {
    List<CodeBlock> layers = new ArrayList<>();
    for (Layer layer : model.layers().subList(1, model.layers().size())) {
      List<CodeBlock> nodes = new ArrayList<>();
      for (int j = 0; j < layer.size(); j++) {
        nodes.add(CodeBlock.of("$L", local.of(layer, j)));
      }
      layers.add(CodeBlock.of("{$L}", CodeBlock.join(nodes, ",$W")));
    }
    return CodeBlock.of("{$L}", CodeBlock.join(layers, ",$W"));
  }

  /** The name of the local that holds one value of node j of a layer: its SpreA, its SpostA or its δ. */
  private interface NodeLocal {
    String of(Layer layer, int j);
  }
}
