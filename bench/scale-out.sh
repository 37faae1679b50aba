#!/usr/bin/env bash
# Throughput of the scale-out pipeline against the embedded one, on this machine (docs/scale-out.md, README "Measured").
# Builds N realistic records (`warta bench records`), splits them into documents of 8 records, then times
#   1. embedded: `warta ingest DOCS` into a fresh SQLite store;
#   2. scale-out with 1, then 2, annotators: `warta ingest DOCS --queue` (publish, timed on its own), then one
#      `warta worker place` into a fresh PostgreSQL schema and K `warta worker annotate`, timed from their start until the
#      store holds every article (psql polled every 0.2 s), so the workers' idle wait before exiting is not counted;
#   3. the placer alone: the articles queue filled by annotators first, then `warta worker place` timed by itself.
# Needs a broker and a PostgreSQL server: WARTA_TEST_RABBITMQ and WARTA_TEST_POSTGRES (scripts/*-test-server start).
# Usage: bench/scale-out.sh [N]  (default 2000; set WARTA_BIN to a built `warta`, else the Debug build is used).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
: "${WARTA_TEST_RABBITMQ:?start a broker: eval \"\$(scripts/rabbitmq-test-server start)\"}"
: "${WARTA_TEST_POSTGRES:?start a server: eval \"\$(scripts/postgres-test-server start)\"}"
warta=${WARTA_BIN:-src/Warta.Cli/bin/Debug/net10.0/warta}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$WARTA_TEST_POSTGRES")
psql_count() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT count(*) FROM $1.articles" 2>/dev/null || echo 0; }
now() { date +%s.%N; }
# Until the store holds N articles, or the placer (PID $2) has exited (then the count it left is reported).
wait_stored() { while [ "$(psql_count "$1")" -lt "$n" ] && kill -0 "$2" 2>/dev/null; do sleep 0.2; done; stored=$(psql_count "$1"); }
rate() { python3 -c "import sys; n,s=float(sys.argv[1]),float(sys.argv[2]); print(f'{s:.1f} s, {n/s:.0f} articles/s')" "$1" "$2"; }

"$warta" bench records --articles "$n" --output "$work/records.jsonl" >/dev/null
mkdir "$work/docs"
split -l 8 -d -a 5 --additional-suffix=.jsonl "$work/records.jsonl" "$work/docs/part-"
echo "input: $n records in $(ls "$work/docs" | wc -l) documents; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

start=$(now)
"$warta" ingest "$work/docs" --db "$work/embedded.db" >/dev/null
echo "embedded (SQLite, one process): $(rate "$n" "$(python3 -c "print($(now)-$start)")")"

run_scaled() {
  local annotators=$1 schema="bench_k$1_$$" prefix="bench-k$1-$$"
  local store="$WARTA_TEST_POSTGRES;SearchPath=$schema"
  start=$(now)
  WARTA_QUEUEPREFIX=$prefix "$warta" ingest "$work/docs" --queue "$WARTA_TEST_RABBITMQ" >/dev/null
  echo "  publish: $(rate "$n" "$(python3 -c "print($(now)-$start)")")"
  start=$(now)
  # The placer runs until told to stop (SIGTERM): it may start long before the first article arrives.
  WARTA_QUEUEPREFIX=$prefix "$warta" worker place --queue "$WARTA_TEST_RABBITMQ" --store "$store" >/dev/null 2>&1 &
  local placer=$! annotator_pids=()
  for _ in $(seq 1 "$annotators"); do
    WARTA_QUEUEPREFIX=$prefix "$warta" worker annotate --queue "$WARTA_TEST_RABBITMQ" --until-idle 2 >/dev/null 2>&1 &
    annotator_pids+=($!)
  done
  wait_stored "$schema" "$placer"
  echo "  $annotators annotator(s) + 1 placer (PostgreSQL), $stored stored: $(rate "$stored" "$(python3 -c "print($(now)-$start)")")"
  kill -TERM "$placer"
  wait "$placer" "${annotator_pids[@]}"
}

echo "scale-out, 1 annotator:"; run_scaled 1
echo "scale-out, 2 annotators:"; run_scaled 2

# The placer's own ceiling: every article annotated and waiting in the queue before the placer starts.
schema="bench_placer_$$"; prefix="bench-placer-$$"
WARTA_QUEUEPREFIX=$prefix "$warta" ingest "$work/docs" --queue "$WARTA_TEST_RABBITMQ" >/dev/null
WARTA_QUEUEPREFIX=$prefix "$warta" worker annotate --queue "$WARTA_TEST_RABBITMQ" --until-idle 2 >/dev/null 2>&1
start=$(now)
WARTA_QUEUEPREFIX=$prefix "$warta" worker place --queue "$WARTA_TEST_RABBITMQ" --store "$WARTA_TEST_POSTGRES;SearchPath=$schema" >/dev/null 2>&1 &
placer=$!
wait_stored "$schema" "$placer"
echo "placer alone, articles already annotated (PostgreSQL), $stored stored: $(rate "$stored" "$(python3 -c "print($(now)-$start)")")"
kill -TERM "$placer"
wait "$placer"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
