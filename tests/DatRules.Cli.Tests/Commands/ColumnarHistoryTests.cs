using System.Globalization;
using System.Text;
using System.Text.Json;
using DatRules.Classification;
using DatRules.Data;
using DatRules.History;
using DatRules.Policies;

namespace DatRules.Cli.Tests.Commands;

/// <summary>
/// <c>history</c> runs on the columnar engine (issue 15); its answers and texts must be the domain's: tickers grouped
/// case-insensitively in order of first appearance, dates in order, the ratio test, the MSCI policy in force on each
/// date with its verdict and action (<see cref="HistoryAnalysis"/>, <see cref="IndexPolicy.Evaluate"/>).
/// </summary>
public class ColumnarHistoryTests
{
    private static readonly string[] Dates =
        ["2024-12-31", "2025-03-31", "2025-06-30", "2025-09-30", "2025-10-10", "2025-12-31", "2026-01-06", "2026-01-15", "2026-02-27", "2026-06-30"];

    /// <summary>Random balance sheets over MSCI's policy changes: mixed-case tickers, missing and zero totals, sub-cent and huge amounts, constituents or not.</summary>
    private static string RandomHistory(int rows, int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("ticker,as_of,digital_assets_usd,total_assets_usd,index_constituent\n");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string[] totals = ["", "0", "100", "0.001", "100000000000000000"];
        string[] digitals = ["50", "0", "100.005", "1.5"];
        for (int i = 0; i < rows; i++)
        {
            string ticker = $"T{random.Next(rows / 5)}";
            ticker = random.Next(3) == 0 ? ticker.ToLowerInvariant() : ticker;
            string date = Dates[random.Next(Dates.Length)];
            if (!seen.Add($"{ticker}|{date}"))
            {
                continue;
            }

            string total = random.Next(3) == 0 ? totals[random.Next(totals.Length)] : random.Next(1, 1_000_000).ToString(CultureInfo.InvariantCulture);
            string digital = random.Next(4) == 0 ? digitals[random.Next(digitals.Length)] : random.Next(0, 1_000_000).ToString(CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{ticker},{date},{digital},{total},{(random.Next(3) switch { 0 => "true", 1 => "false", _ => string.Empty })}\n");
        }

        return csv.ToString();
    }

    [Fact]
    public void Json_EveryPointEqualsTheDomains()
    {
        string csv = RandomHistory(2_000, seed: 15);
        var snapshots = SnapshotFrame.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), new SnapshotReadOptions { SourceName = "h.csv" }).ToSnapshots();
        var byTest = HistoryAnalysis.Run(snapshots);
        var byPolicy = HistoryAnalysis.RunUnderPoliciesInForce(snapshots, PolicyCatalog.BuiltIn, IndexProvider.Msci);
        var decisions = snapshots
            .GroupBy(s => s.Issuer.Ticker, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(s => s.AsOf).Select(s => PolicyCatalog.BuiltIn.InForce(IndexProvider.Msci, s.AsOf).Evaluate(s)).ToArray())
            .ToArray();

        var result = CliRunner.Run("history", "--input", CliRunner.TempCsv(csv), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var issuers = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(byTest.Count, issuers.Count);
        var policiesSeen = new HashSet<string>();
        for (int i = 0; i < issuers.Count; i++)
        {
            Assert.Equal(byTest[i].Ticker, issuers[i].GetProperty("ticker").GetString());
            Assert.Equal(byTest[i].FirstCrossed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), issuers[i].GetProperty("firstCrossed").GetString());
            var points = issuers[i].GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(byTest[i].Points.Count, points.Count);
            for (int k = 0; k < points.Count; k++)
            {
                var (test, policy, decision) = (byTest[i].Points[k], byPolicy[i].Points[k], decisions[i][k]);
                Assert.Equal(test.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), points[k].GetProperty("asOf").GetString());
                Assert.Equal(
                    test.Ratio is { } r ? Math.Round(r, 10, MidpointRounding.ToEven).ToString(CultureInfo.InvariantCulture) : "null",
                    points[k].GetProperty("digitalAssetRatio").GetRawText());
                Assert.Equal(test.Classification.ToString(), points[k].GetProperty("classification").GetString());
                Assert.Equal(policy.PolicyId, points[k].GetProperty("msciPolicyInForce").GetString());
                Assert.Equal(policy.Classification.ToString(), points[k].GetProperty("classificationUnderPolicyInForce").GetString());
                Assert.Equal(RuleChange.Describe(decision), points[k].GetProperty("actionUnderPolicyInForce").GetString());
                policiesSeen.Add(policy.PolicyId!);
            }
        }

        // The data spans the baseline, the October 2025 issuer freeze and the January 2026 DAT freeze.
        Assert.True(policiesSeen.Count >= 3, string.Join(", ", policiesSeen));
    }

    [Fact]
    public void Table_EveryLineEqualsTheDomains()
    {
        string csv = RandomHistory(600, seed: 16);
        var snapshots = SnapshotFrame.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), new SnapshotReadOptions { SourceName = "h.csv" }).ToSnapshots();

        // The table as the domain words it (the command's code before it moved to the engine).
        var expected = new StringBuilder();
        var byTest = HistoryAnalysis.Run(snapshots);
        var byPolicy = HistoryAnalysis.RunUnderPoliciesInForce(snapshots, PolicyCatalog.BuiltIn, IndexProvider.Msci);
        var decisions = snapshots
            .GroupBy(s => s.Issuer.Ticker, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(s => s.AsOf).Select(s => PolicyCatalog.BuiltIn.InForce(IndexProvider.Msci, s.AsOf).Evaluate(s)).ToArray());
        foreach (var (test, policy, points) in byTest.Zip(byPolicy, decisions))
        {
            expected.Append(CultureInfo.InvariantCulture, $"{test.Ticker}: first balance sheet at >= 50%: {test.FirstCrossed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never"}\n");
            expected.Append(CultureInfo.InvariantCulture, $"{"As of",-10} {"Ratio",8}  {"MSCI test",-13} {"MSCI policy in force",-26} {"Under it",-9} Action\n");
            foreach (var (a, b, d) in test.Points.Zip(policy.Points, points))
            {
                string action = ActionText.Abbreviate(d);
                expected.Append(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{a.AsOf:yyyy-MM-dd} {(a.Ratio is { } r ? (r * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a"),8}  {Short(a.Classification),-13} {b.PolicyId,-26} {Short(b.Classification),-9} {(action.Length <= 8 ? action : action[..7] + "~")}").TrimEnd()).Append('\n');
            }

            expected.Append('\n');
        }

        var result = CliRunner.Run("history", "--input", CliRunner.TempCsv(csv));

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(expected.ToString(), result.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("msci-2026-01-dat-freeze", result.Out, StringComparison.Ordinal);

        static string Short(DatClassification c) => c switch
        {
            DatClassification.DigitalAssetTreasury => "DAT",
            DatClassification.OperatingCompany => "Operating",
            _ => "Indeterminate",
        };
    }
}
