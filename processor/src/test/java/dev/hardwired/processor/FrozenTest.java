package dev.hardwired.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.hardwired.Activation;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.processor.model.NetworkModel;
import dev.hardwired.processor.testing.ClassFiles;
import dev.hardwired.processor.testing.FrozenCompiler;
import dev.hardwired.processor.testing.GeneratedNetworks;
import dev.hardwired.processor.testing.NetworkChecks;
import dev.hardwired.processor.testing.Spec;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The frozen class computes what the trainable class computes: trained parameters written to a weights
 * file and frozen give the same outputs, bit for bit, in every shape (unrolled, mixed, looped, chunked) and
 * both precisions; it compiles and runs with nothing but the JDK; image-sized networks keep every method
 * under the JIT's limit; and it is safe to share between threads and allocates nothing per prediction.
 */
class FrozenTest {
  private static final Spec LOGISTIC = Spec.OUTPUTS.get(0);
  private static final Spec SOFTMAX = Spec.OUTPUTS.get(6);

  /** The shapes of the parity test: options, and whether in float. */
  static Stream<Arguments> variants() {
    String looped = "-A" + NetworkProcessor.UNROLL_LIMIT_OPTION + "=0";
    String mixed = "-A" + NetworkProcessor.UNROLL_LIMIT_OPTION + "=10";
    return Stream.of(
        Arguments.of("unrolled", new String[0], false),
        Arguments.of("looped", new String[] {looped}, false),
        Arguments.of("mixed", new String[] {mixed}, false),
        Arguments.of("float", new String[0], true),
        Arguments.of("looped float", new String[] {looped}, true),
        Arguments.of("mixed float", new String[] {mixed}, true));
  }

  /**
   * One network per output activation and loss, its hidden layers covering every hidden activation; two
   * without hidden layers; and, shaped by the default rule, a mixed, a looped and a chunked (deep) one.
   */
  static List<Spec> specs(boolean single) {
    List<Spec> specs = new ArrayList<>();
    Activation[] hidden = Spec.HIDDEN.toArray(new Activation[0]);
    for (Spec output : Spec.OUTPUTS) {
      String name = "Net" + specs.size();
      specs.add(output.allowsHiddenLayers() ? output.named(name).shaped(3, Spec.hiddenSizesForEveryActivation(), 2, hidden) : output.named(name).shaped(3, new int[0], 2));
    }
    specs.add(Spec.OUTPUTS.get(4).named("Linear").shaped(4, new int[0], 1));
    specs.add(LOGISTIC.named("Mixed").shaped(30, new int[] {16, 8}, 1, Activation.TANH));
    specs.add(SOFTMAX.named("Digits").shaped(64, new int[] {32}, 10, Activation.LOGISTIC));
    int[] deep = new int[NetworkModel.CHUNK_LAYERS + 2];
    Arrays.fill(deep, 5);
    specs.add(SOFTMAX.named("Deep").shaped(4, deep, 3, Activation.LEAKY_RELU));
    return single ? specs.stream().map(Spec::inFloat).toList() : specs;
  }

  /** The declarations of {@code specs}, each with {@code @Frozen(weights = "<name>.weights", name = "<name>Frozen")}. */
  static String frozenSource(List<Spec> specs) {
    StringBuilder s = new StringBuilder("package test;\n\nimport dev.hardwired.*;\n\npublic final class Networks {\n");
    for (Spec spec : specs) {
      s.append("  @Frozen(weights = \"").append(spec.name()).append(".weights\", name = \"").append(spec.name())
          .append("Frozen\")\n").append(spec.declaration());
    }
    return s.append("}\n").toString();
  }

  /** Trains each of {@code specs} a few steps from random parameters and writes its weights file. */
  static Map<String, byte[]> trainAndSave(List<Spec> specs, GeneratedNetworks trainable, Map<String, Object> networks) {
    Map<String, byte[]> files = new HashMap<>();
    Random random = new Random(11);
    for (Spec spec : specs) {
      Topology t = spec.topology();
      double[] p = NetworkChecks.parameters(t, random);
      if (spec.isFloat()) {
        TrainableFloatNetwork net = trainable.seededFloat(spec.className(), 1);
        net.setParameters(NetworkChecks.narrow(p));
        for (int step = 0; step < 3; step++) {
          net.train(NetworkChecks.narrow(NetworkChecks.input(t, random)), NetworkChecks.narrow(NetworkChecks.target(t, random)), 0.01f);
        }
        files.put("test/" + spec.name() + ".weights", FrozenCompiler.weights(net));
        networks.put(spec.name(), net);
      } else {
        TrainableNetwork net = trainable.seeded(spec.className(), 1);
        net.setParameters(p);
        for (int step = 0; step < 3; step++) {
          net.train(NetworkChecks.input(t, random), NetworkChecks.target(t, random), 0.01);
        }
        files.put("test/" + spec.name() + ".weights", FrozenCompiler.weights(net));
        networks.put(spec.name(), net);
      }
    }
    return files;
  }

