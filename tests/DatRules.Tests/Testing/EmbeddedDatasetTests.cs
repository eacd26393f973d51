using DatRules.Issuers;
using DatRules.Testing;
using DatRules.Tests.Cli;

namespace DatRules.Tests.Testing;

/// <summary>Filing figures of the embedded dataset (each with its accession number or document) and the 10 Oct 2025 screen.</summary>
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

    [Fact]
    public void AsKnownOn10October2025_ScreensTheBalanceSheetsFiledByThen()
    {
        var r = CliRunner.Run("screen", "--as-known-on", "2025-10-10", "--format", "csv", "--no-reasons");

        // Filed on or before 2025-10-10 in the dataset: six 30 Jun 2025 10-Qs and Capital B's 29 Sep release.
        // RIOT 2,100,000,000 / 4,285,000,000 = 0.4900816803 (operating); SMLR 496,865,000 / 522,597,000 = 0.95076129407... -> 0.9507612941.
        Assert.Equal(0, r.ExitCode);
        var rows = r.Out.TrimEnd().Split('\n').Skip(1).ToList();
        Assert.Equal(["RIOT", "SMLR", "XYZ", "ALCPB", "BTCS", "HSDT", "EMPD"], rows.Select(l => l.Split(',')[0]));
        Assert.StartsWith("RIOT,2025-06-30,OperatingCompany,0.4900816803,", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("SMLR,2025-06-30,DigitalAssetTreasury,0.9507612941,", rows[1], StringComparison.Ordinal);
        Assert.Contains("note: MSTR: no balance sheet filed by 2025-10-10 (first: as of 2025-09-30, filed 2025-11-03); not screened.", r.Error, StringComparison.Ordinal);
    }
}
