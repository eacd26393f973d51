using System.Globalization;
using DatRules.Classification;
using DatRules.Cli.Input;
using DatRules.Cli.Output;
using DatRules.Issuers;
using DatRules.Policies;
using DatRules.Screening;
using NodaTime;

namespace DatRules.Cli.Commands;

/// <summary>
/// <c>screen</c> for every output format: the CSV is read into columns (<see cref="SnapshotCsvReader"/>), the
/// <see cref="ScreeningEngine"/> classifies the columnar <see cref="Universe"/>, and the output is written from the
/// columns (<see cref="ScreenColumnsWriter"/>). Same answers and texts as the domain (tests compare them).
/// </summary>
internal static class ColumnarScreen
{
    /// <summary>Columns the CSV output never shows nor any reason reads (the JSON and the table show the name): not stored.</summary>
    private static readonly string[] NotInCsv = ["name", "country"];

    /// <summary>Screens a CSV file (or the embedded dataset) and writes the chosen format.</summary>
    /// <param name="input">The file (<c>-</c> for standard input), or <see langword="null"/> for the embedded dataset.</param>
    /// <param name="skipInvalid">Skip invalid rows (with a warning each) instead of failing.</param>
    /// <param name="policy">The policy, or <see langword="null"/> for a plain classification.</param>
    /// <param name="classifier">The classifier when there is no policy.</param>
    /// <param name="format">The output format.</param>
    /// <param name="withReasons">CSV only: whether to write the estimate and reasons columns.</param>
    /// <param name="knownOn">The point in time, or <see langword="null"/> for every row.</param>
    /// <param name="heading">The table's heading.</param>
    /// <param name="ctx">Where to write.</param>
    /// <param name="prices">Prices to mark holdings to market with, or <see langword="null"/> for balance-sheet values.</param>
    public static void Run(FileInfo? input, bool skipInvalid, IndexPolicy? policy, DatClassifier classifier, OutputFormat format, bool withReasons, LocalDate? knownOn, string heading, CliContext ctx, MarketPrices? prices = null)
    {
        // Point in time on the embedded dataset: every balance sheet, not only each company's latest.
        var table = input is null && knownOn is not null
            ? EmbeddedDataset.LoadAllTable(EmbeddedDataset.ResourceName)
            : InputLoader.LoadTable(input, skipInvalid, ctx, unread: format == OutputFormat.Csv ? NotInCsv : null);
        var notes = new List<string>();
        int[]? rows = knownOn is { } date ? SelectKnownOn(table, date, notes, ctx.Error) : null;
        if (prices is not null)
        {
            table = MarkedToMarket.Table(table, prices);
        }

        // Line-item criteria read the snapshots' line items (and earlier quarters' flows): the universe is built from them.
        var universe = policy is { ReadsLineItems: true } ? Universe.From(table.ToSnapshots()) : table.BuildUniverse();
        var engine = new ScreeningEngine();
        var screening = engine.Screen(universe, policy ?? ClassificationOnly(classifier.Threshold, classifier.RuleName));
        var ratioTest = policy is null ? null
            : policy.Criteria.Count == 1 && policy.RatioThreshold is not null ? screening
            : engine.Screen(universe, ClassificationOnly(policy.RatioThreshold ?? RatioThreshold.Msci, "ratio test"));
        var screen = new ScreenColumns(table, universe, screening, policy, classifier, ratioTest, rows, heading);
        switch (format)
        {
            case OutputFormat.Csv:
                ScreenColumnsWriter.WriteCsv(screen, withReasons, ctx.WriteUtf8);
                break;
            case OutputFormat.Json:
                ScreenColumnsWriter.WriteJson(screen, ctx.WriteUtf8);
                break;
            default:
                ScreenColumnsWriter.WriteTable(screen, ctx.WriteUtf8);
                break;
        }

        // What a point-in-time screen left out: under the table (part of the report), on standard error for data formats.
        var noteWriter = format == OutputFormat.Table ? ctx.Out : ctx.Error;
        foreach (string note in notes)
        {
            noteWriter.WriteLine(note);
        }
    }

    /// <summary>The point-in-time selection as table rows; what it leaves out goes to standard error, one line per ticker.</summary>
    private static int[] SelectKnownOn(SnapshotTable table, LocalDate date, List<string> notes, TextWriter error)
    {
        var snapshots = table.ToSnapshots();
        var rowOf = new Dictionary<IssuerSnapshot, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < snapshots.Count; i++)
        {
            rowOf[snapshots[i]] = i;
        }

        var selection = PointInTime.KnownOn(snapshots, date);
        foreach (var later in selection.NotYetKnown)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"note: {later.Issuer.Ticker}: no balance sheet filed by {date:yyyy-MM-dd} (first: as of {later.AsOf:yyyy-MM-dd}, filed {later.Provenance!.Filed:yyyy-MM-dd}); not screened."));
        }

        foreach (var undated in selection.Undated)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"note: {undated.Issuer.Ticker} as of {undated.AsOf:yyyy-MM-dd}: no filed date, so it cannot be placed in time; not screened."));
        }

        if (selection.Snapshots.IsEmpty)
        {
            foreach (string note in notes)
            {
                error.WriteLine(note);
            }

            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"No balance sheet in the input was filed on or before {date:yyyy-MM-dd}."));
        }

        return selection.Snapshots.Select(s => rowOf[s]).ToArray();
    }

    /// <summary>A policy with a threshold and no action: the engine's form of a plain classification.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <param name="ruleName">The rule's name.</param>
    /// <returns>The policy.</returns>
    internal static IndexPolicy ClassificationOnly(RatioThreshold threshold, string ruleName) => IndexPolicy.CreateBuilder("classification")
        .For(new IndexProvider("none"), "classification only")
        .Dated(LocalDate.MinIsoValue, LocalDate.MinIsoValue)
        .WithRatioThreshold(threshold)
        .OnMatch(PolicyAction.None, PolicyAction.None)
        .CitedFrom(new PolicySource(ruleName, "DatRules", LocalDate.MinIsoValue))
        .Build();
}
