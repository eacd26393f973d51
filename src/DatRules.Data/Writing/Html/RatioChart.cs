using System.Globalization;
using System.Text;
using DatRules.Classification;

namespace DatRules.Data;

/// <summary>
/// The report's chart, as inline SVG: one line per issuer (highest ratio first, issuers without a ratio last, in an
/// "n/a" lane), one mark per issuer at its digital-asset ratio, coloured by the ratio test's classification, the
/// threshold as a dashed line, the boundary band around it shaded, and the boundary cases named beside their marks.
/// </summary>
internal static class RatioChart
{
    /// <summary>Past this many issuers no chart is drawn (a line each would make it taller than a screen can show usefully).</summary>
    public const int MaxIssuers = 2000;

    /// <summary>Up to this many issuers, every line is labelled with its ticker.</summary>
    private const int LabelAllUpTo = 60;

    private const double Width = 900, Left = 70, NaLane = Left + 16, PlotLeft = Left + 46, PlotRight = Width - 150, Top = 40;

    /// <summary>One issuer in the chart.</summary>
    /// <param name="Ticker">The ticker.</param>
    /// <param name="Ratio">The ratio (fraction of total assets), or <see langword="null"/>.</param>
    /// <param name="PercentText">The ratio as the table shows it ("49.12%", "n/a").</param>
    /// <param name="Classification">The ratio test's classification.</param>
    /// <param name="Boundary">Whether the issuer is a boundary case (named in the chart).</param>
    public sealed record Point(string Ticker, decimal? Ratio, string PercentText, DatClassification Classification, bool Boundary);

    /// <summary>Appends the SVG.</summary>
    /// <param name="sb">The output.</param>
    /// <param name="points">The issuers, in any order.</param>
    /// <param name="threshold">The ratio test's threshold.</param>
    /// <param name="band">The boundary band: the fraction of total assets either side of the threshold.</param>
    public static void Append(StringBuilder sb, IReadOnlyList<Point> points, RatioThreshold threshold, decimal band)
    {
        var ordered = points.Select((p, i) => (p, i)).OrderBy(x => x.p.Ratio is null ? 1 : 0).ThenByDescending(x => x.p.Ratio ?? 0m).ThenBy(x => x.i).Select(x => x.p).ToList();
        int n = ordered.Count;
        double rowHeight = n <= LabelAllUpTo ? 14 : Math.Max(2, 840.0 / n);
        double plotHeight = Math.Max(1, n) * rowHeight, height = Top + plotHeight + 44;
        double th = (double)threshold.Fraction;
        sb.Append(Invariant($"<svg class=\"chart\" id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height:0.#}\" width=\"{Width}\" height=\"{height:0.#}\" role=\"img\" aria-labelledby=\"chart-title\">\n"));
        sb.Append("<title id=\"chart-title\">Digital-asset ratio of each issuer against the threshold of ").AppendEscaped(threshold.ToString()).Append("</title>\n");

        // The boundary band, the grid and the axis labels.
        double lo = X(Math.Max(0, th - (double)band)), hi = X(Math.Min(1, th + (double)band));
        sb.Append(Invariant($"<rect class=\"band\" x=\"{lo:0.#}\" y=\"{Top:0.#}\" width=\"{hi - lo:0.#}\" height=\"{plotHeight:0.#}\"/>\n"));
        for (int pct = 0; pct <= 100; pct += 25)
        {
            double x = X(pct / 100.0);
            sb.Append(Invariant($"<line class=\"grid\" x1=\"{x:0.#}\" y1=\"{Top:0.#}\" x2=\"{x:0.#}\" y2=\"{Top + plotHeight:0.#}\"/>"));
            sb.Append(Invariant($"<text class=\"tick\" x=\"{x:0.#}\" y=\"{Top + plotHeight + 16:0.#}\" text-anchor=\"middle\">{pct}%</text>\n"));
        }

        sb.Append(Invariant($"<text class=\"tick\" x=\"{NaLane:0.#}\" y=\"{Top + plotHeight + 16:0.#}\" text-anchor=\"middle\">n/a</text>\n"));
        sb.Append(Invariant($"<line class=\"axis\" x1=\"{PlotLeft:0.#}\" y1=\"{Top + plotHeight:0.#}\" x2=\"{PlotRight:0.#}\" y2=\"{Top + plotHeight:0.#}\"/>\n"));
        sb.Append(Invariant($"<text class=\"tick\" x=\"{(PlotLeft + PlotRight) / 2:0.#}\" y=\"{Top + plotHeight + 34:0.#}\" text-anchor=\"middle\">digital assets as a share of total assets</text>\n"));

        // The threshold.
        double tx = X(th);
        sb.Append(Invariant($"<line class=\"threshold\" x1=\"{tx:0.#}\" y1=\"{Top - 8:0.#}\" x2=\"{tx:0.#}\" y2=\"{Top + plotHeight:0.#}\"/>"));
        sb.Append(Invariant($"<text class=\"label\" x=\"{tx:0.#}\" y=\"{Top - 14:0.#}\" text-anchor=\"middle\">threshold: ")).AppendEscaped(threshold.ToString()).Append("</text>\n");

        // One mark per issuer.
        for (int i = 0; i < n; i++)
        {
            var p = ordered[i];
            double y = Top + (i + 0.5) * rowHeight;
            double x = p.Ratio is { } r ? X((double)r) : NaLane;
            string cls = Class(p.Classification);
            if (n <= LabelAllUpTo)
            {
                sb.Append(Invariant($"<text class=\"row\" x=\"{Left - 4:0.#}\" y=\"{y + 3:0.#}\" text-anchor=\"end\">")).AppendEscaped(p.Ticker).Append("</text>");
            }

            sb.Append(Invariant($"<circle class=\"mark {cls}\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{Math.Min(4.5, Math.Max(1.5, rowHeight / 2.5)):0.#}\" data-ticker=\""))
                .AppendEscaped(p.Ticker).Append("\"><title>").AppendEscaped(p.Ticker).Append(": ").AppendEscaped(p.PercentText)
                .Append(" (").Append(Name(p.Classification)).Append(")</title></circle>");
            if (p.Boundary)
            {
                sb.Append(Invariant($"<text class=\"label\" x=\"{x + 8:0.#}\" y=\"{y + 4:0.#}\">")).AppendEscaped(p.Ticker).Append(' ').AppendEscaped(p.PercentText).Append("</text>");
            }

            sb.Append('\n');
        }

        sb.Append("</svg>\n");
    }

    /// <summary>The CSS class of a classification (marks, table cells).</summary>
    /// <param name="c">The classification.</param>
    /// <returns><c>dat</c>, <c>operating</c> or <c>indeterminate</c>.</returns>
    public static string Class(DatClassification c) => c switch
    {
        DatClassification.DigitalAssetTreasury => "dat",
        DatClassification.OperatingCompany => "operating",
        _ => "indeterminate",
    };

    private static string Name(DatClassification c) => ScreenWriter.ShortClass(c);

    private static double X(double ratio) => PlotLeft + (Math.Clamp(ratio, 0, 1) * (PlotRight - PlotLeft));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
