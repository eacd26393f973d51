using DatRules.Issuers;
using DatRules.Outflows;
using DatRules.Policies;
using DatRules.Testing;

namespace DatRules.Tests.Outflows;

public class ForcedSellingEstimatorTests
{
    private static readonly IndexFamily Msci = PublishedEstimates.Msci;
    private static readonly IndexFamily Others = PublishedEstimates.OtherProviders;
    private static readonly LocalDate D = new(2025, 11, 20);

    // Round numbers for hand arithmetic: price 100, ADV 1,000,000 shares, daily vol 4%.
    private static readonly MarketData Market = new("X", D, 100m, 1_000_000m, 0.04m, "test");

    private static PassiveExposure[] Exposures() =>
    [
        PassiveExposure.FromHolding("X", Msci, 40_000_000m, D, "test"),
        PassiveExposure.FromHolding("X", Others, 160_000_000m, D, "test"),
    ];

    [Fact]
    public void Estimate_OneFamily_UsdSharesDaysImpact()
    {
        var e = new ForcedSellingEstimator().Estimate(Exposures(), Market, [Msci]);

        // 40,000,000 USD / 100 = 400,000 shares; / 1,000,000 ADV = 0.4 days;
        // impact = 1 x 0.04 x sqrt(0.4) = 0.04 x 0.632455532... = 0.0252982213
        var line = Assert.Single(e.Families);
        Assert.Equal(40_000_000m, line.ForcedSellingUsd);
        Assert.Equal(400_000m, line.ForcedSellingShares);
        Assert.Equal(0.4m, line.DaysOfVolume);
        Assert.Equal(0.0252982213m, Math.Round(line.PriceImpact!.Value, 10));
        Assert.Equal(line.ForcedSellingUsd, e.Total.ForcedSellingUsd);
    }

    [Fact]
    public void Estimate_BothFamilies_AddUpAndImpactIsRecomputedOnTheTotal()
    {
        var e = new ForcedSellingEstimator().Estimate(Exposures(), Market, [Msci, Others]);

        // 200,000,000 USD -> 2,000,000 shares -> 2 days; impact 0.04 x sqrt(2) = 0.0565685425 (not 0.0253 + 0.0506).
        Assert.Equal(200_000_000m, e.Total.ForcedSellingUsd);
        Assert.Equal(2_000_000m, e.Total.ForcedSellingShares);
        Assert.Equal(2m, e.Total.DaysOfVolume);
        Assert.Equal(0.0565685425m, Math.Round(e.Total.PriceImpact!.Value, 10));
    }

    [Fact]
    public void Estimate_SpreadOverFourDays_ImpactHalves()
    {
        var e = new ForcedSellingEstimator(new ImpactOptions { ExecutionDays = 4 }).Estimate(Exposures(), Market, [Msci, Others]);

        // Per day 2,000,000 / 4 = 500,000 shares = 0.5 ADV; impact 0.04 x sqrt(0.5) = 0.0282842712; days of volume still 2.
        Assert.Equal(0.0282842712m, Math.Round(e.Total.PriceImpact!.Value, 10));
        Assert.Equal(2m, e.Total.DaysOfVolume);
    }

    [Fact]
    public void Estimate_ImpactCoefficientHalf_HalvesImpact()
    {
        var full = new ForcedSellingEstimator().Estimate(Exposures(), Market, [Msci]).Total.PriceImpact!.Value;
        var half = new ForcedSellingEstimator(new ImpactOptions { ImpactCoefficient = 0.5m }).Estimate(Exposures(), Market, [Msci]).Total.PriceImpact!.Value;

        Assert.Equal(full / 2m, half);
    }

    [Fact]
    public void Estimate_NoVolatility_NoImpactButShares()
    {
        var m = new MarketData("X", D, 100m, 1_000_000m, null, "test");

        var e = new ForcedSellingEstimator().Estimate(Exposures(), m, [Msci]);

        Assert.Null(e.Total.PriceImpact);
        Assert.Equal(400_000m, e.Total.ForcedSellingShares);
    }

