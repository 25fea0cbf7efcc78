package dev.hardwired.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.SplittableRandom;
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
 * One ONNX file, two ways to serve it from Java: the frozen class that the processor compiled from it
 * ({@link PyTorchIris}, {@link PyTorchDigits}, {@link PyTorchMnist}: float32 PyTorch exports) against ONNX
 * Runtime's {@code OrtSession.run} on the same file (native CPU provider, one thread, every graph
 * optimisation, tensors over direct buffers made once: the leanest use of its API). A call scores
 * {@code batch} rows; {@code batch} 1 is the frozen class's one-sample {@code predict}. The set-up checks that
 * both give the same outputs, to float32's precision.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrozenOnnxBenchmark {
  @Param({"iris", "digits", "mnist"})
  public String model;

  @Param({"1", "256"})
  public int batch;

  private int which;
  private float[][] inputs;
  private float[][] outputs;
  private float[][] runtimeOutputs;
  private OrtSession session;
  private ByteBuffer inputBuffer;
  private ByteBuffer outputBuffer;
  private OnnxTensor inputTensor;
  private OnnxTensor outputTensor;
  private Map<String, OnnxTensor> inputMap;
  private Map<String, OnnxTensor> outputMap;

  @Setup(Level.Trial)
  public void setUp() throws OrtException {
    int[] sizes;
    switch (model) {
      case "iris":
        which = 0;
        sizes = new int[] {4, 3};
        break;
      case "digits":
        which = 1;
        sizes = new int[] {64, 10};
        break;
      case "mnist":
        which = 2;
        sizes = new int[] {784, 10};
        break;
      default:
        throw new IllegalArgumentException("expected iris, digits or mnist; found " + model);
    }
    SplittableRandom random = new SplittableRandom(42);
    inputs = new float[batch][sizes[0]];
    for (float[] row : inputs) {
      for (int i = 0; i < row.length; i++) {
        row[i] = (float) random.nextDouble();
      }
    }
    outputs = new float[batch][sizes[1]];
    runtimeOutputs = new float[batch][sizes[1]];
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = environment.createSession(modelBytes(), options);
    }
    long[] inputShape = {batch, sizes[0]};
    long[] outputShape = {batch, sizes[1]};
    inputBuffer = ByteBuffer.allocateDirect(batch * sizes[0] * Float.BYTES).order(ByteOrder.nativeOrder());
    outputBuffer = ByteBuffer.allocateDirect(batch * sizes[1] * Float.BYTES).order(ByteOrder.nativeOrder());
    inputTensor = OnnxTensor.createTensor(environment, inputBuffer.asFloatBuffer(), inputShape);
    outputTensor = OnnxTensor.createTensor(environment, outputBuffer.asFloatBuffer(), outputShape);
    inputMap = Map.of("x", inputTensor);
    outputMap = Map.of("y", outputTensor);
    frozen();
    onnxRuntime();
    requireClose();
  }

  /** The tolerance of the parity tests for float32 models: max(1e-6 absolute, 1e-5 relative). */
  private void requireClose() {
    for (int r = 0; r < batch; r++) {
      for (int k = 0; k < outputs[r].length; k++) {
        float ours = outputs[r][k];
        float theirs = runtimeOutputs[r][k];
        if (!(Math.abs(ours - theirs) <= Math.max(1e-6, 1e-5 * Math.abs(theirs)))) {
          throw new IllegalStateException(
              "the frozen " + model + " gives " + ours + " for output " + k + " of row " + r
                  + " where ONNX Runtime gives " + theirs + "; the benchmark would not compare like with like");
        }
      }
    }
  }

  private byte[] modelBytes() {
    try (InputStream in = FrozenOnnxBenchmark.class.getResourceAsStream("onnx/" + model + ".onnx")) {
      if (in == null) {
        throw new IllegalStateException("onnx/" + model + ".onnx is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws OrtException {
    inputTensor.close();
    outputTensor.close();
    session.close();
  }

  /** The frozen class: one-sample {@code predict} for a batch of 1, the batched one otherwise. */
  @Benchmark
  public float[][] frozen() {
    if (batch == 1) {
      switch (which) {
        case 0:
          PyTorchIrisFrozen.predict(inputs[0], outputs[0]);
          break;
        case 1:
          PyTorchDigitsFrozen.predict(inputs[0], outputs[0]);
          break;
        default:
          PyTorchMnistFrozen.predict(inputs[0], outputs[0]);
      }
    } else {
      switch (which) {
        case 0:
          PyTorchIrisFrozen.predict(inputs, outputs);
          break;
        case 1:
          PyTorchDigitsFrozen.predict(inputs, outputs);
          break;
        default:
          PyTorchMnistFrozen.predict(inputs, outputs);
      }
    }
    return outputs;
  }

  /** {@code OrtSession.run} over the pinned tensors: the rows copied in, run, the outputs copied out. */
  @Benchmark
  public float[][] onnxRuntime() throws OrtException {
    FloatBuffer in = inputBuffer.asFloatBuffer();
    for (float[] row : inputs) {
      in.put(row);
    }
    session.run(inputMap, outputMap).close();
    FloatBuffer out = outputBuffer.asFloatBuffer();
    for (float[] row : runtimeOutputs) {
      out.get(row);
    }
    return runtimeOutputs;
  }
}
