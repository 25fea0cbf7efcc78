#!/usr/bin/env bash
# The one-sample paths (`train`, one fused SGD step, and `predict`) of the four size networks against the same
# networks written out in C for their sizes (peers/c/specialised.c, gcc -O3 -march=native), measured back to
# back, as this machine's speed drifts between hours. The C program first checks that it computes what the
# generated class computes. Writes a table into docs/benchmarks.md between its c markers. Not part of CI: it
# takes about three minutes, and no timing is asserted anywhere. Needs gcc and python3.
#
#   bash benchmarks/compare-c.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f benchmarks/target/benchmarks.jar ] || ./mvnw -B -q package -DskipTests -pl benchmarks -am
out=benchmarks/target/c
mkdir -p "$out"
java -cp benchmarks/target/benchmarks.jar dev.hardwired.benchmarks.SpecialisedCData "$out"
for size in 2x4x1 4x8x3 64x32x10 784x128x10; do
  IFS=x read -r ni nh no <<< "$size"
  gcc -O3 -march=native -std=c11 -Wall -Wextra -Werror -DNI="$ni" -DNH="$nh" -DNO="$no" \
    -o "$out/specialised-$size" benchmarks/peers/c/specialised.c -lm
done
java -jar benchmarks/target/benchmarks.jar 'Size(2x4x1|4x8x3|64x32x10|784x128x10)Benchmark\.(train|predict)Generated$' \
  -f 1 -wi 3 -w 1 -i 5 -r 1 -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"
{
  echo "# network	train ns	predict ns	(gcc $(gcc -dumpfullversion), -O3 -march=native)"
  for size in 2x4x1 4x8x3 64x32x10 784x128x10; do
    "$out/specialised-$size" "$out/$size.txt"
  done
} | tee "$out/c.tsv"
python3 benchmarks/peers/c_table.py "$out/jmh.json" "$out/c.tsv" docs/benchmarks.md
echo "Wrote the table into docs/benchmarks.md; the raw figures are in $out"
