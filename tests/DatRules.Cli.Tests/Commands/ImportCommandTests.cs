
namespace DatRules.Cli.Tests.Commands;

/// <summary>`datrules import sec` end to end, then `screen --input ... --as-known-on` on what it wrote.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public void ImportCompanyFacts_ThenScreenAsKnownOn_HandComputedAnswers()
    {
        string output = Path.Combine(Path.GetTempPath(), $"datrules-import-{Guid.NewGuid():N}.csv");
        var import = CliRunner.Run("import", "sec", "--companyfacts", SecFixtures.PathOf("CIK0001050446.json"), "--out", output);
        Assert.Equal(0, import.ExitCode);
        Assert.Equal("imported 16 balance sheets of 1 filer (22 facts; 0 indeterminate; 0 without total assets) to " + Path.GetFileName(output) + ".", import.Out.TrimEnd());
        Assert.Equal(string.Empty, import.Error);

        string[] lines = File.ReadAllLines(output);
        // SnapshotFrame.WriteCsv's order (the reader's schema), every column the importer wrote before.
        Assert.Equal("ticker,as_of,digital_assets_usd,total_assets_usd,cik,filed,accession,currency,name,asset,source,form,concepts,cash_and_equivalents,marketable_securities,long_term_investments,total_liabilities,revenue_quarter,operating_income_quarter", lines[0]);
        string q3 = Assert.Single(lines, l => l.Contains("0001564590-20-047995", StringComparison.Ordinal) && l.Contains(",2020-09-30,", StringComparison.Ordinal));
        Assert.StartsWith(
            "CIK0001050446,2020-09-30,380758000,772905000,1050446,2020-10-27,0001564590-20-047995,USD,MICROSTRATEGY Inc,",
            q3,
            StringComparison.Ordinal);
        Assert.Contains(",10-Q,us-gaap:Assets;us-gaap:IndefiniteLivedIntangibleAssetsExcludingGoodwill,", q3, StringComparison.Ordinal);

        // As known on 2020-11-01: the 10-Q of 2020-09-30 (380,758,000 / 772,905,000 = 0.4926..., operating).
        var screen = CliRunner.Run("screen", "--input", output, "--as-known-on", "2020-11-01", "--format", "csv");
        Assert.Equal(0, screen.ExitCode);
        var row = screen.Out.Split('\n')[1];
        Assert.StartsWith("CIK0001050446,2020-09-30,OperatingCompany,0.4926323", row, StringComparison.Ordinal);
        Assert.Contains(",1050446,2020-10-27,0001564590-20-047995,10-Q,", row, StringComparison.Ordinal);

        // As known on 2021-02-12: the 10-K's 2020-12-31 (1,054,302,000 / 1,465,612,000 = 0.71935955..., DAT).
        var later = CliRunner.Run("screen", "--input", output, "--as-known-on", "2021-02-12", "--format", "csv");
        Assert.StartsWith("CIK0001050446,2020-12-31,DigitalAssetTreasury,0.7193595576", later.Out.Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ImportFsds_WithTickers_WritesTickerAndNames()
    {
        string zip = SecFixtures.ZipFile(FsdsSample.Sub(), FsdsSample.Num());
        string tickers = CliRunner.TempCsv("""{"0":{"cik_str":1318605,"ticker":"TSLA","title":"Tesla, Inc."}}""");
        var r = CliRunner.Run("import", "sec", "--fsds", zip, "--tickers", tickers);

        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("TSLA,2024-12-31,1076000000,122070000000,1318605,2025-01-30,0001628280-25-003063,USD,\"TESLA, INC.\",", lines[1], StringComparison.Ordinal);
        Assert.Contains(",10-K,", lines[1], StringComparison.Ordinal);
        Assert.Contains("note: CIK 827876 CLEANSPARK, INC. 0001193125-26-039538 as of 2025-12-31: No us-gaap:Assets in this filing", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NothingGiven_UsageError()
    {
        var r = CliRunner.Run("import", "sec");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: Nothing to import: give --fsds, --companyfacts or --frames (docs/sec-data.md says how to download them from EDGAR).", r.Error.TrimEnd());
    }

    [Fact]
    public void Import_MalformedFile_ExitTwoNamingFileAndPlace()
    {
        string bad = CliRunner.TempCsv("""{"cik":1,"facts":{"us-gaap":{"Assets":{"units":{"USD":[{"end":"2025-03-31"}]}}}}}""");
        var r = CliRunner.Run("import", "sec", "--companyfacts", bad);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {Path.GetFileName(bad)}: $.facts['us-gaap'].Assets.units.USD[0].val: required member is missing", r.Error.TrimEnd());
    }

    [Fact]
    public void ScreenAsKnownOn_NothingFiledYet_UsageErrorAndNotes()
    {
        string csv = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd,filed\nAAA,2025-09-30,60,100,2025-11-01\n");
        var r = CliRunner.Run("screen", "--input", csv, "--as-known-on", "2025-10-10");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("note: AAA: no balance sheet filed by 2025-10-10 (first: as of 2025-09-30, filed 2025-11-01); not screened.", r.Error, StringComparison.Ordinal);
        Assert.Contains("error: No balance sheet in the input was filed on or before 2025-10-10.", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ScreenInput_BadProvenanceColumns_ErrorsNameLineAndColumn()
    {
        string csv = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd,cik,filed,accession\nAAA,2025-09-30,60,100,x,2025-13-01,123\n");
        var r = CliRunner.Run("screen", "--input", csv);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("line 2, column 'cik': 'x' is not an SEC CIK (1 to 10 digits, optionally prefixed CIK)", r.Error, StringComparison.Ordinal);
        Assert.Contains("line 2, column 'filed': '2025-13-01' is not a date in yyyy-MM-dd form", r.Error, StringComparison.Ordinal);
        Assert.Contains("line 2, column 'accession': '123' is not an SEC accession number (0001234567-25-012345)", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ScreenInput_SameTickerAndDateInTwoFilings_BothAccepted()
    {
        string csv = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd,filed,form\nAAA,2025-06-30,40,100,2025-08-01,10-Q\nAAA,2025-06-30,55,100,2025-10-20,10-Q/A\n");
        var r = CliRunner.Run("screen", "--input", csv, "--as-known-on", "2025-10-20", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"digitalAssetRatio\": 0.55", r.Out, StringComparison.Ordinal);
        Assert.Contains("\"form\": \"10-Q/A\"", r.Out, StringComparison.Ordinal);
    }
}
