using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DatRules.Cli.Output;
using DatRules.Policies;
using DatRules.Reviews;
using NodaTime;

namespace DatRules.Cli.Commands;

/// <summary><c>datrules policies</c>: lists the policy catalog.</summary>
internal static class PoliciesCommand
{
    public static Command Create(CliContext ctx)
    {
        var format = CommonOptions.Format();
        var file = new Option<FileInfo?>("--policy-file") { Description = "JSON file of custom policies to list with the built-ins." };
        var command = new Command("policies", "List the policy catalog: id, provider, status, dates, threshold, actions, source.") { format, file };
        command.SetAction(parse =>
        {
            var (catalog, _) = PolicySelection.Catalog(parse.GetValue(file));
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                WriteJson(catalog, ctx.Out);
            }
            else if (parse.GetValue(format) == OutputFormat.Csv)
            {
                WriteCsv(catalog, ctx.Out);
            }
            else
            {
                WriteTable(catalog, ctx.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string Date(LocalDate d) => d == LocalDate.MinIsoValue ? "-" : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteTable(PolicyCatalog catalog, TextWriter o)
    {
        o.WriteLine($"{"Id",-44} {"Status",-9} {"Announced",-10} {"Effective",-10}");
        o.WriteLine(new string('-', 78));
        foreach (var p in catalog.Policies)
        {
            o.WriteLine($"{p.Id,-44} {p.Status,-9} {Date(p.AnnouncedOn),-10} {Date(p.EffectiveOn),-10}");
            o.WriteLine($"    {p.Provider} / {p.Scope}");
            o.WriteLine($"    criteria: {(p.Criteria.Count == 0 ? "none" : string.Join(" AND ", p.Criteria.Select(c => c.Description)))}");
            o.WriteLine($"    constituents: {p.ConstituentAction}; non-constituents: {p.NonConstituentAction}");
            if (p.Provider.Equals(IndexProvider.Msci) && p.EffectiveOn != LocalDate.MinIsoValue)
            {
                o.WriteLine($"    first bites at: {IndexReviewCalendar.Msci.FirstReviewApplying(p)}");
            }

            o.WriteLine($"    source: {p.Source}");
            o.WriteLine();
        }
    }

    private static void WriteCsv(PolicyCatalog catalog, TextWriter o) => CsvTable.Write(
        o,
        ["id", "provider", "scope", "status", "announced", "effective", "threshold_percent", "threshold_bound", "criteria", "constituent_action", "non_constituent_action", "source_title", "source_publisher", "source_date", "source_url", "notes"],
        catalog.Policies.Select(p => new object?[]
        {
            p.Id, p.Provider.Name, p.Scope, p.Status.ToString(), Cell(p.AnnouncedOn), Cell(p.EffectiveOn), p.RatioThreshold?.Percent, p.RatioThreshold?.Bound.ToString(),
            string.Join(" AND ", p.Criteria.Select(c => c.Description)), p.ConstituentAction.ToString(), p.NonConstituentAction.ToString(),
            p.Source.Title, p.Source.Publisher, Cell(p.Source.Date), p.Source.Url?.ToString(), p.Notes,
        }));

    private static LocalDate? Cell(LocalDate d) => d == LocalDate.MinIsoValue ? null : d;

    private static void WriteJson(PolicyCatalog catalog, TextWriter o)
    {
        var items = catalog.Policies.Select(p => new Dictionary<string, object?>
        {
            ["id"] = p.Id,
            ["provider"] = p.Provider.Name,
            ["scope"] = p.Scope,
            ["status"] = p.Status.ToString(),
            ["announced"] = Date(p.AnnouncedOn),
            ["effective"] = Date(p.EffectiveOn),
            ["thresholdPercent"] = p.RatioThreshold?.Percent,
            ["thresholdBound"] = p.RatioThreshold?.Bound.ToString(),
            ["criteria"] = p.Criteria.Select(c => c.Description).ToArray(),
            ["constituentAction"] = p.ConstituentAction.ToString(),
            ["nonConstituentAction"] = p.NonConstituentAction.ToString(),
            ["source"] = new Dictionary<string, object?>
            {
                ["title"] = p.Source.Title,
                ["publisher"] = p.Source.Publisher,
                ["date"] = Date(p.Source.Date),
                ["url"] = p.Source.Url?.ToString(),
            },
            ["notes"] = p.Notes,
        }).ToList();
        o.WriteLine(JsonOutput.Serialize(items));
    }
}
