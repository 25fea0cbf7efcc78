package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/** 784-128-10: logistic hidden and output layers, summed squared error; (784 + 1) × 128 + (128 + 1) × 10 = 101,770 parameters. */
@Network(inputs = 784, hidden = 128, outputs = 10)
public interface Size784x128x10 {}
