package dev.hardwired.benchmarks;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Network;
import dev.hardwired.Precision;

/** Single-precision networks of every activation, exported to ONNX by {@link OnnxRuntimeParityTest}. */
final class OnnxNetworks {
  private OnnxNetworks() {}

  @Network(inputs = 4, hidden = 8, outputs = 3, activation = Activation.TANH, outputActivation = Activation.SOFTMAX,
      loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.FLOAT, name = "FloatTanhSoftmax")
  interface TanhSoftmax {}

  @Network(inputs = 5, hidden = 7, outputs = 2, activation = Activation.RELU, outputActivation = Activation.IDENTITY,
      precision = Precision.FLOAT, name = "FloatReluIdentity")
  interface ReluIdentity {}

  @Network(inputs = 3, hidden = 6, outputs = 1, activation = Activation.LEAKY_RELU,
      outputActivation = Activation.LOGISTIC, loss = Loss.CROSS_ENTROPY, precision = Precision.FLOAT,
      name = "FloatLeakyLogistic")
  interface LeakyLogistic {}

  @Network(inputs = 6, hidden = {5, 4}, outputs = 2, activation = {Activation.IDENTITY, Activation.LEAKY_RELU},
      outputActivation = Activation.TANH, precision = Precision.FLOAT, name = "FloatDeep")
  interface Deep {}

  @Network(inputs = 40, hidden = 24, outputs = 10, activation = Activation.TANH,
      outputActivation = Activation.SOFTMAX, loss = Loss.SOFTMAX_CROSS_ENTROPY, precision = Precision.FLOAT,
      name = "FloatLooped")
  interface Looped {}

  @Network(inputs = 2, hidden = {}, outputs = 1, outputActivation = Activation.STEP, loss = Loss.PERCEPTRON,
      precision = Precision.FLOAT, name = "FloatPerceptron")
  interface Perceptron {}

  @Network(inputs = 4, hidden = {6, 5}, outputs = 2, activation = {Activation.GELU, Activation.GELU_TANH},
      outputActivation = Activation.IDENTITY, precision = Precision.FLOAT, name = "FloatGelus")
  interface Gelus {}
}
