package dev.hardwired.benchmarks;

import dev.hardwired.Activation;
import dev.hardwired.Frozen;
import dev.hardwired.Loss;
import dev.hardwired.Network;
import dev.hardwired.Precision;

/**
 * A float32 PyTorch network of the iris shape: 4 measurements, 8 tanh neurons, 3 classes, softmax output, exported to ONNX by
 * peers/make_frozen_models.py and frozen into {@code PyTorchIrisFrozen}; {@link FrozenOnnxBenchmark} runs it
 * against ONNX Runtime on the same file.
 */
@Network(
    inputs = 4,
    hidden = 8,
    outputs = 3,
    activation = Activation.TANH,
    outputActivation = Activation.SOFTMAX,
    loss = Loss.SOFTMAX_CROSS_ENTROPY,
    precision = Precision.FLOAT)
@Frozen(weights = "onnx/iris.onnx")
public interface PyTorchIris {}