  static GeneratedNetworks freeze(List<Spec> specs, Map<String, byte[]> files, String... options) {
    JavaFileObject source = JavaFileObjects.forSourceString("test.Networks", frozenSource(specs));
    List<String> strict = new ArrayList<>(List.of("-Xlint:all", "-Werror"));
    strict.addAll(Arrays.asList(options));
    return GeneratedNetworks.of(FrozenCompiler.compile(FrozenCompiler.folder(files), List.of(source), strict.toArray(new String[0])));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void frozenOutputsAreTheTrainableOutputsBitForBit(String variant, String[] options, boolean single) {
    List<Spec> specs = specs(single);
    Map<String, Object> networks = new HashMap<>();
    Map<String, byte[]> files = trainAndSave(specs, Spec.compile(specs, options), networks);
    GeneratedNetworks frozen = freeze(specs, files, options);
    Random random = new Random(5);
    for (Spec spec : specs) {
      Class<?> type = frozen.load("test." + spec.name() + "Frozen");
      for (int sample = 0; sample < 20; sample++) {
        double[] x = NetworkChecks.input(spec.topology(), random);
        if (single) {
          float[] xf = NetworkChecks.narrow(x);
          float[] expected = ((TrainableFloatNetwork) networks.get(spec.name())).predict(xf);
          assertBitsEqual(expected, (float[]) FrozenCompiler.predict(type, xf), spec + " " + variant);
        } else {
          double[] expected = ((TrainableNetwork) networks.get(spec.name())).predict(x);
          assertBitsEqual(expected, (double[]) FrozenCompiler.predict(type, x), spec + " " + variant);
        }
      }
      // A batch of rows: each row the trainable class's outputs for it.
      double[][] rows = new double[5][];
      for (int r = 0; r < rows.length; r++) {
        rows[r] = NetworkChecks.input(spec.topology(), random);
      }
      try {
        if (single) {
          float[][] narrow = new float[rows.length][];
          for (int r = 0; r < rows.length; r++) {
            narrow[r] = NetworkChecks.narrow(rows[r]);
          }
          float[][] outputs = new float[rows.length][spec.topology().outputs()];
          type.getMethod("predict", float[][].class, float[][].class).invoke(null, narrow, outputs);
          for (int r = 0; r < rows.length; r++) {
            float[] expected = ((TrainableFloatNetwork) networks.get(spec.name())).predict(narrow[r]);
            assertBitsEqual(expected, outputs[r], spec + " " + variant + ", batch row " + r);
          }
        } else {
          double[][] outputs = new double[rows.length][spec.topology().outputs()];
          type.getMethod("predict", double[][].class, double[][].class).invoke(null, rows, outputs);
          for (int r = 0; r < rows.length; r++) {
            double[] expected = ((TrainableNetwork) networks.get(spec.name())).predict(rows[r]);
            assertBitsEqual(expected, outputs[r], spec + " " + variant + ", batch row " + r);
          }
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(spec + ": batched predict", e);
      }
    }
    for (String name : frozen.networkClasses()) {
      assertMethodsUnderTheJitLimit(frozen, name);
    }
  }

  static void assertBitsEqual(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int k = 0; k < expected.length; k++) {
      assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]), what + " output " + k + ": " + expected[k] + " " + actual[k]);
    }
  }

  static void assertBitsEqual(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int k = 0; k < expected.length; k++) {
      assertEquals(Float.floatToRawIntBits(expected[k]), Float.floatToRawIntBits(actual[k]), what + " output " + k + ": " + expected[k] + " " + actual[k]);
    }
  }

  /** Every method of {@code className} and of its nested classes under 8,000 bytes of bytecode. */
  static void assertMethodsUnderTheJitLimit(GeneratedNetworks compiled, String className) {
    for (String name : List.of(className, className + "$Scratch")) {
      byte[] classFile;
      try {
        classFile = compiled.classFile(name);
      } catch (AssertionError e) {
        continue; // a frozen class without looped layers has no scratch
      }
      for (Map.Entry<String, Integer> method : ClassFiles.codeLengths(classFile).entrySet()) {
        assertTrue(method.getValue() < NetworkModel.METHOD_BYTES_LIMIT, name + "." + method.getKey() + " has " + method.getValue() + " bytes");
      }
    }
  }

  // ---------------------------------------------------------------- nothing but the JDK

  @Test
  void compilesAndRunsWithNothingButTheJdk() throws Exception {
    List<Spec> doubles = List.of(LOGISTIC.named("Small").shaped(2, new int[] {2}, 1, Activation.LOGISTIC), SOFTMAX.named("Digits").shaped(64, new int[] {32}, 10, Activation.RELU), LOGISTIC.named("Mixed").shaped(30, new int[] {16, 8}, 1, Activation.TANH));
    List<Spec> floats = List.of(SOFTMAX.named("FloatDigits").shaped(64, new int[] {32}, 10, Activation.LEAKY_RELU).inFloat());
    for (List<Spec> specs : List.of(doubles, floats)) {
      Map<String, Object> networks = new HashMap<>();
      Map<String, byte[]> files = trainAndSave(specs, Spec.compile(specs), networks);
      // As a build for Java 8 makes it (so without @Generated, which Java 8 lacks).
      GeneratedNetworks frozen = freeze(specs, files, "--release", "8", "-Xlint:-options");
      for (Spec spec : specs) {
        String name = "test." + spec.name() + "Frozen";
        String source = frozen.compilation().generatedSourceFile(name).orElseThrow().getCharContent(false).toString();
        Map<String, byte[]> classes = FrozenCompiler.compileWithJdkOnly(name, source);
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
          assertEquals(52, ((c.getValue()[6] & 0xff) << 8) | (c.getValue()[7] & 0xff), c.getKey() + " is Java 8 bytecode");
          for (String text : ClassFiles.utf8Constants(c.getValue())) {
            assertTrue(!text.contains("dev/hardwired") && !text.contains("dev.hardwired"), c.getKey() + " refers to " + text);
          }
        }
        // The processor's own class file says the same as the one compiled alone.
        for (String text : ClassFiles.utf8Constants(frozen.classFile(name))) {
          assertTrue(!text.contains("dev/hardwired"), name + " refers to " + text);
        }
        ClassLoader jdkOnly = FrozenCompiler.jdkOnlyLoader(classes);
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.hardwired.Network", false, jdkOnly));
        Class<?> type = Class.forName(name, true, jdkOnly);
        Random random = new Random(3);
        for (int sample = 0; sample < 10; sample++) {
          double[] x = NetworkChecks.input(spec.topology(), random);
          if (spec.isFloat()) {
            float[] xf = NetworkChecks.narrow(x);
            assertBitsEqual(((TrainableFloatNetwork) networks.get(spec.name())).predict(xf), (float[]) FrozenCompiler.predict(type, xf), name);
          } else {
            assertBitsEqual(((TrainableNetwork) networks.get(spec.name())).predict(x), (double[]) FrozenCompiler.predict(type, x), name);
          }
        }
        assertChecksLikeTheRuntime(type, spec);
      }
    }
  }

  /** Wrong inputs get the runtime's messages, from checks written into the class. */
  private static void assertChecksLikeTheRuntime(Class<?> type, Spec spec) throws Exception {
    Class<?> array = spec.isFloat() ? float[].class : double[].class;
    Method predict = type.getMethod("predict", array, array);
    Object input = java.lang.reflect.Array.newInstance(array.getComponentType(), spec.inputs());
    Object output = java.lang.reflect.Array.newInstance(array.getComponentType(), spec.outputs());
    Object shortInput = java.lang.reflect.Array.newInstance(array.getComponentType(), spec.inputs() + 1);
    assertEquals("input has " + (spec.inputs() + 1) + " values; expected " + spec.inputs(), failure(predict, shortInput, output));
    java.lang.reflect.Array.set(input, spec.inputs() - 1, spec.isFloat() ? (Object) Float.NaN : (Object) Double.NaN);
    assertEquals("input[" + (spec.inputs() - 1) + "] is NaN; expected a finite number", failure(predict, input, output));
    Object finite = java.lang.reflect.Array.newInstance(array.getComponentType(), spec.inputs());
    assertEquals("output is null; expected " + spec.outputs() + " values", failure(predict, finite, null));
  }

  private static String failure(Method method, Object... arguments) throws IllegalAccessException {
    try {
      method.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      assertTrue(e.getCause() instanceof IllegalArgumentException, String.valueOf(e.getCause()));
      return e.getCause().getMessage();
    }
    throw new AssertionError("no exception");
  }

  // ---------------------------------------------------------------- large networks

  /**
   * 784-128-10 and 3072-200-10, double and float: no method reaches the JIT's limit, the class loads, and it
   * predicts what the trainable class does, bit for bit. Prints the class-file sizes and the time the
   * static initializer takes (docs/frozen.md quotes them).
   */
  @Test
  void imageSizedNetworksFitTheClassFileAndPredictLikeTheTrainableClass() throws Exception {
    List<Spec> specs =
        List.of(
            SOFTMAX.named("Mnist").shaped(784, new int[] {128}, 10, Activation.RELU),
            SOFTMAX.named("Cifar").shaped(3072, new int[] {200}, 10, Activation.TANH),
            SOFTMAX.named("FloatMnist").shaped(784, new int[] {128}, 10, Activation.RELU).inFloat());
    long start = System.nanoTime();
    Map<String, Object> networks = new HashMap<>();
    Map<String, byte[]> files = trainAndSave(specs, Spec.compile(specs), networks);
    long trained = System.nanoTime();
    GeneratedNetworks frozen = freeze(specs, files);
    long compiled = System.nanoTime();
    System.out.printf("frozen image-sized networks: trainable compiled and trained in %.1f s, frozen compiled in %.1f s%n", (trained - start) / 1e9, (compiled - trained) / 1e9);
    for (Spec spec : specs) {
      String name = "test." + spec.name() + "Frozen";
      assertMethodsUnderTheJitLimit(frozen, name);
      byte[] classFile = frozen.classFile(name);
      assertTrue(ClassFiles.constantPoolSize(classFile) < 65_535);
      int source = frozen.compilation().generatedSourceFile(name).orElseThrow().getCharContent(false).length();
      long before = System.nanoTime();
      Class<?> type = Class.forName(name, true, frozen.load(name).getClassLoader());
      long initialised = System.nanoTime();
      System.out.printf(
          "%s (%s, %,d parameters): class file %,d bytes (+ Scratch %,d), constant pool %,d entries, source %,d chars, static initializer %.1f ms%n",
          name, spec.isFloat() ? "float" : "double", spec.topology().parameterCount(), classFile.length,
          frozen.classFile(name + "$Scratch").length, ClassFiles.constantPoolSize(classFile), source, (initialised - before) / 1e6);
      Random random = new Random(17);
      for (int sample = 0; sample < 5; sample++) {
        double[] x = NetworkChecks.input(spec.topology(), random);
        if (spec.isFloat()) {
          float[] xf = NetworkChecks.narrow(x);
          assertBitsEqual(((TrainableFloatNetwork) networks.get(spec.name())).predict(xf), (float[]) FrozenCompiler.predict(type, xf), name);
        } else {
          assertBitsEqual(((TrainableNetwork) networks.get(spec.name())).predict(x), (double[]) FrozenCompiler.predict(type, x), name);
        }
      }
    }
  }

  // ---------------------------------------------------------------- threads and allocation

  @Test
  void sharedBetweenThreadsAndAllocatesNothing() throws Throwable {
    Spec spec = SOFTMAX.named("Digits").shaped(64, new int[] {32, 16}, 10, Activation.TANH);
    Topology t = spec.topology();
    ReferenceNetwork reference = new ReferenceNetwork(t);
    reference.setParameters(NetworkChecks.parameters(t, new Random(2)));
    GeneratedNetworks frozen = freeze(List.of(spec), Map.of("test/Digits.weights", FrozenCompiler.weights(reference)));
    Class<?> type = frozen.load("test.DigitsFrozen");
    MethodHandle predict = MethodHandles.publicLookup().findStatic(type, "predict", MethodType.methodType(void.class, double[].class, double[].class));
    Random random = new Random(9);
    double[][] inputs = new double[64][];
    double[][] expected = new double[inputs.length][];
    for (int s = 0; s < inputs.length; s++) {
      inputs[s] = NetworkChecks.input(t, random);
      expected[s] = (double[]) FrozenCompiler.predict(type, inputs[s]);
    }
    // Eight threads at once, each with its own scratch and its own output: every result is the one of a lone thread.
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        results.add(
            pool.submit(
                () -> {
                  double[] output = new double[t.outputs()];
                  for (int round = 0; round < 500; round++) {
                    for (int s = 0; s < inputs.length; s++) {
                      predictExactly(predict, inputs[s], output);
                      if (!Arrays.equals(expected[s], output)) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get(), "a thread saw another's values");
      }
    } finally {
      pool.shutdown();
    }
    double[] output = new double[t.outputs()];
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    for (int n = 0; n < 20_000; n++) {
      predictExactly(predict, inputs[n % inputs.length], output);
    }
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int n = 0; n < 10_000; n++) {
      predictExactly(predict, inputs[n % inputs.length], output);
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertTrue(allocated < 10_000, allocated + " bytes allocated in 10,000 predictions");
  }

  @Test
  void batchesAreCheckedBeforeAnyOutputIsWrittenAndAllocateNothing() throws Throwable {
    Spec looped = SOFTMAX.named("Digits").shaped(64, new int[] {32, 16}, 10, Activation.TANH);
    Spec small = SOFTMAX.named("Small").shaped(4, new int[] {3}, 3, Activation.TANH);
    Map<String, byte[]> files = new HashMap<>();
    for (Spec spec : List.of(looped, small)) {
      ReferenceNetwork reference = new ReferenceNetwork(spec.topology());
      reference.setParameters(NetworkChecks.parameters(spec.topology(), new Random(2)));
      files.put("test/" + spec.name() + ".weights", FrozenCompiler.weights(reference));
    }
    GeneratedNetworks frozen = freeze(List.of(looped, small), files);
    for (Spec spec : List.of(looped, small)) {
      Topology t = spec.topology();
      Class<?> type = frozen.load("test." + spec.name() + "Frozen");
      MethodHandle predict =
          MethodHandles.publicLookup()
              .findStatic(type, "predict", MethodType.methodType(void.class, double[][].class, double[][].class));
      Random random = new Random(4);
      double[][] inputs = new double[7][];
      for (int r = 0; r < inputs.length; r++) {
        inputs[r] = NetworkChecks.input(t, random);
      }
      double[][] outputs = new double[7][t.outputs()];
      inputs[6][t.inputs() - 1] = Double.NaN;
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> predict.invoke(inputs, outputs));
      assertEquals("inputs[6][" + (t.inputs() - 1) + "] is NaN; expected a finite number", e.getMessage());
      for (double[] row : outputs) {
        assertArrayEquals(new double[t.outputs()], row, spec + ": an output written before the check");
      }
      inputs[6][t.inputs() - 1] = 0.5;
      e = assertThrows(IllegalArgumentException.class, () -> predict.invoke(inputs, new double[6][]));
      assertEquals("outputs has 6 rows; expected 7, one per row of inputs", e.getMessage());
      double[][] shortRow = new double[7][t.outputs()];
      shortRow[3] = new double[1];
      e = assertThrows(IllegalArgumentException.class, () -> predict.invoke(inputs, shortRow));
      assertEquals("outputs[3] has 1 values; expected " + t.outputs(), e.getMessage());
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
      for (int n = 0; n < 5_000; n++) {
        predict.invokeExact(inputs, outputs);
      }
      long id = Thread.currentThread().getId();
      long before = threads.getThreadAllocatedBytes(id);
      for (int n = 0; n < 5_000; n++) {
        predict.invokeExact(inputs, outputs);
      }
      long allocated = threads.getThreadAllocatedBytes(id) - before;
      assertTrue(allocated < 10_000, spec + ": " + allocated + " bytes allocated in 5,000 batches");
    }
  }

  private static void predictExactly(MethodHandle predict, double[] input, double[] output) {
    try {
      predict.invokeExact(input, output);
    } catch (Throwable e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aScratchOfTheCallersOwn() throws Exception {
    Spec spec = LOGISTIC.named("Wide").shaped(20, new int[] {40}, 2, Activation.RELU);
    ReferenceNetwork reference = new ReferenceNetwork(spec.topology());
    reference.setParameters(NetworkChecks.parameters(spec.topology(), new Random(4)));
    GeneratedNetworks frozen = freeze(List.of(spec), Map.of("test/Wide.weights", FrozenCompiler.weights(reference)));
    Class<?> type = frozen.load("test.WideFrozen");
    Class<?> scratchType = frozen.load("test.WideFrozen$Scratch");
    Object scratch = scratchType.getConstructor().newInstance();
    Method predict = type.getMethod("predict", double[].class, double[].class, scratchType);
    double[] x = NetworkChecks.input(spec.topology(), new Random(1));
    double[] output = new double[2];
    predict.invoke(null, x, output, scratch);
    assertBitsEqual((double[]) FrozenCompiler.predict(type, x), output, "with the caller's scratch");
    assertEquals("scratch is null", failure(predict, x, output, null));
  }

  @Test
  void generatedLinesFitInOneHundredColumns() throws IOException {
    List<Spec> specs = specs(false);
    Map<String, Object> networks = new HashMap<>();
    Compilation compilation = freeze(specs, trainAndSave(specs, Spec.compile(specs), networks)).compilation();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String[] lines = file.getCharContent(false).toString().split("\n");
      for (int i = 0; i < lines.length; i++) {
        assertTrue(lines[i].length() <= 100, file.getName() + " line " + (i + 1) + ": " + lines[i]);
      }
    }
  }
}
