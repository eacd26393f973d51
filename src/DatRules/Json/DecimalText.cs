namespace DatRules.Json;

/// <summary>Exact decimal text: the one rule by which JSON numbers, CSV amounts and command-line numbers are refused when a <see cref="decimal"/> cannot hold them exactly.</summary>
public static class DecimalText
{
    /// <summary>Whether the number text <paramref name="text"/> ("050.10", "5.01e1") is exactly <paramref name="value"/>: same significant digits and magnitude, nothing rounded away.</summary>
    /// <param name="text">The text read.</param>
    /// <param name="value">The value parsed from it.</param>
    /// <returns>Whether nothing was lost.</returns>
    public static bool IsExact(string text, decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return JsonElementReader.IsExact(text.Trim(), value);
    }
}
