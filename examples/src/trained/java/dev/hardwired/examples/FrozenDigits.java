package dev.hardwired.examples;

import dev.hardwired.Activation;
import dev.hardwired.Frozen;
import dev.hardwired.Loss;
import dev.hardwired.Network;

/**
 * The digits network of {@link Digits}, frozen: {@code DigitsFrozen} is generated from this declaration and
 * the weights that {@link FreezeDigits} saved after training, as constants, and needs only the JDK.
 */
@Network(
    inputs = 64,
    hidden = 32,
    outputs = 10,
    activation = Activation.TANH,
    outputActivation = Activation.SOFTMAX,
    loss = Loss.SOFTMAX_CROSS_ENTROPY)
@Frozen(weights = "digits.weights", name = "DigitsFrozen")
public interface FrozenDigits {}
