package dev.hardwired.processor.write;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hardwired.Precision;
import dev.hardwired.processor.model.FrozenModel;
import dev.hardwired.processor.model.Layer;
import dev.hardwired.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * How a frozen class keeps the parameters of its looped layers: as text. Array literals would cost about 10
 * bytes of bytecode per element in the static initializer (past 8,000 bytes HotSpot never compiles a
 * method; past 64 KB javac refuses it), so each value is written as its IEEE 754 bits, 6 bits per
 * character {@code '0' + d} ({@code '0'} to {@code 'o'}: ASCII, one byte each in the class file), the most
 * significant first: 11 characters per double, 6 per float. The text is split into string constants of at
 * most 65,535 bytes (the most one constant holds) and decoded once, when the class is initialised, into
 * arrays laid out as the trainable class keeps them: one row per node of the layer before, then the
 * biases. Decoding gives back the bits exactly, so the looped forward pass computes with the very values
 * the weights file holds.
 */
final class Packed {
  /** Bits per character. */
  static final int BITS = 6;
  /** The character of digit 0. */
  static final char ZERO = '0';
  /** Characters of source text per line of a constant, between its quotes. */
  private static final int LINE = 86;
  /** Decode calls per method, some 13 bytes of bytecode each. */
  private static final int CALLS_PER_METHOD = 256;

  private final FrozenModel frozen;
  private final NetworkModel model;
  private final Numbers n;
  private final int charsPerValue;
  private final int valuesPerConstant;

  Packed(FrozenModel frozen) {
    this.frozen = frozen;
    this.model = frozen.network();
    this.n = Numbers.of(model);
    this.charsPerValue = charsPerValue(model.precision());
    this.valuesPerConstant = 65_535 / charsPerValue;
  }

  /** 11 for a double, 6 for a float. */
  static int charsPerValue(Precision precision) {
    int bits = precision == Precision.FLOAT ? 32 : 64;
    return (bits + BITS - 1) / BITS;
  }

  /** The characters of {@code value}, as the frozen class decodes them. */
  static String encode(double value, Precision precision) {
    long bits =
        precision == Precision.FLOAT
            ? Float.floatToRawIntBits((float) value) & 0xffff_ffffL
            : Double.doubleToRawLongBits(value);
    int count = charsPerValue(precision);
    char[] chars = new char[count];
    for (int k = 0; k < count; k++) {
      chars[count - 1 - k] = (char) (ZERO + ((bits >>> (BITS * k)) & ((1 << BITS) - 1)));
    }
    return new String(chars);
  }

  /** The weight rows and biases of every looped layer, static: final, or assigned by its decoder in a chunked network. */
  void addFields(TypeSpec.Builder type) {
    for (Layer layer : looped()) {
      Layer previous = model.previous(layer);
      String weights = layer.weightsArray(previous);
      type.addField(
          field(
                  n.rows(),
                  weights,
                  CodeBlock.of(n.f("new double[$L][$L]"), previous.sizeConstant(), layer.sizeConstant()))
              .addJavadoc(
                  Code.javadoc(
                      model.weightsName(layer) + " weights, one row per node of the " + previous.title() + ": "
                          + weights + "[i][j] is the weight from " + previous.letter() + "_i into "
                          + layer.letter() + "_j. Decoded from text when the class is initialised, and never"
                          + " written after."))
              .build());
      type.addField(
          field(n.array(), layer.biasesArray(), CodeBlock.of(n.f("new double[$L]"), layer.sizeConstant()))
              .addJavadoc("Biases of the $L.\n", layer.title())
              .build());
    }
  }

