package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/** 64-32-10: logistic hidden and output layers, summed squared error; (64 + 1) × 32 + (32 + 1) × 10 = 2,410 parameters. */
@Network(inputs = 64, hidden = 32, outputs = 10)
public interface Size64x32x10 {}
