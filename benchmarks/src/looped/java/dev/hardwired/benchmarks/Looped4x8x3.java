package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/** {@link Shape4x8x3} with every layer looped ({@code -Ahardwired.unrollLimit=0}), 67 parameters. */
@Network(inputs = 4, hidden = 8, outputs = 3)
public interface Looped4x8x3 {}
