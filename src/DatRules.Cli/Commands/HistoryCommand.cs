using System.CommandLine;
using DatRules.Cli.Input;
using DatRules.Cli.Output;
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
            // On the columnar engine: a million rows in about a second, not a domain object and decision per row.
            var table = InputLoader.Load(parse.GetValue(input), false, ctx, EmbeddedDataset.HistoryResourceName);
            var history = HistoryReport.Create(table, PolicyCatalog.BuiltIn, IndexProvider.Msci);
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    history.WriteJson(ctx.WriteUtf8);
                    break;
                case OutputFormat.Csv:
                    history.WriteCsv(ctx.Out);
                    break;
                default:
                    history.WriteTable(ctx.Out);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
