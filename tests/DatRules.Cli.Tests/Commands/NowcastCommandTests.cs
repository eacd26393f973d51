using DatRules.TestSupport;

namespace DatRules.Cli.Tests.Commands;

/// <summary><c>screen --events</c>: the nowcast at the command line, the figures docs/msci-list.md quotes, hostile input.</summary>
public sealed class NowcastCommandTests
{
    private const string Events = "src/DatRules.Data/Data/strategy-announcements.csv";
    private const string Prices = "src/DatRules.Data/Data/prices.csv";

    // AAA: 30 Jun 2025 (filed 1 Aug) 10 BTC at 1,000,000 of 4,000,000 total; 30 Sep 2025 filed 14 Nov (after the day).
    private const string Snapshots = "ticker,as_of,asset,units,digital_assets_usd,total_assets_usd,filed\nAAA,2025-06-30,BTC,10,1000000,4000000,2025-08-01\nAAA,2025-09-30,BTC,20,2400000,5000000,2025-11-14\n";

    private static string Repo(string relative) => Path.Combine(RepoFiles.Root(), relative);

    [Fact]
    public void Strategy_On6Jan2026_IsTheDocsFigure()
    {
        var r = CliRunner.Run("screen", "--as-known-on", "2026-01-06", "--ticker", "MSTR", "--events", Repo(Events), "--prices", Repo(Prices), "--prices-on", "2026-01-06", "-f", "csv");

        // docs/msci-list.md: 673,785 x 91,970.9 = 61,968,612,856.5; total 2,601,113,000 + 61,968,612,856.5 = 64,569,725,856.5;
        // ratio 0.95971621... (10 decimals: 0.9597162143).
        Assert.Equal(0, r.ExitCode);
        string row = r.Out.Split('\n')[1];
        Assert.StartsWith("MSTR,2025-09-30,DigitalAssetTreasury,0.9597162143,", row, StringComparison.Ordinal);
        Assert.Contains(",true,", row, StringComparison.Ordinal);
        Assert.Contains("673,785 BTC x 91,970.9 = 61,968,612,856.5 USD", row, StringComparison.Ordinal);
        Assert.Contains("Other assets 2,601,113,000 USD + digital assets 61,968,612,856.5 USD = total assets 64,569,725,856.5 USD.", row, StringComparison.Ordinal);
        Assert.Contains("8-K 0001193125-26-001550", row, StringComparison.Ordinal);
        string doc = RepoFiles.Read("docs", "msci-list.md");
        Assert.Contains("prints 95.97%*", doc, StringComparison.Ordinal);
        Assert.Contains("**61,968,612,856.5 USD**", doc, StringComparison.Ordinal);
        Assert.Contains("**2,601,113,000 USD**", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void Strategy_BuiltInPricesByDefault_TableMarksTheEstimate()
    {
        var r = CliRunner.Run("screen", "--as-known-on", "2026-01-06", "--ticker", "MSTR", "--events", Repo(Events));

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("DAT screen: MSCI DAT test (digital assets >= 50% of total assets), as known on 2026-01-06, nowcast on 2026-01-06 from 14 announcements and prices on or before it (estimates)", r.Out, StringComparison.Ordinal);
        Assert.Contains("95.97%*", r.Out, StringComparison.Ordinal);
        // Ages count to the nowcast day: 30 Sep 2025 to 6 Jan 2026 is 98 days.
        Assert.Contains("Balance sheet is 98 days old on 2026-01-06.", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    // 30 Jun sheet at the 10 Oct close: 19,273 x 111,959.7 = 2,157,799,298.1; total 4,285,000,000 - 2,100,000,000 + that = 4,342,799,298.1.
    [InlineData("2025-10-10", true, "RIOT,2025-06-30,OperatingCompany,", "= 49.6868%")]
    // 30 Jun sheet at the 30 Sep close: 19,273 x 116,199.82 = 2,239,519,130.86; total 4,424,519,130.86.
    [InlineData("2025-09-30", true, "RIOT,2025-06-30,DigitalAssetTreasury,", "= 50.6161%")]
    // 30 Sep sheet at the 10 Oct close: 19,287 x 111,959.7 = 2,159,366,733.9; total 4,479,000,000 - 2,200,029,516 + that = 4,438,337,217.9.
    [InlineData("2025-10-10", false, "RIOT,2025-09-30,OperatingCompany,", "= 48.6526%")]
    public void Riot_AtTheDocsPrices_IsTheDocsFigure(string on, bool knownOn, string start, string ratio)
    {
        string[] args = ["screen", "--ticker", "RIOT", "--prices", Repo(Prices), "--prices-on", on, "-f", "csv"];
        var r = CliRunner.Run(knownOn ? [.. args, "--as-known-on", "2025-10-10"] : args);

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith(start, r.Out.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains(ratio, r.Out, StringComparison.Ordinal);
        Assert.Contains(ratio.TrimStart('=', ' '), RepoFiles.Read("docs", "msci-list.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void UnfiledBalanceSheet_IsNotUsed()
    {
        string events = CliRunner.TempCsv("ticker,announced,asset,units,cost,funded_by,source\nAAA,2025-10-06,BTC,3,330000,cash,8-K b\n");
        string prices = CliRunner.TempCsv("asset,date,price\nBTC,2025-10-10,110000\n");
        var r = CliRunner.Run("screen", "--input", CliRunner.TempCsv(Snapshots), "--events", events, "--prices", prices, "--prices-on", "2025-10-10", "-f", "csv");

        // No --as-known-on: the nowcast day is the point in time. 30 Jun sheet (the 30 Sep one is filed 14 Nov):
        // coins 10 + 3 = 13 x 110,000 = 1,430,000; other 3,000,000 - 330,000 (cash) = 2,670,000; total 4,100,000;
        // ratio 1,430,000 / 4,100,000 = 0.3487804878 (10 decimals).
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("AAA,2025-06-30,OperatingCompany,0.3487804878,", r.Out.Split('\n')[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAA,2025-10-06,BTC,3,330000,stock,s\n", "asset,date,price\nBTC,2025-10-10,1\n", "events.csv: line 2, column 'funded_by': 'stock' is not capital, debt or cash")]
    [InlineData("AAA,06/10/2025,BTC,3,330000,cash,s\n", "asset,date,price\nBTC,2025-10-10,1\n", "events.csv: line 2, column 'announced': '06/10/2025' is not a date in yyyy-MM-dd form")]
    [InlineData("AAA,2025-10-06,BTC,-3,330000,cash,s\n", "asset,date,price\nBTC,2025-10-10,1\n", "events.csv: line 2, column 'funded_by': a sale (negative units) is not funded")]
    [InlineData("AAA,2025-10-06,BTC,3,330000,cash,s\n", "asset,date,price\nBTC,2025-10-09,1\nBTC,2025-10-09,2\n", "prices.csv: line 3, column 'price': BTC on 2025-10-09 is priced 2 here and 1 on line 2")]
    [InlineData("AAA,2025-10-06,BTC,3,330000,cash,s\n", "asset,date,price\nETH,2025-10-10,1\n", "events.csv: line 2, column 'asset': AAA (2025-06-30): no price of BTC on or before 2025-10-10.")]
    public void HostileInput_ExitTwo_NamingFileLineAndField(string eventRow, string pricesCsv, string error)
    {
        string dir = Directory.CreateTempSubdirectory("nowcast-").FullName;
        string events = Path.Combine(dir, "events.csv"), prices = Path.Combine(dir, "prices.csv");
        File.WriteAllText(events, "ticker,announced,asset,units,cost,funded_by,source\n" + eventRow);
        File.WriteAllText(prices, pricesCsv);

        var r = CliRunner.Run("screen", "--input", CliRunner.TempCsv(Snapshots), "--events", events, "--prices", prices, "--prices-on", "2025-10-10");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(error, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_WithoutADay_OrWithAnEarlierDayThanKnownOn_AreUsageErrors()
    {
        string events = CliRunner.TempCsv("ticker,announced,asset,units,cost,funded_by,source\n");
        var none = CliRunner.Run("screen", "--input", CliRunner.TempCsv(Snapshots), "--events", events);
        var late = CliRunner.Run("screen", "--input", CliRunner.TempCsv(Snapshots), "--events", events, "--as-known-on", "2025-11-20", "--prices-on", "2025-10-10");

        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--events needs the nowcast day", none.Error, StringComparison.Ordinal);
        Assert.Equal(2, late.ExitCode);
        Assert.Contains("--as-known-on 2025-11-20 is after the nowcast day 2025-10-10", late.Error, StringComparison.Ordinal);
    }
}
