#!/usr/bin/env bash
# Runs a command and writes, each second, the CPU it used in that second (all threads, % of one core) to OUT.tl, its
# output to OUT.txt, and a summary line: where a run leaves cores idle (`warta bench search --index-only`, a flush on one
# thread while the others wait) shows as seconds under 130 %.
# Usage: bench/cpu-timeline.sh OUT COMMAND [ARGS...]
set -uo pipefail
out=$1; shift
: > "$out.tl"
"$@" > "$out.txt" 2>&1 &
pid=$!
hz=$(getconf CLK_TCK); previous=0; second=0
while kill -0 "$pid" 2>/dev/null; do
  sleep 1; second=$((second + 1))
  used=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || break
  [ -z "$used" ] && break
  echo "$second $(( (used - previous) * 100 / hz ))" >> "$out.tl"; previous=$used
done
wait "$pid"; status=$?
awk '{ sum += $2; n++; if ($2 < 130) low++ } END { if (n) printf "%d s, %.0f %% of a core on average, %d s under 130 %%\n", n, sum / n, low }' "$out.tl"
exit $status
