#!/usr/bin/env bash
# End-to-end: `datrules screen` vs DuckDB (DuckDB.NET.Data.Full, exact DECIMAL(18,2) amounts, same output columns) on the
# same 1M-row CSVs, for each input shape (plain; with a quoted `name` column holding a comma) and each output format,
# timed alternately in the same run, both writing to a file in a temporary directory (DuckDB locks its output file, so
# two runs writing /dev/null at once conflict). Prints every run, the medians, the ratio and the
# peak resident memory (/usr/bin/time -v "Maximum resident set size") of the median run's process.
# DuckDB has no table format: the table row is compared with DuckDB's CSV with reasons.
# Usage: bash benchmarks/scripts/cli-vs-duckdb.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
runs=${2:-3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 benchmarks/scripts/generate-universe.py "$rows" 42 > "$dir/plain.csv"
python3 - "$dir/plain.csv" "$dir/quoted.csv" <<'PY'
import sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as o:
    f.readline()
    o.write("ticker,name,as_of,digital_assets_usd,total_assets_usd\n")
    for line in f:
        t, a, d, tt = line.rstrip("\n").split(",")
        o.write(f'{t},"Company {t[1:]}, Inc",{a},{d},{tt}\n')
PY
dotnet build -c Release src/DatRules.Cli -v q -clp:NoSummary >/dev/null
dotnet build -c Release benchmarks/DatRules.Benchmarks -v q -clp:NoSummary >/dev/null
cli=src/DatRules.Cli/bin/Release/net10.0/DatRules.Cli.dll
duck=benchmarks/DatRules.Benchmarks/bin/Release/net10.0/DatRules.Benchmarks.dll
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $(date -u +%Y-%m-%d); rows: $rows"
measure() { # label command...
  rm -f "$dir/out"
  /usr/bin/time -v -o "$dir/t" "${@:2}" > "$dir/out"
  echo "$1 $(grep 'Elapsed (wall' "$dir/t" | awk '{print $NF}') $(grep 'Maximum resident' "$dir/t" | awk '{print $NF}')" >> "$dir/runs"
}
for shape in plain quoted; do
  csv="$dir/$shape.csv"
  echo "$shape: $(stat -c %s "$csv") bytes" >> "$dir/sizes"
  for i in $(seq "$runs"); do
    measure "$shape|csv|datrules" dotnet "$cli" screen --input "$csv" --format csv
    measure "$shape|csv|duckdb" dotnet "$duck" duckdb "$csv" csv "$dir/out"
    measure "$shape|csv-no-reasons|datrules" dotnet "$cli" screen --input "$csv" --format csv --no-reasons
    measure "$shape|csv-no-reasons|duckdb" dotnet "$duck" duckdb "$csv" csv-no-reasons "$dir/out"
    measure "$shape|json|datrules" dotnet "$cli" screen --input "$csv" --format json
    measure "$shape|json|duckdb" dotnet "$duck" duckdb "$csv" json "$dir/out"
    measure "$shape|table|datrules" dotnet "$cli" screen --input "$csv"
  done
done
cat "$dir/sizes"
cat "$dir/runs"
python3 - "$dir/runs" <<'PY'
import statistics, sys
def secs(s):
    parts = s.split(":")
    return sum(float(p) * 60 ** i for i, p in enumerate(reversed(parts)))
runs = {}
for line in open(sys.argv[1]):
    key, wall, rss = line.split()
    runs.setdefault(key, []).append((secs(wall), int(rss)))
def med(key):
    v = sorted(runs[key])
    return v[len(v) // 2]
print("| input | format | datrules | peak RSS | DuckDB | peak RSS | DuckDB / datrules |")
print("|---|---|---:|---:|---:|---:|---:|")
for shape in ("plain", "quoted"):
    for fmt in ("csv", "csv-no-reasons", "json", "table"):
        d = med(f"{shape}|{fmt}|datrules")
        k = med(f"{shape}|{'csv' if fmt == 'table' else fmt}|duckdb")
        print(f"| {shape} | {fmt} | {d[0]:.2f} s | {d[1] // 1024} MB | {k[0]:.2f} s | {k[1] // 1024} MB | {k[0] / d[0]:.2f}x |")
PY
