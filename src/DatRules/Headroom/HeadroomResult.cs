using System.Globalization;
using DatRules.Classification;
using DatRules.Internal;
using DatRules.Issuers;

namespace DatRules.Headroom;

/// <summary>How far an issuer is from a threshold, in coin price and in transactions. Amounts in the snapshot's currency.</summary>
/// <remarks>
/// Immutable once initialized (init-only properties, as before). Two results are equal when every property, the reasons
/// included (one by one, in order), is equal: a result is made of values only.
/// </remarks>
public sealed class HeadroomResult : IEquatable<HeadroomResult>
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
    public required IReadOnlyList<string> Reasons { get; init => field = ReadOnly.Copy(value); }

    /// <summary>Compares two results by value.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> if both are null or equal.</returns>
    public static bool operator ==(HeadroomResult? left, HeadroomResult? right) => Equals(left, right);

    /// <summary>Compares two results by value.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(HeadroomResult? left, HeadroomResult? right) => !Equals(left, right);

    /// <summary>Whether <paramref name="other"/> has the same properties, reasons included (in order).</summary>
    /// <param name="other">The other result.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(HeadroomResult? other) =>
        other is not null && (ReferenceEquals(this, other) || (Ticker == other.Ticker && Asset == other.Asset
            && Classification == other.Classification && Threshold == other.Threshold && Direction == other.Direction
            && CurrentPrice == other.CurrentPrice && BreakEvenPrice == other.BreakEvenPrice && BreakEvenFactor == other.BreakEvenFactor
            && PriceMovePct == other.PriceMovePct && CashFundedPurchaseToCross == other.CashFundedPurchaseToCross
            && DebtFundedPurchaseToCross == other.DebtFundedPurchaseToCross && SaleToExit == other.SaleToExit
            && OperatingAssetsToExit == other.OperatingAssetsToExit && ReadOnly.SameItems(Reasons, other.Reasons)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as HeadroomResult);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Ticker);
        hash.Add(Asset);
        hash.Add(Classification);
        hash.Add(Threshold);
        hash.Add(Direction);
        hash.Add(BreakEvenFactor);
        hash.Add(ReadOnly.HashItems(Reasons));
        return hash.ToHashCode();
    }

    /// <summary>
    /// Describes the result, e.g. <c>MSTR BTC: DigitalAssetTreasury at &gt;= 50%, FallToExit: price move -40.50% (break-even 65,432.10, now 110,000.00)</c>,
    /// or the first reason when the move is undefined.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        string head = $"{Ticker} {Asset}: {Classification} at {Threshold}, {Direction}";
        if (PriceMovePct is not { } move)
        {
            return Reasons.Count == 0 ? head : $"{head}: {Reasons[0]}";
        }

        string prices = BreakEvenPrice is { } b
            ? string.Create(CultureInfo.InvariantCulture, $" (break-even {b:N2}{(CurrentPrice is { } p ? string.Create(CultureInfo.InvariantCulture, $", now {p:N2}") : "")})")
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"{head}: price move {move:+0.00;-0.00;0.00}%{prices}");
    }
}
