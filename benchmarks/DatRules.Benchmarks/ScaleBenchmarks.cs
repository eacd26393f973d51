using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DatRules.Classification;
using DatRules.Policies;
using DatRules.Screening;
using NodaTime;

namespace DatRules.Benchmarks;

/// <summary>1M issuers x 8 policies on all cores, and 1M issuers x 40 quarterly dates.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class ScaleBenchmarks
{
    private Universe _universe = null!;
    private Universe _indexed = null!;
    private RatioThreshold[] _grid = [];
    private IndexPolicy[] _policies = [];
    private LocalDate[] _dates = [];
    private ScreeningEngine _engine = null!;
    private ScreeningEngine _oneCore = null!;

    [GlobalSetup]
    public void Setup()
    {
        var snapshots = BenchmarkData.Snapshots(1_000_000);
        _universe = BenchmarkData.Universe(snapshots);
        _indexed = BenchmarkData.Universe(snapshots);
        _ = _indexed.RatioIndex;
        _grid = Enumerable.Range(1, 100).Select(p => RatioThreshold.AtLeast(p)).ToArray();
        _engine = new ScreeningEngine();
        _oneCore = new ScreeningEngine(new ScreeningOptions { MaxDegreeOfParallelism = 1 });
        var src = new PolicySource("benchmark", "benchmark", new LocalDate(2026, 1, 1));

        // Thresholds 30%..65% in 5-point steps: the what-if grid of a methodology team.
        _policies = Enumerable.Range(0, 8).Select(k => IndexPolicy.CreateBuilder($"what-if-{30 + (5 * k)}")
            .For(IndexProvider.Msci, "bench").Dated(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 1))
            .WithRatioThreshold(RatioThreshold.AtLeast(30 + (5 * k)))
            .OnMatch(PolicyAction.Exclude, PolicyAction.BlockAddition).CitedFrom(src).Build()).ToArray();

        // 40 quarter-ends from 2016-12-31 to 2026-09-30: the policy in force changes along the way.
        _dates = Enumerable.Range(0, 40).Select(q => new LocalDate(2016, 12, 31).PlusMonths(3 * q)).Select(d => d.With(DateAdjusters.EndOfMonth)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int OnePolicyOneCore() => _oneCore.Screen(_universe, _policies[4]).DatCount;

    [Benchmark]
    public int EightPoliciesAllCores() => _engine.Screen(_universe, _policies).Sum(r => r.DatCount);

    /// <summary>The same 8 policies from the ratio index built once in setup.</summary>
    [Benchmark]
    public int EightPoliciesAllCoresIndexed() => _engine.Screen(_indexed, _policies).Sum(r => r.DatCount);

    /// <summary>DAT counts at every whole percent from 1% to 100%: 100 binary searches on the ratio index.</summary>
    [Benchmark]
    public int HundredThresholdCountsIndexed() => _grid.Sum(_indexed.RatioIndex.CountCrossing);

    [Benchmark]
    public int EightPoliciesOneCore() => _oneCore.Screen(_universe, _policies).Sum(r => r.DatCount);

    [Benchmark]
    public int FortyDatesAllCores() => _engine.ScreenOnDates(_universe, PolicyCatalog.BuiltIn, IndexProvider.Msci, _dates).Sum(r => r.DatCount);
}
