#!/usr/bin/env python3
"""PyTorch on the batch benchmarks' networks, on one thread: the peer that BatchTrainBenchmark and
BatchPredictBenchmark are compared with.

The networks are those of the size benchmarks: logistic hidden and output layers, summed squared error
(½ Σ (SpostA,O − T)² per sample), at 2-4-1, 4-8-3, 64-32-10 and 784-128-10, on random inputs in [0, 1]
with one-hot targets (0/1 for one output). Each figure is the mean time per sample over about one second
of repetitions, after half a second of warm-up:

  train_b1     the idiomatic loop: zero_grad, forward, loss, backward, SGD step, one sample at a time
  train_sgd32  a batch of 32 samples, the same steps once, plain SGD
  train_adam32 a batch of 32 samples with Adam
  infer_b1     forward under no_grad, one sample at a time
  infer_b256   forward under no_grad, a batch of 256

in float64 and float32. It prints tab-separated lines: network, dtype, operation, ns per sample, and on
standard error the versions and the OpenBLAS kernel that ran (PyTorch's BLAS is the system's libblas.so.3:
install libopenblas0-pthread, or it is the slow reference BLAS).
"""
import ctypes
import sys
import time

import torch

NETWORKS = [(2, 4, 1), (4, 8, 3), (64, 32, 10), (784, 128, 10)]
WARM_UP_SECONDS = 0.5
MEASURE_SECONDS = 1.0


def network(sizes, dtype):
    inputs, hidden, outputs = sizes
    torch.manual_seed(42)
    return torch.nn.Sequential(
        torch.nn.Linear(inputs, hidden), torch.nn.Sigmoid(),
        torch.nn.Linear(hidden, outputs), torch.nn.Sigmoid()).to(dtype)


def data(sizes, rows, dtype):
    inputs, _, outputs = sizes
    generator = torch.Generator().manual_seed(7)
    x = torch.rand(rows, inputs, generator=generator, dtype=dtype)
    y = torch.zeros(rows, outputs, dtype=dtype)
    for r in range(rows):
        if outputs == 1:
            y[r, 0] = r % 2
        else:
            y[r, r % outputs] = 1
    return x, y


def per_sample(step, samples_per_call):
    """Mean ns per sample of step() over MEASURE_SECONDS, after WARM_UP_SECONDS of calls."""
    end = time.perf_counter() + WARM_UP_SECONDS
    while time.perf_counter() < end:
        step()
    calls = 0
    start = time.perf_counter()
    end = start + MEASURE_SECONDS
    while True:
        step()
        calls += 1
        now = time.perf_counter()
        if now >= end:
            break
    return (now - start) / (calls * samples_per_call) * 1e9


def loss_of(net, x, y):
    return 0.5 * ((net(x) - y) ** 2).sum()


def measure(sizes, dtype):
    net = network(sizes, dtype)
    x, y = data(sizes, 256, dtype)
    sgd = torch.optim.SGD(net.parameters(), lr=0.001)
    adam = torch.optim.Adam(net.parameters(), lr=0.001)
    position = [0]

    def train_b1():
        k = position[0] = (position[0] + 1) % 256
        sgd.zero_grad()
        loss_of(net, x[k:k + 1], y[k:k + 1]).backward()
        sgd.step()

    def batch_step(optimizer):
        def step():
            optimizer.zero_grad()
            loss_of(net, x[:32], y[:32]).backward()
            optimizer.step()
        return step

    def infer_b1():
        k = position[0] = (position[0] + 1) % 256
        with torch.no_grad():
            net(x[k:k + 1])

    def infer_b256():
        with torch.no_grad():
            net(x)

    return [
        ("train_b1", per_sample(train_b1, 1)),
        ("train_sgd32", per_sample(batch_step(sgd), 32)),
        ("train_adam32", per_sample(batch_step(adam), 32)),
        ("infer_b1", per_sample(infer_b1, 1)),
        ("infer_b256", per_sample(infer_b256, 256)),
    ]


def blas():
    """The OpenBLAS kernel that runs here, or what stands in its place."""
    try:
        openblas = ctypes.CDLL("libopenblas.so.0")
        openblas.openblas_get_corename.restype = ctypes.c_char_p
        openblas.openblas_get_config.restype = ctypes.c_char_p
        return "OpenBLAS %s, kernel %s" % (
            openblas.openblas_get_config().decode(), openblas.openblas_get_corename().decode())
    except (OSError, AttributeError):
        return "no OpenBLAS (the reference BLAS?)"


def main():
    torch.set_num_threads(1)
    print("# torch %s, %d thread, %s" % (torch.__version__, torch.get_num_threads(), blas()), file=sys.stderr)
    for dtype, name in ((torch.float64, "float64"), (torch.float32, "float32")):
        for sizes in NETWORKS:
            label = "%dx%dx%d" % sizes
            for operation, ns in measure(sizes, dtype):
                print("%s\t%s\t%s\t%.0f" % (label, name, operation, ns), flush=True)


if __name__ == "__main__":
    main()
