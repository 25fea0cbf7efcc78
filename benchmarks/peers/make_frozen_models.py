#!/usr/bin/env python3
"""Writes the PyTorch models that FrozenOnnxBenchmark freezes and runs in ONNX Runtime: three float32
nn.Sequential networks, exported with torch.onnx.export at opset 13 as a PyTorch user would, into
benchmarks/src/main/resources/dev/hardwired/benchmarks/onnx/. Their parameters are PyTorch's own
initialisation from torch.manual_seed(1), untrained: the benchmark times the arithmetic, which the values do
not change.

Regenerate (Debian: apt-get install python3-torch python3-onnx), from the repository root:
    /usr/bin/python3 benchmarks/peers/make_frozen_models.py
Made with PyTorch 1.13.
"""
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "main", "resources", "dev", "hardwired", "benchmarks", "onnx")


def models():
    torch.manual_seed(1)
    yield "iris", torch.nn.Sequential(
        torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 3), torch.nn.Softmax(dim=1))
    yield "digits", torch.nn.Sequential(
        torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10), torch.nn.Softmax(dim=1))
    yield "mnist", torch.nn.Sequential(
        torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10), torch.nn.Softmax(dim=1))


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, model in models():
        model = model.eval()
        x = torch.rand(1, model[0].in_features)
        torch.onnx.export(model, x, os.path.join(OUT, name + ".onnx"), input_names=["x"], output_names=["y"],
                          opset_version=13, dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}})
        print(name)


if __name__ == "__main__":
    main()
