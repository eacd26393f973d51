using DatRules.Issuers;
using DatRules.Screening;
using NodaTime;

namespace DatRules.Benchmarks;

/// <summary>Seeded synthetic universes: whole-cent amounts, ~3% exactly on the 50% line, ~1% without total assets.</summary>
internal static class BenchmarkData
{
    internal static readonly LocalDate AsOf = new(2025, 9, 30);

    internal static IssuerSnapshot[] Snapshots(int n, int seed = 42)
    {
        var rng = new Random(seed);
        var result = new IssuerSnapshot[n];
        for (int i = 0; i < n; i++)
        {
            long total = rng.NextInt64(10_000_000, 50_000_000_000_000);
            double k = rng.NextDouble();
            decimal? totalUsd = total / 100m;
            long digital;
            if (k < 0.03)
            {
                total -= total % 2;
                totalUsd = total / 100m;
                digital = total / 2;
            }
            else if (k < 0.04)
            {
                digital = rng.NextInt64(0, 1_000_000_000_000);
                totalUsd = null;
            }
            else
            {
                double r = rng.NextDouble();
                digital = (long)(total * r * r * r);
            }

            result[i] = new IssuerSnapshot(new IssuerId($"T{i:D7}"), AsOf, totalUsd, [new DigitalAssetHolding("BTC", 1m, digital / 100m)])
            {
                IsIndexConstituent = (i % 3) switch { 0 => true, 1 => false, _ => null },
            };
        }

        return result;
    }

    internal static Universe Universe(IssuerSnapshot[] snapshots) => DatRules.Screening.Universe.From(snapshots);
}
