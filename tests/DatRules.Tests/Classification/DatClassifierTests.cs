using DatRules.Classification;
using DatRules.Issuers;

namespace DatRules.Tests.Classification;

public class DatClassifierTests
{
    [Fact]
    public void Classify_DigitalAssetsExactlyHalfOfTotal_ReturnsDigitalAssetTreasury()
    {
        // 36,809,519,000 * 2 = 73,619,038,000: exactly 50.00%, and MSCI's bound is inclusive.
        var s = TestData.Snapshot("HALF", 36_809_519_000m, 73_619_038_000m);

        var result = DatClassifier.Msci.Classify(s);

        Assert.Equal(DatClassification.DigitalAssetTreasury, result.Classification);
        Assert.Equal(0.5m, result.DigitalAssetRatio);
    }

    [Fact]
    public void Classify_ExactlyAtExclusiveThreshold_ReturnsOperatingCompany()
    {
        var s = TestData.Snapshot("HALF", 50m, 100m);

        var result = new DatClassifier(RatioThreshold.Above(50m)).Classify(s);

        Assert.Equal(DatClassification.OperatingCompany, result.Classification);
    }

    [Fact]
    public void Classify_JustBelowHalfWhereDoubleRoundsToHalf_ReturnsOperatingCompany()
    {
        // 49,999,999,999.9999999 / 100,000,000,000 = 0.499999999999999999 (18 nines): below 50%.
        // A double cannot hold that many digits: the numerator rounds to 5e10, so a double ratio is 0.5 exactly.
        decimal digital = 49_999_999_999.9999999m;
        decimal total = 100_000_000_000m;
        Assert.True((double)digital / (double)total >= 0.5, "precondition: floating point would call this a DAT");

        var result = DatClassifier.Msci.Classify(TestData.Snapshot("ALMOST", digital, total));

        Assert.Equal(DatClassification.OperatingCompany, result.Classification);
        Assert.True(result.DigitalAssetRatio < 0.5m);
    }

    [Fact]
    public void Classify_JustAboveHalfByOneCent_ReturnsDigitalAssetTreasury()
    {
        // 50,000,000,000.01 / 100,000,000,000 = 0.5000000000001 >= 0.5.
        var result = DatClassifier.Msci.Classify(TestData.Snapshot("ABOVE", 50_000_000_000.01m, 100_000_000_000m));

        Assert.Equal(DatClassification.DigitalAssetTreasury, result.Classification);
    }

    [Fact]
    public void Classify_MultiAssetHoldings_AddUpBeforeTheTest()
    {
        // BTC 30 + ETH 15 + SOL 5 = 50 of 100 total: 50% -> DAT, though no single asset is above 30%.
        var s = new IssuerSnapshot(new IssuerId("MULTI"), TestData.Q3, 100m,
        [
            new DigitalAssetHolding("BTC", 1m, 30m),
            new DigitalAssetHolding("ETH", 10m, 15m),
            new DigitalAssetHolding("SOL", 100m, 5m),
        ]);

        var result = DatClassifier.Msci.Classify(s);

        Assert.Equal(50m, s.DigitalAssets);
        Assert.Equal(DatClassification.DigitalAssetTreasury, result.Classification);
        Assert.Contains(result.Reasons, r => r.Contains("sum of BTC 30 USD, ETH 15 USD, SOL 5 USD", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(77)]
    [InlineData(81)]
    public void Classify_SeedArticleStrategyFigures_ReturnsDigitalAssetTreasury(int percentOfTotal)
    {
        // Seed article: Strategy holds 649,870 BTC, "77%-81% of its total assets".
        // Value the BTC at 100,000,000,000 USD; total assets then 100e9 * 100 / pct.
        decimal digital = 100_000_000_000m;
        decimal total = digital * 100m / percentOfTotal;
        var s = new IssuerSnapshot(new IssuerId("MSTR", "Strategy Inc"), new LocalDate(2025, 12, 1), total, [new DigitalAssetHolding("BTC", 649_870m, digital)]);

        var result = DatClassifier.Msci.Classify(s);

        Assert.Equal(DatClassification.DigitalAssetTreasury, result.Classification);
        Assert.Equal(percentOfTotal / 100m, Math.Round(result.DigitalAssetRatio!.Value, 6));
    }

    [Fact]
    public void Classify_MissingTotalAssets_ReturnsIndeterminateWithReason()
    {
        var result = DatClassifier.Msci.Classify(TestData.Snapshot("NOTA", 10m, null));

        Assert.Equal(DatClassification.Indeterminate, result.Classification);
        Assert.Null(result.DigitalAssetRatio);
        Assert.Equal(["Total assets are missing: the digital-asset ratio cannot be computed."], result.Reasons);
    }

    [Fact]
    public void Classify_ZeroTotalAssets_ReturnsIndeterminate()
    {
        var result = DatClassifier.Msci.Classify(TestData.Snapshot("ZERO", 0m, 0m));

        Assert.Equal(DatClassification.Indeterminate, result.Classification);
        Assert.Contains("Total assets are zero", result.Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_DigitalAboveTotal_ReturnsIndeterminateAndNoRatio()
    {
        var result = DatClassifier.Msci.Classify(TestData.Snapshot("OVER", 120m, 100m));

        Assert.Equal(DatClassification.Indeterminate, result.Classification);
        Assert.Null(result.DigitalAssetRatio);
        Assert.Equal(["Digital assets (120 USD) exceed total assets (100 USD): the figures are inconsistent (different dates or line items?)."], result.Reasons);
    }

    [Fact]
    public void Classify_CurrencyMixAndMissingTotal_ListsEveryReason()
    {
        var s = new IssuerSnapshot(new IssuerId("ALCPB"), TestData.Q3, null, [new DigitalAssetHolding("BTC", 2812m, 300m, new Currency("EUR"))]);

        var result = DatClassifier.Msci.Classify(s);

        Assert.Equal(DatClassification.Indeterminate, result.Classification);
        Assert.Equal(2, result.Reasons.Count);
        Assert.Contains("valued in EUR but the snapshot is in USD", result.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_NoHoldings_ReturnsOperatingCompanyAtZero()
    {
        var s = new IssuerSnapshot(new IssuerId("PLAIN"), TestData.Q3, 1_000m, []);

        var result = DatClassifier.Msci.Classify(s);

        Assert.Equal(DatClassification.OperatingCompany, result.Classification);
        Assert.Equal(0m, result.DigitalAssetRatio);
    }

    [Fact]
    public void Classify_ReasonQuotesRuleAndNumbers()
    {
        // Riot, 30 Sep 2025 (embedded dataset): 2,200,029,516 / 4,479,000,000 = 49.1188%.
        var result = DatClassifier.Msci.Classify(TestData.Snapshot("RIOT", 2_200_029_516m, 4_479_000_000m));

        Assert.Equal(DatClassification.OperatingCompany, result.Classification);
        Assert.Equal(
            "MSCI DAT test (digital assets >= 50% of total assets): digital assets 2,200,029,516 USD / total assets 4,479,000,000 USD = 49.1188% is below >= 50%.",
            result.Reasons[0]);
    }

    [Fact]
    public void Classify_Null_Throws() =>
        Assert.Throws<ArgumentNullException>("snapshot", () => DatClassifier.Msci.Classify(null!));
}
