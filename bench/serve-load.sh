#!/usr/bin/env bash
# The issue's load benchmark (issue 14): a store of N articles made by `warta bench records` + `warta ingest`, served by
# `warta serve` on a free loopback port, loaded by `warta bench serve` (story pages and API story reads by R concurrent
# readers while articles are POSTed at P/s for S seconds), which prints p50/p99 per class and exits 1 unless every
# acknowledged POST is stored and no request failed (5xx, timeouts). Loopback only. Latency is printed, never asserted.
# Usage: bench/serve-load.sh [WORKDIR]  (default: a new temporary folder, removed afterwards)
#   LOAD_ARTICLES (10000)  LOAD_SECONDS (20)  LOAD_READERS (50)  LOAD_POSTS (50 per second)
#   WARTA_BIN: a built `warta` (an apphost or warta.dll); default: the Debug build the tests made, else a Release build
#   LOAD_STORE: a store built already (with its .search folder, if any), copied into WORKDIR for this run instead of
#     building one; the original is never written. LOAD_STORIES (200): how many recent stories the readers cycle through.
#   LOAD_START_SECONDS (60): how long the server may take to answer /health. LOAD_WARMUP (0): reads made before the measured run (no POSTs; its figures are not the run's).
#   LOAD_WARMUP_POSTS (0): seconds of reads and POSTs before the measured run (its figures are printed as warm-up). LOAD_MAX_REQUESTS: stop
#     the measured run after this many requests (with LOAD_POSTS=0: the server's CPU per read is its CPU / this number).
# CI runs it as is (10,000 articles, 20 s); the README's figures at 100,000 articles:
#   LOAD_ARTICLES=100000 WARTA_BIN=... bench/serve-load.sh /var/tmp/warta-load
# A store already built in WORKDIR for the same LOAD_ARTICLES is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${LOAD_ARTICLES:-10000}
seconds=${LOAD_SECONDS:-20}
readers=${LOAD_READERS:-50}
posts=${LOAD_POSTS:-50}
if [ -n "${1:-}" ]; then work=$1; keep=1; else work=$(mktemp -d); keep=0; fi
mkdir -p "$work"

if [ -z "${WARTA_BIN:-}" ]; then
  if [ -f src/Warta.Cli/bin/Debug/net10.0/warta.dll ]; then
    WARTA_BIN=src/Warta.Cli/bin/Debug/net10.0/warta.dll
  else
    dotnet build src/Warta.Cli -c Release -o "$work/bin" -v quiet -nologo >/dev/null
    WARTA_BIN="$work/bin/warta.dll"
  fi
fi
if [[ "$WARTA_BIN" == *.dll ]]; then cmd=(dotnet "$WARTA_BIN"); else cmd=("$WARTA_BIN"); fi
warta() { "${cmd[@]}" "$@"; }

server=
cleanup() {
  # The server this script started, by its own pid.
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ "$keep" -eq 0 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

store="$work/load-$articles.db"
if [ -n "${LOAD_STORE:-}" ]; then
  # A fresh copy per run: the run's POSTs (and a schema migration) change the copy only.
  rm -rf "$store" "$store".*
  cp "$LOAD_STORE" "$store"
  if [ -d "$LOAD_STORE.search" ]; then cp -r "$LOAD_STORE.search" "$store.search"; fi
  touch "$work/load-$articles.done"
fi
if [ ! -f "$work/load-$articles.done" ]; then
  rm -rf "$store" "$store".*
  start=$(date +%s)
  warta bench records --articles "$articles" --output "$work/records.jsonl"
  # In files of 20,000 records (30 MB): one file of 100,000 is over ingest's 64 MiB limit on an input file.
  rm -rf "$work/records"; mkdir -p "$work/records"
  split -l 20000 -d -a 3 --additional-suffix=.jsonl "$work/records.jsonl" "$work/records/part-"
  rm "$work/records.jsonl"
  TIMEFORMAT="store of $articles articles: %R s wall, %U s user + %S s system CPU"
  time warta ingest "$work/records" --db "$store" >"$work/ingest.log" 2>&1 || { tail -n 20 "$work/ingest.log"; exit 1; }
  echo "built in $(( $(date +%s) - start )) s"
  touch "$work/load-$articles.done"
fi
key=$(warta keys create "load-$(date +%s)" --db "$store" 2>/dev/null)

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
url="http://127.0.0.1:$port"
# Not through the function: $! must be the server itself, so the cleanup ends it and nothing else.
"${cmd[@]}" serve --db "$store" --urls "$url" >"$work/serve.log" 2>&1 &
server=$!
# A 100,000-article store takes a while to open (the clusterer's checkpoint and the placements after it): LOAD_START_SECONDS.
up=0
for _ in $(seq 1 $(( ${LOAD_START_SECONDS:-60} * 2 ))); do
  # Up for reads and writes: the placer opens in the background after the server answers.
  if curl -fsS "$url/health" 2>/dev/null | grep -q '"writes":"ready"'; then up=1; break; fi
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log"; exit 1; }
  sleep 0.5
done
if [ "$up" -eq 0 ]; then echo "warta serve did not answer /health in ${LOAD_START_SECONDS:-60} s" >&2; exit 1; fi
echo "server up after $SECONDS s (server CPU: $(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f s", ($14 + $15) / hz }' "/proc/$server/stat"))"

if [ "${LOAD_WARMUP:-0}" -gt 0 ]; then
  warta bench serve --url "$url" --key "$key" --seconds "$seconds" --readers "$readers" --posts-per-second 0 \
    --stories "${LOAD_STORIES:-200}" --max-requests "$LOAD_WARMUP" >"$work/warmup.log" || { cat "$work/warmup.log"; exit 1; }
fi
# POSTs before the measured run (LOAD_WARMUP_POSTS seconds at LOAD_POSTS a second, with the readers), so that it starts
# from a server already taking a stream: a store just built by `warta ingest` leaves its search index at a tier's edge,
# and the first commits after it merge most of the index once (tens of CPU seconds at 100,000 articles).
first=$articles
if [ "${LOAD_WARMUP_POSTS:-0}" -gt 0 ]; then
  warta bench serve --url "$url" --key "$key" --seconds "$LOAD_WARMUP_POSTS" --readers "$readers" --posts-per-second "$posts" \
    --stories "${LOAD_STORIES:-200}" --after-records "$articles" >"$work/warmup-posts.log" || { cat "$work/warmup-posts.log"; exit 1; }
  tail -n 5 "$work/warmup-posts.log" | sed 's/^/warm-up: /'
  # The measured run POSTs records the warm-up did not.
  first=$(( articles + posts * LOAD_WARMUP_POSTS + 1000 ))
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f s user + %.1f s system", $14 / hz, $15 / hz }' "/proc/$server/stat"; }
echo "server CPU before: $(cpu)"
warta bench serve --url "$url" --key "$key" --seconds "$seconds" --readers "$readers" --posts-per-second "$posts" \
  --stories "${LOAD_STORIES:-200}" --after-records "$first" ${LOAD_MAX_REQUESTS:+--max-requests "$LOAD_MAX_REQUESTS"} || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# CPU time is the figure a shared machine does not distort much: the run's share is after minus before.
echo "server CPU after: $(cpu)"
if grep -E "fail|Exception" "$work/serve.log" | head -n 5; then :; fi
exit "$status"
