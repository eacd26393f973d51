using DatRules.Classification;

namespace DatRules.Data.Formats;

/// <summary>The kind of a screen column: how a binary format types it.</summary>
internal enum ScreenColumnKind
{
    Text,
    Date,
    Ratio,
    Integer,
    Boolean,
}

/// <summary>One column of a screen as the CSV names it, with its values from <see cref="ScreenReport"/>'s public row API.</summary>
/// <param name="Name">The CSV's column name.</param>
/// <param name="Kind">The type.</param>
/// <param name="Value">The value of a row: string, <see cref="LocalDate"/>, decimal, long or bool; <see langword="null"/> when the CSV's cell is empty.</param>
internal sealed record ScreenColumn(string Name, ScreenColumnKind Kind, Func<int, object?> Value)
{
    /// <summary>The columns of <see cref="ScreenReport.WriteCsv(Stream, bool)"/>, in its order.</summary>
    /// <param name="report">The screen.</param>
    /// <param name="withReasons">Whether the estimate and reasons columns are written.</param>
    /// <returns>The columns.</returns>
    public static IReadOnlyList<ScreenColumn> Of(ScreenReport report, bool withReasons)
    {
        var columns = new List<ScreenColumn>
        {
            new("ticker", ScreenColumnKind.Text, report.TickerAt),
            new("as_of", ScreenColumnKind.Date, i => report.AsOfAt(i)),
            new("classification", ScreenColumnKind.Text, i => ClassName(report.ClassificationAt(i))),
            new("digital_asset_ratio", ScreenColumnKind.Ratio, i => report.RatioAt(i)),
        };
        if (report.Policy is { } policy)
        {
            columns.Add(new("policy", ScreenColumnKind.Text, _ => policy.Id));
            columns.Add(new("action", ScreenColumnKind.Text, report.ActionAt));
            columns.Add(new("ratio_test_classification", ScreenColumnKind.Text, i => report.RatioTestClassificationAt(i) is { } c ? ClassName(c) : null));
        }

        if (report.HasProvenance)
        {
            columns.Add(new("cik", ScreenColumnKind.Integer, i => report.ProvenanceAt(i)?.Cik is { } cik ? (long)cik : null));
            columns.Add(new("filed", ScreenColumnKind.Date, i => report.ProvenanceAt(i)?.Filed));
            columns.Add(new("accession", ScreenColumnKind.Text, i => report.ProvenanceAt(i)?.Accession?.ToString()));
            columns.Add(new("form", ScreenColumnKind.Text, i => report.ProvenanceAt(i)?.Form));
            columns.Add(new("source", ScreenColumnKind.Text, i => report.ProvenanceAt(i)?.Source));
        }

        if (withReasons)
        {
            columns.Add(new("estimate", ScreenColumnKind.Boolean, i => report.IsEstimateAt(i)));
            columns.Add(new("reasons", ScreenColumnKind.Text, i => string.Join(" | ", report.ReasonsAt(i))));
        }

        return columns;
    }

    private static string ClassName(DatClassification c) => c.ToString();
}
