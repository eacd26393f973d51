using System.Globalization;
using DatRules.Internal;

namespace DatRules.History;

/// <summary>An issuer's classified balance sheets over time and the first date it was a DAT.</summary>
/// <remarks>
/// Immutable. Two histories are equal when the ticker (ordinal), the points (one by one, in order) and the first
/// crossing are equal: a history is made of values only, so the snapshot and the columnar runs can be compared whole.
/// </remarks>
public sealed class IssuerHistory : IEquatable<IssuerHistory>
{
    /// <summary>Initializes a history.</summary>
    /// <param name="ticker">The ticker.</param>
    /// <param name="points">The points in date order (copied).</param>
    /// <param name="firstCrossed">The first balance-sheet date classified a DAT, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ticker"/> or <paramref name="points"/> is null.</exception>
    public IssuerHistory(string ticker, IReadOnlyList<HistoryPoint> points, LocalDate? firstCrossed)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        Ticker = ticker;
        Points = ReadOnly.Copy(points);
        FirstCrossed = firstCrossed;
    }

    /// <summary>Gets the ticker.</summary>
    public string Ticker { get; }

    /// <summary>Gets the points, oldest first.</summary>
    /// <remarks>A read-only copy of what was passed in.</remarks>
    public IReadOnlyList<HistoryPoint> Points { get; }

    /// <summary>Gets the first balance-sheet date classified a DAT, or <see langword="null"/>.</summary>
    public LocalDate? FirstCrossed { get; }

    /// <summary>Compares two histories by value.</summary>
    /// <param name="left">The first history.</param>
    /// <param name="right">The second history.</param>
    /// <returns><see langword="true"/> if both are null or equal.</returns>
    public static bool operator ==(IssuerHistory? left, IssuerHistory? right) => Equals(left, right);

    /// <summary>Compares two histories by value.</summary>
    /// <param name="left">The first history.</param>
    /// <param name="right">The second history.</param>
    /// <returns><see langword="true"/> if they differ.</returns>
    public static bool operator !=(IssuerHistory? left, IssuerHistory? right) => !Equals(left, right);

    /// <summary>Whether <paramref name="other"/> has the same ticker, points (in order) and first crossing.</summary>
    /// <param name="other">The other history.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public bool Equals(IssuerHistory? other) =>
        other is not null && (ReferenceEquals(this, other) || (Ticker == other.Ticker && FirstCrossed == other.FirstCrossed
            && ReadOnly.SameItems(Points, other.Points)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as IssuerHistory);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Ticker, FirstCrossed, ReadOnly.HashItems(Points));

    /// <summary>
    /// Describes the history, e.g. <c>MSTR: 4 points 2024-12-31..2025-09-30, first DAT 2025-03-31</c> (or <c>never a DAT</c>).
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        string span = Points.Count == 0 ? "no points"
            : Points.Count == 1 ? string.Create(CultureInfo.InvariantCulture, $"1 point {Date(Points[0].AsOf)}")
            : string.Create(CultureInfo.InvariantCulture, $"{Points.Count} points {Date(Points[0].AsOf)}..{Date(Points[^1].AsOf)}");
        return $"{Ticker}: {span}, {(FirstCrossed is { } d ? "first DAT " + Date(d) : "never a DAT")}";
    }

    private static string Date(LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
