package dev.hardwired.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.Precision;
import dev.hardwired.Topology;
import dev.hardwired.TrainableFloatNetwork;
import dev.hardwired.TrainableNetwork;
import dev.hardwired.data.DataSet;
import dev.hardwired.reference.ReferenceNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint that is damaged, or belongs to another network, trainer configuration, data set or starting
 * point, is refused with a message saying what was expected and what was found; the network keeps its
 * parameters and the file is left as it was.
 */
class CheckpointRefusalTest {
  private static final Topology TOPOLOGY = CheckpointRuns.TANH_3_5_2;
  private static final DataSet TRAINING = TrainerTest.regression(40, 1);
  private static final Trainer TRAINER =
      Trainer.create().optimizer(Optimizer.adam().beta1(0.8)).learningRate(0.01).batchSize(4).epochs(10).seed(7);

  @TempDir Path folder;
  private Path file;
  private byte[] bytes;

  /** A checkpoint of epoch 4 of 10. */
  @BeforeEach
  void writeACheckpoint() throws IOException {
    file = folder.resolve("run.checkpoint");
    TrainingListener crash =
        (epoch, history) -> {
          if (epoch.epoch() == 5) {
            throw new IllegalStateException("crash");
          }
        };
    assertThrows(
        IllegalStateException.class,
        () -> TRAINER.checkpoint(file, 2).listener(crash).train(ReferenceNetwork.seeded(TOPOLOGY, 3), TRAINING));
    bytes = Files.readAllBytes(file);
  }

