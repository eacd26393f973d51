using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Nowcasting;

namespace DatRules.Tests.Nowcasting;

/// <summary>
/// The nowcast's arithmetic on one balance sheet: AAA on 30 Sep 2025 holds 100 BTC at 10,000,000 USD of 30,000,000 total
/// assets, so other assets are 30,000,000 - 10,000,000 = 20,000,000. BTC is priced 90,000 on 1 Oct, 120,000 on 10 Oct and
/// 80,000 on 15 Oct 2025; the decision day is 12 Oct 2025, whose price is 10 Oct's 120,000 (the last on or before it).
/// </summary>
public sealed class NowcastTests
{
    private static readonly LocalDate BookDate = new(2025, 9, 30);
    private static readonly LocalDate Day = new(2025, 10, 12);

    private static readonly IssuerSnapshot Aaa = new(
        new IssuerId("AAA", "Triple A"), BookDate, totalAssets: 30_000_000m, holdings: [new DigitalAssetHolding("BTC", 100m, 10_000_000m)]);

    private static readonly PriceHistory Prices = new([
        new PricePoint("BTC", new LocalDate(2025, 10, 15), 80_000m),
        new PricePoint("BTC", new LocalDate(2025, 10, 1), 90_000m),
        new PricePoint("BTC", new LocalDate(2025, 10, 10), 120_000m),
    ]);

    private static Announcement Buy(decimal units, decimal cost, FundingSource funding, int day = 5) =>
        new("AAA", new LocalDate(2025, 10, day), "BTC", units, cost, funding, "8-K test " + funding);

    [Theory]
    [InlineData(FundingSource.Capital)]
    [InlineData(FundingSource.Debt)]
    public void CapitalOrDebtFundedBuy_AddsCoins_OtherAssetsUnchanged(FundingSource funding)
    {
        var e = Nowcast.Estimate(Aaa, [Buy(50m, 5_000_000m, funding)], Prices, Day);

        // coins 100 + 50 = 150; digital 150 x 120,000 = 18,000,000; other 20,000,000 (unchanged); total 38,000,000;
        // ratio 18,000,000 / 38,000,000 = 0.4736842105... (below 50%: operating).
        Assert.Equal(150m, e.Units);
        Assert.Equal(18_000_000m, e.Snapshot.DigitalAssets);
        Assert.Equal(20_000_000m, e.OtherAssets);
        Assert.Equal(38_000_000m, e.Snapshot.TotalAssets);
        Assert.Equal(18_000_000m / 38_000_000m, e.Snapshot.DigitalAssetRatio);
        Assert.Equal(DatClassification.OperatingCompany, DatClassifier.Msci.Classify(e.Snapshot).Classification);
    }

    [Fact]
    public void CashFundedBuy_OtherAssetsFallByTheCost()
    {
        var e = Nowcast.Estimate(Aaa, [Buy(50m, 5_000_000m, FundingSource.Cash)], Prices, Day);

        // other 20,000,000 - 5,000,000 = 15,000,000; digital 150 x 120,000 = 18,000,000; total 33,000,000;
        // ratio 18 / 33 = 0.5454... (a DAT, where the same buy funded by capital is not).
        Assert.Equal(15_000_000m, e.OtherAssets);
        Assert.Equal(33_000_000m, e.Snapshot.TotalAssets);
        Assert.Equal(18_000_000m / 33_000_000m, e.Snapshot.DigitalAssetRatio);
        Assert.Equal(DatClassification.DigitalAssetTreasury, DatClassifier.Msci.Classify(e.Snapshot).Classification);
    }

    [Fact]
    public void Sale_RemovesCoins_ProceedsAddToOtherAssets()
    {
        var sale = new Announcement("AAA", new LocalDate(2025, 10, 6), "BTC", -40m, 4_000_000m, null, "8-K sale");
        var e = Nowcast.Estimate(Aaa, [sale], Prices, Day);

        // coins 100 - 40 = 60; digital 60 x 120,000 = 7,200,000; other 20,000,000 + 4,000,000 = 24,000,000;
        // total 31,200,000; ratio 7.2 / 31.2 = 0.2307692307...
        Assert.Equal(60m, e.Units);
        Assert.Equal(7_200_000m, e.Snapshot.DigitalAssets);
        Assert.Equal(24_000_000m, e.OtherAssets);
        Assert.Equal(31_200_000m, e.Snapshot.TotalAssets);
        Assert.Equal(7_200_000m / 31_200_000m, e.Snapshot.DigitalAssetRatio);
    }

