using System.Text;
using DatRules.Data;
using DatRules.Nowcasting;

namespace DatRules.Data.Tests.Nowcasting;

/// <summary>The events and price readers on hostile input, and <see cref="SnapshotFrame.Nowcast"/> point in time.</summary>
public sealed class NowcastFrameTests
{
    private const string Header = "ticker,announced,asset,units,cost,funded_by,source\n";

    // AAA: 30 Jun 2025 (filed 1 Aug) 10 BTC at 1,000,000 of 4,000,000; 30 Sep 2025 (filed 14 Nov) 20 BTC at 2,400,000 of 5,000,000.
    private const string Snapshots = "ticker,as_of,asset,units,digital_assets_usd,total_assets_usd,filed\n" +
        "AAA,2025-06-30,BTC,10,1000000,4000000,2025-08-01\n" +
        "AAA,2025-09-30,BTC,20,2400000,5000000,2025-11-14\n";

    private const string Prices = "asset,date,price,source\nBTC,2025-09-30,100000,a\nBTC,2025-10-10,110000,b\nBTC,2025-11-20,90000,c\n";

    private static MemoryStream Utf8(string s) => new MemoryStream(Encoding.UTF8.GetBytes(s));

    private static AnnouncementFile Events(string rows) => AnnouncementCsv.Read(Utf8(Header + rows), "events.csv");

    private static PriceHistory History(string csv = Prices) => PriceHistoryCsv.Read(Utf8(csv), "prices.csv");

    private static SnapshotFrame Frame() => SnapshotFrame.ReadCsv(Utf8(Snapshots), new SnapshotReadOptions { SourceName = "snapshots.csv" });

    [Fact]
    public void KnownOn_ThenNowcast_UsesTheLatestFiledBalanceSheet_NotTheUnfiledOne()
    {
        var events = Events("AAA,2025-07-15,BTC,5,500000,cash,8-K a\nAAA,2025-10-06,BTC,3,330000,capital,8-K b\n");

        var frame = Frame().KnownOn(new LocalDate(2025, 10, 10)).Nowcast(events, History(), new LocalDate(2025, 10, 10));
        var s = frame.SnapshotAt(0);

        // On 10 Oct the 30 Sep sheet is not filed (14 Nov): start from 30 Jun. Other assets 4,000,000 - 1,000,000 = 3,000,000,
        // less the cash-funded 500,000 = 2,500,000; coins 10 + 5 + 3 = 18 x 110,000 (10 Oct) = 1,980,000;
        // total 4,480,000; ratio 1,980,000 / 4,480,000 = 0.4419642857...
        Assert.Equal(new LocalDate(2025, 6, 30), s.AsOf);
        Assert.Equal(1_980_000m, s.DigitalAssets);
        Assert.Equal(4_480_000m, s.TotalAssets);
        Assert.True(frame.IsNowcast);
        Assert.Equal(["digital_assets_usd", "total_assets_usd"], s.EstimatedFields);
    }

    [Fact]
    public void OnceFiled_TheNewBalanceSheetIsUsed_WithOnlyTheAnnouncementsAfterIt()
    {
        var events = Events("AAA,2025-07-15,BTC,5,500000,cash,8-K a\nAAA,2025-10-06,BTC,3,330000,capital,8-K b\n");

        var s = Frame().KnownOn(new LocalDate(2025, 11, 20)).Nowcast(events, History(), new LocalDate(2025, 11, 20)).SnapshotAt(0);

        // 30 Sep sheet (filed 14 Nov): the 15 Jul purchase is in it, the 6 Oct one (capital) after it. Coins 20 + 3 = 23
        // x 90,000 (20 Nov) = 2,070,000; other 5,000,000 - 2,400,000 = 2,600,000 (unchanged); total 4,670,000.
        Assert.Equal(new LocalDate(2025, 9, 30), s.AsOf);
        Assert.Equal(2_070_000m, s.DigitalAssets);
        Assert.Equal(4_670_000m, s.TotalAssets);
    }

