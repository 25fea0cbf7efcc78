package dev.hardwired.examples;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Network;

/** Fisher's iris flowers: 4 measurements in, 3 species out, one hidden layer of 8 tanh neurons, softmax. */
@Network(
    inputs = 4,
    hidden = 8,
    outputs = 3,
    activation = Activation.TANH,
    outputActivation = Activation.SOFTMAX,
    loss = Loss.SOFTMAX_CROSS_ENTROPY)
public interface Iris {}
