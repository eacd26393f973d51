using DatRules.Outflows;

namespace DatRules.Tests.Outflows;

public class FreezeCostEstimatorTests
{
    [Fact]
    public void Estimate_OnlyTranchesFromTheFreezeCount()
    {
        // Freeze from 2026-01-06. Tranches: 1,000,000 @ 200 on 2025-12-15 (before: not counted),
        // 2,000,000 @ 160 on 2026-01-20 and 1,000,000 @ 150 on 2026-02-10. Passive share 10%:
        // forgone shares = 3,000,000 x 0.1 = 300,000; USD = 200,000 x 160 + 100,000 x 150 = 32,000,000 + 15,000,000 = 47,000,000.
        ShareIssuance[] plan =
        [
            new(new LocalDate(2025, 12, 15), 1_000_000m, 200m),
            new(new LocalDate(2026, 1, 20), 2_000_000m, 160m),
            new(new LocalDate(2026, 2, 10), 1_000_000m, 150m),
        ];

        var cost = FreezeCostEstimator.Estimate(plan, 0.10m, new LocalDate(2026, 1, 6));

        Assert.Equal(2, cost.CoveredTranches.Count);
        Assert.Equal(3_000_000m, cost.NewShares);
        Assert.Equal(300_000m, cost.ForgoneShares);
        Assert.Equal(47_000_000m, cost.ForgoneUsd);
    }

    [Fact]
    public void Estimate_TrancheOnTheFreezeDate_IsCovered()
    {
        var cost = FreezeCostEstimator.Estimate([new ShareIssuance(new LocalDate(2026, 1, 6), 10m, 1m)], 1m, new LocalDate(2026, 1, 6));

        Assert.Equal(10m, cost.ForgoneUsd);
    }

    [Fact]
    public void Estimate_ShareOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("passiveOwnershipShare", () => FreezeCostEstimator.Estimate([], 1.5m, new LocalDate(2026, 1, 6)));

    [Fact]
    public void Issuance_BadValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("shares", () => new ShareIssuance(new LocalDate(2026, 1, 6), -1m, 1m));
        Assert.Throws<ArgumentOutOfRangeException>("price", () => new ShareIssuance(new LocalDate(2026, 1, 6), 1m, 0m));
    }
}
