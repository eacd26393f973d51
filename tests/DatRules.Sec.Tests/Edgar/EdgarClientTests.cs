using System.Diagnostics;
using System.Net;
using DatRules.Sec.Edgar;
using Microsoft.Extensions.DependencyInjection;
using static DatRules.Sec.Tests.Edgar.EdgarTestServer;

namespace DatRules.Sec.Tests.Edgar;

/// <summary>The EDGAR client against a real HTTP server on loopback: fair access, retries, cache, offline.</summary>
/// <remarks>In the <see cref="Timing"/> collection: its rate and Retry-After checks read arrival times, which other tests running at the same time on two cores would disturb.</remarks>
[Collection(Timing.Name)]
public sealed class EdgarClientTests : IDisposable
{
    private const string UserAgent = "DatRules tests tests@example.com";
    private readonly EdgarTestServer _server = new();

    public void Dispose() => _server.Dispose();

    internal static EdgarClientOptions Options(EdgarTestServer server, string? cache = null) => new()
    {
        UserAgent = UserAgent,
        BaseAddress = server.BaseAddress,
        CacheDirectory = cache,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetries = 3,
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task CompanyFacts_SentWithUserAgentAndGzip_BodyDecompressed()
    {
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        using var fetcher = EdgarSnapshotFetcher.Create(Options(_server));

        var doc = await fetcher.Client.GetCompanyFactsAsync(1050446);

        Assert.Equal(new Uri(_server.BaseAddress, "api/xbrl/companyfacts/CIK0001050446.json"), doc.Url);
        Assert.Equal(EdgarDocumentOrigin.Network, doc.Origin);
        Assert.Equal(Fixtures.Bytes(Fixtures.MstrFacts), doc.Content.ToArray());
        Assert.Equal("CIK0001050446.json", doc.FileName);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(UserAgent, request.UserAgent);
        Assert.Contains("gzip", request.AcceptEncoding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TickersAndSubmissions_AtTheSecPaths()
    {
        _server.ServeFixture(Fixtures.TickersPath, Fixtures.Tickers);
        _server.ServeFixture("/submissions/CIK0001050446.json", "CIK0001050446.submissions.json");
        using var fetcher = EdgarSnapshotFetcher.Create(Options(_server));

        var tickers = await fetcher.Client.GetCompanyTickersAsync();
        var submissions = await fetcher.Client.GetSubmissionsAsync(1050446);

        using var stream = tickers.OpenRead();
        var directory = EdgarCompanyTickers.Read(stream, tickers.Url.ToString());
        Assert.Equal(new EdgarCompany(1050446, "MSTR", "Strategy Inc"), directory.Find("mstr"));
        Assert.Equal(1067983, directory.Find("BRK.B")?.Cik);
        Assert.Null(directory.Find("NOPE"));
        Assert.StartsWith("{\"cik\":\"1050446\"", System.Text.Encoding.UTF8.GetString(submissions.Content.Span), StringComparison.Ordinal);
        Assert.Equal(["/files/company_tickers.json", "/submissions/CIK0001050446.json"], _server.Requests.Select(r => r.Path));
    }

    [Fact]
    public void SecHosts_ByDefault()
    {
        using var fetcher = EdgarSnapshotFetcher.Create(new EdgarClientOptions { UserAgent = UserAgent });
        Assert.Equal("https://www.sec.gov/files/company_tickers.json", fetcher.Client.CompanyTickersUrl.ToString());
        Assert.Equal("https://data.sec.gov/submissions/CIK0000320193.json", fetcher.Client.SubmissionsUrl(320193).ToString());
        Assert.Equal("https://data.sec.gov/api/xbrl/companyfacts/CIK0001050446.json", fetcher.Client.CompanyFactsUrl(1050446).ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task NoUserAgent_TypedError_NothingSent(string? userAgent)
    {
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        var options = Options(_server);
        options.UserAgent = userAgent;
        using var fetcher = EdgarSnapshotFetcher.Create(options);

        var ex = await Assert.ThrowsAsync<EdgarUserAgentMissingException>(() => fetcher.Client.GetCompanyFactsAsync(1050446));

        Assert.Equal(new Uri(_server.BaseAddress, "api/xbrl/companyfacts/CIK0001050446.json"), ex.Url);
        Assert.Contains(ex.Url!.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("User-Agent", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task ServiceUnavailableTwice_ThenServed()
    {
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        _server.FailNext(Fixtures.MstrFactsPath, Fault.Unavailable, new Fault(Status: 500));
        using var fetcher = EdgarSnapshotFetcher.Create(Options(_server));

        var doc = await fetcher.Client.GetCompanyFactsAsync(1050446);

        Assert.Equal(Fixtures.Bytes(Fixtures.MstrFacts), doc.Content.ToArray());
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal(UserAgent, r.UserAgent));
    }

    [Fact]
    public async Task ServiceUnavailableThroughout_TypedErrorNamingUrlAndStatus()
    {
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        _server.FailNext(Fixtures.MstrFactsPath, Fault.Unavailable, Fault.Unavailable, Fault.Unavailable, Fault.Unavailable);
        using var fetcher = EdgarSnapshotFetcher.Create(Options(_server));

        var ex = await Assert.ThrowsAsync<EdgarRequestException>(() => fetcher.Client.GetCompanyFactsAsync(1050446));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal($"{_server.BaseAddress}api/xbrl/companyfacts/CIK0001050446.json: HTTP 503 Service Unavailable after 4 attempts.", ex.Message);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task NotFound_NotRetried()
    {
        using var fetcher = EdgarSnapshotFetcher.Create(Options(_server));

        var ex = await Assert.ThrowsAsync<EdgarRequestException>(() => fetcher.Client.GetCompanyFactsAsync(1));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Contains("CIK0000000001.json: HTTP 404", ex.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task TooManyRequests_WaitsForRetryAfter()
    {
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        _server.FailNext(Fixtures.MstrFactsPath, new Fault(Status: 429, RetryAfter: "1"));
        using var fetcher = EdgarSnapshotFetcher.Create(Options(_server)); // retry delay 1 ms: any longer wait is Retry-After's

        var doc = await fetcher.Client.GetCompanyFactsAsync(1050446);

        Assert.Equal(EdgarDocumentOrigin.Network, doc.Origin);
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp) >= TimeSpan.FromMilliseconds(950), "the retry came before Retry-After's second");
    }

    [Fact]
    public async Task ConnectionClosedMidBody_Retried()
    {
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        _server.FailNext(Fixtures.MstrFactsPath, new Fault(CutConnection: true));
        using var fetcher = EdgarSnapshotFetcher.Create(Options(_server));

        var doc = await fetcher.Client.GetCompanyFactsAsync(1050446);

        Assert.Equal(Fixtures.Bytes(Fixtures.MstrFacts), doc.Content.ToArray());
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task JsonCutShort_Retried()
    {
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        _server.FailNext(Fixtures.MstrFactsPath, new Fault(CutJson: true), new Fault(CutJson: true));
        using var fetcher = EdgarSnapshotFetcher.Create(Options(_server));

        var doc = await fetcher.Client.GetCompanyFactsAsync(1050446);

        Assert.Equal(Fixtures.Bytes(Fixtures.MstrFacts), doc.Content.ToArray());
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task JsonCutShortThroughout_TypedErrorNamingUrl()
    {
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        _server.FailNext(Fixtures.MstrFactsPath, Enumerable.Repeat(new Fault(CutJson: true), 4).ToArray());
        using var fetcher = EdgarSnapshotFetcher.Create(Options(_server));

        var ex = await Assert.ThrowsAsync<EdgarRequestException>(() => fetcher.Client.GetCompanyFactsAsync(1050446));

        Assert.StartsWith($"{_server.BaseAddress}api/xbrl/companyfacts/CIK0001050446.json: failed after 4 attempts:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not whole JSON", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task SlowAnswer_TimesOutPerAttempt_ThenRetried()
    {
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        _server.FailNext(Fixtures.MstrFactsPath, new Fault(Delay: TimeSpan.FromSeconds(3)));
        var options = Options(_server);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        using var fetcher = EdgarSnapshotFetcher.Create(options);

        var doc = await fetcher.Client.GetCompanyFactsAsync(1050446);

        Assert.Equal(EdgarDocumentOrigin.Network, doc.Origin);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task SlowThroughout_TypedTimeoutError()
    {
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        _server.FailNext(Fixtures.MstrFactsPath, new Fault(Delay: TimeSpan.FromSeconds(3)), new Fault(Delay: TimeSpan.FromSeconds(3)));
        var options = Options(_server);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        options.MaxRetries = 1;
        using var fetcher = EdgarSnapshotFetcher.Create(options);

        var ex = await Assert.ThrowsAsync<EdgarRequestException>(() => fetcher.Client.GetCompanyFactsAsync(1050446));

        Assert.Null(ex.StatusCode);
        Assert.StartsWith($"{_server.BaseAddress}api/xbrl/companyfacts/CIK0001050446.json: no whole answer within 0.2 s, 2 attempts.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_Throws()
    {
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        _server.FailNext(Fixtures.MstrFactsPath, new Fault(Delay: TimeSpan.FromSeconds(3)));
        using var fetcher = EdgarSnapshotFetcher.Create(Options(_server));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetcher.Client.GetCompanyFactsAsync(1050446, cts.Token));
    }

    [Fact]
    public async Task Burst_AtMostTenRequestsInAnySecond_AsTheServerSawThem()
    {
        const int burst = 25;
        for (int cik = 1; cik <= burst; cik++)
        {
            _server.Serve($"/api/xbrl/companyfacts/CIK{cik:D10}.json", "{\"cik\":1,\"facts\":{}}"u8.ToArray());
        }

        using var fetcher = EdgarSnapshotFetcher.Create(Options(_server));

        await Task.WhenAll(Enumerable.Range(1, burst).Select(cik => Task.Run(() => fetcher.Client.GetCompanyFactsAsync(cik))));

        var times = _server.Requests.Select(r => r.Timestamp).Order().ToArray();
        Assert.Equal(burst, times.Length);

        // Count-based: request i and request i+10 are at least a second apart at the client, so the server never sees 11
        // within a second (100 ms allowed for loopback jitter between two arrivals).
        for (int i = 0; i + 10 < times.Length; i++)
        {
            var span = Stopwatch.GetElapsedTime(times[i], times[i + 10]);
            Assert.True(span >= TimeSpan.FromMilliseconds(900), $"requests {i} and {i + 10} arrived {span.TotalMilliseconds} ms apart");
        }
    }

    [Fact]
    public async Task RateGate_CountsRetries()
    {
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        var options = Options(_server);
        options.MaxRequestsPerSecond = 2;
        options.MaxRetries = 4;
        _server.FailNext(Fixtures.MstrFactsPath, Fault.Unavailable, Fault.Unavailable, Fault.Unavailable, Fault.Unavailable);
        using var fetcher = EdgarSnapshotFetcher.Create(options);

        await fetcher.Client.GetCompanyFactsAsync(1050446);

        var times = _server.Requests.Select(r => r.Timestamp).ToArray();
        Assert.Equal(5, times.Length);
        for (int i = 0; i + 2 < times.Length; i++)
        {
            var span = Stopwatch.GetElapsedTime(times[i], times[i + 2]);
            Assert.True(span >= TimeSpan.FromMilliseconds(900), $"requests {i} and {i + 2} arrived {span.TotalMilliseconds} ms apart; all: {string.Join(", ", times.Select(t => Stopwatch.GetElapsedTime(times[0], t).TotalMilliseconds))}");
        }
    }

    [Fact]
    public void Options_OutOfRange_Rejected()
    {
        Assert.Throws<ArgumentException>(() => EdgarSnapshotFetcher.Create(new EdgarClientOptions { UserAgent = UserAgent, MaxRequestsPerSecond = 11 }));
        Assert.Throws<ArgumentException>(() => EdgarSnapshotFetcher.Create(new EdgarClientOptions { UserAgent = UserAgent, Offline = true }));
        Assert.Throws<ArgumentException>(() => EdgarSnapshotFetcher.Create(new EdgarClientOptions { UserAgent = UserAgent, BaseAddress = new Uri("ftp://example.com/") }));
    }

    [Fact]
    public async Task Cache_RevalidatedWithETagAndLastModified_304ServesCachedBody()
    {
        using var temp = new TempFolder();
        string cache = temp.Path;
        var modified = new DateTimeOffset(2025, 11, 3, 10, 0, 0, TimeSpan.Zero);
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts, etag: "\"v1\"", lastModified: modified);
        using var fetcher = EdgarSnapshotFetcher.Create(Options(_server, cache));

        var first = await fetcher.Client.GetCompanyFactsAsync(1050446);
        Assert.Equal(EdgarDocumentOrigin.Network, first.Origin);
        string cached = Path.Combine(cache, "api", "xbrl", "companyfacts", "CIK0001050446.json");
        Assert.Equal(Fixtures.Bytes(Fixtures.MstrFacts), File.ReadAllBytes(cached));
        Assert.True(File.Exists(cached + ".meta"));
        Assert.Empty(Directory.EnumerateFiles(cache, "*.tmp", SearchOption.AllDirectories));

        // The server's copy changes but keeps its validators: a 304 proves the body served is the cached one.
        _server.Serve(Fixtures.MstrFactsPath, "{\"changed\":true}"u8.ToArray(), etag: "\"v1\"", lastModified: modified);
        var second = await fetcher.Client.GetCompanyFactsAsync(1050446);

        Assert.Equal(EdgarDocumentOrigin.NotModified, second.Origin);
        Assert.Equal(Fixtures.Bytes(Fixtures.MstrFacts), second.Content.ToArray());
        var revalidation = _server.Requests[1];
        Assert.Equal("\"v1\"", revalidation.IfNoneMatch);
        Assert.Equal(modified, DateTimeOffset.Parse(revalidation.IfModifiedSince!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(_server.Requests[0].IfNoneMatch);
    }

    [Fact]
    public async Task Cache_NewVersion_ReplacesTheCachedBody()
    {
        using var temp = new TempFolder();
        string cache = temp.Path;
        _server.Serve(Fixtures.MstrFactsPath, "{\"v\":1}"u8.ToArray(), etag: "\"v1\"");
        using var fetcher = EdgarSnapshotFetcher.Create(Options(_server, cache));
        await fetcher.Client.GetCompanyFactsAsync(1050446);

        _server.Serve(Fixtures.MstrFactsPath, "{\"v\":2}"u8.ToArray(), etag: "\"v2\"");
        var doc = await fetcher.Client.GetCompanyFactsAsync(1050446);

        Assert.Equal(EdgarDocumentOrigin.Network, doc.Origin);
        Assert.Equal("{\"v\":2}"u8.ToArray(), doc.Content.ToArray());
        Assert.Equal("{\"v\":2}"u8.ToArray(), File.ReadAllBytes(Path.Combine(cache, "api", "xbrl", "companyfacts", "CIK0001050446.json")));
        Assert.Equal("\"v1\"", _server.Requests[1].IfNoneMatch);
    }

    [Fact]
    public async Task Offline_AfterTheServerStopped_AnswersFromCache_AndNamesWhatIsMissing()
    {
        using var temp = new TempFolder();
        string cache = temp.Path;
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts, etag: "\"v1\"");
        using (var online = EdgarSnapshotFetcher.Create(Options(_server, cache)))
        {
            await online.Client.GetCompanyFactsAsync(1050446);
        }

        _server.Stop();
        var options = Options(_server, cache);
        options.Offline = true;
        options.UserAgent = null; // nothing is sent offline
        using var offline = EdgarSnapshotFetcher.Create(options);

        var doc = await offline.Client.GetCompanyFactsAsync(1050446);
        Assert.Equal(EdgarDocumentOrigin.Cache, doc.Origin);
        Assert.Equal(Fixtures.Bytes(Fixtures.MstrFacts), doc.Content.ToArray());

        var ex = await Assert.ThrowsAsync<EdgarNotCachedException>(() => offline.Client.GetCompanyFactsAsync(1507605));
        Assert.Equal($"Offline: {_server.BaseAddress}api/xbrl/companyfacts/CIK0001507605.json is not in the cache {cache}; fetch it once online.", ex.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task DependencyInjection_TypedClient()
    {
        _server.ServeFixture(Fixtures.TickersPath, Fixtures.Tickers);
        var services = new ServiceCollection();
        services.AddEdgarClient(o =>
        {
            o.UserAgent = UserAgent;
            o.BaseAddress = _server.BaseAddress;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<EdgarClient>();
        var doc = await client.GetCompanyTickersAsync();

        Assert.Equal(Fixtures.Bytes(Fixtures.Tickers), doc.Content.ToArray());
        Assert.Equal(UserAgent, Assert.Single(_server.Requests).UserAgent);
    }
}
