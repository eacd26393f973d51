using System.Globalization;
using DatRules.Internal;

namespace DatRules.Headroom;

/// <summary>Market value against the coins held. Undefined values are <see langword="null"/> with the reason.</summary>
/// <remarks>
/// Immutable once initialized (init-only properties, as before). Two results are equal when every figure and the reasons
/// (one by one, in order) are equal: a result is made of values only.
/// </remarks>
public sealed class MnavResult : IEquatable<MnavResult>
{
    /// <summary>Gets the ticker.</summary>
    public required string Ticker { get; init; }

    /// <summary>Gets market capitalisation / digital assets.</summary>
    public decimal? MnavOnMarketCap { get; init; }

    /// <summary>Gets enterprise value / digital assets.</summary>
    public decimal? MnavOnEnterpriseValue { get; init; }

    /// <summary>Gets digital assets per share outstanding.</summary>
    public decimal? DigitalAssetsPerShare { get; init; }

    /// <summary>Gets the premium (+) or discount (-) of market cap to digital assets, in percent: (mNAV - 1) x 100.</summary>
    public decimal? PremiumPct { get; init; }

    /// <summary>Gets the reasons for undefined values.</summary>
    public required IReadOnlyList<string> Reasons { get; init => field = ReadOnly.Copy(value); }

    /// <summary>Compares two results by value.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> if both are null or equal.</returns>
    public static bool operator ==(MnavResult? left, MnavResult? right) => Equals(left, right);

    /// <summary>Compares two results by value.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(MnavResult? left, MnavResult? right) => !Equals(left, right);

    /// <summary>Whether <paramref name="other"/> has the same ticker, figures and reasons (in order).</summary>
    /// <param name="other">The other result.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(MnavResult? other) =>
        other is not null && (ReferenceEquals(this, other) || (Ticker == other.Ticker && MnavOnMarketCap == other.MnavOnMarketCap
            && MnavOnEnterpriseValue == other.MnavOnEnterpriseValue && DigitalAssetsPerShare == other.DigitalAssetsPerShare
            && PremiumPct == other.PremiumPct && ReadOnly.SameItems(Reasons, other.Reasons)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MnavResult);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Ticker, MnavOnMarketCap, MnavOnEnterpriseValue, DigitalAssetsPerShare, PremiumPct, ReadOnly.HashItems(Reasons));

    /// <summary>
    /// Describes the result, e.g. <c>MSTR: mNAV 1.25 on market cap, 1.40 on EV, premium 25.00%, 120.50 per share</c>,
    /// with <c>n/a</c> for undefined figures and the reasons after them.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Ticker}: mNAV {Two(MnavOnMarketCap)} on market cap, {Two(MnavOnEnterpriseValue)} on EV, premium {Two(PremiumPct)}{(PremiumPct is null ? "" : "%")}, {Two(DigitalAssetsPerShare)} per share");
        return Reasons.Count == 0 ? text : $"{text} ({string.Join("; ", Reasons)})";
    }

    private static string Two(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
