namespace DatRules.Sec.Edgar;

/// <summary>
/// No User-Agent (or a blank one): the SEC's fair-access policy requires one naming the user, so nothing was sent.
/// </summary>
public sealed class EdgarUserAgentMissingException : EdgarException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="url">The URL that was about to be asked for.</param>
    public EdgarUserAgentMissingException(Uri url)
        : base(url, $"No request sent to {url}: the SEC requires a User-Agent naming you and a contact address (e.g. \"Jane Doe jane@example.com\"); set {nameof(EdgarClientOptions)}.{nameof(EdgarClientOptions.UserAgent)} (CLI: --user-agent or {EdgarClientOptions.UserAgentVariable}).")
    {
    }
}
