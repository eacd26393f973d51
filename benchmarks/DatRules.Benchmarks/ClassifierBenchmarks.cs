using BenchmarkDotNet.Attributes;
using DatRules.Classification;
using DatRules.Issuers;
using NodaTime;

namespace DatRules.Benchmarks;

/// <summary>Cost of one domain classification: exact (BigInteger) comparison vs plain decimal comparison.</summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private IssuerSnapshot[] _snapshots = [];

    [Params(1_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _snapshots = Enumerable.Range(0, N).Select(i =>
        {
            decimal total = rng.Next(1, 1_000_000) * 1_000m;
            decimal digital = Math.Round(total * (decimal)rng.NextDouble(), 2);
            return new IssuerSnapshot(new IssuerId($"T{i}"), new LocalDate(2025, 9, 30), total, [new DigitalAssetHolding("BTC", 1m, digital)]);
        }).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int NaiveDecimalRatio()
    {
        int dat = 0;
        foreach (var s in _snapshots)
        {
            if (s.DigitalAssets / s.TotalAssets!.Value >= 0.5m)
            {
                dat++;
            }
        }

        return dat;
    }

    [Benchmark]
    public int DatClassifierMsci()
    {
        int dat = 0;
        foreach (var s in _snapshots)
        {
            if (DatClassifier.Msci.Classify(s).Classification == DatClassification.DigitalAssetTreasury)
            {
                dat++;
            }
        }

        return dat;
    }
}
