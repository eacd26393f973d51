#!/usr/bin/env bash
# Packs every package, then restores the packed DatRules into a throwaway console project from the local folder
# (NodaTime still comes from the NuGet feed) and runs one classification: what a user of the package would do.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/artifacts/packages"
rm -rf "$out"
dotnet pack DatRules.sln -c Release -o "$out" -v q -clp:NoSummary
ls "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
cat > Smoke.csproj <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="DatRules" Version="0.1.0" />
    <PackageReference Include="DatRules.Data" Version="0.1.0" />
  </ItemGroup>
</Project>
XML
cat > Program.cs <<'CS'
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
return ok ? 0 : 1;
CS
# An isolated package folder, so the package really comes from $out and not from a cache of an older build.
export NUGET_PACKAGES="$tmp/nuget-packages"
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
dotnet run -c Release
