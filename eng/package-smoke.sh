#!/usr/bin/env bash
# The install from a local build of docs/getting-started.md, as a user does it: packs every package into a folder,
# adds that folder as a package source (nuget.config), `dotnet add package DatRules --prerelease` (and DatRules.Data)
# into a throwaway console project (NodaTime still comes from the NuGet feed), runs it; then packs again and checks that
# the second pack has another version (0.2.0-local.<stamp>), that the same project restores it from the same package
# cache, and that the program runs on the new assemblies (their informational version), not on the cached first pack.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
out="$repo/artifacts/packages"
rm -rf "$out"
pack() { dotnet pack "$repo/DatRules.sln" -c Release -o "$out" -v q -clp:NoSummary; }
# The version of the newest DatRules package in $out (file names are DatRules.<version>.nupkg).
newest() { ls -t "$out"/DatRules.[0-9]*.nupkg | head -n 1 | sed -E 's|.*/DatRules\.(.*)\.nupkg|\1|'; }
pack
ls "$out"
v1=$(newest)
case "$v1" in
  0.2.0-local.[0-9]*) echo "package smoke: first pack is $v1" ;;
  *) echo "package smoke: a local pack should be 0.2.0-local.<stamp>, was '$v1'" >&2; exit 1 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The user's project, and beside it (not inside: a project compiles every *.cs below its folder) a package cache of its
# own (local packs stay out of the machine's), kept across both packs: the second restore must get the second pack
# although the cache holds the first. The packs themselves use the machine's cache.
cache="$tmp/nuget-packages"
user() { NUGET_PACKAGES="$cache" "$@"; }
mkdir "$tmp/app"
cd "$tmp/app"
cat > Smoke.csproj <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
</Project>
XML
cat > Program.cs <<'CS'
using System.Reflection;
using DatRules.Classification;
using DatRules.Data;
using DatRules.Issuers;
using DatRules.Policies;
using DatRules.Screening;
using NodaTime;

var s = new IssuerSnapshot(new IssuerId("MSTR"), new LocalDate(2025, 9, 30), 73_619_038_000m,
    [new DigitalAssetHolding("BTC", 640_031m, 73_205_725_000m)]);
var r = DatClassifier.Msci.Classify(s);
Console.WriteLine($"package smoke: {r.Classification}");

// Issue 21's snippet, with the packages alone: AAA's 30 Jun sheet (filed 1 Aug) is exactly 50% (a DAT, inclusive);
// its 30 Sep sheet was filed after 10 Oct; BBB is 49.99%.
File.WriteAllText("universe.csv", "ticker,as_of,digital_assets_usd,total_assets_usd,filed\nAAA,2025-06-30,50,100,2025-08-01\nAAA,2025-09-30,40,100,2025-11-03\nBBB,2025-06-30,49.99,100,2025-08-01\n");
SnapshotFrame frame = SnapshotFrame.ReadCsv("universe.csv");
SnapshotFrame known = frame.KnownOn(new LocalDate(2025, 10, 10));
Universe universe = known.ToUniverse();
PolicyScreening screening = new ScreeningEngine().Screen(universe, BuiltInPolicies.MsciDatProposal);
RuleChangeReport change = RuleChange.Compare(universe, BuiltInPolicies.MsciBaseline, BuiltInPolicies.MsciDatProposal);
using (var output = File.Create("roundtrip.csv"))
{
    frame.WriteCsv(output);
}

bool ok = r.Classification == DatClassification.DigitalAssetTreasury && frame.Count == 3 && known.Count == 2
    && screening.DatCount == 1 && change.Changes.Count == 1 && SnapshotFrame.ReadCsv("roundtrip.csv").Count == 3;
Console.WriteLine($"package smoke (DatRules.Data): {frame.Count} rows, {known.Count} known on 2025-10-10, {screening.DatCount} DAT, {change.Changes.Count} change");
Console.WriteLine("package smoke: assemblies " + typeof(DatClassifier).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);
return ok ? 0 : 1;
CS
cat > nuget.config <<XML
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$out" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="DatRules*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
# The lines of docs/getting-started.md.
user dotnet add package DatRules --prerelease
user dotnet add package DatRules.Data --prerelease
user dotnet run -c Release | tee run1.txt
grep -q "assemblies $v1" run1.txt || { echo "package smoke: the program did not run on $v1" >&2; exit 1; }

# Pack again (nothing changed): a new version, restored from the same cache, and the program runs on it.
pack
v2=$(newest)
if [ "$v2" = "$v1" ]; then
  echo "package smoke: the second pack has the first one's version $v1: a NuGet cache would serve the old package" >&2
  exit 1
fi
echo "package smoke: second pack is $v2 (first $v1)"
user dotnet add package DatRules --prerelease
user dotnet add package DatRules.Data --prerelease
grep -q "Include=\"DatRules\" Version=\"$v2\"" Smoke.csproj || { echo "package smoke: dotnet add package did not take $v2" >&2; cat Smoke.csproj >&2; exit 1; }
user dotnet run -c Release | tee run2.txt
grep -q "assemblies $v2" run2.txt || { echo "package smoke: the program ran on a cached package, not on $v2" >&2; exit 1; }
echo "package smoke: ok ($v1, then $v2)"
