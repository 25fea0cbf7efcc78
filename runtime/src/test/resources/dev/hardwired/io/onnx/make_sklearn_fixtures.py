#!/usr/bin/env python3
"""Writes the scikit-learn fixtures of OnnxFrameworksTest: MLPClassifier and MLPRegressor models trained by
scikit-learn, as ONNX graphs of the shape skl2onnx writes for them, with 16 rows of inputs and scikit-learn's
own outputs (NAME.onnx and NAME.rows, as make_fixtures.py writes them).

skl2onnx is not a Debian package, and this machine reaches no other registry, so the graphs are written with
the onnx package, node for node as skl2onnx's MLP converter (skl2onnx/operator_converters/
multilayer_perceptron.py) writes them: the input cast to the model's type; per layer MatMul by coefs_[i]
(stored [inputs, outputs]) and Add of intercepts_[i] (stored [1, outputs]), then the activation; for a
classifier, the probabilities through Identity (or, for two classes, Sub from 1 and Concat), ArgMax,
ArrayFeatureExtractor of the classes, Reshape and Cast to the label, and by default a ZipMap of the
probabilities; for a regressor, a Reshape to one column.

Regenerate (Debian: apt-get install python3-sklearn python3-onnx), from the repository root:
    /usr/bin/python3 runtime/src/test/resources/dev/hardwired/io/onnx/make_sklearn_fixtures.py
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from sklearn.datasets import load_iris
from sklearn.neural_network import MLPClassifier, MLPRegressor

HERE = os.path.dirname(os.path.abspath(__file__))
ACTIVATIONS = {"identity": "Identity", "tanh": "Tanh", "logistic": "Sigmoid", "relu": "Relu", "softmax": "Softmax"}


def graph_of(model, dtype, zipmap):
    proto = TensorProto.FLOAT if dtype == np.float32 else TensorProto.DOUBLE
    nodes, inits = [], []
    nodes.append(helper.make_node("Cast", ["X"], ["cast_input"], to=proto, name="Cast"))
    value = "cast_input"
    for i in range(model.n_layers_ - 1):
        inits.append(numpy_helper.from_array(model.coefs_[i].astype(dtype), "coefficient%d" % i))
        inits.append(numpy_helper.from_array(model.intercepts_[i].astype(dtype).reshape(1, -1), "intercepts%d" % i))
        nodes.append(helper.make_node("MatMul", [value, "coefficient%d" % i], ["mul_result%d" % i], name="MatMul%d" % i))
        nodes.append(helper.make_node("Add", ["mul_result%d" % i, "intercepts%d" % i], ["add_result%d" % i],
                                      name="Add%d" % i))
        last = i + 1 == model.n_layers_ - 1
        activation = ACTIVATIONS[model.out_activation_ if last else model.activation]
        value = "out_activations_result" if last else "next_activations%d" % i
        nodes.append(helper.make_node(activation, ["add_result%d" % i], [value], name=activation + str(i)))
    inputs = [helper.make_tensor_value_info("X", proto, [None, model.n_features_in_])]
    if isinstance(model, MLPRegressor):
        inits.append(numpy_helper.from_array(np.array([-1, 1], dtype=np.int64), "shape_tensor"))
        nodes.append(helper.make_node("Reshape", [value, "shape_tensor"], ["variable"], name="Reshape"))
        outputs = [helper.make_tensor_value_info("variable", proto, [None, 1])]
        return helper.make_graph(nodes, "mlp_regressor", inputs, outputs, inits)
    if len(model.classes_) == 2:
        inits.append(numpy_helper.from_array(np.array(1, dtype=dtype), "unity"))
        nodes.append(helper.make_node("Sub", ["unity", value], ["negative_class_proba"], name="Sub"))
        nodes.append(helper.make_node("Concat", ["negative_class_proba", value], ["probabilities"], axis=1,
                                      name="Concat"))
    else:
        nodes.append(helper.make_node("Identity", [value], ["probabilities"], name="Identity"))
    inits.append(numpy_helper.from_array(model.classes_.astype(np.int32), "classes"))
    nodes.append(helper.make_node("ArgMax", ["probabilities"], ["argmax_output"], axis=1, name="ArgMax"))
    nodes.append(helper.make_node("ArrayFeatureExtractor", ["classes", "argmax_output"],
                                  ["array_feature_extractor_result"], domain="ai.onnx.ml",
                                  name="ArrayFeatureExtractor"))
    inits.append(numpy_helper.from_array(np.array([-1], dtype=np.int64), "shape_tensor"))
    nodes.append(helper.make_node("Reshape", ["array_feature_extractor_result", "shape_tensor"],
                                  ["reshaped_result"], name="Reshape"))
    nodes.append(helper.make_node("Cast", ["reshaped_result"], ["label"], to=TensorProto.INT64, name="Cast1"))
    outputs = [helper.make_tensor_value_info("label", TensorProto.INT64, [None])]
    if zipmap:
        nodes.append(helper.make_node("ZipMap", ["probabilities"], ["output_probability"],
                                      classlabels_int64s=[int(c) for c in model.classes_], domain="ai.onnx.ml",
                                      name="ZipMap"))
        a_map = onnx.TypeProto()
        a_map.map_type.key_type = TensorProto.INT64
        a_map.map_type.value_type.CopyFrom(helper.make_tensor_type_proto(proto, []))
        maps = helper.make_sequence_type_proto(a_map)
        outputs.append(helper.make_value_info("output_probability", maps))
    else:
        outputs.append(helper.make_tensor_value_info("probabilities", proto, [None, len(model.classes_)]))
    return helper.make_graph(nodes, "mlp_classifier", inputs, outputs, inits)


def save(name, model, dtype, x, y, zipmap=True):
    graph = graph_of(model, dtype, zipmap)
    onnx_model = helper.make_model(graph, producer_name="skl2onnx", opset_imports=[
        helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 1)])
    onnx_model.ir_version = 7
    # onnx 1.12's shape inference types neither ArrayFeatureExtractor's output nor ZipMap's sequence of maps:
    # the classifiers get the plain check.
    onnx.checker.check_model(onnx_model, full_check=isinstance(model, MLPRegressor))
    onnx.save(onnx_model, os.path.join(HERE, name + ".onnx"))
    with open(os.path.join(HERE, name + ".rows"), "w") as rows:
        for xs, ys in zip(x.astype(dtype).astype(np.float64).tolist(), y.tolist()):
            rows.write(" ".join(repr(v) for v in xs) + " | " + " ".join(repr(float(v)) for v in ys) + "\n")
    print(name)


def main():
    iris = load_iris()
    x, labels = iris.data, iris.target
    classifier = MLPClassifier(hidden_layer_sizes=(10,), activation="relu", max_iter=2000, random_state=1)
    classifier.fit(x, labels)
    rows = x[::9][:16].astype(np.float32)
    save("sklearn_iris_float", classifier, np.float32, rows, classifier.predict_proba(rows.astype(np.float64)))

    two = labels < 2
    binary = MLPClassifier(hidden_layer_sizes=(6,), activation="tanh", max_iter=2000, random_state=2)
    binary.fit(x[two], labels[two])
    rows = x[two][::6][:16]
    save("sklearn_binary_double", binary, np.float64, rows, binary.predict_proba(rows)[:, 1:], zipmap=False)

    rng = np.random.RandomState(3)
    inputs = rng.uniform(-2, 2, size=(200, 3))
    targets = np.sin(inputs[:, 0]) + inputs[:, 1] * inputs[:, 2] * 0.5
    regressor = MLPRegressor(hidden_layer_sizes=(8,), activation="tanh", max_iter=3000, random_state=4)
    regressor.fit(inputs, targets)
    rows = inputs[:16]
    save("sklearn_regressor_double", regressor, np.float64, rows, regressor.predict(rows).reshape(-1, 1))


if __name__ == "__main__":
    main()
