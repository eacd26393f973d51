#!/usr/bin/env bash
# End-to-end: `datrules screen --format csv --no-reasons` vs a one-line-per-row awk doing the same test and
# writing the same four columns, on the same synthetic 1M-row CSV, timed in the same run.
# Usage: bash benchmarks/scripts/cli-vs-awk.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
csv=$(mktemp --suffix=.csv)
python3 benchmarks/scripts/generate-universe.py "$rows" 42 > "$csv"
dotnet build -c Release src/DatRules.Cli -v q -clp:NoSummary >/dev/null
for i in 1 2 3; do
  /usr/bin/time -f "datrules: %e s" dotnet src/DatRules.Cli/bin/Release/net10.0/DatRules.Cli.dll screen --input "$csv" --format csv --no-reasons > /dev/null
  /usr/bin/time -f "awk:      %e s" awk -f benchmarks/scripts/screen.awk "$csv" > /dev/null
done
rm -f "$csv"
