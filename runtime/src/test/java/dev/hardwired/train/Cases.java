package dev.hardwired.train;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Every rule and combination under test, each with its plain oracle; and arrays to train. */
final class Cases {
  private Cases() {}

  /** An optimizer and the plain equations that should give the same parameters from the same start. */
  record Case(String name, Optimizer optimizer, Function<double[], PlainRule> plain) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Lengths of several parameter arrays, as a generated network has them, so that boundaries matter. */
  static final int[] LENGTHS = {3, 17, 1, 64};

  static List<Case> all() {
    return List.of(
        new Case("SGD", Optimizer.sgd(), w -> PlainRule.sgd(w, 0, false)),
        new Case("SGD momentum", Optimizer.sgd().momentum(0.9), w -> PlainRule.sgd(w, 0.9, false)),
        new Case(
            "SGD Nesterov", Optimizer.sgd().momentum(0.9).nesterov(true), w -> PlainRule.sgd(w, 0.9, true)),
        new Case("SGD weight decay", Optimizer.sgd().weightDecay(0.01), w -> PlainRule.sgd(w, 0, false).l2(0.01)),
        new Case("SGD clipped", Optimizer.sgd().clipNorm(0.5), w -> PlainRule.sgd(w, 0, false).maxNorm(0.5)),
        new Case(
            "SGD momentum, weight decay, clipped",
            Optimizer.sgd().momentum(0.5).weightDecay(0.01).clipNorm(1.0),
            w -> PlainRule.sgd(w, 0.5, false).l2(0.01).maxNorm(1.0)),
        new Case(
            "SGD Nesterov, weight decay, clipped",
            Optimizer.sgd().clipNorm(0.3).weightDecay(0.02).nesterov(true).momentum(0.8),
            w -> PlainRule.sgd(w, 0.8, true).l2(0.02).maxNorm(0.3)),
        new Case("Adam", Optimizer.adam(), w -> PlainRule.adam(w, 0.9, 0.999, 1e-8, 0)),
        new Case(
            "Adam β1 0.8, β2 0.99, ε 1e-6",
            Optimizer.adam().beta1(0.8).beta2(0.99).epsilon(1e-6),
            w -> PlainRule.adam(w, 0.8, 0.99, 1e-6, 0)),
        new Case(
            "Adam weight decay, clipped",
            Optimizer.adam().weightDecay(0.01).clipNorm(0.5),
            w -> PlainRule.adam(w, 0.9, 0.999, 1e-8, 0).l2(0.01).maxNorm(0.5)),
        new Case("AdamW", Optimizer.adamW(0.01), w -> PlainRule.adam(w, 0.9, 0.999, 1e-8, 0.01)),
        new Case(
            "AdamW clipped",
            Optimizer.adamW(0.1).clipNorm(0.5),
            w -> PlainRule.adam(w, 0.9, 0.999, 1e-8, 0.1).maxNorm(0.5)),
        new Case(
            "AdamW with L2 too",
            Optimizer.adamW(0.05).weightDecay(0.01).beta2(0.95),
            w -> PlainRule.adam(w, 0.9, 0.95, 1e-8, 0.05).l2(0.01)),
        new Case("RMSprop", Optimizer.rmsProp(), w -> PlainRule.rmsProp(w, 0.9, 1e-8)),
        new Case(
            "RMSprop ρ 0.99, ε 1e-6, weight decay, clipped",
            Optimizer.rmsProp().rho(0.99).epsilon(1e-6).weightDecay(0.01).clipNorm(0.5),
            w -> PlainRule.rmsProp(w, 0.99, 1e-6).l2(0.01).maxNorm(0.5)));
  }

  static double[][] randomArrays(Random random, int[] lengths) {
    double[][] arrays = new double[lengths.length][];
    for (int k = 0; k < lengths.length; k++) {
      arrays[k] = new double[lengths[k]];
      for (int i = 0; i < lengths[k]; i++) {
        arrays[k][i] = 2 * random.nextDouble() - 1;
      }
    }
    return arrays;
  }

  static double[][] zeros(double[][] shape) {
    double[][] arrays = new double[shape.length][];
    for (int k = 0; k < shape.length; k++) {
      arrays[k] = new double[shape[k].length];
    }
    return arrays;
  }

  static double[] flatten(double[][] arrays) {
    int n = 0;
    for (double[] a : arrays) {
      n += a.length;
    }
    double[] flat = new double[n];
    int at = 0;
    for (double[] a : arrays) {
      System.arraycopy(a, 0, flat, at, a.length);
      at += a.length;
    }
    return flat;
  }

  static void scatter(double[] flat, double[][] arrays) {
    int at = 0;
    for (double[] a : arrays) {
      System.arraycopy(flat, at, a, 0, a.length);
      at += a.length;
    }
  }

  static float[][] narrow(double[][] arrays) {
    float[][] f = new float[arrays.length][];
    for (int k = 0; k < arrays.length; k++) {
      f[k] = new float[arrays[k].length];
      for (int i = 0; i < f[k].length; i++) {
        f[k][i] = (float) arrays[k][i];
      }
    }
    return f;
  }

  static double[][] widen(float[][] arrays) {
    double[][] d = new double[arrays.length][];
    for (int k = 0; k < arrays.length; k++) {
      d[k] = new double[arrays[k].length];
      for (int i = 0; i < d[k].length; i++) {
        d[k][i] = arrays[k][i];
      }
    }
    return d;
  }

  /**
   * Gradient sums for one step over {@code batch} samples, with a magnitude spread over three decades so
   * that clipping sometimes acts and sometimes not.
   */
  static double[] randomSums(Random random, int n, int batch) {
    double magnitude = Math.pow(10, -2 + 3 * random.nextDouble());
    double[] sums = new double[n];
    for (int i = 0; i < n; i++) {
      sums[i] = batch * magnitude * (2 * random.nextDouble() - 1);
    }
    return sums;
  }

  /** |actual − expected| ≤ tolerance × max(1, |expected|) for every element, or the first that is not. */
  static String firstDifference(double[] expected, double[] actual, double tolerance) {
    if (expected.length != actual.length) {
      return "lengths " + expected.length + " and " + actual.length;
    }
    for (int i = 0; i < expected.length; i++) {
      if (!(Math.abs(actual[i] - expected[i]) <= tolerance * Math.max(1, Math.abs(expected[i])))) {
        return "element " + i + ": expected " + expected[i] + ", got " + actual[i];
      }
    }
    return null;
  }

  static double maxDifference(double[] a, double[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