    [Fact]
    public void CurrencyEvents_RaiseAndSpendCash_ChangeOnlyOtherAssets()
    {
        var raised = new Announcement("AAA", new LocalDate(2025, 10, 2), "USD", 6_000_000m, null, FundingSource.Capital, "reserve", isCash: true);
        var spent = new Announcement("AAA", new LocalDate(2025, 10, 3), "USD", -2_000_000m, null, null, "dividend", isCash: true);

        var up = Nowcast.Estimate(Aaa, [raised], Prices, Day);
        var both = Nowcast.Estimate(Aaa, [raised, spent], Prices, Day);

        // Raised: coins 100 x 120,000 = 12,000,000; other 20,000,000 + 6,000,000 = 26,000,000; total 38,000,000; 12/38.
        Assert.Equal(100m, up.Units);
        Assert.Equal(26_000_000m, up.OtherAssets);
        Assert.Equal(12_000_000m / 38_000_000m, up.Snapshot.DigitalAssetRatio);

        // Then spent 2,000,000: other 24,000,000; total 36,000,000; ratio 12/36 = 1/3.
        Assert.Equal(24_000_000m, both.OtherAssets);
        Assert.Equal(36_000_000m, both.Snapshot.TotalAssets);
        Assert.Equal(12_000_000m / 36_000_000m, both.Snapshot.DigitalAssetRatio);
    }

    [Theory]
    [InlineData(2025, 10, 9, 2025, 10, 1, 90_000)]   // between prices: 1 Oct's, not 10 Oct's
    [InlineData(2025, 10, 10, 2025, 10, 10, 120_000)] // on a price's own day: that price
    [InlineData(2025, 10, 31, 2025, 10, 15, 80_000)]  // after the last price: the last
    public void Price_IsTheLastOnOrBeforeTheDay(int y, int m, int d, int py, int pm, int pd, int price)
    {
        var e = Nowcast.Estimate(Aaa, [], Prices, new LocalDate(y, m, d));

        // 100 BTC x the price picked.
        Assert.Equal(new PricePoint("BTC", new LocalDate(py, pm, pd), price), e.Price);
        Assert.Equal(100m * price, e.Snapshot.DigitalAssets);
        Assert.Contains(e.Snapshot.ValuationNotes, n => n.Contains($"the price of {py:D4}-{pm:D2}-{pd:D2} (the last on or before {y:D4}-{m:D2}-{d:D2})", StringComparison.Ordinal));
    }

    [Fact]
    public void NoPriceOnOrBeforeTheDay_IsAnErrorNamingTheAsset()
    {
        var ex = Assert.Throws<NowcastException>(() => Nowcast.Estimate(Aaa, [], Prices, new LocalDate(2025, 9, 30)));

        Assert.Equal("BTC", ex.MissingPriceOf);
        Assert.Equal("AAA (2025-09-30): no price of BTC on or before 2025-09-30.", ex.Message);
    }

    [Fact]
    public void OnlyThisIssuersAnnouncementsAfterTheBalanceSheetAndByTheDay_AreUsed()
    {
        Announcement[] all =
        [
            Buy(1m, 100_000m, FundingSource.Capital, day: 5),
            new("AAA", BookDate, "BTC", 1_000m, 1m, FundingSource.Capital, "on the balance-sheet day: already in it"),
            new("AAA", Day.PlusDays(1), "BTC", 1_000m, 1m, FundingSource.Capital, "after the day"),
            new("BBB", new LocalDate(2025, 10, 5), "BTC", 1_000m, 1m, FundingSource.Capital, "another issuer"),
        ];

        var e = Nowcast.Estimate(Aaa, all, Prices, Day);

        // Only the first: coins 100 + 1 = 101.
        Assert.Equal(101m, e.Units);
        Assert.Single(e.Announcements);
    }

