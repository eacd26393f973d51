using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Sec;
using DatRules.Sec.Import;

namespace DatRules.Tests.Sec;

/// <summary>companyfacts files from Sec/Fixtures (real MicroStrategy and Marathon Patent Group facts; see its README).</summary>
public sealed class CompanyFactsImportTests
{
    private static readonly LocalDate Q3_2020 = new(2020, 9, 30);

    [Fact]
    public void Import_MicroStrategyQ3_2020_UsesPerIssuerMappingWithFilingProvenance()
    {
        var result = SecFixtures.ImportCompanyFacts("CIK0001050446.json");

        // 10-Q 0001564590-20-047995 filed 2020-10-27: Assets 772,905,000; IndefiniteLivedIntangibleAssetsExcludingGoodwill
        // ("Digital assets") 380,758,000.
        var s = result.Single(Q3_2020, "0001564590-20-047995");
        Assert.Equal(772_905_000m, s.TotalAssets);
        Assert.Equal(380_758_000m, s.DigitalAssets);
        Assert.Equal("CIK0001050446", s.Issuer.Ticker);
        Assert.Equal("MICROSTRATEGY Inc", s.Issuer.Name);
        var p = s.Provenance!;
        Assert.Equal(1050446, p.Cik);
        Assert.Equal("10-Q", p.Form);
        Assert.Equal(new LocalDate(2020, 10, 27), p.Filed);
        Assert.Equal(["us-gaap:Assets", "us-gaap:IndefiniteLivedIntangibleAssetsExcludingGoodwill"], p.Concepts);
        Assert.Equal("sec-companyfacts CIK0001050446.json", p.Source);
        Assert.StartsWith("Digital assets read by a per-issuer mapping (us-gaap:IndefiniteLivedIntangibleAssetsExcludingGoodwill): MicroStrategy 10-Q 0001564590-20-047995", p.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_MicroStrategyQ3_2020_IsJustBelowFiftyPercent()
    {
        var s = SecFixtures.ImportCompanyFacts("CIK0001050446.json").Single(Q3_2020, "0001564590-20-047995");

        // 380,758,000 / 772,905,000 = 0.49263... < 0.50: an operating company under MSCI's test on that balance sheet.
        var r = DatClassifier.Msci.Classify(s);
        Assert.Equal(DatClassification.OperatingCompany, r.Classification);
        Assert.Equal(380_758_000m / 772_905_000m, r.DigitalAssetRatio);
        Assert.Contains("Figures from 10-Q 0001564590-20-047995 filed 2020-10-27 (sec-companyfacts CIK0001050446.json).", r.Reasons);
    }

    [Theory]
    [InlineData("2020-11-01", "2020-09-30", 772_905_000, 380_758_000)]   // 10-Q filed 2020-10-27
    [InlineData("2021-02-11", "2020-09-30", 772_905_000, 380_758_000)]   // the 10-K comes a day later
    [InlineData("2021-02-12", "2020-12-31", 1_465_612_000, 1_054_302_000)] // 10-K 0001564590-21-005783 filed 2021-02-12
    [InlineData("2021-04-29", "2021-03-31", 2_443_079_000, 1_946_582_000)] // 10-Q 0001564590-21-021949 filed 2021-04-29
    public void KnownOn_MicroStrategy_SelectsLatestBalanceSheetFiledByThen(string knownOn, string asOf, long total, long digital)
    {
        var result = SecFixtures.ImportCompanyFacts("CIK0001050446.json");

        var s = Assert.Single(PointInTime.KnownOn(result.Snapshots, LocalDate.FromDateTime(DateTime.Parse(knownOn))).Snapshots);
        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(asOf)), s.AsOf);
        Assert.Equal(total, s.TotalAssets);
        Assert.Equal(digital, s.DigitalAssets);
    }

    [Fact]
    public void KnownOn_MicroStrategyDecember2020_BecomesDatOnTheTenKFilingDay()
    {
        var result = SecFixtures.ImportCompanyFacts("CIK0001050446.json");

        // 1,054,302,000 / 1,465,612,000 = 0.7194 >= 0.50 from 2021-02-12; before that the Q3 10-Q's 49.26%.
        Classify("2021-02-11", DatClassification.OperatingCompany);
        Classify("2021-02-12", DatClassification.DigitalAssetTreasury);

        void Classify(string date, DatClassification expected) =>
            Assert.Equal(expected, DatClassifier.Msci.Classify(PointInTime.KnownOn(result.Snapshots, LocalDate.FromDateTime(DateTime.Parse(date))).Snapshots.Single()).Classification);
    }

