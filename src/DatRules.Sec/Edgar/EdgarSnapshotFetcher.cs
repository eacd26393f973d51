using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using DatRules.Sec.Concepts;
using DatRules.Sec.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DatRules.Sec.Edgar;

/// <summary>
/// Tickers to snapshots: resolves the tickers through the SEC's company_tickers.json, fetches each filer's companyfacts
/// and imports them (<see cref="SecImporter"/>), the rows carrying the ticker asked for and the company's name.
/// </summary>
public sealed class EdgarSnapshotFetcher : IDisposable
{
    private const int Parallelism = 4;
    private readonly ServiceProvider? _owned;

    /// <summary>Initializes a fetcher over a client (e.g. one from dependency injection).</summary>
    /// <param name="client">The client.</param>
    public EdgarSnapshotFetcher(EdgarClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
    }

    private EdgarSnapshotFetcher(ServiceProvider owned)
    {
        _owned = owned;
        Client = owned.GetRequiredService<EdgarClient>();
    }

    /// <summary>Gets the client.</summary>
    public EdgarClient Client { get; }

    /// <summary>
    /// Creates a fetcher with its own client, configured as
    /// <see cref="EdgarServiceCollectionExtensions.AddEdgarClient"/> does (for callers without dependency injection);
    /// dispose it when done.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <returns>The fetcher.</returns>
    /// <exception cref="ArgumentException">A setting is out of range, or offline mode has no cache folder.</exception>
    public static EdgarSnapshotFetcher Create(EdgarClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(options));
        services.AddEdgarClient();
        var provider = services.BuildServiceProvider();
        try
        {
            return new EdgarSnapshotFetcher(provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>Fetches and imports the companyfacts of the companies with these tickers.</summary>
    /// <param name="tickers">The tickers (case-insensitive; <c>BRK.B</c> or <c>BRK-B</c>).</param>
    /// <param name="map">The concept map (e.g. with <see cref="MissingDigitalAssetFact.Indeterminate"/>); <see cref="SecConceptMap.Default"/> if null.</param>
    /// <param name="progress">Receives a line per document fetched.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The companies and their snapshots.</returns>
    /// <exception cref="ArgumentException">No ticker given.</exception>
    /// <exception cref="EdgarUnknownTickerException">A ticker is not in company_tickers.json; nothing else was fetched.</exception>
    /// <exception cref="EdgarException">A document could not be had (<see cref="EdgarUserAgentMissingException"/>, <see cref="EdgarRequestException"/>, <see cref="EdgarNotCachedException"/>).</exception>
    /// <exception cref="SecDataException">A document is not in the SEC's format.</exception>
    public async Task<EdgarFetchResult> FetchAsync(IEnumerable<string> tickers, SecConceptMap? map = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        var asked = tickers.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (asked.Count == 0)
        {
            throw new ArgumentException("No ticker given.", nameof(tickers));
        }

        var tickerDoc = await Client.GetCompanyTickersAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report(Describe(tickerDoc));
        EdgarCompanyTickers directory;
        using (var stream = tickerDoc.OpenRead())
        {
            directory = EdgarCompanyTickers.Read(stream, tickerDoc.Url.ToString());
        }

        var unknown = asked.Where(t => directory.Find(t) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new EdgarUnknownTickerException(tickerDoc.Url, unknown);
        }

        // The ticker asked for (not another share class of the CIK), once per CIK.
        var companies = asked
            .Select(t => directory.Find(t)! with { Ticker = t.ToUpperInvariant() })
            .DistinctBy(c => c.Cik)
            .ToImmutableArray();
        var importer = new SecImporter(map, SecTickerMap.From(companies.Select(c => KeyValuePair.Create(c.Cik, c.Ticker))))
        {
            FallbackNames = companies.Where(c => c.Title.Length > 0).ToDictionary(c => c.Cik, c => c.Title),
        };
        var withoutFacts = new ConcurrentBag<EdgarCompany>();
        await Parallel.ForEachAsync(
            companies,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (company, ct) =>
            {
                EdgarDocument doc;
                try
                {
                    doc = await Client.GetCompanyFactsAsync(company.Cik, ct).ConfigureAwait(false);
                }
                catch (EdgarRequestException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                {
                    withoutFacts.Add(company);
                    progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{company.Ticker} (CIK {company.Cik}): no companyfacts at {ex.Url} (404: no XBRL financial data)"));
                    return;
                }

                progress?.Report($"{company.Ticker} (CIK {company.Cik}): {Describe(doc)}");
                lock (importer)
                {
                    using var stream = doc.OpenRead();
                    importer.AddCompanyFacts(stream, doc.FileName);
                }
            }).ConfigureAwait(false);

        return new EdgarFetchResult(companies, importer.Build(), [.. companies.Where(withoutFacts.Contains)]);
    }

    /// <summary>Disposes the client's services when <see cref="Create"/> made them.</summary>
    public void Dispose() => _owned?.Dispose();

    private static string Describe(EdgarDocument doc)
    {
        string origin = doc.Origin switch
        {
            EdgarDocumentOrigin.Network => "downloaded",
            EdgarDocumentOrigin.NotModified => "not modified, cached copy",
            _ => "from the cache (offline)",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{doc.Url} {origin}, {doc.Content.Length / 1024.0:0.0} KB");
    }
}
