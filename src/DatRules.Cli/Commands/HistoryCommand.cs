using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DatRules.Cli.Input;
using DatRules.Cli.Output;
using DatRules.History;
using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.Cli.Commands;

/// <summary><c>datrules history</c>: balance sheets over time, under MSCI's test and the MSCI policy in force.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext ctx)
    {
        var input = new Option<FileInfo?>("--input", "-i") { Description = "CSV of snapshots over time (same format as screen). Default: Strategy's quarterly balance sheets, 2024-2025." };
        var format = CommonOptions.Format();
        var command = new Command("history", "Ratio and classification over time; first date each company crossed 50%.") { input, format };
        command.SetAction(parse =>
        {
            var snapshots = Load(parse.GetValue(input), ctx);
            var byTest = HistoryAnalysis.Run(snapshots);
            var byPolicy = HistoryAnalysis.RunUnderPoliciesInForce(snapshots, PolicyCatalog.BuiltIn, IndexProvider.Msci);

            // The snapshot behind each point, in HistoryAnalysis' order (by ticker as first seen, then by as-of date),
            // for the action under the policy in force: verdict and action are shown apart from the ratio test.
            var decisions = snapshots
                .GroupBy(s => s.Issuer.Ticker, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.OrderBy(s => s.AsOf).Select(s => PolicyCatalog.BuiltIn.InForce(IndexProvider.Msci, s.AsOf).Evaluate(s)).ToArray())
                .ToArray();
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(byTest.Zip(byPolicy, decisions).Select(p => new Dictionary<string, object?>
                {
                    ["ticker"] = p.First.Ticker,
                    ["firstCrossed"] = p.First.FirstCrossed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["points"] = p.First.Points.Zip(p.Second.Points, p.Third).Select(x => new Dictionary<string, object?>
                    {
                        ["asOf"] = x.First.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["digitalAssetRatio"] = ScreenWriter.RoundedRatio(x.First.Ratio),
                        ["classification"] = x.First.Classification.ToString(),
                        ["msciPolicyInForce"] = x.Second.PolicyId,
                        ["classificationUnderPolicyInForce"] = x.Second.Classification.ToString(),
                        ["actionUnderPolicyInForce"] = RuleChange.Describe(x.Third),
                    }).ToList(),
                }), JsonOutput.Options));
                return ExitCodes.Ok;
            }

            if (parse.GetValue(format) == OutputFormat.Csv)
            {
                CsvTable.Write(
                    ctx.Out,
                    ["ticker", "as_of", "digital_asset_ratio", "classification", "msci_policy_in_force", "classification_under_policy_in_force", "first_crossed"],
                    byTest.Zip(byPolicy).SelectMany(p => p.First.Points.Zip(p.Second.Points).Select(x => new object?[]
                    {
                        p.First.Ticker, x.First.AsOf, ScreenWriter.RoundedRatio(x.First.Ratio), x.First.Classification.ToString(), x.Second.PolicyId, x.Second.Classification.ToString(), p.First.FirstCrossed,
                    })));
                return ExitCodes.Ok;
            }

            var o = ctx.Out;
            foreach (var (test, policy, points) in byTest.Zip(byPolicy, decisions))
            {
                o.WriteLine($"{test.Ticker}: first balance sheet at >= 50%: {test.FirstCrossed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never"}");
                o.WriteLine($"{"As of",-10} {"Ratio",8}  {"MSCI test",-13} {"MSCI policy in force",-26} {"Under it",-9} Action");
                foreach (var (a, b, d) in test.Points.Zip(policy.Points, points))
                {
                    string action = ActionText.Short(d);
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{a.AsOf:yyyy-MM-dd} {(a.Ratio is { } r ? (r * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a"),8}  {ScreenWriter.ShortClass(a.Classification),-13} {b.PolicyId,-26} {ScreenWriter.ShortClass(b.Classification),-9} {(action.Length <= 8 ? action : action[..7] + "~")}").TrimEnd());
                }

                o.WriteLine();
            }

            o.WriteLine("MSCI test: the ratio test alone (digital assets >= 50% of total assets).");
            o.WriteLine("Under it, Action: verdict and action of the MSCI policy in force on each as-of");
            o.WriteLine("date (--format json gives the action in full).");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static IReadOnlyList<IssuerSnapshot> Load(FileInfo? input, CliContext ctx) =>
        input is null ? EmbeddedDataset.LoadHistory() : InputLoader.Load(input, false, ctx);
}
