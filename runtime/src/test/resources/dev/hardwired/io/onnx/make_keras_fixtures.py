#!/usr/bin/env python3
"""Writes the Keras fixtures of OnnxFrameworksTest: Keras Sequential models of Dense layers as ONNX graphs of
the shape tf2onnx writes for them, each with 16 rows of inputs and the Keras outputs for them computed here
(NAME.onnx and NAME.rows, in the format make_fixtures.py describes).

TensorFlow and tf2onnx are not Debian packages, so the graphs are
written with the onnx package, node for node as tf2onnx 1.17 writes a tf.keras Dense model, after its source
(github.com/onnx/tensorflow-onnx):
- tf2onnx/onnx_opset/math.py: MatMul stays MatMul (a Dense kernel is stored [inputs, units], not transposed);
  Relu, Tanh, Sigmoid, Elu, Softplus and Selu map one to one, with no attributes (TensorFlow's ops have none,
  so Elu's alpha and Selu's alpha and gamma are ONNX's defaults); Softmax gets axis = rank - 1 = 1 below opset
  13 and no axis (the default, -1) from opset 13.
- tf2onnx/onnx_opset/nn.py: BiasAdd becomes Add of the 1-D bias.
- tf2onnx/rewriter/gemm_rewriter.py: a float32 MatMul and BiasAdd become one Gemm (transA = transB = 0, no
  alpha or beta) only when every dimension is known, that is for a fixed batch size; with the batch left free
  (-1), and always in float64, they stay MatMul and Add (tensorflow-onnx issue #1832).
- tf2onnx/utils.py make_onnx_shape: an unknown dimension becomes a dim_param "unk__N"; make_name numbers
  inserted nodes "NAME__N"; tf2onnx/graph.py make_model: producer "tf2onnx", opsets "" and ai.onnx.ml 2, the
  graph named "tf2onnx", IR version from the opset (constants.py OPSET_TO_IR_VERSION); no value_info for
  default-domain nodes.
- tf2onnx/optimizer/identity_optimizer.py removes the Identity before each output, renaming the last node's
  output to it; tf2onnx/convert.py from_keras names the input after the input signature's TensorSpec and the
  output after the model's output name (the last Dense layer's, such as "dense_1"); with --saved-model the input is
  the serving signature's ("dense_input" for a Sequential built with input_shape).
- Initializers keep the frozen graph's names, "sequential/dense/MatMul/ReadVariableOp:0" and
  "sequential/dense/BiasAdd/ReadVariableOp:0"; nodes keep TensorFlow's, "sequential/dense/MatMul".

The weights are seeded random numbers standing in for trained ones, and the outputs are Keras' Dense
arithmetic, activation(x @ kernel + bias) layer by layer, computed with numpy in the model's precision, with
TensorFlow's kernels' formulas (relu_op_functor.h: SELU, and ELU likewise, as exp(x) - 1 below zero;
softplus_op.h: x above -(log(eps) + 2), exp(x) below log(eps) + 2, else log1p(exp(x)); softmax as
exp(x - max) / sum): not TensorFlow's own outputs.

Regenerate (Debian: apt-get install python3-onnx python3-sklearn), from the repository root:
    /usr/bin/python3 runtime/src/test/resources/dev/hardwired/io/onnx/make_keras_fixtures.py
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from sklearn.datasets import load_iris

HERE = os.path.dirname(os.path.abspath(__file__))
OPSET_TO_IR_VERSION = {11: 6, 12: 7, 13: 7, 15: 8}
NODES = {"relu": "Relu", "tanh": "Tanh", "sigmoid": "Sigmoid", "softmax": "Softmax", "elu": "Elu", "selu": "Selu",
         "softplus": "Softplus"}


class Names:
    """tf2onnx's numbering of the names it makes (utils.make_name): one counter for the whole conversion."""

    def __init__(self, start):
        self.next = start

    def make(self, name):
        self.next += 1
        return "%s__%d" % (name, self.next)


def activate(kind, z):
    """Keras' activation in z's precision, as TensorFlow's kernels compute it."""
    one = z.dtype.type(1)
    if kind == "linear":
        return z
    if kind == "relu":
        return np.maximum(z, z.dtype.type(0))
    if kind == "tanh":
        return np.tanh(z)
    if kind == "sigmoid":
        return one / (one + np.exp(-z))
    if kind == "elu":
        return np.where(z < 0, np.exp(z) - one, z)
    if kind == "selu":
        scale = z.dtype.type(1.0507009873554804934193349852946)
        scale_alpha = z.dtype.type(1.7580993408473768599402175208123)
        return np.where(z < 0, scale_alpha * (np.exp(z) - one), scale * z)
    if kind == "softplus":
        threshold = np.log(np.finfo(z.dtype).eps).astype(z.dtype) + z.dtype.type(2)
        return np.where(z > -threshold, z, np.where(z < threshold, np.exp(z), np.log1p(np.exp(z))))
    if kind == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    raise ValueError(kind)


