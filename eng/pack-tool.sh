#!/usr/bin/env bash
# Packs the datrules tool as .NET 10 RID-specific tool packages and checks what a user installs:
#   DatRules.Cli.<v>.nupkg            the pointer package `dotnet tool install` reads first
#   DatRules.Cli.linux-x64.<v>.nupkg  native AOT (must be packed on linux-x64: AOT compiles for the machine it runs on)
#   DatRules.Cli.any.<v>.nupkg        portable JIT fallback for every other platform
# Then installs the tool from that folder into a throwaway tool path, as a user would, and runs its outputs against
# the JIT build's (byte for byte), so an ahead-of-time break (reflection, trimming) shows here, not in a user's run.
# Usage: bash eng/pack-tool.sh [OUT]   (default artifacts/tool)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$PWD/artifacts/tool}"
rm -rf "$out"
mkdir -p "$out"
project=src/DatRules.Cli/DatRules.Cli.csproj
# One version for the three packages (a local pack is 0.2.0-local.<stamp>): the pointer names its RID packages by it.
stamp="-p:DatRulesBuildStamp=$(date -u +%Y%m%d%H%M%S)"
dotnet pack "$project" -c Release "$stamp" -o "$out" -v q -clp:NoSummary
dotnet pack "$project" -c Release "$stamp" -r linux-x64 -o "$out" -v q -clp:NoSummary
dotnet pack "$project" -c Release "$stamp" -r any -o "$out" -v q -clp:NoSummary
ls "$out"
version=$(ls "$out" | sed -n 's/^DatRules\.Cli\.linux-x64\.\(.*\)\.nupkg$/\1/p')

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUGET_PACKAGES="$tmp/nuget-packages"   # the package really comes from $out, not from a cache
dotnet tool install DatRules.Cli --version "$version" --tool-path "$tmp/tools" --add-source "$out" >/dev/null
tool="$tmp/tools/datrules"
file "$(readlink -f "$tool")" 2>/dev/null || true
jit=(dotnet src/DatRules.Cli/bin/Release/net10.0/DatRules.Cli.dll)
[ -f "${jit[1]}" ] || dotnet build "$project" -c Release -v q -clp:NoSummary >/dev/null
check() { # args...
  "$tool" "$@" > "$tmp/native.out" 2>/dev/null
  "${jit[@]}" "$@" > "$tmp/jit.out" 2>/dev/null
  if ! cmp -s "$tmp/native.out" "$tmp/jit.out"; then
    echo "pack-tool: the installed tool and the JIT build differ on: datrules $*" >&2
    diff "$tmp/native.out" "$tmp/jit.out" | head -20 >&2
    exit 1
  fi
}
check screen
check screen -f json
check screen -f csv --as-known-on 2025-10-10
check policies -f json
check outflow -f json
check sensitivity -f json
check headroom -f json
check history -f json
check diff --from msci-gimi-baseline --to msci-2025-10-dat-proposal -f json
"$tool" screen -f parquet --out "$tmp/s.parquet" 2>/dev/null
"$tool" screen -f xlsx --out "$tmp/s.xlsx" 2>/dev/null
"$tool" chart universe --out "$tmp/u.png"
head -c 4 "$tmp/s.parquet" | grep -q PAR1 && head -c 2 "$tmp/s.xlsx" | grep -q PK && head -c 4 "$tmp/u.png" | grep -q PNG
echo "pack-tool: DatRules.Cli $version installed from $out; native outputs equal the JIT build's (screen, policies, outflow, sensitivity, headroom, history, diff); parquet, xlsx and png written"
