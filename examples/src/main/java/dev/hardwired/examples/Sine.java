package dev.hardwired.examples;

import dev.hardwired.Activation;
import dev.hardwired.Network;

/**
 * Regression of a curve: one input x, one hidden layer of 16 tanh neurons, one identity output, trained on
 * summed squared error. Its 49 parameters are written out whole.
 */
@Network(inputs = 1, hidden = 16, outputs = 1, activation = Activation.TANH, outputActivation = Activation.IDENTITY)
public interface Sine {}
