using System.Text.Json;

namespace DatRules.Cli.Tests.Commands;

public class ScreenCommandTests
{
    private const string Header = "ticker,as_of,digital_assets_usd,total_assets_usd";

    [Fact]
    public void Screen_EmbeddedDataset_JsonHasStableFieldsForEveryCompany()
    {
        var result = CliRunner.Run("screen", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(EmbeddedRowCount(), rows.Count);
        foreach (var row in rows)
        {
            Assert.False(string.IsNullOrEmpty(row.GetProperty("ticker").GetString()));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", row.GetProperty("asOf").GetString());
            Assert.Contains(row.GetProperty("classification").GetString(), new[] { "OperatingCompany", "DigitalAssetTreasury", "Indeterminate" });
            var ratio = row.GetProperty("digitalAssetRatio");
            if (ratio.ValueKind == JsonValueKind.Number)
            {
                Assert.InRange(ratio.GetDecimal(), 0m, 1m);
            }
            else
            {
                Assert.Equal("Indeterminate", row.GetProperty("classification").GetString());
            }

            Assert.NotEmpty(row.GetProperty("reasons").EnumerateArray());
        }
    }

    [Fact]
    public void Screen_EmbeddedDataset_StrategyIsDatAndRiotJustBelow()
    {
        // Embedded figures (30 Sep 2025): MSTR 73,205,725,000 / 73,619,038,000 = 99.4386%;
        // RIOT 2,200,029,516 / 4,479,000,000 = 49.1188% (below MSCI's 50%).
        var rows = JsonRows(CliRunner.Run("screen", "--format", "json").Out);

        Assert.Equal("DigitalAssetTreasury", rows["MSTR"].GetProperty("classification").GetString());
        Assert.Equal(0.994386m, Math.Round(rows["MSTR"].GetProperty("digitalAssetRatio").GetDecimal(), 6));
        Assert.Equal("OperatingCompany", rows["RIOT"].GetProperty("classification").GetString());
        Assert.Equal(0.491188m, Math.Round(rows["RIOT"].GetProperty("digitalAssetRatio").GetDecimal(), 6));
        Assert.Equal("Indeterminate", rows["ALCPB"].GetProperty("classification").GetString());
    }

    [Fact]
    public void Screen_Threshold45_FlipsRiotAndDjt()
    {
        // RIOT 49.12% and DJT 47.31% are below 50% but above 45%.
        var rows = JsonRows(CliRunner.Run("screen", "--threshold", "45", "--format", "json").Out);

        Assert.Equal("DigitalAssetTreasury", rows["RIOT"].GetProperty("classification").GetString());
        Assert.Equal("DigitalAssetTreasury", rows["DJT"].GetProperty("classification").GetString());
        Assert.Equal("OperatingCompany", rows["CLSK"].GetProperty("classification").GetString());
    }

    [Fact]
    public void Screen_Table_FitsIn80Columns()
    {
        var result = CliRunner.Run("screen");

        Assert.Equal(0, result.ExitCode);
        Assert.All(result.Out.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 80, $"too wide: '{line}'"));
        Assert.Contains("MSTR", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_CsvFormat_HasHeaderAndOneRowPerCompany()
    {
        var path = CliRunner.TempCsv($"{Header}\nAAA,2025-09-30,50,100\nBBB,2025-09-30,49.99,100\n");

        var result = CliRunner.Run("screen", "--input", path, "--format", "csv");

        var lines = result.Out.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("ticker,as_of,classification,digital_asset_ratio,estimate,reasons", lines[0]);
        Assert.StartsWith("AAA,2025-09-30,DigitalAssetTreasury,0.5,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("BBB,2025-09-30,OperatingCompany,0.4999,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_MalformedNumber_Exit2WithLineAndColumn()
    {
        var path = CliRunner.TempCsv($"{Header}\nAAA,2025-09-30,50,100\nBBB,2025-09-30,12x4,100\n");

        var result = CliRunner.Run("screen", "--input", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {Path.GetFileName(path)}: line 3, column 'digital_assets_usd': '12x4' is not a number (expected plain decimal notation such as 1234.56)", result.Error.Trim());
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void Screen_MissingRequiredColumn_Exit2NamesTheColumn()
    {
        var path = CliRunner.TempCsv("ticker,as_of,digital_assets_usd\nAAA,2025-09-30,50\n");

        var result = CliRunner.Run("screen", "--input", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 1, column 'total_assets_usd': required column is missing from the header", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_EmptyFile_Exit2()
    {
        var path = CliRunner.TempCsv(string.Empty);

        var result = CliRunner.Run("screen", "--input", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the file is empty", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_HeaderOnly_Exit2()
    {
        var result = CliRunner.Run("screen", "--input", CliRunner.TempCsv(Header + "\n"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no data rows", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_DuplicateTickerAndDate_Exit2PointsAtBothLines()
    {
        var path = CliRunner.TempCsv($"{Header}\nAAA,2025-09-30,50,100\nBBB,2025-09-30,1,100\naaa,2025-09-30,60,100\n");

        var result = CliRunner.Run("screen", "--input", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 4, column 'ticker': duplicate row for aaa as of 2025-09-30 (first on line 2)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_SameTickerOtherDate_IsNotADuplicate()
    {
        var path = CliRunner.TempCsv($"{Header}\nAAA,2025-06-30,50,100\nAAA,2025-09-30,40,100\n");

        Assert.Equal(0, CliRunner.Run("screen", "--input", path).ExitCode);
    }

    [Fact]
    public void Screen_NegativeValue_Exit2()
    {
        var path = CliRunner.TempCsv($"{Header}\nAAA,2025-09-30,50,-100\n");

        var result = CliRunner.Run("screen", "--input", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 2, column 'total_assets_usd': '-100' is negative; amounts and counts must be >= 0", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_BadDate_Exit2()
    {
        var result = CliRunner.Run("screen", "--input", CliRunner.TempCsv($"{Header}\nAAA,2025-02-30,50,100\n"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 2, column 'as_of': '2025-02-30' is not a date in yyyy-MM-dd form", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_SeveralBadRows_ReportsEveryError()
    {
        var path = CliRunner.TempCsv($"{Header}\nAAA,2025-09-30,x,100\nBBB,2025-09-30,1,y\n");

        var errors = CliRunner.Run("screen", "--input", path).Error.Trim().Split('\n');

        Assert.Equal(2, errors.Length);
    }

    [Fact]
    public void Screen_SkipInvalid_ReportsSkippedLinesAndKeepsValidRows()
    {
        var path = CliRunner.TempCsv($"{Header}\nAAA,2025-09-30,50,100\nBBB,2025-09-30,oops,100\nCCC,2025-09-30,1,100\n");

        var result = CliRunner.Run("screen", "--input", path, "--skip-invalid", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("skipped line 3, column 'digital_assets_usd'", result.Error, StringComparison.Ordinal);
        Assert.Equal(["AAA", "CCC"], JsonRows(result.Out).Keys.Order());
    }

    [Fact]
    public void Screen_MissingFile_Exit2()
    {
        var result = CliRunner.Run("screen", "--input", "/nonexistent/x.csv");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("file not found", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("150")]
    public void Screen_ThresholdOutOfRange_Exit2(string threshold)
    {
        var result = CliRunner.Run("screen", "--threshold", threshold);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--threshold must be in (0, 100] percent", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_Exit2()
    {
        var result = CliRunner.Run("screen", "--frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--frobnicate", result.Error, StringComparison.Ordinal);
    }

    internal static Dictionary<string, JsonElement> JsonRows(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("ticker").GetString()!, e => e.Clone());
    }

    private static int EmbeddedRowCount()
    {
        // Independent count: data lines of the shipped CSV (records with a quoted field never span lines here).
        using var stream = typeof(DatRules.Cli.CliApp).Assembly.GetManifestResourceStream("DatRules.Cli.Data.companies.csv")!;
        using var reader = new StreamReader(stream);
        // The screen shows each company's latest balance sheet: count distinct tickers (first field, never quoted).
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).Distinct().Count();
    }
}

public class ColumnarScreenTests
{
    [Theory]
    [InlineData]
    [InlineData("--policy", "msci-2025-10-dat-proposal")]
    [InlineData("--threshold", "45")]
    public void CsvPath_MatchesDomainJsonPath_OnEmbeddedData(params string[] extra)
    {
        var json = ScreenCommandTests.JsonRows(CliRunner.Run(["screen", "--format", "json", .. extra]).Out);
        var csv = CliRunner.Run(["screen", "--format", "csv", .. extra]).Out.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal(json.Count, csv.Count - 1);
        foreach (var line in csv.Skip(1))
        {
            var cols = line.Split(',');
            var row = json[cols[0]];
            Assert.Equal(row.GetProperty("classification").GetString(), cols[2]);
            string expectedRatio = row.GetProperty("digitalAssetRatio").ValueKind == System.Text.Json.JsonValueKind.Null ? string.Empty : row.GetProperty("digitalAssetRatio").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expectedRatio, cols[3]);
            Assert.Contains(string.Join(" | ", row.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())).Split(" | ")[0], line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CsvPath_NoReasons_HasFourColumns()
    {
        var path = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd\nA,2025-09-30,50,100\nB,2025-09-30,1,\n");

        var lines = CliRunner.Run("screen", "--input", path, "--format", "csv", "--no-reasons").Out.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

        Assert.Equal(["ticker,as_of,classification,digital_asset_ratio", "A,2025-09-30,DigitalAssetTreasury,0.5", "B,2025-09-30,Indeterminate,"], lines);
    }

    [Fact]
    public void CsvPath_BadRow_StillAllOrNothing()
    {
        var path = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd\nA,2025-09-30,50,100\nB,2025-09-30,x,100\n");

        var result = CliRunner.Run("screen", "--input", path, "--format", "csv");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
    }
}
