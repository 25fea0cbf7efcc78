package dev.hardwired.processor.write;

import static dev.hardwired.processor.write.Code.comment;
import static dev.hardwired.processor.write.Code.statement;
import static dev.hardwired.processor.write.Loops.overNodes;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The kernels of the tiled layers ({@link Batched}): the forward pass of two samples at once, each weight row
 * loaded once for both, and a tile's gradient, each row of sums loaded once for its samples. Each sample's sums
 * are added in the one-sample order, so the kernels have the one-sample methods' bits.
 */
final class TileKernels {
  /**
   * Rows of gradient sums per pass of a tile's gradient: each sample's δ is loaded once for both. Measured
   * (JDK 17, 784 → 128, a plain-loop model of the kernel): 1.28× faster than one row; four rows spilled.
   */
  static final int GRADIENT_ROWS = 2;
  private static final int LOOP_INDENT = 6;

  private final NetworkModel model;
  private final Batched batched;
  private final Numbers n;

  TileKernels(NetworkModel model, Batched batched) {
    this.model = model;
    this.batched = batched;
    this.n = Numbers.of(model);
  }

  /**
   * Forward through tiled {@code layer} for two samples: per pass, {@link Looped#ROWS_PER_PASS} weight
   * rows loaded once and added to both samples' SpreA.
   */
  MethodSpec forwardPair(Layer layer) {
    Layer previous = model.previous(layer);
    String weights = layer.weightsArray(previous);
    String l = layer.letter();
    String from = previous.isInput() ? "input" : "SpostA," + previous.letter();
    int rowsPerPass = Looped.ROWS_PER_PASS;
    CodeBlock.Builder body = CodeBlock.builder();
    overNodes(body, layer, "j");
    for (int s = 0; s < Batched.PAIR; s++) {
      body.addStatement(n.f("h$L[j] = 0.0"), s);
    }
    body.endControlFlow();
    int rows = previous.size();
    int whole = rows - rows % rowsPerPass;
    if (whole > 0) {
      comment(
          body,
          "SpreA," + l + " += weight " + previous.letter() + "_i→" + l + " × " + from + "_i, " + rowsPerPass
              + " rows of " + weights + " per pass, each row loaded once for both samples");
      Loops.overWholePasses(body, previous, rowsPerPass);
      for (int r = 0; r < rowsPerPass; r++) {
        body.addStatement(n.f("double[] w$L = $L[$L]"), r, weights, r == 0 ? "i" : "i + " + r);
      }
      for (int s = 0; s < Batched.PAIR; s++) {
        for (int r = 0; r < rowsPerPass; r++) {
          body.addStatement(n.f("double a$L$L = x$L[$L]"), s, r, s, r == 0 ? "i" : "i + " + r);
        }
      }
      overNodes(body, layer, "j");
      // Without the locals the JIT, which must assume that h0 may be one of the weight rows, would load each
      // weight again for the second sample: measured 1.3x slower at 784 inputs.
      comment(body, "Weights and SpreA sums into locals, so that each weight is loaded once for both samples");
      for (int r = 0; r < rowsPerPass; r++) {
        body.addStatement(n.f("double v$L = w$L[j]"), r, r);
      }
      for (int s = 0; s < Batched.PAIR; s++) {
        body.addStatement(n.f("double s$L = h$L[j]"), s, s);
      }
      for (int s = 0; s < Batched.PAIR; s++) {
        List<CodeBlock> terms = new ArrayList<>();
        for (int r = 0; r < rowsPerPass; r++) {
          terms.add(CodeBlock.of("v$L * a$L$L", r, s, r));
        }
        body.addStatement("h$L[j] = $L", s, Loops.sum(CodeBlock.of("s$L", s), terms));
      }
      body.endControlFlow();
      body.endControlFlow();
    }
    if (whole < rows) {
      comment(body, whole == 0 ? "SpreA," + l + " += weight × " + from + ", one row at a time" : "The rows left over");
      Loops.overRowsLeft(body, previous, rowsPerPass);
      body.addStatement(n.f("double[] w = $L[i]"), weights);
      for (int s = 0; s < Batched.PAIR; s++) {
        body.addStatement(n.f("double a$L = x$L[i]"), s, s);
      }
      overNodes(body, layer, "j");
      for (int s = 0; s < Batched.PAIR; s++) {
        body.addStatement("h$L[j] = h$L[j] + w[j] * a$L", s, s, s);
      }
      body.endControlFlow();
      body.endControlFlow();
    }
    boolean keepsPreActivations = model.keepsPreActivations(layer);
    comment(
        body,
        keepsPreActivations
            ? "SpreA," + l + " = Σ weight × " + from + " + bias, kept for fA′; SpostA," + l + " = fA(SpreA," + l + ")"
            : "SpostA," + l + " = fA(SpreA," + l + "), SpreA," + l + " = Σ weight × " + from + " + bias");
    overNodes(body, layer, "j");
    for (int s = 0; s < Batched.PAIR; s++) {
      if (keepsPreActivations) {
        body.addStatement("z$L[j] = h$L[j] + $L[j]", s, s, layer.biasesArray());
        body.addStatement("h$L[j] = $L", s, Equations.activate(n, layer.activation(), CodeBlock.of("z$L[j]", s)));
      } else {
        body.addStatement(
            "h$L[j] = $L",
            s,
            Equations.activate(n, layer.activation(), CodeBlock.of("h$L[j] + $L[j]", s, layer.biasesArray())));
      }
    }
    body.endControlFlow();
    String doc =
        "Forward, " + layer.title() + " (" + layer.activation().displayName() + "), two samples at once: SpreA,"
            + l + " = " + model.weightsName(layer) + " · " + from + " + bias and SpostA," + l + " = fA(SpreA," + l
            + ") of sample x0 into h0 and of sample x1 into h1" + (keepsPreActivations ? ", their SpreA into z0 and z1" : "")
            + ". Each weight row is loaded once for both; each"
            + " sample's sum goes row by row as in " + Looped.forwardName(layer) + ", so it has the same bits.";
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(Batched.forwardPairName(layer)).addJavadoc(Code.javadoc(doc)).addModifiers(Modifier.PRIVATE);
    for (int s = 0; s < Batched.PAIR; s++) {
      method.addParameter(n.array(), "x" + s);
    }
    if (keepsPreActivations) {
      for (int s = 0; s < Batched.PAIR; s++) {
        method.addParameter(n.array(), "z" + s);
      }
    }
    for (int s = 0; s < Batched.PAIR; s++) {
      method.addParameter(n.array(), "h" + s);
    }
    return method.addCode(body.build()).build();
  }

