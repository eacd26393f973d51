using System.Globalization;

namespace DatRules.Data;

/// <summary>
/// Writes <c>--format csv</c> for the analysis commands (outflow, headroom, sensitivity, history, policies, diff):
/// RFC 4180 (comma, CRLF-free LF lines, fields with a comma, quote or line break quoted, quotes doubled), numbers in
/// invariant culture at full precision, empty cells for missing values.
/// </summary>
/// <remarks>
/// Text cells that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or
/// carriage return) are prefixed with a single quote, as OWASP's CSV-injection guidance advises; numbers are never
/// prefixed, so a negative number stays a number. See docs/cli.md.
/// </remarks>
public static class CsvTable
{
    /// <summary>Writes a header line and one line per row.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="header">The column names.</param>
    /// <param name="rows">The rows: each cell a string, a number, a boolean, a date or null.</param>
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        output.WriteLine(string.Join(',', header.Select(h => Cell(h))));
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
            {
                throw new InvalidOperationException($"A CSV row has {row.Count} cells for {header.Count} columns.");
            }

            output.WriteLine(string.Join(',', row.Select(Cell)));
        }
    }

    /// <summary>Formats one cell.</summary>
    internal static string Cell(object? value) => value switch
    {
        null => string.Empty,
        string s => Text(s),
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        NodaTime.LocalDate date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => Text(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Text(value.ToString() ?? string.Empty),
    };

    private static string Text(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            s = "'" + s;
        }

        return s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
