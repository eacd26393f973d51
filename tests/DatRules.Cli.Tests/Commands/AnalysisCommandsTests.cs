using System.Text.Json;

namespace DatRules.Cli.Tests.Commands;

public class AnalysisCommandsTests
{
    [Fact]
    public void Headroom_Json_HasStableFields()
    {
        var result = CliRunner.Run("headroom", "--ticker", "RIOT", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var riot = doc.RootElement[0];
        Assert.Equal("RIOT", riot.GetProperty("ticker").GetString());
        Assert.Equal("BTC", riot.GetProperty("asset").GetString());
        Assert.Equal("OperatingCompany", riot.GetProperty("classification").GetString());
        // RIOT: f* = 0.5 x 2,278,970,484 / (0.5 x 2,200,029,516) = 1.0358817..., i.e. +3.59% from 114,068 to ~118,161.
        Assert.Equal(3.59m, Math.Round(riot.GetProperty("priceMovePct").GetDecimal(), 2));
        Assert.Equal(118_161m, Math.Round(riot.GetProperty("breakEvenPrice").GetDecimal()));
    }

    [Fact]
    public void Headroom_Table_FitsIn80Columns()
    {
        var result = CliRunner.Run("headroom");

        Assert.All(result.Out.Split('\n'), l => Assert.True(l.TrimEnd('\r').Length <= 80, l));
    }

    [Fact]
    public void Sensitivity_And_History_Run()
    {
        var s = CliRunner.Run("sensitivity", "--format", "json");
        var h = CliRunner.Run("history", "--format", "json");

        Assert.Equal(0, s.ExitCode);
        Assert.Equal(16 * 9, JsonDocument.Parse(s.Out).RootElement.GetArrayLength());
        using var doc = JsonDocument.Parse(h.Out);
        // Strategy's 31 Dec 2024 balance sheet (23,909,373 / 25,843,685 = 92.5%) is already at >= 50%.
        Assert.Equal("2024-12-31", doc.RootElement[0].GetProperty("firstCrossed").GetString());
    }

    [Theory]
    [InlineData("ratio")]
    [InlineData("universe")]
    [InlineData("sensitivity")]
    public void Chart_WritesSvg(string kind)
    {
        string path = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.svg");

        var result = CliRunner.Run("chart", kind, "--out", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("<svg", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_BadExtensionOrKind_Exit2()
    {
        Assert.Equal(2, CliRunner.Run("chart", "ratio", "--out", "x.gif").ExitCode);
        Assert.Equal(2, CliRunner.Run("chart", "pie", "--out", Path.Combine(Path.GetTempPath(), "x.svg")).ExitCode);
    }
}
