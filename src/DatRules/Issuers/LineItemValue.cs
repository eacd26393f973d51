using System.Globalization;
using DatRules.Internal;

namespace DatRules.Issuers;

/// <summary>
/// One reported amount of a line item: a balance at the snapshot's date, or a flow over a stated period
/// (e.g. revenue for the quarter 1 Jul - 30 Sep 2025), with where it comes from.
/// </summary>
/// <remarks>
/// Immutable. A balance has no period and is never negative; a flow needs its period (both ends inclusive,
/// NodaTime <see cref="DateInterval"/>) and may be negative (an operating loss). Amounts are in the snapshot's currency.
/// </remarks>
public sealed record LineItemValue
{
    /// <summary>Initializes a balance (an amount at the balance-sheet date).</summary>
    /// <param name="item">The line item; must be a <see cref="LineItemKind.Balance"/> item.</param>
    /// <param name="amount">The amount, &gt;= 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="item"/> is a flow (it needs a period).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    public LineItemValue(LineItem item, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind != LineItemKind.Balance)
        {
            throw new ArgumentException($"'{item}' is a flow: give the period it covers.", nameof(item));
        }

        Item = item;
        Amount = Guard.NotNegative(amount);
    }

    /// <summary>Initializes a flow (an amount over a period).</summary>
    /// <param name="item">The line item; must be a <see cref="LineItemKind.Flow"/> item.</param>
    /// <param name="amount">The amount; may be negative (a loss).</param>
    /// <param name="period">The period covered, both ends inclusive, e.g. 2025-07-01..2025-09-30.</param>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> or <paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="item"/> is a balance (it has no period).</exception>
    public LineItemValue(LineItem item, decimal amount, DateInterval period)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(period);
        if (item.Kind != LineItemKind.Flow)
        {
            throw new ArgumentException($"'{item}' is a balance at the snapshot's date: it has no period.", nameof(item));
        }

        Item = item;
        Amount = amount;
        Period = period;
    }

    /// <summary>Gets the line item.</summary>
    public LineItem Item { get; }

    /// <summary>Gets the amount in the snapshot's currency.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the period a flow covers (both ends inclusive); <see langword="null"/> for a balance.</summary>
    public DateInterval? Period { get; }

    /// <summary>Gets or initializes where the figure comes from, if known.</summary>
    public Provenance? Provenance { get; init; }

    /// <summary>Creates the flow of the calendar quarter (three months) ending on <paramref name="quarterEnd"/>.</summary>
    /// <param name="item">A flow item.</param>
    /// <param name="amount">The amount.</param>
    /// <param name="quarterEnd">The last day of the quarter, e.g. 2025-09-30 (the quarter is 2025-07-01..2025-09-30).</param>
    /// <param name="provenance">Where the figure comes from, if known.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException"><paramref name="item"/> is a balance.</exception>
    public static LineItemValue ForQuarter(LineItem item, decimal amount, LocalDate quarterEnd, Provenance? provenance = null) =>
        new(item, amount, QuarterEnding(quarterEnd)) { Provenance = provenance };

    /// <summary>The three months ending on a date: from the day after the same day three months earlier.</summary>
    /// <remarks>Month ends map to month ends: the quarter ending 2025-09-30 starts 2025-07-01; ending 2025-06-30, 2025-04-01.</remarks>
    internal static DateInterval QuarterEnding(LocalDate end) => new(MonthsBefore(end, 3).PlusDays(1), end);

    /// <summary>The same point <paramref name="months"/> earlier, month ends kept as month ends (30 Jun - 3 months = 31 Mar).</summary>
    internal static LocalDate MonthsBefore(LocalDate end, int months)
    {
        var back = end.PlusMonths(-months);
        bool monthEnd = end.Day == end.Calendar.GetDaysInMonth(end.Year, end.Month);
        return monthEnd ? new LocalDate(back.Year, back.Month, back.Calendar.GetDaysInMonth(back.Year, back.Month)) : back;
    }

    /// <summary>Describes the value, e.g. <c>revenue 972,900 (2025-07-01..2025-09-30)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Period is { } p
        ? string.Create(CultureInfo.InvariantCulture, $"{Item.Display} {LineItem.Format(Amount)} ({p.Start:yyyy-MM-dd}..{p.End:yyyy-MM-dd})")
        : $"{Item.Display} {LineItem.Format(Amount)}";
}
