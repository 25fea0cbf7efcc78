package dev.hardwired.processor.write;

import com.palantir.javapoet.CodeBlock;
import dev.hardwired.processor.model.Layer;
import java.util.ArrayList;
import java.util.List;

/** The loop headers and sums that the looped and batched kernels share. */
final class Loops {
  private Loops() {}

  /** {@code for (int index = 0; index < SIZE; index++)} over {@code layer}'s nodes. */
  static void overNodes(CodeBlock.Builder body, Layer layer, String index) {
    overNodes(body, layer, index, 0);
  }

  /** {@code for (int index = from; index < SIZE; index++)} over {@code layer}'s nodes. */
  static void overNodes(CodeBlock.Builder body, Layer layer, String index, int from) {
    body.beginControlFlow("for (int $L = $L; $L < $L; $L++)", index, from, index, layer.sizeConstant(), index);
  }

  /** The passes over {@code rows}' nodes i, {@code perPass} at a time, as far as whole passes go. */
  static void overWholePasses(CodeBlock.Builder body, Layer rows, int perPass) {
    String size = rows.sizeConstant();
    body.beginControlFlow(
        "for (int i = 0; i < $L; i += $L)",
        rows.size() % perPass == 0 ? size : size + " - " + size + " % " + perPass,
        perPass);
  }

  /** The nodes i of {@code rows} that whole passes of {@code perPass} leave over, one at a time. */
  static void overRowsLeft(CodeBlock.Builder body, Layer rows, int perPass) {
    String size = rows.sizeConstant();
    body.beginControlFlow(
        "for (int i = $L; i < $L; i++)", rows.size() < perPass ? "0" : size + " - " + size + " % " + perPass, size);
  }

  /** {@code first + term + term …}, added left to right as Java adds them, wrapped where long. */
  static CodeBlock sum(CodeBlock first, List<CodeBlock> terms) {
    List<CodeBlock> all = new ArrayList<>();
    all.add(first);
    all.addAll(terms);
    return CodeBlock.join(all, "$W+ ");
  }
}
