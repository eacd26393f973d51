using DatRules.Data;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DatRules.Cli.Tests.Commands;

/// <summary>chart and history on the columnar path: aggregation past a few hundred companies, verdict and action apart.</summary>
public class LargeUniverseCommandsTests
{
    [Fact]
    public void ChartUniverse_MoreThan300Companies_DrawsAHistogram()
    {
        var csv = new StringBuilder("ticker,as_of,digital_assets_usd,total_assets_usd\n");
        for (int i = 0; i < 301; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"T{i},2025-09-30,{i},400\n");
        }

        string svg = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.svg");

        var result = CliRunner.Run("chart", "universe", "--out", svg, "--input", CliRunner.TempCsv(csv.ToString()));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("301 companies by digital-asset ratio, 2.5% bands", File.ReadAllText(svg), StringComparison.Ordinal);
    }

    [Fact]
    public void RatioSeries_PercentilesAndDatShareByDate_FromHandArithmetic()
    {
        // 2025-09-30: 25 companies at 0%, 4%, ..., 96% (cents: i * 4 of 100). Nearest rank: the median is the 13th value,
        // 48%; the 90th percentile the ceil(22.5) = 23rd, 88%; at >= 50%: 52%..96%, 12 of 25 = 48%.
        // 2025-12-31: two companies, 50% exactly (a DAT: the bound is inclusive) and 49.99%, and one without a total.
        var csv = new StringBuilder("ticker,as_of,digital_assets_usd,total_assets_usd\n");
        for (int i = 0; i < 25; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"T{i},2025-09-30,{i * 4},100\n");
        }

        csv.Append("T0,2025-12-31,50,100\nT1,2025-12-31,49.99,100\nT2,2025-12-31,1,\n");
        var universe = SnapshotFrame.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv.ToString())), new SnapshotReadOptions { SourceName = "r.csv" }).ToUniverse();

        var series = DatRules.Cli.Commands.ChartCommand.RatioSeries(universe);

        Assert.Equal(2, series.Length);
        Assert.Equal((new DateOnly(2025, 9, 30), 48.0, 88.0, 48.0), series[0]);
        Assert.Equal((new DateOnly(2025, 12, 31), 49.99, 50.0, 50.0), series[1]); // ceil(0.5 * 2) = 1st; ceil(1.8) = 2nd; 1 of 2
    }

    [Theory]
    [InlineData(20, "T19")]
    [InlineData(21, "21 companies over time: ratio percentiles and DAT share")]
    public void ChartRatio_PastTwentyCompanies_DrawsPercentilesInsteadOfALinePerCompany(int companies, string expected)
    {
        var csv = new StringBuilder("ticker,as_of,digital_assets_usd,total_assets_usd\n");
        for (int i = 0; i < companies; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"T{i},2025-09-30,{i},40\nT{i},2025-12-31,{i + 1},40\n");
        }

        string svg = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.svg");

        var result = CliRunner.Run("chart", "ratio", "--out", svg, "--input", CliRunner.TempCsv(csv.ToString()));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, File.ReadAllText(svg), StringComparison.Ordinal);
    }

    [Fact]
    public void Headroom_ManyRows_BlocksOnTwoCoresInOrderEqualTheDomains()
    {
        // 5,000 rows: a block of 4,096 and one of 904, each split over two cores; every result must be the domain's, in
        // file order.
        var csv = new StringBuilder("ticker,as_of,digital_assets_usd,total_assets_usd,asset,units\n");
        for (int i = 0; i < 5_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"T{i},2025-09-30,{(i * 7) % 1000},1000,BTC,{1 + (i % 9)}\n");
        }

        var snapshots = SnapshotFrame.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv.ToString())), new SnapshotReadOptions { SourceName = "h.csv" }).ToSnapshots();

        var result = CliRunner.Run("headroom", "--input", CliRunner.TempCsv(csv.ToString()), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(5_000, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            var expected = DatRules.Headroom.HeadroomCalculator.Compute(snapshots[i], DatRules.Classification.RatioThreshold.Msci);
            Assert.Equal(expected.Ticker, rows[i].GetProperty("ticker").GetString());
            Assert.Equal(expected.BreakEvenPrice is { } p ? Math.Round(p, 2).ToString(CultureInfo.InvariantCulture) : "null", rows[i].GetProperty("breakEvenPrice").GetRawText());
            Assert.Equal(expected.Reasons, rows[i].GetProperty("reasons").EnumerateArray().Select(e => e.GetString()!).ToList());
        }
    }

    [Fact]
    public void Headroom_TwoRowsBeyondDecimal_TheFirstInTheFileIsReported()
    {
        // Rows 100 and 3,000 cannot be computed (see HostileInputTests): they fall on different cores of the first block;
        // the error names row 100's ticker, as a computation in file order would.
        const string Bad = "0.000000000000000000000000001,7922816251426433759354395033,BTC,0.000000000000000000000000001";
        var csv = new StringBuilder("ticker,as_of,digital_assets_usd,total_assets_usd,asset,units\n");
        for (int i = 0; i < 4_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"T{i},2025-09-30,{(i is 100 or 3_000 ? Bad : "1,2,BTC,1")}\n");
        }

        var result = CliRunner.Run("headroom", "--input", CliRunner.TempCsv(csv.ToString()));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: the headroom of T100 (2025-09-30): ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void History_Json_HasTheActionUnderThePolicyInForce()
    {
        var result = CliRunner.Run("history", "--format", "json");

        var point = JsonDocument.Parse(result.Out).RootElement[0].GetProperty("points")[0];
        Assert.Equal("msci-gimi-baseline", point.GetProperty("msciPolicyInForce").GetString());
        Assert.Equal("None", point.GetProperty("actionUnderPolicyInForce").GetString());
    }

    [Fact]
    public void History_Table_FitsIn80Columns()
    {
        var result = CliRunner.Run("history");

        Assert.All(result.Out.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 80, $"too wide: '{line}'"));
    }
}
