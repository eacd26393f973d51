using System.Globalization;

namespace DatRules.Cli.Tests.Report;

/// <summary>What the report tests compare with: the rows of <c>screen -f csv</c> for the same options, and temporary files.</summary>
internal static class ReportTestFiles
{
    /// <summary>A row of <c>screen -f csv --no-reasons</c>: ticker, ratio (empty when undefined), classification, action.</summary>
    internal sealed record ScreenRow(string Ticker, decimal? Ratio, string Classification, string? Action);

    public static string Temp(string extension) => Path.Combine(Path.GetTempPath(), $"datrules-report-{Guid.NewGuid():N}.{extension}");

    /// <summary>The screen's rows for <paramref name="options"/>, in its order (the CSV's first, fourth, third and sixth columns).</summary>
    public static IReadOnlyList<ScreenRow> ScreenRows(params string[] options)
    {
        var csv = CliRunner.Run(["screen", "-f", "csv", "--no-reasons", .. options]);
        Assert.Equal(0, csv.ExitCode);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        int action = Array.IndexOf(header, "action");
        return [.. lines.Skip(1).Select(l => l.Split(',')).Select(f => new ScreenRow(
            f[0],
            f[3].Length == 0 ? null : decimal.Parse(f[3], CultureInfo.InvariantCulture),
            f[2],
            action < 0 ? null : f[action]))];
    }
}
