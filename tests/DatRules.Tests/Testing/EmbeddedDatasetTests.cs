using DatRules.Issuers;
using DatRules.Testing;

namespace DatRules.Tests.Testing;

/// <summary>Filing figures of the embedded dataset (each with its accession number or document); its 10 Oct 2025 screen through the CLI is in DatRules.Cli.Tests (Input/EmbeddedDatasetScreenTests).</summary>
public sealed class EmbeddedDatasetTests
{
    private static IssuerSnapshot Row(string ticker, string asOf) =>
        SampleData.AllBalanceSheets().Single(s => s.Issuer.Ticker == ticker && s.AsOf == LocalDate.FromDateTime(DateTime.Parse(asOf)));

    [Fact]
    public void Strategy_ThirdQuarter2025_TenQFigures()
    {
        var s = Row("MSTR", "2025-09-30");

        Assert.Equal(AccessionNumber.Parse("0001193125-25-262568"), s.Provenance!.Accession);
        Assert.Equal(new LocalDate(2025, 11, 3), s.Provenance.Filed);
        Assert.Equal(73_205_725_000m, s.DigitalAssets);
        Assert.Equal(73_619_038_000m, s.TotalAssets);
    }

    [Fact]
    public void Canaan_SixK_DigitalAssetsAreThePrintedCryptoLines()
    {
        var s = Row("CAN", "2025-06-30");

        // 6-K 0001104659-25-087782, US$ thousands: cryptocurrency 61,845 + receivable current 75,353 + non-current 32,282.
        Assert.Equal(AccessionNumber.Parse("0001104659-25-087782"), s.Provenance!.Accession);
        Assert.Equal((61_845m + 75_353m + 32_282m) * 1_000m, s.DigitalAssets);
        Assert.Equal(592_175_000m, s.TotalAssets);
    }

    [Fact]
    public void Metaplanet_KeepsItsFilingCurrency()
    {
        var s = Row("3350.T", "2025-12-31");

        Assert.Equal(new Currency("JPY"), s.Currency);
        Assert.All(s.Holdings, h => Assert.Equal(new Currency("JPY"), h.Currency));
        Assert.False(s.HasCurrencyMix);
    }

    [Fact]
    public void Every_RowNamesItsFilingButTwoLabelledEstimates()
    {
        // BitMine (figures from the company's weekly holdings release, not retrieved) and The Smarter Web Company (units
        // not found) name no filing yet; both are labelled estimates (docs/data.md).
        var unnamed = SampleData.AllBalanceSheets().Where(s => string.IsNullOrWhiteSpace(s.Provenance?.Form)).ToList();
        Assert.Equal(["BMNR", "SWC"], unnamed.Select(s => s.Issuer.Ticker));
        Assert.All(unnamed, s => Assert.True(s.IsEstimate));
    }
}
