using DatRules.Classification;
using DatRules.Headroom;
using DatRules.Issuers;
using DatRules.Testing;

namespace DatRules.Tests.Headroom;

public class SensitivityAndMnavTests
{
    [Fact]
    public void Sensitivity_RiotFlipsWithATenPercentRise()
    {
        // RIOT: D = 2,200,029,516, A = 2,278,970,484. +10%: D' = 2,420,032,467.6, T' = 4,699,002,951.6 -> 51.5% >= 50%.
        var cells = SensitivityAnalysis.Run(SampleData.Companies(), [0m, 10m], [RatioThreshold.Msci]);

        Assert.Empty(cells[0].Flips);
        Assert.Contains("RIOT", cells[1].Flips);
        Assert.DoesNotContain("DJT", cells[1].Flips);   // DJT (47.3%) needs about +11.4%
        Assert.Equal(cells[0].DatCount + cells[1].Flips.Count, cells[1].DatCount);
    }

    [Fact]
    public void Sensitivity_DefaultGrid_Is16By9()
    {
        var cells = SensitivityAnalysis.Run(SampleData.Companies(), SensitivityAnalysis.DefaultMoves, SensitivityAnalysis.DefaultThresholds);

        Assert.Equal(16 * 9, cells.Count);
        Assert.Equal(-50m, cells[0].PriceMovePct);
        Assert.Equal(30m, cells[0].Threshold.Percent);
    }

    [Fact]
    public void Sensitivity_MinusHundredPercent_NoCoinsLeft()
    {
        var s = SnapshotBuilder.For("A").WithRatio(0.9m).Build();

        Assert.Equal(DatClassification.OperatingCompany, SensitivityAnalysis.Classify(s, -100m, RatioThreshold.Msci));
        Assert.Throws<ArgumentOutOfRangeException>("priceMovesPct", () => SensitivityAnalysis.Run([s], [-101m], [RatioThreshold.Msci]));
    }

    [Fact]
    public void Mnav_Definitions()
    {
        // D = 60B, market cap 66B, EV 72B, 300M shares: mNAV 1.1, EV/D 1.2, 200 USD of coins per share, premium +10%.
        var s = new IssuerSnapshot(new IssuerId("M"), TestData.Q3, 70_000_000_000m, [new DigitalAssetHolding("BTC", 1m, 60_000_000_000m)])
        {
            MarketCap = 66_000_000_000m,
            EnterpriseValue = 72_000_000_000m,
            SharesOutstanding = 300_000_000m,
        };

        var m = Mnav.Compute(s);

        Assert.Equal(1.1m, m.MnavOnMarketCap);
        Assert.Equal(1.2m, m.MnavOnEnterpriseValue);
        Assert.Equal(200m, m.DigitalAssetsPerShare);
        Assert.Equal(10m, m.PremiumPct);
        Assert.Empty(m.Reasons);
    }

    [Fact]
    public void Mnav_UndefinedCases_AreExplicit()
    {
        var m = Mnav.Compute(new IssuerSnapshot(new IssuerId("Z"), TestData.Q3, 1m, []));

        Assert.Null(m.MnavOnMarketCap);
        Assert.Null(m.PremiumPct);
        Assert.Equal(["No digital assets: mNAV is undefined.", "No market capitalisation given.", "No enterprise value given.", "No shares outstanding given."], m.Reasons);
    }
}
