using System.Globalization;
using System.Text;

namespace DatRules.Data;

/// <summary>
/// How a culture writes amounts: its decimal separator and its digit-group separator (<c>1.234,56</c> in de-DE). The
/// snapshot reader takes plain decimal notation (<c>1234.56</c>) unless <see cref="SnapshotReadOptions.Culture"/> names
/// one of these. The separators are data, not the operating system's: the CLI runs with invariant globalization (no
/// ICU), and a reader must read a file the same way on every machine. The values are CLDR's (docs/cli.md cites it; a
/// test compares them with .NET's ICU data where that is installed).
/// </summary>
/// <param name="Name">The culture's name (BCP 47, e.g. de-DE).</param>
/// <param name="DecimalSeparator">The decimal separator.</param>
/// <param name="GroupSeparator">The digit-group separator (groups of three digits).</param>
public sealed record NumberCulture(string Name, char DecimalSeparator, char GroupSeparator)
{
    /// <summary>Gets the cultures <see cref="Get"/> knows.</summary>
    public static IReadOnlyList<NumberCulture> Known { get; } =
    [
        new("de-DE", ',', '.'),
        new("es-ES", ',', '.'),
        new("it-IT", ',', '.'),
        new("nl-NL", ',', '.'),
        new("pt-BR", ',', '.'),
        new("en-US", '.', ','),
        new("en-GB", '.', ','),
    ];

    /// <summary>Gets a known culture by name (ignoring case).</summary>
    /// <param name="name">The name, e.g. de-DE.</param>
    /// <returns>The culture.</returns>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Known"/> (the message lists them).</exception>
    public static NumberCulture Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Known.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{name}' is not a known number culture; known: {string.Join(", ", Known.Select(c => c.Name))}.", nameof(name));
    }

    /// <summary>Gets an example amount in this culture's notation, e.g. <c>1.234,56</c>.</summary>
    public string Example => string.Create(CultureInfo.InvariantCulture, $"1{GroupSeparator}234{DecimalSeparator}56");

    /// <summary>
    /// Rewrites an amount in this culture's notation to plain decimal notation: an optional sign, digits (grouped by
    /// threes with the group separator, or not grouped at all), an optional decimal separator followed by digits.
    /// </summary>
    /// <param name="text">The amount, e.g. <c>1.234,56</c>.</param>
    /// <param name="plain">The amount in plain decimal notation, e.g. <c>1234.56</c>.</param>
    /// <returns>Whether the text is such an amount.</returns>
    internal bool TryToPlain(ReadOnlySpan<char> text, out string plain)
    {
        plain = string.Empty;
        var o = new StringBuilder(text.Length);
        int i = 0;
        if (i < text.Length && text[i] is '-' or '+')
        {
            o.Append(text[i++]);
        }

        int start = i, groupDigits = -1, firstGroup = 0;
        bool grouped = false;
        for (; i < text.Length && text[i] != DecimalSeparator; i++)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                o.Append(c);
                if (grouped)
                {
                    groupDigits++;
                }
                else
                {
                    firstGroup++;
                }
            }
            else if (c == GroupSeparator)
            {
                // 1.234.567: a first group of one to three digits, then groups of exactly three.
                if (grouped ? groupDigits != 3 : firstGroup is 0 or > 3)
                {
                    return false;
                }

                grouped = true;
                groupDigits = 0;
            }
            else
            {
                return false;
            }
        }

        if (i == start || (grouped && groupDigits != 3))
        {
            return false;
        }

        if (i < text.Length)
        {
            o.Append('.');
            int decimals = 0;
            for (i++; i < text.Length; i++, decimals++)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    return false;
                }

                o.Append(text[i]);
            }

            if (decimals == 0)
            {
                return false;
            }
        }

        plain = o.ToString();
        return true;
    }
}
