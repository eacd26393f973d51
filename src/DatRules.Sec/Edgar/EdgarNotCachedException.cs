namespace DatRules.Sec.Edgar;

/// <summary>Offline mode was asked for a document that is not in the cache. The message names the URL and the cache folder.</summary>
public sealed class EdgarNotCachedException : EdgarException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="url">The URL of the document.</param>
    /// <param name="cacheDirectory">The cache folder searched.</param>
    public EdgarNotCachedException(Uri url, string cacheDirectory)
        : base(url, $"Offline: {url} is not in the cache {cacheDirectory}; fetch it once online.")
    {
        CacheDirectory = cacheDirectory;
    }

    /// <summary>Gets the cache folder searched.</summary>
    public string CacheDirectory { get; }
}
