#!/bin/sh
# Times wrrfig's own work (--no-render: read data, compute, write scripts)
# and a full build with gnuplot, median of N runs each, on the shipped data.
set -eu
cd "$(dirname "$0")/.."
N=${N:-5}
bin=build/bin/wrrfig
out=$(mktemp -d /tmp/wrrfig-bench-XXXXXX)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
nr=$(for i in $(seq "$N"); do time_ms "$bin" build --out "$out" --no-render; done | median)
full=$(for i in $(seq "$N"); do time_ms "$bin" build --out "$out"; done | median)
figs=$("$bin" list 2>/dev/null | tail -1)
echo "wrrfig bench on $(nproc) cores, median of $N runs: --no-render ${nr} ms, full build (svg+pdf+png) ${full} ms ($figs)"
rm -rf "$out"
