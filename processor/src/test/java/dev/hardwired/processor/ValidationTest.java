package dev.hardwired.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.hardwired.processor.validation.Diagnostics.assertNoCrash;
import static dev.hardwired.processor.validation.Diagnostics.assertSingleErrorAt;
import static dev.hardwired.processor.validation.Diagnostics.messages;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.hardwired.processor.model.NetworkModel;
import dev.hardwired.processor.validation.RecordingProcessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every wrong {@code @Network} declaration gets one precise error per problem, tagged, on the exact
 * annotation value (or on the annotation when the type itself is wrong), and no generated class; every
 * right one compiles cleanly under {@code -Xlint:all -Werror}. Test sources put each attribute on a line of
 * its own so that the line, and the column within it, pin the value.
 */
class ValidationTest {
  private static final String[] HEADER = {
    "package test;",
    "",
    "import dev.hardwired.Activation;",
    "import dev.hardwired.Loss;",
    "import dev.hardwired.Network;",
    "",
  };

  /** A source file {@code test.<name>} with the usual imports and then {@code lines}. */
  private static JavaFileObject source(String name, String... lines) {
    List<String> all = new ArrayList<>(Arrays.asList(HEADER));
    all.addAll(Arrays.asList(lines));
    return JavaFileObjects.forSourceLines("test." + name, all);
  }

  /** The processor of the last compilation, which records what it generated even when compilation fails. */
  private RecordingProcessor processor;

  private Compilation compile(JavaFileObject... files) {
    processor = new RecordingProcessor(new NetworkProcessor());
    return javac().withProcessors(processor).compile(files);
  }

  private Compilation compileStrictly(JavaFileObject... files) {
    processor = new RecordingProcessor(new NetworkProcessor());
    return javac().withProcessors(processor).withOptions("-Xlint:all", "-Werror").compile(files);
  }

  /** Qualified names of the sources that the last compilation's processor created. */
  private List<String> generated() {
    return processor.createdSources();
  }

  /**
   * The compilation failed with exactly {@code errors} errors, without a crash, and the processor generated
   * none of {@code notGenerated} (nothing at all when none is named).
   */
  private void assertRejected(Compilation compilation, int errors, String... notGenerated) {
    assertThat(compilation).failed();
    assertNoCrash(compilation);
    assertWithMessage("errors: %s", messages(compilation)).that(compilation.errors()).hasSize(errors);
    assertThat(compilation).hadErrorCount(errors);
    if (notGenerated.length == 0) {
      assertThat(generated()).isEmpty();
    }
    for (String name : notGenerated) {
      assertThat(generated()).doesNotContain(name);
    }
  }

  /**
   * One error tagged {@code [hardwired.<tag>]}, containing {@code text}, on the only line of {@code file}
   * containing {@code line}, at the column of {@code value} on that line.
   */
  private static void assertError(
      Compilation compilation, JavaFileObject file, String tag, String text, String line, String value) {
    String fullTag = "[hardwired." + tag + "]";
    assertThat(compilation).hadErrorContaining(fullTag).inFile(file).onLineContaining(line);
    assertThat(compilation).hadErrorContaining(text).inFile(file).onLineContaining(line);
    assertSingleErrorAt(compilation, file, fullTag, text, line, value);
  }

  /** One error on the value written as {@code line} (a whole attribute, unique in the file). */
  private static void assertError(Compilation compilation, JavaFileObject file, String tag, String text, String line) {
    String value = line.substring(line.indexOf('=') + 1).trim();
    if (value.endsWith(",") || value.endsWith(")")) {
      value = value.substring(0, value.length() - 1);
    }
    assertError(compilation, file, tag, text, line, value);
  }

  /** One error on the annotation itself, for a problem of the annotated type. */
  private static void assertTypeError(Compilation compilation, JavaFileObject file, String tag, String text) {
    assertError(compilation, file, tag, text, "@Network(", "@Network");
  }

