using System.CommandLine;
using System.Globalization;
using DatRules.Classification;
using DatRules.Cli.Output;

namespace DatRules.Cli.Commands;

/// <summary><c>datrules screen</c>: classifies every company of a dataset.</summary>
internal static class ScreenCommand
{
    public static Command Create(CliContext ctx)
    {
        var selection = new PolicySelection();
        var input = CommonOptions.Input();
        var format = CommonOptions.Format();
        var skipInvalid = CommonOptions.SkipInvalid();
        var threshold = new Option<decimal?>("--threshold", "-t")
        {
            Description = "Threshold in percent of total assets (inclusive, >=). Default: MSCI's 50.",
        };

        var noReasons = new Option<bool>("--no-reasons")
        {
            Description = "CSV only: omit the estimate and reasons columns (ticker,as_of,classification,digital_asset_ratio[,policy,action]); fastest for large files.",
        };
        var asKnownOn = new Option<string?>("--as-known-on")
        {
            Description = "Point in time (yyyy-MM-dd): for each ticker, screen the latest balance sheet filed on or before this date (no look-ahead).",
            HelpName = "date",
        };
        var command = new Command("screen", "Classify each company as an operating company or a digital-asset treasury (DAT).")
        {
            input, threshold, format, skipInvalid, noReasons, asKnownOn,
        };
        selection.AddTo(command);

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
            // Line-item policies take the domain path: the columnar CSV path reads only digital and total assets.
            // The columnar path is for files; the embedded dataset is small and screened per company (its latest balance sheet).
            if (parse.GetValue(format) == OutputFormat.Csv && knownOn is null && policy is not { ReadsLineItems: true } && parse.GetValue(input) is not null)
            {
                ColumnarScreen.Run(parse.GetValue(input), parse.GetValue(skipInvalid), policy, classifier, !parse.GetValue(noReasons), ctx);
                return ExitCodes.Ok;
            }

            IReadOnlyList<DatRules.Issuers.IssuerSnapshot> snapshots = knownOn is not null && parse.GetValue(input) is null
                ? Input.EmbeddedDataset.LoadAll()
                : InputLoader.Load(parse.GetValue(input), parse.GetValue(skipInvalid), ctx);
            string knownNote = string.Empty;
            if (knownOn is { } date)
            {
                snapshots = SelectKnownOn(snapshots, date, ctx);
                knownNote = string.Create(CultureInfo.InvariantCulture, $", as known on {date:yyyy-MM-dd}");
            }

            if (policy is not null)
            {
                var decisions = snapshots.Select(s => ScreenRow.From(policy.Evaluate(s))).ToList();
                ScreenWriter.Write(decisions, parse.GetValue(format), ctx.Out, $"DAT screen under {policy.Id} ({policy.Provider}, {policy.Status}, effective {policy.EffectiveOn:yyyy-MM-dd}){knownNote}");
                return ExitCodes.Ok;
            }

            var rows = snapshots.Select(s => ScreenRow.From(classifier.Classify(s))).ToList();
            ScreenWriter.Write(rows, parse.GetValue(format), ctx.Out, $"DAT screen: {classifier.RuleName}{knownNote}");
            return ExitCodes.Ok;
        });

        return command;
    }

    /// <summary>The point-in-time selection; what it leaves out goes to standard error, one line per ticker.</summary>
    private static System.Collections.Immutable.ImmutableArray<DatRules.Issuers.IssuerSnapshot> SelectKnownOn(IReadOnlyList<DatRules.Issuers.IssuerSnapshot> snapshots, NodaTime.LocalDate date, CliContext ctx)
    {
        var selection = DatRules.Issuers.PointInTime.KnownOn(snapshots, date);
        foreach (var later in selection.NotYetKnown)
        {
            ctx.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"note: {later.Issuer.Ticker}: no balance sheet filed by {date:yyyy-MM-dd} (first: as of {later.AsOf:yyyy-MM-dd}, filed {later.Provenance!.Filed:yyyy-MM-dd}); not screened."));
        }

        foreach (var undated in selection.Undated)
        {
            ctx.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"note: {undated.Issuer.Ticker} as of {undated.AsOf:yyyy-MM-dd}: no filed date, so it cannot be placed in time; not screened."));
        }

        if (selection.Snapshots.IsEmpty)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"No balance sheet in the input was filed on or before {date:yyyy-MM-dd}."));
        }

        return selection.Snapshots;
    }
}
