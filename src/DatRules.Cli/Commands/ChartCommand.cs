using System.CommandLine;
using System.Globalization;
using DatRules.Headroom;
using DatRules.History;
using ScottPlot;

namespace DatRules.Cli.Commands;

/// <summary><c>datrules chart</c>: SVG or PNG charts drawn with ScottPlot (doubles are fine here: pictures, not decisions).</summary>
internal static class ChartCommand
{
    public static Command Create(CliContext ctx)
    {
        var kind = new Argument<string>("kind") { Description = "ratio (over time, --history input), universe (bar per company) or sensitivity (heat map)." };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Output file: .svg or .png.", Required = true };
        var input = CommonOptions.Input();
        var command = new Command("chart", "Draw a chart: ratio over time vs the 50% line, universe bars, or a sensitivity heat map.") { kind, output, input };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(output)!;
            if (Directory.Exists(file.FullName))
            {
                throw new UsageException($"--out '{file.FullName}' is a directory; name a file ending in .svg or .png.");
            }

            if (file.Directory is { Exists: false } dir)
            {
                throw new UsageException($"--out '{file.FullName}': directory '{dir.FullName}' does not exist.");
            }

            string ext = file.Extension.ToLowerInvariant();
            if (ext is not (".svg" or ".png"))
            {
                throw new UsageException($"--out must end in .svg or .png; was '{file.Name}'.");
            }

            var plot = parse.GetValue(kind) switch
            {
                "ratio" => RatioOverTime(InputLoader.Load(parse.GetValue(input), false, ctx, Input.EmbeddedDataset.HistoryResourceName)),
                "universe" => Universe(InputLoader.Load(parse.GetValue(input), false, ctx)),
                "sensitivity" => Sensitivity(InputLoader.Load(parse.GetValue(input), false, ctx).ToUniverse()),
                var other => throw new UsageException($"Unknown chart '{other}': use ratio, universe or sensitivity."),
            };

            try
            {
                if (ext == ".svg")
                {
                    plot.SaveSvg(file.FullName, 900, 520);
                }
                else
                {
                    plot.SavePng(file.FullName, 900, 520);
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or BadImageFormatException)
            {
                // The tool package ships SkiaSharp's natives for a few runtimes only (DatRules.Cli.csproj).
                throw new UsageException(
                    $"charts need SkiaSharp's native library, which the datrules tool ships for linux-x64, linux-arm64, osx and win-x64; this is {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}. "
                    + "Run from the repository (dotnet run --project src/DatRules.Cli -- chart ...), which restores the natives of every platform.");
            }

            ctx.Out.WriteLine($"wrote {file.FullName}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Companies past which the ratio chart shows percentiles by date (a line and legend entry per company is unreadable beyond that).</summary>
    internal const int MaxLines = 20;

    private static Plot RatioOverTime(DatRules.Data.SnapshotFrame table)
    {
        var universe = table.ToUniverse();
        return universe.IssuerCount <= MaxLines ? RatioOverTime(table.ToSnapshots()) : RatioPercentiles(universe);
    }

    /// <summary>The percentile chart of <see cref="RatioSeries"/>: three lines over the balance-sheet dates, and the 50% line.</summary>
    private static Plot RatioPercentiles(Screening.Universe universe)
    {
        var series = RatioSeries(universe);
        double[] x = series.Select(p => p.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        var plot = new Plot();
        foreach (var (label, values) in new (string, double[])[]
        {
            ("median ratio", series.Select(p => p.Median).ToArray()),
            ("90th percentile", series.Select(p => p.P90).ToArray()),
            ("share of companies at >= 50%", series.Select(p => p.DatShare).ToArray()),
        })
        {
            var line = plot.Add.Scatter(x, values);
            line.LegendText = label;
            line.MarkerSize = 8;
        }

        Line50(plot);
        IsoDates(plot);
        plot.Axes.SetLimitsY(0, 105);
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"{universe.IssuerCount:N0} companies over time: ratio percentiles and DAT share"));
        plot.YLabel("% of total assets / % of companies");
        plot.ShowLegend();
        return plot;
    }

    /// <summary>
    /// Per balance-sheet date, over the rows with a ratio on that date: the median and 90th percentile of the ratio in
    /// percent (nearest rank), and the percentage the ratio test calls a DAT (the engine's exact classification).
    /// </summary>
    /// <param name="universe">The rows.</param>
    /// <returns>One point per date, in date order.</returns>
    internal static (DateOnly Date, double Median, double P90, double DatShare)[] RatioSeries(Screening.Universe universe)
    {
        var test = new Screening.ScreeningEngine().Screen(universe, Policies.IndexPolicy.ClassificationOnly(Classification.RatioThreshold.Msci, "ratio test"));
        var byDate = new SortedDictionary<int, (List<double> Ratios, int Dats)>();
        for (int row = 0; row < universe.Count; row++)
        {
            if (universe.RatioAt(row) is not { } r)
            {
                continue;
            }

            int day = universe.AsOfAt(row).ToDateOnly().DayNumber;
            var (ratios, dats) = byDate.TryGetValue(day, out var seen) ? seen : ([], 0);
            ratios.Add((double)(r * 100m));
            byDate[day] = (ratios, dats + (test.ClassificationAt(row) == Classification.DatClassification.DigitalAssetTreasury ? 1 : 0));
        }

        return byDate.Select(p =>
        {
            p.Value.Ratios.Sort();
            return (DateOnly.FromDayNumber(p.Key), Percentile(p.Value.Ratios, 0.5), Percentile(p.Value.Ratios, 0.9), 100.0 * p.Value.Dats / p.Value.Ratios.Count);
        }).ToArray();

        static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static Plot RatioOverTime(IReadOnlyList<Issuers.IssuerSnapshot> snapshots)
    {
        var plot = new Plot();
        foreach (var h in HistoryAnalysis.Run(snapshots))
        {
            var points = h.Points.Where(p => p.Ratio is not null).ToList();
            var scatter = plot.Add.Scatter(
                points.Select(p => p.AsOf.ToDateTimeUnspecified().ToOADate()).ToArray(),
                points.Select(p => (double)(p.Ratio!.Value * 100m)).ToArray());
            scatter.LegendText = h.Ticker;
            scatter.MarkerSize = 8;
        }

        Line50(plot);
        IsoDates(plot);
        plot.Axes.SetLimitsY(0, 105);
        plot.Title("Digital assets / total assets over time");
        plot.YLabel("% of total assets");
        plot.ShowLegend();
        return plot;
    }

    /// <summary>ISO dates on the time axis (the default is the current culture's, month/day/year under invariant globalization).</summary>
    private static void IsoDates(Plot plot) => plot.Axes.DateTimeTicksBottom().TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic
    {
        LabelFormatter = d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>Companies past which the universe chart is a histogram (a bar per company is unreadable beyond that).</summary>
    internal const int MaxBars = 300;

    private static Plot Universe(DatRules.Data.SnapshotFrame table) => table.Count <= MaxBars ? Universe(table.ToSnapshots()) : Histogram(table.ToUniverse());

    /// <summary>How many companies fall in each 2.5% band of the ratio (bands start at 0%, so 50% starts a band), from exact integers.</summary>
    private static Plot Histogram(Screening.Universe universe)
    {
        const int Bands = 40;
        var counts = new double[Bands];
        int none = 0;
        for (int i = 0; i < universe.Count; i++)
        {
            if (universe.RatioAt(i) is not { } r)
            {
                none++;
                continue;
            }

            counts[Math.Min(Bands - 1, (int)decimal.Floor(r * Bands))]++;
        }

        var plot = new Plot();
        var bars = plot.Add.Bars(Enumerable.Range(0, Bands).Select(b => (b * 2.5) + 1.25).ToArray(), counts);
        for (int b = 0; b < Bands; b++)
        {
            bars.Bars[b].Size = 2.3;
            bars.Bars[b].FillColor = b * 2.5 >= 50 ? Colors.OrangeRed : Colors.SteelBlue;
        }

        var line = plot.Add.VerticalLine(50);
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = "MSCI line: 50% (inclusive)";
        plot.Axes.SetLimitsX(0, 100);
        plot.Axes.SetLimitsY(0, Math.Max(1, counts.Max()) * 1.08);
        plot.Title(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{universe.Count - none:N0} companies by digital-asset ratio, 2.5% bands (red: >= 50%){(none > 0 ? $"; {none:N0} without a ratio" : string.Empty)}"));
        plot.XLabel("% of total assets");
        plot.YLabel("companies");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot Universe(IReadOnlyList<Issuers.IssuerSnapshot> snapshots)
    {
        var ratios = snapshots.Select(s => (Snapshot: s, Ratio: s.HoldingsRatio(Classification.HoldingsTreatment.Default))).Where(r => r.Ratio is not null).OrderByDescending(r => r.Ratio).ToList();
        var rows = ratios.Select(r => r.Snapshot).ToList();
        var plot = new Plot();
        var bars = plot.Add.Bars(ratios.Select(r => (double)(r.Ratio!.Value * 100m)).ToArray());
        for (int i = 0; i < bars.Bars.Count; i++)
        {
            bars.Bars[i].FillColor = ratios[i].Ratio >= 0.5m ? Colors.OrangeRed : Colors.SteelBlue;
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray(), rows.Select(s => s.Issuer.Ticker).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 70;
        Line50(plot);
        plot.Axes.SetLimitsY(0, 105);
        plot.Title("Digital-asset ratio by company (red: >= 50%, MSCI DAT)");
        plot.YLabel("% of total assets");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot Sensitivity(Screening.Universe universe)
    {
        var moves = SensitivityAnalysis.DefaultMoves;
        var thresholds = SensitivityAnalysis.DefaultThresholds;
        var cells = SensitivityAnalysis.Run(universe, moves, thresholds);
        var grid = new double[moves.Count, thresholds.Count];
        for (int m = 0; m < moves.Count; m++)
        {
            for (int t = 0; t < thresholds.Count; t++)
            {
                // Row 0 is drawn at the top: put the largest price move first.
                grid[moves.Count - 1 - m, t] = cells[(m * thresholds.Count) + t].DatCount;
            }
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(grid);
        plot.Add.ColorBar(heatmap).Label = "DAT count";
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, thresholds.Count).Select(i => (double)i).ToArray(), thresholds.Select(t => $">= {t.Percent:0}%").ToArray());
        plot.Axes.Left.SetTicks(Enumerable.Range(0, moves.Count).Select(i => (double)i).ToArray(), moves.Select(m => $"{m:+0;-0;0}%").ToArray());
        plot.Title($"DATs among {Plural.Companies(universe.Count)} by coin-price move and threshold");
        plot.XLabel("threshold (digital assets / total assets)");
        plot.YLabel("coin-price move");
        return plot;
    }

    private static void Line50(Plot plot)
    {
        var line = plot.Add.HorizontalLine(50);
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = "MSCI line: 50% (inclusive)";
    }
}
