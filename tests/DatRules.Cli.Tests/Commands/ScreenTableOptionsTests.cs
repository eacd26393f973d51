namespace DatRules.Cli.Tests.Commands;

/// <summary><c>screen</c>'s table: what the footer counts, <c>--wide</c> (and redirected output), <c>--ticker</c> (issue 24).</summary>
public class ScreenTableOptionsTests
{
    private const string LongName = "Alpha Company With A Very Long Name That Goes Well Past Eighty Columns Holdings Ltd";

    // AAA: 60/100 (DAT) on 2025-06-30 and, as "aaa", 40/100 (operating) on 2025-09-30; BBB: 10/100 (operating).
    // Two companies (tickers ignoring case), three balance sheets: 1 DAT, 2 operating.
    private static readonly string TwoCompaniesThreeSheets =
        "ticker,as_of,digital_assets_usd,total_assets_usd,name\n"
        + $"AAA,2025-06-30,60,100,{LongName}\n"
        + "aaa,2025-09-30,40,100,Alpha\n"
        + "LONGTICKER,2025-09-30,10,100,Beta\n";

    private static string[] Lines(string text) => text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');

    [Fact]
    public void Table_MoreBalanceSheetsThanCompanies_FooterCountsBoth()
    {
        var r = CliRunner.Run("screen", "--input", CliRunner.TempCsv(TwoCompaniesThreeSheets));

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("2 companies, 3 balance sheets: 1 DAT, 2 operating, 0 indeterminate.", Lines(r.Out));
    }

    [Fact]
    public void Table_OneBalanceSheetPerCompany_FooterCountsCompanies()
    {
        var r = CliRunner.Run("screen", "--input", CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd\nAAA,2025-09-30,50,100\nBBB,2025-09-30,1,100\n"));

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("2 companies: 1 DAT, 1 operating, 0 indeterminate.", Lines(r.Out));
    }

    [Fact]
    public void Table_OnATerminal_CutsLongNamesAt80Columns()
    {
        var r = CliRunner.Run("screen", "--input", CliRunner.TempCsv(TwoCompaniesThreeSheets));

        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain(LongName, r.Out, StringComparison.Ordinal);
        Assert.Contains(Lines(r.Out), l => l.EndsWith('~') && l.Length <= 80);
    }

    [Fact]
    public void Table_Wide_KeepsWholeNamesAndAlignsColumnsToTheLongestTicker()
    {
        var r = CliRunner.Run("screen", "--wide", "--input", CliRunner.TempCsv(TwoCompaniesThreeSheets));

        Assert.Equal(0, r.ExitCode);
        var lines = Lines(r.Out);
        string row = Assert.Single(lines, l => l.StartsWith("AAA ", StringComparison.Ordinal));
        Assert.EndsWith(LongName, row, StringComparison.Ordinal);

        // "LONGTICKER" is 10 characters: the ticker column is 10 wide, so every row's date starts at column 11.
        string header = Assert.Single(lines, l => l.StartsWith("Ticker", StringComparison.Ordinal));
        Assert.Equal(11, header.IndexOf("As of", StringComparison.Ordinal));
        Assert.Equal(11, row.IndexOf("2025-06-30", StringComparison.Ordinal));
        Assert.StartsWith("LONGTICKER 2025-09-30", Assert.Single(lines, l => l.StartsWith("LONGTICKER", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(header.IndexOf("Name", StringComparison.Ordinal), row.IndexOf(LongName, StringComparison.Ordinal));
    }

    [Fact]
    public void Table_OutputRedirected_IsWideWithoutTheOption()
    {
        var redirected = CliRunner.RunRedirected("screen", "--input", CliRunner.TempCsv(TwoCompaniesThreeSheets));
        var wide = CliRunner.Run("screen", "--wide", "--input", CliRunner.TempCsv(TwoCompaniesThreeSheets));

        Assert.Equal(0, redirected.ExitCode);
        Assert.Contains(LongName, redirected.Out, StringComparison.Ordinal);
        Assert.Equal(wide.Out, redirected.Out);
    }

    [Fact]
    public void Ticker_ListedCaseInsensitively_KeepsOnlyThoseRows()
    {
        var r = CliRunner.Run("screen", "--format", "csv", "--ticker", "mstr,Mara");

        Assert.Equal(0, r.ExitCode);
        var tickers = Lines(r.Out.Trim()).Skip(1).Select(l => l.Split(',')[0]).ToArray();
        Assert.Equal(["MARA", "MSTR"], tickers.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Ticker_Table_FooterCountsTheKeptCompanies()
    {
        var r = CliRunner.Run("screen", "--ticker", "MSTR,MARA");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains(Lines(r.Out), l => l.StartsWith("2 companies: 2 DAT, 0 operating, 0 indeterminate.", StringComparison.Ordinal));
    }

    [Fact]
    public void Ticker_NotInTheInput_IsAUsageErrorNamingIt()
    {
        var r = CliRunner.Run("screen", "--ticker", "MSTR,NOPE");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'NOPE'", r.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Out);
    }

    [Fact]
    public void Input_SemicolonHeader_ReadWithANoteOnStandardError()
    {
        string path = CliRunner.TempCsv("Ticker;AS_OF;digital_assets_usd;total_assets_usd\nAAA;2025-09-30;60;100\nBBB;2025-09-30;10;100\n");

        var r = CliRunner.Run("screen", "--input", path, "--format", "csv", "--no-reasons");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["AAA,2025-09-30,DigitalAssetTreasury,0.6", "BBB,2025-09-30,OperatingCompany,0.1"], Lines(r.Out.Trim()).Skip(1).ToArray());
        Assert.Contains($"note: {Path.GetFileName(path)}: fields separated by ';' (detected from the header)", Lines(r.Error));
    }

    [Fact]
    public void Input_DelimiterOption_ReadsSemicolonsWithoutANote()
    {
        string path = CliRunner.TempCsv("ticker;as_of;digital_assets_usd;total_assets_usd\nAAA;2025-09-30;60;100\n");

        var r = CliRunner.Run("screen", "--input", path, "--delimiter", ";", "--format", "csv", "--no-reasons");

        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("note:", r.Error, StringComparison.Ordinal);
        Assert.Contains("AAA,2025-09-30,DigitalAssetTreasury,0.6", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_OtherDelimiter_IsAUsageError()
    {
        var r = CliRunner.Run("screen", "--delimiter", "|");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--delimiter must be ',' or ';'", r.Error, StringComparison.Ordinal);
    }
}
