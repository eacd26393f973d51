#!/usr/bin/env bash
# Regenerates the docs' pictures from the code, so they show what the code makes today:
#   docs/images/report.png  the HTML report (docs/report.md) in headless Chromium (Debian's chromium package)
# Other docs add their pictures here. Run from anywhere: bash eng/regenerate-images.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

browser="${DATRULES_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
if [ -z "$browser" ]; then
  echo "error: no Chromium: apt-get install chromium (or set DATRULES_CHROMIUM)" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The report of docs/report.md, from the embedded dataset; the date is fixed so the picture does not change with the clock.
dotnet run --project src/DatRules.Cli -- report --out "$work/report.html" --date 2026-03-02 --vs-policy msci-2025-10-dat-proposal

# Headless, offline, a fresh profile; the top 1280 x 1400 pixels of the page (the policy, the counts and the chart).
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --force-device-scale-factor=1 \
  --user-data-dir="$work/profile" --window-size=1280,1400 --screenshot="$work/report.png" "file://$work/report.html" 2>/dev/null
mkdir -p docs/images
cp "$work/report.png" docs/images/report.png
echo "wrote docs/images/report.png"
