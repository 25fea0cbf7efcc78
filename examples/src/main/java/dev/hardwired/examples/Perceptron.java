package dev.hardwired.examples;

import dev.hardwired.Activation;
import dev.hardwired.Loss;
import dev.hardwired.Network;

/** The perceptron: one step neuron trained by the perceptron rule. */
@Network(inputs = 2, hidden = {}, outputs = 1, outputActivation = Activation.STEP, loss = Loss.PERCEPTRON)
public interface Perceptron {}
