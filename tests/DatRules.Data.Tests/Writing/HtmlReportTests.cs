using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.Data.Tests.Writing;

/// <summary>
/// <see cref="HtmlReport"/> as text: escaping, the Content-Security-Policy, the links, the chart's marks and boundary
/// cases, the checks on its inputs and the atomic write. (A real browser reads it in DatRules.Cli.Tests' ReportBrowserTests.)
/// </summary>
public sealed class HtmlReportTests
{
    // Ratios by hand: AAA 45/100 = 45%, BBB 55/100 = 55%, CCC 90/100 = 90%, DDD 10/100 = 10%. Under MSCI's 50% test
    // (inclusive) BBB and CCC are DATs. Within 10 points of 50%: AAA (5 below) and BBB (5 above): the boundary cases.
    private const string Csv = """"
        ticker,name,as_of,digital_assets_usd,total_assets_usd,cik,filed,accession,form,source
        AAA,"<script>alert('x')</script> & Sons ""Ltd""",2025-09-30,45,100,1050446,2025-11-03,0001193125-25-262568,10-Q,a source
        BBB,Bee Corp,2025-09-30,55,100,,,,,
        CCC,Cee Inc,2025-09-30,90,100,,,,,
        DDD,Dee Ltd,2025-09-30,10,100,,,,,
        """";

    private static SnapshotFrame Frame(string csv = Csv) => SnapshotFrame.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    private static string Html(HtmlReport report)
    {
        using var stream = new MemoryStream();
        report.Write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Screen(ScreenReport screen) => Html(new HtmlReport(screen));

    [Fact]
    public void Text_from_the_input_is_escaped_everywhere()
    {
        string html = Screen(ScreenReport.Classify(Frame()));
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Sons &quot;Ltd&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);

        // One script element (the report's own, at the end) and one style element; nothing loaded from elsewhere.
        Assert.Single(Regex.Matches(html, "<script"));
        Assert.Single(Regex.Matches(html, "<style"));
        Assert.DoesNotContain(" src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_from_the_input_are_shown_not_written()
    {
        // ESC (U+001B) and RIGHT-TO-LEFT OVERRIDE (U+202E) in a name reach the page as the visible escapes \x1B and \u202E.
        string html = Screen(ScreenReport.Classify(Frame("ticker,name,as_of,digital_assets_usd,total_assets_usd\nAAA,A\u001b[31mB\u202eC,2025-09-30,1,2\n")));
        Assert.Contains(@"A\x1B[31mB\u202EC", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', html);
        Assert.DoesNotContain('\u202e', html);
    }

    [Fact]
    public void The_content_security_policy_allows_exactly_the_inline_style_and_script_by_hash()
    {
        string html = Screen(ScreenReport.Classify(Frame()));
        string csp = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").Groups[1].Value;
        string script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        string style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        static string Sha(string text) => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text))) + "'";
        Assert.StartsWith("default-src 'none';", csp, StringComparison.Ordinal);
        Assert.Contains($"script-src {Sha(script)};", csp, StringComparison.Ordinal);
        Assert.Contains($"style-src {Sha(style)};", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', script + style);
    }

    [Fact]
    public void The_filing_link_is_built_from_the_cik_and_the_accession_number()
    {
        // EDGAR's archive path: /Archives/edgar/data/{CIK}/{accession without dashes}/{accession}-index.htm.
        var provenance = new Provenance("x") { Cik = 1050446, Accession = AccessionNumber.Parse("0001193125-25-262568") };
        Assert.Equal("https://www.sec.gov/Archives/edgar/data/1050446/000119312525262568/0001193125-25-262568-index.htm", HtmlReport.SecFilingUrl(provenance)!.AbsoluteUri);
        Assert.Null(HtmlReport.SecFilingUrl(provenance with { Accession = null }));
        Assert.Null(HtmlReport.SecFilingUrl(null));

        string html = Screen(ScreenReport.Classify(Frame()));
        Assert.Contains("<a href=\"https://www.sec.gov/Archives/edgar/data/1050446/000119312525262568/0001193125-25-262568-index.htm\" rel=\"noopener noreferrer\">10-Q 0001193125-25-262568</a>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "sec\\.gov/Archives"));
    }

    [Fact]
    public void The_chart_has_one_mark_per_issuer_and_names_the_boundary_cases()
    {
        string html = Screen(ScreenReport.Classify(Frame()));
        var marks = Regex.Matches(html, "<circle class=\"mark (\\w+)\"[^>]*data-ticker=\"(\\w+)\"").Select(m => (m.Groups[2].Value, m.Groups[1].Value)).OrderBy(m => m.Item1).ToList();
        Assert.Equal([("AAA", "operating"), ("BBB", "dat"), ("CCC", "dat"), ("DDD", "operating")], marks);
        Assert.Contains("<p id=\"boundary\">Boundary cases: <span class=\"cls-dat\">BBB 55.00%</span>, <span class=\"cls-operating\">AAA 45.00%</span> (within 10 points of the threshold).</p>", html, StringComparison.Ordinal);
        Assert.Equal(["AAA 45.00%", "BBB 55.00%"], Regex.Matches(html, "<text class=\"label\"[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value).Where(t => !t.StartsWith("threshold", StringComparison.Ordinal)).Order().ToArray());
    }

    [Fact]
    public void Without_an_issuer_in_the_band_the_nearest_on_each_side_are_named()
    {
        // 20% and 90% are both more than 10 points from 50%: the nearest below (20%) and above (90%) are named.
        string html = Screen(ScreenReport.Classify(Frame("ticker,as_of,digital_assets_usd,total_assets_usd\nLOW,2025-09-30,1,10\nLOWER,2025-09-30,1,100\nHIGH,2025-09-30,9,10\n")));
        Assert.Contains("Boundary cases: <span class=\"cls-dat\">HIGH 90.00%</span>, <span class=\"cls-operating\">LOW 10.00%</span> (none within the band: the nearest on each side).", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_its_source_and_the_comparison_are_shown_and_only_web_addresses_become_links()
    {
        var hostile = IndexPolicy.CreateBuilder("team-<b>")
            .For(IndexProvider.Msci, "Scope & <i>more</i>")
            .WithStatus(PolicyStatus.Proposed)
            .Dated(new LocalDate(2025, 10, 10), new LocalDate(2026, 1, 15))
            .WithRatioThreshold(RatioThreshold.AtLeast(40m))
            .OnMatch(PolicyAction.Exclude, PolicyAction.BlockAddition)
            .CitedFrom(new PolicySource("T <script>", "P & Q", new LocalDate(2025, 10, 10), new Uri("javascript:alert(1)")))
            .Build();
        var frame = Frame();
        var screen = ScreenReport.Create(frame, BuiltInPolicies.MsciDatProposal);
        string html = Html(new HtmlReport(screen) { Comparison = RuleChange.Compare(frame.ToUniverse(), BuiltInPolicies.MsciDatProposal, hostile) });
        Assert.Contains("<dd>msci-2025-10-dat-proposal</dd>", html, StringComparison.Ordinal);
        Assert.Contains("P &amp; Q, &ldquo;T &lt;script&gt;&rdquo;, 2025-10-10: javascript:alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.Ordinal);
        Assert.Contains("What changes from msci-2025-10-dat-proposal to team-&lt;b&gt;", html, StringComparison.Ordinal);

        // At 40% AAA (45%) becomes a DAT; BBB and CCC were DATs already, with the same actions (Exclude / BlockAddition): 1 change.
        Assert.Contains("<p id=\"changes-count\">1 of 4 issuers changes (classification or action).</p>", html, StringComparison.Ordinal);
        string changes = html[html.IndexOf("<table id=\"changes\"", StringComparison.Ordinal)..];
        Assert.Equal(["AAA"], Regex.Matches(changes, "<tr data-ticker=\"(\\w+)\"").Select(m => m.Groups[1].Value).ToArray());
    }

    [Fact]
    public void Headroom_must_match_the_screens_rows_and_a_failed_write_leaves_the_old_file()
    {
        var frame = Frame();
        var screen = ScreenReport.Classify(frame);
        var headroom = frame.Headroom(screen.RatioTestThreshold).ToList();
        string folder = Path.Combine(Path.GetTempPath(), $"datrules-html-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string path = Path.Combine(folder, "report.html");
            new HtmlReport(screen) { Headroom = headroom }.Write(path);
            string html = File.ReadAllText(path);
            Assert.Equal(4, Regex.Count(html[html.IndexOf("<table id=\"headroom\"", StringComparison.Ordinal)..], "<tr data-ticker="));

            File.WriteAllText(path, "old");
            Assert.Throws<ArgumentException>(() => new HtmlReport(screen) { Headroom = headroom.Take(3).ToList() }.Write(path));
            Assert.Throws<ArgumentException>(() => new HtmlReport(screen) { Headroom = [.. headroom.Skip(1), headroom[0]] }.Write(path));
            Assert.Equal("old", File.ReadAllText(path));
            Assert.Equal(["report.html"], Directory.GetFiles(folder).Select(f => Path.GetFileName(f)!).ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Every_row_is_in_the_table_with_its_verdict_dates_and_age()
    {
        // Ages on 2026-01-01: 2025-09-30 is 93 days before it (1 + 31 + 30 + 31 days for the rest of Sep, Oct, Nov, Dec).
        var screen = ScreenReport.Classify(Frame()).WithAge(new LocalDate(2026, 1, 1));
        string html = Screen(screen);
        var rows = Regex.Matches(html, "<tr class=\"row-(\\w+)\" data-ticker=\"(\\w+)\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.Equal(["AAA", "BBB", "CCC", "DDD"], rows.Select(m => m.Groups[2].Value).ToArray());
        Assert.Equal(["operating", "dat", "dat", "operating"], rows.Select(m => m.Groups[1].Value).ToArray());
        string aaa = rows[0].Groups[3].Value;
        Assert.Contains("<td class=\"num\" data-sort=\"0.45\">45.00%</td>", aaa, StringComparison.Ordinal);
        Assert.Contains("<td class=\"date\">2025-09-30</td><td class=\"date\">2025-11-03</td><td class=\"num\" data-sort=\"93\">93</td>", aaa, StringComparison.Ordinal);

        // The reasons are the screen's (ScreenReport.ReasonsAt): the first shown, the others folded.
        var reasons = screen.ReasonsAt(0);
        Assert.True(reasons.Count > 1);
        Assert.Contains($"<td class=\"reasons\"><details><summary>{System.Net.WebUtility.HtmlEncode(reasons[0])}</summary>{string.Join("<br>", reasons.Skip(1).Select(System.Net.WebUtility.HtmlEncode))}</details></td>", aaa, StringComparison.Ordinal);
        Assert.Contains("<p id=\"age\">Balance sheets are 93 days old on 2026-01-01.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"counts\">4 companies: 2 DAT, 2 operating, 0 indeterminate.</p>", html, StringComparison.Ordinal);
    }
    [Fact]
    public void Past_two_thousand_rows_the_chart_is_left_out_and_the_table_keeps_every_row()
    {
        // 2,001 issuers, ratios 0/2000 ... 2000/2000: one more than the chart draws.
        var csv = new StringBuilder("ticker,as_of,digital_assets_usd,total_assets_usd\n");
        for (int i = 0; i <= 2000; i++)
        {
            csv.Append('T').Append(i).Append(",2025-09-30,").Append(i).Append(",2000\n");
        }

        string html = Screen(ScreenReport.Classify(Frame(csv.ToString())));
        Assert.Contains("No chart: 2,001 rows are more than the 2,000 it draws (one line each); the table lists them all.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.Equal(2001, Regex.Count(html, "<tr class=\"row-"));
    }
}
