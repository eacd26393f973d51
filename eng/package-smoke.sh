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
  </ItemGroup>
</Project>
XML
cat > Program.cs <<'CS'
using DatRules.Classification;
using DatRules.Issuers;
using NodaTime;

var s = new IssuerSnapshot(new IssuerId("MSTR"), new LocalDate(2025, 9, 30), 73_619_038_000m,
    [new DigitalAssetHolding("BTC", 640_031m, 73_205_725_000m)]);
var r = DatClassifier.Msci.Classify(s);
Console.WriteLine($"package smoke: {r.Classification}");
return r.Classification == DatClassification.DigitalAssetTreasury ? 0 : 1;
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
