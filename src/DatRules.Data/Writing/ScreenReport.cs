using System.Globalization;
using DatRules.Classification;
using DatRules.Policies;
using DatRules.Screening;
using NodaTime;

namespace DatRules.Data;

/// <summary>
/// A screen of a <see cref="SnapshotFrame"/>: the <see cref="ScreeningEngine"/>'s answer for every row under a policy
/// (or a plain classification), written as CSV, JSON or a text table straight from the columns, with the domain's
/// reasons and action texts (<see cref="ReasonText"/>, <see cref="ActionText"/>). The CLI's <c>screen</c> is this class.
/// </summary>
public sealed class ScreenReport
{
    private readonly ScreenColumns _columns;

    private ScreenReport(ScreenColumns columns) => _columns = columns;

    /// <summary>Gets the columns written (for the other writers of this package).</summary>
    internal ScreenColumns Columns => _columns;

    /// <summary>Gets the engine's result (row i is frame row i).</summary>
    public PolicyScreening Screening => _columns.Screening;

    /// <summary>Gets the policy screened, or <see langword="null"/> for a plain classification.</summary>
    public IndexPolicy? Policy => _columns.Policy;

    /// <summary>Gets the heading of the table.</summary>
    public string Heading => _columns.Heading;

    /// <summary>Gets the number of rows.</summary>
    public int Count => _columns.Count;

    /// <summary>Screens a frame under a policy.</summary>
    /// <param name="frame">The rows.</param>
    /// <param name="policy">The policy.</param>
    /// <param name="heading">The table's heading; by default the policy.</param>
    /// <param name="engine">The engine; a default one if omitted.</param>
    /// <returns>The report.</returns>
    public static ScreenReport Create(SnapshotFrame frame, IndexPolicy policy, string? heading = null, ScreeningEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(policy);
        engine ??= new ScreeningEngine();
        var universe = frame.ToUniverse();
        var screening = engine.Screen(universe, policy);
        var ratioTest = policy.Criteria.Count == 1 && policy.RatioThreshold is not null ? screening
            : engine.Screen(universe, ClassificationOnly(policy.RatioThreshold ?? RatioThreshold.Msci, "ratio test"));
        return new ScreenReport(new ScreenColumns(frame.Table, universe, screening, policy, DatClassifier.Msci, ratioTest, null, heading ?? $"DAT screen under {policy}"));
    }

    /// <summary>Classifies every row of a frame by the digital-asset ratio alone.</summary>
    /// <param name="frame">The rows.</param>
    /// <param name="classifier">The classifier; MSCI's 50% test if omitted.</param>
    /// <param name="heading">The table's heading; by default the rule's name.</param>
    /// <param name="engine">The engine; a default one if omitted.</param>
    /// <returns>The report.</returns>
    public static ScreenReport Classify(SnapshotFrame frame, DatClassifier? classifier = null, string? heading = null, ScreeningEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        classifier ??= DatClassifier.Msci;
        engine ??= new ScreeningEngine();
        var universe = frame.ToUniverse();
        var screening = engine.Screen(universe, ClassificationOnly(classifier.Threshold, classifier.RuleName));
        return new ScreenReport(new ScreenColumns(frame.Table, universe, screening, null, classifier, null, null, heading ?? $"DAT screen: {classifier.RuleName}"));
    }

    /// <summary>Older than this many days a balance sheet is stale: <c>"stale": true</c> in JSON, counted in <see cref="StaleWarning"/>.</summary>
    public const int StaleDays = ScreenAge.StaleDays;

    /// <summary>Gets the date the balance sheets' ages are counted to (<see cref="WithAge"/>), or <see langword="null"/>.</summary>
    public LocalDate? AgeOn => _columns.Age?.Today;

    /// <summary>Gets the largest age judged (<see cref="WithAge"/>): older rows are indeterminate; <see langword="null"/> for any age.</summary>
    public int? MaxAgeDays => _columns.Age?.MaxAgeDays;

