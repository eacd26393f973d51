using System.Text.RegularExpressions;

namespace DatRules.Cli.Tests.Report;

/// <summary>
/// The report in a real browser: headless Chromium (the Debian package, which .ci/run installs) loads the file the CLI
/// wrote, runs its script under its Content-Security-Policy, and gives the DOM back (<c>--dump-dom</c>) and a screenshot.
/// Skipped, with a message, only where no Chromium is installed.
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    private static readonly string[] Options = ["--date", "2026-03-02", "--vs-policy", "msci-2025-10-dat-proposal"];

    private readonly string _path = ReportTestFiles.Temp("html");

    public ReportBrowserTests()
    {
        // The README's dataset (the embedded one), as `datrules report --out F` writes it.
        Assert.Equal(0, CliRunner.Run(["report", "--out", _path, .. Options]).ExitCode);
    }

    public void Dispose() => File.Delete(_path);

    private string Url(string query = "") => new Uri(_path).AbsoluteUri + query;

    private static string[] IssuerRows(string dom)
    {
        int start = dom.IndexOf("<table id=\"issuers\"", StringComparison.Ordinal);
        string table = dom[start..dom.IndexOf("</table>", start, StringComparison.Ordinal)];
        return [.. Regex.Matches(table, "<tr class=\"row-\\w+\" data-ticker=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
    }

    [ChromiumFact]
    public void The_browser_shows_every_issuer_row_and_one_chart_mark_each_and_runs_the_script()
    {
        var screen = ReportTestFiles.ScreenRows("--date", "2026-03-02");
        string dom = Chromium.DumpDom(Url());

        Assert.Equal(screen.Select(r => r.Ticker).ToArray(), IssuerRows(dom));
        var marks = Regex.Matches(dom, "<circle class=\"mark (\\w+)\"[^>]*data-ticker=\"([^\"]+)\"").Select(m => m.Groups[2].Value).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(screen.Select(r => r.Ticker).Order(StringComparer.Ordinal).ToArray(), marks);
        Assert.Contains("class=\"threshold\"", dom, StringComparison.Ordinal);

        // The script ran under the page's CSP: it turned each heading into a button and showed the hint.
        Assert.Contains("<th data-key=\"ratio\" class=\"num\"><button type=\"button\">Ratio</button></th>", dom, StringComparison.Ordinal);
        Assert.Contains("<p class=\"hint\">Click a column heading to sort", dom, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void The_script_sorts_the_issuers_by_ratio_with_undefined_ratios_last()
    {
        var screen = ReportTestFiles.ScreenRows("--date", "2026-03-02");

        // Expected independently: the screen's CSV ratios, ordered (ties in the screen's order), rows without a ratio last.
        var withRatio = screen.Where(r => r.Ratio is not null).ToList();
        var missing = screen.Where(r => r.Ratio is null).Select(r => r.Ticker);
        string[] ascending = [.. withRatio.OrderBy(r => r.Ratio).Select(r => r.Ticker), .. missing];
        string[] descending = [.. withRatio.OrderByDescending(r => r.Ratio).Select(r => r.Ticker), .. missing];

        string dom = Chromium.DumpDom(Url("?sort=ratio&dir=asc"));
        Assert.Contains("data-sorted=\"ratio asc\"", dom, StringComparison.Ordinal);
        Assert.Equal(ascending, IssuerRows(dom));

        dom = Chromium.DumpDom(Url("?sort=ratio&dir=desc"));
        Assert.Contains("<th data-key=\"ratio\" class=\"num\" aria-sort=\"descending\">", dom, StringComparison.Ordinal);
        Assert.Equal(descending, IssuerRows(dom));
    }

    [ChromiumFact]
    public void The_screenshot_is_the_window_size_and_shows_the_chart()
    {
        string png = ReportTestFiles.Temp("png");
        try
        {
            Chromium.Screenshot(Url(), png, 1280, 1600);
            var image = PngImage.Read(png);
            Assert.Equal((1280, 1600), (image.Width, image.Height));

            // Not blank: text, rules and the chart's colours make many colours (a blank page has one).
            Assert.True(image.DistinctColours() > 50, $"{image.DistinctColours()} distinct colours");

            // The chart's marks in the style sheet's colours: DAT #b91c1c, operating #15803d (a mark is a disc of radius 4.5 px).
            Assert.True(image.CountNear(0xB91C1C, 8) > 16 * 20, $"{image.CountNear(0xB91C1C, 8)} DAT-red pixels");
            Assert.True(image.CountNear(0x15803D, 8) > 14 * 20, $"{image.CountNear(0x15803D, 8)} operating-green pixels");
        }
        finally
        {
            File.Delete(png);
        }
    }
}
