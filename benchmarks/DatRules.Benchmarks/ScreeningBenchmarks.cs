using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DatRules.Issuers;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.Benchmarks;

/// <summary>One policy (the MSCI January 2026 freeze, 50% or more) over N issuers: the engine vs a naive LINQ loop over domain objects.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class ScreeningBenchmarks
{
    private IssuerSnapshot[] _snapshots = [];
    private Universe _universe = null!;
    private Universe _indexed = null!;
    private ScreeningEngine _oneCore = null!;
    private ScreeningEngine _allCores = null!;
    private DatRules.Classification.DatClassification[] _classes = [];
    private DatRules.Screening.ScreenedAction[] _actions = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _snapshots = BenchmarkData.Snapshots(N);
        _universe = BenchmarkData.Universe(_snapshots);

        // A second universe of the same rows whose ratio index is built here, outside the measurement
        // (its cost is RatioIndexBuild below); the plain benchmarks keep a universe without one.
        _indexed = BenchmarkData.Universe(_snapshots);
        _ = _indexed.RatioIndex;
        _oneCore = new ScreeningEngine(new ScreeningOptions { MaxDegreeOfParallelism = 1 });
        _allCores = new ScreeningEngine(new ScreeningOptions { ParallelThreshold = 0 });
        _classes = new DatRules.Classification.DatClassification[N];
        _actions = new DatRules.Screening.ScreenedAction[N];
    }

    /// <summary>What a user writes without the library: LINQ over snapshots, decimal ratio test, one result object per issuer.</summary>
    [Benchmark(Baseline = true)]
    public int NaiveLinqDecimal() => _snapshots
        .Select(s => new
        {
            s.Issuer.Ticker,
            Dat = s.TotalAssets is { } t && t > 0m && s.DigitalAssets <= t && s.DigitalAssets / t >= 0.5m,
        })
        .Count(x => x.Dat);

    [Benchmark]
    public int DomainPolicyEvaluate()
    {
        int dat = 0;
        foreach (var s in _snapshots)
        {
            if (BuiltInPolicies.MsciDatFreeze.Evaluate(s).Classification == Classification.DatClassification.DigitalAssetTreasury)
            {
                dat++;
            }
        }

        return dat;
    }

    [Benchmark]
    public int EngineOneCoreIntoBuffers() => _oneCore.ScreenInto(_universe, BuiltInPolicies.MsciDatFreeze, _classes, _actions);

    /// <summary>The same screen from the ratio index's 4-byte ranks (one binary search for the cut).</summary>
    [Benchmark]
    public int EngineOneCoreIntoBuffersIndexed() => _oneCore.ScreenInto(_indexed, BuiltInPolicies.MsciDatFreeze, _classes, _actions);

    /// <summary>What the index costs to build once per universe (sort by exact ratio).</summary>
    [Benchmark]
    public int RatioIndexBuild() => new RatioIndex(_universe).RankedCount;

    [Benchmark]
    public int EngineOneCore() => _oneCore.Screen(_universe, BuiltInPolicies.MsciDatFreeze).DatCount;

    [Benchmark]
    public int EngineAllCores() => _allCores.Screen(_universe, BuiltInPolicies.MsciDatFreeze).DatCount;
}
