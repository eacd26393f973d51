namespace DatRules.Issuers;

/// <summary>
/// Point-in-time selection: the balance sheets a screen could have used on a date, with no look-ahead.
/// </summary>
/// <remarks>
/// <para>
/// A snapshot is <em>known</em> on date D when its <see cref="Provenance.Filed"/> date is on or before D. For each
/// issuer the selection keeps, among its known snapshots, the one with the latest balance-sheet date
/// (<see cref="IssuerSnapshot.AsOf"/>); among several for that date (an original filing and its amendment, or a
/// figure restated in a later filing), the one filed last, so a <c>10-Q/A</c> supersedes its <c>10-Q</c> from its own
/// filed date and not before. Equal filed dates prefer an amendment form, then the later snapshot in input order.
/// </para>
/// <para>
/// A snapshot without a filed date cannot be placed in time and is never selected; it is reported in
/// <see cref="PointInTimeSelection.Undated"/>. An issuer whose every dated snapshot was filed after D is reported in
/// <see cref="PointInTimeSelection.NotYetKnown"/>. Issuers are matched by <see cref="IssuerId"/> (ticker, ignoring case).
/// </para>
/// </remarks>
public static class PointInTime
{
    /// <summary>Selects, for each issuer, the latest balance sheet known on <paramref name="date"/>.</summary>
    /// <param name="snapshots">Any number of snapshots per issuer, in any order.</param>
    /// <param name="date">The date of knowledge: filings made on this date count.</param>
    /// <returns>The selection, issuers in order of first appearance in <paramref name="snapshots"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is null or holds a null.</exception>
    public static PointInTimeSelection KnownOn(IEnumerable<IssuerSnapshot> snapshots, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var order = new List<IssuerId>();
        var best = new Dictionary<IssuerId, IssuerSnapshot>();
        var laterOnly = new Dictionary<IssuerId, IssuerSnapshot>();
        var undated = new List<IssuerSnapshot>();
        foreach (var s in snapshots)
        {
            if (s is null)
            {
                throw new ArgumentNullException(nameof(snapshots), "A snapshot must not be null.");
            }

            if (!best.ContainsKey(s.Issuer) && !laterOnly.ContainsKey(s.Issuer) && !order.Contains(s.Issuer))
            {
                order.Add(s.Issuer);
            }

            if (s.Provenance?.Filed is not { } filed)
            {
                undated.Add(s);
                continue;
            }

            if (filed > date)
            {
                if (!laterOnly.TryGetValue(s.Issuer, out var first) || filed < first.Provenance!.Filed!.Value)
                {
                    laterOnly[s.Issuer] = s;
                }

                continue;
            }

            if (!best.TryGetValue(s.Issuer, out var current) || Supersedes(s, current))
            {
                best[s.Issuer] = s;
            }
        }

        var selected = new List<IssuerSnapshot>(best.Count);
        var notYet = new List<IssuerSnapshot>();
        foreach (var id in order)
        {
            if (best.TryGetValue(id, out var s))
            {
                selected.Add(s);
            }
            else if (laterOnly.TryGetValue(id, out var l))
            {
                notYet.Add(l);
            }
        }

        return new PointInTimeSelection(date, selected, notYet, undated);
    }

    /// <summary>
    /// Selects, for each issuer, its latest balance sheet whatever its filed date: the latest <see cref="IssuerSnapshot.AsOf"/>,
    /// then the one filed last (a snapshot without a filed date counts as filed before any dated one), then an amendment,
    /// then the later in input order. The view of "today" for a dataset holding several balance sheets per issuer.
    /// </summary>
    /// <param name="snapshots">Any number of snapshots per issuer, in any order.</param>
    /// <returns>One snapshot per issuer, in order of first appearance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is null or holds a null.</exception>
    public static IReadOnlyList<IssuerSnapshot> Latest(IEnumerable<IssuerSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var order = new List<IssuerId>();
        var best = new Dictionary<IssuerId, IssuerSnapshot>();
        foreach (var s in snapshots)
        {
            if (s is null)
            {
                throw new ArgumentNullException(nameof(snapshots), "A snapshot must not be null.");
            }

            if (!best.TryGetValue(s.Issuer, out var current))
            {
                order.Add(s.Issuer);
                best[s.Issuer] = s;
            }
            else if (Supersedes(s, current))
            {
                best[s.Issuer] = s;
            }
        }

        return [.. order.Select(id => best[id])];
    }

    /// <summary>Whether <paramref name="candidate"/> replaces <paramref name="current"/> (same issuer).</summary>
    private static bool Supersedes(IssuerSnapshot candidate, IssuerSnapshot current)
    {
        int period = candidate.AsOf.CompareTo(current.AsOf);
        if (period != 0)
        {
            return period > 0;
        }

        var candidateFiled = candidate.Provenance?.Filed ?? LocalDate.MinIsoValue;
        var currentFiled = current.Provenance?.Filed ?? LocalDate.MinIsoValue;
        int filed = candidateFiled.CompareTo(currentFiled);
        if (filed != 0)
        {
            return filed > 0;
        }

        // Same period, same day: an amendment wins over an original; otherwise the later one in input order.
        return candidate.Provenance?.IsAmendment == true || current.Provenance?.IsAmendment != true;
    }
}
