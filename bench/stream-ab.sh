#!/usr/bin/env bash
# Alternating before/after runs of `warta bench stream`, for throughput comparisons in one sitting.
# Usage: bench/stream-ab.sh RUNS DIR1 DIR2 … -- BENCH-STREAM-ARGS…   (each DIR holds a published `warta`)
# Prints one line per run: overall articles/s, user and system CPU seconds, peak RSS; then the median rate per build.
set -euo pipefail
runs=$1; shift
dirs=()
while [[ $# -gt 0 && $1 != -- ]]; do dirs+=("$1"); shift; done
[[ ${1:-} == -- ]] && shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
uptime
for ((i = 1; i <= runs; i++)); do
  for dir in "${dirs[@]}"; do
    rm -f "$work"/s.db*
    line=$(/usr/bin/time -f "%U u %S s %M KB" "$dir/warta" --db "$work/s.db" bench stream "$@" 2>&1 | grep -E "overall|KB" | sed -E 's/.*overall ([0-9]+) articles\/s.*/\1/' | tr '\n' ' ')
    echo "$dir $line" | tee -a "$work/rates"
  done
done
for dir in "${dirs[@]}"; do
  printf '%s median ' "$dir"; grep "^$dir " "$work/rates" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " articles/s"}'
done
uptime
