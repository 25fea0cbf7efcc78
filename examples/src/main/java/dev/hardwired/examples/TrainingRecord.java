package dev.hardwired.examples;

import dev.hardwired.TrainableNetwork;
import dev.hardwired.data.DataSet;
import dev.hardwired.data.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a network went through in training, for the pictures: its mean loss on a data set after every epoch,
 * and copies of the network at a few chosen epochs and at the last one. Recording only reads the network,
 * so it changes nothing in training.
 */
final class TrainingRecord {
  private final DataSet data;
  private final int[] snapshotEpochs;
  private final List<Snapshot> snapshots = new ArrayList<Snapshot>();
  private double[] losses = new double[256];
  private int epochs = -1;

  /**
   * @param data the samples whose mean loss is recorded
   * @param snapshotEpochs the epochs at which to keep a copy of the network; 0 is the untrained one
   */
  TrainingRecord(DataSet data, int... snapshotEpochs) {
    this.data = data;
    this.snapshotEpochs = snapshotEpochs.clone();
  }

  /** Called with epoch 0 before training and then after every epoch, with the epochs counted from 1. */
  void epochEnded(int epoch, TrainableNetwork network) {
    if (epoch != epochs + 1) {
      throw new IllegalArgumentException("epoch " + epoch + " after epoch " + epochs);
    }
    if (epoch == losses.length) {
      losses = Arrays.copyOf(losses, 2 * losses.length);
    }
    losses[epoch] = Metrics.meanLoss(network, data);
    epochs = epoch;
    for (int e : snapshotEpochs) {
      if (e == epoch) {
        keep(network);
      }
    }
  }

  /** Called once training is over: keeps the trained network, unless it was kept already. */
  void finished(TrainableNetwork network) {
    if (epochs < 0) {
      throw new IllegalStateException("no epoch recorded");
    }
    if (snapshots.isEmpty() || snapshots.get(snapshots.size() - 1).epoch != epochs) {
      keep(network);
    }
  }

  private void keep(TrainableNetwork network) {
    snapshots.add(new Snapshot(epochs, losses[epochs], network.copy()));
  }

  /** The number of epochs trained: the last epoch recorded. */
  int epochs() {
    return epochs;
  }

  /** The mean loss after each epoch, indexed by the epoch: element 0 is the loss before training. */
  double[] losses() {
    return Arrays.copyOf(losses, epochs + 1);
  }

  /** The copies of the network, in the order of their epochs; the last one is the trained network. */
  List<Snapshot> snapshots() {
    return Collections.unmodifiableList(snapshots);
  }

  /** The network as it was after one epoch. */
  static final class Snapshot {
    final int epoch;
    final double loss;
    final TrainableNetwork network;

    Snapshot(int epoch, double loss, TrainableNetwork network) {
      this.epoch = epoch;
      this.loss = loss;
      this.network = network;
    }
  }
}
