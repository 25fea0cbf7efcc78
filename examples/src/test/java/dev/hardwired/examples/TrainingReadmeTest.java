package dev.hardwired.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwired.data.DataSet;
import dev.hardwired.data.Metrics;
import dev.hardwired.data.Standardizer;
import dev.hardwired.train.ConsoleProgress;
import dev.hardwired.train.Optimizer;
import dev.hardwired.train.Sweep;
import dev.hardwired.train.Trainer;
import dev.hardwired.train.TrainingHistory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The README's training snippets, compiled and run as written there, on the iris flowers. */
class TrainingReadmeTest {
  private static DataSet[] irisSets() {
    DataSet.Split split = IrisExample.load().stratifiedSplit(0.8, 1);
    DataSet.Split inner = split.training().stratifiedSplit(0.8, 2);
    Standardizer standardizer = Standardizer.fit(inner.training());
    return new DataSet[] {
      standardizer.apply(inner.training()), standardizer.apply(inner.test()), standardizer.apply(split.test())
    };
  }

  @Test
  void trainsWithAdamOnMiniBatchesAndStopsEarly() {
    DataSet[] sets = irisSets();
    DataSet training = sets[0];
    DataSet validation = sets[1];
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true));
    IrisNetwork net = IrisNetwork.seeded(42);
    TrainingHistory history;
    try {
    history = Trainer.create()
        .optimizer(Optimizer.adam())              // or sgd().momentum(0.9), rmsProp(), adamW(0.01)
        .learningRate(0.01)
        .batchSize(16)                            // 1 is SGD; fullBatch() is gradient descent
        .epochs(300)
        .earlyStopping(20)                        // and the parameters of the best epoch back
        .seed(7)                                  // the same seed, the same bits
        .listener(ConsoleProgress.create())       // one redrawn line on a terminal, plain lines in a log
        .train(net, training, validation);
    System.out.println(history);                  // 55 epochs (early stopping; best epoch 35), last: ...
    } finally {
      System.setOut(original);
    }
    assertEquals(TrainingHistory.StopReason.EARLY_STOPPING, history.stopReason());
    assertEquals(history.bestEpoch() + 20, history.size());
    assertTrue(printed.toString().contains("done after " + history.size() + " of 300 epochs (early stopping)"), printed.toString());
    assertTrue(printed.toString().contains(history.toString()), printed.toString());
    assertTrue(Metrics.accuracy(net, sets[2]) >= 0.9, history.toString());
    assertEquals(history.toString(), expectedSummary(history));
    assertEquals(35, history.bestEpoch(), "the README says so");
  }

  private static String expectedSummary(TrainingHistory history) {
    return history.size() + " epochs (early stopping; best epoch " + history.bestEpoch() + "), last: " + history.last();
  }

  @Test
  void aSweepTriesSeveralRatesAtOnce() {
    DataSet[] sets = irisSets();
    DataSet training = sets[0];
    DataSet validation = sets[1];
    IrisNetwork net = IrisNetwork.seeded(42);
    Trainer trainer = Trainer.create().optimizer(Optimizer.adam()).batchSize(16).epochs(50);
    List<Callable<TrainingHistory>> runs = new ArrayList<>();
    for (double rate : new double[] {0.03, 0.01, 0.003}) {
      IrisNetwork copy = net.copy();                          // each run trains its own copy
      runs.add(() -> trainer.learningRate(rate).train(copy, training, validation));
    }
    List<TrainingHistory> histories = Sweep.run(runs);        // one thread per core; the same bits as one by one

    assertEquals(3, histories.size());
    TrainingHistory alone = trainer.learningRate(0.01).train(net.copy(), training, validation);
    assertArrayEquals(alone.validationLosses(), histories.get(1).validationLosses());
  }
}
