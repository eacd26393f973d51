namespace DatRules.Data;

/// <summary>One column of the snapshot CSV format: its name, how it is parsed, whether it must be present.</summary>
/// <param name="Name">The header name (exact, case-sensitive).</param>
/// <param name="Kind">How values are parsed and stored.</param>
/// <param name="RequiredColumn">Whether the header must name the column.</param>
/// <param name="RequiredValue">Whether every row must give a value.</param>
/// <param name="Check">For text columns: returns what is wrong with a non-empty value, or <see langword="null"/>.</param>
internal sealed record SnapshotColumn(
    string Name,
    ColumnKind Kind,
    bool RequiredColumn = false,
    bool RequiredValue = false,
    Func<string, string?>? Check = null);
