package dev.hardwired.benchmarks;

import dev.hardwired.Network;
import dev.hardwired.Precision;

/** {@link Size2x4x1} in single precision. */
@Network(inputs = 2, hidden = 4, outputs = 1, precision = Precision.FLOAT)
public interface Size2x4x1Float {}