  /** The gradient of tiled {@code layer}'s weights and biases for the tile's samples, added in sample order. */
  MethodSpec gradientTile(Layer layer) {
    Layer previous = model.previous(layer);
    String d = Passes.deltaName(layer);
    String from = previous.isInput() ? "input" : "SpostA," + previous.letter();
    CodeBlock.Builder body = CodeBlock.builder();
    if (!Looped.firstLayer(layer)) {
      for (int s = 0; s < Batched.TILE; s++) {
        statement(body, "sample " + s + "'s " + from, n.f("double[] x$L = $L[$L]"), s, Batched.tileValues(previous), s);
      }
    }
    for (int s = 0; s < Batched.TILE; s++) {
      statement(body, "sample " + s + "'s " + d, n.f("double[] d$L = $L[$L]"), s, Batched.tileDeltas(layer), s);
    }
    statement(body, "the biases of " + layer.letter(), n.f("double[] g = gradientSums[$L]"), layer.biasArray());
    overNodes(body, layer, "j");
    statement(
        body, LOOP_INDENT, "bias: gradient = " + d + ", sample by sample", "g[j] = g[j] + d0[j] + d1[j] + d2[j] + d3[j]");
    body.endControlFlow();
    int rows = previous.size();
    int whole = rows - rows % GRADIENT_ROWS;
    if (whole > 0) {
      comment(
          body,
          GRADIENT_ROWS + " rows of sums per pass, each sample's " + d + " loaded once for both");
      Loops.overWholePasses(body, previous, GRADIENT_ROWS);
      for (int r = 0; r < GRADIENT_ROWS; r++) {
        statement(
            body,
            LOOP_INDENT,
            "row " + (r == 0 ? "i" : "i + " + r) + ": the weights from " + previous.letter() + "_" + (r == 0 ? "i" : "i+" + r),
            n.f("double[] row$L = gradientSums[$L + i]"),
            r,
            layer.firstArray() + r);
      }
      for (int r = 0; r < GRADIENT_ROWS; r++) {
        for (int s = 0; s < Batched.TILE; s++) {
          body.addStatement(n.f("double a$L$L = x$L[$L]"), s, r, s, r == 0 ? "i" : "i + " + r);
        }
      }
      overNodes(body, layer, "j");
      // Without the locals the JIT, which must assume that row0 may be one of the δ rows, would load each δ
      // again for the second row.
      comment(body, 8, "Each sample's " + d + " into a local, loaded once for both rows");
      for (int s = 0; s < Batched.TILE; s++) {
        body.addStatement(n.f("double e$L = d$L[j]"), s, s);
      }
      comment(body, 8, "gradient = " + d + " × " + from + ", sample by sample");
      for (int r = 0; r < GRADIENT_ROWS; r++) {
        List<CodeBlock> terms = new ArrayList<>();
        for (int s = 0; s < Batched.TILE; s++) {
          terms.add(CodeBlock.of("e$L * a$L$L", s, s, r));
        }
        body.addStatement("row$L[j] = $L", r, Loops.sum(CodeBlock.of("row$L[j]", r), terms));
      }
      body.endControlFlow();
      body.endControlFlow();
    }
    if (whole < rows) {
      comment(body, whole == 0 ? "One row of sums at a time" : "The row left over");
      Loops.overRowsLeft(body, previous, GRADIENT_ROWS);
      statement(
          body,
          LOOP_INDENT,
          "row i: the weights from " + previous.letter() + "_i",
          n.f("double[] row = gradientSums[$L + i]"),
          layer.firstArray());
      for (int s = 0; s < Batched.TILE; s++) {
        body.addStatement(n.f("double a$L = x$L[i]"), s, s);
      }
      overNodes(body, layer, "j");
      comment(body, 8, "gradient = " + d + " × " + from + ", sample by sample");
      body.addStatement("row[j] = row[j] + d0[j] * a0 + d1[j] * a1 + d2[j] * a2 + d3[j] * a3");
      body.endControlFlow();
      body.endControlFlow();
    }
    String doc =
        Code.capitalize(Passes.gradientText(model, layer)) + ", for a tile: added to the arrays laid out as"
            + " parameterArrays(), each row of sums loaded once for the tile and each sample's gradient added in"
            + " turn, as the one-sample code adds them.";
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(batched.gradientTileName(layer))
            .addJavadoc(Code.javadoc(doc))
            .addModifiers(Modifier.PRIVATE);
    if (Looped.firstLayer(layer)) {
      for (int s = 0; s < Batched.TILE; s++) {
        method.addParameter(n.array(), "x" + s);
      }
    }
    return method.addParameter(n.rows(), "gradientSums").addCode(body.build()).build();
  }
}
