using DatRules.Classification;
using DatRules.Issuers;

namespace DatRules.Headroom;

/// <summary>How far an issuer is from a threshold, in coin price and in transactions. Amounts in the snapshot's currency.</summary>
public sealed record HeadroomResult
{
    /// <summary>Gets the ticker.</summary>
    public required string Ticker { get; init; }

    /// <summary>Gets the asset (the single holding's symbol, or <c>ALL</c> for a common move of several).</summary>
    public required string Asset { get; init; }

    /// <summary>Gets the classification now.</summary>
    public required DatClassification Classification { get; init; }

    /// <summary>Gets the threshold.</summary>
    public required RatioThreshold Threshold { get; init; }

    /// <summary>Gets the direction.</summary>
    public required HeadroomDirection Direction { get; init; }

    /// <summary>Gets the currency of every amount and price of the result: the balance sheet's (USD by default).</summary>
    public Currency Currency { get; init; }

    /// <summary>Gets the current implied price per unit (single asset with units), or <see langword="null"/>.</summary>
    public decimal? CurrentPrice { get; init; }

    /// <summary>Gets the break-even price: the price (common factor for several assets) at which the issuer crosses, checked exactly.</summary>
    public decimal? BreakEvenPrice { get; init; }

    /// <summary>Gets the factor all digital-asset values must be multiplied by to cross (1.25 = +25%).</summary>
    public decimal? BreakEvenFactor { get; init; }

    /// <summary>Gets the percentage price move to cross (e.g. -40.5 for a 40.5% fall).</summary>
    public decimal? PriceMovePct { get; init; }

    /// <summary>Gets the amount (in <see cref="Currency"/>) of coins an operating company can buy with existing cash (other assets become coins; total unchanged) before crossing.</summary>
    public decimal? CashFundedPurchaseToCross { get; init; }

    /// <summary>Gets the amount (in <see cref="Currency"/>) of coins an operating company can buy with new debt or equity (total grows by the purchase) before crossing.</summary>
    public decimal? DebtFundedPurchaseToCross { get; init; }

    /// <summary>Gets the amount (in <see cref="Currency"/>) of coins a DAT must sell for cash to get under the line.</summary>
    public decimal? SaleToExit { get; init; }

    /// <summary>Gets the amount (in <see cref="Currency"/>) of operating assets a DAT must add (funded by new equity or debt) to get under the line.</summary>
    public decimal? OperatingAssetsToExit { get; init; }

    /// <summary>Gets the reasons (formulas and numbers, or why it is undefined).</summary>
    public required IReadOnlyList<string> Reasons { get; init => field = Internal.ReadOnly.Copy(value); }
}
