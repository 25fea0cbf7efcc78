package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/**
 * 2-4-1: logistic hidden and output layers, summed squared error; (2 + 1) × 4 + (4 + 1) × 1 = 17
 * parameters. {@link HandWritten2x4x1} is the same network written by hand.
 */
@Network(inputs = 2, hidden = 4, outputs = 1)
public interface Size2x4x1 {}
