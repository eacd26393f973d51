using DatRules.Classification;
using DatRules.Issuers;

namespace DatRules.Tests.Issuers;

public sealed class MarkToMarketTests
{
    private static readonly LocalDate PriceDay = new(2025, 11, 28);

    // Strategy 10-Q, 30 Sep 2025: 640,031 BTC carried at 73,205,725 thousand USD; total assets 73,619,038 thousand.
    private static IssuerSnapshot Strategy() => new(
        new IssuerId("MSTR"), new LocalDate(2025, 9, 30), 73_619_038_000m, [new DigitalAssetHolding("BTC", 640_031m, 73_205_725_000m)]);

    [Fact]
    public void MarkToMarket_Strategy_RevaluesBitcoinAndKeepsOtherAssetsAtBook()
    {
        var marked = Strategy().MarkToMarket(new MarketPrices(PriceDay, [new("btc", 87_000m)]));

        // 640,031 x 87,000 = 55,682,697,000; other assets 73,619,038,000 - 73,205,725,000 = 413,313,000 stay;
        // total 55,682,697,000 + 413,313,000 = 56,096,010,000.
        Assert.Equal(55_682_697_000m, marked.DigitalAssets);
        Assert.Equal(56_096_010_000m, marked.TotalAssets);
        Assert.Equal(PriceDay, marked.MarkedToMarketOn);
        Assert.Equal(new LocalDate(2025, 9, 30), marked.AsOf);
        Assert.Equal(
            [
                "BTC marked to market on 2025-11-28: 640,031 x 87,000 = 55,682,697,000 USD (book 73,205,725,000 USD on 2025-09-30).",
                "Other assets at book value of 2025-09-30.",
            ],
            marked.ValuationNotes);
        var r = DatClassifier.Msci.Classify(marked);
        Assert.Equal(DatClassification.DigitalAssetTreasury, r.Classification);
        Assert.Contains("Other assets at book value of 2025-09-30.", r.Reasons);
    }

    [Fact]
    public void MarkToMarket_ExactlyFiftyPercent_LandsOnTheInclusiveSide()
    {
        // 2 ETH at 25 = 50; other assets 100 - 10 = 90... choose book so that other assets are 50: total 60, book 10.
        var s = new IssuerSnapshot(new IssuerId("X"), new LocalDate(2025, 9, 30), 60m, [new DigitalAssetHolding("ETH", 2m, 10m)]);
        var marked = s.MarkToMarket(new MarketPrices(PriceDay, [new("ETH", 25m)]));

        // 2 x 25 = 50 over 50 + 50 = 100: exactly 50%, and MSCI's bound is inclusive (>=).
        Assert.Equal(100m, marked.TotalAssets);
        Assert.Equal(DatClassification.DigitalAssetTreasury, DatClassifier.Msci.Classify(marked).Classification);
        Assert.Equal(DatClassification.OperatingCompany, DatClassifier.Msci.Classify(s.MarkToMarket(new MarketPrices(PriceDay, [new("ETH", 24.99m)]))).Classification);
    }

    [Fact]
    public void MarkToMarket_UnknownUnitsMissingPriceOtherCurrency_KeepBookValueAndSaySo()
    {
        var s = new IssuerSnapshot(
            new IssuerId("M"),
            new LocalDate(2025, 9, 30),
            1_000m,
            [new DigitalAssetHolding("CRYPTO", 0m, 100m), new DigitalAssetHolding("SOL", 10m, 200m), new DigitalAssetHolding("BTC", 1m, 300m)]);
        var marked = s.MarkToMarket(new MarketPrices(PriceDay, [new("BTC", 400m)]));

        Assert.Equal(1_100m, marked.TotalAssets); // BTC 300 -> 400
        Assert.Equal(
            [
                "CRYPTO kept at book value 100 USD: units not known.",
                "SOL kept at book value 200 USD: no price given.",
                "BTC marked to market on 2025-11-28: 1 x 400 = 400 USD (book 300 USD on 2025-09-30).",
                "Other assets at book value of 2025-09-30.",
            ],
            marked.ValuationNotes);

        var yen = new IssuerSnapshot(new IssuerId("3350.T"), new LocalDate(2025, 9, 30), 1_000m, [new DigitalAssetHolding("BTC", 1m, 500m, new Currency("JPY"))], new Currency("JPY"));
        Assert.Equal("BTC kept at book value 500 JPY: the price is in USD, the holding in JPY.", yen.MarkToMarket(new MarketPrices(PriceDay, [new("BTC", 87_000m)])).ValuationNotes[0]);
    }

    [Fact]
    public void MarketPrices_Invalid_ListsEveryFailure()
    {
        var ex = Assert.Throws<ArgumentException>("prices", () => new MarketPrices(PriceDay, [new(" ", 1m), new("BTC", 0m), new("ETH", 1m), new("eth", 2m)]));
        Assert.StartsWith("Invalid market prices: an asset symbol is blank; the price of BTC must be positive; was 0; eth is priced twice.", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("prices", () => new MarketPrices(PriceDay, []));
    }
}
