namespace DatRules.Outflows;

/// <summary>Forced selling of one issuer by trackers of one index family, with its liquidity and price impact.</summary>
/// <param name="Family">The index family (or <see langword="null"/> for a total line).</param>
/// <param name="ForcedSellingUsd">USD to be sold.</param>
/// <param name="ForcedSellingShares">Shares to be sold (USD / price).</param>
/// <param name="DaysOfVolume">Shares to sell / average daily volume.</param>
/// <param name="PriceImpact">Square-root-law impact as a fraction of price (0.05 = 5%), or <see langword="null"/> without volatility.</param>
public sealed record FamilyOutflow(IndexFamily? Family, decimal ForcedSellingUsd, decimal ForcedSellingShares, decimal DaysOfVolume, decimal? PriceImpact);
