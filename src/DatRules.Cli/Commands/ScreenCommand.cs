using System.CommandLine;
using DatRules.Cli.Output;
using DatRules.Data.Formats;

namespace DatRules.Cli.Commands;

/// <summary><c>datrules screen</c>: classifies every company of a dataset.</summary>
internal static class ScreenCommand
{
    /// <summary>Columns the CSV output never shows nor any reason reads (the JSON and the table show the name): not stored.</summary>
    private static readonly string[] NotInCsv = ["name", "country"];

    public static Command Create(CliContext ctx)
    {
        var options = new ScreenOptions();
        var format = CommonOptions.Format(binary: true);
        var noReasons = new Option<bool>("--no-reasons")
        {
            Description = "CSV only: omit the estimate and reasons columns (ticker,as_of,classification,digital_asset_ratio[,policy,action]); fastest for large files.",
        };
        var output = new Option<FileInfo?>("--out", "-o")
        {
            Description = "File to write (atomically) instead of standard output; required for -f xlsx and -f parquet.",
        };
        format.Description = "Output format: table, json, csv, xlsx or parquet (xlsx and parquet need --out).";
        format.HelpName = "table|json|csv|xlsx|parquet";
        var wide = new Option<bool>("--wide")
        {
            Description = "Table only: no name cut to fit 80 columns; column widths follow the content. The default when standard output is not a terminal.",
        };
        var command = new Command("screen", "Classify each company as an operating company or a digital-asset treasury (DAT).")
        {
            format, noReasons, wide, output,
        };
        options.AddTo(command);

        command.SetAction(parse =>
        {
            var outputFormat = parse.GetValue(format);
            var target = parse.GetValue(output);
            if (target is null && outputFormat is OutputFormat.Xlsx or OutputFormat.Parquet)
            {
                throw new UsageException($"-f {outputFormat.ToString().ToLowerInvariant()} is a binary format and is not written to a terminal: give a file with --out (e.g. --out screen.{outputFormat.ToString().ToLowerInvariant()}).");
            }

            var (frame, report) = options.Run(parse, ctx, target, noteToday: outputFormat != OutputFormat.Table, unread: outputFormat is OutputFormat.Csv or OutputFormat.Xlsx or OutputFormat.Parquet ? NotInCsv : null);
            Action<Stream> write = stream =>
            {
                switch (outputFormat)
                {
                    case OutputFormat.Xlsx:
                        report.WriteXlsx(stream, !parse.GetValue(noReasons));
                        break;
                    case OutputFormat.Parquet:
                        report.WriteParquet(stream, !parse.GetValue(noReasons));
                        break;
                    case OutputFormat.Csv:
                        report.WriteCsv(stream, !parse.GetValue(noReasons));
                        break;
                    case OutputFormat.Json:
                        report.WriteJson(stream);
                        break;
                    default:
                        report.WriteTable(stream, wide: parse.GetValue(wide) || !ctx.OutputIsTerminal);
                        break;
                }
            };
            if (target is null)
            {
                ctx.WriteTo(write);
            }
            else
            {
                AtomicFile.Write(target.FullName, write);
            }

            if (report.StaleWarning is { } stale)
            {
                ctx.Error.WriteLine("warning: " + stale);
            }

            // What a point-in-time screen left out: under the table (part of the report), on standard error for data formats.
            ScreenOptions.PrintNotes(frame, outputFormat == OutputFormat.Table ? ctx.Out : ctx.Error);
            return ExitCodes.Ok;
        });

        return command;
    }
}
