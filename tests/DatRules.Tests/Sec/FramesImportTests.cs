using DatRules.Issuers;
using DatRules.Sec;
using DatRules.Sec.Import;

namespace DatRules.Tests.Sec;

/// <summary>
/// Frames files (one concept, one instant period, every filer) built from real MicroStrategy facts: CY2020Q3I
/// us-gaap:Assets 772,905,000 and us-gaap:IndefiniteLivedIntangibleAssetsExcludingGoodwill 380,758,000, both from
/// 10-Q 0001564590-20-047995 (the companyfacts entries carry "frame":"CY2020Q3I").
/// </summary>
public sealed class FramesImportTests
{
    private const string AssetsFrame = """
        {"taxonomy":"us-gaap","tag":"Assets","ccp":"CY2020Q3I","uom":"USD","label":"Assets","description":"Sum of the carrying amounts as of the balance sheet date of all assets that are recognized.","pts":1,
         "data":[{"accn":"0001564590-20-047995","cik":1050446,"entityName":"MICROSTRATEGY Inc","loc":"US-VA","end":"2020-09-30","val":772905000}]}
        """;

    private const string DigitalFrame = """
        {"taxonomy":"us-gaap","tag":"IndefiniteLivedIntangibleAssetsExcludingGoodwill","ccp":"CY2020Q3I","uom":"USD","label":"x","description":"x","pts":1,
         "data":[{"accn":"0001564590-20-047995","cik":1050446,"entityName":"MICROSTRATEGY Inc","loc":"US-VA","end":"2020-09-30","val":380758000}]}
        """;

    [Fact]
    public void Import_TwoFramesOfOneFiling_MakeOneSnapshotWithoutFiledDate()
    {
        var importer = new SecImporter();
        importer.AddFrames(SecFixtures.Json(AssetsFrame), "Assets-CY2020Q3I.json");
        importer.AddFrames(SecFixtures.Json(DigitalFrame), "Indefinite-CY2020Q3I.json");

        var s = Assert.Single(importer.Build().Snapshots);
        Assert.Equal(772_905_000m, s.TotalAssets);
        Assert.Equal(380_758_000m, s.DigitalAssets);
        Assert.Null(s.Provenance!.Filed);
        Assert.Null(s.Provenance.Form);
        Assert.Equal("sec-frames Assets-CY2020Q3I.json sec-frames Indefinite-CY2020Q3I.json", s.Provenance.Source);

        // Frames state no filed date: point-in-time cannot place the snapshot and says so.
        var known = PointInTime.KnownOn([s], new LocalDate(2021, 1, 1));
        Assert.Empty(known.Snapshots);
        Assert.Single(known.Undated);
    }

    [Fact]
    public void Import_FramesWithCompanyFacts_TakeTheFilingDateFromCompanyFacts()
    {
        var importer = new SecImporter();
        importer.AddFrames(SecFixtures.Json(AssetsFrame), "Assets-CY2020Q3I.json");
        using (var cf = SecFixtures.Open("CIK0001050446.json"))
        {
            importer.AddCompanyFacts(cf, "CIK0001050446.json");
        }

        var s = importer.Build().Single(new LocalDate(2020, 9, 30), "0001564590-20-047995");
        Assert.Equal(new LocalDate(2020, 10, 27), s.Provenance!.Filed);
        Assert.Equal(772_905_000m, s.TotalAssets);
    }

    [Theory]
    [InlineData("""{"taxonomy":"us-gaap","tag":"Assets","ccp":"CY2020Q3","uom":"USD","data":[]}""", "f.json: $.ccp: 'CY2020Q3' is a duration frame; only instant frames (ending in I, e.g. CY2025Q3I) hold balance-sheet amounts")]
    [InlineData("""{"taxonomy":"us-gaap","tag":"NetIncomeLoss","ccp":"CY2020Q3I","uom":"USD","data":[]}""", "f.json: $.tag: 'us-gaap:NetIncomeLoss' is not in the concept map (reads: us-gaap:Assets, us-gaap:CashAndCashEquivalentsAtCarryingValue, us-gaap:CryptoAssetFairValue, us-gaap:CryptoAssetFairValueCurrent, us-gaap:CryptoAssetFairValueNoncurrent, us-gaap:IndefiniteLivedIntangibleAssetsExcludingGoodwill, us-gaap:Liabilities, us-gaap:LongTermInvestments, us-gaap:MarketableSecurities, us-gaap:MarketableSecuritiesCurrent, us-gaap:MarketableSecuritiesNoncurrent, us-gaap:OperatingIncomeLoss, us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, us-gaap:Revenues)")]
    [InlineData("""{"taxonomy":"us-gaap","tag":"Assets","ccp":"CY2020Q3I","uom":"USD","data":[{"accn":"0001564590-20-047995","cik":1050446,"end":"2020-09-30"}]}""", "f.json: $.data[0].val: required member is missing")]
    [InlineData("""{"taxonomy":"us-gaap","tag":"Assets","ccp":"CY2020Q3I","uom":"USD"}""", "f.json: $.data: required member is missing")]
    public void AddFrames_Malformed_TypedErrorNamingPath(string json, string message)
    {
        var ex = Assert.Throws<SecDataException>(() => new SecImporter().AddFrames(SecFixtures.Json(json), "f.json"));
        Assert.Equal(message, ex.Message);
    }
}
