package dev.hardwired.benchmarks;

import dev.hardwired.Network;

/** {@link Shape13x16x3} with every layer looped ({@code -Ahardwired.unrollLimit=0}), 275 parameters. */
@Network(inputs = 13, hidden = 16, outputs = 3)
public interface Looped13x16x3 {}
