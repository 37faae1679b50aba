#!/usr/bin/env bash
# Throughput and per-stage CPU cost of the scale-out pipeline against the embedded one, on this machine
# (docs/scale-out.md "Throughput", README "Measured"). Builds N realistic records (`warta bench records`), splits them
# into documents of 8 records, then:
#   1. embedded: `warta ingest DOCS` into a fresh SQLite store (wall time and the process's CPU);
#   2. scale-out with 1, then 2, annotators: `warta ingest DOCS --queue` (publish), then one `warta worker place` into a
#      fresh PostgreSQL schema and K `warta worker annotate`, timed from their start until the store holds every article
#      (psql polled every 0.5 s), so the workers' idle wait before exiting is not counted; the CPU of every process;
#   3. each stage on its own, nothing polled: publish; annotate every document with the placer stopped; place every
#      annotated article with the annotators stopped (the placer's ceiling). Each with its process's CPU
#      (/usr/bin/time), the broker's and PostgreSQL's (their process trees in /proc, before and after), less a worker's
#      start-up CPU (a worker started on empty queues), per article.
# Needs a broker and a PostgreSQL server: WARTA_TEST_RABBITMQ and WARTA_TEST_POSTGRES (scripts/*-test-server start);
# with WARTA_TEST_RABBITMQ_DIR and WARTA_TEST_POSTGRES_DIR (which those scripts export too) the servers' CPU is counted.
# Usage: bench/scale-out.sh [N]  (default 2000; set WARTA_BIN to a built `warta`, e.g. a Release publish, else the Debug build).
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
wait_stored() { while [ "$(psql_count "$1")" -lt "$n" ] && kill -0 "$2" 2>/dev/null; do sleep 0.5; done; stored=$(psql_count "$1"); }
rate() { python3 -c "import sys; n,s=float(sys.argv[1]),float(sys.argv[2]); print(f'{s:.1f} s, {n/s:.0f} articles/s')" "$1" "$2"; }
calc() { python3 -c "print(f'{$1:.3f}')"; }
# CPU seconds (user + system) of a finished `/usr/bin/time -f "%U %S" -o FILE` run.
cpu_of() { awk '{ s += $1 + $2 } END { printf "%.2f", s }' "$@"; }
# CPU seconds a server has used so far: its process and live descendants (utime + stime), and the children it reaped
# (cutime + cstime: PostgreSQL's finished backends). 0 when the server's folder is not known.
server_cpu() {
  local pid=${1:-}
  [ -n "$pid" ] || { echo 0; return; }
  python3 - "$pid" <<'EOF'
import os, sys
root = int(sys.argv[1]); tick = os.sysconf('SC_CLK_TCK'); procs = {}
for d in os.listdir('/proc'):
    if not d.isdigit(): continue
    try:
        with open(f'/proc/{d}/stat') as f: s = f.read()
    except OSError: continue
    rest = s[s.rindex(')') + 2:].split()
    procs[int(d)] = (int(rest[1]), sum(int(x) for x in rest[11:15]))
children = {}
for p, (parent, _) in procs.items(): children.setdefault(parent, []).append(p)
total, stack = 0, [root]
while stack:
    p = stack.pop()
    if p in procs: total += procs[p][1]
    stack.extend(children.get(p, []))
print(f'{total / tick:.2f}')
EOF
}
pg_pid=$([ -n "${WARTA_TEST_POSTGRES_DIR:-}" ] && head -1 "$WARTA_TEST_POSTGRES_DIR/data/postmaster.pid" || true)
mq_pid=$([ -n "${WARTA_TEST_RABBITMQ_DIR:-}" ] && cat "$WARTA_TEST_RABBITMQ_DIR/server.pid" || true)
servers() { echo "$(server_cpu "$pg_pid") $(server_cpu "$mq_pid")"; }
# "PostgreSQL X s, RabbitMQ Y s" between two `servers` readings.
server_delta() { python3 -c "import sys; a=[float(x) for x in sys.argv[1].split()]; b=[float(x) for x in sys.argv[2].split()]; print(f'PostgreSQL {b[0]-a[0]:.2f} s, RabbitMQ {b[1]-a[1]:.2f} s')" "$1" "$2"; }
timed() { local out=$1; shift; /usr/bin/time -f "%U %S" -o "$out" "$@"; }

"$warta" bench records --articles "$n" --output "$work/records.jsonl" >/dev/null
mkdir "$work/docs"
split -l 8 -d -a 5 --additional-suffix=.jsonl "$work/records.jsonl" "$work/docs/part-"
echo "input: $n records in $(ls "$work/docs" | wc -l) documents; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

start=$(now)
timed "$work/embedded.cpu" "$warta" ingest "$work/docs" --db "$work/embedded.db" >/dev/null
echo "embedded (SQLite, one process): $(rate "$n" "$(python3 -c "print($(now)-$start)")"), CPU $(cpu_of "$work/embedded.cpu") s"

