namespace DatRules.Cli.Tests.Commands;

public sealed class MarkToMarketCommandTests
{
    // Strategy 10-Q, 30 Sep 2025: 640,031 BTC carried at 73,205,725 thousand USD of 73,619,038 thousand total assets.
    private const string Strategy = "ticker,as_of,asset,units,digital_assets_usd,total_assets_usd,filed,form,source\nMSTR,2025-09-30,BTC,640031,73205725000,73619038000,2025-11-03,10-Q,Strategy 10-Q Q3 2025\n";

    [Fact]
    public void ScreenPrice_RevaluesBitcoinAndLabelsTheRatio()
    {
        var r = CliRunner.Run("screen", "--input", CliRunner.TempCsv(Strategy), "--price", "BTC=87000", "--prices-on", "2025-11-28", "--format", "csv");

        // 640,031 x 87,000 = 55,682,697,000; total 73,619,038,000 - 73,205,725,000 + 55,682,697,000 = 56,096,010,000;
        // 55,682,697,000 / 56,096,010,000 = 0.99263204... (10 decimals, to even).
        Assert.Equal(0, r.ExitCode);
        var row = r.Out.Split('\n')[1];
        Assert.StartsWith("MSTR,2025-09-30,DigitalAssetTreasury,0.9926320428,", row, StringComparison.Ordinal);
        Assert.Contains("digital assets 55,682,697,000 USD / total assets 56,096,010,000 USD", row, StringComparison.Ordinal);
        // The valuation notes are reasons of their own, as IssuerSnapshot.MarkToMarket words them (not folded into the source).
        Assert.Contains("BTC marked to market on 2025-11-28: 640,031 x 87,000 = 55,682,697,000 USD (book 73,205,725,000 USD on 2025-09-30). | Other assets at book value of 2025-09-30.", row, StringComparison.Ordinal);
    }

    [Fact]
    public void ScreenPricesFile_SameAsOptions_AndTableHeadingSaysMarkedToMarket()
    {
        string prices = CliRunner.TempCsv("asset,price\nBTC,87000\nETH,2900\n");
        var r = CliRunner.Run("screen", "--input", CliRunner.TempCsv(Strategy), "--prices", prices, "--prices-on", "2025-11-28");

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("DAT screen: MSCI DAT test (digital assets >= 50% of total assets), marked to market on 2025-11-28 (BTC 87,000, ETH 2,900 USD; other assets at book value)", r.Out, StringComparison.Ordinal);
        Assert.Contains("99.26%", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BTC", "error: --price 'BTC' is not ASSET=PRICE (e.g. BTC=87000).")]
    [InlineData("BTC=-1", "error: --price 'BTC=-1' is not ASSET=PRICE (e.g. BTC=87000).")]
    [InlineData("BTC=0", "error: Invalid market prices: the price of BTC must be positive; was 0.")]
    public void ScreenPrice_Invalid_ExitTwoWithMessage(string price, string message)
    {
        var r = CliRunner.Run("screen", "--input", CliRunner.TempCsv(Strategy), "--price", price);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(message, r.Error.TrimEnd());
    }
}