  @Nested
  class Sizes {
    @Test
    void zeroInputs() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 0,", "    hidden = 2,", "    outputs = 1)", "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(c, file, "size", "inputs = 0: every layer needs at least one node", "inputs = 0,");
    }

    @Test
    void negativeInputs() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = -3,", "    hidden = 2,", "    outputs = 1)", "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(c, file, "size", "inputs = -3", "inputs = -3,");
    }

    @Test
    void zeroOutputs() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 2,", "    hidden = 2,", "    outputs = 0)", "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(c, file, "size", "outputs = 0: every layer needs at least one node", "outputs = 0)");
    }

    @Test
    void negativeOutputs() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 2,", "    hidden = 2,", "    outputs = -1)", "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(c, file, "size", "outputs = -1", "outputs = -1)");
    }

    @Test
    void badInputsAndOutputsAreBothReported() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 0,", "    hidden = 2,", "    outputs = -1)", "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 2, "test.FooNetwork");
      assertError(c, file, "size", "inputs = 0", "inputs = 0,");
      assertError(c, file, "size", "outputs = -1", "outputs = -1)");
    }

    @Test
    void zeroHiddenLayerInArray() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 3,", "    hidden = {4, 0},", "    outputs = 1)", "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(c, file, "size", "hidden layer 2 = 0", "hidden = {4, 0},", "0}");
    }

    @Test
    void zeroHiddenLayerIsPinnedToItsElement() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = {",
              "        4,",
              "        0,",
              "        2},",
              "    outputs = 1)",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(c, file, "size", "hidden layer 2 = 0", "        0,", "0");
    }

    @Test
    void zeroHiddenLayerWithoutBraces() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 3,", "    hidden = 0,", "    outputs = 1)", "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(c, file, "size", "hidden layer 1 = 0", "hidden = 0,");
    }

    @Test
    void everyBadHiddenLayerIsReported() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = {",
              "        -1,",
              "        5,",
              "        0},",
              "    outputs = 1)",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 2, "test.FooNetwork");
      assertError(c, file, "size", "hidden layer 1 = -1", "        -1,", "-1");
      assertError(c, file, "size", "hidden layer 3 = 0", "        0},", "0");
    }
  }

  @Nested
  class Activations {
    @Test
    void tooFewActivations() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = {4, 3, 2},",
              "    outputs = 1,",
              "    activation = {Activation.TANH, Activation.RELU})",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c,
          file,
          "activation-count",
          "activation has 2 values for 3 hidden layers",
          "activation = {Activation.TANH, Activation.RELU})");
    }

    @Test
    void tooManyActivations() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = 4,",
              "    outputs = 1,",
              "    activation = {Activation.TANH, Activation.RELU, Activation.TANH})",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c,
          file,
          "activation-count",
          "activation has 3 values for 1 hidden layers",
          "activation = {Activation.TANH, Activation.RELU, Activation.TANH})");
    }

    @Test
    void activationsWithoutHiddenLayers() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = {},",
              "    outputs = 1,",
              "    activation = {Activation.TANH, Activation.RELU})",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c,
          file,
          "activation-count",
          "activation has 2 values for 0 hidden layers",
          "activation = {Activation.TANH, Activation.RELU})");
    }

    @Test
    void noActivationForOneHiddenLayer() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = {4, 3},",
              "    outputs = 1,",
              "    activation = {})",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(c, file, "activation-count", "activation has 0 values for 2 hidden layers", "activation = {})");
    }

    @Test
    void softmaxAsTheHiddenActivation() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = {4, 3},",
              "    outputs = 1,",
              "    activation = Activation.SOFTMAX)",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(c, file, "softmax-hidden", "SOFTMAX is for the output layer only", "activation = Activation.SOFTMAX)");
    }

    @Test
    void softmaxAsOneOfSeveralHiddenActivations() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = {4, 3, 2},",
              "    outputs = 1,",
              "    activation = {",
              "        Activation.TANH,",
              "        Activation.SOFTMAX,",
              "        Activation.RELU})",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(c, file, "softmax-hidden", "hidden layer 2", "Activation.SOFTMAX,", "Activation.SOFTMAX");
    }

    @Test
    void softmaxTwiceInHiddenLayersGivesTwoErrors() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = {4, 3},",
              "    outputs = 1,",
              "    activation = {",
              "        Activation.SOFTMAX, // first",
              "        Activation.SOFTMAX}) // second",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 2, "test.FooNetwork");
      assertError(c, file, "softmax-hidden", "hidden layer 1", "// first", "Activation.SOFTMAX");
      assertError(c, file, "softmax-hidden", "hidden layer 2", "// second", "Activation.SOFTMAX");
    }
  }

  @Nested
  class Perceptron {
    @Test
    void stepInAHiddenLayer() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = {3, 2},",
              "    outputs = 1,",
              "    activation = {Activation.TANH, Activation.STEP})",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c,
          file,
          "step-hidden",
          "STEP is not differentiable, so backpropagation cannot pass an error back through it; hidden layer 2",
          "activation = {Activation.TANH, Activation.STEP})",
          "Activation.STEP");
    }

    @Test
    void stepOutputWithSquaredError() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = {},",
              "    outputs = 1,",
              "    outputActivation = Activation.STEP)",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c,
          file,
          "step-loss",
          "a STEP output has no derivative, so SQUARED_ERROR cannot be minimised",
          "outputActivation = Activation.STEP)");
    }

    @Test
    void stepOutputAfterHiddenLayers() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = {4},",
              "    outputs = 1,",
              "    outputActivation = Activation.STEP,",
              "    loss = Loss.PERCEPTRON)",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c,
          file,
          "step-hidden-layers",
          "the perceptron rule trains a single layer",
          "hidden = {4},");
    }

    @Test
    void perceptronLossWithALogisticOutput() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = {},",
              "    outputs = 1,",
              "    loss = Loss.PERCEPTRON)",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c, file, "loss-output", "loss = PERCEPTRON needs outputActivation = STEP, got LOGISTIC", "loss = Loss.PERCEPTRON)");
    }

    @Test
    void thePerceptronItself() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = {},",
              "    outputs = 1,",
              "    outputActivation = Activation.STEP,",
              "    loss = Loss.PERCEPTRON)",
              "interface Foo {}");
      Compilation c = compileStrictly(file);
      assertThat(c).succeededWithoutWarnings();
      assertThat(generated()).containsExactly("test.FooNetwork");
    }
  }

  @Nested
  class Losses {
    @Test
    void softmaxWithOneOutput() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = 4,",
              "    outputs = 1,",
              "    outputActivation = Activation.SOFTMAX,",
              "    loss = Loss.SOFTMAX_CROSS_ENTROPY)",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c, file, "softmax-one-output", "a SOFTMAX output layer needs at least 2 outputs", "outputs = 1,");
    }

    @Test
    void softmaxCrossEntropyWithDefaultOutput() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = 4,",
              "    outputs = 3,",
              "    loss = Loss.SOFTMAX_CROSS_ENTROPY)",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c,
          file,
          "loss-output",
          "loss = SOFTMAX_CROSS_ENTROPY needs outputActivation = SOFTMAX, got LOGISTIC",
          "loss = Loss.SOFTMAX_CROSS_ENTROPY)");
    }

    @Test
    void softmaxCrossEntropyWithTanhOutput() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = 4,",
              "    outputs = 3,",
              "    outputActivation = Activation.TANH,",
              "    loss = Loss.SOFTMAX_CROSS_ENTROPY)",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c,
          file,
          "loss-output",
          "loss = SOFTMAX_CROSS_ENTROPY needs outputActivation = SOFTMAX, got TANH",
          "loss = Loss.SOFTMAX_CROSS_ENTROPY)");
    }

    @Test
    void softmaxOutputWithDefaultLoss() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = 4,",
              "    outputs = 3,",
              "    outputActivation = Activation.SOFTMAX)",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c,
          file,
          "softmax-loss",
          "a SOFTMAX output needs loss = SOFTMAX_CROSS_ENTROPY",
          "outputActivation = Activation.SOFTMAX)");
    }

    @Test
    void softmaxOutputWithSquaredError() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = 4,",
              "    outputs = 3,",
              "    outputActivation = Activation.SOFTMAX,",
              "    loss = Loss.SQUARED_ERROR)",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c,
          file,
          "softmax-loss",
          "needs loss = SOFTMAX_CROSS_ENTROPY, with which the error signal is simply y − t; got SQUARED_ERROR",
          "outputActivation = Activation.SOFTMAX,");
    }

    @Test
    void softmaxOutputWithCrossEntropy() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = 4,",
              "    outputs = 3,",
              "    outputActivation = Activation.SOFTMAX,",
              "    loss = Loss.CROSS_ENTROPY)",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(c, file, "softmax-loss", "got CROSS_ENTROPY", "outputActivation = Activation.SOFTMAX,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TANH", "IDENTITY", "RELU", "LEAKY_RELU"})
    void crossEntropyNeedsLogisticOutput(String output) {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 3,",
              "    hidden = 4,",
              "    outputs = 2,",
              "    outputActivation = Activation." + output + ",",
              "    loss = Loss.CROSS_ENTROPY)",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c,
          file,
          "loss-output",
          "loss = CROSS_ENTROPY needs outputActivation = LOGISTIC, got " + output,
          "loss = Loss.CROSS_ENTROPY)");
    }
  }

  @Nested
  class Size {
    @Test
    void networkPastTheUnrolledLimitCompilesWithLoops() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 64,", "    hidden = 32,", "    outputs = 10)", "interface Foo {}");
      Compilation c = compileStrictly(file);
      assertThat(c).succeededWithoutWarnings();
      assertThat(c).generatedSourceFile("test.FooNetwork").contentsAsUtf8String().contains("private void forwardH(");
    }

    @Test
    void parametersThatOverflowAnIntAreTooLargeOnTheWidestValue() {
      // 100,001 × 100,000 + 100,001 parameters: more than an int holds, let alone one array.
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 100000,", "    hidden = 100000,", "    outputs = 1)", "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(c, file, "too-large", "a 100000-100000-1 network has 10,000,200,001 parameters", "inputs = 100000,");
      assertThat(c).hadErrorContaining(String.format(Locale.ROOT, "at most %,d fit", NetworkModel.MAX_PARAMETERS));
    }

    @Test
    void tooLargeIsReportedOnTheHiddenLayerThatMakesIt() {
      JavaFileObject file =
          source(
              "Foo", "@Network(", "    inputs = 3,", "    hidden = {8,", "        60000, 50000},", "    outputs = 2)", "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(c, file, "too-large", "a 3-8-60000-50000-2 network", "60000, 50000},", "60000");
    }

    @Test
    void justUnderOneArrayIsNotTooLarge() {
      // (46,339 + 1) × 46,340 = 2,147,395,600 parameters fit in one array: loops, compiled, never allocated.
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 46339,", "    hidden = {},", "    outputs = 46340)", "interface Foo {}");
      Compilation c = compileStrictly(file);
      assertThat(c).succeededWithoutWarnings();
    }

    @ParameterizedTest
    @ValueSource(strings = {"many", "-1", "161"})
    void aBadUnrollLimitIsOneErrorThatSaysWhatIsExpected(String limit) {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 2,", "    hidden = 2,", "    outputs = 1)", "interface Foo {}");
      Compilation c =
          javac().withProcessors(new NetworkProcessor()).withOptions("-Ahardwired.unrollLimit=" + limit).compile(file);
      assertThat(c).failed();
      assertThat(c).hadErrorCount(1);
      assertThat(c)
          .hadErrorContaining(
              "[hardwired.option] -Ahardwired.unrollLimit=" + limit + ": expected a whole number from 0 to 160");
    }

    @Test
    void tooManyLayers() {
      String hidden = String.join(", ", java.util.Collections.nCopies(NetworkModel.MAX_LAYERS, "2"));
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 2,", "    hidden = {" + hidden + "},", "    outputs = 1)", "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertError(
          c,
          file,
          "too-deep",
          String.format(
              Locale.ROOT, "%,d hidden layers; at most %,d are supported", NetworkModel.MAX_LAYERS, NetworkModel.MAX_LAYERS - 1),
          "hidden = {",
          "{" + hidden + "}");
    }

    @Test
    void exactlyAtTheLimit() {
      int outputs = 10;
      int inputs = NetworkModel.MAX_UNROLLED_PARAMETERS / outputs - 1;
      assertWithMessage("test shape").that((inputs + 1) * outputs).isEqualTo(NetworkModel.MAX_UNROLLED_PARAMETERS);
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = " + inputs + ",",
              "    hidden = {},",
              "    outputs = " + outputs + ")",
              "interface Foo {}");
      Compilation c = compileStrictly(file);
      assertThat(c).succeededWithoutWarnings();
      assertThat(c).generatedSourceFile("test.FooNetwork").isNotNull();
    }
  }

  @Nested
  class Types {
    @Test
    void concreteClass() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 2,", "    hidden = 2,", "    outputs = 1)", "class Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertTypeError(c, file, "kind", "test.Foo is a concrete class");
    }

    @Test
    void finalClass() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 2,", "    hidden = 2,", "    outputs = 1)", "final class Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertTypeError(c, file, "kind", "test.Foo is a concrete class");
    }

    @Test
    void enumType() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 2,", "    hidden = 2,", "    outputs = 1)", "enum Foo { A }");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertTypeError(c, file, "kind", "test.Foo is an enum");
    }

    @Test
    void annotationType() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 2,", "    hidden = 2,", "    outputs = 1)", "@interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertTypeError(c, file, "kind", "test.Foo is an annotation type");
    }

    @Test
    void wrongKindAndWrongValuesAreAllReported() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 0,", "    hidden = 2,", "    outputs = 1)", "class Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 2, "test.FooNetwork");
      assertTypeError(c, file, "kind", "is a concrete class");
      assertError(c, file, "size", "inputs = 0", "inputs = 0,");
    }

    @Test
    void privateNestedType() {
      JavaFileObject file =
          source(
              "Outer",
              "class Outer {",
              "  @Network(",
              "      inputs = 2,",
              "      hidden = 2,",
              "      outputs = 1)",
              "  private interface Inner {}",
              "}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.Outer_InnerNetwork");
      assertTypeError(c, file, "private", "test.Outer.Inner must not be private");
    }

    @Test
    void nestedInsidePrivateClass() {
      JavaFileObject file =
          source(
              "Outer",
              "class Outer {",
              "  private static class Middle {",
              "    @Network(",
              "        inputs = 2,",
              "        hidden = 2,",
              "        outputs = 1)",
              "    interface Inner {}",
              "  }",
              "}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.Outer_Middle_InnerNetwork");
      assertTypeError(c, file, "private", "test.Outer.Middle.Inner (inside private test.Outer.Middle)");
    }

    @Test
    void innerAbstractClass() {
      JavaFileObject file =
          source(
              "Outer",
              "class Outer {",
              "  @Network(",
              "      inputs = 2,",
              "      hidden = 2,",
              "      outputs = 1)",
              "  abstract class Inner {}",
              "}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.Outer_InnerNetwork");
      assertTypeError(c, file, "inner", "test.Outer.Inner is an inner class; make it static");
    }

    @Test
    void genericInterface() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 2,", "    hidden = 2,", "    outputs = 1)", "interface Foo<T> {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertTypeError(c, file, "generic", "test.Foo must not be generic");
    }

    @Test
    void genericAbstractClass() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1)",
              "abstract class Foo<T extends Number> {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertTypeError(c, file, "generic", "test.Foo must not be generic");
    }

    @Test
    void abstractClassWithOnlyAParameterisedConstructor() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1)",
              "abstract class Foo {",
              "  Foo(int seed) {}",
              "}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertTypeError(c, file, "constructor", "test.Foo needs a constructor without parameters");
    }

    @Test
    void abstractClassWithAPrivateNoArgConstructor() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1)",
              "abstract class Foo {",
              "  private Foo() {}",
              "  Foo(int seed) {}",
              "}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertTypeError(c, file, "constructor", "test.Foo needs a constructor without parameters");
    }

    @Test
    void abstractClassWhoseConstructorThrowsACheckedException() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1)",
              "abstract class Foo {",
              "  Foo() throws java.io.IOException {}",
              "}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertTypeError(c, file, "constructor", "throwing no checked exception");
    }

    @Test
    void abstractMethodTheGeneratedClassCannotImplement() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1)",
              "interface Foo extends Comparable<Foo> {",
              "  void fly();",
              "  String copy();",
              "}");
      Compilation c = compile(file);
      assertRejected(c, 3, "test.FooNetwork");
      assertThat(c).hadErrorContaining("[hardwired.abstract-method] @Network type test.Foo has abstract method void fly()");
      assertThat(c).hadErrorContaining("abstract method java.lang.String copy()");
      assertThat(c).hadErrorContaining("abstract method int compareTo(T)");
    }

    @Test
    void abstractMethodsThatTheGeneratedClassImplementsAreFine() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1)",
              "interface Foo extends dev.hardwired.TrainableNetwork {",
              "  Foo copy();",
              "  double[] predict(double[] input);",
              "  String toString();",
              "  boolean equals(Object other);",
              "}");
      Compilation c = compileStrictly(file);
      assertThat(c).succeededWithoutWarnings();
      assertThat(generated()).containsExactly("test.FooNetwork");
    }

    @Test
    void finalMethodTheGeneratedClassMustOverride() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1)",
              "abstract class Foo {",
              "  @Override",
              "  public final String toString() {",
              "    return \"foo\";",
              "  }",
              "  public final int inputCount() {",
              "    return 2;",
              "  }",
              "}");
      Compilation c = compile(file);
      assertRejected(c, 2, "test.FooNetwork");
      assertThat(c).hadErrorContaining("[hardwired.final-method] @Network abstract class test.Foo has final method java.lang.String toString()");
      assertThat(c).hadErrorContaining("final method int inputCount()");
    }
  }

  /** What the type's hierarchy forbids the generated class: one error on the declaration, never javac's inside the generated file. */
  @Nested
  class Hierarchies {
    /** One error on the {@code @Network} of {@code lines}, at its column, and nothing generated. */
    private Compilation rejected(String... lines) {
      JavaFileObject file = source("Foo", lines);
      Compilation c = compile(file);
      assertRejected(c, 1);
      assertSingleErrorAt(c, file, "[hardwired.", "@Network type test.Foo", "@Network(", "@Network");
      return c;
    }

    @Test
    void aRecord() {
      JavaFileObject file = source("Foo", "@Network(inputs = 2, hidden = 2, outputs = 1)", "record Foo(int x) {}");
      Compilation c = compile(file);
      assertRejected(c, 1);
      assertTypeError(c, file, "kind", "test.Foo is a record");
    }

    @Test
    void aSealedInterfaceThatDoesNotPermitTheGeneratedClass() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(inputs = 2, hidden = 2, outputs = 1)",
              "sealed interface Foo permits Bar {}",
              "final class Bar implements Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertTypeError(
          c, file, "sealed", "@Network type test.Foo is sealed and does not permit the generated class test.FooNetwork");
    }

    @Test
    void aSealedAbstractClassThatDoesNotPermitTheGeneratedClass() {
      Compilation c =
          rejected(
              "@Network(inputs = 2, hidden = 2, outputs = 1)",
              "abstract sealed class Foo permits Bar {}",
              "final class Bar extends Foo {}");
      assertThat(c).hadErrorContaining("[hardwired.sealed] @Network type test.Foo is sealed");
    }

    @Test
    void aSealedTypeThatPermitsTheGeneratedClassAndANonSealedOne() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(inputs = 2, hidden = 2, outputs = 1)",
              "sealed interface Foo permits FooNetwork, Bar {}",
              "final class Bar implements Foo {}");
      JavaFileObject nonSealed =
          source(
              "Baz",
              "@Network(inputs = 2, hidden = 2, outputs = 1)",
              "non-sealed interface Baz extends Base {}",
              "sealed interface Base permits Baz {}");
      Compilation c = compileStrictly(file, nonSealed);
      assertThat(c).succeededWithoutWarnings();
      assertThat(generated()).containsExactly("test.FooNetwork", "test.BazNetwork");
    }

    @Test
    void aDefaultMethodWhoseReturnTypeTheGeneratedOneCannotOverride() {
      Compilation c =
          rejected(
              "@Network(inputs = 2, hidden = 2, outputs = 1)",
              "interface Foo {",
              "  default String copy() {",
              "    return \"\";",
              "  }",
              "}");
      assertThat(c).hadErrorContaining(
          "[hardwired.member-clash] @Network type test.Foo has method java.lang.String copy(), which the generated"
              + " class's test.FooNetwork copy() cannot stand beside: the generated one returns test.FooNetwork,"
              + " which is not a java.lang.String");
    }

    @Test
    void aDefaultMethodWithAnotherPrimitiveReturnType() {
      Compilation c =
          rejected(
              "@Network(inputs = 2, hidden = 2, outputs = 1)",
              "interface Foo {",
              "  default long parameterCount() {",
              "    return 1;",
              "  }",
              "}");
      assertThat(c).hadErrorContaining("[hardwired.member-clash] @Network type test.Foo has method long parameterCount()");
      assertThat(c).hadErrorContaining("the generated one returns int, which is not a long");
    }

    @Test
    void aDefaultMethodWithTheSignatureOfAPrivateHelper() {
      Compilation c =
          rejected(
              "@Network(inputs = 2, hidden = 2, outputs = 1)",
              "interface Foo {",
              "  default double logistic(double z) {",
              "    return z;",
              "  }",
              "}");
      assertThat(c).hadErrorContaining("[hardwired.member-clash] @Network type test.Foo has method double logistic(double)");
      assertThat(c).hadErrorContaining("static double logistic(double) cannot stand beside: a static method cannot hide");
    }

    @Test
    void aStaticMethodThatTheGeneratedFactoryCannotHide() {
      Compilation c =
          rejected(
              "@Network(inputs = 2, hidden = 2, outputs = 1)",
              "abstract class Foo {",
              "  static int seeded(long seed) {",
              "    return 0;",
              "  }",
              "}");
      assertThat(c).hadErrorContaining("[hardwired.member-clash] @Network type test.Foo has method int seeded(long)");
    }

    @Test
    void aStaticFactoryOfTheDeclaredTypeMayBeHidden() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(inputs = 2, hidden = 2, outputs = 1)",
              "abstract class Foo {",
              "  static Foo seeded(long seed) {",
              "    return null;",
              "  }",
              "}");
      assertThat(compileStrictly(file)).succeededWithoutWarnings();
    }

    @Test
    void equalsAndHashCodeRedeclaredAbstractInAClass() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(inputs = 2, hidden = 2, outputs = 1)",
              "abstract class Foo {",
              "  @Override",
              "  public abstract boolean equals(Object other);",
              "  @Override",
              "  public abstract int hashCode();",
              "}");
      Compilation c = compile(file);
      assertRejected(c, 2, "test.FooNetwork");
      assertThat(c).hadErrorContaining("[hardwired.abstract-method] @Network type test.Foo has abstract method boolean equals(java.lang.Object)");
      assertThat(c).hadErrorContaining("abstract method int hashCode()");
    }

    @Test
    void anAbstractMethodThatASuperclassImplementsIsFine() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(inputs = 2, hidden = 2, outputs = 1)",
              "abstract class Foo extends Base implements Runnable {}",
              "abstract class Base {",
              "  public void run() {}",
              "}");
      assertThat(compileStrictly(file)).succeededWithoutWarnings();
    }

    @Test
    void aSerializableTypeGivesASerializableClassWithoutAWarning() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(inputs = 2, hidden = 2, outputs = 1)",
              "abstract class Foo implements java.io.Serializable {",
              "  private static final long serialVersionUID = 1L;",
              "}");
      Compilation c = compileStrictly(file);
      assertThat(c).succeededWithoutWarnings();
      assertThat(c).generatedSourceFile("test.FooNetwork").contentsAsUtf8String()
          .contains("private static final long serialVersionUID = 1L;");
    }

    @Test
    void aTypeDeprecatedForRemovalGivesAClassWithoutAWarning() {
      JavaFileObject file =
          source(
              "Foo",
              "@Deprecated(forRemoval = true)",
              "@Network(inputs = 2, hidden = 2, outputs = 1)",
              "interface Foo {}");
      Compilation c = compileStrictly(file);
      assertThat(c).succeededWithoutWarnings();
      assertThat(c).generatedSourceFile("test.FooNetwork").contentsAsUtf8String()
          .contains("@SuppressWarnings(\"removal\")");
    }
  }

  @Nested
  class Names {
    @Test
    void clashWithAnExistingClassInTheSameFile() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1)",
              "interface Foo {}",
              "",
              "class FooNetwork {}");
      Compilation c = compile(file);
      assertRejected(c, 1, "test.FooNetwork");
      assertTypeError(c, file, "name-clash", "the generated class test.FooNetwork would clash with an existing type");
    }

    @Test
    void clashWithAnExistingClassInAnotherFile() {
      JavaFileObject file =
          source("Foo", "@Network(", "    inputs = 2,", "    hidden = 2,", "    outputs = 1)", "interface Foo {}");
      JavaFileObject existing = source("FooNetwork", "public class FooNetwork {}");
      Compilation c = compile(file, existing);
      assertRejected(c, 1);
      assertTypeError(c, file, "name-clash", "test.FooNetwork would clash");
    }

    @Test
    void explicitNameClashingWithAnExistingType() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1,",
              "    name = \"Foo\")",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1);
      assertError(c, file, "name-clash", "test.Foo would clash", "name = \"Foo\")");
    }

    @Test
    void twoDeclarationsWithTheSameName() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1,",
              "    name = \"Shared\") // first",
              "interface Foo {}",
              "",
              "@Network(",
              "    inputs = 3,",
              "    hidden = 2,",
              "    outputs = 1,",
              "    name = \"Shared\") // second",
              "interface Bar {}");
      Compilation c = compile(file);
      assertThat(c).failed();
      assertNoCrash(c);
      assertThat(c).hadErrorCount(1);
      assertError(c, file, "name-clash", "test.Shared would clash", "// second", "\"Shared\"");
      // The first declaration keeps its class; the second gets none.
      assertThat(generated()).containsExactly("test.Shared");
    }

    @Test
    void explicitNameClashingWithAnotherDefaultName() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1)",
              "interface Foo {}",
              "",
              "@Network(",
              "    inputs = 3,",
              "    hidden = 2,",
              "    outputs = 1,",
              "    name = \"FooNetwork\")",
              "interface Bar {}");
      Compilation c = compile(file);
      assertThat(c).failed();
      assertNoCrash(c);
      assertThat(c).hadErrorCount(1);
      assertError(c, file, "name-clash", "test.FooNetwork would clash", "name = \"FooNetwork\")");
      assertThat(generated()).containsExactly("test.FooNetwork");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "my-net", "class", "a.b", "my net", "true", "int"})
    void invalidName(String name) {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1,",
              "    name = \"" + name + "\")",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1);
      assertError(
          c, file, "name", "name = \"" + name + "\" is not a valid Java class name", "name = \"" + name + "\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"var", "yield", "record", "sealed", "permits"})
    void restrictedTypeName(String name) {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1,",
              "    name = \"" + name + "\")",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 1);
      assertError(c, file, "name", "name = \"" + name + "\"", "name = \"" + name + "\")");
    }

    @Test
    void everyProblemOfOneDeclarationIsReported() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 0,",
              "    hidden = {",
              "        4,",
              "        -2},",
              "    outputs = 3,",
              "    activation = {",
              "        Activation.TANH,",
              "        Activation.SOFTMAX,",
              "        Activation.RELU},",
              "    outputActivation = Activation.SOFTMAX,",
              "    loss = Loss.SQUARED_ERROR,",
              "    name = \"1x\")",
              "interface Foo {}");
      Compilation c = compile(file);
      assertRejected(c, 6);
      assertError(c, file, "size", "inputs = 0", "inputs = 0,");
      assertError(c, file, "size", "hidden layer 2 = -2", "        -2},", "-2");
      assertError(c, file, "activation-count", "activation has 3 values for 2 hidden layers", "activation = {", "{");
      assertError(c, file, "softmax-hidden", "hidden layer 2", "        Activation.SOFTMAX,", "Activation.SOFTMAX");
      assertError(c, file, "softmax-loss", "got SQUARED_ERROR", "outputActivation = Activation.SOFTMAX,");
      assertError(c, file, "name", "name = \"1x\"", "name = \"1x\")");
    }

    @Test
    void aBadDeclarationDoesNotStopAGoodOne() {
      JavaFileObject bad =
          source("Bad", "@Network(", "    inputs = 0,", "    hidden = 2,", "    outputs = 1)", "interface Bad {}");
      JavaFileObject good =
          source("Good", "@Network(", "    inputs = 2,", "    hidden = 2,", "    outputs = 1)", "interface Good {}");
      Compilation c = compile(bad, good);
      assertRejected(c, 1, "test.BadNetwork");
      assertError(c, bad, "size", "inputs = 0", "inputs = 0,");
      assertThat(generated()).containsExactly("test.GoodNetwork");
    }
  }

  @Nested
  class UnexpectedFailures {
    @Test
    void aFailedWriteIsAnErrorOnTheDeclarationNotACrash() {
      JavaFileObject file =
          source("Xor", "@Network(", "    inputs = 2,", "    hidden = 2,", "    outputs = 1)", "interface Xor {}");
      processor = RecordingProcessor.failingWrites(new NetworkProcessor());
      Compilation c = javac().withProcessors(processor).compile(file);
      assertThat(c).failed();
      assertThat(c).hadErrorCount(1);
      assertTypeError(
          c, file, "write", "could not write the generated class for test.Xor: No space left on device");
    }
  }

  @Nested
  class UnresolvedValues {
    private void assertOnlyJavacError(Compilation c, JavaFileObject file, String line) {
      assertThat(c).failed();
      assertNoCrash(c);
      for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
        assertWithMessage("errors %s", messages(c)).that(d.getMessage(Locale.ROOT)).doesNotContain("[hardwired.");
      }
      assertThat(c).hadErrorCount(1);
      // javac's own wording differs between JDKs ("cannot find symbol", "must be an enum constant"): the
      // point is one error of javac's, on the value, and none of ours.
      assertThat(c).hadErrorContaining("").inFile(file).onLineContaining(line);
      assertThat(generated()).isEmpty();
    }

    @Test
    void unknownHiddenActivation() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1,",
              "    activation = Activation.NOPE)",
              "interface Foo {}");
      assertOnlyJavacError(compile(file), file, "Activation.NOPE");
    }

    @Test
    void unknownHiddenActivationInArray() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = {2, 2},",
              "    outputs = 1,",
              "    activation = {Activation.TANH, Activation.NOPE})",
              "interface Foo {}");
      assertOnlyJavacError(compile(file), file, "Activation.NOPE");
    }

    @Test
    void unknownOutputActivation() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1,",
              "    outputActivation = Activation.NOPE)",
              "interface Foo {}");
      assertOnlyJavacError(compile(file), file, "Activation.NOPE");
    }

    @Test
    void unknownLoss() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1,",
              "    loss = Loss.NOPE)",
              "interface Foo {}");
      assertOnlyJavacError(compile(file), file, "Loss.NOPE");
    }

    @Test
    void unknownSizeConstant() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = Sizes.INPUTS,",
              "    hidden = 2,",
              "    outputs = 1)",
              "interface Foo {}");
      assertOnlyJavacError(compile(file), file, "Sizes.INPUTS");
    }

    @Test
    void unknownHiddenSizeConstant() {
      JavaFileObject file =
          source(
              "Foo",
              "@Network(",
              "    inputs = 2,",
              "    hidden = {4, HIDDEN},",
              "    outputs = 1)",
              "interface Foo {}");
      assertOnlyJavacError(compile(file), file, "HIDDEN");
    }

    @Test
    void missingRequiredAttribute() {
      JavaFileObject file = source("Foo", "@Network(", "    inputs = 2,", "    hidden = 2)", "interface Foo {}");
      Compilation c = compile(file);
      assertThat(c).failed();
      assertNoCrash(c);
      assertThat(c).hadErrorCount(1);
      assertThat(c).hadErrorContaining("outputs").inFile(file).onLineContaining("@Network(");
      assertThat(generated()).isEmpty();
    }
  }

  @Nested
  class ValidDeclarations {
    private void assertClean(Compilation c, String generatedName) {
      assertWithMessage("diagnostics: %s", c.diagnostics()).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
      assertThat(c).succeededWithoutWarnings();
      assertThat(c).generatedSourceFile(generatedName).isNotNull();
      assertThat(c.generatedSourceFiles()).hasSize(1);
      assertThat(generated()).containsExactly(generatedName);
    }

    @Test
    void interfaceWithDefaultMethod() {
      JavaFileObject file =
          source(
              "Xor",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1)",
              "public interface Xor {",
              "  default boolean isTrue(double a, double b) {",
              "    return predict(new double[] {a, b})[0] > 0.5;",
              "  }",
              "",
              "  double[] predict(double[] input);",
              "}");
      Compilation c = compileStrictly(file);
      assertClean(c, "test.XorNetwork");
      assertThat(c).generatedSourceFile("test.XorNetwork").contentsAsUtf8String().contains("implements Xor");
    }

    @Test
    void abstractClassWithProtectedConstructor() {
      JavaFileObject file =
          source(
              "Xor",
              "@Network(",
              "    inputs = 2,",
              "    hidden = {3, 2},",
              "    outputs = 1,",
              "    activation = {Activation.TANH, Activation.RELU},",
              "    outputActivation = Activation.LOGISTIC,",
              "    loss = Loss.CROSS_ENTROPY)",
              "public abstract class Xor {",
              "  protected Xor() {}",
              "",
              "  public abstract double[] predict(double[] input);",
              "",
              "  public boolean isTrue(double a, double b) {",
              "    return predict(new double[] {a, b})[0] > 0.5;",
              "  }",
              "}");
      Compilation c = compileStrictly(file);
      assertClean(c, "test.XorNetwork");
      assertThat(c).generatedSourceFile("test.XorNetwork").contentsAsUtf8String().contains("extends Xor");
    }

    @Test
    void abstractClassWithImplicitConstructorAndPrivateOverload() {
      JavaFileObject file =
          source(
              "Xor",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1)",
              "abstract class Xor {",
              "  Xor() {",
              "    this(0);",
              "  }",
              "",
              "  private Xor(int ignored) {}",
              "}");
      assertClean(compileStrictly(file), "test.XorNetwork");
    }

    @Test
    void nestedStaticInterface() {
      JavaFileObject file =
          source(
              "Outer",
              "public class Outer {",
              "  @Network(",
              "      inputs = 2,",
              "      hidden = 2,",
              "      outputs = 1)",
              "  public interface Inner {}",
              "}");
      Compilation c = compileStrictly(file);
      assertClean(c, "test.Outer_InnerNetwork");
      assertThat(c)
          .generatedSourceFile("test.Outer_InnerNetwork")
          .contentsAsUtf8String()
          .contains("class Outer_InnerNetwork");
    }

    @Test
    void nestedStaticAbstractClassAndClassInsideInterface() {
      JavaFileObject file =
          source(
              "Outer",
              "interface Outer {",
              "  @Network(",
              "      inputs = 2,",
              "      hidden = 2,",
              "      outputs = 1)",
              "  abstract class Inner {}", // implicitly static inside an interface
              "}");
      assertClean(compileStrictly(file), "test.Outer_InnerNetwork");
    }

    @Test
    void defaultPackage() {
      JavaFileObject file =
          JavaFileObjects.forSourceLines(
              "Xor",
              "import dev.hardwired.Network;",
              "",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1)",
              "interface Xor {}");
      Compilation c = compileStrictly(file);
      assertClean(c, "XorNetwork");
      assertThat(c).generatedSourceFile("XorNetwork").contentsAsUtf8String().doesNotContain("package");
    }

    @Test
    void customName() {
      JavaFileObject file =
          source(
              "Xor",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1,",
              "    name = \"Gate\")",
              "interface Xor {}");
      Compilation c = compileStrictly(file);
      assertClean(c, "test.Gate");
      assertThat(c.generatedSourceFile("test.XorNetwork").isPresent()).isFalse();
    }

    @Test
    void noHiddenLayerAndSoftmax() {
      JavaFileObject file =
          source(
              "Iris",
              "@Network(",
              "    inputs = 4,",
              "    hidden = {},",
              "    outputs = 3,",
              "    outputActivation = Activation.SOFTMAX,",
              "    loss = Loss.SOFTMAX_CROSS_ENTROPY)",
              "interface Iris {}");
      assertClean(compileStrictly(file), "test.IrisNetwork");
    }

    @Test
    void declaredTypeWithANestedMathClass() {
      JavaFileObject file =
          source(
              "Xor",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1,",
              "    activation = Activation.TANH)",
              "public interface Xor {",
              "  final class Math {}",
              "}");
      Compilation c = compileStrictly(file);
      assertClean(c, "test.XorNetwork");
    }

    @Test
    void deprecatedDeclaredType() {
      JavaFileObject file =
          source(
              "Xor",
              "@Deprecated",
              "@Network(",
              "    inputs = 2,",
              "    hidden = 2,",
              "    outputs = 1)",
              "public interface Xor {}");
      Compilation c = compileStrictly(file);
      assertClean(c, "test.XorNetwork");
      assertThat(c).generatedSourceFile("test.XorNetwork").contentsAsUtf8String().contains("@Deprecated");
    }

    @Test
    void releaseEight() {
      JavaFileObject file =
          source(
              "Xor",
              "@Network(",
              "    inputs = 2,",
              "    hidden = {3, 2},",
              "    outputs = 1,",
              "    activation = {Activation.LEAKY_RELU, Activation.IDENTITY})",
              "abstract class Xor {",
              "  protected Xor() {}",
              "}");
      processor = new RecordingProcessor(new NetworkProcessor());
      Compilation c =
          javac()
              .withProcessors(processor)
              .withOptions("--release", "8", "-Xlint:all", "-Xlint:-options", "-Werror")
              .compile(file);
      assertClean(c, "test.XorNetwork");
    }
  }
}
