namespace DatRules.Nowcasting;

/// <summary>One price of one unit of an asset on one day, in USD.</summary>
/// <param name="Asset">The asset symbol, e.g. <c>BTC</c>.</param>
/// <param name="Date">The day.</param>
/// <param name="Price">The price of one unit (positive).</param>
public readonly record struct PricePoint(string Asset, LocalDate Date, decimal Price);
