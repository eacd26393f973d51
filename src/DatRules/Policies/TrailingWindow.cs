using DatRules.Issuers;

namespace DatRules.Policies;

/// <summary>The trailing window of a flow term and the reported periods that tile it exactly.</summary>
internal static class TrailingWindow
{
    /// <summary>The <paramref name="quarters"/> quarters ending on <paramref name="end"/> (month ends kept: to 30 Sep 2025, four quarters start 1 Oct 2024).</summary>
    internal static DateInterval Of(LocalDate end, int quarters) => new(LineItemValue.MonthsBefore(end, 3 * quarters).PlusDays(1), end);

    /// <summary>
    /// Non-overlapping reported periods that together cover exactly <paramref name="window"/>, latest first, or null.
    /// Longer periods are tried first (a fiscal year before the quarters inside it), with backtracking.
    /// </summary>
    internal static IReadOnlyList<LineItemValue>? Cover(IReadOnlyList<LineItemValue> flows, DateInterval window)
    {
        var chain = new List<LineItemValue>();
        return Walk(window.End) ? chain : null;

        bool Walk(LocalDate cursor)
        {
            if (cursor == window.Start.PlusDays(-1))
            {
                return true;
            }

            foreach (var v in flows.Where(v => v.Period!.End == cursor && v.Period.Start >= window.Start).OrderBy(v => v.Period!.Start))
            {
                chain.Add(v);
                if (Walk(v.Period!.Start.PlusDays(-1)))
                {
                    return true;
                }

                chain.RemoveAt(chain.Count - 1);
            }

            return false;
        }
    }
}
