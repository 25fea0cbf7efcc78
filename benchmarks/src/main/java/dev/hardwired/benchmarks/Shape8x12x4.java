package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/** 8-12-4 (logistic, squared error), 160 parameters, in the shapes the processor chooses. */
@Network(inputs = 8, hidden = 12, outputs = 4)
public interface Shape8x12x4 {}
