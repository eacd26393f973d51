using DatRules.Sec.Concepts;
using DatRules.Sec.Edgar;
using static DatRules.Sec.Tests.Edgar.EdgarTestServer;

namespace DatRules.Sec.Tests.Edgar;

/// <summary>Tickers to snapshots through company_tickers.json and companyfacts, served on loopback.</summary>
public sealed class EdgarSnapshotFetcherTests : IDisposable
{
    private readonly EdgarTestServer _server = new();

    public EdgarSnapshotFetcherTests()
    {
        _server.ServeFixture(Fixtures.TickersPath, Fixtures.Tickers);
        _server.ServeFixture(Fixtures.MstrFactsPath, Fixtures.MstrFacts);
        _server.ServeFixture(Fixtures.MaraFactsPath, Fixtures.MaraFacts);
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Tickers_ResolvedToCik_RowsCarryTickerAndName()
    {
        var progress = new List<string>();
        using var fetcher = EdgarSnapshotFetcher.Create(EdgarClientTests.Options(_server));

        var result = await fetcher.FetchAsync(["mstr", "MARA"], progress: new Collect(progress));

        Assert.Equal([new EdgarCompany(1050446, "MSTR", "Strategy Inc"), new EdgarCompany(1507605, "MARA", "MARA Holdings, Inc.")], result.Companies.AsEnumerable());
        var snapshots = result.Import.Snapshots;
        Assert.Equal(16, snapshots.Count(s => s.Issuer.Ticker == "MSTR"));
        Assert.Contains(snapshots, s => s.Issuer.Ticker == "MARA");
        Assert.DoesNotContain(snapshots, s => s.Issuer.Ticker.StartsWith("CIK", StringComparison.Ordinal));

        // companyfacts' entityName where it has one; company_tickers.json's title where it has none (the MARA excerpt).
        Assert.All(snapshots.Where(s => s.Issuer.Ticker == "MSTR"), s => Assert.Equal("MICROSTRATEGY Inc", s.Issuer.Name));
        Assert.All(snapshots.Where(s => s.Issuer.Ticker == "MARA"), s => Assert.Equal("MARA Holdings, Inc.", s.Issuer.Name));

        // A filer without crypto facts is kept, its digital assets taken as zero and said so.
        var mara = snapshots.First(s => s.Issuer.Ticker == "MARA");
        Assert.Equal(0m, mara.DigitalAssets);
        Assert.Contains("digital assets taken as zero", mara.Provenance!.Note, StringComparison.Ordinal);
        Assert.Equal(3, progress.Count);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task NoCryptoFact_Indeterminate_ListedWithTheReason()
    {
        using var fetcher = EdgarSnapshotFetcher.Create(EdgarClientTests.Options(_server));
        var map = SecConceptMap.Default.ToBuilder().WhenNoDigitalAssetFact(MissingDigitalAssetFact.Indeterminate).Build();

        var result = await fetcher.FetchAsync(["MARA"], map);

        Assert.Empty(result.Import.Snapshots);
        Assert.NotEmpty(result.Import.Indeterminate);
        Assert.All(result.Import.Indeterminate, i =>
        {
            Assert.Equal("MARA Holdings, Inc.", i.EntityName);
            Assert.StartsWith("No mapped digital-asset fact", i.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task UnknownTicker_TypedError_NothingElseFetched()
    {
        using var fetcher = EdgarSnapshotFetcher.Create(EdgarClientTests.Options(_server));

        var ex = await Assert.ThrowsAsync<EdgarUnknownTickerException>(() => fetcher.FetchAsync(["MSTR", "ZZZZ"]));

        Assert.Equal(["ZZZZ"], ex.Tickers.AsEnumerable());
        Assert.Equal($"Ticker not in {_server.BaseAddress}files/company_tickers.json: ZZZZ.", ex.Message);
        Assert.Equal(Fixtures.TickersPath, Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task NoCompanyFacts_404_ListedNotFatal()
    {
        using var fetcher = EdgarSnapshotFetcher.Create(EdgarClientTests.Options(_server));

        var result = await fetcher.FetchAsync(["MSTR", "NVDA"]);

        Assert.Equal([1045810L], result.WithoutCompanyFacts.Select(c => c.Cik));
        Assert.Equal(16, result.Import.Snapshots.Length);
    }

    [Fact]
    public async Task CompanyFactsFailingOnce_Retried()
    {
        _server.FailNext(Fixtures.MstrFactsPath, new Fault(CutConnection: true), Fault.Unavailable);
        using var fetcher = EdgarSnapshotFetcher.Create(EdgarClientTests.Options(_server));

        var result = await fetcher.FetchAsync(["MSTR"]);

        Assert.Equal(16, result.Import.Snapshots.Length);
        Assert.Equal(3, _server.Requests.Count(r => r.Path == Fixtures.MstrFactsPath));
    }

    private sealed class Collect(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}
