package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/**
 * 4-8-3: logistic hidden and output layers, summed squared error; (4 + 1) × 8 + (8 + 1) × 3 = 67
 * parameters.
 */
@Network(inputs = 4, hidden = 8, outputs = 3)
public interface Size4x8x3 {}
