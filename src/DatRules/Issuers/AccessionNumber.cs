using System.Globalization;

namespace DatRules.Issuers;

/// <summary>
/// An SEC EDGAR accession number, the identifier of one filing: ten digits of the filer agent's CIK, two of the
/// year and six of a sequence, written <c>0001140361-25-040977</c>.
/// </summary>
/// <remarks>
/// Immutable. Parsed from the dashed form or the 18 bare digits used in EDGAR archive paths
/// (<c>/Archives/edgar/data/1849635/000114036125040977/</c>); always formatted dashed.
/// </remarks>
public readonly record struct AccessionNumber : IComparable<AccessionNumber>
{
    private readonly long _value;

    private AccessionNumber(long value) => _value = value;

    /// <summary>Parses an accession number.</summary>
    /// <param name="text">18 digits, dashed (<c>0001140361-25-040977</c>) or bare (<c>000114036125040977</c>).</param>
    /// <returns>The accession number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not an accession number.</exception>
    public static AccessionNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var result)
            ? result
            : throw new FormatException($"'{text}' is not an SEC accession number (expected 0001234567-25-012345 or 18 digits).");
    }

    /// <summary>Tries to parse an accession number.</summary>
    /// <param name="text">18 digits, dashed or bare.</param>
    /// <param name="result">The accession number, when the text is one.</param>
    /// <returns>Whether <paramref name="text"/> is an accession number.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out AccessionNumber result)
    {
        result = default;
        Span<char> digits = stackalloc char[18];
        if (text.Length == 20 && text[10] == '-' && text[13] == '-')
        {
            text[..10].CopyTo(digits);
            text.Slice(11, 2).CopyTo(digits[10..]);
            text.Slice(14, 6).CopyTo(digits[12..]);
        }
        else if (text.Length == 18)
        {
            text.CopyTo(digits);
        }
        else
        {
            return false;
        }

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value == 0)
        {
            return false;
        }

        result = new AccessionNumber(value);
        return true;
    }

    /// <summary>Gets the ten-digit CIK of the entity that submitted the filing (often a filing agent, not the issuer).</summary>
    public long FilerAgentCik => _value / 100_000_000;

    /// <summary>Compares two accession numbers by value.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(AccessionNumber left, AccessionNumber right) => left._value < right._value;

    /// <summary>Compares two accession numbers by value.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(AccessionNumber left, AccessionNumber right) => left._value > right._value;

    /// <summary>Compares two accession numbers by value.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether <paramref name="left"/> sorts before or equals <paramref name="right"/>.</returns>
    public static bool operator <=(AccessionNumber left, AccessionNumber right) => left._value <= right._value;

    /// <summary>Compares two accession numbers by value.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether <paramref name="left"/> sorts after or equals <paramref name="right"/>.</returns>
    public static bool operator >=(AccessionNumber left, AccessionNumber right) => left._value >= right._value;

    /// <inheritdoc />
    public int CompareTo(AccessionNumber other) => _value.CompareTo(other._value);

    /// <summary>Formats the number dashed: <c>0001140361-25-040977</c>.</summary>
    /// <returns>The dashed form.</returns>
    public override string ToString()
    {
        string d = _value.ToString("D18", CultureInfo.InvariantCulture);
        return $"{d[..10]}-{d[10..12]}-{d[12..]}";
    }
}
