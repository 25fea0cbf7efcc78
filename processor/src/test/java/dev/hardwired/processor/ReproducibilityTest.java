package dev.hardwired.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.data.DataSet;
import dev.hardwired.processor.testing.GeneratedNetworks;
import dev.hardwired.train.LearningRateSchedule;
import dev.hardwired.train.Optimizer;
import dev.hardwired.train.Trainer;
import dev.hardwired.train.TrainingHistory;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The same bits on every JVM: networks declared with {@code strictMath = true} (tanh hidden layers; a
 * logistic output with binary cross-entropy, a softmax output with categorical cross-entropy, so that
 * exp, tanh, log and log1p all run) are trained through the runtime's trainer from fixed seeds, by plain
 * SGD, by Adam on mini-batches with a cosine schedule, and on two threads, and the SHA-256 of their
 * parameters' bits is compared with a recorded value. CI runs this on JDK 17 and on JDK 25, whose {@code
 * Math.tanh} differ: both must give the recorded digests. The same networks without {@code strictMath}
 * are trained the same way; their digests are only required to repeat on this JVM, which is all that
 * {@code Math} promises.
 */
class ReproducibilityTest {
  private static final String SOURCE =
      "package test;\n\nimport dev.hardwired.*;\n\npublic final class Networks {\n"
          + declarations("Strict", ", strictMath = true")
          + declarations("Plain", "")
          + "}\n";

  private static final GeneratedNetworks COMPILED = GeneratedNetworks.compile("test.Networks", SOURCE);

  private static String declarations(String prefix, String strict) {
    return "  @Network(inputs = 2, hidden = 4, outputs = 1, activation = Activation.TANH, loss = Loss.CROSS_ENTROPY"
        + strict + ", name = \"" + prefix + "Logistic\")\n  public interface " + prefix + "LogisticDeclaration {}\n"
        + "  @Network(inputs = 4, hidden = {8, 6}, outputs = 3, activation = Activation.TANH,"
        + " outputActivation = Activation.SOFTMAX, loss = Loss.SOFTMAX_CROSS_ENTROPY" + strict + ", name = \""
        + prefix + "Softmax\")\n  public interface " + prefix + "SoftmaxDeclaration {}\n"
        + "  @Network(inputs = 4, hidden = {8, 6}, outputs = 3, activation = Activation.TANH,"
        + " outputActivation = Activation.SOFTMAX, loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.FLOAT"
        + strict + ", name = \"" + prefix + "FloatSoftmax\")\n  public interface " + prefix + "FloatSoftmaxDeclaration {}\n";
  }

  /** The digest recorded on JDK 17 and checked on JDK 25: every run below, one after another. */
  private static final String STRICT_DIGEST = "e0e37e532841fd40653fa5b3185defffaa47ae8375ae60777a2de9289ed5a64c";

  @Test
  void strictNetworksTrainToTheRecordedBitsOnEveryJvm() {
    assertEquals(STRICT_DIGEST, digest("Strict"), "SHA-256 of the strict networks' parameters after training");
  }

  @Test
  void plainNetworksTrainToTheSameBitsOnThisJvm() {
    String first = digest("Plain");
    // Printed, not asserted: another JVM may give other bits (Math.tanh, exp and log are the JVM's choice).
    System.out.println("ReproducibilityTest: plain networks on Java " + System.getProperty("java.version") + ": " + first);
    assertEquals(first, digest("Plain"), "a second run on this JVM");
  }

  /** Trains the networks named {@code prefix}… from fixed seeds and digests their parameters, in order. */
  private static String digest(String prefix) {
    MessageDigest sha = sha256();
    // Logistic output: 400 steps of online SGD (the generated fused train step), then Adam on batches of 4.
    TrainableNetwork logistic = COMPILED.seeded("test." + prefix + "Logistic", 11);
    DataSet xor = dataSet(new Random(3), 2, 1, 100);
    TrainingHistory sgd = Trainer.create().learningRate(0.5).epochs(4).seed(5).train(logistic, xor);
    assertTrue(sgd.last().trainingLoss() < sgd.epochs().get(0).trainingLoss(), prefix + " SGD learns: " + sgd);
    add(sha, logistic.parameters());
    Trainer adam = Trainer.create().optimizer(Optimizer.adam()).learningRate(0.01).batchSize(4).epochs(3).seed(6);
    adam.train(logistic, xor);
    add(sha, logistic.parameters());
    // Softmax output: Adam on batches of 8 with a cosine schedule, on one thread, then on two.
    DataSet classes = dataSet(new Random(4), 4, 3, 120);
    Trainer cosine = adam.batchSize(8).epochs(5).schedule(LearningRateSchedule.cosine(0.02, 0.001));
    TrainableNetwork softmax = COMPILED.seeded("test." + prefix + "Softmax", 12);
    TrainingHistory history = cosine.train(softmax, classes);
    assertTrue(history.last().trainingLoss() < history.epochs().get(0).trainingLoss(), prefix + " Adam learns: " + history);
    add(sha, softmax.parameters());
    TrainableNetwork threaded = COMPILED.seeded("test." + prefix + "Softmax", 12);
    cosine.threads(2).train(threaded, classes);
    add(sha, threaded.parameters());
    // Single precision: the same.
    TrainableFloatNetwork single = COMPILED.seededFloat("test." + prefix + "FloatSoftmax", 12);
    cosine.train(single, classes);
    for (float value : single.parameters()) {
      sha.update(ByteBuffer.allocate(4).putInt(Float.floatToRawIntBits(value)).array());
    }
    StringBuilder hex = new StringBuilder();
    for (byte b : sha.digest()) {
      hex.append(String.format("%02x", b & 0xff));
    }
    return hex.toString();
  }

  /**
   * {@code rows} samples of {@code inputs} values in [−1, 1) from {@code random} (only {@code nextDouble}
   * and arithmetic, the same everywhere); for one output, the target is 1 where the first two inputs have
   * the same sign (XOR); for more, one-hot, the class of the largest of the first inputs.
   */
  private static DataSet dataSet(Random random, int inputs, int outputs, int rows) {
    double[][] x = new double[rows][inputs];
    double[][] t = new double[rows][outputs];
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < inputs; i++) {
        x[r][i] = 2.0 * random.nextDouble() - 1.0;
      }
      if (outputs == 1) {
        t[r][0] = (x[r][0] > 0) == (x[r][1] > 0) ? 1.0 : 0.0;
      } else {
        int best = 0;
        for (int k = 1; k < outputs; k++) {
          best = x[r][k] > x[r][best] ? k : best;
        }
        t[r][best] = 1.0;
      }
    }
    return DataSet.of(x, t);
  }

  private static void add(MessageDigest sha, double[] values) {
    for (double value : values) {
      sha.update(ByteBuffer.allocate(8).putLong(Double.doubleToRawLongBits(value)).array());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
