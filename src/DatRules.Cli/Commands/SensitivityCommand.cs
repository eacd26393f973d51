using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DatRules.Cli.Output;
using DatRules.Headroom;

namespace DatRules.Cli.Commands;

/// <summary><c>datrules sensitivity</c>: DAT counts across coin-price moves and thresholds.</summary>
internal static class SensitivityCommand
{
    public static Command Create(CliContext ctx)
    {
        var input = CommonOptions.Input();
        var format = CommonOptions.Format();
        var command = new Command("sensitivity", "How many companies are DATs if coin prices move -50%..+100% and the line sits at 30%..70%.") { input, format };
        command.SetAction(parse =>
        {
            var table = InputLoader.Load(parse.GetValue(input), false, ctx);
            var universe = Checked.Run("the sensitivity grid", table.ToUniverse);
            var cells = Checked.Run("the sensitivity grid", () => SensitivityAnalysis.Run(universe, SensitivityAnalysis.DefaultMoves, SensitivityAnalysis.DefaultThresholds));
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                ctx.Out.WriteLine(JsonOutput.Serialize(cells.Select(c => new Dictionary<string, object?>
                {
                    ["priceMovePct"] = c.PriceMovePct,
                    ["thresholdPercent"] = c.Threshold.Percent,
                    ["datCount"] = c.DatCount,
                    ["flips"] = c.Flips,
                })));
                return ExitCodes.Ok;
            }

            if (parse.GetValue(format) == OutputFormat.Csv)
            {
                CsvTable.Write(ctx.Out, ["price_move_pct", "threshold_percent", "dat_count", "flips"], cells.Select(c => new object?[] { c.PriceMovePct, c.Threshold.Percent, c.DatCount, string.Join(' ', c.Flips) }));
                return ExitCodes.Ok;
            }

            var o = ctx.Out;
            var thresholds = SensitivityAnalysis.DefaultThresholds;
            o.WriteLine($"DAT count of {Plural.Companies(universe.Count)} by coin-price move (rows) and threshold (columns, >=)");
            o.WriteLine();
            o.WriteLine("Move  " + string.Concat(thresholds.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Percent,6:0}%"))));
            o.WriteLine(new string('-', 6 + (7 * thresholds.Count)));
            foreach (var move in SensitivityAnalysis.DefaultMoves)
            {
                var row = cells.Where(c => c.PriceMovePct == move).ToList();
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{move,4:+0;-0;0}% ") + string.Concat(row.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.DatCount,7}"))));
            }

            o.WriteLine();
            var at50 = cells.Where(c => c.Threshold.Percent == 50m && c.Flips.Count > 0).ToList();
            foreach (var c in at50)
            {
                // Only what fits on the line is joined (a million-row grid can flip hundreds of thousands).
                var text = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{c.PriceMovePct:+0;-0}% at >= 50%: flips "));
                for (int k = 0; k < c.Flips.Count && text.Length <= 78; k++)
                {
                    text.Append(k == 0 ? string.Empty : ", ").Append(c.Flips[k]);
                }

                string line = text.ToString();
                o.WriteLine(line.Length > 78 ? line[..77] + "~" : line);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
