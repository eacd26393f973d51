namespace DatRules.Issuers;

/// <summary>A holding's value at market prices (<see cref="MarketPrices.Revalue"/>), and the note that says how it was found.</summary>
/// <param name="Value">The value: units x price when <paramref name="Revalued"/>, else the book value.</param>
/// <param name="Revalued">Whether the holding was revalued (units and a price in its currency were known).</param>
/// <param name="Note">How the value was found, for reasons.</param>
public readonly record struct HoldingValuation(decimal Value, bool Revalued, string Note);
