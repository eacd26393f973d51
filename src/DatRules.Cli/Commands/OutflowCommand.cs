using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DatRules.Cli.Input;
using DatRules.Cli.Output;
using DatRules.Json;
using DatRules.Outflows;

namespace DatRules.Cli.Commands;

/// <summary><c>datrules outflow</c>: forced selling, days of volume and price impact if index families delete an issuer.</summary>
internal static class OutflowCommand
{
    public static Command Create(CliContext ctx)
    {
        var ticker = new Option<string?>("--ticker") { Description = "Only this ticker (default: every ticker of the input)." };
        var input = new Option<FileInfo?>("--input", "-i") { Description = "CSV of passive exposures and market data (docs/outflows.md). Default: Strategy per JPMorgan (20 Nov 2025)." };
        var scenario = new Option<FileInfo?>("--scenario") { Description = "JSON of probability-weighted scenarios (docs/outflows.md); default: every family with an exposure deletes the issuer." };
        var sigma = ExactNumber.Option("--sigma", string.Empty, "Daily volatility (fraction, e.g. 0.05) when the input has none; needed for price impact.");
        var days = new Option<int?>("--days") { Description = "Spread the selling over N trading days (default 1)." };
        var format = CommonOptions.Format();
        var command = new Command("outflow", "Estimate forced selling by index funds if index families delete an issuer.") { ticker, input, scenario, sigma, days, format };
        command.SetAction(parse =>
        {
            var (exposures, markets) = Load(parse.GetValue(input));
            var families = exposures.Select(e => e.Family).Distinct().ToList();
            OutflowScenarioSet? set = null;
            if (parse.GetValue(scenario) is { } file)
            {
                if (!file.Exists)
                {
                    throw new UsageException($"--scenario '{file.FullName}': file not found.");
                }

                try
                {
                    set = OutflowScenarioJson.Parse(StrictText.ReadAll(file, "--scenario"), families);
                }
                catch (JsonInputException ex)
                {
                    throw new UsageException(string.Join(Environment.NewLine, ex.Errors.Select(e => $"{file.Name}: {e}")));
                }
            }

            var options = set?.Impact ?? new ImpactOptions();
            if (parse.GetValue(days) is { } n)
            {
                options.ExecutionDays = n;
            }

            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message.Replace("ExecutionDays", "--days", StringComparison.Ordinal));
            }

            decimal? sigmaOverride = parse.GetValue(sigma) ?? set?.DailyVolatility;
            if (sigmaOverride < 0m)
            {
                throw new UsageException("--sigma must be >= 0.");
            }

            var estimator = new ForcedSellingEstimator(options);
            var tickers = markets.Keys.Where(t => parse.GetValue(ticker) is not { } only || string.Equals(t, only, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            if (tickers.Count == 0)
            {
                throw new UsageException($"--ticker '{parse.GetValue(ticker)}' has no exposures in the input; tickers: {string.Join(", ", markets.Keys)}.");
            }

            var results = new List<(OutflowEstimate Estimate, ScenarioAnalysis? Analysis)>();
            foreach (var t in tickers)
            {
                var m = markets[t];
                if (m.DailyVolatility is null && sigmaOverride is { } sv)
                {
                    m = new MarketData(m.Ticker, m.AsOf, m.Price, m.AverageDailyVolume, sv, m.Source);
                }

                var mine = exposures.Where(e => string.Equals(e.Ticker, t, StringComparison.OrdinalIgnoreCase)).ToList();
                var all = Checked.Run($"the outflow of {t}", () => estimator.Estimate(mine, m, mine.Select(e => e.Family)));
                var analysis = set is null ? null : Checked.Run($"the scenarios of {t}", () => estimator.Analyze(mine, m, set.Scenarios));
                results.Add((all, analysis));
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                WriteJson(results, ctx.Out);
            }
            else if (parse.GetValue(format) == OutputFormat.Csv)
            {
                WriteCsv(results, ctx.Out);
            }
            else
            {
                WriteTable(results, ctx.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static (IReadOnlyList<PassiveExposure>, IReadOnlyDictionary<string, MarketData>) Load(FileInfo? input)
    {
        if (input is null)
        {
            return (DefaultOutflowInput.StrategyExposures, new Dictionary<string, MarketData>(StringComparer.OrdinalIgnoreCase) { ["MSTR"] = DefaultOutflowInput.StrategyMarket });
        }

        if (!input.Exists)
        {
            throw new InputException(input.FullName, [new InputError(0, null, "file not found")]);
        }

        using var stream = input.OpenRead();
        var r = ExposureCsv.Read(stream, input.Name);
        return (r.Exposures, r.Markets);
    }

    private static string Usd(decimal v) => (v / 1_000_000_000m).ToString("0.000", CultureInfo.InvariantCulture) + "B";

    private static string Impact(decimal? v) => v is { } x ? (x * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static void WriteTable(List<(OutflowEstimate Estimate, ScenarioAnalysis? Analysis)> results, TextWriter o)
    {
        foreach (var (e, a) in results)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Ticker}: price {e.Market.Price} USD ({e.Market.AsOf:yyyy-MM-dd}), ADV {e.Market.AverageDailyVolume:#,0} shares, daily vol {(e.Market.DailyVolatility is { } dv ? (dv * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "n/a")}"));
            o.WriteLine($"{"Index family",-40} {"USD",9} {"Shares",12} {"Days",6} {"Impact",7}");
            o.WriteLine(new string('-', 78));
            foreach (var l in e.Families.Append(e.Total))
            {
                string name = l.Family?.Name ?? "TOTAL (every family deletes)";
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(name.Length > 40 ? name[..39] + "~" : name),-40} {Usd(l.ForcedSellingUsd),9} {l.ForcedSellingShares,12:#,0} {l.DaysOfVolume,6:0.00} {Impact(l.PriceImpact),7}"));
            }

            if (a is not null)
            {
                o.WriteLine();
                o.WriteLine($"{"Scenario",-40} {"P",5} {"USD",9} {"Cum. P",7}");
                o.WriteLine(new string('-', 78));
                foreach (var s in a.Distribution)
                {
                    string name = s.Scenario.Name.Length > 40 ? s.Scenario.Name[..39] + "~" : s.Scenario.Name;
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-40} {s.Scenario.Probability,5:0.###} {Usd(s.Estimate.Total.ForcedSellingUsd),9} {s.CumulativeProbability,7:0.###}"));
                }

                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Expected forced selling: {Usd(a.ExpectedUsd)} USD, {a.ExpectedShares:#,0} shares."));
            }

            o.WriteLine();
        }

        if (results.Any(r => r.Estimate.Families.Append(r.Estimate.Total).Any(l => l.PriceImpact is null)))
        {
            o.WriteLine("Impact n/a: the input has no daily volatility for that ticker; give one with --sigma (e.g. --sigma 0.05),");
            o.WriteLine("a daily_volatility column in --input, or dailyVolatility in the --scenario file.");
        }

        o.WriteLine("Estimates from the inputs' sources (docs/outflows.md); not investment advice.");
    }

    private static void WriteCsv(List<(OutflowEstimate Estimate, ScenarioAnalysis? Analysis)> results, TextWriter o)
    {
        static object?[] Line(string ticker, string row, string? name, string? provider, decimal? probability, decimal? cumulative, FamilyOutflow l) =>
        [
            ticker, row, name, provider, probability, cumulative, Math.Round(l.ForcedSellingUsd, 2), Math.Round(l.ForcedSellingShares, 2), Math.Round(l.DaysOfVolume, 6),
            l.PriceImpact is { } p ? Math.Round(p, 8) : null,
        ];

        var rows = new List<object?[]>();
        foreach (var (e, a) in results)
        {
            rows.AddRange(e.Families.Select(l => Line(e.Ticker, "family", l.Family!.Name, l.Family.Provider.Name, null, null, l)));
            rows.Add(Line(e.Ticker, "total", "TOTAL", null, null, null, e.Total));
            if (a is not null)
            {
                rows.AddRange(a.Distribution.Select(s => Line(e.Ticker, "scenario", s.Scenario.Name, null, s.Scenario.Probability, s.CumulativeProbability, s.Estimate.Total)));
                rows.Add([e.Ticker, "expected", "EXPECTED", null, null, null, Math.Round(a.ExpectedUsd, 2), Math.Round(a.ExpectedShares, 2), null, null]);
            }
        }

        CsvTable.Write(
            o,
            ["ticker", "row", "name", "provider", "probability", "cumulative_probability", "forced_selling_usd", "forced_selling_shares", "days_of_volume", "price_impact"],
            rows);
    }

    private static void WriteJson(List<(OutflowEstimate Estimate, ScenarioAnalysis? Analysis)> results, TextWriter o)
    {
        static Dictionary<string, object?> Row(string ticker, FamilyOutflow l, bool total) => new()
        {
            ["ticker"] = ticker,
            ["indexFamily"] = total ? "TOTAL" : l.Family!.Name,
            ["provider"] = l.Family?.Provider.Name,
            ["total"] = total,
            ["forcedSellingUsd"] = Math.Round(l.ForcedSellingUsd, 2),
            ["forcedSellingShares"] = Math.Round(l.ForcedSellingShares, 2),
            ["daysOfVolume"] = Math.Round(l.DaysOfVolume, 6),
            ["priceImpact"] = l.PriceImpact is { } p ? Math.Round(p, 8) : null,
        };

        var rows = new List<Dictionary<string, object?>>();
        foreach (var (e, a) in results)
        {
            rows.AddRange(e.Families.Select(l => Row(e.Ticker, l, false)));
            var total = Row(e.Ticker, e.Total, true);
            if (a is not null)
            {
                total["expectedForcedSellingUsd"] = Math.Round(a.ExpectedUsd, 2);
                total["expectedForcedSellingShares"] = Math.Round(a.ExpectedShares, 2);
                total["scenarios"] = a.Distribution.Select(s => new Dictionary<string, object?>
                {
                    ["name"] = s.Scenario.Name,
                    ["probability"] = s.Scenario.Probability,
                    ["acting"] = s.Scenario.ActingFamilies.Select(f => f.Name).ToArray(),
                    ["forcedSellingUsd"] = Math.Round(s.Estimate.Total.ForcedSellingUsd, 2),
                    ["forcedSellingShares"] = Math.Round(s.Estimate.Total.ForcedSellingShares, 2),
                    ["daysOfVolume"] = Math.Round(s.Estimate.Total.DaysOfVolume, 6),
                    ["priceImpact"] = s.Estimate.Total.PriceImpact is { } p ? Math.Round(p, 8) : null,
                    ["cumulativeProbability"] = s.CumulativeProbability,
                }).ToList();
            }

            rows.Add(total);
        }

        o.WriteLine(JsonOutput.Serialize(rows));
    }
}
