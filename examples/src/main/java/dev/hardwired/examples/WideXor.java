package dev.hardwired.examples;

import dev.hardwired.Network;

/** XOR with four hidden neurons instead of two: more room, so it converges from almost any seed. */
@Network(inputs = 2, hidden = 4, outputs = 1)
public interface WideXor {}
