#!/usr/bin/env python3
"""Trains the iris network of PyTorchIris in PyTorch and exports it to ONNX: 4-8-3, tanh, softmax, float32,
on the 150 flowers of ../data/iris.csv standardised with their own mean and deviation, every fifth flower
held out. Writes iris.onnx, and iris.rows with the 30 held-out flowers: their standardised measurements, '|',
PyTorch's three probabilities, '|', the species (shortest round-trip decimals of the float32 values).

Regenerate (Debian: apt-get install python3-torch), from the repository root:
    /usr/bin/python3 examples/src/main/resources/dev/hardwired/examples/pytorch/train_iris.py
"""
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    torch.manual_seed(2026)
    with open(os.path.join(HERE, "..", "data", "iris.csv")) as csv:
        lines = csv.read().split("\n")[1:]
    rows = [[float(v) for v in line.split(",")] for line in lines if line.strip()]
    x = torch.tensor([r[:4] for r in rows], dtype=torch.float32)
    y = torch.tensor([int(r[4]) for r in rows])
    x = (x - x.mean(dim=0)) / x.std(dim=0)
    test = torch.arange(len(rows)) % 5 == 4
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 3))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss = torch.nn.CrossEntropyLoss()
    for _ in range(300):
        optimizer.zero_grad()
        loss(model(x[~test]), y[~test]).backward()
        optimizer.step()
    # Trained on logits with CrossEntropyLoss; exported with its softmax, as the Hardwired network has one.
    model = torch.nn.Sequential(*model, torch.nn.Softmax(dim=1)).eval()
    torch.onnx.export(model, x[:1], os.path.join(HERE, "iris.onnx"), input_names=["x"], output_names=["y"],
                      opset_version=13, dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}})
    with torch.no_grad():
        probabilities = model(x[test])
    with open(os.path.join(HERE, "iris.rows"), "w") as out:
        for xs, ps, species in zip(x[test].double().tolist(), probabilities.double().tolist(), y[test].tolist()):
            out.write(" ".join(repr(v) for v in xs) + " | " + " ".join(repr(v) for v in ps) + " | %d\n" % species)
    accuracy = (probabilities.argmax(dim=1) == y[test]).double().mean().item()
    print("held-out accuracy %.3f" % accuracy)


if __name__ == "__main__":
    main()