def layers_of(rng, sizes, dtype):
    """Kernels [inputs, units] drawn like Keras' glorot_uniform, and small nonzero biases."""
    layers = []
    for fan_in, units in zip(sizes, sizes[1:]):
        limit = np.sqrt(6.0 / (fan_in + units))
        kernel = rng.uniform(-limit, limit, size=(fan_in, units)).astype(dtype)
        bias = rng.uniform(-0.2, 0.2, size=units).astype(dtype)
        layers.append((kernel, bias))
    return layers


def graph_of(layers, activations, dtype, input_name, output_name, batch, opset, names):
    proto = TensorProto.FLOAT if dtype == np.float32 else TensorProto.DOUBLE
    batch_dim = batch if batch is not None else names.make("unk")
    nodes, inits = [], []
    value = input_name
    for k, ((kernel, bias), kind) in enumerate(zip(layers, activations)):
        scope = "sequential/" + ("dense" if k == 0 else "dense_%d" % k)
        last = k == len(layers) - 1
        kernel_name = scope + "/MatMul/ReadVariableOp:0"
        bias_name = scope + "/BiasAdd/ReadVariableOp:0"
        inits.append(numpy_helper.from_array(kernel, kernel_name))
        inits.append(numpy_helper.from_array(bias, bias_name))
        if dtype == np.float32 and batch is not None:
            gemm = scope + "/MatMul_" + names.make("Gemm")
            after = output_name if last and kind == "linear" else gemm + ":0"
            nodes.append(helper.make_node("Gemm", [value, kernel_name, bias_name], [after], name=gemm,
                                          transA=0, transB=0))
        else:
            nodes.append(helper.make_node("MatMul", [value, kernel_name], [scope + "/MatMul:0"], name=scope + "/MatMul"))
            after = output_name if last and kind == "linear" else scope + "/BiasAdd:0"
            nodes.append(helper.make_node("Add", [scope + "/MatMul:0", bias_name], [after], name=scope + "/BiasAdd"))
        value = after
        if kind != "linear":
            op = NODES[kind]
            out = output_name if last else scope + "/" + op + ":0"
            attributes = {"axis": 1} if op == "Softmax" and opset < 13 else {}
            nodes.append(helper.make_node(op, [value], [out], name=scope + "/" + op, **attributes))
            value = out
    out_dim = batch if batch is not None else names.make("unk")
    inputs = [helper.make_tensor_value_info(input_name, proto, [batch_dim, layers[0][0].shape[0]])]
    outputs = [helper.make_tensor_value_info(output_name, proto, [out_dim, layers[-1][0].shape[1]])]
    return helper.make_graph(nodes, "tf2onnx", inputs, outputs, inits, doc_string="converted from sequential")


def forward(layers, activations, x):
    for (kernel, bias), kind in zip(layers, activations):
        x = activate(kind, x @ kernel + bias)
    return x


def save(name, sizes, activations, dtype, seed, rows, input_name, output_name, batch=None, opset=15):
    rng = np.random.RandomState(seed)
    layers = layers_of(rng, sizes, dtype)
    graph = graph_of(layers, activations, dtype, input_name, output_name, batch, opset, Names(5))
    model = helper.make_model(graph, producer_name="tf2onnx", producer_version="1.16.1", opset_imports=[
        helper.make_opsetid("", opset), helper.make_opsetid("ai.onnx.ml", 2)])
    model.ir_version = OPSET_TO_IR_VERSION[opset]
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, os.path.join(HERE, name + ".onnx"))
    x = rows.astype(dtype)
    y = forward(layers, activations, x)
    assert y.dtype == dtype
    with open(os.path.join(HERE, name + ".rows"), "w") as out:
        for xs, ys in zip(x.astype(np.float64).tolist(), y.astype(np.float64).tolist()):
            out.write(" ".join(repr(v) for v in xs) + " | " + " ".join(repr(v) for v in ys) + "\n")
    print(name)


def main():
    # from_keras(model, input_signature=[tf.TensorSpec((None, 4), tf.float32, name="input")]): opset 15.
    iris = load_iris().data[::9][:16]
    save("keras_iris_float", [4, 8, 3], ["tanh", "softmax"], np.float32, 11, iris, "input", "dense_1")

    # set_floatx("float64"); model.save(dir); python -m tf2onnx.convert --saved-model dir --opset 13.
    rng = np.random.RandomState(12)
    save("keras_regressor_double", [3, 8, 4, 1], ["relu", "sigmoid", "linear"], np.float64, 13,
         rng.uniform(-2, 2, size=(16, 3)), "dense_input", "dense_2", opset=13)

    # from_keras(model, input_signature=[tf.TensorSpec((1, 5), tf.float32, name="input_1")], opset=12):
    # a fixed batch, so Gemm; below opset 13, Softmax with axis = 1.
    rng = np.random.RandomState(14)
    save("keras_elu_selu_softplus_float", [5, 6, 5, 4, 3], ["elu", "selu", "softplus", "softmax"], np.float32, 15,
         rng.normal(0, 1.5, size=(16, 5)), "input_1", "dense_3", batch=1, opset=12)


if __name__ == "__main__":
    main()
