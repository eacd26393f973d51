using DatRules.Classification;
using DatRules.Issuers;

namespace DatRules.Tests.Classification;

public class DatClassifierReasonsTests
{
    [Fact]
    public void SingleHolding_HasOneReason_NoSumLine()
    {
        var r = DatClassifier.Msci.Classify(TestData.Snapshot("A", 60m, 100m));

        Assert.Single(r.Reasons);
    }

    [Fact]
    public void EstimatedInputs_AreNamed()
    {
        var s = new IssuerSnapshot(new IssuerId("A"), TestData.Q3, 100m, [new DigitalAssetHolding("BTC", 1m, 60m)]) { EstimatedFields = ["total_assets_usd", "units"] };

        var r = DatClassifier.Msci.Classify(s);

        Assert.Equal("Estimated inputs: total_assets_usd, units.", r.Reasons[^1]);
        Assert.True(s.IsEstimate);
    }

    [Fact]
    public void DefaultRuleName_WhenBlank()
    {
        Assert.Equal("DAT ratio test", new DatClassifier(ruleName: " ").RuleName);
        Assert.Equal("DAT ratio test", new DatClassifier().RuleName);
        Assert.StartsWith("DAT ratio test: digital assets 60 USD", new DatClassifier().Classify(TestData.Snapshot("A", 60m, 100m)).Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_Construction_BadBound_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("bound", () => new RatioThreshold(50m, (ThresholdBound)7));

    [Fact]
    public void Threshold_Fraction() => Assert.Equal(0.405m, RatioThreshold.AtLeast(40.5m).Fraction);
}
