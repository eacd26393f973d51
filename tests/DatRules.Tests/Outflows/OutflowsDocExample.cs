using DatRules.Outflows;
using DatRules.Policies;

namespace DatRules.Tests.Outflows;

/// <summary>The C# example of docs/outflows.md, compiled here verbatim (OutflowsDocTests keeps them in sync).</summary>
internal static class OutflowsDocExample
{
    internal static OutflowEstimate Run(TextWriter console)
    {
        // snippet:start
        var msci = new IndexFamily("MSCI (USA, World, ACWI, ...)", IndexProvider.Msci);
        var others = new IndexFamily("Other providers (Nasdaq-100, Russell 1000, ...)", new IndexProvider("Other providers"));
        var asOf = new LocalDate(2025, 11, 20);
        PassiveExposure[] exposures =
        [
            PassiveExposure.FromHolding("MSTR", msci, 2_800_000_000m, asOf, "JPMorgan, 20 Nov 2025"),
            PassiveExposure.FromHolding("MSTR", others, 8_800_000_000m, asOf, "JPMorgan, 20 Nov 2025"),
        ];
        var market = new MarketData("MSTR", new LocalDate(2025, 11, 21), price: 170.39m, averageDailyVolume: 18_620_000m,
            dailyVolatility: 0.05m, source: "close and ADV, see docs/sources.md");

        var estimator = new ForcedSellingEstimator(new ImpactOptions { ImpactCoefficient = 1m, ExecutionDays = 1 });
        OutflowEstimate onlyMsci = estimator.Estimate(exposures, market, [msci]);
        console.WriteLine($"MSCI alone: {onlyMsci.Total.ForcedSellingUsd:N0} USD, {onlyMsci.Total.ForcedSellingShares:N0} shares, "
            + $"{onlyMsci.Total.DaysOfVolume:0.00} days of volume, impact {onlyMsci.Total.PriceImpact * 100m:0.00}%");
        // snippet:end
        return onlyMsci;
    }
}
