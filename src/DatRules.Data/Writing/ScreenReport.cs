using DatRules.Classification;
using DatRules.Policies;
using DatRules.Screening;

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

    /// <summary>Gets the reasons of a row, as the domain words them (<see cref="DatClassifier.Classify"/>, <see cref="IndexPolicy.Evaluate"/>).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The reasons.</returns>
    public IReadOnlyList<string> ReasonsAt(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        var writer = new ReasonWriter(_columns.Table, _columns.Policy, _columns.Classifier);
        writer.Build(row, Screening.ClassificationAt(row));
        return [.. Enumerable.Range(0, writer.Count).Select(i => System.Text.Encoding.UTF8.GetString(writer[i]))];
    }

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
    public void WriteTable(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ScreenColumnsWriter.WriteTable(_columns, output.Write);
        output.Flush();
    }

    private static IndexPolicy ClassificationOnly(RatioThreshold threshold, string ruleName) => IndexPolicy.ClassificationOnly(threshold, ruleName);
}
