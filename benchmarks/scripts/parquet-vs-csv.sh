#!/usr/bin/env bash
# Issue 24: `datrules screen -i F.parquet` against `datrules screen -i F.csv` on the same generated rows (target: the
# Parquet path no slower than the CSV path), in one run, alternating, each a whole process timed by /usr/bin/time
# (median of RUNS; wall and user CPU seconds, peak RSS). The Parquet file is the CSV written by
# SnapshotFrameParquet.Write (DECIMAL(18,2) amounts, DATE, UTF-8 tickers; Snappy, as Parquet.Net writes by default).
# Every pair of outputs is compared byte for byte.
# Usage: bash benchmarks/scripts/parquet-vs-csv.sh [ROWS] [RUNS]
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
bench=benchmarks/DatRules.Benchmarks/bin/Release/net10.0/DatRules.Benchmarks.dll
dotnet "$bench" to-parquet "$dir/u.csv" "$dir/u.parquet"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); commit $(git rev-parse --short HEAD); rows: $rows; csv $(stat -c %s "$dir/u.csv") bytes, parquet $(stat -c %s "$dir/u.parquet") bytes; load average $(cut -d' ' -f1-3 /proc/loadavg)"
measure() { # label output command...
  /usr/bin/time -f "%e %U %M" -o "$dir/t" "${@:3}" > "$dir/$2" 2>/dev/null
  echo "$1 $(cat "$dir/t")" >> "$dir/runs"
}
for i in $(seq "$runs"); do
  for fmt in csv-no-reasons table; do
    args=(-f csv --no-reasons); [ "$fmt" = table ] && args=()
    measure "csv-$fmt" a.out dotnet "$cli" screen -i "$dir/u.csv" "${args[@]}"
    measure "parquet-$fmt" b.out dotnet "$cli" screen -i "$dir/u.parquet" "${args[@]}"
    cmp -s "$dir/a.out" "$dir/b.out" || { echo "outputs differ ($fmt)"; exit 1; }
  done
done
echo "outputs: identical in every run"
python3 - "$dir/runs" <<'PY'
import sys
runs = {}
for line in open(sys.argv[1]):
    key, wall, user, rss = line.split()
    runs.setdefault(key, []).append((float(wall), float(user), int(rss)))
def med(k, i): v = sorted(r[i] for r in runs[k]); return v[len(v) // 2]
for k in ("csv-csv-no-reasons", "parquet-csv-no-reasons", "csv-table", "parquet-table"):
    print(f"{k:24} wall {med(k, 0):5.2f} s  user {med(k, 1):5.2f} s  {med(k, 2) // 1024:4d} MB   wall runs: {' '.join(f'{r[0]:.2f}' for r in runs[k])}")
for fmt in ("csv-no-reasons", "table"):
    print(f"parquet / csv ({fmt}, target <= 1): wall {med('parquet-' + fmt, 0) / med('csv-' + fmt, 0):.2f}, user {med('parquet-' + fmt, 1) / med('csv-' + fmt, 1):.2f}")
PY
