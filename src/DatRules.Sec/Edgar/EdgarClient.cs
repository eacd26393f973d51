using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace DatRules.Sec.Edgar;

/// <summary>
/// A client for EDGAR's JSON APIs: the ticker file (company_tickers.json), a filer's submissions and its companyfacts.
/// A typed <see cref="HttpClient"/> client: register it with
/// <see cref="Microsoft.Extensions.DependencyInjection.EdgarServiceCollectionExtensions.AddEdgarClient"/>, which adds the
/// SEC's fair-access rules (a User-Agent on every request, at most 10 requests a second across threads), retries with
/// backoff (5xx, 429 after its Retry-After, broken or cut bodies), a timeout per attempt and gzip.
/// </summary>
/// <remarks>
/// With <see cref="EdgarClientOptions.CacheDirectory"/>, what is fetched is kept on disk and revalidated with
/// If-None-Match / If-Modified-Since (a 304 serves the cached body); <see cref="EdgarClientOptions.Offline"/> answers
/// from the cache alone. Thread-safe.
/// </remarks>
public sealed class EdgarClient
{
    private static readonly Uri SecWww = new("https://www.sec.gov/");
    private static readonly Uri SecData = new("https://data.sec.gov/");

    private readonly HttpClient _http;
    private readonly string? _userAgent;
    private readonly Uri _wwwBase;
    private readonly Uri _dataBase;
    private readonly EdgarCache? _cache;
    private readonly bool _offline;
    private readonly int _attempts;
    private readonly TimeSpan _attemptTimeout;

    /// <summary>Initializes the client (the HTTP client factory calls this).</summary>
    /// <param name="httpClient">The HTTP client, with the handlers <c>AddEdgarClient</c> configures.</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentException">A setting is out of range, or offline mode has no cache folder.</exception>
    public EdgarClient(HttpClient httpClient, IOptions<EdgarClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        o.Validate();
        _http = httpClient;
        _userAgent = string.IsNullOrWhiteSpace(o.UserAgent) ? null : o.UserAgent.Trim();
        if (o.BaseAddress is { } b)
        {
            _wwwBase = _dataBase = b.AbsoluteUri.EndsWith('/') ? b : new Uri(b.AbsoluteUri + "/");
        }
        else
        {
            _wwwBase = SecWww;
            _dataBase = SecData;
        }

        _cache = string.IsNullOrWhiteSpace(o.CacheDirectory) ? null : new EdgarCache(o.CacheDirectory);
        _offline = o.Offline;
        _attempts = o.MaxRetries + 1;
        _attemptTimeout = o.AttemptTimeout;
    }

    /// <summary>Gets the URL of the ticker file.</summary>
    public Uri CompanyTickersUrl => new(_wwwBase, CompanyTickersPath);

    private static string CompanyTickersPath => "files/company_tickers.json";

    /// <summary>Gets the URL of a filer's submissions (<c>submissions/CIK##########.json</c>).</summary>
    /// <param name="cik">The CIK.</param>
    /// <returns>The URL.</returns>
    public Uri SubmissionsUrl(long cik) => new(_dataBase, SubmissionsPath(cik));

    /// <summary>Gets the URL of a filer's companyfacts (<c>api/xbrl/companyfacts/CIK##########.json</c>).</summary>
    /// <param name="cik">The CIK.</param>
    /// <returns>The URL.</returns>
    public Uri CompanyFactsUrl(long cik) => new(_dataBase, CompanyFactsPath(cik));

    /// <summary>Fetches the SEC's ticker file, company_tickers.json (read it with <see cref="EdgarCompanyTickers.Read"/>).</summary>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The document.</returns>
    /// <exception cref="EdgarUserAgentMissingException">No User-Agent: nothing was sent.</exception>
    /// <exception cref="EdgarRequestException">The request failed for good.</exception>
    /// <exception cref="EdgarNotCachedException">Offline, and the document is not cached.</exception>
    public Task<EdgarDocument> GetCompanyTickersAsync(CancellationToken cancellationToken = default) =>
        GetAsync(_wwwBase, CompanyTickersPath, cancellationToken);

    /// <summary>Fetches a filer's submissions (names, tickers, recent filings).</summary>
    /// <param name="cik">The CIK.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cik"/> is not 1 to 9999999999.</exception>
    /// <exception cref="EdgarUserAgentMissingException">No User-Agent: nothing was sent.</exception>
    /// <exception cref="EdgarRequestException">The request failed for good.</exception>
    /// <exception cref="EdgarNotCachedException">Offline, and the document is not cached.</exception>
    public Task<EdgarDocument> GetSubmissionsAsync(long cik, CancellationToken cancellationToken = default) =>
        GetAsync(_dataBase, SubmissionsPath(cik), cancellationToken);

    /// <summary>Fetches a filer's companyfacts (every XBRL fact it filed; read it with <see cref="Import.SecImporter.AddCompanyFacts"/>).</summary>
    /// <param name="cik">The CIK.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cik"/> is not 1 to 9999999999.</exception>
    /// <exception cref="EdgarUserAgentMissingException">No User-Agent: nothing was sent.</exception>
    /// <exception cref="EdgarRequestException">The request failed for good (a filer without XBRL facts: 404).</exception>
    /// <exception cref="EdgarNotCachedException">Offline, and the document is not cached.</exception>
    public Task<EdgarDocument> GetCompanyFactsAsync(long cik, CancellationToken cancellationToken = default) =>
        GetAsync(_dataBase, CompanyFactsPath(cik), cancellationToken);

    private static string SubmissionsPath(long cik) => $"submissions/{CikFile(cik)}";

    private static string CompanyFactsPath(long cik) => $"api/xbrl/companyfacts/{CikFile(cik)}";

    private static string CikFile(long cik)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cik, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cik, 9_999_999_999L);
        return "CIK" + cik.ToString("D10", CultureInfo.InvariantCulture) + ".json";
    }

    private async Task<EdgarDocument> GetAsync(Uri baseAddress, string path, CancellationToken cancellationToken)
    {
        var url = new Uri(baseAddress, path);
        var cached = _cache?.Read(path);
        if (_offline)
        {
            return cached is null
                ? throw new EdgarNotCachedException(url, _cache!.Directory)
                : new EdgarDocument(url, cached.Body, EdgarDocumentOrigin.Cache);
        }

        if (_userAgent is null)
        {
            throw new EdgarUserAgentMissingException(url);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (cached?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (cached?.LastModified is { } lastModified)
        {
            request.Headers.IfModifiedSince = lastModified;
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException ex)
        {
            throw new EdgarRequestException(url, ex.StatusCode, $"{url}: failed after {Attempts()}: {ex.Message}", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new EdgarRequestException(url, null, $"{url}: no whole answer within {_attemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s, {Attempts()}.", ex);
        }
        catch (OperationCanceledException ex)
        {
            throw new EdgarRequestException(url, null, $"{url}: timed out.", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
            {
                return new EdgarDocument(url, cached.Body, EdgarDocumentOrigin.NotModified);
            }

            if (response.StatusCode == HttpStatusCode.OK)
            {
                byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                _cache?.Write(path, url, body, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
                return new EdgarDocument(url, body, EdgarDocumentOrigin.Network);
            }

            bool retried = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
            throw new EdgarRequestException(
                url,
                response.StatusCode,
                $"{url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(retried ? $" after {Attempts()}" : string.Empty)}.");
        }
    }

    private string Attempts() => _attempts == 1 ? "1 attempt" : string.Create(CultureInfo.InvariantCulture, $"{_attempts} attempts");
}
