package dev.hardwired.benchmarks;

import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * 2-4-1 (logistic, squared error), 17 parameters, on the four rows of XOR; with {@link HandWritten2x4x1},
 * the same network written by hand, as the limit for the generated one.
 */
public class Size2x4x1Benchmark extends GeneratedNetworkBenchmark {
  private TrainableNetwork handWritten;

  @Override
  protected TrainableNetwork createGenerated() {
    return Size2x4x1Network.seeded(SEED);
  }

  @Override
  protected TrainableFloatNetwork createGeneratedFloat() {
    return Size2x4x1FloatNetwork.seeded(SEED);
  }

  @Override
  protected Samples samples() {
    return Samples.xor();
  }

  @Override
  protected List<TrainableNetwork> createSubjects() {
    List<TrainableNetwork> subjects = new ArrayList<>(super.createSubjects());
    handWritten = HandWritten2x4x1.seeded(SEED);
    subjects.add(handWritten);
    return subjects;
  }

  /** One SGD step of the hand-written network; returns the loss. */
  @Benchmark
  public double trainHandWritten() {
    int s = nextSample();
    return handWritten.train(inputs[s], targets[s], learningRate);
  }

  @Benchmark
  public double[] predictHandWritten() {
    handWritten.predict(inputs[nextSample()], output);
    return output;
  }
}
