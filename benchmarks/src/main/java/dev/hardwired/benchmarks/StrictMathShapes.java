package dev.hardwired.benchmarks;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Network;

/**
 * The networks of {@link StrictMathBenchmark}: tanh hidden layers, each shape declared twice, with {@code
 * Math}'s exp, tanh and log and with {@code StrictMath}'s ({@code strictMath = true}).
 */
public final class StrictMathShapes {
  private StrictMathShapes() {}

  /** 2-4-1, tanh → logistic, binary cross-entropy: 17 parameters. */
  @Network(inputs = 2, hidden = 4, outputs = 1, activation = Activation.TANH, loss = Loss.CROSS_ENTROPY)
  public interface Tanh2x4x1 {}

  /** {@link Tanh2x4x1} with {@code strictMath = true}. */
  @Network(inputs = 2, hidden = 4, outputs = 1, activation = Activation.TANH, loss = Loss.CROSS_ENTROPY, strictMath = true)
  public interface StrictTanh2x4x1 {}

  /** 64-32-10, tanh → softmax, categorical cross-entropy: 2,410 parameters. */
  @Network(
      inputs = 64,
      hidden = 32,
      outputs = 10,
      activation = Activation.TANH,
      outputActivation = Activation.SOFTMAX,
      loss = Loss.SOFTMAX_CROSS_ENTROPY)
  public interface Tanh64x32x10 {}

  /** {@link Tanh64x32x10} with {@code strictMath = true}. */
  @Network(
      inputs = 64,
      hidden = 32,
      outputs = 10,
      activation = Activation.TANH,
      outputActivation = Activation.SOFTMAX,
      loss = Loss.SOFTMAX_CROSS_ENTROPY,
      strictMath = true)
  public interface StrictTanh64x32x10 {}
}
