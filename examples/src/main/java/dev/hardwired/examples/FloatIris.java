package dev.hardwired.examples;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Network;
import dev.hardwired.Precision;

/** The iris network of {@link Iris} in single precision: float arithmetic and float[] arrays throughout. */
@Network(
    inputs = 4,
    hidden = 8,
    outputs = 3,
    activation = Activation.TANH,
    outputActivation = Activation.SOFTMAX,
    loss = Loss.SOFTMAX_CROSS_ENTROPY,
    precision = Precision.FLOAT)
public interface FloatIris {}
