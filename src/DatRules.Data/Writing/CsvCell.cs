namespace DatRules.Data;

/// <summary>
/// Writes one CSV output cell: quoted when it holds a comma, a quote or a line break (quotes doubled), and neutralised
/// against spreadsheet formula injection as OWASP advises: a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// a tab or a carriage return gets a leading <c>'</c>, so a spreadsheet shows it as text instead of evaluating it.
/// </summary>
internal static class CsvCell
{
    /// <summary>Appends a text cell.</summary>
    /// <param name="text">The output.</param>
    /// <param name="value">The cell's UTF-8 text.</param>
    public static void Write(Utf8Text text, ReadOnlySpan<byte> value)
    {
        bool neutralise = !value.IsEmpty && value[0] is (byte)'=' or (byte)'+' or (byte)'-' or (byte)'@' or (byte)'\t' or (byte)'\r';
        if (value.IndexOfAny(",\"\r\n"u8) < 0)
        {
            if (neutralise)
            {
                text.Append((byte)'\'');
            }

            text.Append(value);
            return;
        }

        text.Append((byte)'"');
        if (neutralise)
        {
            text.Append((byte)'\'');
        }

        int quote;
        while ((quote = value.IndexOf((byte)'"')) >= 0)
        {
            text.Append(value[..(quote + 1)]);
            text.Append((byte)'"');
            value = value[(quote + 1)..];
        }

        text.Append(value);
        text.Append((byte)'"');
    }

    /// <summary>Appends a text cell given as a string.</summary>
    /// <param name="text">The output.</param>
    /// <param name="value">The cell.</param>
    public static void Write(Utf8Text text, string value) => Write(text, System.Text.Encoding.UTF8.GetBytes(value));
}
