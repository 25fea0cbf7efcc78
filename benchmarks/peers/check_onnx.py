#!/usr/bin/env python3
"""Checks ONNX models with the onnx package's checker, shape inference included, and prints each graph.

usage: /usr/bin/python3 benchmarks/peers/check_onnx.py model.onnx [more.onnx ...]
(Debian: apt-get install python3-onnx)
"""
import sys

import onnx

for path in sys.argv[1:]:
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    print(path + ": valid, IR version %d, opset %d" % (model.ir_version, model.opset_import[0].version))
    print(onnx.helper.printable_graph(model.graph))
