package dev.hardwired.examples;

import dev.hardwired.data.DataSet;
import dev.hardwired.train.Trainer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The digits' training (Adam on mini-batches of 32, as {@link DigitsExample} trains) through the generated
 * batched kernels and again through the per-sample path, {@link PerSampleNetwork}: the time of each and
 * proof that both give the same parameters, bit for bit.
 */
final class DigitsBatches {
  private DigitsBatches() {}

  /** The two trainings' times in ms (batched, per sample), after one warm-up run of each. */
  static double[] timesAndCheck() {
    DataSet.Split split = DigitsExample.load().stratifiedSplit(0.8, DigitsExample.SPLIT_SEED);
    DataSet training = DigitsExample.scaling().apply(split.training());
    Trainer trainer = DigitsExample.trainer(DigitsExample.SEED, DigitsExample.EPOCHS);
    double[] millis = new double[2];
    for (int round = 0; round < 2; round++) {
      DigitsNetwork batched = DigitsNetwork.seeded(DigitsExample.SEED);
      DigitsNetwork perSample = DigitsNetwork.seeded(DigitsExample.SEED);
      long start = System.nanoTime();
      trainer.train(batched, training);
      long middle = System.nanoTime();
      trainer.train(new PerSampleNetwork(perSample), training);
      long end = System.nanoTime();
      if (!Arrays.equals(batched.parameters(), perSample.parameters())) {
        throw new IllegalStateException("the batched kernels and the per-sample path trained different parameters");
      }
      millis[0] = (middle - start) / 1e6;
      millis[1] = (end - middle) / 1e6;
    }
    return millis;
  }

  /** The line the main job prints. */
  static String run() {
    double[] millis = timesAndCheck();
    return String.format(
        Locale.ROOT,
        "Digits on mini-batches of %d, %d epochs: %.1f ms through the batched kernels, %.1f ms one sample at a time"
            + " (%.2f×); the same parameters, bit for bit.",
        DigitsExample.BATCH_SIZE,
        DigitsExample.EPOCHS,
        millis[0],
        millis[1],
        millis[1] / millis[0]);
  }
}