    [Fact]
    public void KnownOn_RestatedTotalAssets_ReturnsTheOldValueUntilTheRestatementIsFiled()
    {
        var result = SecFixtures.ImportCompanyFacts("CIK0001050446.json");

        // Total assets at 2017-12-31: 835,728,000 in the 10-K filed 2018-02-07, 933,219,000 in the 10-Q filed 2018-04-26
        // (the fixture is trimmed: no 2018 quarter-end entries, so 2017-12-31 is the latest period until 2020).
        Assert.Equal(835_728_000m, At("2018-04-25").TotalAssets);
        Assert.Equal(933_219_000m, At("2018-04-26").TotalAssets);
        Assert.Equal(AccessionNumber.Parse("0001564590-18-009338"), At("2018-04-26").Provenance!.Accession);

        IssuerSnapshot At(string date) => PointInTime.KnownOn(result.Snapshots, LocalDate.FromDateTime(DateTime.Parse(date))).Snapshots.Single();
    }

    [Fact]
    public void Import_MicroStrategy2017_NoDigitalAssetFact_ZeroWithReason()
    {
        var s = SecFixtures.ImportCompanyFacts("CIK0001050446.json").Single(new LocalDate(2017, 12, 31), "0001564590-18-001547");

        Assert.Equal(0m, s.DigitalAssets);
        Assert.Equal(["us-gaap:Assets"], s.Provenance!.Concepts);
        Assert.Equal(
            "No mapped digital-asset fact (us-gaap:IndefiniteLivedIntangibleAssetsExcludingGoodwill, us-gaap:CryptoAssetFairValue, us-gaap:CryptoAssetFairValueCurrent, us-gaap:CryptoAssetFairValueNoncurrent) in this filing: digital assets taken as zero.",
            s.Provenance.Note);
        Assert.Contains(s.Provenance.Note, DatClassifier.Msci.Classify(s).Reasons);
    }

    [Fact]
    public void KnownOn_AmendedTenQ_SupersedesFromItsOwnFiledDate()
    {
        var result = SecFixtures.ImportCompanyFacts("CIK0001507605.json");
        var march2012 = result.Snapshots.Where(s => s.AsOf == new LocalDate(2012, 3, 31)).ToList();

        // Two balance sheets for 2012-03-31: the 10-Q (10,493,499, filed 2012-05-15) and the 10-Q/A (5,494,499, filed 2012-08-24).
        Assert.Equal(2, march2012.Count);
        Assert.Equal(10_493_499m, At("2012-08-23").TotalAssets);
        Assert.Equal("10-Q", At("2012-08-23").Provenance!.Form);
        Assert.Equal(5_494_499m, At("2012-08-24").TotalAssets);
        Assert.True(At("2012-08-24").Provenance!.IsAmendment);

        IssuerSnapshot At(string date) => PointInTime.KnownOn(march2012, LocalDate.FromDateTime(DateTime.Parse(date))).Snapshots.Single();
    }

