using System.Text.Json;

namespace DatRules.Cli.Tests.Commands;

/// <summary>Issue 22: every amount printed carries its row's currency (Metaplanet reports in yen).</summary>
public sealed class CurrencyOutputTests
{
    // JP: 60 BTC worth 600,000 JPY of 1,000,000 JPY total assets (a DAT at 60%); US: 40 / 100 USD (operating).
    // JP sale of coins for cash to exit 50% (total unchanged): D - t*A = 600,000 - 0.5*1,000,000 = 100,000 JPY; implied price
    // 600,000 / 60 = 10,000 JPY; break-even factor t*(A-D)/((1-t)*D) = 0.5*400,000/(0.5*600,000) = 2/3, price 6,667 JPY.
    // US debt-funded purchase to cross: (t*A - D)/(1 - t) = (50 - 40)/0.5 = 20 USD.
    private const string Csv = "ticker,as_of,currency,asset,units,digital_assets_usd,total_assets_usd\nJP,2025-12-31,JPY,BTC,60,600000,1000000\nUS,2025-12-31,,BTC,1,40,100\n";

    [Fact]
    public void HeadroomCsv_CurrencyColumnPerRow()
    {
        var r = CliRunner.Run("headroom", "--input", CliRunner.TempCsv(Csv), "--format", "csv");

        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Out.TrimEnd().Split('\n');
        Assert.StartsWith("ticker,asset,currency,classification,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("JP,BTC,JPY,DigitalAssetTreasury,>= 50%,FallToExit,10000,6666.67,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",100000.0", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("US,BTC,USD,OperatingCompany,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void HeadroomJson_CurrencyMember()
    {
        var r = CliRunner.Run("headroom", "--input", CliRunner.TempCsv(Csv), "--format", "json");

        using var doc = JsonDocument.Parse(r.Out);
        var jp = doc.RootElement[0];
        Assert.Equal(("JP", "JPY", 100000m), (jp.GetProperty("ticker").GetString(), jp.GetProperty("currency").GetString(), jp.GetProperty("saleToExit").GetDecimal()));
        Assert.Equal("USD", doc.RootElement[1].GetProperty("currency").GetString());
    }

    [Fact]
    public void HeadroomTable_YenIsNotPrintedAsDollars()
    {
        var r = CliRunner.Run("headroom", "--input", CliRunner.TempCsv(Csv));

        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("Buy/Sell USD", r.Out, StringComparison.Ordinal);
        string jp = Assert.Single(r.Out.Split('\n'), l => l.StartsWith("JP ", StringComparison.Ordinal));
        Assert.EndsWith("-0.1M JPY", jp.TrimEnd(), StringComparison.Ordinal);
        string us = Assert.Single(r.Out.Split('\n'), l => l.StartsWith("US ", StringComparison.Ordinal));
        Assert.EndsWith("+0.0M USD", us.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void ScreenAndDiffReasons_AmountsInTheRowsCurrency()
    {
        string input = CliRunner.TempCsv(Csv);

        var screen = CliRunner.Run("screen", "--input", input, "--format", "csv");
        var diff = CliRunner.Run("diff", "--input", input, "--from", "msci-2025-10-issuer-freeze", "--to", "msci-2025-10-dat-proposal", "--format", "json");

        Assert.Contains("digital assets 600,000 JPY / total assets 1,000,000 JPY = 60%", screen.Out, StringComparison.Ordinal);
        Assert.Contains("digital assets 40 USD / total assets 100 USD = 40%", screen.Out, StringComparison.Ordinal);
        Assert.Contains("digital assets 600,000 JPY / total assets 1,000,000 JPY", diff.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("600,000 USD", diff.Out, StringComparison.Ordinal);
    }
}
