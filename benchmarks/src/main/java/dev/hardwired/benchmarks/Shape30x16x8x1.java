package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/** 30-16-8-1 (logistic, squared error), 641 parameters, in the shapes the processor chooses. */
@Network(inputs = 30, hidden = {16, 8}, outputs = 1)
public interface Shape30x16x8x1 {}