    /// <summary>
    /// Gets the warning on stale balance sheets, e.g. <c>2 balance sheets are more than 200 days old (oldest: AAA as of
    /// 2025-01-31, 307 days)</c>, or <see langword="null"/> when none is (or without <see cref="WithAge"/>).
    /// </summary>
    public string? StaleWarning
    {
        get
        {
            if (_columns.Age is not { } age)
            {
                return null;
            }

            int stale = 0, oldest = -1, oldestDays = int.MinValue;
            for (int i = 0; i < Count; i++)
            {
                int row = _columns.RowAt(i), days = age.AgeAt(_columns.Table, row);
                if (days > StaleDays)
                {
                    stale++;
                    (oldest, oldestDays) = days > oldestDays ? (row, days) : (oldest, oldestDays);
                }
            }

            return stale == 0 ? null : string.Create(
                CultureInfo.InvariantCulture,
                $"{stale} {(stale == 1 ? "balance sheet is" : "balance sheets are")} more than {StaleDays} days old (oldest: {_columns.Table.Ticker.StringAt(oldest)} as of {_columns.Table.AsOf.DateAt(oldest):yyyy-MM-dd}, {oldestDays} days)");
        }
    }

    /// <summary>
    /// Returns the report with each balance sheet's age on <paramref name="today"/> (the JSON's <c>ageDays</c> and
    /// <c>stale</c>, the table's footer, <see cref="StaleWarning"/>); rows older than <paramref name="maxAgeDays"/> become
    /// indeterminate in <see cref="Screening"/> (no action), their first reason
    /// <see cref="ReasonText.StaleBalanceSheet"/>.
    /// </summary>
    /// <param name="today">The date ages are counted to: the screen's date (a clock's today, or the date screened for).</param>
    /// <param name="maxAgeDays">The largest age judged, in days, or <see langword="null"/> for any age.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAgeDays"/> is negative.</exception>
    public ScreenReport WithAge(LocalDate today, int? maxAgeDays = null)
    {
        if (maxAgeDays is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(maxAgeDays));
        }

