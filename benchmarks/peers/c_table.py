#!/usr/bin/env python3
"""Merges a JMH run of the one-sample generated benchmarks (JSON) and a run of the specialised C programs (TSV:
network, train ns, predict ns) into one table with the ratios, written into a Markdown file between the lines
'<!-- c:begin -->' and '<!-- c:end -->'.

usage: c_table.py jmh.json c.tsv docs/benchmarks.md
"""
import json
import sys

NETWORKS = [("2x4x1", "2-4-1"), ("4x8x3", "4-8-3"), ("64x32x10", "64-32-10"), ("784x128x10", "784-128-10")]
BEGIN = "<!-- c:begin -->"
END = "<!-- c:end -->"


def hardwired(path):
    """{(network, operation): ns} from JMH's JSON."""
    figures = {}
    for result in json.load(open(path)):
        cls, method = result["benchmark"].rsplit(".", 2)[-2:]
        network = cls[len("Size"):-len("Benchmark")]
        operation = "train" if method.startswith("train") else "predict"
        figures[(network, operation)] = result["primaryMetric"]["score"]
    return figures


def c(path):
    figures = {}
    compiler = ""
    for line in open(path):
        if line.startswith("#"):
            compiler = line.split("(", 1)[1].rstrip().rstrip(")")
            continue
        if not line.strip():
            continue
        network, train, predict = line.split("\t")
        key = network.replace("-", "x")
        figures[(key, "train")] = float(train)
        figures[(key, "predict")] = float(predict)
    return figures, compiler


def fmt(ns):
    return "{:,.0f} ns".format(ns) if ns < 10000 else "{:,.1f} µs".format(ns / 1000)


def verdict(ours, theirs):
    ratio = ours / theirs
    return "{:.2f}×, {}".format(ratio, "met" if ratio <= 1.3 else "missed")


def table(ours, theirs, compiler):
    rows = [
        "| network | Hardwired `train` | C `train` | Hardwired ÷ C | Hardwired `predict` | C `predict` | Hardwired ÷ C |",
        "|---|--:|--:|---|--:|--:|---|",
    ]
    for key, name in NETWORKS:
        cells = [name]
        for operation in ("train", "predict"):
            mine, yours = ours[(key, operation)], theirs[(key, operation)]
            cells += [fmt(mine), fmt(yours), verdict(mine, yours)]
        rows.append("| " + " | ".join(cells) + " |")
    rows.append("")
    rows.append(
        "Per call, one sample, double precision; JMH's mean for the generated class (JDK %s), the median of five"
        " half-second rounds for C (%s), measured right after. \"met\" where the generated class is within"
        " 1.3× of C." % (java_version, compiler))
    return "\n".join(rows)


if __name__ == "__main__":
    jmh_path, c_path, markdown = sys.argv[1:4]
    runs = json.load(open(jmh_path))
    java_version = runs[0].get("jdkVersion", "?") if runs else "?"
    ours = hardwired(jmh_path)
    theirs, compiler = c(c_path)
    text = open(markdown, encoding="utf-8").read()
    begin, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    open(markdown, "w", encoding="utf-8").write(text[:begin] + "\n" + table(ours, theirs, compiler) + "\n" + text[end:])
