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

git status --short -- docs
