package dev.hardwired.examples;

import dev.hardwired.Activation;
import dev.hardwired.Network;

/** Linear regression: one identity neuron trained on squared error. */
@Network(inputs = 2, hidden = {}, outputs = 1, outputActivation = Activation.IDENTITY)
public interface LinearRegression {}
