using System.Globalization;
using DatRules.Internal;

namespace DatRules.Outflows;

/// <summary>The passive demand an issuer forgoes on new shares while its share-count increases are frozen.</summary>
/// <remarks>
/// Immutable. Two costs are equal when the covered tranches (one by one, in order) and the three amounts are equal: a
/// cost is made of values only.
/// </remarks>
public sealed class FreezeCost : IEquatable<FreezeCost>
{
    /// <summary>Initializes a cost.</summary>
    /// <param name="coveredTranches">The tranches issued on or after the freeze (only these are affected; copied).</param>
    /// <param name="newShares">New shares issued under the freeze.</param>
    /// <param name="forgoneShares">New shares x passive ownership share: the shares trackers would have bought.</param>
    /// <param name="forgoneUsd">Sum over tranches of forgone shares x issue price.</param>
    /// <exception cref="ArgumentNullException"><paramref name="coveredTranches"/> is null.</exception>
    public FreezeCost(IReadOnlyList<ShareIssuance> coveredTranches, decimal newShares, decimal forgoneShares, decimal forgoneUsd)
    {
        CoveredTranches = ReadOnly.Copy(coveredTranches);
        NewShares = newShares;
        ForgoneShares = forgoneShares;
        ForgoneUsd = forgoneUsd;
    }

    /// <summary>Gets the tranches issued on or after the freeze (only these are affected).</summary>
    /// <remarks>A read-only copy of what was passed in.</remarks>
    public IReadOnlyList<ShareIssuance> CoveredTranches { get; }

    /// <summary>Gets the new shares issued under the freeze.</summary>
    public decimal NewShares { get; }

    /// <summary>Gets new shares x passive ownership share: the shares trackers would have bought.</summary>
    public decimal ForgoneShares { get; }

    /// <summary>Gets the sum over tranches of forgone shares x issue price.</summary>
    public decimal ForgoneUsd { get; }

    /// <summary>Compares two costs by value.</summary>
    /// <param name="left">The first cost.</param>
    /// <param name="right">The second cost.</param>
    /// <returns><see langword="true"/> if both are null or equal.</returns>
    public static bool operator ==(FreezeCost? left, FreezeCost? right) => Equals(left, right);

    /// <summary>Compares two costs by value.</summary>
    /// <param name="left">The first cost.</param>
    /// <param name="right">The second cost.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(FreezeCost? left, FreezeCost? right) => !Equals(left, right);

    /// <summary>Whether <paramref name="other"/> covers the same tranches (in order) with the same amounts.</summary>
    /// <param name="other">The other cost.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(FreezeCost? other) =>
        other is not null && (ReferenceEquals(this, other) || (NewShares == other.NewShares && ForgoneShares == other.ForgoneShares
            && ForgoneUsd == other.ForgoneUsd && ReadOnly.SameItems(CoveredTranches, other.CoveredTranches)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FreezeCost);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NewShares, ForgoneShares, ForgoneUsd, ReadOnly.HashItems(CoveredTranches));

    /// <summary>Describes the cost, e.g. <c>2 tranches, 1,000,000 new shares: 150,000 shares forgone, 25,000,000 USD</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{CoveredTranches.Count} tranche{(CoveredTranches.Count == 1 ? "" : "s")}, {NewShares:N0} new shares: {ForgoneShares:N0} shares forgone, {ForgoneUsd:N0} USD");
}
