namespace DatRules.Data;

/// <summary>One problem in an input file: where (line, column) and what.</summary>
/// <param name="Line">The 1-based line number in the file (0 when the problem is the whole file).</param>
/// <param name="Column">The column name, or null when the problem is not about one column.</param>
/// <param name="Message">What is wrong.</param>
public sealed record InputError(int Line, string? Column, string Message)
{
    /// <summary>Gets the error as "line 3, column 'total_assets_usd': ...".</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Line == 0 ? Message : Column is null ? $"line {Line}: {Message}" : $"line {Line}, column '{Column}': {Message}";
}
