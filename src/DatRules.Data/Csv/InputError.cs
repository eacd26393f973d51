namespace DatRules.Data;

/// <summary>One problem in an input file: where (line or row, column) and what.</summary>
/// <param name="Line">
/// The 1-based line number in the file, or with <see cref="IsRow"/> the 1-based data row (formats without lines, such as
/// Parquet); 0 when the problem is the whole file or a whole column.
/// </param>
/// <param name="Column">The column name, or null when the problem is not about one column.</param>
/// <param name="Message">What is wrong.</param>
public sealed record InputError(int Line, string? Column, string Message)
{
    /// <summary>Gets a value indicating whether <see cref="Line"/> counts data rows (row 1 is the first row after the header) instead of lines.</summary>
    /// <value>The default is <see langword="false"/>: a line of a text file.</value>
    public bool IsRow { get; init; }

    /// <summary>Gets the error as "line 3, column 'total_assets_usd': ...", "row 3, column ...", or "column 'x': ..." for a whole column.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string place = IsRow ? "row" : "line";
        return Line == 0
            ? Column is null ? Message : $"column '{Column}': {Message}"
            : Column is null ? $"{place} {Line}: {Message}" : $"{place} {Line}, column '{Column}': {Message}";
    }
}
