#!/usr/bin/env bash
# Issue 21's speed targets, in one run on one machine, on a generated 1M-row file (ticker, as_of, digital_assets_usd,
# total_assets_usd), each side a whole process timed alternately with /usr/bin/time (median of RUNS):
#   library   = the packages' path (SnapshotFrame.ReadCsv -> ToUniverse -> ScreeningEngine.Screen), an app's process
#   cli       = `datrules screen` (table) -- the library path must be within 1.2x of it, same DAT count
#   no-reasons= `datrules screen -f csv --no-reasons`, vs `read` (starts .NET, reads the file once; target <= 2.5x) and
#               DuckDB's screen to CSV (read_csv, ratio, CASE, COPY; target <= 0.5x)
#   csv       = `datrules screen -f csv` (with reasons) vs DuckDB with reasons (target <= 0.8x)
# `datrules` is the tool as `dotnet tool install` puts it on linux-x64: the native AOT build (eng/pack-tool.sh packs the
# same binary); NATIVE=path reuses one already published. The JIT build of the same commands is timed beside it
# (jit-*), and the library path (a JIT app) is compared with the JIT build: same runtime, same engine.
# Usage: bash benchmarks/scripts/library-vs-cli.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
runs=${2:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 benchmarks/scripts/generate-universe.py "$rows" 42 > "$dir/u.csv"
dotnet build -c Release src/DatRules.Cli -v q -clp:NoSummary >/dev/null
dotnet build -c Release benchmarks/DatRules.Benchmarks -v q -clp:NoSummary >/dev/null
cli=src/DatRules.Cli/bin/Release/net10.0/DatRules.Cli.dll
native=${NATIVE:-}
if [ -z "$native" ]; then
  dotnet publish src/DatRules.Cli -c Release -r linux-x64 -o "$dir/native" -v q -clp:NoSummary >/dev/null
  native="$dir/native/DatRules.Cli"
fi
bench=benchmarks/DatRules.Benchmarks/bin/Release/net10.0/DatRules.Benchmarks.dll
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); commit $(git rev-parse --short HEAD); rows: $rows; file $(stat -c %s "$dir/u.csv") bytes"
measure() { # label command...
  rm -f "$dir/out"
  /usr/bin/time -v -o "$dir/t" "${@:2}" > "$dir/out"
  echo "$1 $(grep 'Elapsed (wall' "$dir/t" | awk '{print $NF}') $(grep 'Maximum resident' "$dir/t" | awk '{print $NF}')" >> "$dir/runs"
}
for i in $(seq "$runs"); do
  measure read dotnet "$bench" read "$dir/u.csv"
  measure library dotnet "$bench" library "$dir/u.csv"; cp "$dir/out" "$dir/library.out"
  measure jit-cli dotnet "$cli" screen --input "$dir/u.csv"; cp "$dir/out" "$dir/cli.out"
  measure cli "$native" screen --input "$dir/u.csv"; cmp -s "$dir/out" "$dir/cli.out" || { echo "native and JIT tables differ" >&2; exit 1; }
  measure jit-no-reasons dotnet "$cli" screen --input "$dir/u.csv" --format csv --no-reasons; cp "$dir/out" "$dir/nr.out"
  measure no-reasons "$native" screen --input "$dir/u.csv" --format csv --no-reasons; cmp -s "$dir/out" "$dir/nr.out" || { echo "native and JIT CSV differ" >&2; exit 1; }
  measure duckdb-no-reasons dotnet "$bench" duckdb "$dir/u.csv" csv-no-reasons "$dir/out"
  measure csv "$native" screen --input "$dir/u.csv" --format csv
  measure duckdb-csv dotnet "$bench" duckdb "$dir/u.csv" csv "$dir/out"
done
echo "library: $(cat "$dir/library.out")"
echo "cli: $(grep -E '^[0-9,]+ compan' "$dir/cli.out")"
python3 - "$dir/runs" <<'PY'
import sys
def secs(s):
    return sum(float(p) * 60 ** i for i, p in enumerate(reversed(s.split(":"))))
runs = {}
for line in open(sys.argv[1]):
    key, wall, rss = line.split()
    runs.setdefault(key, []).append((secs(wall), int(rss)))
med = {k: sorted(v)[len(v) // 2] for k, v in runs.items()}
for k in ("read", "library", "jit-cli", "cli", "jit-no-reasons", "no-reasons", "duckdb-no-reasons", "csv", "duckdb-csv"):
    print(f"{k:18} {med[k][0]:6.2f} s  {med[k][1] // 1024:5d} MB   runs: {' '.join(f'{t:.2f}' for t, _ in runs[k])}")
def r(a, b): return med[a][0] / med[b][0]
print(f"library / jit-cli (target <= 1.2):             {r('library', 'jit-cli'):.2f}")
print(f"jit-no-reasons / read:                          {r('jit-no-reasons', 'read'):.2f}")
print(f"no-reasons / read (target <= 2.5):              {r('no-reasons', 'read'):.2f}")
print(f"no-reasons / duckdb-no-reasons (target <= 0.5): {r('no-reasons', 'duckdb-no-reasons'):.2f}")
print(f"csv / duckdb-csv (target <= 0.8):               {r('csv', 'duckdb-csv'):.2f}")
PY
