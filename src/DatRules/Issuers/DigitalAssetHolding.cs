using DatRules.Internal;

namespace DatRules.Issuers;

/// <summary>
/// One digital-asset position on a balance sheet: the asset, the units held and their fair value.
/// </summary>
/// <remarks>Immutable. Invalid values (negative units or value, empty symbol) cannot be constructed.</remarks>
public sealed record DigitalAssetHolding
{
    /// <summary>Initializes a holding.</summary>
    /// <param name="asset">The asset symbol, e.g. <c>BTC</c>.</param>
    /// <param name="units">The number of units held; must be &gt;= 0.</param>
    /// <param name="fairValue">The fair (carrying) value of the units; must be &gt;= 0.</param>
    /// <param name="currency">The currency of <paramref name="fairValue"/>; USD if omitted.</param>
    /// <exception cref="ArgumentException"><paramref name="asset"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> or <paramref name="fairValue"/> is negative.</exception>
    public DigitalAssetHolding(string asset, decimal units, decimal fairValue, Currency currency = default)
    {
        Asset = Guard.NotBlank(asset);
        Units = Guard.NotNegative(units);
        FairValue = Guard.NotNegative(fairValue);
        Currency = currency;
    }

    /// <summary>Gets the asset symbol.</summary>
    public string Asset { get; }

    /// <summary>Gets the units held.</summary>
    public decimal Units { get; }

    /// <summary>Gets the fair value of the units in <see cref="Currency"/>.</summary>
    public decimal FairValue { get; }

    /// <summary>Gets the currency of <see cref="FairValue"/>.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the implied price per unit, or <see langword="null"/> when no units are held.</summary>
    public decimal? ImpliedPrice => Units == 0m ? null : FairValue / Units;
}
