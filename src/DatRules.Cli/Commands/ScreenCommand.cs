using System.CommandLine;
using System.Globalization;
using DatRules.Classification;
using DatRules.Cli.Output;
using DatRules.Data.Formats;

namespace DatRules.Cli.Commands;

/// <summary><c>datrules screen</c>: classifies every company of a dataset.</summary>
internal static class ScreenCommand
{
    /// <summary>Columns the CSV output never shows nor any reason reads (the JSON and the table show the name): not stored.</summary>
    private static readonly string[] NotInCsv = ["name", "country"];

    private static void PrintNotes(SnapshotFrame frame, TextWriter writer)
    {
        foreach (string note in frame.SelectionNotes)
        {
            writer.WriteLine("note: " + note);
        }
    }

    public static Command Create(CliContext ctx)
    {
        var selection = new PolicySelection();
        var input = CommonOptions.Input();
        var format = CommonOptions.Format(binary: true);
        var skipInvalid = CommonOptions.SkipInvalid();
        // Exact: a value with more digits than a decimal holds is an error, never silently rounded.
        var threshold = ExactNumber.Option("--threshold", "-t", "Threshold in percent of total assets (inclusive, >=). Default: MSCI's 50.");

        var noReasons = new Option<bool>("--no-reasons")
        {
            Description = "CSV only: omit the estimate and reasons columns (ticker,as_of,classification,digital_asset_ratio[,policy,action]); fastest for large files.",
        };
        var asKnownOn = new Option<string?>("--as-known-on")
        {
            Description = "Point in time (yyyy-MM-dd): for each ticker, screen the latest balance sheet filed on or before this date (no look-ahead).",
            HelpName = "date",
        };
        var maxAge = new Option<int?>("--max-age")
        {
            Description = "Balance sheets older than this many days (as of to today, or --date) are Indeterminate. Every screen states each balance sheet's age; more than 200 days is a warning.",
            HelpName = "days",
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
        var tickers = new Option<string?>("--ticker")
        {
            Description = "Only these tickers (comma-separated, case-insensitive), e.g. MSTR,MARA.",
            HelpName = "tickers",
        };
        var delimiter = new Option<string>("--delimiter")
        {
            Description = "Field separator of --input: ',' (default; a header separated by ';' is detected) or ';'.",
            DefaultValueFactory = _ => ",",
            HelpName = "char",
        };
        var culture = new Option<string?>("--culture")
        {
            Description = "Amounts of a CSV --input in this culture's notation, e.g. de-DE reads 1.234,56 and 1234,56 (" + string.Join(", ", NumberCulture.Known.Select(c => c.Name)) + "). Without it a decimal comma is an error.",
            HelpName = "name",
        };
        var command = new Command("screen", "Classify each company as an operating company or a digital-asset treasury (DAT).")
        {
            input, threshold, format, skipInvalid, noReasons, asKnownOn, maxAge, wide, tickers, delimiter, culture, output,
        };
        selection.AddTo(command);
        var prices = new PriceOptions();
        prices.AddTo(command);

        command.SetAction(parse =>
        {
            decimal? pct = parse.GetValue(threshold);
            if (pct is { } p && (p <= 0m || p > 100m))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--threshold must be in (0, 100] percent; was {p}."));
            }

            var policy = selection.Resolve(parse, ctx.Clock);
            if (policy is not null && pct is not null)
            {
                throw new UsageException("--threshold cannot be combined with a policy; the policy sets its own threshold.");
            }

            var classifier = pct is { } t
                ? new DatClassifier(RatioThreshold.AtLeast(t), string.Create(CultureInfo.InvariantCulture, $"Custom DAT test (digital assets >= {t}% of total assets)"))
                : DatClassifier.Msci;
            NodaTime.LocalDate? knownOn = parse.GetValue(asKnownOn) is { } k ? PolicySelection.ParseDate(k, "--as-known-on") : null;
            string knownNote = knownOn is { } date ? string.Create(CultureInfo.InvariantCulture, $", as known on {date:yyyy-MM-dd}") : string.Empty;
            var outputFormat = parse.GetValue(format);
            var target = parse.GetValue(output);
            if (target is null && outputFormat is OutputFormat.Xlsx or OutputFormat.Parquet)
            {
                throw new UsageException($"-f {outputFormat.ToString().ToLowerInvariant()} is a binary format and is not written to a terminal: give a file with --out (e.g. --out screen.{outputFormat.ToString().ToLowerInvariant()}).");
            }

            if (parse.GetValue(input) is { } inputFile)
            {
                SnapshotOutput.RefuseInput(target, [("--input", inputFile)]);
            }
            var marketPrices = prices.Resolve(parse, ctx.Clock);
            if (marketPrices is not null)
            {
                knownNote += string.Create(
                    CultureInfo.InvariantCulture,
                    $", marked to market on {marketPrices.On:yyyy-MM-dd} ({string.Join(", ", marketPrices.Prices.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value:#,0.########}"))} USD; other assets at book value)");
            }

