using CsCheck;
using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.Tests.Screening;

/// <summary>The fast path must give bit-for-bit the domain classifier's answer, above all at and around the boundary.</summary>
public class ScreeningEquivalenceTests
{
    private static readonly decimal[] Percents = [50m, 40m, 33.3333m, 66.67m, 12.5m, 99.99m, 0.0001m, 100m, 45.5m, 33.333333333333333333333333m];

    private static readonly Gen<decimal> Percent = Gen.OneOf(Gen.OneOf(Percents), Gen.Int[1, 1_000_000].Select(i => i / 10_000m));

    private static readonly Gen<ThresholdBound> Bound = Gen.OneOf(ThresholdBound.Inclusive, ThresholdBound.Exclusive);

    /// <summary>A row: total cents and a "kind" that places digital assets relative to the threshold later.</summary>
    private static readonly Gen<(long Total, int Kind, long Noise, byte Constituent, int Scale)> Row =
        Gen.Select(Gen.Long[0, 1_000_000_000_000L], Gen.Int[0, 9], Gen.Long[-3, 3], Gen.Byte[0, 2], Gen.Int[0, 20]);

    /// <param name="withIndex">Through the ratio index (ranks, a binary-searched cut, the rank kernel, CountCrossing) or the amount kernels.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Screen_RandomUniverses_MatchesDomainClassifierExactly(bool withIndex)
    {
        Gen.Select(Row.Array[1, 300], Percent, Bound).Sample((rows, percent, bound) =>
        {
            var threshold = new RatioThreshold(percent, bound);
            var policy = Policy(threshold);
            var snapshots = rows.Select((r, i) => Snapshot(i, r, percent)).ToArray();
            var universe = Universe.From(snapshots);
            if (withIndex)
            {
                _ = universe.RatioIndex;
            }

            var screening = new ScreeningEngine(new ScreeningOptions { ParallelThreshold = 0, ChunkSize = 1024 }).Screen(universe, policy);

            int dats = 0;
            for (int i = 0; i < snapshots.Length; i++)
            {
                var expected = policy.Evaluate(snapshots[i]);
                dats += expected.Classification == DatClassification.DigitalAssetTreasury ? 1 : 0;
                if (expected.Classification != screening.ClassificationAt(i) || expected.Action != screening.ActionAt(i))
                {
                    throw new InvalidOperationException($"row {i}: {snapshots[i].DigitalAssets}/{snapshots[i].TotalAssets} at {threshold}: domain {expected.Classification}/{expected.Action}, engine (index: {withIndex}) {screening.ClassificationAt(i)}/{screening.ActionAt(i)}");
                }
            }

            if (withIndex && universe.RatioIndex.CountCrossing(threshold) != dats)
            {
                throw new InvalidOperationException($"CountCrossing {universe.RatioIndex.CountCrossing(threshold)}, domain {dats} at {threshold}");
            }
        }, iter: 400);
    }

    [Fact]
    public void Screen_LargeUniverseAcrossChunksAndCores_MatchesDomain()
    {
        // 50,000 rows: several chunks of 8,192 on all cores; every 7th row sits exactly on 50%.
        var rng = new Random(7);
        var snapshots = Enumerable.Range(0, 50_000).Select(i =>
        {
            long total = rng.NextInt64(1, 10_000_000_000);
            long digital = i % 7 == 0 ? total / 2 * 2 == total ? total / 2 : total / 2 + (i % 2) : rng.NextInt64(0, total + 1);
            return new IssuerSnapshot(new IssuerId($"T{i}"), TestData.Q3, total / 100m, [new DigitalAssetHolding("BTC", 1m, digital / 100m)]) { IsIndexConstituent = (i % 3) switch { 0 => true, 1 => false, _ => null } };
        }).ToArray();
        var policies = new[] { BuiltInPolicies.MsciDatFreeze, BuiltInPolicies.MsciDatProposal, Policy(RatioThreshold.Above(40m)) };

        var results = new ScreeningEngine(new ScreeningOptions { ParallelThreshold = 0, ChunkSize = 8192 }).Screen(Universe.From(snapshots), policies);

        for (int p = 0; p < policies.Length; p++)
        {
            for (int i = 0; i < snapshots.Length; i++)
            {
                var d = policies[p].Evaluate(snapshots[i]);
                Assert.True(d.Classification == results[p].ClassificationAt(i) && d.Action == results[p].ActionAt(i), $"policy {p} row {i}");
            }
        }
    }

    [Fact]
    public void Screen_HugeAmountsAndManyDecimals_UseWiderPathsAndStillMatch()
    {
        // Amounts near 2^53 cents with a 26-digit threshold force the 128-bit or decimal tier; sub-cent amounts fall back.
        var t = new RatioThreshold(33.333333333333333333333333m);
        decimal total = 90_000_000_000_000m;
        decimal third = 30_000_000_000_000m;
        var snapshots = new[]
        {
            TestData.Snapshot("A", third, total),
            TestData.Snapshot("B", third - 0.01m, total),
            TestData.Snapshot("C", 1.005m, 3m),
            TestData.Snapshot("D", 0.9999999999999999999999999m, 3m),
        };

        var screening = new ScreeningEngine().Screen(Universe.From(snapshots), Policy(t));

        for (int i = 0; i < snapshots.Length; i++)
        {
            Assert.Equal(Policy(t).Evaluate(snapshots[i]).Classification, screening.ClassificationAt(i));
        }
    }

    private static IndexPolicy Policy(RatioThreshold t) => IndexPolicy.CreateBuilder("p")
        .For(IndexProvider.Msci, "test").Dated(TestData.Q3, TestData.Q3)
        .WithRatioThreshold(t)
        .OnMatch(PolicyAction.FreezeShareIncreases | PolicyAction.DeferSizeSegmentMigration, PolicyAction.BlockAddition)
        .CitedFrom(new PolicySource("t", "t", TestData.Q3)).Build();

    private static IssuerSnapshot Snapshot(int i, (long Total, int Kind, long Noise, byte Constituent, int Scale) r, decimal percent)
    {
        // Digital assets: kinds 0-5 sit exactly on or a few cents around the threshold; 6 random below total;
        // 7 above total (indeterminate); 8 missing total; 9 sub-cent amounts (fallback path).
        decimal total = r.Total / 100m;
        decimal onLine = Math.Floor(r.Total * percent / 100m) / 100m;
        decimal? totalOrNull = total;
        decimal digital = r.Kind switch
        {
            <= 5 => Math.Max(0m, onLine + (r.Noise / 100m)),
            6 => Math.Floor(r.Total * ((r.Scale + 1) / 21m)) / 100m,
            7 => total + 1m,
            8 => onLine,
            _ => onLine + 0.001m,
        };
        if (r.Kind == 8)
        {
            totalOrNull = null;
        }

        bool? constituent = r.Constituent switch { 1 => true, 2 => false, _ => null };
        return new IssuerSnapshot(new IssuerId($"T{i}"), TestData.Q3, totalOrNull, [new DigitalAssetHolding("BTC", 1m, digital)]) { IsIndexConstituent = constituent };
    }
}
