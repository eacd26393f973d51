using System.CommandLine;
using System.Globalization;
using DatRules.Classification;
using DatRules.Policies;

namespace DatRules.Cli.Commands;

/// <summary>
/// The options that choose what a screen screens and how: the input, the policy (or a threshold), the point in time,
/// the prices, the tickers and the balance sheets' largest age. <c>screen</c> and <c>report</c> take them all, the same
/// objects, and <see cref="Run"/> turns them into the same <see cref="ScreenReport"/>.
/// </summary>
internal sealed class ScreenOptions
{
    public PolicySelection Selection { get; } = new();

    public PriceOptions Prices { get; } = new();

    public Option<FileInfo?> Input { get; } = CommonOptions.Input();

    public Option<bool> SkipInvalid { get; } = CommonOptions.SkipInvalid();

    // Exact: a value with more digits than a decimal holds is an error, never silently rounded.
    public Option<decimal?> Threshold { get; } = ExactNumber.Option("--threshold", "-t", "Threshold in percent of total assets (inclusive, >=). Default: MSCI's 50.");

    public Option<string?> AsKnownOn { get; } = new("--as-known-on")
    {
        Description = "Point in time (yyyy-MM-dd): for each ticker, screen the latest balance sheet filed on or before this date (no look-ahead).",
        HelpName = "date",
    };

    public Option<int?> MaxAge { get; } = new("--max-age")
    {
        Description = "Balance sheets older than this many days (as of to today, or --date) are Indeterminate. Every screen states each balance sheet's age; more than 200 days is a warning.",
        HelpName = "days",
    };

    public Option<string?> Tickers { get; } = new("--ticker")
    {
        Description = "Only these tickers (comma-separated, case-insensitive), e.g. MSTR,MARA.",
        HelpName = "tickers",
    };

    public Option<string> Delimiter { get; } = new("--delimiter")
    {
        Description = "Field separator of --input: ',' (default; a header separated by ';' is detected) or ';'.",
        DefaultValueFactory = _ => ",",
        HelpName = "char",
    };

    public Option<string?> Culture { get; } = new("--culture")
    {
        Description = "Amounts of a CSV --input in this culture's notation, e.g. de-DE reads 1.234,56 and 1234,56 (" + string.Join(", ", NumberCulture.Known.Select(c => c.Name)) + "). Without it a decimal comma is an error.",
        HelpName = "name",
    };

