package dev.hardwired.benchmarks;

import dev.hardwired.Network;
import dev.hardwired.Precision;

/** {@link Size64x32x10} in single precision. */
@Network(inputs = 64, hidden = 32, outputs = 10, precision = Precision.FLOAT)
public interface Size64x32x10Float {}
