using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DatRules.Sec;
using DatRules.Sec.Import;

namespace DatRules.Tests.Sec;

/// <summary>
/// Issue 22, "trust nothing read": hostile or broken SEC files give a typed error naming the file and the place, or a
/// correct result with a note; never a crash, a silent guess or lost data. Archives are built in memory.
/// </summary>
public sealed class HostileSecInputTests
{
    private const string Accn = "0000000001-25-000001";

    /// <summary>A companyfacts file of CIK 1 with us-gaap:Assets and us-gaap:CryptoAssetFairValue facts of one filing.</summary>
    private static string CompanyFacts(
        string end = "2025-03-31",
        string filed = "2025-05-01",
        string assetsUnit = "USD",
        string cryptoUnit = "USD",
        string assetsVal = "100",
        string form = "10-Q",
        string cryptoFiled = "2025-05-01",
        string cryptoForm = "10-Q",
        string name = "Synthetic") => $$$"""
        {"cik":1,"entityName":"{{{name}}}","facts":{"us-gaap":{
          "Assets":{"units":{"{{{assetsUnit}}}":[{"end":"{{{end}}}","val":{{{assetsVal}}},"accn":"{{{Accn}}}","form":"{{{form}}}","filed":"{{{filed}}}"}]}},
          "CryptoAssetFairValue":{"units":{"{{{cryptoUnit}}}":[{"end":"{{{end}}}","val":60,"accn":"{{{Accn}}}","form":"{{{cryptoForm}}}","filed":"{{{cryptoFiled}}}"}]}
        """ + "}}}}";

    private static SecImportResult ImportCompanyFacts(string json, string name = "cf.json")
    {
        var importer = new SecImporter();
        importer.AddCompanyFacts(SecFixtures.Json(json), name);
        return importer.Build();
    }

    private static SecDataException CompanyFactsError(string json) =>
        Assert.Throws<SecDataException>(() => new SecImporter().AddCompanyFacts(SecFixtures.Json(json), "cf.json"));

    private const string Tesla = "0001628280-25-003063";

    private static string Sub(string filed = "20250130") =>
        SecFixtures.SubHeader + "\n" + SecFixtures.SubRow(Tesla, 1318605, "TESLA, INC.", "10-K", "20241231", filed) + "\n";

    private static string Num(string ddate = "20241231", string uom = "USD") =>
        SecFixtures.NumHeader + "\n"
        + $"{Tesla}\tAssets\tus-gaap/2024\t{ddate}\t0\t{uom}\t\t\t100\t\n"
        + $"{Tesla}\tCryptoAssetFairValue\tus-gaap/2024\t{ddate}\t0\t{uom}\t\t\t60\t\n";

    private static SecImportResult ImportFsds(Stream zip)
    {
        var importer = new SecImporter();
        importer.AddFinancialStatementDataSets(zip, "q.zip");
        return importer.Build();
    }

    private static SecDataException FsdsError(Stream zip) =>
        Assert.Throws<SecDataException>(() => new SecImporter().AddFinancialStatementDataSets(zip, "q.zip"));

