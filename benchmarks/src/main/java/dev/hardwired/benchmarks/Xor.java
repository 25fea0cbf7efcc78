package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/** XOR, 2-2-1: logistic hidden and output layers, summed squared error; 9 parameters. */
@Network(inputs = 2, hidden = 2, outputs = 1)
public interface Xor {}
