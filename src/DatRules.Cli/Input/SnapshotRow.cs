using DatRules.Issuers;
using NodaTime;

namespace DatRules.Cli.Input;

/// <summary>One valid row of a snapshot CSV, before it becomes a domain snapshot or a universe row.</summary>
internal sealed record SnapshotRow(
    int Line,
    string Ticker,
    LocalDate AsOf,
    decimal Digital,
    decimal? Total,
    decimal? Units,
    decimal? Shares,
    decimal? MarketCap,
    bool? Constituent,
    bool? SelfDescribed,
    bool? CapitalRaised,
    string? Name,
    string? Country,
    string? Asset,
    string[] EstimatedFields,
    string? Source)
{
    /// <summary>Gets the ISO code of the currency of both amounts; null means USD.</summary>
    public string? Currency { get; init; }

    /// <summary>Gets the filing the row's figures come from, when the provenance columns are given.</summary>
    public Provenance? Provenance { get; init; }

    /// <summary>Gets the optional line items (cash, securities, quarterly revenue, ...) read by <see cref="LineItemCsvColumns"/>.</summary>
    public LineItemValue[] LineItems { get; init; } = [];

    /// <summary>Gets the filed date, when given (part of a row's identity: a ticker may have one balance sheet in several filings).</summary>
    public LocalDate? Filed => Provenance?.Filed;

    public IssuerSnapshot ToSnapshot()
    {
        var currency = Currency is null ? default : new Currency(Currency);
        var holdings = Digital == 0m && Units is null or 0m
            ? Array.Empty<DigitalAssetHolding>()
            : [new DigitalAssetHolding(Asset ?? "DIGITAL", Units ?? 0m, Digital, currency)];
        return new IssuerSnapshot(new IssuerId(Ticker, Name, Country), AsOf, Total, holdings, currency)
        {
            SharesOutstanding = Shares,
            MarketCap = MarketCap,
            IsIndexConstituent = Constituent,
            SelfDescribedDat = SelfDescribed,
            CapitalRaisedPrimarilyForDigitalAssets = CapitalRaised,
            Source = Source,
            EstimatedFields = EstimatedFields,
            Provenance = Provenance,
            LineItems = LineItems,
        };
    }
}
