using DatRules.Classification;

namespace DatRules.Headroom;

/// <summary>One cell of a sensitivity grid: a coin-price move and a threshold, with the DAT count and who flips.</summary>
/// <param name="PriceMovePct">The common move of all coin prices in percent (-50 = halved).</param>
/// <param name="Threshold">The threshold.</param>
/// <param name="DatCount">Issuers that are DATs in this cell.</param>
/// <param name="Flips">Tickers whose classification differs from the unmoved price at the same threshold.</param>
public sealed record SensitivityCell(decimal PriceMovePct, RatioThreshold Threshold, int DatCount, IReadOnlyList<string> Flips);
