using DatRules.Classification;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.Tests.Screening;

public class RatioIndexTests
{
    private static readonly LocalDate Q3 = new(2025, 9, 30);

    [Fact]
    public void Order_RatiosEqualAsDoublesButNotExactly_OrderedExactly()
    {
        // HIGH = 2^51 / (2^52 + 1) and LOW = (2^51 - 1) / (2^52 - 1): HIGH - LOW = (d1*t2 - d2*t1) / (t1*t2) = 1 / (t1*t2),
        // about 2^-104, far below a double's resolution near 0.5 (2^-54): both quotients round to the same double.
        long d1 = 1L << 51, t1 = (1L << 52) + 1, d2 = (1L << 51) - 1, t2 = (1L << 52) - 1;
        var universe = new UniverseBuilder()
            .AddScaled("LOW", Q3, d2, t2)
            .AddScaled("HIGH", Q3, d1, t1)
            .AddScaled("TENTH", Q3, 1, 10)
            .Build();
        Assert.Equal((double)d1 / t1, (double)d2 / t2);

        var index = universe.RatioIndex;

        Assert.Equal([2, 0, 1], index.Order);   // TENTH, LOW, HIGH
        Assert.Equal([1, 2, 0], index.Rank);
    }

    [Fact]
    public void CountCrossing_EveryThresholdOfAGrid_MatchesBruteForce()
    {
        // 2,000 rows, a quarter exactly at 50%; thresholds every 0.5% from 0.5% to 100%, both bounds.
        var rng = new Random(3);
        var builder = new UniverseBuilder();
        var rows = new List<(long D, long? T)>();
        for (int i = 0; i < 2_000; i++)
        {
            long t = rng.NextInt64(1, 1_000_000_000_000);
            long? total = i % 50 == 0 ? null : i % 4 == 0 ? t - (t % 2) + 2 : t;
            long d = i % 4 == 0 ? (total ?? 2) / 2 : rng.NextInt64(0, t + 1);
            rows.Add((d, total));
            builder.AddScaled($"T{i}", Q3, d, total);
        }

        var index = builder.Build().RatioIndex;

        for (int k = 1; k <= 200; k++)
        {
            foreach (var threshold in new[] { RatioThreshold.AtLeast(k / 2m), RatioThreshold.Above(k / 2m) })
            {
                int expected = rows.Count(r => r.T is > 0 && r.D <= r.T && threshold.IsCrossedBy(r.D, r.T.Value));
                Assert.Equal(expected, index.CountCrossing(threshold));
            }
        }
    }

    [Fact]
    public void RowsBetween_SameRowsAsFlipsOfTwoScreenings()
    {
        var universe = Universe.From(Enumerable.Range(0, 500).Select(i => TestData.Snapshot($"T{i}", i, 500m)));
        var from = RatioThreshold.Msci;
        var to = RatioThreshold.AtLeast(40m);
        var engine = new ScreeningEngine(new ScreeningOptions { UseRatioIndex = false });
        var flips = ScreeningEngine.Flips(engine.Screen(universe, Only(from)), engine.Screen(universe, Only(to)));

        var rows = universe.RatioIndex.RowsBetween(from, to);

        // Digital 200..249 of 500 are 40%..49.8%: DAT at >= 40%, not at >= 50%.
        Assert.Equal(Enumerable.Range(200, 50), rows);
        Assert.Equal(flips.Select(f => f.Position), rows.Order());
    }

    [Fact]
    public void CountCrossing_SubCentRowsKeptAsSnapshots_CountedExactly()
    {
        // 1.005 / 2.01 is exactly 50% but is not a whole number of cents: the universe keeps the snapshot.
        var universe = Universe.From([TestData.Snapshot("SUB", 1.005m, 2.01m), TestData.Snapshot("A", 1m, 3m)]);

        Assert.Equal(1, universe.FallbackCount);
        Assert.Equal(1, universe.RatioIndex.RankedCount);
        Assert.Equal(1, universe.RatioIndex.CountCrossing(RatioThreshold.Msci));
        Assert.Equal(0, universe.RatioIndex.CountCrossing(RatioThreshold.Above(50m)));
        Assert.Equal([0], universe.RatioIndex.RowsBetween(RatioThreshold.Msci, RatioThreshold.Above(50m)));
    }

    [Fact]
    public void Screen_IndexBuilt_EngineUsesItOnlyForRatioOnlyPolicies()
    {
        var universe = Universe.From([TestData.Snapshot("A", 1m, 2m)]);
        Assert.False(universe.HasRatioIndex);
        Assert.False(new CompiledPolicy(universe, BuiltInPolicies.MsciDatFreeze).UsesRatioIndex);

        _ = universe.RatioIndex;

        Assert.True(universe.HasRatioIndex);
        Assert.True(new CompiledPolicy(universe, BuiltInPolicies.MsciDatFreeze).UsesRatioIndex);
        Assert.False(new CompiledPolicy(universe, BuiltInPolicies.MsciDatFreeze, useRatioIndex: false).UsesRatioIndex);
    }

    private static IndexPolicy Only(RatioThreshold t) => IndexPolicy.CreateBuilder("t")
        .For(IndexProvider.Msci, "test").Dated(Q3, Q3).WithRatioThreshold(t)
        .OnMatch(PolicyAction.Exclude, PolicyAction.BlockAddition)
        .CitedFrom(new PolicySource("t", "t", Q3)).Build();
}
