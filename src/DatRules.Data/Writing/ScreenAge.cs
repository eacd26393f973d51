using NodaTime;

namespace DatRules.Data;

/// <summary>The ages of a screen's balance sheets: days from each as-of date to <paramref name="Today"/>; older than <paramref name="MaxAgeDays"/> is indeterminate.</summary>
/// <param name="Today">The date the ages are counted to (the screen's date).</param>
/// <param name="MaxAgeDays">The largest age judged, or <see langword="null"/> for any age.</param>
internal sealed record ScreenAge(LocalDate Today, int? MaxAgeDays)
{
    /// <summary>Older than this many days, a balance sheet is stale: flagged in JSON, counted in a warning.</summary>
    public const int StaleDays = 200;

    private readonly int _today = new DateOnly(Today.Year, Today.Month, Today.Day).DayNumber;

    /// <summary>Gets the age of a row's balance sheet in days (negative when dated after <see cref="Today"/>).</summary>
    public int AgeAt(SnapshotTable table, int row) => _today - table.AsOf[row];

    /// <summary>Gets whether a row is older than <see cref="MaxAgeDays"/>.</summary>
    public bool TooOld(SnapshotTable table, int row) => MaxAgeDays is { } max && AgeAt(table, row) > max;

    /// <summary>Gets the reason of a row older than <see cref="MaxAgeDays"/>.</summary>
    public string Reason(SnapshotTable table, int row) =>
        Classification.ReasonText.StaleBalanceSheet(table.AsOf.DateAt(row)!.Value, AgeAt(table, row), MaxAgeDays!.Value);
}
