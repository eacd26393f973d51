#!/usr/bin/env bash
# End-to-end: `datrules screen --format csv --no-reasons` vs a one-line-per-row awk doing the same test and
# writing the same four columns, on the same synthetic CSV (1M rows by default), timed alternately in the same run.
# Prints each run and the medians; also checks that both write the same classifications.
# Usage: bash benchmarks/scripts/cli-vs-awk.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
runs=${2:-5}
csv=$(mktemp --suffix=.csv)
out1=$(mktemp) out2=$(mktemp) times=$(mktemp)
trap 'rm -f "$csv" "$out1" "$out2" "$times"' EXIT
python3 benchmarks/scripts/generate-universe.py "$rows" 42 > "$csv"
dotnet build -c Release src/DatRules.Cli -v q -clp:NoSummary >/dev/null
dll=src/DatRules.Cli/bin/Release/net10.0/DatRules.Cli.dll
echo "input: $rows rows, $(stat -c %s "$csv") bytes; awk: $(readlink -f "$(command -v awk)")"
for i in $(seq "$runs"); do
  /usr/bin/time -f "datrules %e" -a -o "$times" dotnet "$dll" screen --input "$csv" --format csv --no-reasons > /dev/null
  /usr/bin/time -f "awk %e" -a -o "$times" awk -f benchmarks/scripts/screen.awk "$csv" > /dev/null
done
cat "$times"
dotnet "$dll" screen --input "$csv" --format csv --no-reasons | cut -d, -f1-3 > "$out1"
awk -f benchmarks/scripts/screen.awk "$csv" | cut -d, -f1-3 > "$out2"
cmp -s "$out1" "$out2" && echo "same classifications: yes" || echo "same classifications: NO"
python3 - "$times" "$rows" <<'PY'
import statistics, sys
t = {}
for line in open(sys.argv[1]):
    k, v = line.split()
    t.setdefault(k, []).append(float(v))
d, a = statistics.median(t["datrules"]), statistics.median(t["awk"])
print(f"median: datrules {d:.2f} s ({int(sys.argv[2]) / d:,.0f} rows/s), awk {a:.2f} s; datrules is {a / d:.2f}x faster than awk")
PY
