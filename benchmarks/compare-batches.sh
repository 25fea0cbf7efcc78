#!/usr/bin/env bash
# The batched paths against PyTorch, and inference against ONNX Runtime too, on one thread, measured in one
# run (this machine's speed drifts between hours, so all sides are measured back to back), written as tables
# into docs/benchmarks.md between its batches markers. Installs Debian's python3-torch and OpenBLAS when they are missing (as root): without
# libopenblas0-pthread, PyTorch's BLAS is the reference one, ten times slower. OPENBLAS_CORETYPE and
# OPENBLAS_L2_SIZE, which this workplace sets for old OpenBLAS builds, are unset for PyTorch's run alone, so
# that OpenBLAS runs its kernel for this processor (the script prints which). Not part of CI: it takes about
# fifteen minutes, and no timing is asserted anywhere.
#
#   bash benchmarks/compare-batches.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/libopenblas.so.0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-pthread >/dev/null
fi
[ -f benchmarks/target/benchmarks.jar ] || ./mvnw -B -q package -DskipTests -pl benchmarks -am
out=benchmarks/target/batches
mkdir -p "$out"
java -jar benchmarks/target/benchmarks.jar 'Batch(Train|Predict)Benchmark|TrainerThreadsBenchmark|OnnxRuntimeBenchmark' -f 1 -wi 3 -w 1 -i 5 -r 1 \
  -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 benchmarks/peers/pytorch_batches.py | tee "$out/pytorch.tsv"
/usr/bin/python3 benchmarks/peers/batch_table.py "$out/jmh.json" "$out/pytorch.tsv" docs/benchmarks.md
echo "Wrote the table into docs/benchmarks.md; the raw figures are in $out"
