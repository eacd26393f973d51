using DatRules.Issuers;

namespace DatRules.Tests.Issuers;

public class IssuerSnapshotTests
{
    [Fact]
    public void Construction_NegativeTotalAssets_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("totalAssets", () => new IssuerSnapshot(new IssuerId("X"), TestData.Q3, -1m, []));
        Assert.StartsWith("Value must be >= 0; was -1.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Holding_NegativeUnits_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("units", () => new DigitalAssetHolding("BTC", -1m, 10m));

    [Fact]
    public void Holding_NegativeFairValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("fairValue", () => new DigitalAssetHolding("BTC", 1m, -10m));

    [Fact]
    public void Holding_ImpliedPrice_IsValueOverUnits()
    {
        // Strategy 30 Sep 2025: 73,205,725,000 / 640,031 = 114,378.4... USD per BTC.
        var h = new DigitalAssetHolding("BTC", 640_031m, 73_205_725_000m);
        Assert.Equal(114_378m, Math.Floor(h.ImpliedPrice!.Value));
        Assert.Null(new DigitalAssetHolding("BTC", 0m, 0m).ImpliedPrice);
    }

    [Fact]
    public void SharesOutstanding_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("SharesOutstanding", () => new IssuerSnapshot(new IssuerId("X"), TestData.Q3, 1m, []) { SharesOutstanding = -5m });

    [Fact]
    public void IssuerId_BlankTicker_Throws() =>
        Assert.Throws<ArgumentException>("ticker", () => new IssuerId("  "));

    [Fact]
    public void IssuerId_EqualityIgnoresCaseAndName() =>
        Assert.Equal(new IssuerId("mstr"), new IssuerId("MSTR", "Strategy"));

    [Fact]
    public void Currency_DefaultIsUsd_AndCodesAreValidated()
    {
        Assert.Equal(new Currency("usd"), default(Currency));
        Assert.Equal("USD", Currency.Usd.Code);
        Assert.Throws<ArgumentException>("code", () => new Currency("US"));
    }

    [Fact]
    public void Construction_HoldingsAddingUpBeyondDecimal_ThrowsNamingHoldings()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("holdings", () => new IssuerSnapshot(
            new IssuerId("X", "X Inc"),
            new LocalDate(2025, 9, 30),
            null,
            [new DigitalAssetHolding("BTC", 1m, 50_000_000_000_000_000_000_000_000_000m), new DigitalAssetHolding("ETH", 1m, 50_000_000_000_000_000_000_000_000_000m)]));

        Assert.Equal("The holdings' fair values add up to more than a decimal holds (about 7.9e28). (Parameter 'holdings')", ex.Message);
    }
}