  /** Resumes with {@code trainer} into a fresh network of the run: the message, the network unchanged. */
  private String refused(Trainer trainer, TrainableNetwork network, DataSet training) throws IOException {
    double[] before = network.parameters();
    byte[] content = Files.readAllBytes(file);
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> trainer.checkpoint(file, 2).train(network, training));
    assertArrayEquals(before, network.parameters(), "the network's parameters");
    assertArrayEquals(content, Files.readAllBytes(file), "the checkpoint file");
    assertEquals(file, e.file());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    return e.getMessage();
  }

  private String refused(Trainer trainer) throws IOException {
    return refused(trainer, ReferenceNetwork.seeded(TOPOLOGY, 3), TRAINING);
  }

  private String refusedBytes(byte[] damaged) throws IOException {
    Files.write(file, damaged);
    String message = refused(TRAINER);
    assertArrayEquals(damaged, Files.readAllBytes(file), "the checkpoint file");
    return message;
  }

  @Test
  void theCheckpointResumesWhenNothingIsWrong() {
    ReferenceNetwork uninterrupted = ReferenceNetwork.seeded(TOPOLOGY, 3);
    TrainingHistory expected = TRAINER.train(uninterrupted, TRAINING);
    ReferenceNetwork resumed = ReferenceNetwork.seeded(TOPOLOGY, 3);
    TrainingHistory actual = TRAINER.checkpoint(file, 2).train(resumed, TRAINING);
    CheckpointRuns.assertSameRun("resumed", uninterrupted.parameters(), expected, resumed.parameters(), actual);
  }

  @Test
  void aTruncatedCheckpointIsRefused() throws IOException {
    assertEquals(file + " is not a checkpoint: expected it to start with \"hardwired-checkpoint\" and a line feed, found an"
        + " empty file", refusedBytes(new byte[0]));
    assertEquals(file + " is not a checkpoint: expected it to start with \"hardwired-checkpoint\" and a line feed, found"
        + " \"hardwired-c\"", refusedBytes(Arrays.copyOf(bytes, 11)));
    assertEquals("checkpoint " + file + " is damaged: it has 27 bytes; expected at least 29 (it was cut short)",
        refusedBytes(Arrays.copyOf(bytes, 27)));
    for (int length : new int[] {29, 100, bytes.length / 2, bytes.length - 5, bytes.length - 1}) {
      String message = refusedBytes(Arrays.copyOf(bytes, length));
      assertTrue(message.startsWith("checkpoint " + file + " is damaged: expected the CRC-32 its last 4 bytes record, "),
          message);
      assertTrue(message.endsWith(" over its " + (length - 4) + " bytes before them (it was cut short or changed)"), message);
    }
  }

  @Test
  void aCheckpointWithAFlippedByteIsRefused() throws IOException {
    for (int at = 0; at < bytes.length; at += 7) {
      byte[] damaged = bytes.clone();
      damaged[at] ^= 0x10;
      String message = refusedBytes(damaged);
      String expected =
          at < 21 ? file + " is not a checkpoint: expected it to start with \"hardwired-checkpoint\""
              : at < 25 ? "checkpoint " + file + " is of format version "
              : "checkpoint " + file + " is damaged: expected the CRC-32 its last 4 bytes record, ";
      assertTrue(message.startsWith(expected), "byte " + at + ": " + message);
    }
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertTrue(refusedBytes(longer).contains(" is damaged: expected the CRC-32 "));
  }

  @Test
  void aCheckpointOfAnotherVersionIsRefused() throws IOException {
    byte[] other = bytes.clone();
    other[24] = 2;
    assertEquals("checkpoint " + file + " is of format version 2; expected version 1", refusedBytes(other));
  }

  @Test
  void aCheckpointOfAnotherNetworkIsRefused() throws IOException {
    Topology other = Topology.of(3, new int[] {4}, 2, new dev.hardwired.Activation[] {dev.hardwired.Activation.TANH},
        dev.hardwired.Activation.IDENTITY, dev.hardwired.Loss.SQUARED_ERROR);
    String message = refused(TRAINER, ReferenceNetwork.seeded(other, 3), TRAINING);
    assertTrue(message.startsWith("checkpoint " + file + " belongs to another network: topology: expected 3-4-2 (tanh,"
        + " identity; summed squared error), found 3-5-2 (tanh, identity; summed squared error); parameters: expected"
        + " 26, found 32; initial parameters: expected CRC-32 "), message);
    // The same topology in single precision.
    ShuffledFloatNet floats = ShuffledFloatNet.seeded(TOPOLOGY, 3);
    float[] before = floats.parameters();
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> TRAINER.checkpoint(file, 2).train(floats, TRAINING));
    assertTrue(e.getMessage().startsWith("checkpoint " + file + " belongs to another network: precision: expected FLOAT,"
        + " found DOUBLE; initial parameters: expected CRC-32 "), e.getMessage());
    assertArrayEquals(before, floats.parameters());
  }

  @Test
  void aCheckpointOfAnotherTrainerConfigurationIsRefused() throws IOException {
    String start = "checkpoint " + file + " belongs to another trainer configuration: ";
    String end = " (delete the checkpoint to start a new run)";
    assertEquals(start + "seed: expected 8, found 7" + end, refused(TRAINER.seed(8)));
    assertEquals(start + "batch size: expected 5, found 4" + end, refused(TRAINER.batchSize(5)));
    assertEquals(start + "threads: expected 2, found 1" + end, refused(TRAINER.threads(2)));
    assertEquals(start + "shuffle: expected false, found true" + end, refused(TRAINER.shuffle(false)));
    assertEquals(start + "early stopping: expected patience 3, found off; validation set: expected 40 samples"
        + " of 3 inputs and 2 targets, CRC-32 " + fingerprintCrc(TRAINING) + ", found none" + end,
        refused(TRAINER.earlyStopping(3), ReferenceNetwork.seeded(TOPOLOGY, 3), TRAINING, TRAINING));
    assertEquals(start + "optimizer: expected Adam(β1 0.9, β2 0.999, ε 1.0E-8; weight decay 0.0;"
        + " no clipping), found Adam(β1 0.8, β2 0.999, ε 1.0E-8; weight decay 0.0; no clipping)"
        + end, refused(TRAINER.optimizer(Optimizer.adam())));
    assertTrue(refused(TRAINER.optimizer(Optimizer.sgd().momentum(0.8)))
        .startsWith(start + "optimizer: expected SGD(momentum 0.8; weight decay 0.0; no clipping), found Adam(β1 0.8"));
    String rate = refused(TRAINER.learningRate(0.02));
    assertTrue(rate.startsWith(start + "schedule: expected constant 0.02, found constant 0.01; learning rates: expected 10,"
        + " CRC-32 "), rate);
    String epochs = refused(TRAINER.epochs(12));
    assertTrue(epochs.startsWith(start + "learning rates: expected 12, CRC-32 "), epochs);
    assertTrue(epochs.endsWith("; epochs: expected 12, found 10" + end), epochs);
    assertEquals(start + "target loss: expected 0.5, found -Infinity" + end, refused(TRAINER.targetLoss(0.5)));
    assertEquals(start + "stop condition: expected one of one's own, found none" + end,
        refused(TRAINER.stopWhen(h -> false)));
    assertEquals(start + "schedule: expected one of one's own, found constant 0.01" + end,
        refused(TRAINER.schedule((epoch, total) -> 0.01)));
  }

  @Test
  void aScheduleOfOnesOwnIsKnownByItsRates() throws IOException {
    Files.delete(file);
    Trainer own = TRAINER.schedule((epoch, total) -> 0.01 / (1 + epoch));
    TrainingListener crash =
        (epoch, history) -> {
          if (epoch.epoch() == 5) {
            throw new IllegalStateException("crash");
          }
        };
    assertThrows(
        IllegalStateException.class,
        () -> own.checkpoint(file, 2).listener(crash).train(ReferenceNetwork.seeded(TOPOLOGY, 3), TRAINING));
    // Another lambda with the same rates resumes it.
    ReferenceNetwork uninterrupted = ReferenceNetwork.seeded(TOPOLOGY, 3);
    TrainingHistory expected = own.train(uninterrupted, TRAINING);
    ReferenceNetwork resumed = ReferenceNetwork.seeded(TOPOLOGY, 3);
    TrainingHistory actual =
        TRAINER.schedule((epoch, total) -> 0.01 / (1 + epoch)).resume(file).train(resumed, TRAINING);
    CheckpointRuns.assertSameRun("own schedule", uninterrupted.parameters(), expected, resumed.parameters(), actual);
    // Other rates do not.
    String message = refused(TRAINER.schedule((epoch, total) -> epoch == 9 ? 0.002 : 0.01 / (1 + epoch)));
    assertTrue(message.startsWith("checkpoint " + file + " belongs to another trainer configuration: learning rates:"
        + " expected 10, CRC-32 "), message);
  }

  private String refused(Trainer trainer, TrainableNetwork network, DataSet training, DataSet validation) {
    double[] before = network.parameters();
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> trainer.checkpoint(file, 2).train(network, training, validation));
    assertArrayEquals(before, network.parameters());
    return e.getMessage();
  }

  private static String fingerprintCrc(DataSet data) {
    String f = Checkpoint.fingerprint(data);
    return f.substring(f.lastIndexOf(' ') + 1);
  }

  @Test
  void aCheckpointOfOtherDataIsRefused() throws IOException {
    DataSet other = TrainerTest.regression(40, 2);
    String message = refused(TRAINER, ReferenceNetwork.seeded(TOPOLOGY, 3), other);
    assertEquals("checkpoint " + file + " belongs to another data set: training set: expected 40 samples of 3 inputs and"
        + " 2 targets, CRC-32 " + fingerprintCrc(other) + ", found 40 samples of 3 inputs and 2 targets, CRC-32 "
        + fingerprintCrc(TRAINING) + " (delete the checkpoint to start a new run)", message);
  }

  @Test
  void aCheckpointOfAnotherStartingPointIsRefused() throws IOException {
    String message = refused(TRAINER, ReferenceNetwork.seeded(TOPOLOGY, 4), TRAINING);
    assertTrue(message.startsWith("checkpoint " + file + " belongs to another starting point: initial parameters: expected"
        + " CRC-32 "), message);
    assertTrue(message.endsWith(" (a checkpoint resumes the run that started from the same parameters: give the network"
        + " the parameters it had when that run started, or delete the checkpoint to start a new run)"), message);
  }

  @Test
  void aCheckpointWhoseNumbersDisagreeIsRefused() throws IOException {
    ReferenceNetwork network = ReferenceNetwork.seeded(TOPOLOGY, 3);
    Checkpoint c = CheckpointFile.read(file, header(network), Precision.DOUBLE);
    assertEquals(4, c.epoch);
    List<EpochRecord> three = new ArrayList<>(c.records.subList(0, 3));
    assertEquals("checkpoint " + file + " is not consistent: epoch records: expected 4, one per epoch trained, found 3",
        refusedRewritten(c, x -> copy(x, x.order, three)));
    int[] order = c.order.clone();
    order[0] = order[1];
    assertEquals("checkpoint " + file + " is not consistent: order of the samples: expected each of 0 to 39 once, found "
        + order[1] + " at position 1", refusedRewritten(c, x -> copy(x, order, x.records)));
  }

  private static Checkpoint copy(Checkpoint c, int[] order, List<EpochRecord> records) {
    return new Checkpoint(c.header, c.stopReason, c.finalBestEpoch, c.epoch, c.steps, c.draws, order, c.seconds,
        c.bestLoss, c.bestEpoch, c.sinceBest, c.parameters, c.bestParameters, c.optimizerSteps, c.moments, records);
  }

  private String refusedRewritten(Checkpoint c, Function<Checkpoint, Checkpoint> change) throws IOException {
    CheckpointFile.write(change.apply(c), file, Precision.DOUBLE);
    byte[] written = Files.readAllBytes(file);
    String message = refused(TRAINER);
    assertArrayEquals(written, Files.readAllBytes(file));
    return message;
  }

  /** The header that the run's trainer expects of its checkpoints. */
  private static Map<String, String> header(ReferenceNetwork network) {
    Learner learner = new DoubleLearner(network, TRAINING, null, 1);
    return Checkpoint.header(TRAINER, learner, TRAINING, null, network.parameters());
  }

  @Test
  void aFloatCheckpointIsRefusedByADoubleNetwork() throws IOException {
    Path floats = folder.resolve("float.checkpoint");
    TrainableFloatNetwork network = ShuffledFloatNet.seeded(TOPOLOGY, 3);
    TRAINER.checkpoint(floats, 2).train(network, TRAINING);
    ReferenceNetwork doubles = ReferenceNetwork.seeded(TOPOLOGY, 3);
    double[] before = doubles.parameters();
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> TRAINER.checkpoint(floats, 2).train(doubles, TRAINING));
    assertTrue(e.getMessage().startsWith("checkpoint " + floats + " belongs to another network: precision: expected DOUBLE,"
        + " found FLOAT"), e.getMessage());
    assertArrayEquals(before, doubles.parameters());
  }
}
