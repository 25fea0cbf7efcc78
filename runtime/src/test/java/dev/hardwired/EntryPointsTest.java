package dev.hardwired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hardwired.data.Csv;
import dev.hardwired.data.DataSet;
import dev.hardwired.data.Metrics;
import dev.hardwired.data.MinMaxScaler;
import dev.hardwired.data.Standardizer;
import dev.hardwired.io.Onnx;
import dev.hardwired.io.WeightsFile;
import dev.hardwired.reference.ReferenceNetwork;
import dev.hardwired.train.ConsoleProgress;
import dev.hardwired.train.LearningRateSchedule;
import dev.hardwired.train.Optimizer;
import dev.hardwired.train.ShuffledFloatNet;
import dev.hardwired.train.Trainer;
import dev.hardwired.train.TrainingDivergedException;
import dev.hardwired.train.TrainingHistory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input at every public entry point of the runtime, found by reflection so that a new method is held to
 * the same rule the day it is added. For every public constructor and method of every public class under
 * {@code src/main/java}, the test finds a call with valid arguments from a registry of examples per type,
 * then, one parameter at a time, replaces that argument by each bad value of its type: null, an empty or a
 * longer array, an array with a null row, a ragged row, a NaN, an infinity or a negative element, a list
 * with a null element, a NaN or infinite number, a negative int or 0. Each such call must throw an {@link
 * IllegalArgumentException} (or, for an int, the {@link IndexOutOfBoundsException} of an index out of range,
 * as {@code List.get} throws) whose message shows the value given ("null", "NaN", "Infinity", "-1", the
 * wrong length, ...), and must change nothing: the receiver and every other argument read the same, deep,
 * field by field, before and after.
 *
 * <p>An array that the valid call writes into is an output buffer: its length is checked, its contents
 * are not. The few parameters where a bad-looking value is allowed are in {@link #ALLOWED}, with the reason.
 */
class EntryPointsTest {
  @TempDir static Path dir;

  /** 2 inputs → 3 hidden (tanh) → 2 outputs (softmax), cross-entropy: 17 parameters. */
  static final Topology TOPOLOGY =
      Topology.of(2, new int[] {3}, 2, new Activation[] {Activation.TANH}, Activation.SOFTMAX,
          Loss.SOFTMAX_CROSS_ENTROPY);

  static final double[][] INPUTS = {{0.5, 0.25}, {-0.5, 1}, {1, 0}, {0, 0.5}};
  static final int[] LABELS = {0, 1, 1, 0};
  static final double[][] TARGETS = {{1, 0}, {0, 1}, {0, 1}, {1, 0}};
  static final String NUMERIC = "0.5,0.25,0\n-0.5,1,1\n1,0,1\n0,0.5,0\n";
  static final String SKLEARN = "4,2,a,b\n" + NUMERIC;
  static final String NAMED = "x1,x2,label\n0.5,0.25,a\n-0.5,1,b\n1,0,b\n0,0.5,a\n";

  /**
   * Parameters where a value the test calls bad is allowed: a pattern over {@code
   * Class.method(types)#index:kind} and the reason. Keep it short and honest.
   */
  static final Map<String, String> ALLOWED = new LinkedHashMap<>();

  static {
    ALLOWED.put("Activation\\.(apply|derivative|erf)\\(double(,double)?\\)#[01]:number",
        "a pure function of one number in the reference network's innermost loop: like Math.exp, NaN in gives"
            + " NaN out and an infinity its limit; a step that diverges is caught on its loss");
    ALLOWED.put(".*\\.(loss|accumulateGradient|requireBatch)\\(.*,int\\[\\],int,int.*#2:length",
        "the indices: a batch is the window from..to of a permutation that may be longer");
    ALLOWED.put(".*\\.bind\\(.*#1:number", "the gradient arrays: a work buffer that each step fills before reading");
    ALLOWED.put("(OneHot\\.(argmax|decode)|CsvTable\\.className)\\(.*#0:number",
        "documented: NaN loses to any number, an infinity is the largest or smallest value");
    ALLOWED.put("OneHot\\.(argmax|decode)\\(.*#0:length", "any number of values: the length is the class count");
    ALLOWED.put("OneHot\\.encode\\(int,double\\[\\]\\)#1:length", "the output's length is the class count");
    ALLOWED.put("OneHot\\.encode\\(int\\[\\],int\\)#0:(length|empty)", "any number of labels, none included");
    ALLOWED.put("Activation\\.softmax\\(.*#0:number", "as apply: a pure function in the reference network's loop");
    ALLOWED.put(".*\\.(loss|accumulateGradient|requireBatch)\\(.*,int\\[\\],int,int.*#2:null",
        "documented: null indices take the rows from..to in order");
    ALLOWED.put("CsvReader\\.(label\\(int\\)#0|targets\\(int\\[\\]\\)#0):negative",
        "documented: a negative column index counts from the end, −1 being the last");
    ALLOWED.put("(Optimizer|Sgd|Adam|RmsProp)\\.clipNorm\\(double\\)#0:number", "documented: +∞ turns clipping off");
    ALLOWED.put("Trainer\\.targetLoss\\(double\\)#0:number", "documented: −∞, the default, is no target (+∞ and NaN are refused)");
    ALLOWED.put("Trainer\\.train\\(.*,DataSet,DataSet\\)#2:null", "no validation set, as train(network, training) passes");
    ALLOWED.put("ConsoleProgress\\.(named\\(String\\)#0|started\\(int,String\\)#1):null",
        "documented: a null label or description prints none");
    ALLOWED.put("DataSet\\.of\\(.*,List\\)#2:empty", "documented: no class names make a set without classes");
    ALLOWED.put("Topology\\.of\\(.*#1:(empty|length)",
        "documented: no hidden size is a network without a hidden layer; one activation serves every hidden layer");
    ALLOWED.put("Sweep\\.run\\(.*#0:empty", "no tasks, no results, as ExecutorService.invokeAll");
    ALLOWED.put("StepTrace\\.of\\(.*#[5-9]:number",
        "the parameters and values the step computed, recorded as they are: an overflow is what a trace shows");
    // Zero is a bad count but a good index: the indices from 0.
    ALLOWED.put("(ClassificationReport|DataSet|StepTrace|Topology|Weights)\\.\\w+\\(int(,int)?\\)#\\d:zero",
        "an index, counted from 0");
    ALLOWED.put("(OneHot\\.encode|CsvReader\\.label)\\(int.*#0:zero", "class 0, column 0: indices from 0");
    ALLOWED.put("LearningRateSchedule\\.rate\\(int,int\\)#0:zero", "documented: epochs count from 0");
    ALLOWED.put(".*\\.(loss|accumulateGradient|requireBatch)\\(.*,int\\[\\],int,int.*#[34]:zero",
        "from and to: positions from 0, and 0..0 is a batch of nothing");
    ALLOWED.put("Checks\\.requireLength\\(.*#0:number", "checks the length alone; requireFinite checks values");
    ALLOWED.put("Checks\\.requireShape\\(.*#\\d:number", "checks the shape alone, of the network's own arrays");
    ALLOWED.put("Checks\\.requirePredictions\\(.*#1:number", "the outputs: a buffer that is written, not read");
    ALLOWED.put("Checks\\.require.*String\\)#\\d:null", "the name a message gives the value, from generated code");
    ALLOWED.put("Checks\\.diverged\\(double\\)#0:number", "makes the exception for a loss that is not finite");
  }

  /** Abstract methods of these interfaces have no runtime implementation to check, only callers' or generated. */
  static final Map<Class<?>, String> NOT_RUNTIME = new HashMap<>();

  static {
    NOT_RUNTIME.put(dev.hardwired.io.AtomicFile.Content.class, "the content a caller writes");
    NOT_RUNTIME.put(TrainableFloatNetwork.class, "implemented by generated float networks alone");
    NOT_RUNTIME.put(FloatPredictor.class, "implemented by generated float networks alone");
    NOT_RUNTIME.put(dev.hardwired.train.TrainingListener.class,
        "callbacks the trainer calls with its own values; the defaults do nothing (ConsoleProgress's are checked)");
  }

  static Path weightsFile;
  static Path onnxFile;
  static Path numericFile;
  static Path sklearnFile;
  static Path namedFile;
  static Path checkpointFile;
  static byte[] weightsBytes;
  static Path floatWeightsFile;
  static Path floatOnnxFile;
  static byte[] floatWeightsBytes;
  static byte[] floatOnnxBytes;
  static byte[] onnxBytes;
  static TrainingHistory history;
  static TrainingDivergedException diverged;
  static int fresh;

  @BeforeAll
  static void files() throws IOException {
    weightsFile = dir.resolve("net.weights");
    WeightsFile.save(network(), weightsFile);
    weightsBytes = Files.readAllBytes(weightsFile);
    onnxFile = dir.resolve("net.onnx");
    Onnx.save(network(), onnxFile);
    onnxBytes = Files.readAllBytes(onnxFile);
    floatWeightsFile = dir.resolve("float.weights");
    WeightsFile.save(floatNetwork(), floatWeightsFile);
    floatWeightsBytes = Files.readAllBytes(floatWeightsFile);
    floatOnnxFile = dir.resolve("float.onnx");
    Onnx.save(floatNetwork(), floatOnnxFile);
    floatOnnxBytes = Files.readAllBytes(floatOnnxFile);
    numericFile = Files.write(dir.resolve("numeric.csv"), NUMERIC.getBytes(StandardCharsets.UTF_8));
    sklearnFile = Files.write(dir.resolve("sklearn.csv"), SKLEARN.getBytes(StandardCharsets.UTF_8));
    namedFile = Files.write(dir.resolve("named.csv"), NAMED.getBytes(StandardCharsets.UTF_8));
    checkpointFile = dir.resolve("run.checkpoint");
    history = Trainer.create().epochs(2).checkpoint(checkpointFile, 1).train(network(), dataSet());
    try {
      // An input so large that SpreA overflows: the loss is infinite before any update.
      Topology linear = Topology.of(2, new int[0], 1, new Activation[0], Activation.IDENTITY, Loss.SQUARED_ERROR);
      Trainer.create().epochs(1).train(ReferenceNetwork.seeded(linear, 1),
          DataSet.of(new double[][] {{1e308, 1e308}}, new double[][] {{1}}));
      fail("an overflowing input should diverge");
    } catch (TrainingDivergedException e) {
      diverged = e;
    }
  }

  static ReferenceNetwork network() {
    return ReferenceNetwork.seeded(TOPOLOGY, 7);
  }

  static ShuffledFloatNet floatNetwork() {
    return ShuffledFloatNet.seeded(TOPOLOGY, 7);
  }

  static DataSet dataSet() {
    return DataSet.classification(copy(INPUTS), LABELS.clone(), Arrays.asList("a", "b"));
  }

  static double[][] copy(double[][] rows) {
    return Arrays.stream(rows).map(double[]::clone).toArray(double[][]::new);
  }

  static double[][] layers() {
    return new double[][] {{0.1, -0.2, 0.3}, {0.4, -0.5}};
  }

  static double[][] gradientArrays() {
    double[][] shape = network().parameterArrays();
    return Arrays.stream(shape).map(a -> new double[a.length]).toArray(double[][]::new);
  }

  static Path freshPath() {
    return dir.resolve("fresh-" + (fresh++));
  }

  static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // ---- valid examples, per type, tried in order until a call succeeds -------------------------------

  static final Map<Class<?>, List<Supplier<Object>>> EXAMPLES = new HashMap<>();
  static final Map<String, List<Supplier<Object>>> GENERIC_EXAMPLES = new HashMap<>();
  /** Receivers of instance methods, per declaring class. */
  static final Map<Object, Supplier<Object>> RECEIVERS = new HashMap<>();

  @SafeVarargs
  static void example(Class<?> type, Supplier<Object>... values) {
    EXAMPLES.put(type, Arrays.asList(values));
  }

  static {
    example(double[].class, () -> new double[] {1, 0}, () -> network().parameters(), () -> new double[] {2, 3},
        () -> new double[] {0.5, -0.25, 0.25});
    example(double[][].class, () -> copy(INPUTS), () -> copy(TARGETS), EntryPointsTest::gradientArrays,
        EntryPointsTest::layers);
    example(int[].class, () -> LABELS.clone(), () -> new int[] {2}, () -> new int[] {0, 1, 2, 3});
    example(int[][].class, () -> new int[][] {{2, 0}, {1, 1}});
    example(int.class, () -> 1, () -> 2, () -> 0);
    example(long.class, () -> 42L);
    example(Object.class, () -> "a value");
    example(boolean.class, () -> true, () -> false);
    example(double.class, () -> 0.5, () -> 1.0, () -> 0.1);
    example(float.class, () -> 0.5f, () -> 1.0f, () -> 0.1f);
    example(String.class, () -> "a", () -> "label", () -> "x1");
    example(String[].class, () -> new String[] {"a", "b"}, () -> new String[] {"label"}, () -> new String[] {"x1"});
    example(Activation.class, () -> Activation.TANH, () -> Activation.SOFTMAX);
    example(Activation[].class, () -> new Activation[] {Activation.TANH});
    example(Loss.class, () -> Loss.SOFTMAX_CROSS_ENTROPY);
    example(Precision.class, () -> Precision.DOUBLE, () -> Precision.FLOAT);
    example(Topology.class, () -> TOPOLOGY);
    example(TrainableNetwork.class, EntryPointsTest::network);
    example(Predictor.class, EntryPointsTest::network);
    example(TrainableFloatNetwork.class, EntryPointsTest::floatNetwork);
    example(DataSet.class, EntryPointsTest::dataSet);
    example(Path.class, EntryPointsTest::freshPath, () -> weightsFile, () -> onnxFile, () -> numericFile,
        () -> sklearnFile, () -> namedFile, () -> checkpointFile, () -> floatWeightsFile, () -> floatOnnxFile);
    example(InputStream.class, () -> stream(weightsBytes), () -> stream(onnxBytes), () -> stream(utf8(NUMERIC)),
        () -> stream(utf8(SKLEARN)), () -> stream(utf8(NAMED)), () -> stream(floatWeightsBytes),
        () -> stream(floatOnnxBytes));
    example(Reader.class, () -> new StringReader(NUMERIC), () -> new StringReader(SKLEARN),
        () -> new StringReader(NAMED));
    example(OutputStream.class, ByteArrayOutputStream::new);
    example(PrintStream.class, () -> new PrintStream(new ByteArrayOutputStream(), true));
    example(Optimizer.class, Optimizer::sgd);
    example(LearningRateSchedule.class, () -> LearningRateSchedule.constant(0.1));
    example(dev.hardwired.train.TrainingListener.class, () -> ConsoleProgress.to(quiet(), false));
    example(Predicate.class, () -> (Predicate<TrainingHistory>) h -> false);
    example(TrainingHistory.class, () -> history);
    example(dev.hardwired.train.EpochRecord.class, () -> history.last());
    example(TrainingDivergedException.class, () -> diverged);
    example(dev.hardwired.io.AtomicFile.Content.class,
        () -> (dev.hardwired.io.AtomicFile.Content) out -> out.write(utf8("content\n")));
    GENERIC_EXAMPLES.put("java.util.List<java.lang.String>", Arrays.asList(() -> new ArrayList<>(Arrays.asList("a", "b"))));
    GENERIC_EXAMPLES.put("java.util.List<? extends java.util.concurrent.Callable<T>>",
        Arrays.asList(() -> new ArrayList<>(Arrays.asList((Callable<Integer>) () -> 1, (Callable<Integer>) () -> 2))));

    RECEIVERS.put(ReferenceNetwork.class, EntryPointsTest::network);
    RECEIVERS.put(TrainableNetwork.class, EntryPointsTest::network);
    RECEIVERS.put(Predictor.class, EntryPointsTest::network);
    RECEIVERS.put(TrainableFloatNetwork.class, EntryPointsTest::floatNetwork);
    RECEIVERS.put(FloatPredictor.class, EntryPointsTest::floatNetwork);
    RECEIVERS.put(Topology.class, () -> TOPOLOGY);
    RECEIVERS.put(Loss.class, () -> Loss.SOFTMAX_CROSS_ENTROPY);
    RECEIVERS.put(Activation.class, () -> Activation.TANH);
    // Squared error, so that the trace has final errors.
    RECEIVERS.put(StepTrace.class, () -> ReferenceNetwork.seeded(Topology.of(2, new int[] {3}, 2,
        new Activation[] {Activation.TANH}, Activation.LOGISTIC, Loss.SQUARED_ERROR), 7)
        .trace(new double[] {1, 0}, new double[] {0, 1}, 0.5));
    RECEIVERS.put(GradientCheck.class, () -> GradientCheck.sampled(5, 1));
    RECEIVERS.put(GradientCheck.Report.class, () -> GradientCheck.check(network(), new double[] {1, 0},
        new double[] {0, 1}));
    RECEIVERS.put(dev.hardwired.data.ClassificationReport.class,
        () -> Metrics.classificationReport(network(), dataSet()));
    RECEIVERS.put(dev.hardwired.data.CsvReader.class, Csv::reader);
    RECEIVERS.put("CsvReader.read", () -> Csv.reader().label("label"));
    RECEIVERS.put(dev.hardwired.data.CsvTable.class, () -> {
      try {
        return Csv.reader().label("label").read(new StringReader(NAMED));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    RECEIVERS.put(DataSet.class, EntryPointsTest::dataSet);
    RECEIVERS.put(DataSet.Split.class, () -> dataSet().split(0.5));
    RECEIVERS.put(MinMaxScaler.class, () -> MinMaxScaler.fit(dataSet()));
    RECEIVERS.put(Standardizer.class, () -> Standardizer.fit(dataSet()));
    RECEIVERS.put(dev.hardwired.io.OnnxModel.class, () -> {
      try {
        return Onnx.read(onnxFile);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    RECEIVERS.put(dev.hardwired.io.Weights.class, () -> {
      try {
        return WeightsFile.read(weightsFile);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    RECEIVERS.put(Optimizer.class, Optimizer::sgd);
    RECEIVERS.put(dev.hardwired.train.Sgd.class, Optimizer::sgd);
    RECEIVERS.put(dev.hardwired.train.Adam.class, Optimizer::adam);
    RECEIVERS.put(dev.hardwired.train.RmsProp.class, Optimizer::rmsProp);
    RECEIVERS.put(dev.hardwired.train.OptimizerState.class,
        () -> Optimizer.adam().bind(network().parameterArrays(), gradientArrays()));
    RECEIVERS.put(ConsoleProgress.class, () -> ConsoleProgress.to(quiet(), false));
    RECEIVERS.put(dev.hardwired.train.TrainingListener.class, () -> ConsoleProgress.to(quiet(), false));
    RECEIVERS.put(LearningRateSchedule.class, () -> LearningRateSchedule.constant(0.1));
    RECEIVERS.put(Trainer.class, () -> Trainer.create().epochs(2));
    RECEIVERS.put(TrainingHistory.class, () -> history);
    RECEIVERS.put(dev.hardwired.train.EpochRecord.class, () -> history.last());
  }

  static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true);
  }

  /** Valid arguments for methods whose arguments must fit each other beyond what the search finds. */
  static final Map<String, Supplier<Object[]>> VALID_CALLS = new HashMap<>();

  static {
    VALID_CALLS.put("StepTrace.of(Topology,double[],double[],double,double,double[],double[],double[][],double[][],double[][])",
        () -> new Object[] {TOPOLOGY, new double[] {1, 0}, new double[] {0, 1}, 0.5, 0.25,
            network().parameters(), network().parameters(), layers(), layers(), layers()});
    VALID_CALLS.put("StepTrace.of(Topology,float[],float[],float,float,float[],float[],float[][],float[][],float[][])",
        () -> new Object[] {TOPOLOGY, new float[] {1, 0}, new float[] {0, 1}, 0.5f, 0.25f,
            toFloat(network().parameters()), toFloat(network().parameters()), toFloat(layers()), toFloat(layers()),
            toFloat(layers())});
  }

  static {
    // Batches over every row, so that a bad row is in the batch.
    int[] all = {0, 1, 2, 3};
    VALID_CALLS.put("TrainableNetwork.loss(double[][],double[][],int[],int,int)",
        () -> new Object[] {copy(INPUTS), copy(TARGETS), all.clone(), 0, 4});
    VALID_CALLS.put("TrainableNetwork.accumulateGradient(double[][],double[][],int[],int,int,double[][])",
        () -> new Object[] {copy(INPUTS), copy(TARGETS), all.clone(), 0, 4, gradientArrays()});
    VALID_CALLS.put("TrainableFloatNetwork.loss(float[][],float[][],int[],int,int)",
        () -> new Object[] {toFloat(INPUTS), toFloat(TARGETS), all.clone(), 0, 4});
    VALID_CALLS.put("TrainableFloatNetwork.accumulateGradient(float[][],float[][],int[],int,int,float[][])",
        () -> new Object[] {toFloat(INPUTS), toFloat(TARGETS), all.clone(), 0, 4,
            Arrays.stream(floatNetwork().parameterArrays()).map(a -> new float[a.length]).toArray(float[][]::new)});
    VALID_CALLS.put("Checks.requireBatch(double[][],double[][],int[],int,int,int,int)",
        () -> new Object[] {copy(INPUTS), copy(TARGETS), all.clone(), 0, 4, 2, 2});
    VALID_CALLS.put("Checks.requireBatch(float[][],float[][],int[],int,int,int,int)",
        () -> new Object[] {toFloat(INPUTS), toFloat(TARGETS), all.clone(), 0, 4, 2, 2});
  }

  static float[] toFloat(double[] values) {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return f;
  }

  static float[][] toFloat(double[][] rows) {
    return Arrays.stream(rows).map(EntryPointsTest::toFloat).toArray(float[][]::new);
  }

  static List<Supplier<Object>> examples(Type type) {
    Class<?> raw = type instanceof ParameterizedType
        ? (Class<?>) ((ParameterizedType) type).getRawType()
        : type instanceof Class ? (Class<?>) type : Object.class;
    List<Supplier<Object>> generic = GENERIC_EXAMPLES.get(type.getTypeName());
    if (generic != null) {
      return generic;
    }
    if (raw == float[].class) {
      return EXAMPLES.get(double[].class).stream()
          .map(s -> (Supplier<Object>) () -> toFloat((double[]) s.get())).collect(Collectors.toList());
    }
    if (raw == float[][].class) {
      return EXAMPLES.get(double[][].class).stream()
          .map(s -> (Supplier<Object>) () -> toFloat((double[][]) s.get())).collect(Collectors.toList());
    }
    List<Supplier<Object>> found = EXAMPLES.get(raw);
    if (found == null) {
      throw new AssertionError("no example value of type " + type.getTypeName() + ": add one to EXAMPLES");
    }
    return found;
  }

  // ---- the public API ---------------------------------------------------------------------------------

  static List<Class<?>> publicClasses() throws IOException, ClassNotFoundException {
    Path root = Paths.get("src/main/java");
    List<String> names;
    try (Stream<Path> files = Files.walk(root)) {
      names = files.map(root::relativize).map(Path::toString).filter(n -> n.endsWith(".java"))
          .filter(n -> !n.endsWith("package-info.java"))
          .map(n -> n.substring(0, n.length() - ".java".length()).replace(java.io.File.separatorChar, '.'))
          .sorted().collect(Collectors.toList());
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      addPublic(Class.forName(name), classes);
    }
    return classes;
  }

  static void addPublic(Class<?> c, List<Class<?>> into) {
    if (!Modifier.isPublic(c.getModifiers())) {
      return;
    }
    into.add(c);
    for (Class<?> nested : c.getDeclaredClasses()) {
      addPublic(nested, into);
    }
  }

  static List<Executable> entryPoints(Class<?> c) {
    List<Executable> all = new ArrayList<>();
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (Modifier.isPublic(k.getModifiers()) && !Throwable.class.isAssignableFrom(c)) {
        all.add(k);
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || m.isBridge() || m.isSynthetic()) {
        continue;
      }
      if (m.getName().equals("equals") && m.getParameterCount() == 1) {
        continue;
      }
      if (c.isEnum() && (m.getName().equals("values") || m.getName().equals("valueOf"))
          && Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      all.add(m);
    }
    all.sort((a, b) -> key(a).compareTo(key(b)));
    return all;
  }

  static String key(Executable e) {
    String types = Arrays.stream(e.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(","));
    String owner = e.getDeclaringClass().getSimpleName();
    return owner + "." + (e instanceof Constructor ? "new" : e.getName()) + "(" + types + ")";
  }

  // ---- the test ---------------------------------------------------------------------------------------

  @Test
  void everyPublicEntryPointRefusesBadInputAndChangesNothing() throws Exception {
    List<String> failures = new ArrayList<>();
    int entryPoints = 0;
    int withParameters = 0;
    int parametersChecked = 0;
    int badCalls = 0;
    TreeSet<String> skipped = new TreeSet<>();
    for (Class<?> c : publicClasses()) {
      for (Executable e : entryPoints(c)) {
        entryPoints++;
        if (e.getParameterCount() == 0) {
          continue;
        }
        withParameters++;
        if (NOT_RUNTIME.containsKey(c)
            && (Modifier.isAbstract(e.getModifiers()) || c == dev.hardwired.train.TrainingListener.class)) {
          skipped.add(key(e) + ": " + NOT_RUNTIME.get(c));
          continue;
        }
        Call valid;
        try {
          valid = findValidCall(e);
        } catch (AssertionError error) {
          failures.add(key(e) + ": " + error.getMessage());
          continue;
        }
        Type[] types = e.getGenericParameterTypes();
        for (int i = 0; i < types.length; i++) {
          boolean checked = false;
          for (Bad bad : badValues(e.getParameterTypes()[i], valid.arguments.get()[i], valid.outputs[i])) {
            if (allowed(e, i, bad.kind)) {
              continue;
            }
            checked = true;
            badCalls++;
            String problem = tryBad(e, valid, i, bad);
            if (problem != null) {
              failures.add(key(e) + " #" + i + " given " + bad.description + ": " + problem);
            }
          }
          if (checked) {
            parametersChecked++;
          }
        }
      }
    }
    System.out.printf("EntryPointsTest: %d public methods and constructors, %d of them with parameters; %d"
        + " parameters checked with %d bad calls; %d interface methods without runtime code skipped%n",
        entryPoints, withParameters, parametersChecked, badCalls, skipped.size());
    for (String pattern : ALLOWED.keySet()) {
      if (!USED.contains(pattern)) {
        failures.add("the allow-list entry " + pattern + " allows nothing: remove it");
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " bad arguments not refused cleanly:\n" + String.join("\n", failures));
    }
    assertTrue(entryPoints > 300, "the API was found: " + entryPoints);
  }

  static final java.util.Set<String> USED = new java.util.HashSet<>();

  static boolean allowed(Executable e, int index, String kind) {
    String k = key(e) + "#" + index + ":" + kind;
    List<String> matches = ALLOWED.keySet().stream().filter(k::matches).collect(Collectors.toList());
    USED.addAll(matches);
    return !matches.isEmpty();
  }

  /** A valid call: fresh arguments and receiver on demand, and which array arguments the call writes into. */
  static final class Call {
    final Supplier<Object> receiver;
    final Supplier<Object[]> arguments;
    final boolean[] outputs;

    Call(Supplier<Object> receiver, Supplier<Object[]> arguments, boolean[] outputs) {
      this.receiver = receiver;
      this.arguments = arguments;
      this.outputs = outputs;
    }
  }

  static Call findValidCall(Executable e) {
    Supplier<Object> receiver = () -> null;
    if (e instanceof Method && !Modifier.isStatic(e.getModifiers())) {
      Supplier<Object> r = RECEIVERS.getOrDefault(e.getDeclaringClass().getSimpleName() + "." + e.getName(),
          RECEIVERS.get(e.getDeclaringClass()));
      if (r == null) {
        throw new AssertionError("no receiver for " + e.getDeclaringClass().getName() + ": add one to RECEIVERS");
      }
      receiver = r;
    }
    Supplier<Object[]> fixed = VALID_CALLS.get(key(e));
    if (fixed != null) {
      Supplier<Object> rc = receiver;
      Throwable t = invoke(e, rc.get(), fixed.get());
      if (t != null) {
        throw new AssertionError("the valid call in VALID_CALLS fails: " + t, t);
      }
      return new Call(rc, fixed, outputs(e, rc, fixed));
    }
    Type[] types = e.getGenericParameterTypes();
    List<List<Supplier<Object>>> lists = new ArrayList<>();
    for (Type t : types) {
      lists.add(examples(t));
    }
    int[] choice = new int[types.length];
    Throwable last = null;
    for (int attempt = 0; attempt < 20_000; attempt++) {
      int[] chosen = choice.clone();
      Supplier<Object[]> args = () -> {
        Object[] a = new Object[chosen.length];
        for (int i = 0; i < a.length; i++) {
          a[i] = lists.get(i).get(chosen[i]).get();
        }
        return a;
      };
      Throwable t = invoke(e, receiver.get(), args.get());
      if (t == null) {
        return new Call(receiver, args, outputs(e, receiver, args));
      }
      last = t;
      int k = choice.length - 1;
      while (k >= 0 && ++choice[k] == lists.get(k).size()) {
        choice[k] = 0;
        k--;
      }
      if (k < 0) {
        break;
      }
    }
    throw new AssertionError("no valid call from the examples; the last attempt threw " + last
        + ": add examples or a VALID_CALLS entry");
  }

  /** Which array arguments a valid call writes into. */
  static boolean[] outputs(Executable e, Supplier<Object> receiver, Supplier<Object[]> arguments) {
    Object[] args = arguments.get();
    String[] before = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      before[i] = args[i] != null && args[i].getClass().isArray() ? state(args[i]) : null;
    }
    Throwable t = invoke(e, receiver.get(), args);
    if (t != null) {
      throw new AssertionError("the valid call fails when repeated: " + t, t);
    }
    boolean[] outputs = new boolean[args.length];
    for (int i = 0; i < args.length; i++) {
      outputs[i] = before[i] != null && !before[i].equals(state(args[i]));
    }
    return outputs;
  }

  /** Null when the call returns normally, else what it threw. */
  static Throwable invoke(Executable e, Object receiver, Object[] args) {
    try {
      if (e instanceof Constructor) {
        ((Constructor<?>) e).newInstance(args);
      } else {
        ((Method) e).invoke(receiver, args);
      }
      return null;
    } catch (InvocationTargetException x) {
      return x.getCause();
    } catch (ReflectiveOperationException | IllegalArgumentException x) {
      throw new AssertionError("cannot call " + key(e) + " on " + receiver + ": " + x, x);
    }
  }

  /** A bad value for one parameter: how to make it from a fresh valid one, and what the message must show. */
  static final class Bad {
    final String kind;
    final String description;
    final java.util.function.UnaryOperator<Object> make;
    final String[] shown;

    Bad(String kind, String description, java.util.function.UnaryOperator<Object> make, String... shown) {
      this.kind = kind;
      this.description = description;
      this.make = make;
      this.shown = shown;
    }
  }

  static List<Bad> badValues(Class<?> type, Object valid, boolean output) {
    List<Bad> bad = new ArrayList<>();
    if (type.isPrimitive()) {
      if (type == double.class) {
        bad.add(new Bad("number", "NaN", v -> Double.NaN, "NaN"));
        bad.add(new Bad("number", "+∞", v -> Double.POSITIVE_INFINITY, "Infinity"));
        bad.add(new Bad("number", "−∞", v -> Double.NEGATIVE_INFINITY, "Infinity"));
      } else if (type == float.class) {
        bad.add(new Bad("number", "NaN", v -> Float.NaN, "NaN"));
        bad.add(new Bad("number", "+∞", v -> Float.POSITIVE_INFINITY, "Infinity"));
        bad.add(new Bad("number", "−∞", v -> Float.NEGATIVE_INFINITY, "Infinity"));
      } else if (type == int.class) {
        bad.add(new Bad("negative", "-1", v -> -1, "-1"));
        bad.add(new Bad("zero", "0", v -> 0, "0"));
      }
      return bad;
    }
    // An array or a list that is null gives nothing: "no names given" says so.
    bad.add(type.isArray() || List.class.isAssignableFrom(type)
        ? new Bad("null", "null", v -> null, "null", "no ")
        : new Bad("null", "null", v -> null, "null"));
    if (type.isArray()) {
      int length = Array.getLength(valid);
      Class<?> element = type.getComponentType();
      if (length > 0) {
        bad.add(new Bad("empty", "an empty array", v -> Array.newInstance(element, 0), "0", "empty", "no ", "[]"));
        if (element.isPrimitive() || element.isArray()) {
          bad.add(new Bad("length", "an array of " + (length + 1), v -> longer(v), String.valueOf(length + 1)));
        }
        if (!element.isPrimitive()) {
          bad.add(new Bad("null", "a null element", v -> withElement(v, 0, null), "null"));
        }
        if (element.isArray()) {
          int rowLength = Array.getLength(Array.get(valid, 0));
          bad.add(new Bad("length", "a ragged row of " + (rowLength + 1), v -> withElement(v, 0, longer(Array.get(v, 0))),
              String.valueOf(rowLength + 1)));
        }
        Class<?> leaf = element.isArray() ? element.getComponentType() : element;
        boolean hasLeaf = !element.isArray() || Array.getLength(Array.get(valid, 0)) > 0;
        if (hasLeaf && !output && (leaf == double.class || leaf == float.class)) {
          bad.add(new Bad("number", "a NaN element", v -> withLeaf(v, Double.NaN), "NaN"));
          bad.add(new Bad("number", "an infinite element", v -> withLeaf(v, Double.POSITIVE_INFINITY), "Infinity"));
        }
        if (hasLeaf && !output && leaf == int.class) {
          bad.add(new Bad("negative", "a negative element", v -> withLeaf(v, -1), "-1"));
        }
      }
    } else if (valid instanceof List && !((List<?>) valid).isEmpty()) {
      bad.add(new Bad("empty", "an empty list", v -> new ArrayList<>(), "0", "empty", "no ", "[]"));
      bad.add(new Bad("null", "a null element", v -> {
        List<Object> list = new ArrayList<>((List<?>) v);
        list.set(0, null);
        return list;
      }, "null"));
    }
    return bad;
  }

  static Object longer(Object array) {
    int length = Array.getLength(array);
    Object longer = Array.newInstance(array.getClass().getComponentType(), length + 1);
    System.arraycopy(array, 0, longer, 0, length);
    Array.set(longer, length, Array.get(array, length - 1));
    return longer;
  }

  static Object withElement(Object array, int index, Object value) {
    Array.set(array, index, value);
    return array;
  }

  static Object withLeaf(Object array, double value) {
    Object row = array.getClass().getComponentType().isArray() ? Array.get(array, 0) : array;
    if (row instanceof double[]) {
      ((double[]) row)[0] = value;
    } else if (row instanceof float[]) {
      ((float[]) row)[0] = (float) value;
    } else {
      ((int[]) row)[0] = (int) value;
    }
    return array;
  }

  static double leaf(Object array) {
    Object row = array.getClass().getComponentType().isArray() ? Array.get(array, 0) : array;
    return ((Number) Array.get(row, 0)).doubleValue();
  }

  /** Null when the bad call is refused as it should be, else what is wrong. */
  static String tryBad(Executable e, Call valid, int index, Bad bad) {
    Object receiver = valid.receiver.get();
    Object[] args = valid.arguments.get();
    args[index] = bad.make.apply(args[index]);
    List<Object> watched = new ArrayList<>();
    watched.add(receiver);
    for (int i = 0; i < args.length; i++) {
      if (i != index) {
        watched.add(args[i]);
      }
    }
    String before = state(watched);
    Throwable t = invoke(e, receiver, args);
    String after = state(watched);
    if (t == null) {
      if (bad.kind.equals("number") && args[index] != null && args[index].getClass().isArray()
          && Double.isFinite(leaf(args[index]))) {
        return null; // an output buffer: the call wrote over the bad value
      }
      return "accepted";
    }
    // An index out of range is refused as List.get refuses one.
    boolean outOfRange = (bad.kind.equals("negative") || bad.kind.equals("zero"))
        && e.getParameterTypes()[index] == int.class
        && t.getClass() == IndexOutOfBoundsException.class;
    if (!(t instanceof IllegalArgumentException) && !outOfRange) {
      return "threw " + t;
    }
    String message = t.getMessage();
    if (message == null || message.isEmpty()) {
      return "no message";
    }
    if (Arrays.stream(bad.shown).noneMatch(message::contains)) {
      return "the message does not say what was given (" + String.join(" or ", bad.shown) + "): " + message;
    }
    if (!before.equals(after)) {
      return "refused, but changed state: " + message;
    }
    return null;
  }

  // ---- observable state: a deep dump of the runtime's objects ----------------------------------------------

  static String state(Object value) {
    StringBuilder out = new StringBuilder();
    dump(value, out, new IdentityHashMap<>());
    return out.toString();
  }

  static void dump(Object value, StringBuilder out, IdentityHashMap<Object, Boolean> seen) {
    if (value == null) {
      out.append("null");
      return;
    }
    Class<?> c = value.getClass();
    if (c.isArray()) {
      if (seen.put(value, true) != null) {
        out.append("@seen");
        return;
      }
      out.append('[');
      for (int i = 0; i < Array.getLength(value); i++) {
        dump(Array.get(value, i), out, seen);
        out.append(',');
      }
      out.append(']');
      return;
    }
    if (value instanceof Path) {
      Path p = (Path) value;
      out.append(p).append(':');
      try {
        out.append(Files.isRegularFile(p) ? Arrays.hashCode(Files.readAllBytes(p)) : Files.exists(p) ? "dir" : "none");
      } catch (IOException x) {
        out.append(x);
      }
      return;
    }
    if (value instanceof ByteArrayOutputStream) {
      out.append(((ByteArrayOutputStream) value).size());
      return;
    }
    if (value instanceof Collection) {
      if (seen.put(value, true) != null) {
        out.append("@seen");
        return;
      }
      out.append('(');
      for (Object o : (Collection<?>) value) {
        dump(o, out, seen);
        out.append(',');
      }
      out.append(')');
      return;
    }
    if (value instanceof Map) {
      dump(((Map<?, ?>) value).entrySet().stream().map(en -> Arrays.asList(en.getKey(), en.getValue()))
          .collect(Collectors.toList()), out, seen);
      return;
    }
    if (!c.getName().startsWith("dev.hardwired") || c.isEnum()) {
      out.append(c.isEnum() || value instanceof Number || value instanceof String || value instanceof Boolean
          || value instanceof Character ? String.valueOf(value) : c.getName());
      return;
    }
    if (seen.put(value, true) != null) {
      out.append("@seen");
      return;
    }
    out.append(c.getSimpleName()).append('{');
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        try {
          f.setAccessible(true);
          out.append(f.getName()).append('=');
          dump(f.get(value), out, seen);
          out.append(';');
        } catch (ReflectiveOperationException | RuntimeException x) {
          out.append(f.getName()).append("=?;");
        }
      }
    }
    out.append('}');
  }

  @Test
  void theDumpSeesAChange() {
    ReferenceNetwork net = network();
    String before = state(net);
    net.train(new double[] {1, 0}, new double[] {0, 1}, 0.5);
    assertTrue(!before.equals(state(net)), "training changes what the test compares");
    assertEquals(state(network()), state(network()));
  }
}
