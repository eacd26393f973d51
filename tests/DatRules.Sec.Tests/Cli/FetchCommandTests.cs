using DatRules.Sec.Tests.Edgar;

namespace DatRules.Sec.Tests.Cli;

/// <summary>`datrules fetch sec` in-process against the loopback server, then `screen` on what it wrote.</summary>
public sealed class FetchCommandTests : IDisposable
{
    private const string UserAgent = "DatRules tests tests@example.com";
    private readonly EdgarTestServer _server = new();

    public FetchCommandTests()
    {
        _server.ServeFixture(Fixtures.TickersPath, Fixtures.Tickers, etag: "\"t1\"");
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts, etag: "\"m1\"");
        _server.ServeFixture(Fixtures.MaraFactsPath, Fixtures.MaraFacts, etag: "\"a1\"");
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public void Fetch_WritesSnapshots_ThenOfflineFromCache_ThenScreen()
    {
        using var temp = new TempFolder();
        string cache = temp.Path;
        string output = Path.Combine(cache, "snapshots.csv");
        var r = CliRunner.Run("fetch", "sec", "--tickers", "MSTR,MARA", "--user-agent", UserAgent, "--out", output, "--cache", cache, "--sec-base-url", _server.BaseAddress.ToString());

        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"fetched 35 balance sheets of 2 companies (0 indeterminate; 0 without total assets; 0 without companyfacts) to snapshots.csv.", r.Out.TrimEnd());
        Assert.Contains($"fetch: {_server.BaseAddress}files/company_tickers.json downloaded", r.Error, StringComparison.Ordinal);
        Assert.Contains($"fetch: MSTR (CIK 1050446): {_server.BaseAddress}api/xbrl/companyfacts/CIK0001050446.json downloaded", r.Error, StringComparison.Ordinal);
        Assert.All(_server.Requests, q => Assert.Equal(UserAgent, q.UserAgent));

        string[] lines = File.ReadAllLines(output);
        // SnapshotFrame.WriteCsv's order (the reader's), as import sec writes.
        Assert.Equal("ticker,as_of,digital_assets_usd,total_assets_usd,cik,filed,accession,currency,name,asset,source,form,concepts,cash_and_equivalents,marketable_securities,long_term_investments,total_liabilities,revenue_quarter,operating_income_quarter", lines[0]);
        Assert.DoesNotContain(lines.Skip(1), l => l.StartsWith("CIK", StringComparison.Ordinal));
        string q3 = Assert.Single(lines, l => l.Contains("0001564590-20-047995", StringComparison.Ordinal) && l.Contains(",2020-09-30,", StringComparison.Ordinal));
        Assert.StartsWith("MSTR,2020-09-30,380758000,772905000,1050446,2020-10-27,0001564590-20-047995,USD,MICROSTRATEGY Inc,", q3, StringComparison.Ordinal);
        Assert.Contains(",10-Q,", q3, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("MARA,2012-03-31,0,", StringComparison.Ordinal) && l.Contains(",USD,\"MARA Holdings, Inc.\",", StringComparison.Ordinal) && l.Contains("digital assets taken as zero", StringComparison.Ordinal));

        // Again, online: revalidated, the cached bodies served on 304.
        string again = Path.Combine(cache, "again.csv");
        var revalidated = CliRunner.Run("fetch", "sec", "--tickers", "MSTR,MARA", "--user-agent", UserAgent, "--out", again, "--cache", cache, "--sec-base-url", _server.BaseAddress.ToString());
        Assert.Equal(0, revalidated.ExitCode);
        Assert.Contains("not modified, cached copy", revalidated.Error, StringComparison.Ordinal);
        Assert.Equal(3, _server.Requests.Count(q => q.IfNoneMatch is not null));
        Assert.Equal(File.ReadAllText(output), File.ReadAllText(again));

        // Offline, the server gone: the same file from the cache.
        _server.Stop();
        string offline = Path.Combine(cache, "offline.csv");
        var o = CliRunner.Run("fetch", "sec", "--tickers", "MSTR", "--tickers", "MARA", "--offline", "--out", offline, "--cache", cache, "--sec-base-url", _server.BaseAddress.ToString());
        Assert.Equal(0, o.ExitCode);
        Assert.Equal(File.ReadAllText(output), File.ReadAllText(offline));

        // The file screens: as known on 2020-11-01 MSTR's 10-Q for 2020-09-30 (380,758,000 / 772,905,000 = 0.4926...).
        var screen = CliRunner.Run("screen", "--input", output, "--as-known-on", "2020-11-01", "--format", "csv");
        Assert.Equal(0, screen.ExitCode);
        Assert.Contains("\nMSTR,2020-09-30,OperatingCompany,0.4926323", screen.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void NoUserAgent_ExitTwo_NothingSent()
    {
        Assert.Null(Environment.GetEnvironmentVariable("DATRULES_SEC_USER_AGENT"));
        var r = CliRunner.Run("fetch", "sec", "--tickers", "MSTR", "--sec-base-url", _server.BaseAddress.ToString());

        Assert.Equal(2, r.ExitCode);
        Assert.Equal(
            $"error: No request sent to {_server.BaseAddress}files/company_tickers.json: the SEC requires a User-Agent naming you and a contact address (e.g. \"Jane Doe jane@example.com\"); set EdgarClientOptions.UserAgent (CLI: --user-agent or DATRULES_SEC_USER_AGENT).",
            r.Error.TrimEnd());
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void UnknownTicker_ExitTwo()
    {
        var r = CliRunner.Run("fetch", "sec", "--tickers", "MSTR,NOPE", "--user-agent", UserAgent, "--sec-base-url", _server.BaseAddress.ToString());

        Assert.Equal(2, r.ExitCode);
        Assert.EndsWith($"error: Ticker not in {_server.BaseAddress}files/company_tickers.json: NOPE.", r.Error.TrimEnd(), StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public void Offline_NotCached_ExitTwoNamingUrl()
    {
        using var temp = new TempFolder();
        string cache = temp.Path;
        var r = CliRunner.Run("fetch", "sec", "--tickers", "MSTR", "--offline", "--cache", cache, "--sec-base-url", _server.BaseAddress.ToString());

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: Offline: {_server.BaseAddress}files/company_tickers.json is not in the cache {cache}; fetch it once online.", r.Error.TrimEnd());
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Offline_WithoutCache_UsageError()
    {
        var r = CliRunner.Run("fetch", "sec", "--tickers", "MSTR", "--offline");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: --offline answers from the cache: give --cache DIR.", r.Error.TrimEnd());
    }

    [Fact]
    public void Indeterminate_ToStandardOutput_NotesOnStandardError()
    {
        var r = CliRunner.Run("fetch", "sec", "--tickers", "MARA", "--user-agent", UserAgent, "--sec-base-url", _server.BaseAddress.ToString(), "--no-crypto-fact", "Indeterminate");

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("ticker,as_of,", Assert.Single(r.Out.TrimEnd().Split('\n')), StringComparison.Ordinal); // the header only
        Assert.Contains("note: CIK 1507605 MARA Holdings, Inc. 0001521536-12-000406 as of 2012-03-31: No mapped digital-asset fact", r.Error, StringComparison.Ordinal);
        Assert.Contains("fetched 0 rows (header only): 0 balance sheets of 1 company (19 indeterminate;", r.Error, StringComparison.Ordinal);
    }
}
