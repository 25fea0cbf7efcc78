package dev.hardwired.examples;

import dev.hardwired.Network;

/** The classic XOR problem: no single neuron can solve it, one hidden layer of two can. */
@Network(inputs = 2, hidden = 2, outputs = 1)
public interface Xor {}