    [Fact]
    public void Import_MarathonPatent2012_NoCryptoFact_IndeterminateOptionListsFilings()
    {
        var map = DatRules.Sec.Concepts.SecConceptMap.Default.ToBuilder().WhenNoDigitalAssetFact(DatRules.Sec.Concepts.MissingDigitalAssetFact.Indeterminate).Build();
        var importer = new SecImporter(map);
        using (var s = SecFixtures.Open("CIK0001507605.json"))
        {
            importer.AddCompanyFacts(s, "CIK0001507605.json");
        }

        var result = importer.Build();

        // 19 Assets entries in 15 distinct (filing, date) pairs... every one without crypto, so no snapshot at all.
        Assert.Empty(result.Snapshots);
        Assert.Equal(19, result.FactsRead);
        Assert.Equal(19, result.Indeterminate.Length);
        Assert.All(result.Indeterminate, i => Assert.StartsWith("No mapped digital-asset fact (us-gaap:CryptoAssetFairValue", i.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Import_WithTickerFile_UsesTheTicker()
    {
        using var tickers = SecFixtures.Json("""{"0":{"cik_str":1050446,"ticker":"MSTR","title":"MicroStrategy Inc"},"1":{"cik_str":1050446,"ticker":"MSTR2","title":"x"}}""");
        var importer = new SecImporter(tickers: SecTickerMap.Read(tickers, "company_tickers.json"));
        using (var s = SecFixtures.Open("CIK0001050446.json"))
        {
            importer.AddCompanyFacts(s, "CIK0001050446.json");
        }

        Assert.All(importer.Build().Snapshots, s => Assert.Equal("MSTR", s.Issuer.Ticker));
    }

    [Fact]
    public void Import_DurationFacts_OnlyQuarterFlowsOfLineItemsAreRead()
    {
        // Synthetic: a duration Assets fact is not a balance-sheet amount; a one-quarter Revenues fact is the revenue line
        // item (2025-01-01..2025-03-31, 89 days); a half-year Revenues fact and an unmapped concept are not read.
        using var json = SecFixtures.Json("""
            {"cik":1,"entityName":"Synthetic","facts":{"us-gaap":{
              "Assets":{"units":{"USD":[{"start":"2025-01-01","end":"2025-03-31","val":5,"accn":"0000000001-25-000001","form":"10-Q","filed":"2025-05-01"},
                                        {"end":"2025-03-31","val":100,"accn":"0000000001-25-000001","form":"10-Q","filed":"2025-05-01"}]}},
              "Revenues":{"units":{"USD":[{"start":"2025-01-01","end":"2025-03-31","val":7,"accn":"0000000001-25-000001","form":"10-Q","filed":"2025-05-01"},
                                          {"start":"2024-10-01","end":"2025-03-31","val":15,"accn":"0000000001-25-000001","form":"10-Q","filed":"2025-05-01"}]}},
              "NetIncomeLoss":{"units":{"USD":[{"start":"2025-01-01","end":"2025-03-31","val":3,"accn":"0000000001-25-000001","form":"10-Q","filed":"2025-05-01"}]}}}}}
            """);
        var importer = new SecImporter();
        importer.AddCompanyFacts(json, "synthetic.json");
        var result = importer.Build();

        Assert.Equal(2, result.FactsRead);
        var s = Assert.Single(result.Snapshots);
        Assert.Equal(100m, s.TotalAssets);
        var revenue = Assert.Single(s.LineItems);
        Assert.Equal(DatRules.Issuers.LineItem.Revenue, revenue.Item);
        Assert.Equal(7m, revenue.Amount);
        Assert.Equal(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31)), revenue.Period);
        Assert.Equal(["us-gaap:Revenues"], revenue.Provenance!.Concepts);
    }

    [Theory]
    [InlineData("""{"cik":1,"facts":{"us-gaap":{"Assets":{"units":{"USD":[{"end":"2025-03-31","val":"x","accn":"0000000001-25-000001","form":"10-Q","filed":"2025-05-01"}]}}}}}""", "bad.json: $.facts['us-gaap'].Assets.units.USD[0].val: '\"x\"' is not a number that fits a decimal")]
    [InlineData("""{"cik":1,"facts":{"us-gaap":{"Assets":{"units":{"USD":[{"end":"2025-02-30","val":1,"accn":"0000000001-25-000001","form":"10-Q","filed":"2025-05-01"}]}}}}}""", "bad.json: $.facts['us-gaap'].Assets.units.USD[0].end: '\"2025-02-30\"' is not a date in yyyy-MM-dd form")]
    [InlineData("""{"cik":1,"facts":{"us-gaap":{"Assets":{"units":{"USD":[{"end":"2025-03-31","val":1,"accn":"12","form":"10-Q","filed":"2025-05-01"}]}}}}}""", "bad.json: $.facts['us-gaap'].Assets.units.USD[0].accn: '\"12\"' is not an accession number (0001234567-25-012345)")]
    [InlineData("""{"cik":1,"facts":{"us-gaap":{"Assets":{"units":{"USD":[{"end":"2025-03-31","val":1,"accn":"0000000001-25-000001","filed":"2025-05-01"}]}}}}}""", "bad.json: $.facts['us-gaap'].Assets.units.USD[0].form: required member is missing")]
    [InlineData("""{"cik":0,"facts":{}}""", "bad.json: $.cik: '0' is not a CIK (an integer in [1-9999999999])")]
    [InlineData("""{"cik":1}""", "bad.json: $.facts: required member is missing")]
    [InlineData("""{"cik":1,"cik":2,"facts":{}}""", "bad.json: $.cik: duplicate key (a JSON object names each key once)")]
    [InlineData("{\"cik\":1,\n\"facts\":{", "bad.json: line 2, byte 10: not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.")]
    public void AddCompanyFacts_MalformedJson_TypedErrorNamingFileAndPath(string json, string message)
    {
        using var s = SecFixtures.Json(json);
        var ex = Assert.Throws<SecDataException>(() => new SecImporter().AddCompanyFacts(s, "bad.json"));
        Assert.Equal(message, ex.Message);
    }
}
