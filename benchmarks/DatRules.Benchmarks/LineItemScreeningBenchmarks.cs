using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;
using DatRules.Screening;
using NodaTime;

namespace DatRules.Benchmarks;

/// <summary>
/// A 3-item ratio rule (cash + marketable securities + digital assets &gt;= 50% of total assets) next to the single-ratio
/// rule (digital assets &gt;= 50%), same 1M issuers, one core, into caller-owned buffers. Target: &lt;= 2x per issuer.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class LineItemScreeningBenchmarks
{
    private static readonly LocalDate Date = BenchmarkData.AsOf;
    private Universe _universe = null!;
    private ScreeningEngine _oneCore = null!;
    private IndexPolicy _single = null!;
    private IndexPolicy _threeItems = null!;
    private DatRules.Classification.DatClassification[] _classes = [];
    private DatRules.Screening.ScreenedAction[] _actions = [];

    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // BenchmarkData's rows with cash and securities added (seeded; ~1% without cash).
        var rng = new Random(7);
        var snapshots = BenchmarkData.Snapshots(N).Select(s =>
        {
            long total = (long)((s.TotalAssets ?? 0m) * 100m);
            var items = new List<LineItemValue> { new(LineItem.MarketableSecurities, rng.NextInt64(0, Math.Max(1, total / 10)) / 100m) };
            if (rng.Next(100) != 0)
            {
                items.Add(new LineItemValue(LineItem.CashAndEquivalents, rng.NextInt64(0, Math.Max(1, total / 5)) / 100m));
            }

            return s.WithLineItems(items);
        }).ToArray();
        _universe = Universe.From(snapshots);
        _oneCore = new ScreeningEngine(new ScreeningOptions { MaxDegreeOfParallelism = 1 });
        _single = Policy("single", new RatioThresholdCriterion(RatioThreshold.Msci));
        _threeItems = Policy("three", PolicyCriteria.ShareOfTotalAssets(RatioComparison.AtLeast, 50m, LineItem.CashAndEquivalents, LineItem.MarketableSecurities, LineItem.DigitalAssets));
        _classes = new DatRules.Classification.DatClassification[N];
        _actions = new DatRules.Screening.ScreenedAction[N];

        // Term columns are built on first use and kept by the universe (like the ratio index): build them here.
        _ = _oneCore.ScreenInto(_universe, _threeItems, _classes, _actions);
    }

    [Benchmark(Baseline = true)]
    public int SingleRatioDigitalOverTotal() => _oneCore.ScreenInto(_universe, _single, _classes, _actions);

    [Benchmark]
    public int ThreeItemRatioCashSecuritiesDigitalOverTotal() => _oneCore.ScreenInto(_universe, _threeItems, _classes, _actions);

    private static IndexPolicy Policy(string id, IPolicyCriterion criterion) => IndexPolicy.CreateBuilder(id)
        .For(IndexProvider.Msci, "benchmark").Dated(Date, Date)
        .WithCriterion(criterion)
        .OnMatch(PolicyAction.FreezeShareIncreases | PolicyAction.DeferSizeSegmentMigration, PolicyAction.BlockAddition)
        .CitedFrom(new PolicySource("benchmark", "DatRules", Date))
        .Build();
}
