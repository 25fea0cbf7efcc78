package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/** {@link Shape30x16x8x1} with every layer looped ({@code -Ahardwired.unrollLimit=0}), 641 parameters. */
@Network(inputs = 30, hidden = {16, 8}, outputs = 1)
public interface Looped30x16x8x1 {}
