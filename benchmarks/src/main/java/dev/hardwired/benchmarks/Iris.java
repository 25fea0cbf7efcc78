package dev.hardwired.benchmarks;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Network;

/** Iris-shaped, 4-8-3: tanh hidden layer, softmax outputs, softmax cross-entropy; 67 parameters. */
@Network(
    inputs = 4,
    hidden = 8,
    outputs = 3,
    activation = Activation.TANH,
    outputActivation = Activation.SOFTMAX,
    loss = Loss.SOFTMAX_CROSS_ENTROPY)
public interface Iris {}
