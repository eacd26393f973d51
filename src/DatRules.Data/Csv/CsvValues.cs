using DatRules.Issuers;

namespace DatRules.Data;

/// <summary>The snapshot CSV's rules for single values, for readers and writers of related files (exposures, imports).</summary>
public static class CsvValues
{
    /// <summary>Parses an amount as the snapshot CSV does: plain decimal notation, exact (never rounded), not negative.</summary>
    /// <param name="text">The cell.</param>
    /// <param name="column">The column, for errors.</param>
    /// <param name="required">Whether an empty cell is an error.</param>
    /// <param name="line">The line, for errors.</param>
    /// <param name="errors">Where problems go.</param>
    /// <returns>The amount, or <see langword="null"/>.</returns>
    public static decimal? Amount(ReadOnlySpan<char> text, string column, bool required, int line, List<InputError> errors) =>
        SnapshotCsvReader.Amount(text, column, required, line, errors);

    /// <summary>Gets the column name of a line item: its name for balances, name + "_quarter" for flows.</summary>
    /// <param name="item">The line item.</param>
    /// <returns>The column name.</returns>
    public static string ColumnOf(LineItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return LineItemCsvColumns.ColumnOf(item);
    }
}