    /// <summary>A zip with the given entries, each written by its writer (so that large entries are never held in memory).</summary>
    private static MemoryStream Zip(params (string Name, Action<Stream> Write)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, write) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                write(s);
            }
        }

        ms.Position = 0;
        return ms;
    }

    private static Action<Stream> Text(string text) => s => s.Write(Encoding.UTF8.GetBytes(text));

    /// <summary>Writes <paramref name="prefix"/>, then <paramref name="count"/> copies of <paramref name="fill"/>.</summary>
    private static Action<Stream> Repeated(string prefix, byte fill, long count) => s =>
    {
        s.Write(Encoding.UTF8.GetBytes(prefix));
        var block = new byte[1 << 20];
        Array.Fill(block, fill);
        for (long left = count; left > 0; left -= block.Length)
        {
            s.Write(block, 0, (int)Math.Min(block.Length, left));
        }
    };

    // 1. Look-ahead -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2025-05-02")]
    public void AddCompanyFacts_PeriodEndAfterFiledDate_LeftOutWithNote(string end)
    {
        var result = ImportCompanyFacts(CompanyFacts(end: end, filed: "2025-05-01"));

        Assert.Empty(result.Snapshots);
        var issue = Assert.Single(result.Indeterminate);
        Assert.Equal($"balance-sheet date {end} is after the filing's filed date 2025-05-01 (cf.json): a filing cannot report a balance sheet it has not seen; left out, never imported as known", issue.Reason);
    }

    [Fact]
    public void AddCompanyFacts_PeriodEndOnFiledDate_IsImported()
    {
        var s = Assert.Single(ImportCompanyFacts(CompanyFacts(end: "2025-05-01", filed: "2025-05-01")).Snapshots);
        Assert.Equal(100m, s.TotalAssets);
    }

    [Fact]
    public void AddFinancialStatementDataSets_DdateAfterFiled_LeftOutWithNote()
    {
        using var zip = SecFixtures.Zip(Sub(filed: "20250130"), Num(ddate: "99991231"));

        var result = ImportFsds(zip);

        Assert.Empty(result.Snapshots);
        Assert.StartsWith("balance-sheet date 9999-12-31 is after the filing's filed date 2025-01-30 (q.zip)", Assert.Single(result.Indeterminate).Reason, StringComparison.Ordinal);
    }

    // 2. Units ------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("shares")]
    [InlineData("pure")]
    [InlineData("USD/shares")]
    [InlineData("usd")]
    [InlineData("U\u0405D")] // Cyrillic DZE, looks like S
    [InlineData("\uFF35\uFF33\uFF24")] // full-width USD
    [InlineData("ABC")]
    public void AddCompanyFacts_UnitNotACurrencyCode_NeverReadAsDollars(string unit)
    {
        var result = ImportCompanyFacts(CompanyFacts(assetsUnit: unit, cryptoUnit: unit));

        Assert.Empty(result.Snapshots);
        var issue = Assert.Single(result.Indeterminate);
        Assert.Contains($"unit '{unit}' is not an ISO 4217 currency code", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCompanyFacts_EuroBalanceSheet_IsInEuros()
    {
        var s = Assert.Single(ImportCompanyFacts(CompanyFacts(assetsUnit: "EUR", cryptoUnit: "EUR")).Snapshots);
        Assert.Equal("EUR", s.Currency.Code);
        Assert.Equal(60m, s.DigitalAssets);
    }

    [Fact]
    public void AddCompanyFacts_UsdAssetsEurCrypto_IndeterminateNotZeroPercent()
    {
        var result = ImportCompanyFacts(CompanyFacts(assetsUnit: "USD", cryptoUnit: "EUR"));

        Assert.Empty(result.Snapshots);
        Assert.Empty(result.WithoutTotalAssets);
        var issue = Assert.Single(result.Indeterminate);
        Assert.Equal(
            "the balance sheet's amounts are in more than one currency (EUR: us-gaap:CryptoAssetFairValue; USD: us-gaap:Assets); one balance sheet, one currency: no FX conversion is made (no FX table)",
            issue.Reason);
    }

    [Fact]
    public void AddFinancialStatementDataSets_UomShares_NeverReadAsDollars()
    {
        using var zip = SecFixtures.Zip(Sub(), Num(uom: "shares"));

        var result = ImportFsds(zip);

        Assert.Empty(result.Snapshots);
        Assert.Contains("unit 'shares' is not an ISO 4217 currency code", Assert.Single(result.Indeterminate).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFrames_UomLowerCaseUsd_NeverReadAsDollars()
    {
        const string frame = """
            {"taxonomy":"us-gaap","tag":"Assets","ccp":"CY2020Q3I","uom":"usd",
             "data":[{"accn":"0001564590-20-047995","cik":1050446,"entityName":"MICROSTRATEGY Inc","loc":"US-VA","end":"2020-09-30","val":772905000}]}
            """;
        var importer = new SecImporter();
        importer.AddFrames(SecFixtures.Json(frame), "f.json");

        var result = importer.Build();

        Assert.Empty(result.Snapshots);
        Assert.Contains("unit 'usd' is not an ISO 4217 currency code", Assert.Single(result.Indeterminate).Reason, StringComparison.Ordinal);
    }

    // 3. Archives ---------------------------------------------------------------------------------------------------

    [Fact]
    public void AddFinancialStatementDataSets_TwoSubTxtEntries_ErrorNamesBoth()
    {
        using var zip = Zip(("sub.txt", Text(Sub())), ("num.txt", Text(Num())), ("SUB.TXT", Text(Sub(filed: "20260101"))));

        var ex = FsdsError(zip);

        Assert.Equal("q.zip: archive: 2 entries named sub.txt (sub.txt, SUB.TXT); a Financial Statement Data Sets zip holds exactly one sub.txt at its root", ex.Message);
    }

    [Fact]
    public void AddFinancialStatementDataSets_SubTxtInSubfolder_ErrorNamesTheEntry()
    {
        using var zip = Zip(("2025q1/sub.txt", Text(Sub())), ("num.txt", Text(Num())));

        var ex = FsdsError(zip);

        Assert.Equal("q.zip: archive: sub.txt is not at the root of the archive (found 2025q1/sub.txt); a Financial Statement Data Sets zip holds exactly one sub.txt at its root", ex.Message);
    }

    [Fact]
    public void AddFinancialStatementDataSets_HugeSubTxtLine_RefusedQuicklyNamingLine()
    {
        // 32 MiB of one line after the header: compresses to about 32 KB; the reader must stop at its line bound, having read
        // 1 MiB of it (an 8 GB line is refused the same way, or sooner by the expansion bound).
        using var zip = Zip(("sub.txt", Repeated(SecFixtures.SubHeader + "\n", (byte)'a', 32L << 20)), ("num.txt", Text(Num())));
        var watch = Stopwatch.StartNew();

        var ex = FsdsError(zip);

        Assert.Equal("q.zip!sub.txt: line 2: a line longer than 1048576 bytes (a real line is under 2 KB): not a Financial Statement Data Sets file", ex.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void AddFinancialStatementDataSets_ZipBombNumTxt_RefusedByExpansionBound()
    {
        // 256 MiB of line feeds: about 1000:1, where real data sets expand about 10:1.
        using var zip = Zip(("sub.txt", Text(Sub())), ("num.txt", Repeated(SecFixtures.NumHeader + "\n", (byte)'\n', 256L << 20)));
        var watch = Stopwatch.StartNew();

        var ex = FsdsError(zip);

        Assert.StartsWith("q.zip!num.txt: archive: expands to more than ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("refused as a possible zip bomb", ex.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(2_000_000, "q.zip!num.txt: line 1: a line longer than 1048576 bytes (a real line is under 2 KB): not a Financial Statement Data Sets file")]
    [InlineData(300_000, "q.zip!num.txt: line 1: the header has 300010 columns; at most 256 are read (num.txt has about 10)")]
    public void AddFinancialStatementDataSets_HugeColumnCountNumHeader_TypedErrorNotCrash(int extra, string message)
    {
        // Before issue 22, a Range per column was stack-allocated for every row: 2,000,000 columns overflowed the stack.
        var header = new StringBuilder(SecFixtures.NumHeader);
        for (int i = 0; i < extra; i++)
        {
            header.Append("\tx");
        }

        string num = header + "\n" + $"{Tesla}\tAssets\tus-gaap/2024\t20241231\t0\tUSD\t\t\t100\t\n";
        using var zip = Zip(("sub.txt", Text(Sub())), ("num.txt", Text(num)));

        var ex = FsdsError(zip);

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void AddFinancialStatementDataSets_HugeColumnCountSubHeader_TypedError()
    {
        string sub = "adsh\tcik\tname\tform\tfiled" + string.Concat(Enumerable.Repeat("\tx", 300_000)) + "\n";
        using var zip = Zip(("sub.txt", Text(sub)), ("num.txt", Text(Num())));

        var ex = FsdsError(zip);

        Assert.Equal("q.zip!sub.txt: line 1: the header has 300005 columns; at most 256 are read (sub.txt has 36)", ex.Message);
    }

    [Fact]
    public void BoundedStream_MoreThanTheLimit_SecDataExceptionWhateverTheHeaderSays()
    {
        // The bound on bytes actually inflated, for an archive whose header understates an entry's size.
        var bounded = new BoundedStream(new MemoryStream(new byte[1001]), 1000, limit => new SecDataException("q.zip!num.txt", "archive", $"expands to more than {limit} bytes"));

        var ex = Assert.Throws<SecDataException>(() => bounded.CopyTo(Stream.Null));

        Assert.Equal("q.zip!num.txt: archive: expands to more than 1000 bytes", ex.Message);
    }

    [Fact]
    public void BoundedStream_ExactlyTheLimit_IsReadAndLeavesACallersStreamOpen()
    {
        var inner = new MemoryStream(new byte[1000]);
        using (var bounded = new BoundedStream(inner, 1000, _ => new SecDataException("x", "y", "z"), leaveOpen: true))
        {
            bounded.CopyTo(Stream.Null);
            Assert.Equal(1000, bounded.Position);
        }

        Assert.True(inner.CanRead);
    }

    // 4. JSON -------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("\\ud800", "$.entityName")]
    [InlineData("\\udc00x", "$.entityName")]
    public void AddCompanyFacts_UnpairedSurrogateEscape_ErrorWithPath(string escaped, string path)
    {
        var ex = CompanyFactsError(CompanyFacts(name: escaped));

        Assert.Equal($"cf.json: {path}: not valid text: the string escapes an unpaired UTF-16 surrogate", ex.Message);
    }

    [Fact]
    public void AddCompanyFacts_UnpairedSurrogateInKey_ErrorWithPath()
    {
        var ex = CompanyFactsError("""{"cik":1,"facts":{"us-gaap":{"\ud800":{"units":{}}}}}""");

        Assert.Equal("cf.json: $.facts['us-gaap'] (key 0): the key is not valid text: it escapes an unpaired UTF-16 surrogate", ex.Message);
    }

    [Fact]
    public void AddFrames_UnpairedSurrogateEscape_ErrorWithPath()
    {
        const string frame = """{"taxonomy":"us-gaap","tag":"Assets","ccp":"CY2020Q3I","uom":"USD","data":[{"accn":"0001564590-20-047995","cik":1050446,"entityName":"\ud800","end":"2020-09-30","val":1}]}""";

        var ex = Assert.Throws<SecDataException>(() => new SecImporter().AddFrames(SecFixtures.Json(frame), "f.json"));

        Assert.Equal("f.json: $.data[0].entityName: not valid text: the string escapes an unpaired UTF-16 surrogate", ex.Message);
    }

    [Fact]
    public void SecTickerMapRead_UnpairedSurrogateEscape_ErrorWithPath()
    {
        var ex = Assert.Throws<SecDataException>(() => SecTickerMap.Read(SecFixtures.Json("""{"0":{"cik_str":1,"ticker":"\udfff","title":"x"}}"""), "company_tickers.json"));

        Assert.Equal("company_tickers.json: $['0'].ticker: not valid text: the string escapes an unpaired UTF-16 surrogate", ex.Message);
    }

    [Theory]
    [InlineData("123456789012345678901234567890123")]
    [InlineData("1234567890.12345678901234567890123")]
    [InlineData("0.123456789012345678901234567890123")]
    public void AddCompanyFacts_ThirtyThreeDigitValue_RefusedNotRounded(string val)
    {
        var ex = CompanyFactsError(CompanyFacts(assetsVal: val));

        Assert.Equal($"cf.json: $.facts['us-gaap'].Assets.units.USD[0].val: {(val.Length > 40 ? val[..37] + "..." : val)} has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28): refused, not rounded", ex.Message);
    }

    [Fact]
    public void AddFrames_ThirtyThreeDigitValue_RefusedNotRounded()
    {
        const string frame = """{"taxonomy":"us-gaap","tag":"Assets","ccp":"CY2020Q3I","uom":"USD","data":[{"accn":"0001564590-20-047995","cik":1050446,"end":"2020-09-30","val":1234567890.12345678901234567890123}]}""";

        var ex = Assert.Throws<SecDataException>(() => new SecImporter().AddFrames(SecFixtures.Json(frame), "f.json"));

        Assert.StartsWith("f.json: $.data[0].val: 1234567890.12345678901234567890123 has more digits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFinancialStatementDataSets_ThirtyThreeDigitValue_RefusedNotRounded()
    {
        string num = SecFixtures.NumHeader + "\n" + $"{Tesla}\tAssets\tus-gaap/2024\t20241231\t0\tUSD\t\t\t1234567890.12345678901234567890123\t\n";
        using var zip = SecFixtures.Zip(Sub(), num);

        var ex = FsdsError(zip);

        Assert.Equal("q.zip!num.txt: line 2: value '1234567890.12345678901234567890123' has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28): refused, not rounded", ex.Message);
    }

    [Fact]
    public void AddCompanyFacts_DuplicateKeyInAFact_ErrorWithPath()
    {
        var ex = CompanyFactsError("""{"cik":1,"facts":{"us-gaap":{"Assets":{"units":{"USD":[{"end":"2025-03-31","val":1,"val":2,"accn":"0000000001-25-000001","form":"10-Q","filed":"2025-05-01"}]}}}}}""");

        Assert.Equal("cf.json: $.facts['us-gaap'].Assets.units.USD[0].val: duplicate key (a JSON object names each key once)", ex.Message);
    }

    [Fact]
    public void SecTickerMapRead_DuplicateKey_ErrorWithPath()
    {
        var ex = Assert.Throws<SecDataException>(() => SecTickerMap.Read(SecFixtures.Json("""{"0":{"cik_str":1,"ticker":"A"},"0":{"cik_str":2,"ticker":"B"}}"""), "company_tickers.json"));

        Assert.Equal("company_tickers.json: $['0']: duplicate key (a JSON object names each key once)", ex.Message);
    }

    // 5. Conflicts --------------------------------------------------------------------------------------------------

    [Fact]
    public void AddCompanyFacts_OneAccessionTwoFiledDates_ErrorNamesBoth()
    {
        var ex = CompanyFactsError(CompanyFacts(filed: "2025-05-01", cryptoFiled: "2025-05-02"));

        Assert.Equal(
            "cf.json: $.facts['us-gaap'].CryptoAssetFairValue.units.USD[0]: filing 0000000001-25-000001 is filed 2025-05-02 here but 2025-05-01 in cf.json at $.facts['us-gaap'].Assets.units.USD[0]; one filing has one filed date",
            ex.Message);
    }

    [Fact]
    public void AddCompanyFacts_OneAccessionTwoForms_ErrorNamesBoth()
    {
        var ex = CompanyFactsError(CompanyFacts(form: "10-Q", cryptoForm: "10-K"));

        Assert.Equal(
            "cf.json: $.facts['us-gaap'].CryptoAssetFairValue.units.USD[0]: filing 0000000001-25-000001 is form 10-K here but form 10-Q in cf.json at $.facts['us-gaap'].Assets.units.USD[0]; one filing has one form",
            ex.Message);
    }

    [Fact]
    public void AddFinancialStatementDataSets_FiledDateDiffersFromCompanyFacts_ErrorNamesBoth()
    {
        string cf = $$$"""
            {"cik":1318605,"entityName":"TESLA, INC.","facts":{"us-gaap":{
              "Assets":{"units":{"USD":[{"end":"2024-12-31","val":100,"accn":"{{{Tesla}}}","form":"10-K","filed":"2025-01-29"}]}
            """ + "}}}}";
        var importer = new SecImporter();
        importer.AddCompanyFacts(SecFixtures.Json(cf), "CIK0001318605.json");
        using var zip = SecFixtures.Zip(Sub(filed: "20250130"), Num());

        var ex = Assert.Throws<SecDataException>(() => importer.AddFinancialStatementDataSets(zip, "q.zip"));

        Assert.Equal(
            $"q.zip!num.txt: line 2: filing {Tesla} is filed 2025-01-30 here but 2025-01-29 in CIK0001318605.json at $.facts['us-gaap'].Assets.units.USD[0]; one filing has one filed date",
            ex.Message);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2019-12-31")]
    public void AddFrames_FactOutsideTheFramePeriod_LeftOutWithNote(string end)
    {
        string frame = $$"""
            {"taxonomy":"us-gaap","tag":"Assets","ccp":"CY2020Q3I","uom":"USD",
             "data":[{"accn":"0001564590-20-047995","cik":1050446,"entityName":"MICROSTRATEGY Inc","end":"{{end}}","val":772905000},
                     {"accn":"0001564590-20-047996","cik":1050447,"entityName":"Other","end":"2020-09-26","val":5}]}
            """;
        var importer = new SecImporter();
        importer.AddFrames(SecFixtures.Json(frame), "f.json");

        var result = importer.Build();

        var s = Assert.Single(result.Snapshots);
        Assert.Equal(1050447, s.Provenance!.Cik);
        var issue = Assert.Single(result.Indeterminate);
        Assert.Equal(1050446, issue.Cik);
        Assert.Equal($"f.json: $.data[0]: us-gaap:Assets ends {end}, outside frame CY2020Q3I (instants nearest to 2020-09-30: 2020-08-15 to 2020-11-15); left out", issue.Reason);
    }

    [Fact]
    public void AddFrames_NotAQuarterInstantFrame_ErrorNamesCcp()
    {
        const string frame = """{"taxonomy":"us-gaap","tag":"Assets","ccp":"CY20Q3I","uom":"USD","data":[]}""";

        var ex = Assert.Throws<SecDataException>(() => new SecImporter().AddFrames(SecFixtures.Json(frame), "f.json"));

        Assert.Equal("f.json: $.ccp: 'CY20Q3I' is not an instant frame period of the form CY####Q#I (e.g. CY2025Q3I)", ex.Message);
    }
}
