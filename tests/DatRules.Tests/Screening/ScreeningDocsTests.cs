using DatRules.Classification;
using DatRules.Policies;
using DatRules.Screening;

namespace DatRules.Tests.Screening;

/// <summary>The example of docs/screening.md, with the results it states.</summary>
public class ScreeningDocsTests
{
    [Fact]
    public void ScreeningExample_GivesTheStatedCountsAndFlips()
    {
        // Embedded figures (30 Sep 2025): MSTR 73,205,725,000 / 73,619,038,000 = 99.44%; RIOT 2,200,029,516 / 4,479,000,000 = 49.12%.
        var builder = new UniverseBuilder(capacity: 3);
        builder.AddScaled("MSTR", new LocalDate(2025, 9, 30), digitalUnits: 7_320_572_500_000, totalUnits: 7_361_903_800_000, isIndexConstituent: true);
        builder.AddScaled("RIOT", new LocalDate(2025, 9, 30), digitalUnits: 220_002_951_600, totalUnits: 447_900_000_000, isIndexConstituent: true);
        builder.AddScaled("ACME", new LocalDate(2025, 9, 30), digitalUnits: 0, totalUnits: null);
        Universe universe = builder.Build();

        PolicyScreening now = new ScreeningEngine().Screen(universe, BuiltInPolicies.MsciDatFreeze);
        RatioIndex index = universe.RatioIndex;
        int at45 = index.CountCrossing(RatioThreshold.AtLeast(45m));
        IReadOnlyList<int> flips = index.RowsBetween(RatioThreshold.Msci, RatioThreshold.AtLeast(45m));

        Assert.Equal((1, 1, 1), (now.DatCount, now.OperatingCount, now.IndeterminateCount));
        Assert.Equal(DatClassification.DigitalAssetTreasury, now.ClassificationAt(0));
        Assert.Equal(0.491188m, Math.Round(now.RatioAt(1)!.Value, 6));   // RIOT 2,200,029,516 / 4,479,000,000
        Assert.Null(now.RatioAt(2));
        Assert.Equal(2, at45);
        Assert.Equal([1], flips);
    }
}
