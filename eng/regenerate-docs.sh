#!/usr/bin/env bash
# Regenerates every picture the docs show (docs/charts/*) from the code, in one run: after a change to the data, the
# charts or the CLI, run `bash eng/regenerate-docs.sh` and commit what changed. One command per picture, each writing
# its file with --out and a path under docs/; DocPicturesTests (tests/DatRules.Cli.Tests/Readme) fails when a picture
# under docs/ is made by no line of this script. Add the lines of new pictures (a report's screenshot, ...) below, in
# the same form.
# Figures quoted in the docs' text are not written here: each is checked against its command by DocFigureTests.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/DatRules.Cli -c Release -v q -clp:NoSummary
datrules() { dotnet run -c Release --no-build --project src/DatRules.Cli -- "$@"; }

# docs/headroom.md
datrules chart ratio --out docs/charts/strategy-ratio.svg
datrules chart universe --out docs/charts/universe.svg
datrules chart sensitivity --out docs/charts/sensitivity.svg

# docs/report.md: the HTML report in headless Chromium (Debian's chromium package), from the embedded dataset; the date
# is fixed so the picture does not change with the clock; the top 1280 x 1400 pixels (policy, counts, chart).
report_screenshot() { # --out FILE
  local browser work
  browser="${DATRULES_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
  [ -n "$browser" ] || { echo "error: no Chromium: apt-get install chromium (or set DATRULES_CHROMIUM)" >&2; exit 2; }
  work="$(mktemp -d)"
  datrules report --out "$work/report.html" --date 2026-03-02 --vs-policy msci-2025-10-dat-proposal
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --force-device-scale-factor=1 \
    --user-data-dir="$work/profile" --window-size=1280,1400 --screenshot="$work/report.png" "file://$work/report.html" 2>/dev/null
  mkdir -p "$(dirname "$2")"
  cp "$work/report.png" "$2"
  rm -rf "$work"
}
report_screenshot --out docs/images/report.png

git status --short -- docs
