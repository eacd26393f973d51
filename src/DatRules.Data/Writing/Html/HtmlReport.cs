using System.Globalization;
using System.Text;
using DatRules.Classification;
using DatRules.Headroom;
using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.Data;

/// <summary>
/// A screen as one self-contained HTML page for people (a methodology committee, a portfolio manager, a risk desk):
/// the policy in force and its source, the counts and the data's age, a chart of every issuer's ratio against the
/// threshold with the boundary cases named, a sortable table of every issuer (ratio, ratio test, verdict, action,
/// as-of and filed dates, a link to the filing on sec.gov, the reasons), the headroom of each issuer, and what changes
/// under a second policy. The CLI's <c>report</c> is this class.
/// </summary>
/// <remarks>
/// <para>
/// The file needs nothing else: no external script, style sheet, font or image (the chart is inline SVG, the sort a
/// small inline script), so it works offline and as an e-mail attachment. A Content-Security-Policy meta tag allows
/// only that style sheet and script, by hash. Every text from the input or a policy is HTML-escaped, and only
/// <c>https</c>/<c>http</c> addresses become links. Without script the tables read the same, in the screen's order;
/// with it a click on a heading sorts, and <c>report.html?sort=ratio&amp;dir=desc</c> opens sorted (keys: the
/// headings' <c>data-key</c>: ticker, name, ratio, ratio-test, verdict, action, as-of, filed, age, move, filing).
/// </para>
/// </remarks>
public sealed class HtmlReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Initializes a new instance of the <see cref="HtmlReport"/> class.</summary>
    /// <param name="screen">The screen (with <see cref="ScreenReport.WithAge"/> for the data's age).</param>
    public HtmlReport(ScreenReport screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        Screen = screen;
    }

    /// <summary>Gets the screen.</summary>
    public ScreenReport Screen { get; }

    /// <summary>Gets or initializes the page's title.</summary>
    public string Title { get; init; } = "DAT screen report";

    /// <summary>Gets or initializes where the data came from (a file name, "the embedded dataset"), shown with the counts.</summary>
    public string? DataSource { get; init; }

    /// <summary>
    /// Gets or initializes each row's headroom, in the screen's row order (one per row, the same tickers: what
    /// <see cref="SnapshotFrame.Headroom"/> gives for the frame screened, at <see cref="ScreenReport.RatioTestThreshold"/>),
    /// or <see langword="null"/> for a report without headroom.
    /// </summary>
    public IReadOnlyList<HeadroomResult>? Headroom { get; init; }

    /// <summary>
    /// Gets or initializes a comparison with a second policy (<see cref="RuleChange.Compare(Screening.Universe, IndexPolicy, IndexPolicy)"/>):
    /// the report then lists every issuer that changes and why. <see langword="null"/> for none.
    /// </summary>
    public RuleChangeReport? Comparison { get; init; }

    /// <summary>Gets or initializes notes shown under the counts (what a point-in-time selection left out, a read note).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Gets or initializes the boundary band: issuers whose ratio is within this fraction of total assets of the threshold
    /// (0.10: ten percentage points either side) are the boundary cases, named in the chart; when none is, the nearest
    /// issuer on each side is. Default 0.10.
    /// </summary>
    public decimal BoundaryBand
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1m);
            field = value;
        }
    } = 0.10m;

    /// <summary>
    /// Gets the address of a filing's index page on sec.gov, <c>https://www.sec.gov/Archives/edgar/data/{CIK}/{accession
    /// without dashes}/{accession}-index.htm</c>, or <see langword="null"/> unless both the CIK and the accession number are known.
    /// </summary>
    /// <param name="provenance">The provenance of a balance sheet.</param>
    /// <returns>The address, or <see langword="null"/>.</returns>
    public static Uri? SecFilingUrl(Provenance? provenance)
    {
        if (provenance is not { Cik: { } cik, Accession: { } accession })
        {
            return null;
        }

        string dashed = accession.ToString();
        return new Uri(string.Create(Inv, $"https://www.sec.gov/Archives/edgar/data/{cik}/{dashed.Replace("-", string.Empty, StringComparison.Ordinal)}/{dashed}-index.htm"));
    }

    /// <summary>Writes the page, UTF-8.</summary>
    /// <param name="output">The stream, left open.</param>
    /// <exception cref="ArgumentException"><see cref="Headroom"/> does not have one result per row of the screen, in its order.</exception>
    public void Write(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var headroom = Headroom;
        if (headroom is not null)
        {
            if (headroom.Count != Screen.Count)
            {
                throw new ArgumentException(string.Create(Inv, $"Headroom has {headroom.Count} results for a screen of {Screen.Count} rows: give one per row, in the screen's order."), nameof(output));
            }

            for (int i = 0; i < headroom.Count; i++)
            {
                if (!string.Equals(headroom[i].Ticker, Screen.TickerAt(i), StringComparison.Ordinal))
                {
                    throw new ArgumentException(string.Create(Inv, $"Headroom result {i} is for {headroom[i].Ticker}, the screen's row {i} for {Screen.TickerAt(i)}: give one per row, in the screen's order."), nameof(output));
                }
            }
        }

        // Written as it is made, in blocks of about 64 KB: memory does not grow with the page.
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        var sb = new StringBuilder(1 << 17);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(HtmlAssets.ContentSecurityPolicy).Append("\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"DatRules\">\n");
        sb.Append("<title>").AppendEscaped(Title).Append("</title>\n<style>").Append(HtmlAssets.Style).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header><h1>").AppendEscaped(Title).Append("</h1><p class=\"sub\" id=\"heading\">").AppendEscaped(Screen.Heading).Append("</p></header>\n");
        AppendPolicy(sb);
        AppendSummary(sb);
        AppendChart(sb);
        AppendIssuers(sb, writer);
        if (headroom is not null)
        {
            AppendHeadroom(sb, writer, headroom);
        }

        if (Comparison is { } comparison)
        {
            AppendComparison(sb, writer, comparison);
        }

        sb.Append("<footer class=\"note\"><p>Made with DatRules from published index-provider rules. Not investment or legal advice; figures marked * use estimated inputs.</p></footer>\n");
        sb.Append("<script>").Append(HtmlAssets.Script).Append("</script>\n</body>\n</html>\n");

        writer.Write(sb);
        writer.Flush();
        output.Flush();
    }

    /// <summary>Writes the page to a file atomically (<see cref="AtomicFile"/>): a failed write leaves any old file as it was.</summary>
    /// <param name="path">The file.</param>
    public void Write(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.Write(path, Write);
    }

    private static void Fact(StringBuilder sb, string term, string? value)
    {
        sb.Append("<dt>").AppendEscaped(term).Append("</dt><dd>").AppendEscaped(value).Append("</dd>\n");
    }

    private static void AppendPolicyFacts(StringBuilder sb, IndexPolicy p, string id)
    {
        sb.Append("<dl class=\"facts\" id=\"").Append(id).Append("\">\n");
        Fact(sb, "Policy", p.Id);
        Fact(sb, "Provider", p.Provider.ToString());
        Fact(sb, "Scope", p.Scope);
        Fact(sb, "Status", p.Status.ToString());
        Fact(sb, "Announced", p.AnnouncedOn.ToString("yyyy-MM-dd", Inv));
        Fact(sb, "Effective", p.EffectiveOn.ToString("yyyy-MM-dd", Inv));
        Fact(sb, "Criteria", p.Criteria.Count == 0 ? "none" : string.Join(" AND ", p.Criteria.Select(c => c.Description)));
        Fact(sb, "Action on a DAT", $"{p.ConstituentAction} if an index constituent; {p.NonConstituentAction} if not");
        Fact(sb, "Ratio test", ScreenColumnsWriter.RatioTestLine(p)["Ratio test: ".Length..]);
        sb.Append("<dt>Source</dt><dd class=\"source\">").AppendEscaped(p.Source.Publisher).Append(", &ldquo;").AppendEscaped(p.Source.Title)
            .Append("&rdquo;, ").Append(p.Source.Date.ToString("yyyy-MM-dd", Inv));
        if (HtmlText.WebLink(p.Source.Url) is { } url)
        {
            sb.Append(": <a href=\"").AppendEscaped(url.AbsoluteUri).Append("\" rel=\"noopener noreferrer\">").AppendEscaped(url.AbsoluteUri).Append("</a>");
        }
        else if (p.Source.Url is { } other)
        {
            sb.Append(": ").AppendEscaped(other.OriginalString);
        }

        sb.Append("</dd>\n");
        if (p.Notes is { Length: > 0 } notes)
        {
            Fact(sb, "Notes", notes);
        }

        sb.Append("</dl>\n");
    }

    private void AppendPolicy(StringBuilder sb)
    {
        sb.Append("<section id=\"policy\"><h2>Policy in force</h2>\n");
        if (Screen.Policy is { } policy)
        {
            AppendPolicyFacts(sb, policy, "policy-facts");
        }
        else
        {
            sb.Append("<dl class=\"facts\" id=\"policy-facts\">\n");
            Fact(sb, "Rule", Screen.Columns.Classifier.RuleName);
            Fact(sb, "Threshold", $"digital assets {Screen.RatioTestThreshold} of total assets");
            Fact(sb, "Policy", "none: no index policy was chosen, so the verdict is the ratio test's and there is no action (choose one with --policy, --provider or --date)");
            sb.Append("</dl>\n");
        }

        sb.Append("</section>\n");
    }

    private void AppendSummary(StringBuilder sb)
    {
        var s = Screen.Columns;
        var companies = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int dat = 0, operating = 0;
        for (int i = 0; i < Screen.Count; i++)
        {
            companies.Add(Screen.TickerAt(i));
            var c = Screen.ClassificationAt(i);
            dat += c == DatClassification.DigitalAssetTreasury ? 1 : 0;
            operating += c == DatClassification.OperatingCompany ? 1 : 0;
        }

        sb.Append("<section id=\"summary\"><h2>Summary and the data's age</h2>\n<p id=\"counts\">")
            .AppendEscaped(ScreenColumnsWriter.CountsLine(companies.Count, Screen.Count, dat, operating)).Append("</p>\n");
        if (DataSource is { } source)
        {
            sb.Append("<p>Data: ").AppendEscaped(source).Append("</p>\n");
        }

        var dates = Enumerable.Range(0, Screen.Count).Select(Screen.AsOfAt).OfType<LocalDate>().ToList();
        if (dates.Count > 0)
        {
            sb.Append("<p id=\"as-of-range\">Balance sheets as of ").Append(dates.Min().ToString("yyyy-MM-dd", Inv)).Append(" to ").Append(dates.Max().ToString("yyyy-MM-dd", Inv));
            var filed = Enumerable.Range(0, Screen.Count).Select(i => Screen.ProvenanceAt(i)?.Filed).OfType<LocalDate>().ToList();
            if (filed.Count > 0)
            {
                sb.Append(string.Create(Inv, $"; filed {filed.Min():yyyy-MM-dd} to {filed.Max():yyyy-MM-dd} ({filed.Count} of {Screen.Count} with a filing date)"));
            }

            sb.Append(".</p>\n");
        }

        if (ScreenColumnsWriter.AgeLine(s) is { } age)
        {
            sb.Append("<p id=\"age\">").AppendEscaped(age).Append("</p>\n");
        }

        if (Screen.StaleWarning is { } stale)
        {
            sb.Append("<p class=\"warn\" id=\"stale\">Warning: ").AppendEscaped(stale).Append(".</p>\n");
        }

        foreach (string note in Notes)
        {
            sb.Append("<p class=\"note\">Note: ").AppendEscaped(note).Append("</p>\n");
        }

        sb.Append("</section>\n");
    }

    private string PercentText(int row)
    {
        var text = new Utf8Text(32);
        ScreenColumnsWriter.Percent(text, Screen.Columns, Screen.Columns.RowAt(row));
        return Encoding.UTF8.GetString(text.Span);
    }

    private void AppendChart(StringBuilder sb)
    {
        var threshold = Screen.RatioTestThreshold;
        var ratios = Enumerable.Range(0, Screen.Count).Select(Screen.RatioAt).ToArray();
        decimal t = threshold.Fraction;
        var boundary = new bool[Screen.Count];
        bool any = false;
        for (int i = 0; i < boundary.Length; i++)
        {
            any |= boundary[i] = ratios[i] is { } r && Math.Abs(r - t) <= BoundaryBand;
        }

        if (!any)
        {
            // None within the band: the nearest issuer on each side of the line.
            int below = -1, above = -1;
            for (int i = 0; i < ratios.Length; i++)
            {
                if (ratios[i] is not { } r)
                {
                    continue;
                }

                bool crosses = threshold.Bound == ThresholdBound.Inclusive ? r >= t : r > t;
                ref int best = ref crosses ? ref above : ref below;
                if (best < 0 || Math.Abs(r - t) < Math.Abs(ratios[best]!.Value - t))
                {
                    best = i;
                }
            }

            foreach (int i in new[] { below, above }.Where(i => i >= 0))
            {
                boundary[i] = true;
            }
        }

        var points = Enumerable.Range(0, Screen.Count)
            .Select(i => new RatioChart.Point(Screen.TickerAt(i), ratios[i], PercentText(i), Screen.RatioTestClassificationAt(i) ?? Screen.ClassificationAt(i), boundary[i]))
            .ToList();
        sb.Append("<section id=\"ratios\"><h2>Ratios against the threshold</h2>\n");
        if (Screen.Count > RatioChart.MaxIssuers)
        {
            sb.Append(string.Create(Inv, $"<p class=\"note\">No chart: {Screen.Count:#,0} rows are more than the {RatioChart.MaxIssuers:#,0} it draws (one line each); the table lists them all.</p>\n"));
        }
        else
        {
            RatioChart.Append(sb, points, threshold, BoundaryBand);
            sb.Append("<p class=\"note\">One mark per issuer, coloured by the ratio test (red: DAT, green: operating, hollow: indeterminate, in the n/a lane when there is no ratio); the shaded band is ")
                .Append((BoundaryBand * 100m).ToString("0.##", Inv)).Append(" percentage points either side of the threshold.</p>\n");
        }

        var named = points.Where(p => p.Boundary).OrderByDescending(p => p.Ratio).ToList();
        sb.Append("<p id=\"boundary\">Boundary cases: ");
        if (named.Count == 0)
        {
            sb.Append("none (no issuer has a ratio).");
        }
        else
        {
            for (int k = 0; k < named.Count; k++)
            {
                sb.Append(k == 0 ? string.Empty : ", ").Append("<span class=\"cls-").Append(RatioChart.Class(named[k].Classification)).Append("\">")
                    .AppendEscaped(named[k].Ticker).Append(' ').AppendEscaped(named[k].PercentText).Append("</span>");
            }

            sb.Append(any ? string.Create(Inv, $" (within {BoundaryBand * 100m:0.##} points of the threshold).") : " (none within the band: the nearest on each side).");
        }

        sb.Append("</p>\n</section>\n");
    }

    private static void Head(StringBuilder sb, string key, string text, bool numeric = false)
    {
        sb.Append("<th data-key=\"").Append(key).Append('"').Append(numeric ? " class=\"num\"" : string.Empty).Append('>').AppendEscaped(text).Append("</th>");
    }

    private static void Cell(StringBuilder sb, string? text, string? cssClass = null)
    {
        sb.Append("<td").Append(cssClass is null ? string.Empty : " class=\"" + cssClass + "\"").Append('>').AppendEscaped(text).Append("</td>");
    }

    private static void NumberCell(StringBuilder sb, string text, string sortKey)
    {
        sb.Append("<td class=\"num\" data-sort=\"").AppendEscaped(sortKey).Append("\">").AppendEscaped(text).Append("</td>");
    }

    private static void ClassCell(StringBuilder sb, DatClassification? c)
    {
        if (c is { } cls)
        {
            Cell(sb, ScreenWriter.ShortClass(cls), "cls-" + RatioChart.Class(cls));
        }
        else
        {
            Cell(sb, null);
        }
    }

    private static string Date(LocalDate? date) => date?.ToString("yyyy-MM-dd", Inv) ?? string.Empty;

    private static string? Signed(decimal? value, string format, string unit) => value is { } v ? v.ToString(format, Inv) + unit : null;

    /// <summary>Moves what <paramref name="sb"/> holds to <paramref name="writer"/> once it is large.</summary>
    private static void Spill(StringBuilder sb, TextWriter writer)
    {
        if (sb.Length >= 1 << 16)
        {
            writer.Write(sb);
            sb.Clear();
        }
    }

    private void AppendIssuers(StringBuilder sb, TextWriter writer)
    {
        var headroom = Headroom;
        bool withPolicy = Screen.Policy is not null;
        var columns = Screen.Columns;
        var reasonWriter = new ReasonWriter(columns.Table, columns.Policy, columns.Classifier, columns.Age);
        sb.Append("<section id=\"issuers-section\"><h2>Issuers</h2>\n<p class=\"hint\" hidden>Click a column heading to sort; click again to reverse.</p>\n");
        sb.Append("<div class=\"scroll\"><table id=\"issuers\" class=\"sortable\">\n<thead><tr>");
        Head(sb, "ticker", "Ticker");
        Head(sb, "name", "Company");
        Head(sb, "ratio", "Ratio", numeric: true);
        Head(sb, "ratio-test", "Ratio test");
        Head(sb, "verdict", "Verdict");
        Head(sb, "action", "Action");
        Head(sb, "as-of", "As of");
        Head(sb, "filed", "Filed");
        Head(sb, "age", "Age (days)", numeric: true);
        Head(sb, "move", "Price move to cross", numeric: true);
        Head(sb, "filing", "Filing");
        Head(sb, "reasons", "Reasons");
        sb.Append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < Screen.Count; i++)
        {
            var verdict = Screen.ClassificationAt(i);
            sb.Append("<tr class=\"row-").Append(RatioChart.Class(verdict)).Append("\" data-ticker=\"").AppendEscaped(Screen.TickerAt(i)).Append("\">");
            Cell(sb, Screen.TickerAt(i));
            Cell(sb, Screen.NameAt(i));
            decimal? ratio = Screen.RatioAt(i);
            NumberCell(sb, PercentText(i) + (Screen.IsEstimateAt(i) ? "*" : string.Empty), ratio?.ToString(Inv) ?? string.Empty);
            ClassCell(sb, withPolicy ? Screen.RatioTestClassificationAt(i) : verdict);
            ClassCell(sb, verdict);
            Cell(sb, Screen.ActionAt(i) ?? "none (no policy)");
            Cell(sb, Date(Screen.AsOfAt(i)), "date");
            var provenance = Screen.ProvenanceAt(i);
            Cell(sb, Date(provenance?.Filed), "date");
            int? age = Screen.AgeDaysAt(i);
            NumberCell(sb, age?.ToString(Inv) ?? string.Empty, age?.ToString(Inv) ?? string.Empty);
            decimal? move = headroom?[i].PriceMovePct is { } m ? Math.Round(m, 4) : null;
            NumberCell(sb, Signed(move is { } mv ? Math.Round(mv, 1) : null, "+0.0;-0.0;0.0", "%") ?? string.Empty, move?.ToString(Inv) ?? string.Empty);
            if (SecFilingUrl(provenance) is { } link)
            {
                sb.Append("<td class=\"filing\"><a href=\"").AppendEscaped(link.AbsoluteUri).Append("\" rel=\"noopener noreferrer\">")
                    .AppendEscaped(provenance!.Form is { } form ? form + " " : string.Empty).AppendEscaped(provenance.Accession.ToString()).Append("</a></td>");
            }
            else
            {
                Cell(sb, provenance?.Form);
            }

            // The first reason (the test's own words) shown, the others (sources, estimates, the policy's) one click away.
            sb.Append("<td class=\"reasons\">");
            var reasons = ReasonsAt(reasonWriter, i);
            if (reasons.Count > 1)
            {
                sb.Append("<details><summary>").AppendEscaped(reasons[0]).Append("</summary>");
                Reasons(sb, reasons.Skip(1).ToList());
                sb.Append("</details>");
            }
            else if (reasons.Count == 1)
            {
                sb.AppendEscaped(reasons[0]);
            }

            sb.Append("</td></tr>\n");
            Spill(sb, writer);
        }

        sb.Append("</tbody>\n</table></div>\n<p class=\"note\">");
        sb.Append(withPolicy
            ? "Ratio test: the classification by the ratio alone; Verdict: the policy's classification; Action: what the policy does with the issuer ('A | B': A if an index constituent, B if not, when constituency is unknown). "
            : "Verdict: the ratio test's classification (no policy). ");
        sb.Append("* the ratio uses estimated inputs. Price move to cross: how far all coin prices must move for the issuer to cross the ratio test's threshold (the headroom section has the detail). Filing: the filing's index page on sec.gov, where the CIK and accession number are known.</p>\n</section>\n");
    }

    /// <summary>A row's reasons as <see cref="ScreenReport.ReasonsAt"/> gives them, from one writer for every row.</summary>
    private List<string> ReasonsAt(ReasonWriter writer, int i)
    {
        int row = Screen.Columns.RowAt(i);
        writer.Build(row, Screen.Screening.ClassificationAt(row));
        var reasons = new List<string>(writer.Count);
        for (int k = 0; k < writer.Count; k++)
        {
            reasons.Add(Encoding.UTF8.GetString(writer[k]));
        }

        return reasons;
    }

    private static string Money(decimal? value) => value is { } v ? Math.Round(v, 0).ToString("#,0", Inv) : string.Empty;

    private static string MoneyKey(decimal? value) => value is { } v ? Math.Round(v, 2).ToString(Inv) : string.Empty;

    private void AppendHeadroom(StringBuilder sb, TextWriter writer, IReadOnlyList<HeadroomResult> headroom)
    {
        sb.Append("<section id=\"headroom-section\"><h2>Headroom</h2>\n<p>How far each issuer is from the ratio test's line (")
            .AppendEscaped(Screen.RatioTestThreshold.ToString()).Append("): the coin price at which it crosses (every coin price moved by the same factor), and the purchase, sale or operating assets that would take it across. Amounts in the balance sheet's currency.</p>\n");
        sb.Append("<table id=\"headroom\" class=\"sortable\">\n<thead><tr>");
        Head(sb, "ticker", "Ticker");
        Head(sb, "asset", "Asset");
        Head(sb, "currency", "Cur");
        Head(sb, "direction", "Direction");
        Head(sb, "price", "Price", numeric: true);
        Head(sb, "break-even", "Break-even price", numeric: true);
        Head(sb, "move", "Move", numeric: true);
        Head(sb, "buy", "Debt-funded purchase to cross", numeric: true);
        Head(sb, "sell", "Sale to exit", numeric: true);
        Head(sb, "operating", "Operating assets to exit", numeric: true);
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in headroom)
        {
            sb.Append("<tr data-ticker=\"").AppendEscaped(r.Ticker).Append("\">");
            Cell(sb, r.Ticker);
            Cell(sb, r.Asset);
            Cell(sb, r.Currency.Code);
            Cell(sb, r.Direction switch
            {
                HeadroomDirection.RiseToCross => "rise to cross",
                HeadroomDirection.FallToExit => "fall to exit",
                _ => "undefined",
            });
            NumberCell(sb, Money(r.CurrentPrice), MoneyKey(r.CurrentPrice));
            NumberCell(sb, Money(r.BreakEvenPrice), MoneyKey(r.BreakEvenPrice));
            decimal? move = r.PriceMovePct is { } m ? Math.Round(m, 4) : null;
            NumberCell(sb, Signed(move is { } mv ? Math.Round(mv, 1) : null, "+0.0;-0.0;0.0", "%") ?? string.Empty, move?.ToString(Inv) ?? string.Empty);
            NumberCell(sb, Money(r.DebtFundedPurchaseToCross), MoneyKey(r.DebtFundedPurchaseToCross));
            NumberCell(sb, Money(r.SaleToExit), MoneyKey(r.SaleToExit));
            NumberCell(sb, Money(r.OperatingAssetsToExit), MoneyKey(r.OperatingAssetsToExit));
            sb.Append("</tr>\n");
            Spill(sb, writer);
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Reasons(StringBuilder sb, IReadOnlyList<string> reasons)
    {
        for (int k = 0; k < reasons.Count; k++)
        {
            sb.Append(k == 0 ? string.Empty : "<br>").AppendEscaped(reasons[k]);
        }
    }

    private static void AppendComparison(StringBuilder sb, TextWriter writer, RuleChangeReport comparison)
    {
        sb.Append("<section id=\"changes-section\"><h2>What changes from ").AppendEscaped(comparison.From.Id).Append(" to ").AppendEscaped(comparison.To.Id).Append("</h2>\n");
        int n = comparison.Changes.Count;
        sb.Append("<p id=\"changes-count\">").Append(string.Create(Inv, $"{n:#,0} of {Plural.Issuers(comparison.Screened)} {(n == 1 ? "changes" : "change")} (classification or action).")).Append("</p>\n");
        sb.Append("<h3>The policy compared</h3>\n");
        AppendPolicyFacts(sb, comparison.To, "vs-policy-facts");
        sb.Append("<table id=\"changes\" class=\"sortable\">\n<thead><tr>");
        Head(sb, "ticker", "Ticker");
        Head(sb, "as-of", "As of");
        Head(sb, "ratio", "Ratio", numeric: true);
        Head(sb, "before", "Under " + comparison.From.Id);
        Head(sb, "after", "Under " + comparison.To.Id);
        Head(sb, "why", "Why");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var change in comparison.Changes)
        {
            var snapshot = change.Snapshot;
            sb.Append("<tr data-ticker=\"").AppendEscaped(snapshot.Issuer.Ticker).Append("\">");
            Cell(sb, snapshot.Issuer.Ticker);
            Cell(sb, snapshot.AsOf.ToString("yyyy-MM-dd", Inv), "date");
            decimal? ratio = change.Before.DigitalAssetRatio;
            NumberCell(sb, ratio is { } r ? (r * 100m).ToString("0.00", Inv) + "%" : "n/a", ratio?.ToString(Inv) ?? string.Empty);
            foreach (var decision in new[] { change.Before, change.After })
            {
                sb.Append("<td><span class=\"cls-").Append(RatioChart.Class(decision.Classification)).Append("\">").Append(ScreenWriter.ShortClass(decision.Classification))
                    .Append("</span>; ").AppendEscaped(RuleChange.Describe(decision)).Append("</td>");
            }

            // The new policy's last reason (its verdict and action) shown; every reason of both sides one click away.
            var after = change.After.Reasons;
            sb.Append("<td class=\"reasons\"><details><summary>").AppendEscaped(after.Count > 0 ? after[^1] : "(no reason given)").Append("</summary><b>Under ")
                .AppendEscaped(comparison.To.Id).Append(":</b><br>");
            Reasons(sb, after);
            sb.Append("<br><b>Under ").AppendEscaped(comparison.From.Id).Append(":</b><br>");
            Reasons(sb, change.Before.Reasons);
            sb.Append("</details></td></tr>\n");
            Spill(sb, writer);
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }
}
