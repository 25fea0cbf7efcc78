package dev.hardwired.benchmarks;

import dev.hardwired.Activation;
import dev.hardwired.Frozen;
import dev.hardwired.Loss;
import dev.hardwired.Network;
import dev.hardwired.Precision;

/**
 * A float32 PyTorch network of MNIST's shape: 784 pixels, 128 ReLU neurons, 10 classes, softmax output, exported to ONNX by
 * peers/make_frozen_models.py and frozen into {@code PyTorchMnistFrozen}; {@link FrozenOnnxBenchmark} runs it
 * against ONNX Runtime on the same file.
 */
@Network(
    inputs = 784,
    hidden = 128,
    outputs = 10,
    activation = Activation.RELU,
    outputActivation = Activation.SOFTMAX,
    loss = Loss.SOFTMAX_CROSS_ENTROPY,
    precision = Precision.FLOAT)
@Frozen(weights = "onnx/mnist.onnx")
public interface PyTorchMnist {}