    [Fact]
    public void Estimate_NobodyActs_Zero()
    {
        var e = new ForcedSellingEstimator().Estimate(Exposures(), Market, []);

        Assert.Empty(e.Families);
        Assert.Equal(0m, e.Total.ForcedSellingUsd);
        Assert.Equal(0m, e.Total.PriceImpact);
    }

    [Fact]
    public void Estimate_FromPolicyDecisions_OnlyExcludingProvidersAct()
    {
        var strategy = new IssuerSnapshot(new IssuerId("X"), new LocalDate(2025, 9, 30), 100m, [new DigitalAssetHolding("BTC", 1m, 80m)]) { IsIndexConstituent = true };

        var underProposal = new ForcedSellingEstimator().EstimateForDecisions(Exposures(), Market, [BuiltInPolicies.MsciDatProposal.Evaluate(strategy)]);
        var underFreeze = new ForcedSellingEstimator().EstimateForDecisions(Exposures(), Market, [BuiltInPolicies.MsciDatFreeze.Evaluate(strategy)]);

        Assert.Equal(40_000_000m, underProposal.Total.ForcedSellingUsd);
        Assert.Equal(0m, underFreeze.Total.ForcedSellingUsd);
    }

    [Fact]
    public void Estimate_ExposureOfAnotherTicker_Throws()
    {
        var ex = Assert.Throws<ArgumentException>("exposures", () => new ForcedSellingEstimator().Estimate([PassiveExposure.FromHolding("Y", Msci, 1m, D, "t")], Market, [Msci]));
        Assert.StartsWith("Exposure for Y given with market data for X.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_TwoExposuresToOneFamily_Throws() =>
        Assert.Throws<ArgumentException>("exposures", () => new ForcedSellingEstimator().Estimate([.. Exposures(), PassiveExposure.FromHolding("X", Msci, 1m, D, "t")], Market, [Msci]));

    [Fact]
    public void MarketData_ZeroAdv_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("averageDailyVolume", () => new MarketData("X", D, 100m, 0m, null, "t"));
        Assert.StartsWith("Average daily volume must be > 0 shares", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MarketData_ZeroPrice_Throws() =>
        Assert.StartsWith("Price must be > 0", Assert.Throws<ArgumentOutOfRangeException>("price", () => new MarketData("X", D, 0m, 1m, null, "t")).Message, StringComparison.Ordinal);

    [Fact]
    public void MarketData_NegativeVolatility_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("dailyVolatility", () => new MarketData("X", D, 1m, 1m, -0.01m, "t"));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(11, 1)]
    [InlineData(1, 251)]
    public void Options_OutOfRange_ThrowWithName(double y, int days)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ForcedSellingEstimator(new ImpactOptions { ImpactCoefficient = (decimal)y, ExecutionDays = days }));
        Assert.Matches("ImpactCoefficient should be in range|ExecutionDays should be in range", ex.Message);
    }

    [Fact]
    public void Exposure_WeightTimesAum_And_ShareOfMarketCap()
    {
        // 0.25% x 400B AUM = 1B; 2% x 50B cap = 1B.
        Assert.Equal(1_000_000_000m, PassiveExposure.FromWeight("X", Msci, 0.0025m, 400_000_000_000m, D, "t").HoldingUsd);
        Assert.Equal(1_000_000_000m, PassiveExposure.FromShareOfMarketCap("X", Msci, 0.02m, 50_000_000_000m, D, "t").HoldingUsd);
    }

    [Fact]
    public void Exposure_BadInputs_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("weight", () => PassiveExposure.FromWeight("X", Msci, 1.5m, 1m, D, "t"));
        Assert.Throws<ArgumentOutOfRangeException>("shareOfMarketCap", () => PassiveExposure.FromShareOfMarketCap("X", Msci, -0.1m, 1m, D, "t"));
        Assert.Throws<ArgumentOutOfRangeException>("holdingUsd", () => PassiveExposure.FromHolding("X", Msci, -1m, D, "t"));
    }
}
