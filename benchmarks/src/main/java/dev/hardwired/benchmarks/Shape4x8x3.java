package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/** 4-8-3 (logistic, squared error), 67 parameters, in the shapes the processor chooses. */
@Network(inputs = 4, hidden = 8, outputs = 3)
public interface Shape4x8x3 {}
