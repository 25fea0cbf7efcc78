package dev.hardwired.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.io.Onnx;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * ONNX Runtime (the Java artifact, native CPU provider, one intra-op thread) scoring the same networks as
 * {@link BatchPredictBenchmark}, exported with {@link Onnx#model}: a batch of {@code batch} rows from Java
 * arrays into Java arrays, per batch. {@code pinned} is the leanest use of its API: input and output tensors
 * over direct buffers made once, the rows copied in and the outputs out. {@code arrays} is the common one: a
 * tensor made from the {@code double[][]} (or {@code float[][]}) for each call and the outputs read with
 * {@code getValue()}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OnnxRuntimeBenchmark {
  @Param({"2x4x1", "4x8x3", "64x32x10", "784x128x10"})
  public String network;

  @Param({"1", "8", "32", "256"})
  public int batch;

  @Param({"double", "float"})
  public String precision;

  private boolean single;
  private OrtEnvironment environment;
  private OrtSession session;
  private double[][] inputs;
  private double[][] outputs;
  private float[][] floatInputs;
  private float[][] floatOutputs;
  private ByteBuffer inputBuffer;
  private ByteBuffer outputBuffer;
  private OnnxTensor inputTensor;
  private OnnxTensor outputTensor;
  private Map<String, OnnxTensor> inputMap;
  private Map<String, OnnxTensor> outputMap;

  @Setup(Level.Trial)
  public void setUp() throws OrtException {
    single = precision.equals("float");
    TrainableNetwork net = Batches.network(network);
    TrainableFloatNetwork floatNet = Batches.floatNetwork(network);
    inputs = Arrays.copyOf(Batches.data(net)[0], batch);
    outputs = new double[batch][net.outputCount()];
    floatInputs = Batches.narrow(inputs);
    floatOutputs = new float[batch][net.outputCount()];
    environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = environment.createSession(single ? Onnx.model(floatNet) : Onnx.model(net), options);
    }
    int width = single ? Float.BYTES : Double.BYTES;
    long[] inputShape = {batch, net.inputCount()};
    long[] outputShape = {batch, net.outputCount()};
    inputBuffer = ByteBuffer.allocateDirect(batch * net.inputCount() * width).order(ByteOrder.nativeOrder());
    outputBuffer = ByteBuffer.allocateDirect(batch * net.outputCount() * width).order(ByteOrder.nativeOrder());
    if (single) {
      inputTensor = OnnxTensor.createTensor(environment, inputBuffer.asFloatBuffer(), inputShape);
      outputTensor = OnnxTensor.createTensor(environment, outputBuffer.asFloatBuffer(), outputShape);
    } else {
      inputTensor = OnnxTensor.createTensor(environment, inputBuffer.asDoubleBuffer(), inputShape);
      outputTensor = OnnxTensor.createTensor(environment, outputBuffer.asDoubleBuffer(), outputShape);
    }
    inputMap = Map.of("input", inputTensor);
    outputMap = Map.of("output", outputTensor);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws OrtException {
    inputTensor.close();
    outputTensor.close();
    session.close();
  }

  /** Tensors over direct buffers made once: the rows copied in, run into the pinned output, copied out. */
  @Benchmark
  public Object pinned() throws OrtException {
    if (single) {
      FloatBuffer in = inputBuffer.asFloatBuffer();
      for (float[] row : floatInputs) {
        in.put(row);
      }
      session.run(inputMap, outputMap).close();
      FloatBuffer out = outputBuffer.asFloatBuffer();
      for (float[] row : floatOutputs) {
        out.get(row);
      }
      return floatOutputs;
    }
    DoubleBuffer in = inputBuffer.asDoubleBuffer();
    for (double[] row : inputs) {
      in.put(row);
    }
    session.run(inputMap, outputMap).close();
    DoubleBuffer out = outputBuffer.asDoubleBuffer();
    for (double[] row : outputs) {
      out.get(row);
    }
    return outputs;
  }

  /** A tensor made from the Java array for each call, the outputs read back as a new Java array. */
  @Benchmark
  public Object arrays() throws OrtException {
    try (OnnxTensor input = OnnxTensor.createTensor(environment, single ? floatInputs : inputs);
        OrtSession.Result result = session.run(Map.of("input", input))) {
      return result.get(0).getValue();
    }
  }
}
