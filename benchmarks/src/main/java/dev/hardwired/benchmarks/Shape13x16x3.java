package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/** 13-16-3 (logistic, squared error), 275 parameters, in the shapes the processor chooses. */
@Network(inputs = 13, hidden = 16, outputs = 3)
public interface Shape13x16x3 {}
