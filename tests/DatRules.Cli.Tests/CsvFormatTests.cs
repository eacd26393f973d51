using System.Text;
using DatRules.Cli.Commands;

namespace DatRules.Cli.Tests;

/// <summary><c>--format csv</c> writes CSV on every command that accepts it (issue 14: several printed a table).</summary>
public class CsvFormatTests
{
    public static TheoryData<string[], string> Commands => new()
    {
        { ["policies"], "id,provider,scope,status,announced,effective,threshold_percent,threshold_bound,criteria,constituent_action,non_constituent_action,source_title,source_publisher,source_date,source_url,notes" },
        { ["diff", "--from", "msci-gimi-baseline", "--to", "msci-2025-10-dat-proposal"], "ticker,as_of,digital_asset_ratio,classification_changed,action_changed,before_policy,before_classification,before_action,after_policy,after_classification,after_action" },
        { ["outflow", "--sigma", "0.05"], "ticker,row,name,provider,probability,cumulative_probability,forced_selling_usd,forced_selling_shares,days_of_volume,price_impact" },
        { ["outflow", "--scenario", Path.Combine(RepoFiles.Root(), "docs", "examples", "outflow-scenarios.json")], "ticker,row,name,provider,probability,cumulative_probability,forced_selling_usd,forced_selling_shares,days_of_volume,price_impact" },
        { ["headroom"], "ticker,asset,currency,classification,threshold,direction,current_price,break_even_price,break_even_factor,price_move_pct,cash_funded_purchase_to_cross,debt_funded_purchase_to_cross,sale_to_exit,operating_assets_to_exit,reasons" },
        { ["sensitivity"], "price_move_pct,threshold_percent,dat_count,flips" },
        { ["history"], "ticker,as_of,digital_asset_ratio,classification,msci_policy_in_force,classification_under_policy_in_force,first_crossed" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Run_FormatCsv_WritesAHeaderAndRowsOfTheSameWidth(string[] args, string header)
    {
        var result = CliRunner.Run([.. args, "--format", "csv"]);

        Assert.Equal(0, result.ExitCode);
        var records = Parse(result.Out);
        Assert.Equal(header, string.Join(',', records[0]));
        Assert.True(records.Count > 1, "no data rows");
        Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
    }

    [Fact]
    public void Run_EveryCommandWithAFormatOption_IsCoveredAbove()
    {
        var root = DatRules.Cli.CliApp.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, NodaTime.SystemClock.Instance));
        var covered = Commands.Select(row => ((string[])row[0])[0]).Append("screen").ToHashSet();

        Assert.All(root.Subcommands.Where(c => c.Options.Any(o => o.Name == "--format")), c => Assert.Contains(c.Name, covered));
    }

    [Fact]
    public void Sensitivity_Csv_FirstRowIsTheLargestFallAtTheLowestThreshold()
    {
        var records = Parse(CliRunner.Run("sensitivity", "--format", "csv").Out);

        Assert.Equal(["-50", "30"], records[1].Take(2));
        Assert.Equal(1 + (16 * 9), records.Count);
    }

    /// <summary>An RFC 4180 reader written for the test, independent of the writer.</summary>
    internal static List<List<string>> Parse(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, "unterminated quote");
        Assert.Empty(record);
        return records;
    }
}