    [Fact]
    public void ScreenReport_OfANowcast_LabelsEveryRowAnEstimate()
    {
        var frame = Frame().KnownOn(new LocalDate(2025, 10, 10)).Nowcast(Events("AAA,2025-10-06,BTC,3,330000,capital,8-K b\n"), History(), new LocalDate(2025, 10, 10));
        var report = ScreenReport.Classify(frame, Classification.DatClassifier.Msci, "nowcast");
        using var json = new MemoryStream();
        report.WriteJson(json);
        using var csv = new MemoryStream();
        report.WriteCsv(csv, withReasons: true);

        Assert.True(report.IsEstimateAt(0));
        Assert.Contains("\"estimate\": true", Encoding.UTF8.GetString(json.ToArray()), StringComparison.Ordinal);
        Assert.Contains("Announced 2025-10-06 by AAA: bought 3 BTC for 330,000 USD (funded by capital): other assets unchanged [8-K b].", Encoding.UTF8.GetString(json.ToArray()), StringComparison.Ordinal);
        string row = Encoding.UTF8.GetString(csv.ToArray()).Split('\n')[1];
        // 30 Jun + 3: 13 x 110,000 = 1,430,000; other 3,000,000; total 4,430,000; 1.43 / 4.43 = 0.3227990971 (10 decimals).
        Assert.StartsWith("AAA,2025-06-30,OperatingCompany,0.3227990971,", row, StringComparison.Ordinal);
        Assert.Contains(",true,", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAA,2025-13-01,BTC,1,1,capital,s\n", "line 2, column 'announced': '2025-13-01' is not a date in yyyy-MM-dd form")]
    [InlineData("AAA,2025-10-01,BTC,1,1,equity,s\n", "line 2, column 'funded_by': 'equity' is not capital, debt or cash")]
    [InlineData("AAA,2025-10-01,BTC,-1,1,capital,s\n", "line 2, column 'funded_by': a sale (negative units) is not funded: leave it blank (its proceeds add to other assets)")]
    [InlineData("AAA,2025-10-01,BTC,1,-5,capital,s\n", "line 2, column 'cost': must not be negative (a sale has negative units and positive proceeds); was -5")]
    [InlineData("AAA,2025-10-01,BTC,1,,capital,s\n", "line 2, column 'cost': a purchase needs its cost")]
    [InlineData("AAA,2025-10-01,BTC,abc,1,capital,s\n", "line 2, column 'units': 'abc' is not a number (plain decimal notation, negative for a sale, e.g. -970)")]
    [InlineData("AAA,2025-10-01,USD,100,5,capital,s\n", "line 2, column 'cost': a currency row has no cost: its units are the cash raised (positive) or spent (negative)")]
    [InlineData("AAA,2025-10-01,BTC,1,1,capital,\n", "line 2, column 'source': value is missing")]
    public void Events_HostileRows_NameLineAndField(string row, string error)
    {
        var ex = Assert.Throws<InputException>(() => Events(row));

        Assert.Equal("events.csv", ex.Source);
        Assert.Contains(error, ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Events_MissingColumn_IsNamed()
    {
        var ex = Assert.Throws<InputException>(() => AnnouncementCsv.Read(Utf8("ticker,announced,asset,units,cost,source\n"), "events.csv"));

        Assert.Equal("line 1, column 'funded_by': required column is missing from the header", ex.Errors.Single().ToString());
    }

    [Theory]
    [InlineData("asset,date,price\nBTC,2025-10-01,1\nBTC,2025-10-01,2\n", "line 3, column 'price': BTC on 2025-10-01 is priced 2 here and 1 on line 2")]
    [InlineData("asset,date,price\nBTC,10/01/2025,1\n", "line 2, column 'date': '10/01/2025' is not a date in yyyy-MM-dd form")]
    [InlineData("asset,date,price\nBTC,2025-10-01,0\n", "line 2, column 'price': must be > 0")]
    [InlineData("asset,date,price\nBTC,2025-10-01,\n", "line 2, column 'price': value is missing")]
    public void Prices_HostileRows_NameLineAndField(string csv, string error)
    {
        var ex = Assert.Throws<InputException>(() => History(csv));

        Assert.Equal("prices.csv", ex.Source);
        Assert.Contains(error, ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Prices_SameRowTwice_IsAccepted()
    {
        Assert.Single(History("asset,date,price\nBTC,2025-10-01,1\nBTC,2025-10-01,1\n").PricesOf("BTC"));
    }

    [Fact]
    public void MissingPrice_ForAnAnnouncedAsset_NamesTheEventsLine()
    {
        var frame = SnapshotFrame.ReadCsv(Utf8("ticker,as_of,digital_assets_usd,total_assets_usd,filed\nBBB,2025-06-30,0,100,2025-08-01\n"));
        var events = Events("BBB,2025-10-01,SOL,10,1,capital,s\n");

        var ex = Assert.Throws<InputException>(() => frame.Nowcast(events, History(), new LocalDate(2025, 10, 10), "prices.csv"));

        Assert.Equal("events.csv", ex.Source);
        Assert.Equal("line 2, column 'asset': BBB (2025-06-30): no price of SOL on or before 2025-10-10. (add it to prices.csv)", ex.Errors.Single().ToString());
    }

    [Fact]
    public void MissingPrice_ForAHeldAsset_NamesTheSnapshotLine()
    {
        var ex = Assert.Throws<InputException>(() => Frame().KnownOn(new LocalDate(2025, 10, 10)).Nowcast(Events(string.Empty), History(), new LocalDate(2025, 9, 29), "prices.csv"));

        Assert.Equal("snapshots.csv", ex.Source);
        Assert.Equal("line 2, column 'asset': AAA (2025-06-30): no price of BTC on or before 2025-09-29. (add it to prices.csv)", ex.Errors.Single().ToString());
    }

    [Fact]
    public void BalanceSheetThatCannotBeCarried_WithoutAnnouncements_KeepsItsFiguresAndSaysWhy()
    {
        // CCC: units not reported; DDD: total assets not reported. Nothing announced: both as filed, not estimates.
        var frame = SnapshotFrame.ReadCsv(Utf8("ticker,as_of,asset,units,digital_assets_usd,total_assets_usd,filed\nCCC,2025-06-30,BTC,,100,400,2025-08-01\nDDD,2025-06-30,BTC,5,100,,2025-08-01\n"));

        var now = frame.Nowcast(Events(string.Empty), History(), new LocalDate(2025, 10, 10));

        Assert.Equal(100m, now.SnapshotAt(0).DigitalAssets);
        Assert.Equal(400m, now.SnapshotAt(0).TotalAssets);
        Assert.False(now.SnapshotAt(0).IsEstimate);
        Assert.Null(now.SnapshotAt(1).TotalAssets);
        var report = ScreenReport.Classify(now, Classification.DatClassifier.Msci, "nowcast");
        Assert.False(report.IsEstimateAt(0));
        using var json = new MemoryStream();
        report.WriteJson(json);
        Assert.Contains("Not nowcast, balance-sheet figures: CCC (2025-06-30): the units of BTC are not known, so the coins cannot be priced.", Encoding.UTF8.GetString(json.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void BalanceSheetThatCannotBeCarried_WithAnAnnouncement_IsAnError()
    {
        var frame = SnapshotFrame.ReadCsv(Utf8("ticker,as_of,asset,units,digital_assets_usd,total_assets_usd,filed\nCCC,2025-06-30,BTC,,100,400,2025-08-01\n"), new SnapshotReadOptions { SourceName = "snapshots.csv" });

        var ex = Assert.Throws<InputException>(() => frame.Nowcast(Events("CCC,2025-07-01,BTC,1,1,capital,s\n"), History(), new LocalDate(2025, 10, 10)));

        Assert.Equal("line 2, column 'units': CCC (2025-06-30): the units of BTC are not known, so the coins cannot be priced.", ex.Errors.Single().ToString());
    }

    [Fact]
    public void OversellInTheFile_NamesItsLine()
    {
        var ex = Assert.Throws<InputException>(() => Frame().KnownOn(new LocalDate(2025, 10, 10)).Nowcast(Events("AAA,2025-10-01,BTC,2,1,capital,s\nAAA,2025-10-02,BTC,-13,1,,s\n"), History(), new LocalDate(2025, 10, 10)));

        // 10 + 2 - 13 = -1: the sale on line 3.
        Assert.Equal("events.csv", ex.Source);
        Assert.StartsWith("line 3, column 'units': AAA (2025-06-30): sells more BTC than held", ex.Errors.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltInStrategyAnnouncements_AddUpToTheHoldingsTheyState()
    {
        var mstr = AnnouncementCsv.StrategyBuiltIn().Announcements;
        decimal btc = mstr.Where(a => a.Asset == "BTC").Sum(a => a.Units);
        decimal usd = mstr.Where(a => a.IsCash).Sum(a => a.Units);

        // 220 + 168 + 390 + 397 + 487 + 8,178 + 130 + 10,624 + 10,645 + 1,229 + 3 + 1,283 = 33,754; 640,031 + 33,754 = 673,785,
        // two more than the 673,783 of 8-K 0001193125-26-001550 (docs/msci-list.md: the sources do not close the gap).
        Assert.Equal(33_754m, btc);
        Assert.Equal(673_783m + 2m, 640_031m + btc);
        // USD reserve: 1,440,000,000 (1 Dec 2025) + 747,800,000 (22 Dec 2025) = 2,187,800,000 (reported as 2.19B).
        Assert.Equal(2_187_800_000m, usd);
        Assert.All(mstr, a => Assert.True(a.Announced > new LocalDate(2025, 9, 30) && a.Announced <= new LocalDate(2026, 1, 6)));
    }

    [Fact]
    public void BuiltInPrices_HaveBtcEthSolOnTheReviewDays()
    {
        var prices = PriceHistoryCsv.BuiltIn();
        string[] days = ["2025-06-30", "2025-09-30", "2025-10-10", "2025-11-28", "2025-12-31", "2026-01-06", "2026-01-15", "2026-02-27", "2026-03-31"];

        foreach (string asset in new[] { "BTC", "ETH", "SOL" })
        {
            foreach (string day in days)
            {
                var on = LocalDate.FromDateOnly(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
                Assert.True(prices.TryGetPrice(asset, on, out var p) && p.Date == on, $"{asset} {day}");
            }
        }

        // The figures: bitcoin closed at about 116,200 on 30 Sep 2025 and 92,000 on 6 Jan 2026.
        Assert.True(prices.TryGetPrice("BTC", new LocalDate(2025, 9, 30), out var sep) && sep.Price == 116_199.82m);
        Assert.True(prices.TryGetPrice("BTC", new LocalDate(2026, 1, 6), out var jan) && jan.Price == 91_970.9m);
    }
}
