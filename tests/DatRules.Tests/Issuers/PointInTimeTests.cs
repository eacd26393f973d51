using DatRules.Issuers;

namespace DatRules.Tests.Issuers;

public sealed class PointInTimeTests
{
    private static IssuerSnapshot Snap(string ticker, string asOf, decimal digital, string? filed, string? form = "10-Q") =>
        new(new IssuerId(ticker), LocalDate.FromDateTime(DateTime.Parse(asOf)), 100m, digital == 0m ? [] : [new DigitalAssetHolding("BTC", 1m, digital)])
        {
            Provenance = filed is null ? null : new Provenance("test") { Filed = LocalDate.FromDateTime(DateTime.Parse(filed)), Form = form },
        };

    [Fact]
    public void KnownOn_FiledOnTheDate_Counts()
    {
        var s = Snap("A", "2025-06-30", 40m, "2025-08-01");
        Assert.Single(PointInTime.KnownOn([s], new LocalDate(2025, 8, 1)).Snapshots);
        Assert.Empty(PointInTime.KnownOn([s], new LocalDate(2025, 7, 31)).Snapshots);
    }

    [Fact]
    public void KnownOn_LaterPeriodFiledEarlier_LatestPeriodWins()
    {
        // A late 10-K for 2024-12-31 (filed 2025-09-01) and the 10-Q for 2025-06-30 (filed 2025-08-01): on 2025-09-02
        // both are known and the later balance sheet (2025-06-30) is the one a screen uses.
        var q2 = Snap("A", "2025-06-30", 60m, "2025-08-01");
        var fy = Snap("A", "2024-12-31", 10m, "2025-09-01", "10-K");
        Assert.Same(q2, PointInTime.KnownOn([fy, q2], new LocalDate(2025, 9, 2)).Snapshots.Single());
    }

    [Fact]
    public void KnownOn_SamePeriodSameDay_AmendmentWinsInEitherOrder()
    {
        var original = Snap("A", "2025-06-30", 40m, "2025-08-01", "10-Q");
        var amended = Snap("A", "2025-06-30", 55m, "2025-08-01", "10-Q/A");
        var day = new LocalDate(2025, 8, 1);
        Assert.Same(amended, PointInTime.KnownOn([original, amended], day).Snapshots.Single());
        Assert.Same(amended, PointInTime.KnownOn([amended, original], day).Snapshots.Single());
    }

    [Fact]
    public void KnownOn_IssuersKeepFirstAppearanceOrder_AndTickersIgnoreCase()
    {
        var b = Snap("B", "2025-06-30", 1m, "2025-08-01");
        var a1 = Snap("a", "2025-03-31", 1m, "2025-05-01");
        var a2 = Snap("A", "2025-06-30", 2m, "2025-08-02");
        var result = PointInTime.KnownOn([b, a1, a2], new LocalDate(2025, 9, 1));
        Assert.Equal([b, a2], result.Snapshots.ToArray());
    }

    [Fact]
    public void KnownOn_ReportsNotYetKnownAndUndated()
    {
        var later = Snap("L", "2025-09-30", 1m, "2025-11-05");
        var laterStill = Snap("L", "2025-12-31", 1m, "2026-02-05");
        var undated = Snap("U", "2025-09-30", 1m, null);
        var result = PointInTime.KnownOn([laterStill, later, undated], new LocalDate(2025, 10, 10));

        Assert.Empty(result.Snapshots);
        Assert.Same(later, Assert.Single(result.NotYetKnown));
        Assert.Same(undated, Assert.Single(result.Undated));
        Assert.Equal(new LocalDate(2025, 10, 10), result.KnownOn);
    }

    [Fact]
    public void KnownOn_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("snapshots", () => PointInTime.KnownOn(null!, default));
        Assert.Throws<ArgumentNullException>("snapshots", () => PointInTime.KnownOn([null!], default));
    }
}
