using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Sec;
using DatRules.Sec.Import;
using static DatRules.TestSupport.FsdsSample;

namespace DatRules.Tests.Sec;

/// <summary>
/// Financial Statement Data Sets archives in the SEC's layout (sub.txt header from the real 2023q1 file; the 2024+
/// num.txt header with segments) holding real figures; Sec/Fixtures/README.md names the filing behind each.
/// </summary>
public sealed class FinancialStatementDataSetImportTests
{
    private static SecImportResult Import(string sub, string num)
    {
        using var zip = SecFixtures.Zip(sub, num);
        var importer = new SecImporter();
        importer.AddFinancialStatementDataSets(zip, "2025q1.zip");
        return importer.Build();
    }

    [Fact]
    public void Import_TeslaTenK_NoncurrentCryptoAloneCountsWithProvenance()
    {
        var s = Assert.Single(Import(Sub(), Num()).Snapshots);

        Assert.Equal("CIK0001318605", s.Issuer.Ticker);
        Assert.Equal("TESLA, INC.", s.Issuer.Name);
        Assert.Equal(new LocalDate(2024, 12, 31), s.AsOf);
        Assert.Equal(122_070_000_000m, s.TotalAssets);
        Assert.Equal(1_076_000_000m, s.DigitalAssets);
        Assert.Equal(new LocalDate(2025, 1, 30), s.Provenance!.Filed);
        Assert.Equal("10-K", s.Provenance.Form);
        Assert.Equal(["us-gaap:Assets", "us-gaap:CryptoAssetFairValueNoncurrent"], s.Provenance.Concepts);
        Assert.Equal("sec-fsds 2025q1.zip", s.Provenance.Source);

        // 1,076 / 122,070 = 0.88% of total assets: an operating company.
        Assert.Equal(DatClassification.OperatingCompany, DatClassifier.Msci.Classify(s).Classification);
    }

    [Fact]
    public void Import_CleanSparkCurrentAndNoncurrent_AreSummedFromTheSameFiling()
    {
        var issue = Assert.Single(Import(Sub(), Num()).WithoutTotalAssets, i => i.Cik == 827876);

        // 830,073,000 + 171,924,000 = 1,001,997,000; no total assets in the fixture, so no ratio.
        Assert.Equal(
            "No us-gaap:Assets in this filing for this date: digital assets 1001997000.0000 USD (us-gaap:CryptoAssetFairValueCurrent + us-gaap:CryptoAssetFairValueNoncurrent) cannot be put in a ratio.",
            issue.Reason);
    }

