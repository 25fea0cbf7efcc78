package dev.hardwired.train;

/**
 * The {@link LearningRateSchedule}s, each with its argument checks and a readable {@code toString}. Their
 * powers and cosines are {@link StrictMath}'s, so that a rate is the same bits on every JVM.
 */
final class Schedules {
  private Schedules() {}

  static double requireRate(double rate, String what) {
    if (!(rate > 0.0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(what + " is " + rate + "; expected a positive finite learning rate");
    }
    return rate;
  }

  static double requireFactor(double factor, String what) {
    if (!(factor > 0.0 && factor <= 1.0)) {
      throw new IllegalArgumentException(what + " is " + factor + "; expected a decay factor in (0, 1]");
    }
    return factor;
  }

  static void requireEpoch(int epoch, int totalEpochs) {
    if (totalEpochs < 1) {
      throw new IllegalArgumentException("totalEpochs is " + totalEpochs + "; expected at least 1");
    }
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch is " + epoch + "; expected at least 0 (epochs count from 0)");
    }
  }

  static final class Constant implements LearningRateSchedule {
    private final double rate;

    Constant(double rate) {
      this.rate = rate;
    }

    @Override
    public double rate(int epoch, int totalEpochs) {
      requireEpoch(epoch, totalEpochs);
      return rate;
    }

    @Override
    public String toString() {
      return "constant " + rate;
    }
  }

  static final class Step implements LearningRateSchedule {
    private final double initial;
    private final int everyEpochs;
    private final double factor;

    Step(double initial, int everyEpochs, double factor) {
      this.initial = initial;
      this.everyEpochs = everyEpochs;
      this.factor = factor;
    }

    @Override
    public double rate(int epoch, int totalEpochs) {
      requireEpoch(epoch, totalEpochs);
      return initial * StrictMath.pow(factor, epoch / everyEpochs);
    }

    @Override
    public String toString() {
      return initial + " × " + factor + " every " + everyEpochs + (everyEpochs == 1 ? " epoch" : " epochs");
    }
  }

  static final class Exponential implements LearningRateSchedule {
    private final double initial;
    private final double decay;

    Exponential(double initial, double decay) {
      this.initial = initial;
      this.decay = decay;
    }

    @Override
    public double rate(int epoch, int totalEpochs) {
      requireEpoch(epoch, totalEpochs);
      return initial * StrictMath.pow(decay, epoch);
    }

    @Override
    public String toString() {
      return initial + " × " + decay + "^epoch";
    }
  }

  static final class Cosine implements LearningRateSchedule {
    private final double initial;
    private final double minimum;

    Cosine(double initial, double minimum) {
      this.initial = initial;
      this.minimum = minimum;
    }

    @Override
    public double rate(int epoch, int totalEpochs) {
      requireEpoch(epoch, totalEpochs);
      if (epoch > totalEpochs) {
        throw new IllegalArgumentException(
            "epoch is " + epoch + "; expected at most totalEpochs (" + totalEpochs + ")");
      }
      return minimum + 0.5 * (initial - minimum) * (1.0 + StrictMath.cos(Math.PI * epoch / totalEpochs));
    }

    @Override
    public String toString() {
      return "cosine from " + initial + " to " + minimum;
    }
  }
}
