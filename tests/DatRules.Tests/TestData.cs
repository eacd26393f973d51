using DatRules.Issuers;

namespace DatRules.Tests;

/// <summary>Small factories for snapshots used across tests.</summary>
internal static class TestData
{
    internal static readonly LocalDate Q3 = new(2025, 9, 30);

    internal static IssuerSnapshot Snapshot(string ticker, decimal digital, decimal? total, string asset = "BTC", decimal units = 1m, LocalDate? asOf = null, bool? constituent = null) =>
        new(new IssuerId(ticker), asOf ?? Q3, total, [new DigitalAssetHolding(asset, units, digital)]) { IsIndexConstituent = constituent };
}
