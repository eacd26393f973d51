using System.Globalization;

namespace DatRules.Data;

/// <summary>Point-in-time selections on a table's columns (no snapshot per row), with the domain's rules (<see cref="Issuers.PointInTime"/>).</summary>
internal static class FrameSelection
{
    /// <summary>Each issuer's latest row, in order of each issuer's first row.</summary>
    /// <param name="table">The rows.</param>
    /// <returns>The rows kept.</returns>
    public static int[] Latest(SnapshotTable table)
    {
        var order = new List<string>();
        var best = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var filed = table.Store<DateColumn>("filed");
        for (int row = 0; row < table.Count; row++)
        {
            string ticker = table.Ticker.StringAt(row)!;
            if (!best.TryGetValue(ticker, out int current))
            {
                order.Add(ticker);
                best[ticker] = row;
            }
            else if (Supersedes(table, filed, row, current))
            {
                best[ticker] = row;
            }
        }

        return [.. order.Select(t => best[t])];
    }

    /// <summary>Each issuer's latest row filed on or before <paramref name="date"/>, and notes on what was left out.</summary>
    /// <param name="table">The rows.</param>
    /// <param name="date">The date.</param>
    /// <returns>The rows kept (in order of each issuer's first row) and the notes.</returns>
    public static (int[] Rows, List<string> Notes) KnownOn(SnapshotTable table, LocalDate date)
    {
        var order = new List<string>();
        var best = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var laterOnly = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var notes = new List<string>();
        var filed = table.Store<DateColumn>("filed");
        var undated = new List<int>();
        var lookAhead = new List<int>();
        int day = date.ToDateOnly().DayNumber;
        for (int row = 0; row < table.Count; row++)
        {
            string ticker = table.Ticker.StringAt(row)!;
            if (!best.ContainsKey(ticker) && !laterOnly.ContainsKey(ticker) && !order.Contains(ticker, StringComparer.OrdinalIgnoreCase))
            {
                order.Add(ticker);
            }

            int filedDay = filed?[row] ?? DateColumn.Missing;
            if (filedDay == DateColumn.Missing)
            {
                undated.Add(row);
                continue;
            }

            if (filedDay < table.AsOf[row])
            {
                lookAhead.Add(row);
                continue;
            }

            if (filedDay > day)
            {
                if (!laterOnly.TryGetValue(ticker, out int first) || filedDay < filed![first])
                {
                    laterOnly[ticker] = row;
                }

                continue;
            }

            if (!best.TryGetValue(ticker, out int current) || Supersedes(table, filed, row, current))
            {
                best[ticker] = row;
            }
        }

        var rows = new List<int>(best.Count);
        foreach (string ticker in order)
        {
            if (best.TryGetValue(ticker, out int row))
            {
                rows.Add(row);
            }
            else if (laterOnly.TryGetValue(ticker, out int later))
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{table.Ticker.StringAt(later)}: no balance sheet filed by {date:yyyy-MM-dd} (first: as of {table.AsOf.DateAt(later):yyyy-MM-dd}, filed {filed!.DateAt(later):yyyy-MM-dd}); not screened."));
            }
        }

        foreach (int row in undated)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{table.Ticker.StringAt(row)} as of {table.AsOf.DateAt(row):yyyy-MM-dd}: no filed date, so it cannot be placed in time; not screened."));
        }

        if (undated.Count > 1)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{undated.Count} of {table.Count} balance sheets have no filed date: not screened as known on {date:yyyy-MM-dd}."));
        }

        foreach (int row in lookAhead)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{table.Ticker.StringAt(row)} as of {table.AsOf.DateAt(row):yyyy-MM-dd}: filed {filed!.DateAt(row):yyyy-MM-dd}, before its own period ended (look-ahead); never used as known."));
        }

        return ([.. rows], notes);
    }

    private static bool Supersedes(SnapshotTable table, DateColumn? filed, int candidate, int current)
    {
        int period = table.AsOf[candidate].CompareTo(table.AsOf[current]);
        if (period != 0)
        {
            return period > 0;
        }

        int filedCompare = (filed?[candidate] ?? DateColumn.Missing).CompareTo(filed?[current] ?? DateColumn.Missing);
        if (filedCompare != 0)
        {
            return filedCompare > 0;
        }

        // Same period, same day: an amendment wins over an original; otherwise the later one in input order.
        return IsAmendment(table, candidate) || !IsAmendment(table, current);
    }

    private static bool IsAmendment(SnapshotTable table, int row) =>
        table.TextAt("form", row) is { } form && form.EndsWith("/A", StringComparison.OrdinalIgnoreCase);
}
