package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/**
 * 8-12-4: logistic hidden and output layers, summed squared error; (8 + 1) × 12 + (12 + 1) × 4 = 160
 * parameters, the largest network that is still written out as straight-line code.
 */
@Network(inputs = 8, hidden = 12, outputs = 4)
public interface Wide {}