        var age = new ScreenAge(today, maxAgeDays);
        var table = _columns.Table;
        var screening = maxAgeDays is null
            ? _columns.Screening
            : _columns.Screening.WithIndeterminate(Enumerable.Range(0, Count).Select(_columns.RowAt).Where(row => age.TooOld(table, row)));
        return new ScreenReport(_columns with { Screening = screening, Age = age });
    }

    /// <summary>Gets the age in days of a row's balance sheet on <see cref="AgeOn"/>, or <see langword="null"/> without <see cref="WithAge"/>.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The age (negative when the balance sheet is dated after <see cref="AgeOn"/>).</returns>
    public int? AgeDaysAt(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        return _columns.Age?.AgeAt(_columns.Table, row);
    }

    /// <summary>Gets the reasons of a row, as the domain words them (<see cref="DatClassifier.Classify"/>, <see cref="IndexPolicy.Evaluate"/>).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The reasons.</returns>
    public IReadOnlyList<string> ReasonsAt(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        var writer = new ReasonWriter(_columns.Table, _columns.Policy, _columns.Classifier, _columns.Age);
        row = _columns.RowAt(row);
        writer.Build(row, Screening.ClassificationAt(row));
        return [.. Enumerable.Range(0, writer.Count).Select(i => System.Text.Encoding.UTF8.GetString(writer[i]))];
    }

    /// <summary>
    /// Gets whether the CSV has the provenance columns (cik, filed, accession, form, source): some row written has a
    /// provenance (<see cref="ProvenanceAt"/>).
    /// </summary>
    public bool HasProvenance
    {
        get
        {
            var table = _columns.Table;
            return table.HasProvenance && Enumerable.Range(0, Count).Any(i => table.ProvenanceAt(_columns.RowAt(i)) is not null);
        }
    }

    /// <summary>Gets the ticker of a row (the CSV's <c>ticker</c>).</summary>
    /// <param name="row">The row, in the order written.</param>
    /// <returns>The ticker.</returns>
    public string TickerAt(int row) => _columns.Table.Ticker.StringAt(Row(row)) ?? string.Empty;

    /// <summary>Gets the company name of a row (the input's <c>name</c> column, shown by the JSON and the table), or <see langword="null"/> when it has none.</summary>
    /// <param name="row">The row, in the order written.</param>
    /// <returns>The name.</returns>
    public string? NameAt(int row) => _columns.Table.Store<TextColumn>("name")?.StringAt(Row(row));

    /// <summary>
    /// Gets the threshold of the ratio test (<see cref="RatioTestClassificationAt"/>, and of a plain classification): the
    /// policy's own ratio threshold, MSCI's 50% when the policy has none, or the classifier's threshold without a policy.
    /// </summary>
    public RatioThreshold RatioTestThreshold => Policy is { } policy ? policy.RatioThreshold ?? RatioThreshold.Msci : _columns.Classifier.Threshold;

    /// <summary>Gets the balance-sheet date of a row (the CSV's <c>as_of</c>).</summary>
    /// <param name="row">The row, in the order written.</param>
    /// <returns>The date, or <see langword="null"/> when the row has none.</returns>
    public LocalDate? AsOfAt(int row) => _columns.Table.AsOf.DateAt(Row(row));

    /// <summary>Gets the classification of a row (the CSV's <c>classification</c>).</summary>
    /// <param name="row">The row, in the order written.</param>
    /// <returns>The classification.</returns>
    public DatClassification ClassificationAt(int row) => Screening.ClassificationAt(Row(row));

    /// <summary>Gets the digital-asset ratio of a row as the CSV writes it (<c>digital_asset_ratio</c>, a fraction), or <see langword="null"/> when the CSV's cell is empty.</summary>
    /// <param name="row">The row, in the order written.</param>
    /// <returns>The ratio.</returns>
    public decimal? RatioAt(int row)
    {
        var text = new Utf8Text(32);
        ScreenColumnsWriter.Ratio(text, _columns, Row(row));
        return text.Length == 0 ? null : decimal.Parse(text.Span, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Gets the action of a row under the policy (the CSV's <c>action</c>), or <see langword="null"/> without a policy.</summary>
    /// <param name="row">The row, in the order written.</param>
    /// <returns>The action text (<see cref="ActionText.Describe"/>).</returns>
    public string? ActionAt(int row)
    {
        int r = Row(row);
        return Policy is null ? null : ActionText.Describe(Policy, Screening.ClassificationAt(r), Screening.ActionAt(r));
    }

    /// <summary>Gets the classification of a row by the ratio test alone (the CSV's <c>ratio_test_classification</c>), or <see langword="null"/> without a policy.</summary>
    /// <param name="row">The row, in the order written.</param>
    /// <returns>The classification.</returns>
    public DatClassification? RatioTestClassificationAt(int row) => _columns.RatioTest?.ClassificationAt(Row(row));

    /// <summary>Gets the provenance of a row (the CSV's cik, filed, accession, form and source), or <see langword="null"/>.</summary>
    /// <param name="row">The row, in the order written.</param>
    /// <returns>The provenance.</returns>
    public DatRules.Issuers.Provenance? ProvenanceAt(int row) => _columns.Table.ProvenanceAt(Row(row));

    /// <summary>Gets whether a row's ratio is an estimate (the CSV's <c>estimate</c>).</summary>
    /// <param name="row">The row, in the order written.</param>
    /// <returns>Whether it is.</returns>
    public bool IsEstimateAt(int row) => _columns.Table.IsRatioEstimateAt(Row(row));

    /// <summary>Writes the CSV: ticker, as_of, classification, ratio (and policy, action, ratio test; provenance; estimate and reasons).</summary>
    /// <param name="output">The stream, left open.</param>
    /// <param name="withReasons">Whether to write the estimate and reasons columns.</param>
    public void WriteCsv(Stream output, bool withReasons = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ScreenColumnsWriter.WriteCsv(_columns, withReasons, output.Write);
        output.Flush();
    }

    /// <summary>Writes the JSON array, one object per row with its reasons.</summary>
    /// <param name="output">The stream, left open.</param>
    public void WriteJson(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ScreenColumnsWriter.WriteJson(_columns, output.Write);
        output.Flush();
    }

    /// <summary>Writes the text table (80 columns).</summary>
    /// <param name="output">The stream, left open.</param>
    public void WriteTable(Stream output) => WriteTable(output, wide: false);

    /// <summary>Writes the text table: 80 columns (long names cut with "~"), or wide (nothing cut, column widths following the content).</summary>
    /// <param name="output">The stream, left open.</param>
    /// <param name="wide">Whether to write the wide table (for files and pipes, where no terminal width applies).</param>
    public void WriteTable(Stream output, bool wide)
    {
        ArgumentNullException.ThrowIfNull(output);
        ScreenColumnsWriter.WriteTable(_columns, wide, output.Write);
        output.Flush();
    }

    private int Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        return _columns.RowAt(row);
    }

    private static IndexPolicy ClassificationOnly(RatioThreshold threshold, string ruleName) => IndexPolicy.ClassificationOnly(threshold, ruleName);
}
