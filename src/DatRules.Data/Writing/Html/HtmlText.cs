using System.Text;

namespace DatRules.Data;

/// <summary>
/// Text from the input made safe in HTML (element content and quoted attribute values alike): <c>&amp;</c>, <c>&lt;</c>,
/// <c>&gt;</c>, <c>"</c> and <c>'</c> as character references, and the control characters that
/// <see cref="TerminalText"/> shows visibly (C0, C1, bidirectional overrides) as its <c>\x1B</c> / <c>\u202E</c> escapes.
/// </summary>
internal static class HtmlText
{
    /// <summary>Appends <paramref name="text"/> escaped.</summary>
    /// <param name="sb">The output.</param>
    /// <param name="text">The text; nothing for <see langword="null"/>.</param>
    /// <returns><paramref name="sb"/>.</returns>
    public static StringBuilder AppendEscaped(this StringBuilder sb, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return sb;
        }

        foreach (char c in TerminalText.Escape(text))
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }

        return sb;
    }

    /// <summary>Returns <paramref name="text"/> escaped.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string Escape(string? text) => new StringBuilder().AppendEscaped(text).ToString();

    /// <summary>
    /// Returns <paramref name="url"/> when it is an absolute <c>https</c> or <c>http</c> address (the only kinds the
    /// report links to: a <c>javascript:</c> or <c>data:</c> address from a policy file never becomes a link), else
    /// <see langword="null"/>.
    /// </summary>
    /// <param name="url">The address.</param>
    /// <returns>The address, or <see langword="null"/>.</returns>
    public static Uri? WebLink(Uri? url) =>
        url is { IsAbsoluteUri: true } u && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? u : null;
}
