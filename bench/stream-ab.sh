#!/usr/bin/env bash
# Alternating before/after runs of `warta bench stream`, for throughput comparisons in one sitting.
# Usage: bench/stream-ab.sh RUNS DIR1 DIR2 … -- BENCH-STREAM-ARGS…   (each DIR holds a published `warta`)
# Prints one line per run: overall articles/s, CPU seconds of the timed part (if the build prints it), user and system
# CPU seconds of the whole process, peak RSS; then the median rate per build.
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
    # The rate, then (builds that print it) the CPU seconds of the timed part, then the whole process's CPU and peak.
    line=$(/usr/bin/time -f "%U u %S s %M KB" "$dir/warta" --db "$work/s.db" bench stream "$@" 2>&1 | grep -E "overall|KB" | sed -E 's/.*overall ([0-9]+) articles\/s[^;]*(; ([0-9.]+) s CPU)?.*/\1 \3 timed/' | tr '\n' ' ')
    echo "$dir $line" | tee -a "$work/rates"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR ? a[int((NR+1)/2)] : "-")}'; }
for dir in "${dirs[@]}"; do
  runs_of=$(grep "^$dir " "$work/rates")
  rate=$(awk '{print $2}' <<<"$runs_of" | median)
  timed=$(awk '{for (i = 3; i <= NF; i++) if ($i == "timed" && i > 3) print $(i - 1)}' <<<"$runs_of" | median)
  cpu=$(awk '{for (i = 2; i <= NF; i++) if ($i == "u") u = $(i - 1); else if ($i == "s") print u + $(i - 1)}' <<<"$runs_of" | median)
  echo "$dir median $rate articles/s, timed part $timed s CPU, whole process $cpu s CPU"
done
uptime
