using System.Collections.Immutable;
using DatRules.Sec.Import;

namespace DatRules.Sec.Edgar;

/// <summary>What <see cref="EdgarSnapshotFetcher.FetchAsync"/> produced: the companies resolved and the import of their companyfacts.</summary>
public sealed class EdgarFetchResult
{
    internal EdgarFetchResult(ImmutableArray<EdgarCompany> companies, SecImportResult import, ImmutableArray<EdgarCompany> withoutCompanyFacts)
    {
        Companies = companies;
        Import = import;
        WithoutCompanyFacts = withoutCompanyFacts;
    }

    /// <summary>Gets the companies asked for, resolved through company_tickers.json (one per CIK, in the order asked).</summary>
    public ImmutableArray<EdgarCompany> Companies { get; }

    /// <summary>Gets the snapshots (tickers and names from company_tickers.json where companyfacts has none) and what could not be used.</summary>
    public SecImportResult Import { get; }

    /// <summary>Gets the companies the SEC has no companyfacts for (404: no XBRL financial data).</summary>
    public ImmutableArray<EdgarCompany> WithoutCompanyFacts { get; }
}
