#!/usr/bin/env bash
# Regenerates src/*/.PublicAPI/PublicAPI.Unshipped.txt from the PublicApiAnalyzers diagnostics
# (RS0016 = symbol not declared, RS0017 = declared symbol removed). Run after changing the public API,
# then review the diff: it is the API change.
set -euo pipefail
cd "$(dirname "$0")/.."
for proj in src/*/; do
  api="$proj.PublicAPI"
  [ -d "$api" ] || continue
  csproj=$(ls "$proj"*.csproj)
  # Start from an empty Unshipped file so that removed symbols disappear too.
  printf '#nullable enable\n' > "$api/PublicAPI.Unshipped.txt"
  log=$(dotnet build "$csproj" --no-incremental -p:TreatWarningsAsErrors=false -p:GenerateDocumentationFile=false -v q -clp:NoSummary 2>&1 || true)
  { printf '#nullable enable\n'; printf '%s\n' "$log" | grep -F "$(basename "$csproj")]" | grep -o "RS0016: Symbol '.*' is not part of the declared public API" \
      | sed -e "s/^RS0016: Symbol '//" -e "s/' is not part of the declared public API$//" | sort -u; } > "$api/PublicAPI.Unshipped.txt.new"
  mv "$api/PublicAPI.Unshipped.txt.new" "$api/PublicAPI.Unshipped.txt"
  echo "$api/PublicAPI.Unshipped.txt: $(($(wc -l < "$api/PublicAPI.Unshipped.txt") - 1)) symbols"
done
