#!/usr/bin/env bash
# Reproduces the input-limit figures of the README (issue 17): wall time and peak memory (max RSS, /usr/bin/time -v)
# of one `warta ingest` of
#   1. a page of 100,000 nested <div>s (1.1 MB),
#   2. a 60 MB text page and a 60 MB HTML page (under the 64 MB input limit),
#   3. 20,000 new text pages with varied text (fresh names, places and numbers in each),
# each into a fresh store, with a Release build. Usage: bench/limits.sh [WORKDIR]  (default: a new temporary folder;
# set WARTA_BIN to a published `warta` to skip the build, LIMITS_FILES to change the 20,000, LIMITS_ROWS to run only some
# rows, e.g. "nested many"; the inputs are kept and reused when they are already in WORKDIR).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
mkdir -p "$work"
files=${LIMITS_FILES:-20000}

if [ -z "${WARTA_BIN:-}" ]; then
  # Published, not built: a published `warta` is precompiled (ReadyToRun), as users run it.
  dotnet publish src/Warta.Cli -c Release -o "$work/bin" -v quiet -nologo >/dev/null
  WARTA_BIN="$work/bin/warta"
fi

python3 - "$work" "$files" <<'PY'
import os, random, sys
work, count = sys.argv[1], int(sys.argv[2])
if os.path.exists(os.path.join(work, "inputs-%d.done" % count)): sys.exit(0)
rng = random.Random(17)

with open(os.path.join(work, "nested.html"), "w") as f:
    f.write("<html><head><title>Halaman Bersarang</title></head><body>" + "<div>" * 100_000
            + "<p>Warga menunggu bantuan di posko pengungsian.</p>" + "</div>" * 100_000 + "</body></html>")

para = ("Warga Kampung Baru menunggu bantuan di posko pengungsian sejak Senin pagi, kata Kepala Desa Budi Santoso "
        "kepada wartawan. Hujan deras membuat sungai meluap dan merendam 1.200 rumah. ")
target = 60 * 1000 * 1000
with open(os.path.join(work, "big.txt"), "w") as f:
    f.write("Banjir Besar Rendam Kampung Baru\n\n")
    written = 0
    while written < target:
        chunk = (para * 4).strip() + "\n\n"
        f.write(chunk); written += len(chunk)
with open(os.path.join(work, "big.html"), "w") as f:
    f.write('<html><head><meta property="og:title" content="Banjir Besar Rendam Kampung Baru"></head><body><article>')
    written = 0
    while written < target:
        chunk = "<p>" + para.strip() + "</p>\n"
        f.write(chunk); written += len(chunk)
    f.write("</article></body></html>")

# 20,000 pages, each with its own people, places and numbers, so that every page is a new article with new terms.
syl = ["ba", "di", "ka", "ma", "ri", "sa", "to", "nu", "le", "pa", "wi", "ra", "gu", "ho", "ja", "ke", "lo", "mu", "ne", "si", "ta", "yo"]
def word(n): return "".join(rng.choice(syl) for _ in range(n)).capitalize()
events = ["banjir", "kebakaran", "gempa", "longsor", "kecelakaan", "pemilihan", "festival", "panen raya", "unjuk rasa", "pameran"]
months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
outlets = ["kabar%s.com" % word(2).lower() for _ in range(40)]
folder = os.path.join(work, "many")
os.makedirs(folder, exist_ok=True)
for i in range(count):
    person, place, district = word(3) + " " + word(2), word(3), word(2)
    event = rng.choice(events)
    day, month, year = rng.randint(1, 28), rng.randrange(12), rng.choice([2024, 2025])
    n1, n2, n3 = rng.randint(2, 9000), rng.randint(2, 500), rng.randint(10, 99)
    outlet = rng.choice(outlets)
    lines = [
        f"{event.capitalize()} di {place} {district}, {n2} Warga Terdampak",
        f"{day} {months[month]} {year} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} WIB",
        f"Oleh: {person}",
        f"{place.upper()}, {outlet} - {event.capitalize()} melanda Kecamatan {district} di {place} pada {day} {months[month]} {year}, "
        f"menyebabkan {n2} warga mengungsi dan {n3} rumah rusak, kata {word(3)} {word(2)} dari BPBD {place}.",
        f"Menurut {word(2)} {word(3)}, kerugian ditaksir mencapai Rp {n1} juta dan bantuan dari {word(3)} tiba {rng.randint(2, 9)} jam kemudian.",
        f"\u201cKami {rng.choice(['siap', 'terus', 'segera'])} membantu warga {district},\u201d ujar {person} di {word(3)}.",
    ]
    sub = os.path.join(folder, "%03d" % (i // 1000))
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, "a%05d.txt" % i), "w") as f:
        f.write("\n\n".join(lines) + "\n")
open(os.path.join(work, "inputs-%d.done" % count), "w").close()
PY

rows=${LIMITS_ROWS:-nested text60 html60 many}

measure() {
  local name=$1; shift
  case " $rows " in *" $name "*) ;; *) return 0 ;; esac
  rm -rf "$work/$name.db" "$work/$name.db-wal" "$work/$name.db-shm" "$work/$name.db.search" "$work/$name.db.writer"
  local status=0
  /usr/bin/time -v "$WARTA_BIN" --db "$work/$name.db" ingest "$@" >"$work/$name.out" 2>"$work/$name.err" || status=$?
  local rss wall cpu
  rss=$(grep -E 'Maximum resident set size' "$work/$name.err" | grep -oE '[0-9]+$')
  wall=$(grep -E 'Elapsed \(wall clock\)' "$work/$name.err" | awk '{print $NF}')
  # CPU (user + system): on a shared machine the wall time says more about the neighbours than about Warta.
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$work/$name.err")
  printf '%-12s exit %d  wall %8s  cpu %7s s  peak %4d MiB  %s\n' "$name" "$status" "$wall" "$cpu" "$((rss / 1024))" "$(tail -n 1 "$work/$name.out")"
}

echo "warta: $WARTA_BIN; inputs in $work"
measure nested "$work/nested.html"
measure text60 "$work/big.txt"
measure html60 "$work/big.html"
measure many "$work/many"
