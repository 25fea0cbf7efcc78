#!/usr/bin/env python3
"""Merges a JMH run of the batch benchmarks (JSON) and a run of pytorch_batches.py (TSV) into one table of
ns per sample with the ratios, written into a Markdown file between the lines
'<!-- batches:begin -->' and '<!-- batches:end -->'.

usage: batch_table.py jmh.json pytorch.tsv docs/benchmarks.md
"""
import json
import sys

NETWORKS = ["2x4x1", "4x8x3", "64x32x10", "784x128x10"]
BEGIN = "<!-- batches:begin -->"
END = "<!-- batches:end -->"


def hardwired(path):
    """{(network, precision, operation): ns per sample} from JMH's JSON."""
    figures = {}
    for result in json.load(open(path)):
        name = result["benchmark"].rsplit(".", 2)
        cls, method = name[-2], name[-1]
        params = result.get("params", {})
        if cls == "TrainerThreadsBenchmark":
            key = params["threads"] + "/" + params.get("batch", "32")
            figures[(params["network"], "threads", key)] = result["primaryMetric"]["score"]
            continue
        batch = int(params["batch"])
        precision = params.get("precision", "double")
        score = result["primaryMetric"]["score"]
        operation = "%s.%s.%d" % (cls, method, batch)
        figures[(params["network"], precision, operation)] = score / batch
    return figures


def pytorch(path):
    figures = {}
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        network, dtype, operation, ns = line.split("\t")
        precision = "double" if dtype == "float64" else "float"
        figures[(network, precision, operation)] = float(ns)
    return figures


def fmt(ns):
    if ns is None:
        return "–"
    return "{:,.0f} ns".format(ns) if ns < 10000 else "{:,.1f} µs".format(ns / 1000)


def ratio(peer, ours):
    if peer is None or ours is None:
        return "–"
    return "{:.2f}×".format(peer / ours)


def table(ours, theirs, precision):
    rows = [
        "| network | PyTorch SGD, batch 32 | Hardwired SGD, batch 32 | PyTorch ÷ Hardwired | one-by-one SGD, batch 32"
        " | fused `train` | PyTorch Adam, batch 32 | Hardwired Adam, batch 32 | PyTorch SGD ÷ Hardwired Adam"
        " | PyTorch infer, batch 256 | Hardwired `predict`, batch 256 | PyTorch ÷ Hardwired | one-sample `predict` |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for network in NETWORKS:
        def h(op):
            return ours.get((network, precision, op))

        def p(op):
            return theirs.get((network, precision, op))

        sgd = h("BatchTrainBenchmark.batchedSgd.32")
        adam = h("BatchTrainBenchmark.batchedAdam.32")
        predict = h("BatchPredictBenchmark.batched.256")
        rows.append(
            "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |"
            % (
                network.replace("x", "-"),
                fmt(p("train_sgd32")), fmt(sgd), ratio(p("train_sgd32"), sgd),
                fmt(h("BatchTrainBenchmark.oneByOneSgd.32")), fmt(h("BatchTrainBenchmark.fused.32")),
                fmt(p("train_adam32")), fmt(adam), ratio(p("train_sgd32"), adam),
                fmt(p("infer_b256")), fmt(predict), ratio(p("infer_b256"), predict),
                fmt(h("BatchPredictBenchmark.oneByOne.256")),
            ))
    return rows


def inference(ours, theirs):
    """Inference per sample at batch 1 and 256: PyTorch, ONNX Runtime (pinned tensors, and from arrays), ours."""
    rows = [
        "| network | precision | PyTorch, batch 1 | ONNX Runtime, batch 1 | Hardwired `predict`, batch 1"
        " | PyTorch, batch 256 | ONNX Runtime, batch 256 | ONNX Runtime from arrays, batch 256"
        " | Hardwired `predict`, batch 256 | ONNX Runtime ÷ Hardwired, batch 1 | ONNX Runtime ÷ Hardwired, batch 256 |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for precision in ("double", "float"):
        for network in NETWORKS:
            def h(op):
                return ours.get((network, precision, op))

            def p(op):
                return theirs.get((network, precision, op))

            one = h("BatchPredictBenchmark.batched.1")
            many = h("BatchPredictBenchmark.batched.256")
            ort_one = h("OnnxRuntimeBenchmark.pinned.1")
            ort_many = h("OnnxRuntimeBenchmark.pinned.256")
            if ort_many is None:
                continue
            rows.append(
                "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |"
                % (
                    network.replace("x", "-"), precision,
                    fmt(p("infer_b1")), fmt(ort_one), fmt(one),
                    fmt(p("infer_b256")), fmt(ort_many), fmt(h("OnnxRuntimeBenchmark.arrays.256")), fmt(many),
                    ratio(ort_one, one), ratio(ort_many, many),
                ))
    return rows if len(rows) > 2 else []


def main():
    ours = hardwired(sys.argv[1])
    theirs = pytorch(sys.argv[2])
    lines = []
    for precision, title in (("double", "float64 (`double`)"), ("float", "float32 (`float`)")):
        if not any(key[1] == precision for key in ours):
            continue
        lines.append("")
        lines.append("Per sample, " + title + ":")
        lines.append("")
        lines.extend(table(ours, theirs, precision))
    lines.append("")
    lines.append("PyTorch's own batch-1 loop (`train_b1`) and batch-1 inference, per sample: " + "; ".join(
        "%s %s / %s" % (n.replace("x", "-"), fmt(theirs.get((n, "double", "train_b1"))),
                        fmt(theirs.get((n, "double", "infer_b1")))) for n in NETWORKS) + " (float64).")
    threads = []
    for n in NETWORKS:
        for batch in ("32", "256"):
            one = ours.get((n, "threads", "1/" + batch))
            two = ours.get((n, "threads", "2/" + batch))
            if one and two:
                threads.append("%s in batches of %s, %.0f µs on one thread, %.0f µs on two (%.2f×)"
                               % (n.replace("x", "-"), batch, one, two, one / two))
    if threads:
        lines.append("")
        lines.append("`Trainer.threads(2)`, one call of `train` (4 epochs of 256 samples, plain SGD, set-up included): "
                     + "; ".join(threads) + ".")
    rows = inference(ours, theirs)
    if rows:
        lines.append("")
        lines.append("### Inference against ONNX Runtime and PyTorch")
        lines.append("")
        lines.append("Per sample; ONNX Runtime 1.22 runs the model `Onnx.model` exports, on one thread, with tensors"
                     " over direct buffers made once (the rows copied in and out), or made from the arrays for each"
                     " call:")
        lines.append("")
        lines.extend(rows)
    lines.append("")
    path = sys.argv[3]
    text = open(path, encoding="utf-8").read()
    begin = text.index(BEGIN) + len(BEGIN)
    end = text.index(END)
    open(path, "w", encoding="utf-8").write(text[:begin] + "\n".join(lines) + "\n" + text[end:])


if __name__ == "__main__":
    main()