run_scaled() {
  local annotators=$1 schema="bench_k$1_$$" prefix="bench-k$1-$$"
  local store="$WARTA_TEST_POSTGRES;SearchPath=$schema"
  start=$(now)
  WARTA_QUEUEPREFIX=$prefix timed "$work/publish-k$1.cpu" "$warta" ingest "$work/docs" --queue "$WARTA_TEST_RABBITMQ" >/dev/null
  echo "  publish: $(rate "$n" "$(python3 -c "print($(now)-$start)")"), CPU $(cpu_of "$work/publish-k$1.cpu") s"
  local before; before=$(servers)
  start=$(now)
  # The placer may start long before the first article arrives (the annotators load their models): a long idle limit.
  WARTA_QUEUEPREFIX=$prefix timed "$work/place-k$1.cpu" "$warta" worker place --queue "$WARTA_TEST_RABBITMQ" --store "$store" --until-idle 10 >/dev/null 2>&1 &
  local placer=$! annotator_pids=()
  for i in $(seq 1 "$annotators"); do
    WARTA_QUEUEPREFIX=$prefix timed "$work/annotate-k$1-$i.cpu" "$warta" worker annotate --queue "$WARTA_TEST_RABBITMQ" --until-idle 2 >/dev/null 2>&1 &
    annotator_pids+=($!)
  done
  wait_stored "$schema" "$placer"
  echo "  $annotators annotator(s) + 1 placer (PostgreSQL), $stored stored: $(rate "$stored" "$(python3 -c "print($(now)-$start)")")"
  wait "$placer" "${annotator_pids[@]}"
  echo "  CPU: annotators $(cpu_of "$work"/annotate-k"$1"-*.cpu) s, placer $(cpu_of "$work/place-k$1.cpu") s, $(server_delta "$before" "$(servers)") (psql polling included)"
}

echo "scale-out, 1 annotator:"; run_scaled 1
echo "scale-out, 2 annotators:"; run_scaled 2

# Each stage on its own, nothing polled. First a worker's start-up and idle exit on empty queues, to take off below.
prefix="bench-empty-$$"
WARTA_QUEUEPREFIX=$prefix timed "$work/annotate-empty.cpu" "$warta" worker annotate --queue "$WARTA_TEST_RABBITMQ" --until-idle 1 >/dev/null 2>&1
WARTA_QUEUEPREFIX=$prefix timed "$work/place-empty.cpu" "$warta" worker place --queue "$WARTA_TEST_RABBITMQ" \
  --store "$WARTA_TEST_POSTGRES;SearchPath=bench_empty_$$" --until-idle 1 >/dev/null 2>&1
echo "stages alone (worker start-up and 1 s idle exit: annotator $(cpu_of "$work/annotate-empty.cpu") s, placer $(cpu_of "$work/place-empty.cpu") s CPU):"
schema="bench_stages_$$"; prefix="bench-stages-$$"
before=$(servers)
WARTA_QUEUEPREFIX=$prefix timed "$work/publish.cpu" "$warta" ingest "$work/docs" --queue "$WARTA_TEST_RABBITMQ" >/dev/null
after=$(servers)
echo "  publish: CPU $(cpu_of "$work/publish.cpu") s, $(server_delta "$before" "$after")"
before=$after
start=$(now)
WARTA_QUEUEPREFIX=$prefix timed "$work/annotate.cpu" "$warta" worker annotate --queue "$WARTA_TEST_RABBITMQ" --until-idle 1 >/dev/null 2>&1
annotate_wall=$(python3 -c "print($(now)-$start-1)")
after=$(servers)
annotate_cpu=$(calc "$(cpu_of "$work/annotate.cpu") - $(cpu_of "$work/annotate-empty.cpu")")
echo "  annotate, 1 annotator: $(rate "$n" "$annotate_wall") (its idle second taken off), CPU $annotate_cpu s beyond start-up = $(calc "1000 * $annotate_cpu / $n") ms/article, $(server_delta "$before" "$after")"
before=$after
start=$(now)
WARTA_QUEUEPREFIX=$prefix timed "$work/place.cpu" "$warta" worker place --queue "$WARTA_TEST_RABBITMQ" --store "$WARTA_TEST_POSTGRES;SearchPath=$schema" --until-idle 1 >/dev/null 2>&1
place_wall=$(python3 -c "print($(now)-$start-1)")
after=$(servers)
stored=$(psql_count "$schema")
place_cpu=$(calc "$(cpu_of "$work/place.cpu") - $(cpu_of "$work/place-empty.cpu")")
echo "  place (the placer's ceiling), $stored stored: $(rate "$stored" "$place_wall") (its idle second taken off), CPU $place_cpu s beyond start-up = $(calc "1000 * $place_cpu / $n") ms/article, $(server_delta "$before" "$after")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
