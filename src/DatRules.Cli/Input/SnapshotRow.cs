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
    public IssuerSnapshot ToSnapshot()
    {
        var holdings = Digital == 0m && Units is null or 0m
            ? Array.Empty<DigitalAssetHolding>()
            : [new DigitalAssetHolding(Asset ?? "DIGITAL", Units ?? 0m, Digital)];
        return new IssuerSnapshot(new IssuerId(Ticker, Name, Country), AsOf, Total, holdings)
        {
            SharesOutstanding = Shares,
            MarketCap = MarketCap,
            IsIndexConstituent = Constituent,
            SelfDescribedDat = SelfDescribed,
            CapitalRaisedPrimarilyForDigitalAssets = CapitalRaised,
            Source = Source,
            EstimatedFields = EstimatedFields,
        };
    }
}
