using System.Globalization;
using DatRules.Issuers;

namespace DatRules.Data;

/// <summary>
/// The snapshot CSV format as a table: every column the reader knows, in the order their errors are reported.
/// A new optional column is one entry here (name, kind) and one read of it where rows become snapshots
/// (<see cref="SnapshotTable.ToSnapshot"/>); the reader, its checks and its storage need no other change.
/// </summary>
internal static class SnapshotSchema
{
    /// <summary>The columns, in error-report order. Unknown header names are ignored.</summary>
    internal static readonly SnapshotColumn[] Columns =
    [
        new("ticker", ColumnKind.Text, RequiredColumn: true, RequiredValue: true),
        new("as_of", ColumnKind.Date, RequiredColumn: true, RequiredValue: true),
        new("digital_assets_usd", ColumnKind.Amount, RequiredColumn: true, RequiredValue: true),
        new("total_assets_usd", ColumnKind.Amount, RequiredColumn: true),
        .. HoldingKindCsvColumns.All.Select(k => new SnapshotColumn(k.Column, ColumnKind.Amount)),
        new("units", ColumnKind.Amount),
        new("shares_outstanding", ColumnKind.Amount),
        new("market_cap_usd", ColumnKind.Amount),
        new("index_constituent", ColumnKind.Flag),
        new("self_described_dat", ColumnKind.Flag),
        new("capital_raised_for_digital_assets", ColumnKind.Flag),
        new("cik", ColumnKind.Text, Check: CheckCik),
        new("filed", ColumnKind.Date),
        new("accession", ColumnKind.Text, Check: v => AccessionNumber.TryParse(v, out _) ? null : $"'{v}' is not an SEC accession number (0001234567-25-012345)"),
        new("currency", ColumnKind.Text, Check: v => v.Length == 3 && v.All(char.IsAsciiLetterUpper) ? null : $"'{v}' is not an ISO 4217 code of three capital letters (e.g. USD, JPY)"),
        new("name", ColumnKind.Text),
        new("country", ColumnKind.Text),
        new("asset", ColumnKind.Text),
        new("estimated_fields", ColumnKind.Text),
        new("source", ColumnKind.Text),
        new("form", ColumnKind.Text),
        new("concepts", ColumnKind.Text),

        // Line items (issue 16): balances are amounts (>= 0); flows of the quarter ending on as_of may be negative.
        .. LineItem.WellKnown.Where(i => !i.IsIntrinsic).Select(i => i.Kind == LineItemKind.Balance
            ? new SnapshotColumn(LineItemCsvColumns.ColumnOf(i), ColumnKind.Amount)
            : new SnapshotColumn(LineItemCsvColumns.ColumnOf(i), ColumnKind.Text, Check: CheckSigned)),
    ];

    /// <summary>The names of the required columns.</summary>
    internal static readonly string[] RequiredColumns = Columns.Where(c => c.RequiredColumn).Select(c => c.Name).ToArray();

    /// <summary>Parses a CIK as the reader accepts it: 1 to 10 digits, optionally prefixed CIK.</summary>
    /// <param name="text">The value.</param>
    /// <returns>The CIK, or <see langword="null"/>.</returns>
    internal static long? ParseCik(string text)
    {
        var digits = text.StartsWith("CIK", StringComparison.OrdinalIgnoreCase) ? text.AsSpan(3) : text.AsSpan();
        return digits.Length <= 10 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long v) && v > 0 ? v : null;
    }

    /// <summary>Parses a flow amount: plain decimal notation, a leading minus allowed.</summary>
    internal static decimal? ParseSigned(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal v) ? v : null;

    private static string? CheckSigned(string v) => ParseSigned(v) is null ? $"'{v}' is not a number (expected plain decimal notation such as -1234.56)" : null;

    private static string? CheckCik(string v) => ParseCik(v) is null ? $"'{v}' is not an SEC CIK (1 to 10 digits, optionally prefixed CIK)" : null;
}
