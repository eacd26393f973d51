using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DatRules.Tests.Cli;

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
