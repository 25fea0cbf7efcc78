package dev.hardwired.examples;

import dev.hardwired.Network;

/** The 2-2-2 logistic network of Matt Mazur's "A Step by Step Backpropagation Example". */
@Network(inputs = 2, hidden = 2, outputs = 2)
public interface Textbook {}
