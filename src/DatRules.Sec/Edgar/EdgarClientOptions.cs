namespace DatRules.Sec.Edgar;

/// <summary>
/// Settings of an <see cref="EdgarClient"/>: who is asking (the SEC requires a User-Agent naming the user), where to
/// ask, the disk cache, offline mode, and the fair-access and retry limits.
/// </summary>
public sealed class EdgarClientOptions
{
    /// <summary>The environment variable the CLI reads a User-Agent from when none is given on the command line.</summary>
    public const string UserAgentVariable = "DATRULES_SEC_USER_AGENT";

    /// <summary>The environment variable the CLI reads a base URL from when none is given on the command line.</summary>
    public const string BaseUrlVariable = "DATRULES_SEC_BASE_URL";

    /// <summary>The SEC's fair-access ceiling: requests per second from one user.</summary>
    public const int SecMaxRequestsPerSecond = 10;

    /// <summary>
    /// Gets or sets the User-Agent sent with every request, naming the user and a contact address, e.g.
    /// <c>"Jane Doe jane@example.com"</c>. Required by the SEC: without one no request is sent
    /// (<see cref="EdgarUserAgentMissingException"/>). Not needed in <see cref="Offline"/> mode.
    /// </summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// Gets or sets one base URL serving every path (<c>files/company_tickers.json</c>, <c>submissions/…</c>,
    /// <c>api/xbrl/companyfacts/…</c>), e.g. a mirror or a test server. Null (the default): the SEC's own hosts,
    /// <c>https://www.sec.gov/</c> for the ticker file and <c>https://data.sec.gov/</c> for the rest.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Gets or sets the folder of the disk cache (created when missing), or null for none. Each document is kept under
    /// its path (e.g. <c>api/xbrl/companyfacts/CIK0001050446.json</c>) with its validators (ETag, Last-Modified) beside
    /// it in a <c>.meta</c> file, and revalidated on the next fetch: a 304 serves the cached body.
    /// </summary>
    public string? CacheDirectory { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether to answer from the cache alone and send nothing; a document not in the cache is an
    /// <see cref="EdgarNotCachedException"/>. Requires <see cref="CacheDirectory"/>.
    /// </summary>
    public bool Offline { get; set; }

    /// <summary>
    /// Gets or sets the most requests sent in any one-second window, across every thread using the client (each
    /// attempt of a retry counts). At most <see cref="SecMaxRequestsPerSecond"/>, the SEC's limit; default 10.
    /// </summary>
    public int MaxRequestsPerSecond { get; set; } = SecMaxRequestsPerSecond;

    /// <summary>Gets or sets how many times a failed attempt (5xx, 408, 429, a broken or truncated body, a timeout) is retried; 0 for none. Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>
    /// Gets or sets the first retry's delay, doubled at each further retry (with jitter); default 1 second. A 429's or
    /// 503's Retry-After header takes precedence.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the time one attempt may take, body included; default 100 seconds (a large filer's companyfacts is tens of MB).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range, or offline mode has no cache.</exception>
    internal void Validate()
    {
        if (MaxRequestsPerSecond is < 1 or > SecMaxRequestsPerSecond)
        {
            throw new ArgumentException($"MaxRequestsPerSecond must be 1 to {SecMaxRequestsPerSecond} (the SEC's fair-access limit); it is {MaxRequestsPerSecond}.", nameof(MaxRequestsPerSecond));
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentException($"MaxRetries must not be negative; it is {MaxRetries}.", nameof(MaxRetries));
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException($"RetryDelay must be 0 to 10 minutes; it is {RetryDelay}.", nameof(RetryDelay));
        }

        if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"AttemptTimeout must be 10 ms to 1 hour; it is {AttemptTimeout}.", nameof(AttemptTimeout));
        }

        if (BaseAddress is { IsAbsoluteUri: false } or { Scheme: not ("http" or "https") })
        {
            throw new ArgumentException($"BaseAddress must be an absolute http or https URL; it is '{BaseAddress}'.", nameof(BaseAddress));
        }

        if (UserAgent is not null && UserAgent.Any(char.IsControl))
        {
            throw new ArgumentException("UserAgent must be one line of text (no control characters).", nameof(UserAgent));
        }

        if (Offline && string.IsNullOrWhiteSpace(CacheDirectory))
        {
            throw new ArgumentException("Offline mode answers from the cache: set CacheDirectory.", nameof(CacheDirectory));
        }
    }
}
