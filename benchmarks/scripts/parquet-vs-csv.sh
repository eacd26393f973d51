#!/usr/bin/env bash
# Issue 24: `datrules screen -i F.parquet` against `datrules screen -i F.csv` on the same generated rows (target: the
# Parquet path no slower than the CSV path), in one run, alternating, each a whole process timed by /usr/bin/time
# (median of RUNS; wall and user CPU seconds, peak RSS).
# `datrules` is the tool as `dotnet tool install` puts it on linux-x64, the native AOT build (NATIVE=path reuses one
# already published); the JIT build (`dotnet DatRules.Cli.dll`) is timed beside it.
# Two Parquet files of the same rows: ours (SnapshotFrameParquet.Write: DECIMAL(18,2) amounts, DATE, UTF-8 tickers,
# Snappy, row groups of 131,072 rows, plain pages) and DuckDB's (COPY ... (FORMAT parquet): its defaults, dictionary
# pages, row groups of 122,880 rows). Every output is compared byte for byte with the CSV's.
# Usage: [NATIVE=path] bash benchmarks/scripts/parquet-vs-csv.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
runs=${2:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 benchmarks/scripts/generate-universe.py "$rows" 42 > "$dir/u.csv"
dotnet build -c Release src/DatRules.Cli -v q -clp:NoSummary >/dev/null
dotnet build -c Release benchmarks/DatRules.Benchmarks -v q -clp:NoSummary >/dev/null
native=${NATIVE:-}
if [ -z "$native" ]; then
  dotnet publish src/DatRules.Cli -c Release -r linux-x64 -o "$dir/native" -v q -clp:NoSummary >/dev/null
  native="$dir/native/DatRules.Cli"
fi
cli=src/DatRules.Cli/bin/Release/net10.0/DatRules.Cli.dll
bench=benchmarks/DatRules.Benchmarks/bin/Release/net10.0/DatRules.Benchmarks.dll
dotnet "$bench" to-parquet "$dir/u.csv" "$dir/u.parquet"
dotnet "$bench" duckdb-sql "COPY (SELECT * FROM read_csv('$dir/u.csv', header = true, columns = {'ticker': 'VARCHAR', 'as_of': 'DATE', 'digital_assets_usd': 'DECIMAL(18,2)', 'total_assets_usd': 'DECIMAL(18,2)'})) TO '$dir/d.parquet' (FORMAT parquet)" >/dev/null
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); commit $(git rev-parse --short HEAD); rows: $rows; csv $(stat -c %s "$dir/u.csv") bytes, ours $(stat -c %s "$dir/u.parquet"), duckdb's $(stat -c %s "$dir/d.parquet"); load average $(cut -d' ' -f1-3 /proc/loadavg)"
measure() { # label output command...
  /usr/bin/time -f "%e %U %M" -o "$dir/t" "${@:3}" > "$dir/$2" 2>/dev/null
  echo "$1 $(cat "$dir/t")" >> "$dir/runs"
}
for i in $(seq "$runs"); do
  for fmt in no-reasons table; do
    args=(-f csv --no-reasons); [ "$fmt" = table ] && args=()
    for tool in native jit; do
      run=("$native"); [ "$tool" = jit ] && run=(dotnet "$cli")
      measure "$tool-$fmt-csv" a.out "${run[@]}" screen -i "$dir/u.csv" "${args[@]}"
      measure "$tool-$fmt-ours" b.out "${run[@]}" screen -i "$dir/u.parquet" "${args[@]}"
      measure "$tool-$fmt-duckdbs" c.out "${run[@]}" screen -i "$dir/d.parquet" "${args[@]}"
      cmp -s "$dir/a.out" "$dir/b.out" && cmp -s "$dir/a.out" "$dir/c.out" || { echo "outputs differ ($tool, $fmt)"; exit 1; }
    done
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
for tool in ("native", "jit"):
    for fmt in ("no-reasons", "table"):
        for src in ("csv", "ours", "duckdbs"):
            k = f"{tool}-{fmt}-{src}"
            print(f"{k:26} wall {med(k, 0):5.2f} s  user {med(k, 1):5.2f} s  {med(k, 2) // 1024:4d} MB   wall runs: {' '.join(f'{r[0]:.2f}' for r in runs[k])}")
        for src in ("ours", "duckdbs"):
            print(f"  {tool} {fmt}: parquet ({src}) / csv, target <= 1: wall {med(f'{tool}-{fmt}-{src}', 0) / med(f'{tool}-{fmt}-csv', 0):.2f}, user {med(f'{tool}-{fmt}-{src}', 1) / med(f'{tool}-{fmt}-csv', 1):.2f}")
PY
