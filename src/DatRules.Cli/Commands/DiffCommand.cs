using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DatRules.Cli.Output;
using DatRules.Policies;

namespace DatRules.Cli.Commands;

/// <summary><c>datrules diff</c>: every issuer whose classification or action changes between two policies or two dates.</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext ctx)
    {
        var input = CommonOptions.Input();
        var format = CommonOptions.Format();
        var skipInvalid = CommonOptions.SkipInvalid();
        var from = new Option<string?>("--from") { Description = "Id of the earlier (current) policy." };
        var to = new Option<string?>("--to") { Description = "Id of the later (proposed) policy." };
        var provider = new Option<string?>("--provider") { Description = "Provider whose policies in force on --date and --vs-date are compared (default MSCI)." };
        var date = new Option<string?>("--date") { Description = "Earlier date (yyyy-MM-dd)." };
        var vsDate = new Option<string?>("--vs-date") { Description = "Later date (yyyy-MM-dd)." };
        var file = new Option<FileInfo?>("--policy-file") { Description = "JSON file of custom policies added to the catalog." };
        var command = new Command("diff", "List every issuer whose classification or action changes between two policies (--from/--to) or two dates (--date/--vs-date).")
        {
            input, from, to, provider, date, vsDate, file, format, skipInvalid,
        };

        command.SetAction(parse =>
        {
            var (catalog, _) = PolicySelection.Catalog(parse.GetValue(file));
            string? fromId = parse.GetValue(from), toId = parse.GetValue(to), d1 = parse.GetValue(date), d2 = parse.GetValue(vsDate);
            IndexPolicy before, after;
            if (fromId is not null || toId is not null)
            {
                if (fromId is null || toId is null || d1 is not null || d2 is not null)
                {
                    throw new UsageException("Give --from and --to (policy ids), or --date and --vs-date, not a mix.");
                }

                before = catalog.Get(fromId);
                after = catalog.Get(toId);
            }
            else if (d1 is not null && d2 is not null)
            {
                var p = PolicySelection.ProviderNamed(parse.GetValue(provider), catalog);
                before = catalog.InForce(p, PolicySelection.ParseDate(d1, "--date"));
                after = catalog.InForce(p, PolicySelection.ParseDate(d2, "--vs-date"));
            }
            else
            {
                throw new UsageException("Give --from and --to (policy ids), or --date and --vs-date.");
            }

            var snapshots = InputLoader.Load(parse.GetValue(input), parse.GetValue(skipInvalid), ctx);
            var report = RuleChange.Compare(snapshots, before, after);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                WriteJson(report, ctx.Out);
            }
            else if (parse.GetValue(format) == OutputFormat.Csv)
            {
                WriteCsv(report, ctx.Out);
            }
            else
            {
                WriteTable(report, ctx.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(RuleChangeReport report, TextWriter o)
    {
        o.WriteLine($"from: {report.From}");
        o.WriteLine($"to:   {report.To}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Changes.Count:#,0} of {Plural.Issuers(report.Screened)} {(report.Changes.Count == 1 ? "changes" : "change")}."));
        o.WriteLine();
        foreach (var c in report.Changes)
        {
            o.WriteLine($"{c.Snapshot.Issuer.Ticker,-8} {c.Snapshot.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}  {ScreenWriter.ShortClass(c.Before.Classification)} -> {ScreenWriter.ShortClass(c.After.Classification)}");
            o.WriteLine($"    before: {RuleChange.Describe(c.Before)}");
            o.WriteLine($"    after:  {RuleChange.Describe(c.After)}");
        }
    }

    private static void WriteCsv(RuleChangeReport report, TextWriter o) => CsvTable.Write(
        o,
        ["ticker", "as_of", "digital_asset_ratio", "classification_changed", "action_changed", "before_policy", "before_classification", "before_action", "after_policy", "after_classification", "after_action"],
        report.Changes.Select(c => new object?[]
        {
            c.Snapshot.Issuer.Ticker, c.Snapshot.AsOf, ScreenWriter.RoundedRatio(c.Snapshot.DigitalAssetRatio), c.ClassificationChanged, c.ActionChanged,
            c.Before.Policy.Id, c.Before.Classification.ToString(), RuleChange.Describe(c.Before), c.After.Policy.Id, c.After.Classification.ToString(), RuleChange.Describe(c.After),
        }));

    private static void WriteJson(RuleChangeReport report, TextWriter o)
    {
        static Dictionary<string, object?> Side(PolicyDecision d) => new()
        {
            ["policy"] = d.Policy.Id,
            ["classification"] = d.Classification.ToString(),
            ["action"] = RuleChange.Describe(d),
            ["reasons"] = d.Reasons,
        };

        var doc = new Dictionary<string, object?>
        {
            ["from"] = report.From.Id,
            ["to"] = report.To.Id,
            ["screened"] = report.Screened,
            ["changes"] = report.Changes.Select(c => new Dictionary<string, object?>
            {
                ["ticker"] = c.Snapshot.Issuer.Ticker,
                ["asOf"] = c.Snapshot.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["digitalAssetRatio"] = ScreenWriter.RoundedRatio(c.Snapshot.DigitalAssetRatio),
                ["classificationChanged"] = c.ClassificationChanged,
                ["actionChanged"] = c.ActionChanged,
                ["before"] = Side(c.Before),
                ["after"] = Side(c.After),
            }).ToList(),
        };
        o.WriteLine(JsonSerializer.Serialize(doc, JsonOutput.Options));
    }
}
