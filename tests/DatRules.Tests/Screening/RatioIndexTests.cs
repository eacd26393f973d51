using DatRules.Classification;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.Tests.Screening;

public class RatioIndexTests
{
    private static readonly LocalDate Q3 = new(2025, 9, 30);

    /// <param name="lowFirst">Insertion order: the sort by doubles leaves the equal pair in either order, so both are tried.</param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Order_RatiosEqualAsDoublesButNotExactly_OrderedExactly(bool lowFirst)
    {
        // HIGH = 2^51 / (2^52 + 1) and LOW = (2^51 - 1) / (2^52 - 1): HIGH - LOW = (d1*t2 - d2*t1) / (t1*t2) = 1 / (t1*t2),
        // about 2^-104, far below a double's resolution near 0.5 (2^-54): both quotients round to the same double.
        long d1 = 1L << 51, t1 = (1L << 52) + 1, d2 = (1L << 51) - 1, t2 = (1L << 52) - 1;
        Assert.Equal((double)d1 / t1, (double)d2 / t2);
        var builder = new UniverseBuilder();
        if (lowFirst)
        {
            builder.AddScaled("LOW", Q3, d2, t2).AddScaled("HIGH", Q3, d1, t1);
        }
        else
        {
            builder.AddScaled("HIGH", Q3, d1, t1).AddScaled("LOW", Q3, d2, t2);
        }

        var universe = builder.AddScaled("TENTH", Q3, 1, 10).Build();
        int low = lowFirst ? 0 : 1, high = 1 - low;

        var index = universe.RatioIndex;

        Assert.Equal([2, low, high], index.Order);   // TENTH, LOW, HIGH
        Assert.Equal(1, index.Rank[low]);
        Assert.Equal(2, index.Rank[high]);
        Assert.Equal(0, index.Rank[2]);
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

    [Fact]
    public void Screen_IndexedUniverseOverManyChunks_SameAsWithoutIndex()
    {
        // 10,003 rows in chunks of 1,024 (the last chunk ends off a multiple of 32): every chunk's offset must be right.
        var rng = new Random(5);
        var builder = new UniverseBuilder();
        for (int i = 0; i < 10_003; i++)
        {
            long t = rng.NextInt64(1, 1_000_000_000);
            builder.AddScaled($"T{i}", Q3, i % 9 == 0 ? t / 2 : rng.NextInt64(0, t + 1), i % 97 == 0 ? null : t, isIndexConstituent: (i % 3) switch { 0 => true, 1 => false, _ => null });
        }

        var universe = builder.Build();
        var options = new ScreeningOptions { ChunkSize = 1024, ParallelThreshold = 0 };
        var plain = new ScreeningEngine(options).Screen(universe, BuiltInPolicies.MsciDatFreeze);
        var classes = new DatRules.Classification.DatClassification[universe.Count];
        var actions = new ScreenedAction[universe.Count];

        _ = universe.RatioIndex;
        var indexed = new ScreeningEngine(options).Screen(universe, BuiltInPolicies.MsciDatFreeze);
        int dats = new ScreeningEngine(new ScreeningOptions { ChunkSize = 1024 }).ScreenInto(universe, BuiltInPolicies.MsciDatFreeze, classes, actions);

        Assert.Equal(plain.Classifications.ToArray(), indexed.Classifications.ToArray());
        Assert.Equal(plain.Actions.ToArray(), indexed.Actions.ToArray());
        Assert.Equal(plain.Classifications.ToArray(), classes);
        Assert.Equal(plain.Actions.ToArray(), actions);
        Assert.Equal(plain.DatCount, dats);
    }

    [Fact]
    public void Index_SeveralSnapshotRowsAmongIntegerRows_RanksOnlyTheIntegerRows()
    {
        // Rows 1 and 3 have sub-cent amounts (kept as snapshots, not ranked, though their ratios are defined); row 4 has
        // no total (not ranked).
        var universe = Universe.From([
            TestData.Snapshot("A", 1m, 4m),          // 25%
            TestData.Snapshot("B", 1.005m, 2m),      // 50.25%, snapshot
            TestData.Snapshot("C", 3m, 4m),          // 75%
            TestData.Snapshot("D", 0.001m, 2m),      // 0.05%, snapshot
            TestData.Snapshot("E", 1m, null),        // no total: undefined
            TestData.Snapshot("F", 1m, 2m),          // 50%
        ]);

        var index = universe.RatioIndex;

        Assert.Equal(2, universe.FallbackCount);
        Assert.Equal(3, index.RankedCount);
        Assert.Equal([0, 5, 2], index.Order);
        Assert.Equal([0, -1, 2, -1, -1, 1], index.Rank);
        Assert.Equal(3, index.CountCrossing(RatioThreshold.Msci));                          // B, C, F
        Assert.Equal([5, 1], index.RowsBetween(RatioThreshold.Msci, RatioThreshold.Above(50.25m)));   // F (50%), B (50.25%)
    }

    [Fact]
    public void Queries_NullThreshold_ThrowNamingTheParameter()
    {
        var index = Universe.From([TestData.Snapshot("A", 1m, 2m)]).RatioIndex;

        Assert.Throws<ArgumentNullException>("threshold", () => index.CountCrossing(null!));
        Assert.Throws<ArgumentNullException>("first", () => index.RowsBetween(null!, RatioThreshold.Msci));
        Assert.Throws<ArgumentNullException>("second", () => index.RowsBetween(RatioThreshold.Msci, null!));
    }
}
