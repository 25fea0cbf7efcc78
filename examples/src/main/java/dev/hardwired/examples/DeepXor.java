package dev.hardwired.examples;

import dev.hardwired.Network;

/** XOR with two hidden layers, 2-3-2-1: the chain rule applied twice. */
@Network(inputs = 2, hidden = {3, 2}, outputs = 1)
public interface DeepXor {}
