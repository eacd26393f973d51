using DatRules.Internal;

namespace DatRules.History;

/// <summary>An issuer's classified balance sheets over time and the first date it was a DAT.</summary>
/// <param name="Ticker">The ticker.</param>
/// <param name="Points">The points in date order.</param>
/// <param name="FirstCrossed">The first balance-sheet date classified a DAT, or <see langword="null"/>.</param>
public sealed record IssuerHistory(string Ticker, IReadOnlyList<HistoryPoint> Points, LocalDate? FirstCrossed)
{
    /// <summary>Gets the points, oldest first.</summary>
    /// <remarks>A read-only copy of what was passed in.</remarks>
    public IReadOnlyList<HistoryPoint> Points { get; init => field = ReadOnly.Copy(value); } = ReadOnly.Copy(Points);
}

