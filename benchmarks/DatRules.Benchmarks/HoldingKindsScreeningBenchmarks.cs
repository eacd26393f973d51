using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.Benchmarks;

/// <summary>
/// Holding kinds (issue 23): MSCI's proposal on 1M issuers whose balance sheets carry restricted, receivable and ETP
/// amounts (the counted kinds pre-summed once per treatment into one numerator column) next to the same issuers without
/// kinds (the held column alone), one core, into caller-owned buffers. Target: &lt;= 1.5x per issuer. The pre-sum itself
/// (once per universe and treatment) is measured apart.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class HoldingKindsScreeningBenchmarks
{
    /// <summary>In process: on the shared 2-core machine the generated project's build exceeded BenchmarkDotNet's 2-minute limit.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default.WithStrategy(RunStrategy.Throughput).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(8).WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(20), logOutput: true)));
    }

    private Universe _none = null!;
    private Universe _kinds = null!;
    private ScreeningEngine _oneCore = null!;
    private DatClassification[] _classes = [];
    private ScreenedAction[] _actions = [];

    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // BenchmarkData's rows; in the kinds universe each row also has restricted, receivable and ETP amounts (seeded),
        // each up to a tenth of its total assets.
        var rng = new Random(11);
        var plain = BenchmarkData.Snapshots(N);
        _none = Universe.From(plain);
        _kinds = Universe.From(plain.Select(s =>
        {
            long tenth = Math.Max(1, (long)((s.TotalAssets ?? 0m) * 10m));
            return new IssuerSnapshot(s.Issuer, s.AsOf, s.TotalAssets, s.Holdings)
            {
                IsIndexConstituent = s.IsIndexConstituent,
                HoldingKinds = new HoldingKindAmounts { Restricted = rng.NextInt64(0, tenth) / 100m, Receivable = rng.NextInt64(0, tenth) / 100m, Etp = rng.NextInt64(0, tenth) / 100m },
            };
        }).ToArray());
        _oneCore = new ScreeningEngine(new ScreeningOptions { MaxDegreeOfParallelism = 1 });
        _classes = new DatClassification[N];
        _actions = new ScreenedAction[N];

        // The numerator of the policy's treatment is built on first use and kept by the universe: build it here.
        _ = _oneCore.ScreenInto(_kinds, BuiltInPolicies.MsciDatProposal, _classes, _actions);
    }

    [Benchmark(Baseline = true)]
    public int NoKindsHeldOverTotal() => _oneCore.ScreenInto(_none, BuiltInPolicies.MsciDatProposal, _classes, _actions);

    [Benchmark]
    public int KindsCountedOverTotal() => _oneCore.ScreenInto(_kinds, BuiltInPolicies.MsciDatProposal, _classes, _actions);

    /// <summary>The one-off pre-sum of a treatment (held + restricted + receivable, ETPs left out), rebuilt each call.</summary>
    [Benchmark]
    public long PreSumCountedKindsOnce() => _kinds.BuildNumerator((1 << (int)HoldingKind.Held) | (1 << (int)HoldingKind.Restricted) | (1 << (int)HoldingKind.Receivable)).Max;
}
