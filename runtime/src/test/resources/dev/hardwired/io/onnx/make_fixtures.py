#!/usr/bin/env python3
"""Writes the PyTorch fixtures of OnnxFrameworksTest: small networks built and exported by PyTorch, each with 16 rows
of inputs and PyTorch's own outputs for them (NAME.onnx and NAME.rows).

Each .rows line is one sample: its inputs, '|', PyTorch's outputs, as Python's shortest round-trip decimals
(float32 values widened exactly to float64 first).

Regenerate (Debian: apt-get install python3-torch python3-onnx), from the repository root:
    /usr/bin/python3 runtime/src/test/resources/dev/hardwired/io/onnx/make_fixtures.py
Made with PyTorch 1.13 and opset 13; the parameters come from torch.manual_seed, so another PyTorch version
may write other numbers, which the test takes from the files.
"""
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))


class MatMulAdd(torch.nn.Module):
    """x @ W + b with W stored [in, out]: exported as MatMul and Add rather than Gemm."""

    def __init__(self, inputs, outputs):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.randn(inputs, outputs) * 0.3)
        self.bias = torch.nn.Parameter(torch.randn(outputs) * 0.1)

    def forward(self, x):
        return torch.matmul(x, self.weight) + self.bias


def models():
    torch.manual_seed(1)
    yield "tanh_softmax_float", torch.float32, torch.nn.Sequential(
        torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 3), torch.nn.Softmax(dim=1))
    yield "relu_identity_double", torch.float64, torch.nn.Sequential(
        torch.nn.Linear(5, 7), torch.nn.ReLU(), torch.nn.Linear(7, 2))
    yield "leaky_sigmoid_float", torch.float32, torch.nn.Sequential(
        torch.nn.Linear(3, 6), torch.nn.LeakyReLU(0.01), torch.nn.Linear(6, 1), torch.nn.Sigmoid())
    yield "deep_double", torch.float64, torch.nn.Sequential(
        torch.nn.Linear(6, 5), torch.nn.Sigmoid(), torch.nn.Linear(5, 4), torch.nn.LeakyReLU(),
        torch.nn.Linear(4, 2), torch.nn.Tanh())
    yield "matmul_digits_float", torch.float32, torch.nn.Sequential(
        MatMulAdd(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10), torch.nn.Softmax(dim=1))
    # ELU, SELU, softplus and SiLU: single nodes (Elu, Selu, Softplus) and SiLU's Sigmoid and Mul.
    yield "elu_selu_softplus_double", torch.float64, torch.nn.Sequential(
        torch.nn.Linear(4, 6), torch.nn.ELU(), torch.nn.Linear(6, 5), torch.nn.SELU(), torch.nn.Linear(5, 2),
        torch.nn.Softplus())
    yield "silu_selu_float", torch.float32, torch.nn.Sequential(
        torch.nn.Linear(3, 6), torch.nn.SiLU(), torch.nn.Linear(6, 4), torch.nn.SELU(), torch.nn.Linear(4, 2))
    yield "silu_elu_double", torch.float64, torch.nn.Sequential(
        torch.nn.Linear(3, 5), torch.nn.SiLU(), torch.nn.Linear(5, 1), torch.nn.ELU())
    # The GELUs, which opset 13 has no node for: Div, Erf, Add, Mul, Mul for the exact form, and nine nodes
    # around a Tanh for the tanh form, with their constants as Constant nodes.
    yield "gelu_double", torch.float64, torch.nn.Sequential(
        torch.nn.Linear(4, 6), torch.nn.GELU(), torch.nn.Linear(6, 5), torch.nn.GELU(), torch.nn.Linear(5, 2))
    yield "gelu_tanh_float", torch.float32, torch.nn.Sequential(
        torch.nn.Linear(3, 6), torch.nn.GELU(approximate="tanh"), torch.nn.Linear(6, 4),
        torch.nn.GELU(approximate="tanh"), torch.nn.Linear(4, 2), torch.nn.Sigmoid())


def main():
    for name, dtype, model in models():
        model = model.to(dtype).eval()
        inputs = model[0].weight.shape[0] if isinstance(model[0], MatMulAdd) else model[0].in_features
        x = torch.randn(16, inputs, dtype=dtype) * 2.0
        torch.onnx.export(model, x, os.path.join(HERE, name + ".onnx"), input_names=["x"], output_names=["y"],
                          opset_version=13, dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}})
        with torch.no_grad():
            y = model(x)
        with open(os.path.join(HERE, name + ".rows"), "w") as rows:
            for xs, ys in zip(x.double().tolist(), y.double().tolist()):
                rows.write(" ".join(repr(v) for v in xs) + " | " + " ".join(repr(v) for v in ys) + "\n")
        print(name, dtype)


if __name__ == "__main__":
    main()