    [Fact]
    public void Import_PerCoinDimensionalFacts_AreNotDoubleCounted()
    {
        var issue = Assert.Single(Import(Sub(), Num()).WithoutTotalAssets, i => i.Cik == 1495231);

        // The undimensioned 162,905 only; summing every row would give 162,905 + 96,722 + 66,183 = 325,810.
        Assert.Contains("digital assets 162905.0000 USD (us-gaap:CryptoAssetFairValue)", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_CustodianCustomerCrypto_IsNeverRead()
    {
        var result = Import(Sub(), Num());

        // Read: Tesla's Assets and crypto, CleanSpark's two, IZEA's undimensioned one = 5 facts; not the safeguarding asset,
        // nor Tesla's duration Revenues, nor IZEA's two per-coin rows.
        Assert.Equal(5, result.FactsRead);
        Assert.DoesNotContain(result.Snapshots, s => s.Provenance!.Cik == 1679788);
        Assert.DoesNotContain(result.WithoutTotalAssets, i => i.Cik == 1679788);
    }

    [Fact]
    public void Import_RealTwentyTwentyThreeRows_ParseByHeaderNameAndYieldNothingUnmapped()
    {
        // The real 2023q1 rows (older 9-column num.txt without segments, trailing empty footnote): share counts only.
        var result = Import(File.ReadAllText(SecFixtures.PathOf("fsds-2023q1-sub.txt")), File.ReadAllText(SecFixtures.PathOf("fsds-2023q1-num.txt")));

        Assert.Empty(result.Snapshots);
        Assert.Equal(0, result.FactsRead);
    }

    [Fact]
    public void Import_CoRegistrantFact_IsSkipped()
    {
        string num = SecFixtures.NumHeader + "\n" + $"{Tesla}\tAssets\tus-gaap/2024\t20241231\t0\tUSD\t\tTesla Energy\t1.0000\t\n";
        Assert.Equal(0, Import(Sub(), num).FactsRead);
    }

    [Theory]
    [InlineData("adsh\ttag\tversion\tddate\tqtrs\tuom\tvalue\n", "2025q1.zip!num.txt: line 1: required column(s) missing from the header: coreg")]
    [InlineData("adsh\ttag\tversion\tddate\tqtrs\tuom\tsegments\tcoreg\tvalue\tfootnote\n0001628280-25-003063\tAssets\tus-gaap/2024\t20241231\t0\tUSD\t\t\n", "2025q1.zip!num.txt: line 2: 8 fields, the header has 10")]
    [InlineData("adsh\ttag\tversion\tddate\tqtrs\tuom\tsegments\tcoreg\tvalue\tfootnote\n0001628280-25-003063\tAssets\tus-gaap/2024\t20241331\t0\tUSD\t\t\t1\t\n", "2025q1.zip!num.txt: line 2: ddate '20241331' is not a date in yyyymmdd form")]
    [InlineData("adsh\ttag\tversion\tddate\tqtrs\tuom\tsegments\tcoreg\tvalue\tfootnote\n0000000001-25-000001\tAssets\tus-gaap/2024\t20241231\t0\tUSD\t\t\t1\t\n", "2025q1.zip!num.txt: line 2: adsh '0000000001-25-000001' is not in sub.txt")]
    [InlineData("adsh\ttag\tversion\tddate\tqtrs\tuom\tsegments\tcoreg\tvalue\tfootnote\n0001628280-25-003063\tAssets\tus-gaap/2024\t20241231\t0\tUSD\t\t\t1,000\t\n", "2025q1.zip!num.txt: line 2: value '1,000' is not a number")]
    [InlineData("adsh\ttag\tversion\tddate\tqtrs\tuom\tsegments\tcoreg\tvalue\tfootnote\n0001628280-25-003063\tAssets\n", "2025q1.zip!num.txt: line 2: 2 fields, the header has 10")]
    [InlineData("adsh\ttag\tversion\tddate\tqtrs\tuom\tsegments\tcoreg\tvalue\tfootnote\n0001628280-25-003063\n", "2025q1.zip!num.txt: line 2: 1 fields, the header has 10")]
    [InlineData("", "2025q1.zip!num.txt: line 1: the file is empty: expected a header with adsh, tag, version, ddate, qtrs, uom, coreg, value")]
    public void Import_MalformedNumTxt_TypedErrorNamingEntryAndLine(string num, string message)
    {
        var ex = Assert.Throws<SecDataException>(() => Import(Sub(), num));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Import_MalformedSubTxt_TypedErrorNamingEntryAndLine()
    {
        string sub = SecFixtures.SubHeader + "\n" + SecFixtures.SubRow(Tesla, 1318605, "TESLA, INC.", "10-K", "20241231", "2025-01-30") + "\n";
        var ex = Assert.Throws<SecDataException>(() => Import(sub, Num()));
        Assert.Equal("2025q1.zip!sub.txt: line 2: filed '2025-01-30' is not a date in yyyymmdd form", ex.Message);
    }

    [Fact]
    public void Import_NotAZip_TypedError()
    {
        using var notZip = new MemoryStream("adsh\tcik\n"u8.ToArray());
        var ex = Assert.Throws<SecDataException>(() => new SecImporter().AddFinancialStatementDataSets(notZip, "x.zip"));
        Assert.StartsWith("x.zip: archive: not a zip archive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ZipWithoutNumTxt_TypedError()
    {
        var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("sub.txt");
        }

        ms.Position = 0;
        var ex = Assert.Throws<SecDataException>(() => new SecImporter().AddFinancialStatementDataSets(ms, "x.zip"));
        Assert.Equal("x.zip: archive: no num.txt in the archive (a Financial Statement Data Sets zip holds sub.txt and num.txt)", ex.Message);
    }

    [Fact]
    public void Import_LineItems_BalancesAndOneQuarterFlowsWithTheirConcepts()
    {
        // Synthetic values in Tesla's filing: cash 30 (instant), revenue of the quarter 25 (qtrs 1: 2024-10-01..2024-12-31),
        // annual revenue (qtrs 4) not read, marketable securities 4 + 6 = 10 (current + noncurrent).
        string num = SecFixtures.NumHeader + "\n"
            + $"{Tesla}\tAssets\tus-gaap/2024\t20241231\t0\tUSD\t\t\t100\t\n"
            + $"{Tesla}\tCashAndCashEquivalentsAtCarryingValue\tus-gaap/2024\t20241231\t0\tUSD\t\t\t30\t\n"
            + $"{Tesla}\tRevenues\tus-gaap/2024\t20241231\t1\tUSD\t\t\t25\t\n"
            + $"{Tesla}\tRevenues\tus-gaap/2024\t20241231\t4\tUSD\t\t\t90\t\n"
            + $"{Tesla}\tMarketableSecuritiesCurrent\tus-gaap/2024\t20241231\t0\tUSD\t\t\t4\t\n"
            + $"{Tesla}\tMarketableSecuritiesNoncurrent\tus-gaap/2024\t20241231\t0\tUSD\t\t\t6\t\n";
        var s = Assert.Single(Import(Sub(), num).Snapshots);

        Assert.Equal(30m, s.LineItems.Single(v => v.Item == LineItem.CashAndEquivalents).Amount);
        Assert.Equal(10m, s.LineItems.Single(v => v.Item == LineItem.MarketableSecurities).Amount);
        var revenue = s.LineItems.Single(v => v.Item == LineItem.Revenue);
        Assert.Equal(25m, revenue.Amount);
        Assert.Equal(new DateInterval(new LocalDate(2024, 10, 1), new LocalDate(2024, 12, 31)), revenue.Period);
        Assert.Equal(["us-gaap:MarketableSecuritiesCurrent", "us-gaap:MarketableSecuritiesNoncurrent"], s.LineItems.Single(v => v.Item == LineItem.MarketableSecurities).Provenance!.Concepts);
    }

    [Fact]
    public void Import_TwoValuesOfAConcept_RatioInputIndeterminateLineItemLeftOut()
    {
        // Synthetic: two different cash figures in one filing drop the cash line item only; two different total assets
        // make the balance sheet unclassifiable (never a guess between them).
        string cash = SecFixtures.NumHeader + "\n"
            + $"{Tesla}\tAssets\tus-gaap/2024\t20241231\t0\tUSD\t\t\t100\t\n"
            + $"{Tesla}\tCashAndCashEquivalentsAtCarryingValue\tus-gaap/2024\t20241231\t0\tUSD\t\t\t30\t\n"
            + $"{Tesla}\tCashAndCashEquivalentsAtCarryingValue\tus-gaap/2024\t20241231\t0\tUSD\t\t\t31\t\n";
        var s = Assert.Single(Import(Sub(), cash).Snapshots);
        Assert.Equal(100m, s.TotalAssets);
        Assert.Empty(s.LineItems);

        string assets = cash + $"{Tesla}\tAssets\tus-gaap/2024\t20241231\t0\tUSD\t\t\t101\t\n";
        var result = Import(Sub(), assets);
        Assert.Empty(result.Snapshots);
        Assert.Equal("us-gaap:Assets has two values in filing 0001628280-25-003063 for 2024-12-31: 100 and 101", Assert.Single(result.Indeterminate).Reason);
    }

    [Fact]
    public void Import_ExtensionConceptInFsds_MatchesPerIssuerMappingByLocalName()
    {
        // Synthetic: an extension tag (version = the filing's accession number) mapped for one issuer.
        var map = DatRules.Sec.Concepts.SecConceptMap.CreateBuilder()
            .TotalAssets("us-gaap:Assets")
            .ForIssuer(1318605, "synthetic citation for a test", null, "tsla:DigitalAssetsHeld")
            .Build();
        string num = SecFixtures.NumHeader + "\n"
            + $"{Tesla}\tAssets\tus-gaap/2024\t20241231\t0\tUSD\t\t\t100\t\n"
            + $"{Tesla}\tDigitalAssetsHeld\t{Tesla}\t20241231\t0\tUSD\t\t\t60\t\n";
        using var zip = SecFixtures.Zip(Sub(), num);
        var importer = new SecImporter(map);
        importer.AddFinancialStatementDataSets(zip, "x.zip");

        var s = Assert.Single(importer.Build().Snapshots);
        Assert.Equal(60m, s.DigitalAssets);
        Assert.Equal(["us-gaap:Assets", "tsla:DigitalAssetsHeld"], s.Provenance!.Concepts);
    }
}
