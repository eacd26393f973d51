namespace DatRules.Sec.Edgar;

/// <summary>A document could not be had from EDGAR or the cache. The message names the URL.</summary>
public abstract class EdgarException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="url">The URL asked for (null when no single URL is concerned).</param>
    /// <param name="message">The message, naming the URL.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected EdgarException(Uri? url, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Url = url;
    }

    /// <summary>Gets the URL asked for, or null.</summary>
    public Uri? Url { get; }
}
