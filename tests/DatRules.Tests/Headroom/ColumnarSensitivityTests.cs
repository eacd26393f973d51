using DatRules.Classification;
using DatRules.Headroom;
using DatRules.Issuers;
using DatRules.Screening;

namespace DatRules.Tests.Headroom;

/// <summary>The sensitivity grid from the ratio index equals <see cref="SensitivityAnalysis.Run(DatRules.Screening.Universe, IEnumerable{decimal}, IEnumerable{RatioThreshold})"/> on the same snapshots.</summary>
public class ColumnarSensitivityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Run_RandomUniverse_EqualsTheDomainCellForCell(int seed)
    {
        var snapshots = RandomSnapshots(1_500, seed);
        decimal[] moves = [-100m, -50m, -12.5m, 0m, 0.001m, 10m, 33.3333333m, 100m];
        RatioThreshold[] thresholds = [RatioThreshold.AtLeast(50m), RatioThreshold.Above(50m), RatioThreshold.AtLeast(33.3333m), RatioThreshold.AtLeast(100m), RatioThreshold.AtLeast(0.0000001m)];

        var expected = SensitivityAnalysis.Run(snapshots, moves, thresholds);
        var actual = SensitivityAnalysis.Run(Universe.From(snapshots), moves, thresholds);

        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i].PriceMovePct, expected[i].Threshold, expected[i].DatCount), (actual[i].PriceMovePct, actual[i].Threshold, actual[i].DatCount));
            Assert.Equal(expected[i].Flips, actual[i].Flips.ToList());
        }
    }

    [Fact]
    public void Run_MoveBelowMinus100_Throws()
    {
        var universe = Universe.From(RandomSnapshots(10, 1));

        Assert.Throws<ArgumentOutOfRangeException>("moves", () => SensitivityAnalysis.Run(universe, [-101m], [RatioThreshold.Msci]));
    }

    /// <summary>Whole cents mostly; rows exactly at 50% and at the moved boundaries, digital equal to total, no total, sub-cent amounts.</summary>
    private static List<IssuerSnapshot> RandomSnapshots(int n, int seed)
    {
        var rng = new Random(seed);
        var list = new List<IssuerSnapshot>(n);
        for (int i = 0; i < n; i++)
        {
            long total = rng.NextInt64(1, 1_000_000_00);
            int kind = rng.Next(20);
            long digital = kind switch
            {
                0 => total / 2 * 2 == total ? total / 2 : total,
                1 => total,
                2 => 0,
                _ => (long)(total * rng.NextDouble()),
            };
            decimal? t = kind == 3 ? null : total / 100m;
            decimal d = kind == 4 ? (digital / 100m) + 0.001m : digital / 100m;
            if (t is { } tv && d > tv)
            {
                d = tv;
            }

            list.Add(new IssuerSnapshot(new IssuerId($"T{i}"), new LocalDate(2025, 9, 30), t, d == 0m ? [] : [new DigitalAssetHolding("BTC", 1m, d)]));
        }

        return list;
    }
}
