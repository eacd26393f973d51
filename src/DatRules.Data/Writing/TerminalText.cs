using System.Globalization;
using System.Text;

namespace DatRules.Data;

/// <summary>
/// Makes input text safe to print on a terminal: control characters (C0, DEL, C1) and the Unicode controls that
/// reorder or hide text (bidirectional overrides and isolates, line and paragraph separators) are shown as
/// <c>\x1B</c> / <c>\u202E</c> escapes instead of reaching the terminal, where they could move the cursor, recolour or
/// rewrite the screen, or make one ticker look like another.
/// </summary>
internal static class TerminalText
{
    /// <summary>Returns <paramref name="text"/> with every such character escaped visibly.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The safe text (the same instance when nothing needs escaping).</returns>
    public static string Escape(string text)
    {
        int i = 0;
        while (i < text.Length && !IsUnsafe(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsUnsafe(c))
            {
                sb.Append(c);
            }
            else if (c <= 0xFF)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return sb.ToString();
    }

    private static bool IsUnsafe(char c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) || c is '\u2028' or '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F' || c == '\u061C';
}
