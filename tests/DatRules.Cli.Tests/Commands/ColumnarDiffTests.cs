using System.Globalization;
using System.Text;
using System.Text.Json;
using DatRules.Data;
using DatRules.Policies;

namespace DatRules.Cli.Tests.Commands;

/// <summary>
/// <c>diff</c> runs on the columnar engine (issue 15); its changes must be the domain's
/// (<c>RuleChange.Compare</c>): the same rows, flags,
/// actions (unknown constituency included) and reasons.
/// </summary>
public class ColumnarDiffTests
{
    public static TheoryData<string, string> Pairs => new()
    {
        { "msci-gimi-baseline", "msci-2025-10-dat-proposal" },
        { "msci-2026-01-dat-freeze", "msci-2025-10-dat-proposal" },
        { "msci-2025-10-issuer-freeze", "msci-2026-01-dat-freeze" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Json_EveryChangeEqualsTheDomains(string from, string to)
    {
        // Constituent flags true, false or unknown (then the action is unknown and both alternatives are compared);
        // missing and zero totals, sub-cent amounts, exactly 50%; the issuer freeze names 3350.T and ALCPB.
        var random = new Random(from.Length * 31 + to.Length);
        var csv = new StringBuilder("ticker,as_of,digital_assets_usd,total_assets_usd,index_constituent\n");
        string[] special = ["3350.T", "ALCPB", "alcpb"];
        for (int i = 0; i < 1_500; i++)
        {
            string ticker = i < special.Length ? special[i] : $"T{i}";
            string total = (i % 7) switch { 0 => string.Empty, 1 => "0", 2 => "0.001", _ => "100" };
            string digital = (i % 5) switch { 0 => "50", 1 => "49.99", 2 => "0.005", _ => random.Next(0, 101).ToString(CultureInfo.InvariantCulture) };
            string asOf = i == 2 ? "2025-06-30" : "2025-09-30"; // alcpb: ALCPB's earlier balance sheet
            csv.Append(CultureInfo.InvariantCulture, $"{ticker},{asOf},{digital},{total},{(i % 3) switch { 0 => "true", 1 => "false", _ => string.Empty }}\n");
        }

        var snapshots = SnapshotFrame.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv.ToString())), new SnapshotReadOptions { SourceName = "d.csv" }).ToSnapshots();
        var report = RuleChange.Compare(snapshots, PolicyCatalog.BuiltIn.Get(from), PolicyCatalog.BuiltIn.Get(to));

        var result = CliRunner.Run("diff", "--from", from, "--to", to, "--input", CliRunner.TempCsv(csv.ToString()), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var doc = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(report.Screened, doc.GetProperty("screened").GetInt32());
        var changes = doc.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(report.Changes.Count, changes.Count);
        Assert.NotEmpty(changes);
        for (int i = 0; i < changes.Count; i++)
        {
            var c = report.Changes[i];
            Assert.Equal(c.Snapshot.Issuer.Ticker, changes[i].GetProperty("ticker").GetString());
            Assert.Equal(c.ClassificationChanged, changes[i].GetProperty("classificationChanged").GetBoolean());
            Assert.Equal(c.ActionChanged, changes[i].GetProperty("actionChanged").GetBoolean());
            foreach (var (name, decision) in new[] { ("before", c.Before), ("after", c.After) })
            {
                var side = changes[i].GetProperty(name);
                Assert.Equal(decision.Classification.ToString(), side.GetProperty("classification").GetString());
                Assert.Equal(RuleChange.Describe(decision), side.GetProperty("action").GetString());
                Assert.Equal(decision.Reasons, side.GetProperty("reasons").EnumerateArray().Select(e => e.GetString()!).ToList());
            }
        }
    }
}
