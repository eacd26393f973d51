using System.CommandLine;
using System.Globalization;
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

            // On the columnar engine: both policies screened over the universe, no domain decision per row.
            var diff = DiffReport.Create(InputLoader.Load(parse.GetValue(input), parse.GetValue(skipInvalid), ctx), before, after);
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    diff.WriteJson(ctx.WriteUtf8);
                    break;
                case OutputFormat.Csv:
                    diff.WriteCsv(ctx.Out);
                    break;
                default:
                    diff.WriteTable(ctx.Out);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