            string heading = $"DAT screen: {classifier.RuleName}{knownNote}";
            if (policy is not null)
            {
                // The date a provider's policy was chosen for: --date, or today (UTC) when only --provider is given.
                string? dateText = parse.GetValue(selection.Date);
                string inForce = string.Empty;
                if (dateText is not null || parse.GetValue(selection.Provider) is not null)
                {
                    var on = dateText is null ? ctx.Clock.GetCurrentInstant().InUtc().Date : PolicySelection.ParseDate(dateText, "--date");
                    inForce = string.Create(CultureInfo.InvariantCulture, $", in force on {on:yyyy-MM-dd}{(dateText is null ? " (today, UTC)" : string.Empty)}");
                    if (dateText is null && outputFormat != OutputFormat.Table)
                    {
                        ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"note: today is {on:yyyy-MM-dd} (UTC): {policy.Id} is the {policy.Provider} policy in force."));
                    }
                }

                heading = string.Create(CultureInfo.InvariantCulture, $"DAT screen under {policy}{inForce}{knownNote}");
            }

            // Point in time on the embedded dataset: every balance sheet, not only each company's latest.
            char separator = parse.GetValue(delimiter) switch
            {
                "," => ',',
                ";" => ';',
                var other => throw new UsageException($"--delimiter must be ',' or ';'; was '{other}'."),
            };
            NumberCulture? numberCulture;
            try
            {
                numberCulture = parse.GetValue(culture) is { } cultureName ? NumberCulture.Get(cultureName) : null;
            }
            catch (ArgumentException e)
            {
                throw new UsageException("--culture: " + e.Message[..(e.Message.IndexOf(" (Parameter", StringComparison.Ordinal) is int end and >= 0 ? end : e.Message.Length)]);
            }

            var frame = InputLoader.Load(parse.GetValue(input), parse.GetValue(skipInvalid), ctx, unread: outputFormat is OutputFormat.Csv or OutputFormat.Xlsx or OutputFormat.Parquet ? NotInCsv : null, all: knownOn is not null, delimiter: separator, culture: numberCulture);
            if (parse.GetValue(tickers) is { } tickerList)
            {
                string[] only = tickerList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (only.Length == 0)
                {
                    throw new UsageException("--ticker needs at least one ticker.");
                }

                var picked = frame.WhereTicker(only);
                frame = picked;
                if (only.FirstOrDefault(t => picked.WhereTicker([t]).Count == 0) is { } unknown)
                {
                    throw new UsageException($"--ticker: '{unknown}' is not in the input.");
                }
            }

            if (knownOn is { } knownDate)
            {
                frame = frame.KnownOn(knownDate);
                if (frame.Count == 0)
                {
                    PrintNotes(frame, ctx.Error);
                    throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"No balance sheet in the input was filed on or before {knownDate:yyyy-MM-dd}."));
                }
            }

            if (marketPrices is not null)
            {
                frame = frame.MarkToMarket(marketPrices);
            }

            if (parse.GetValue(maxAge) is < 0)
            {
                throw new UsageException("--max-age must be 0 or more days.");
            }

            // Ages count to the screen's date: --date when given, else today (UTC) by the injected clock.
            var today = parse.GetValue(selection.Date) is { } onText ? PolicySelection.ParseDate(onText, "--date") : ctx.Clock.GetCurrentInstant().InUtc().Date;
            var report = (policy is null ? ScreenReport.Classify(frame, classifier, heading) : ScreenReport.Create(frame, policy, heading)).WithAge(today, parse.GetValue(maxAge));
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
            PrintNotes(frame, outputFormat == OutputFormat.Table ? ctx.Out : ctx.Error);
            return ExitCodes.Ok;
        });

        return command;
    }
}
