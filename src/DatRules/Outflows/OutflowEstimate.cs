using System.Globalization;
using DatRules.Internal;

namespace DatRules.Outflows;

/// <summary>Forced selling of one issuer across the index families that act, with the total.</summary>
/// <remarks>
/// Immutable. Two estimates are equal when the ticker, the market data, the family lines (one by one, in order) and
/// the total are equal: an estimate is made of values only, and tests compare whole estimates.
/// </remarks>
public sealed class OutflowEstimate : IEquatable<OutflowEstimate>
{
    /// <summary>Initializes an estimate.</summary>
    /// <param name="ticker">The issuer.</param>
    /// <param name="market">The market data used.</param>
    /// <param name="families">One line per acting family with an exposure (copied).</param>
    /// <param name="total">The sum over families; days of volume and impact recomputed on the total quantity (impact is not additive).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public OutflowEstimate(string ticker, MarketData market, IReadOnlyList<FamilyOutflow> families, FamilyOutflow total)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(total);
        Ticker = ticker;
        Market = market;
        Families = ReadOnly.Copy(families);
        Total = total;
    }

    /// <summary>Gets the issuer.</summary>
    public string Ticker { get; }

    /// <summary>Gets the market data used.</summary>
    public MarketData Market { get; }

    /// <summary>Gets one line per acting family with an exposure.</summary>
    /// <remarks>A read-only copy of what was passed in.</remarks>
    public IReadOnlyList<FamilyOutflow> Families { get; }

    /// <summary>Gets the sum over families; days of volume and impact recomputed on the total quantity (impact is not additive).</summary>
    public FamilyOutflow Total { get; }

    /// <summary>Compares two estimates by value.</summary>
    /// <param name="left">The first estimate.</param>
    /// <param name="right">The second estimate.</param>
    /// <returns><see langword="true"/> if both are null or equal.</returns>
    public static bool operator ==(OutflowEstimate? left, OutflowEstimate? right) => Equals(left, right);

    /// <summary>Compares two estimates by value.</summary>
    /// <param name="left">The first estimate.</param>
    /// <param name="right">The second estimate.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(OutflowEstimate? left, OutflowEstimate? right) => !Equals(left, right);

    /// <summary>Whether <paramref name="other"/> has the same ticker, market data, family lines (in order) and total.</summary>
    /// <param name="other">The other estimate.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(OutflowEstimate? other) =>
        other is not null && (ReferenceEquals(this, other) || (Ticker == other.Ticker && Market == other.Market
            && Total == other.Total && ReadOnly.SameItems(Families, other.Families)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OutflowEstimate);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Ticker, Market, Total, ReadOnly.HashItems(Families));

    /// <summary>
    /// Describes the estimate, e.g. <c>MSTR: 2,800,000,000 USD, 16,432,889 shares, 0.88 days of volume, impact 4.70% (MSCI (USA, World, ACWI, ...))</c>:
    /// the total, then the acting families (<c>impact n/a</c> without a volatility).
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Ticker}: {Describe(Total)} ({(Families.Count == 0 ? "no family acts" : string.Join(", ", Families.Select(f => f.Family?.Name ?? "?")))})";

    /// <summary>An outflow's figures: USD, shares, days of volume and impact.</summary>
    internal static string Describe(FamilyOutflow o) => string.Create(CultureInfo.InvariantCulture,
        $"{o.ForcedSellingUsd:N0} USD, {o.ForcedSellingShares:N0} shares, {o.DaysOfVolume:0.00} days of volume, impact {(o.PriceImpact is { } p ? (p * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a")}");
}
