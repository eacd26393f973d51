using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DatRules.Classification;
using DatRules.Cli.Output;
using DatRules.Data;
using DatRules.Headroom;

namespace DatRules.Cli.Commands;

/// <summary><c>datrules headroom</c>: break-even coin price and transactions to cross the line.</summary>
internal static class HeadroomCommand
{
    public static Command Create(CliContext ctx)
    {
        var input = CommonOptions.Input();
        var format = CommonOptions.Format();
        var ticker = new Option<string?>("--ticker") { Description = "Only this ticker." };
        var threshold = ExactNumber.Option("--threshold", "-t", "Inclusive threshold in percent; default MSCI's 50.");
        var command = new Command("headroom", "How far each company is from the line: break-even coin price, purchases, sales.") { input, ticker, threshold, format };
        command.SetAction(parse =>
        {
            var t = ThresholdOption.Resolve(parse.GetValue(threshold));
            var frame = InputLoader.Load(parse.GetValue(input), false, ctx);
            if (parse.GetValue(ticker) is { } only)
            {
                frame = frame.WhereTicker([only]);
            }

            if (frame.Count == 0)
            {
                throw new UsageException($"--ticker '{parse.GetValue(ticker)}' is not in the input.");
            }

            // Streamed: results computed a block at a time (on both cores) and written as they come, not held.
            var results = frame.Headroom(t);
            if (parse.GetValue(format) == OutputFormat.Csv)
            {
                CsvTable.Write(
                    ctx.Out,
                    ["ticker", "asset", "currency", "classification", "threshold", "direction", "current_price", "break_even_price", "break_even_factor", "price_move_pct", "cash_funded_purchase_to_cross", "debt_funded_purchase_to_cross", "sale_to_exit", "operating_assets_to_exit", "reasons"],
                    results.Select(r => new object?[]
                    {
                        r.Ticker, r.Asset, r.Currency.Code, r.Classification.ToString(), r.Threshold.ToString(), r.Direction.ToString(), Round(r.CurrentPrice, 2), Round(r.BreakEvenPrice, 2), Round(r.BreakEvenFactor, 8),
                        Round(r.PriceMovePct, 4), Round(r.CashFundedPurchaseToCross, 2), Round(r.DebtFundedPurchaseToCross, 2), Round(r.SaleToExit, 2), Round(r.OperatingAssetsToExit, 2), string.Join(" | ", r.Reasons),
                    }));
                return ExitCodes.Ok;
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                using var blocks = new JsonBlocks(ctx.WriteUtf8);
                blocks.Json.WriteStartArray();
                foreach (var r in results)
                {
                    JsonOutput.Serialize(blocks.Json, Json(r));
                    blocks.FlushIfLarge();
                }

                blocks.Json.WriteEndArray();
                blocks.Complete();
                return ExitCodes.Ok;
            }

            var o = ctx.Out;
            o.WriteLine($"Headroom to {t} (break-even: all coin prices x factor; '-' = undefined)");
            o.WriteLine();
            o.WriteLine($"{"Ticker",-8} {"Class",-13} {"Asset",-6} {"Price",10} {"Break-even",10} {"Move",8}  {"Buy/Sell",11} Cur");
            o.WriteLine(new string('-', 78));
            foreach (var r in results)
            {
                decimal? tx = r.Classification == DatClassification.DigitalAssetTreasury ? -r.SaleToExit : r.DebtFundedPurchaseToCross;
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Ticker,-8} {ScreenWriter.ShortClass(r.Classification),-13} {r.Asset,-6} {Fmt(r.CurrentPrice, "#,0", string.Empty),10} {Fmt(r.BreakEvenPrice, "#,0", string.Empty),10} {Fmt(r.PriceMovePct, "+0.0;-0.0", "%"),8}  {Fmt(tx / 1_000_000m, "+#,0.0;-#,0.0", "M"),11} {r.Currency.Code}"));
            }

            o.WriteLine(new string('-', 78));
            o.WriteLine("Buy/Sell: debt-funded purchase to cross (+), or sale of coins to exit (-).");
            o.WriteLine("Price, break-even and buy/sell are in Cur, the balance sheet's currency.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Dictionary<string, object?> Json(HeadroomResult r) => new()
    {
        ["ticker"] = r.Ticker,
        ["asset"] = r.Asset,
        ["currency"] = r.Currency.Code,
        ["classification"] = r.Classification.ToString(),
        ["threshold"] = r.Threshold.ToString(),
        ["direction"] = r.Direction.ToString(),
        ["currentPrice"] = Round(r.CurrentPrice, 2),
        ["breakEvenPrice"] = Round(r.BreakEvenPrice, 2),
        ["breakEvenFactor"] = Round(r.BreakEvenFactor, 8),
        ["priceMovePct"] = Round(r.PriceMovePct, 4),
        ["cashFundedPurchaseToCross"] = Round(r.CashFundedPurchaseToCross, 2),
        ["debtFundedPurchaseToCross"] = Round(r.DebtFundedPurchaseToCross, 2),
        ["saleToExit"] = Round(r.SaleToExit, 2),
        ["operatingAssetsToExit"] = Round(r.OperatingAssetsToExit, 2),
        ["reasons"] = r.Reasons,
    };

    private static decimal? Round(decimal? v, int places) => v is { } x ? Math.Round(x, places) : null;

    private static string Fmt(decimal? v, string format, string unit) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) + unit : "-";
}
