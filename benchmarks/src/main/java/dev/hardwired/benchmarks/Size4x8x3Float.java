package dev.hardwired.benchmarks;

import dev.hardwired.Network;
import dev.hardwired.Precision;

/** {@link Size4x8x3} in single precision. */
@Network(inputs = 4, hidden = 8, outputs = 3, precision = Precision.FLOAT)
public interface Size4x8x3Float {}
