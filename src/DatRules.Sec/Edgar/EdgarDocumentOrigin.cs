namespace DatRules.Sec.Edgar;

/// <summary>Where the body of an <see cref="EdgarDocument"/> came from.</summary>
public enum EdgarDocumentOrigin
{
    /// <summary>Downloaded (a 200 response).</summary>
    Network = 0,

    /// <summary>The cached body, confirmed current by the server (a 304 response to a conditional request).</summary>
    NotModified = 1,

    /// <summary>The cached body, without asking the server (offline mode).</summary>
    Cache = 2,
}
