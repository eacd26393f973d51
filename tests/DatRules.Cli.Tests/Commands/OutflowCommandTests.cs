using System.Text.Json;

namespace DatRules.Cli.Tests.Commands;

public class OutflowCommandTests
{
    [Fact]
    public void Outflow_Default_JsonHasFamiliesAndTotal()
    {
        var result = CliRunner.Run("outflow", "--format", "json", "--sigma", "0.05");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var rows = doc.RootElement.EnumerateArray().ToList();
        var total = rows.Single(r => r.GetProperty("total").GetBoolean());
        Assert.Equal("MSTR", total.GetProperty("ticker").GetString());
        Assert.Equal(11_600_000_000m, total.GetProperty("forcedSellingUsd").GetDecimal());
        Assert.All(rows, r =>
        {
            foreach (var f in new[] { "ticker", "indexFamily", "forcedSellingUsd", "forcedSellingShares", "daysOfVolume", "priceImpact" })
            {
                Assert.True(r.TryGetProperty(f, out _), f);
            }
        });
        // impact of the MSCI line: 0.05 x sqrt(16,432,889.25 / 18,620,000) = 0.05 x 0.939436 = 0.0469718
        var msci = rows.Single(r => r.GetProperty("provider").GetString() == "MSCI");
        Assert.Equal(0.04697m, Math.Round(msci.GetProperty("priceImpact").GetDecimal(), 5));
    }

    [Fact]
    public void Outflow_ScenarioFile_ExpectedValue()
    {
        string path = CliRunner.TempCsv("""{ "scenarios": [ { "name": "none", "probability": 0.5, "acting": [] }, { "name": "msci", "probability": 0.5, "acting": ["MSCI"] } ] }""");

        var result = CliRunner.Run("outflow", "--scenario", path, "--format", "json");

        using var doc = JsonDocument.Parse(result.Out);
        var total = doc.RootElement.EnumerateArray().Single(r => r.GetProperty("total").GetBoolean());
        // 0.5 x 0 + 0.5 x 2.8B = 1.4B
        Assert.Equal(1_400_000_000m, total.GetProperty("expectedForcedSellingUsd").GetDecimal());
        Assert.Equal(2, total.GetProperty("scenarios").GetArrayLength());
    }

    [Fact]
    public void Outflow_ExampleScenarioFileInDocs_Runs()
    {
        string path = Path.Combine(RepoFiles.Root(), "docs", "examples", "outflow-scenarios.json");

        var result = CliRunner.Run("outflow", "--scenario", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Expected forced selling:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Outflow_BadScenarioProbabilities_Exit2()
    {
        string path = CliRunner.TempCsv("""{ "scenarios": [ { "name": "msci", "probability": 0.75, "acting": ["MSCI"] }, { "name": "n", "probability": 0.5, "acting": [] } ] }""");

        var result = CliRunner.Run("outflow", "--scenario", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("probabilities must add up to 1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Outflow_InputCsv_ComputesEachMethod()
    {
        string csv = "ticker,index_family,provider,as_of,source,price,adv_shares,daily_volatility,holding_usd,weight,tracking_aum_usd,share_of_market_cap,market_cap_usd\n" +
                     "AAA,Fam1,MSCI,2026-01-02,test,10,1000000,,1000000,,,,\n" +
                     "AAA,Fam2,Nasdaq,2026-01-02,test,10,1000000,,,0.01,200000000,,\n" +
                     "BBB,Fam1,MSCI,2026-01-02,test,5,100,,,,,0.1,1000\n";
        var result = CliRunner.Run("outflow", "--input", CliRunner.TempCsv(csv), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var totals = doc.RootElement.EnumerateArray().Where(r => r.GetProperty("total").GetBoolean()).ToDictionary(r => r.GetProperty("ticker").GetString()!);
        // AAA: 1,000,000 + 0.01 x 200,000,000 = 3,000,000 USD -> 300,000 shares -> 0.3 days.
        Assert.Equal(3_000_000m, totals["AAA"].GetProperty("forcedSellingUsd").GetDecimal());
        Assert.Equal(0.3m, totals["AAA"].GetProperty("daysOfVolume").GetDecimal());
        // BBB: 0.1 x 1,000 = 100 USD -> 20 shares -> 0.2 days.
        Assert.Equal(20m, totals["BBB"].GetProperty("forcedSellingShares").GetDecimal());
    }

    [Theory]
    [InlineData("AAA,Fam1,MSCI,2026-01-02,test,0,1000,1000", "line 2, column 'price': must be > 0")]
    [InlineData("AAA,Fam1,MSCI,2026-01-02,test,10,0,1000", "line 2, column 'adv_shares': must be > 0")]
    [InlineData("AAA,Fam1,MSCI,2026-01-02,test,10,1000,-5", "line 2, column 'holding_usd': '-5' is negative")]
    [InlineData("AAA,Fam1,MSCI,2026-01-02,test,10,1000,", "line 2, column 'holding_usd': give exactly one of")]
    public void Outflow_BadCsv_Exit2WithLineAndColumn(string row, string expected)
    {
        string csv = "ticker,index_family,provider,as_of,source,price,adv_shares,holding_usd\n" + row + "\n";

        var result = CliRunner.Run("outflow", "--input", CliRunner.TempCsv(csv));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Outflow_UnknownTicker_Exit2() =>
        Assert.Equal(2, CliRunner.Run("outflow", "--ticker", "ZZZ").ExitCode);

    [Fact]
    public void Outflow_Table_FitsIn80Columns()
    {
        var result = CliRunner.Run("outflow", "--sigma", "0.05");

        Assert.All(result.Out.Split('\n'), l => Assert.True(l.TrimEnd('\r').Length <= 80, l));
    }
}
