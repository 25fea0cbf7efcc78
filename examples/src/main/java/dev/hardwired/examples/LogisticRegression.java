package dev.hardwired.examples;

import dev.hardwired.Loss;
import dev.hardwired.Network;

/** Logistic regression: one logistic neuron trained on binary cross-entropy. */
@Network(inputs = 2, hidden = {}, outputs = 1, loss = Loss.CROSS_ENTROPY)
public interface LogisticRegression {}
