package dev.hardwired.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Topology;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The passes of a deep network ({@link NetworkModel#chunked()}) in chunks of {@link
 * NetworkModel#CHUNK_LAYERS} layers: the API methods call one method per chunk, which calls its layers'
 * looped methods, so that no method grows with the depth; and its topology, written as text rather than
 * as array literals that would make the static initializer too long.
 */
final class Chunks {
  private final NetworkModel model;
  private final Looped looped;
  private final Numbers n;

  Chunks(NetworkModel model, Looped looped) {
    this.model = model;
    this.looped = looped;
    this.n = Numbers.of(model);
  }

  /** Every chunk method of every pass; none for a network that is not chunked. */
  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    if (model.chunked()) {
      for (Pass pass : Pass.values()) {
        for (List<Layer> chunk : chunks(pass)) {
          methods.add(chunk(pass, chunk));
        }
      }
    }
    return methods;
  }

  /** The chunk methods of {@code pass} alone (a frozen class makes only the forward pass); none if not chunked. */
  List<MethodSpec> methods(Pass pass) {
    List<MethodSpec> methods = new ArrayList<>();
    if (model.chunked()) {
      for (List<Layer> chunk : chunks(pass)) {
        methods.add(chunk(pass, chunk));
      }
    }
    return methods;
  }

  /** The passes that deep networks make in chunks of {@link NetworkModel#CHUNK_LAYERS} layers. */
  enum Pass {
    FORWARD("forward", "Forward"),
    DELTAS("deltas", "Hidden deltas by the chain rule"),
    UPDATE("update", "Update, weight ← weight − LR × gradient"),
    GRADIENT("gradient", "Gradient = δ × SpostA"),
    GRADIENT_ARRAYS("gradient", "Gradient = δ × SpostA, laid out as the parameter arrays");

    final String verb;
    final String title;

    Pass(String verb, String title) {
      this.verb = verb;
      this.title = title;
    }
  }

  /** The layers each pass visits, in its order: forward from layer 1, the others from the output back. */
  private List<Layer> order(Pass pass) {
    List<Layer> all = model.layers();
    List<Layer> visited = new ArrayList<>();
    if (pass == Pass.FORWARD) {
      visited.addAll(all.subList(1, all.size()));
    } else {
      // Deltas are those of the hidden layers; updates and gradients those of every layer.
      for (int l = all.size() - (pass == Pass.DELTAS ? 2 : 1); l >= 1; l--) {
        visited.add(all.get(l));
      }
    }
    return visited;
  }

  private List<List<Layer>> chunks(Pass pass) {
    return NetworkModel.chunks(order(pass));
  }

  /** The calls of {@code pass}'s chunk methods, one statement per chunk. */
  void calls(CodeBlock.Builder body, Pass pass) {
    for (List<Layer> chunk : chunks(pass)) {
      body.addStatement("$L($L)", chunkName(pass, chunk), chunkArguments(pass, chunk));
    }
  }

  private MethodSpec chunk(Pass pass, List<Layer> chunk) {
    CodeBlock.Builder body = CodeBlock.builder();
    for (Layer layer : chunk) {
      switch (pass) {
        case FORWARD:
          looped.forwardCall(body, layer);
          break;
        case DELTAS:
          looped.hiddenDeltasCall(body, layer);
          break;
        case UPDATE:
          looped.updateCall(body, layer);
          break;
        case GRADIENT:
          looped.gradientCall(body, layer);
          break;
        default:
          looped.gradientArraysCall(body, layer);
          break;
      }
    }
    Layer first = chunk.get(0);
    Layer last = chunk.get(chunk.size() - 1);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(chunkName(pass, chunk))
            .addJavadoc("$L, layers $L to $L.\n", pass.title, first.index(), last.index())
            .addModifiers(Modifier.PRIVATE);
    boolean input = chunk.stream().anyMatch(Looped::firstLayer) && pass != Pass.DELTAS;
    if (input) {
      method.addParameter(n.array(), "input");
    }
    if (pass == Pass.UPDATE) {
      method.addParameter(n.type(), "learningRate");
    }
    if (pass == Pass.GRADIENT) {
      method.addParameter(n.array(), "gradientSum");
    }
    if (pass == Pass.GRADIENT_ARRAYS) {
      method.addParameter(n.rows(), "gradientSums");
    }
    return method.addCode(body.build()).build();
  }

  private static String chunkName(Pass pass, List<Layer> chunk) {
    return NetworkModel.chunkName(pass.verb, chunk);
  }

  private static String chunkArguments(Pass pass, List<Layer> chunk) {
    List<String> arguments = new ArrayList<>();
    if (pass != Pass.DELTAS && chunk.stream().anyMatch(Looped::firstLayer)) {
      arguments.add("input");
    }
    if (pass == Pass.UPDATE) {
      arguments.add("learningRate");
    }
    if (pass == Pass.GRADIENT) {
      arguments.add("gradientSum");
    }
    if (pass == Pass.GRADIENT_ARRAYS) {
      arguments.add("gradientSums");
    }
    return String.join(", ", arguments);
  }

  // ---------------------------------------------------------------- the topology, as text

  /**
   * The topology of a deep network: its hidden sizes and activations as text, read by {@link
   * #topologyReaders}, since array literals of hundreds of elements would make the static initializer
   * longer than the JIT compiles.
   */
  CodeBlock topologyExpression(Layer output) {
    Topology t = model.topology();
    StringBuilder sizes = new StringBuilder();
    StringBuilder activations = new StringBuilder();
    for (Layer layer : model.layers().subList(1, model.layers().size() - 1)) {
      sizes.append(layer.size()).append(' ');
      activations.append(layer.activation().name()).append(' ');
    }
    return CodeBlock.of(
        "$T.of($L,$WhiddenSizes($L),$W$L,$WhiddenActivations($L),$W$T.$L,$W$T.$L)",
        Topology.class,
        t.inputs(),
        text(sizes.toString().trim()),
        t.outputs(),
        text(activations.toString().trim()),
        Activation.class,
        output.activation().name(),
        Loss.class,
        model.loss().name());
  }

  /** A long string constant as a concatenation of short ones, so that every line stays within the columns. */
  private static CodeBlock text(String value) {
    List<CodeBlock> pieces = new ArrayList<>();
    for (int from = 0; from < value.length(); ) {
      int to = Math.min(value.length(), from + 60);
      while (to < value.length() && value.charAt(to - 1) != ' ') {
        to++;
      }
      pieces.add(CodeBlock.of("$S", value.substring(from, to)));
      from = to;
    }
    return CodeBlock.join(pieces, "$W+ ");
  }

  /** The readers of {@link #topologyExpression}'s text. */
  List<MethodSpec> topologyReaders() {
    List<MethodSpec> readers = new ArrayList<>();
    if (!model.chunked()) {
      return readers;
    }
    readers.add(
        MethodSpec.methodBuilder("hiddenSizes")
            .addJavadoc("The hidden layers' sizes from their text, one number per layer.\n")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(int[].class)
            .addParameter(String.class, "text")
            .addStatement("String[] words = text.split($S)", " ")
            .addStatement("int[] sizes = new int[words.length]")
            .beginControlFlow("for (int l = 0; l < words.length; l++)")
            .addStatement("sizes[l] = $T.parseInt(words[l])", Integer.class)
            .endControlFlow()
            .addStatement("return sizes")
            .build());
    readers.add(
        MethodSpec.methodBuilder("hiddenActivations")
            .addJavadoc("The hidden layers' activations from their text, one name per layer.\n")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(Activation[].class)
            .addParameter(String.class, "text")
            .addStatement("String[] words = text.split($S)", " ")
            .addStatement("$T[] activations = new $T[words.length]", Activation.class, Activation.class)
            .beginControlFlow("for (int l = 0; l < words.length; l++)")
            .addStatement("activations[l] = $T.valueOf(words[l])", Activation.class)
            .endControlFlow()
            .addStatement("return activations")
            .build());
    return readers;
  }
}