  private FieldSpec.Builder field(TypeName type, String name, CodeBlock allocation) {
    if (model.chunked()) {
      // Hundreds of initializers would make the static initializer too long: each decoder allocates its own.
      return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC);
    }
    return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer(allocation);
  }

  /** The static initializer: one decoder call per looped layer. */
  CodeBlock staticInitializer() {
    CodeBlock.Builder body = CodeBlock.builder();
    for (Layer layer : looped()) {
      body.addStatement("$L()", decoderName(layer));
    }
    return body.build();
  }

  /** Every looped layer's decoder (in parts, for a layer too large for one method), and the decoding loop. */
  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    for (Layer layer : looped()) {
      methods.addAll(decoders(layer));
    }
    if (!methods.isEmpty()) {
      methods.add(decode());
    }
    return methods;
  }

  private List<Layer> looped() {
    List<Layer> looped = new ArrayList<>();
    for (Layer layer : model.layers().subList(1, model.layers().size())) {
      if (layer.looped()) {
        looped.add(layer);
      }
    }
    return looped;
  }

  /** decodeItoH, decodeH1toH2, decodeHtoO: after the weights into {@code layer}, with every layer's own letter. */
  private String decoderName(Layer layer) {
    return "decode" + model.previous(layer).letter() + "to" + layer.letter();
  }

  private List<MethodSpec> decoders(Layer layer) {
    Layer previous = model.previous(layer);
    String weights = layer.weightsArray(previous);
    List<String> constants = constants(layer);
    CodeBlock.Builder body = CodeBlock.builder();
    if (model.chunked()) {
      body.addStatement("$L = $L", weights, CodeBlock.of(n.f("new double[$L][$L]"), previous.sizeConstant(), layer.sizeConstant()));
      body.addStatement("$L = $L", layer.biasesArray(), CodeBlock.of(n.f("new double[$L]"), layer.sizeConstant()));
    }
    Code.statement(
        body,
        "the weight rows, then the biases",
        n.f("double[][] rows = $T.copyOf($L, $L + 1)"),
        Arrays.class,
        weights,
        previous.sizeConstant());
    body.addStatement("rows[$L] = $L", previous.sizeConstant(), layer.biasesArray());
    body.addStatement("int at = 0");
    List<MethodSpec> methods = new ArrayList<>();
    String doc =
        "Decodes the " + model.weightsName(layer) + " weights (" + weights + ", " + previous.size() + " rows of "
            + layer.size() + ") and the biases of the " + layer.title() + ", " + Code.plural(
                (previous.size() + 1) * layer.size(), "value") + " in "
            + Code.plural(constants.size(), "string constant") + ".";
    if (constants.size() <= CALLS_PER_METHOD) {
      for (String constant : constants) {
        decodeCall(body, constant);
      }
    } else {
      for (int from = 0, part = 1; from < constants.size(); from += CALLS_PER_METHOD, part++) {
        String name = decoderName(layer) + "Part" + part;
        body.addStatement("at = $L(rows, at)", name);
        CodeBlock.Builder partBody = CodeBlock.builder();
        for (String constant : constants.subList(from, Math.min(constants.size(), from + CALLS_PER_METHOD))) {
          decodeCall(partBody, constant);
        }
        partBody.addStatement("return at");
        methods.add(
            MethodSpec.methodBuilder(name)
                .addJavadoc("Part $L of {@link #$L()}; returns the position after the last value.\n", part, decoderName(layer))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(int.class)
                .addParameter(n.rows(), "rows")
                .addParameter(int.class, "at")
                .addCode(partBody.build())
                .build());
      }
    }
    methods.add(
        0,
        MethodSpec.methodBuilder(decoderName(layer))
            .addJavadoc(Code.javadoc(doc))
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addCode(body.build())
            .build());
    return methods;
  }

  /** The text of one layer, rows of the layer before first, then the biases, in constants of at most 65,535 bytes. */
  private List<String> constants(Layer layer) {
    Layer previous = model.previous(layer);
    List<String> constants = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int count = 0;
    for (int i = 0; i <= previous.size(); i++) {
      for (int j = 0; j < layer.size(); j++) {
        double value = i < previous.size() ? frozen.weight(layer, i, j) : frozen.bias(layer, j);
        text.append(encode(value, model.precision()));
        if (++count == valuesPerConstant) {
          constants.add(text.toString());
          text.setLength(0);
          count = 0;
        }
      }
    }
    if (count > 0) {
      constants.add(text.toString());
    }
    return constants;
  }

  /** {@code at = decode(rows, at, "…" + "…");}, one line of text per source line. */
  private static void decodeCall(CodeBlock.Builder body, String constant) {
    body.add("at = decode(rows, at,\n$>$>");
    StringBuilder line = new StringBuilder();
    int width = 0;
    boolean first = true;
    for (int c = 0; c < constant.length(); c++) {
      char ch = constant.charAt(c);
      int escaped = ch == '\\' ? 2 : 1;
      if (width + escaped > LINE) {
        body.add(first ? "$S" : "\n+ $S", line.toString());
        first = false;
        line.setLength(0);
        width = 0;
      }
      line.append(ch);
      width += escaped;
    }
    body.add(first ? "$S" : "\n+ $S", line.toString());
    body.add(");\n$<$<");
  }

  private MethodSpec decode() {
    boolean single = model.precision() == Precision.FLOAT;
    CodeBlock.Builder body = CodeBlock.builder();
    body.addStatement("int width = rows[0].length");
    body.addStatement("int row = at / width");
    body.addStatement("int column = at % width");
    body.beginControlFlow("for (int c = 0; c < text.length(); c += $L)", charsPerValue);
    body.addStatement(single ? "int bits = 0" : "long bits = 0L");
    body.beginControlFlow("for (int k = c; k < c + $L; k++)", charsPerValue);
    body.addStatement("bits = (bits << $L) | (text.charAt(k) - '$L')", BITS, ZERO);
    body.endControlFlow();
    body.addStatement(
        "rows[row][column] = $T.$L(bits)", single ? Float.class : Double.class, single ? "intBitsToFloat" : "longBitsToDouble");
    body.beginControlFlow("if (++column == width)");
    body.addStatement("column = 0");
    body.addStatement("row++");
    body.endControlFlow();
    body.endControlFlow();
    body.addStatement("return at + text.length() / $L", charsPerValue);
    String doc =
        "Decodes {@code text} into {@code rows}, laid end to end, from element {@code at}: "
            + charsPerValue + " characters per " + n.type() + ", each character c giving " + BITS
            + " bits, c − '" + ZERO + "', the most significant first, of its IEEE 754 bits. Returns the"
            + " element after the last.";
    return MethodSpec.methodBuilder("decode")
        .addJavadoc(Code.javadoc(doc))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(int.class)
        .addParameter(n.rows(), "rows")
        .addParameter(int.class, "at")
        .addParameter(String.class, "text")
        .addCode(body.build())
        .build();
  }
}
