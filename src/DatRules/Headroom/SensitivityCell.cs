using System.Globalization;
using DatRules.Classification;
using DatRules.Internal;

namespace DatRules.Headroom;

/// <summary>One cell of a sensitivity grid: a coin-price move and a threshold, with the DAT count and who flips.</summary>
/// <remarks>
/// Immutable. Two cells are equal when the move, the threshold, the DAT count and the flips (one by one, in order) are
/// equal: the row-by-row and the columnar grids are compared cell for cell this way.
/// </remarks>
public sealed class SensitivityCell : IEquatable<SensitivityCell>
{
    /// <summary>Initializes a cell.</summary>
    /// <param name="priceMovePct">The common move of all coin prices in percent (-50 = halved).</param>
    /// <param name="threshold">The threshold.</param>
    /// <param name="datCount">Issuers that are DATs in this cell.</param>
    /// <param name="flips">Tickers whose classification differs from the unmoved price at the same threshold (copied).</param>
    /// <exception cref="ArgumentNullException"><paramref name="threshold"/> or <paramref name="flips"/> is null.</exception>
    public SensitivityCell(decimal priceMovePct, RatioThreshold threshold, int datCount, IReadOnlyList<string> flips)
        : this(priceMovePct, threshold, datCount, ReadOnly.Copy(flips), owned: true)
    {
    }

    /// <summary>Initializes a cell with a read-only list of flips nobody changes (no copy: the columnar grid's lazy tickers).</summary>
    internal SensitivityCell(decimal priceMovePct, RatioThreshold threshold, int datCount, IReadOnlyList<string> flips, bool owned)
    {
        _ = owned;
        ArgumentNullException.ThrowIfNull(threshold);
        PriceMovePct = priceMovePct;
        Threshold = threshold;
        DatCount = datCount;
        Flips = flips;
    }

    /// <summary>Gets the common move of all coin prices in percent (-50 = halved).</summary>
    public decimal PriceMovePct { get; }

    /// <summary>Gets the threshold.</summary>
    public RatioThreshold Threshold { get; }

    /// <summary>Gets how many issuers are DATs in this cell.</summary>
    public int DatCount { get; }

    /// <summary>Gets the tickers whose classification differs from the unmoved price at the same threshold.</summary>
    /// <remarks>Read-only.</remarks>
    public IReadOnlyList<string> Flips { get; }

    /// <summary>Compares two cells by value.</summary>
    /// <param name="left">The first cell.</param>
    /// <param name="right">The second cell.</param>
    /// <returns><see langword="true"/> if both are null or equal.</returns>
    public static bool operator ==(SensitivityCell? left, SensitivityCell? right) => Equals(left, right);

    /// <summary>Compares two cells by value.</summary>
    /// <param name="left">The first cell.</param>
    /// <param name="right">The second cell.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(SensitivityCell? left, SensitivityCell? right) => !Equals(left, right);

    /// <summary>Whether <paramref name="other"/> has the same move, threshold, DAT count and flips (in order).</summary>
    /// <param name="other">The other cell.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(SensitivityCell? other) =>
        other is not null && (ReferenceEquals(this, other) || (PriceMovePct == other.PriceMovePct && Threshold == other.Threshold
            && DatCount == other.DatCount && ReadOnly.SameItems(Flips, other.Flips)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SensitivityCell);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PriceMovePct, Threshold, DatCount, ReadOnly.HashItems(Flips));

    /// <summary>Describes the cell, e.g. <c>+10% at &gt;= 50%: 12 DATs, flips: A, B</c> (or <c>no flips</c>).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{PriceMovePct:+0.####;-0.####;0}% at {Threshold}: {DatCount} DAT{(DatCount == 1 ? "" : "s")}, {(Flips.Count == 0 ? "no flips" : "flips: " + string.Join(", ", Flips))}");
}
