package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/** {@link Shape8x12x4} with every layer looped ({@code -Ahardwired.unrollLimit=0}), 160 parameters. */
@Network(inputs = 8, hidden = 12, outputs = 4)
public interface Looped8x12x4 {}
