package dev.hardwired.examples;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Network;

/**
 * Handwritten digits: 8×8 pixels in, the 10 digits out, one hidden layer of 32 tanh neurons, softmax. Its
 * 2,410 parameters are far past the 160 that are written out whole, and its output layer alone (330)
 * past the 120 that may stay unrolled, so the generated class writes both layers, 64 → 32 and 32 → 10,
 * as loops over weight rows.
 */
@Network(
    inputs = 64,
    hidden = 32,
    outputs = 10,
    activation = Activation.TANH,
    outputActivation = Activation.SOFTMAX,
    loss = Loss.SOFTMAX_CROSS_ENTROPY)
public interface Digits {}