    public Option<FileInfo?> Events { get; } = new("--events")
    {
        Description = "Nowcast: CSV of purchases, sales and cash announced after each balance sheet (ticker,announced,asset,units,cost,funded_by,source); each balance sheet known on the day is carried to --prices-on (or --as-known-on) with the prices of --prices. Rows are labelled estimates.",
    };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Input);
        command.Options.Add(Threshold);
        command.Options.Add(SkipInvalid);
        command.Options.Add(AsKnownOn);
        command.Options.Add(MaxAge);
        command.Options.Add(Tickers);
        command.Options.Add(Delimiter);
        command.Options.Add(Culture);
        command.Options.Add(Events);
        Selection.AddTo(command);
        Prices.AddTo(command);
    }

    /// <summary>The screen the options ask for.</summary>
    /// <param name="Frame">The rows screened (after --ticker, --as-known-on and the prices).</param>
    /// <param name="Report">The screen, with the balance sheets' ages.</param>
    internal sealed record Result(SnapshotFrame Frame, ScreenReport Report);

    /// <summary>Reads the input and screens it as the options say.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="ctx">The streams and the clock.</param>
    /// <param name="target">The file the command writes (--out), refused when it is the input.</param>
    /// <param name="noteToday">Whether to say on standard error which day "today" is when --provider comes without --date (the table's heading says it).</param>
    /// <param name="unread">Columns of the input the output never shows (not stored).</param>
    /// <returns>The frame and the report.</returns>
    public Result Run(ParseResult parse, CliContext ctx, FileInfo? target, bool noteToday, IReadOnlyCollection<string>? unread)
    {
        decimal? pct = parse.GetValue(Threshold);
        if (pct is { } p && (p <= 0m || p > 100m))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--threshold must be in (0, 100] percent; was {p}."));
        }

        var policy = Selection.Resolve(parse, ctx.Clock);
        if (policy is not null && pct is not null)
        {
            throw new UsageException("--threshold cannot be combined with a policy; the policy sets its own threshold.");
        }

        var classifier = pct is { } t
            ? new DatClassifier(RatioThreshold.AtLeast(t), string.Create(CultureInfo.InvariantCulture, $"Custom DAT test (digital assets >= {t}% of total assets)"))
            : DatClassifier.Msci;
        NodaTime.LocalDate? knownOn = parse.GetValue(AsKnownOn) is { } k ? PolicySelection.ParseDate(k, "--as-known-on") : null;
        string knownNote = knownOn is { } date ? string.Create(CultureInfo.InvariantCulture, $", as known on {date:yyyy-MM-dd}") : string.Empty;
        if (parse.GetValue(Input) is { } inputFile)
        {
            SnapshotOutput.RefuseInput(target, [("--input", inputFile)]);
        }

        var eventsFile = parse.GetValue(Events);
        NodaTime.LocalDate? nowcastOn = null;
        AnnouncementFile? announcements = null;
        Nowcasting.PriceHistory? history = null;
        string? historyName = null;
        if (eventsFile is not null)
        {
            if (parse.GetValue(Prices.Price) is { Length: > 0 })
            {
                throw new UsageException("--events values coins at a price history (--prices F.csv with asset,date,price, or the built-in one), not --price.");
            }

            nowcastOn = parse.GetValue(Prices.PricesOn) is { } pricesOn ? PolicySelection.ParseDate(pricesOn, "--prices-on") : knownOn
                ?? throw new UsageException("--events needs the nowcast day: give --as-known-on or --prices-on.");
            if (knownOn is { } k2 && k2 > nowcastOn)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--as-known-on {k2:yyyy-MM-dd} is after the nowcast day {nowcastOn:yyyy-MM-dd}: balance sheets filed after the day would be used."));
            }

            knownOn ??= nowcastOn;
            announcements = AnnouncementCsv.Read(eventsFile.FullName);
            var pricesFile = parse.GetValue(Prices.Prices);
            history = pricesFile is null ? PriceHistoryCsv.BuiltIn() : PriceHistoryCsv.Read(pricesFile.FullName);
            historyName = pricesFile?.Name ?? "the built-in prices";
            knownNote = string.Create(CultureInfo.InvariantCulture, $", as known on {knownOn:yyyy-MM-dd}") + Nowcasting.NowcastText.Heading(nowcastOn.Value, announcements.Announcements.Count);
        }

        var marketPrices = eventsFile is null ? Prices.Resolve(parse, ctx.Clock) : null;
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
            string? dateText = parse.GetValue(Selection.Date);
            string inForce = string.Empty;
            if (dateText is not null || parse.GetValue(Selection.Provider) is not null)
            {
                var on = dateText is null ? ctx.Clock.GetCurrentInstant().InUtc().Date : PolicySelection.ParseDate(dateText, "--date");
                inForce = string.Create(CultureInfo.InvariantCulture, $", in force on {on:yyyy-MM-dd}{(dateText is null ? " (today, UTC)" : string.Empty)}");
                if (dateText is null && noteToday)
                {
                    ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"note: today is {on:yyyy-MM-dd} (UTC): {policy.Id} is the {policy.Provider} policy in force."));
                }
            }

            heading = string.Create(CultureInfo.InvariantCulture, $"DAT screen under {policy}{inForce}{knownNote}");
        }

        // Point in time on the embedded dataset: every balance sheet, not only each company's latest.
        char separator = parse.GetValue(Delimiter) switch
        {
            "," => ',',
            ";" => ';',
            var other => throw new UsageException($"--delimiter must be ',' or ';'; was '{other}'."),
        };
        NumberCulture? numberCulture;
        try
        {
            numberCulture = parse.GetValue(Culture) is { } cultureName ? NumberCulture.Get(cultureName) : null;
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--culture: " + e.Message[..(e.Message.IndexOf(" (Parameter", StringComparison.Ordinal) is int end and >= 0 ? end : e.Message.Length)]);
        }

        var frame = InputLoader.Load(parse.GetValue(Input), parse.GetValue(SkipInvalid), ctx, unread: unread, all: knownOn is not null, delimiter: separator, culture: numberCulture);
        if (parse.GetValue(Tickers) is { } tickerList)
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

        if (announcements is not null && history is not null && nowcastOn is { } day)
        {
            frame = frame.Nowcast(announcements, history, day, historyName);
        }

        if (parse.GetValue(MaxAge) is < 0)
        {
            throw new UsageException("--max-age must be 0 or more days.");
        }

        // Ages count to the screen's date: --date when given, else the nowcast day, else today (UTC) by the injected clock.
        var today = parse.GetValue(Selection.Date) is { } onText ? PolicySelection.ParseDate(onText, "--date") : nowcastOn ?? ctx.Clock.GetCurrentInstant().InUtc().Date;
        var report = (policy is null ? ScreenReport.Classify(frame, classifier, heading) : ScreenReport.Create(frame, policy, heading)).WithAge(today, parse.GetValue(MaxAge));
        return new Result(frame, report);
    }

    /// <summary>Writes what a point-in-time selection left out, a <c>note:</c> line each.</summary>
    public static void PrintNotes(SnapshotFrame frame, TextWriter writer)
    {
        foreach (string note in frame.SelectionNotes)
        {
            writer.WriteLine("note: " + note);
        }
    }
}
