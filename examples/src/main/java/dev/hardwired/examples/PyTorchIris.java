package dev.hardwired.examples;

import dev.hardwired.Activation;
import dev.hardwired.Frozen;
import dev.hardwired.Loss;
import dev.hardwired.Network;
import dev.hardwired.Precision;

/**
 * The iris network trained in PyTorch and exported to ONNX (pytorch/iris.onnx, made by pytorch/train_iris.py
 * beside it), frozen into {@code PyTorchIrisFrozen} when this module compiles: the same 4-8-3 tanh, softmax
 * network as {@link Iris}, in float, as PyTorch trained it.
 */
@Network(
    inputs = 4,
    hidden = 8,
    outputs = 3,
    activation = Activation.TANH,
    outputActivation = Activation.SOFTMAX,
    loss = Loss.SOFTMAX_CROSS_ENTROPY,
    precision = Precision.FLOAT)
@Frozen(weights = "pytorch/iris.onnx")
public interface PyTorchIris {}
