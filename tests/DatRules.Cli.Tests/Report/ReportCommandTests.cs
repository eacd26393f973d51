using System.Text.RegularExpressions;

namespace DatRules.Cli.Tests.Report;

/// <summary><c>datrules report</c>: the options of <c>screen</c>, the file it writes, and its errors.</summary>
public sealed class ReportCommandTests
{
    private static string Rows(string html, string tableId)
    {
        int start = html.IndexOf($"<table id=\"{tableId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {tableId}");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    private static string[] Tickers(string html, string tableId) =>
        [.. Regex.Matches(Rows(html, tableId), "<tr[^>]* data-ticker=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    [Fact]
    public void Report_has_every_row_of_the_screen_with_the_policy_and_what_changes_under_the_second()
    {
        string path = ReportTestFiles.Temp("html");
        try
        {
            var result = CliRunner.Run("report", "--out", path, "--date", "2026-03-02", "--vs-policy", "msci-2025-10-dat-proposal");
            Assert.Equal(0, result.ExitCode);
            var screen = ReportTestFiles.ScreenRows("--date", "2026-03-02");
            string html = File.ReadAllText(path);

            // The screen's rows, in its order, with its verdicts.
            Assert.Equal(screen.Select(r => r.Ticker).ToArray(), Tickers(html, "issuers"));
            Assert.Equal(screen.Select(r => r.Ticker).ToArray(), Tickers(html, "headroom"));
            var verdicts = Regex.Matches(Rows(html, "issuers"), "<tr class=\"row-(\\w+)\"").Select(m => m.Groups[1].Value).ToArray();
            Assert.Equal(screen.Select(r => r.Classification switch { "DigitalAssetTreasury" => "dat", "OperatingCompany" => "operating", _ => "indeterminate" }).ToArray(), verdicts);
            Assert.Contains("<dd>msci-2026-01-dat-freeze</dd>", html, StringComparison.Ordinal);
            Assert.Contains("in force on 2026-03-02", html, StringComparison.Ordinal);

            // Both policies test digital assets >= 50% of total assets, so no classification changes; every DAT's action does
            // (the freeze's FreezeShareIncreases vs the proposal's Exclude), and operating companies get None under both.
            int dats = screen.Count(r => r.Classification == "DigitalAssetTreasury");
            Assert.Equal(screen.Where(r => r.Classification == "DigitalAssetTreasury").Select(r => r.Ticker).ToArray(), Tickers(html, "changes"));
            Assert.Equal($"wrote {path}: {screen.Count} balance sheets, {dats} changing under msci-2025-10-dat-proposal\n", result.Out.ReplaceLineEndings("\n"));

            // MSTR's 10-Q (CIK 1050446, accession 0001193125-25-262568 in the embedded dataset) links to its index page on sec.gov.
            Assert.Contains("href=\"https://www.sec.gov/Archives/edgar/data/1050446/000119312525262568/0001193125-25-262568-index.htm\"", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Report_takes_screens_options_ticker_threshold_and_point_in_time()
    {
        string path = ReportTestFiles.Temp("html");
        try
        {
            Assert.Equal(0, CliRunner.Run("report", "--out", path, "--ticker", "mstr,MARA").ExitCode);
            Assert.Equal(["MSTR", "MARA"], Tickers(File.ReadAllText(path), "issuers"));

            // --threshold 40: the chart's line and the heading say 40%.
            Assert.Equal(0, CliRunner.Run("report", "--out", path, "--threshold", "40").ExitCode);
            string html = File.ReadAllText(path);
            Assert.Contains("threshold: &gt;= 40%", html, StringComparison.Ordinal);
            Assert.Equal(ReportTestFiles.ScreenRows("--threshold", "40").Select(r => r.Ticker).ToArray(), Tickers(html, "issuers"));

            var known = CliRunner.Run("report", "--out", path, "--as-known-on", "2025-10-10");
            Assert.Equal(0, known.ExitCode);
            html = File.ReadAllText(path);
            Assert.Equal(ReportTestFiles.ScreenRows("--as-known-on", "2025-10-10").Select(r => r.Ticker).ToArray(), Tickers(html, "issuers"));
            Assert.Contains("as known on 2025-10-10", html, StringComparison.Ordinal);
            Assert.Contains("note: ", known.Error, StringComparison.Ordinal);
            Assert.Contains("<p class=\"note\">Note: ", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Report_escapes_the_inputs_text()
    {
        string csv = CliRunner.TempCsv("ticker,name,as_of,digital_assets_usd,total_assets_usd\nEVIL,<script>alert(1)</script> & Co,2025-09-30,1,2\n");
        string path = ReportTestFiles.Temp("html");
        try
        {
            Assert.Equal(0, CliRunner.Run("report", "-i", csv, "--out", path).ExitCode);
            string html = File.ReadAllText(path);
            Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</td>", html, StringComparison.Ordinal);
            Assert.Single(Regex.Matches(html, "<script"));
        }
        finally
        {
            File.Delete(path);
            File.Delete(csv);
        }
    }

    [Theory]
    [InlineData("error: Option '--out' is required.", "report")]
    [InlineData("error: --vs-policy compares with the policy in force: give it with --policy, --provider or --date.", "report", "--out", "{out}", "--vs-policy", "msci-2025-10-dat-proposal")]
    [InlineData("error: No policy with id 'nope'.", "report", "--out", "{out}", "--date", "2026-03-02", "--vs-policy", "nope")]
    [InlineData("error: --threshold cannot be combined with a policy; the policy sets its own threshold.", "report", "--out", "{out}", "--date", "2026-03-02", "--threshold", "40")]
    public void Report_errors_are_usage_errors_and_write_nothing(string expected, params string[] args)
    {
        string path = ReportTestFiles.Temp("html");
        var result = CliRunner.Run([.. args.Select(a => a == "{out}" ? path : a)]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Report_refuses_to_write_over_its_input()
    {
        string csv = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd\nA,2025-09-30,1,2\n");
        try
        {
            var result = CliRunner.Run("report", "-i", csv, "--out", csv);
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("ticker,as_of", File.ReadAllText(csv), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
