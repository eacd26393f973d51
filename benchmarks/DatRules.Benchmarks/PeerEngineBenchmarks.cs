using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DatRules.Issuers;
using DatRules.Policies;
using DatRules.Screening;
using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using RulesEngine.Models;

namespace DatRules.Benchmarks;

/// <summary>
/// The engines users pick for "configurable policies": Microsoft RulesEngine (JSON workflows of lambda expressions)
/// and NRules (Rete), on the same test (digital x 100 at least 50 x total, total positive, digital at most total). Smaller sizes only.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class PeerEngineBenchmarks
{
    private IssuerSnapshot[] _snapshots = [];
    private Fact[] _facts = [];
    private Universe _universe = null!;
    private Universe _indexed = null!;
    private ScreeningEngine _oneCore = null!;
    private RulesEngine.RulesEngine _rulesEngine = null!;
    private ISessionFactory _nrules = null!;

    [Params(1_000, 10_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _snapshots = BenchmarkData.Snapshots(N);
        _universe = BenchmarkData.Universe(_snapshots);
        _indexed = BenchmarkData.Universe(_snapshots);
        _ = _indexed.RatioIndex;
        _oneCore = new ScreeningEngine(new ScreeningOptions { MaxDegreeOfParallelism = 1 });
        _facts = _snapshots.Select(s => new Fact { Digital = s.DigitalAssets, Total = s.TotalAssets ?? 0m }).ToArray();
        var workflow = new Workflow
        {
            WorkflowName = "dat",
            Rules =
            [
                new RulesEngine.Models.Rule
                {
                    RuleName = "msci-50",
                    Expression = "input1.Total > 0 && input1.Digital <= input1.Total && input1.Digital * 100 >= 50 * input1.Total",
                    SuccessEvent = "DAT",
                },
            ],
        };
        _rulesEngine = new RulesEngine.RulesEngine([workflow], new ReSettings());
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(DatRule)));
        _nrules = repository.Compile();
    }

    [Benchmark(Baseline = true)]
    public int NaiveLinqDecimal() => _snapshots.Count(s => s.TotalAssets is { } t && t > 0m && s.DigitalAssets <= t && s.DigitalAssets / t >= 0.5m);

    [Benchmark]
    public async Task<int> MicrosoftRulesEngine()
    {
        int dat = 0;
        foreach (var f in _facts)
        {
            var results = await _rulesEngine.ExecuteAllRulesAsync("dat", f);
            if (results[0].IsSuccess)
            {
                dat++;
            }
        }

        return dat;
    }

    [Benchmark]
    public int NRulesRete()
    {
        foreach (var f in _facts)
        {
            f.IsDat = false;
        }

        var session = _nrules.CreateSession();
        session.InsertAll(_facts);
        session.Fire();
        return _facts.Count(f => f.IsDat);
    }

    [Benchmark]
    public int EngineOneCore() => _oneCore.Screen(_universe, BuiltInPolicies.MsciDatFreeze).DatCount;

    /// <summary>The engine on a universe whose ratio index was built once in setup.</summary>
    [Benchmark]
    public int EngineOneCoreIndexed() => _oneCore.Screen(_indexed, BuiltInPolicies.MsciDatFreeze).DatCount;

    public sealed class Fact
    {
        public decimal Digital { get; set; }

        public decimal Total { get; set; }

        public bool IsDat { get; set; }
    }

    public sealed class DatRule : NRules.Fluent.Dsl.Rule
    {
        public override void Define()
        {
            Fact fact = null!;
            When().Match(() => fact, f => f.Total > 0m && f.Digital <= f.Total && f.Digital * 100m >= 50m * f.Total);
            Then().Do(_ => Mark(fact));
        }

        private static void Mark(Fact f) => f.IsDat = true;
    }
}