    [Fact]
    public void Estimate_IsLabelled_AndItsReasonsCiteTheAnnouncementsAndThePrice()
    {
        var e = Nowcast.Estimate(Aaa, [Buy(50m, 5_000_000m, FundingSource.Cash)], Prices, Day);
        var reasons = DatClassifier.Msci.Classify(e.Snapshot).Reasons;

        Assert.True(e.Snapshot.IsEstimate);
        Assert.Equal(["digital_assets_usd", "total_assets_usd"], e.Snapshot.EstimatedFields);
        Assert.Equal(Day, e.Snapshot.MarkedToMarketOn);
        Assert.Contains("Announced 2025-10-05 by AAA: bought 50 BTC for 5,000,000 USD (paid in cash): other assets -5,000,000 USD [8-K test Cash].", reasons);
        Assert.Contains("BTC priced at 120,000 USD, the price of 2025-10-10 (the last on or before 2025-10-12): 150 BTC x 120,000 = 18,000,000 USD.", reasons);
        Assert.Contains("Other assets 15,000,000 USD + digital assets 18,000,000 USD = total assets 33,000,000 USD.", reasons);
        Assert.Contains("Estimated inputs: digital_assets_usd, total_assets_usd.", reasons);
    }

    [Fact]
    public void SellingMoreThanHeld_IsAnErrorNamingTheSale()
    {
        var sale = new Announcement("AAA", new LocalDate(2025, 10, 6), "BTC", -101m, 1m, null, "too much");

        var ex = Assert.Throws<NowcastException>(() => Nowcast.Estimate(Aaa, [sale], Prices, Day));

        Assert.Same(sale, ex.Announcement);
        Assert.Equal("units", ex.Field);
    }

    [Fact]
    public void AnotherCoinThanTheBalanceSheets_IsAnErrorNamingTheAnnouncement()
    {
        var eth = new Announcement("AAA", new LocalDate(2025, 10, 6), "ETH", 1m, 1m, FundingSource.Capital, "eth");

        var ex = Assert.Throws<NowcastException>(() => Nowcast.Estimate(Aaa, [eth], Prices, Day));

        Assert.Same(eth, ex.Announcement);
        Assert.Equal("asset", ex.Field);
    }

    [Fact]
    public void CashFundedBuysBeyondOtherAssets_AreAnError()
    {
        // Other assets 20,000,000 - 20,000,001 < 0.
        var ex = Assert.Throws<NowcastException>(() => Nowcast.Estimate(Aaa, [Buy(1m, 20_000_001m, FundingSource.Cash)], Prices, Day));

        Assert.Equal("cost", ex.Field);
    }

    [Theory]
    [InlineData(-1, 1, FundingSource.Capital, false, "funded_by")] // a sale with funding
    [InlineData(1, -1, FundingSource.Capital, false, "cost")]      // a negative cost
    [InlineData(1, 1, null, false, "funded_by")]                   // a purchase without funding
    [InlineData(0, 1, FundingSource.Capital, false, "units")]      // no units
    [InlineData(1, 1, FundingSource.Capital, true, "cost")]        // cash with a cost
    [InlineData(1, null, FundingSource.Cash, true, "funded_by")]   // cash raised from cash
    public void Problems_NameTheField(int units, int? cost, FundingSource? funding, bool isCash, string field)
    {
        var problems = Announcement.Problems(units, cost, funding, isCash);

        Assert.Contains(problems, p => p.Field == field);
        Assert.Throws<ArgumentException>(() => new Announcement("AAA", Day, isCash ? "USD" : "BTC", units, cost, funding, "s", isCash));
    }

    [Fact]
    public void PriceHistory_RefusesTwoPricesOnOneDay_AcceptsTheSameTwice()
    {
        var day = new LocalDate(2025, 10, 1);

        Assert.Throws<ArgumentException>(() => new PriceHistory([new("BTC", day, 1m), new("btc", day, 2m)]));
        Assert.Single(new PriceHistory([new("BTC", day, 1m), new("BTC", day, 1m)]).PricesOf("BTC"));
    }
}
