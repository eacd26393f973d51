namespace DatRules.Issuers;

/// <summary>
/// Joins quarterly flows across an issuer's snapshots, so that a trailing-four-quarter term can be read from the latest
/// one: a CSV row or a filing gives the revenue of its own quarter; the year is the sum of four rows.
/// </summary>
public static class FlowHistory
{
    /// <summary>
    /// Returns the snapshots, in order, each with the flows of the same issuer's other snapshots (same ticker,
    /// case-insensitive; same currency) whose periods end on or before its date and which it does not report itself.
    /// </summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <returns>The snapshots; those that gain nothing are returned as they are.</returns>
    /// <remarks>
    /// A snapshot's own figure for a period wins over another's (e.g. an amendment's restated quarter kept in its own row).
    /// No flow is carried backwards in time: a snapshot never sees a period ending after its balance-sheet date.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is null.</exception>
    public static IReadOnlyList<IssuerSnapshot> Carry(IEnumerable<IssuerSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var list = snapshots.ToArray();
        var byIssuer = list.Where(s => s.LineItems.Any(v => v.Period is not null))
            .GroupBy(s => (s.Issuer.Ticker.ToUpperInvariant(), s.Currency))
            .ToDictionary(g => g.Key, g => g.SelectMany(s => s.LineItems.Where(v => v.Period is not null)).ToArray());
        var result = new IssuerSnapshot[list.Length];
        for (int i = 0; i < list.Length; i++)
        {
            var s = list[i];
            if (!byIssuer.TryGetValue((s.Issuer.Ticker.ToUpperInvariant(), s.Currency), out var flows))
            {
                result[i] = s;
                continue;
            }

            var own = s.LineItems.Where(v => v.Period is not null).Select(v => (v.Item, v.Period)).ToHashSet();
            var added = new List<LineItemValue>();
            foreach (var v in flows)
            {
                if (v.Period!.End <= s.AsOf && own.Add((v.Item, v.Period)))
                {
                    added.Add(v);
                }
            }

            result[i] = added.Count == 0 ? s : s.WithLineItems(added);
        }

        return result;
    }
}
