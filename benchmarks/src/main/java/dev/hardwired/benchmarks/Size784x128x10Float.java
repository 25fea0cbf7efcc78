package dev.hardwired.benchmarks;

import dev.hardwired.Network;
import dev.hardwired.Precision;

/** {@link Size784x128x10} in single precision. */
@Network(inputs = 784, hidden = 128, outputs = 10, precision = Precision.FLOAT)
public interface Size784x128x10Float {}
