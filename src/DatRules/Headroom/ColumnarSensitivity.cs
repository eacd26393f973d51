using DatRules.Classification;
using DatRules.Screening;

namespace DatRules.Headroom;

/// <summary>
/// <see cref="SensitivityAnalysis.Run(IEnumerable{Issuers.IssuerSnapshot}, IEnumerable{decimal}, IEnumerable{RatioThreshold})"/> on a columnar universe, exactly: each cell is a cut in the universe's
/// <see cref="RatioIndex"/> found by binary search, so a grid costs one sort of the rows, not a classification per row
/// and cell (1M rows: under a second instead of minutes).
/// </summary>
/// <remarks>
/// <para>
/// A price move of <c>m</c>% scales digital assets by <c>1 + m/100</c> and total assets by the same amount of money:
/// with <c>m = a / 10^k</c> and the threshold <c>p = b / 10^j</c> (percent), the moved row is a DAT when
/// <c>d (100·10^k + a) 100·10^j &gt;= b (100·10^k t + a d)</c>, i.e. when <c>d X &gt;= t Y</c> with
/// <c>X = (100·10^k + a) 100·10^j - a b</c> and <c>Y = 100·10^k b</c>: a test of the unmoved ratio <c>d / t</c> alone,
/// monotone along the index, evaluated exactly in 128-bit integers (amounts below 2^53 cents, k and j at most 6).
/// </para>
/// <para>
/// Rows the index does not rank (no ratio) are Indeterminate at every move, as in the domain; rows kept as domain
/// snapshots, a move of -100% (where total assets can vanish), and moves or thresholds with more digits are computed
/// by <see cref="SensitivityAnalysis.Classify(Issuers.IssuerSnapshot, decimal, RatioThreshold)"/> row by row.
/// </para>
/// </remarks>
internal static class ColumnarSensitivity
{
    /// <summary>Computes the grid, cell for cell as <see cref="SensitivityAnalysis.Run(IEnumerable{Issuers.IssuerSnapshot}, IEnumerable{decimal}, IEnumerable{RatioThreshold})"/> (flips in row order).</summary>
    /// <param name="universe">The rows.</param>
    /// <param name="moves">Price moves in percent.</param>
    /// <param name="thresholds">Thresholds.</param>
    /// <returns>The cells, moves outer, thresholds inner.</returns>
    public static IReadOnlyList<SensitivityCell> Run(Universe universe, IReadOnlyList<decimal> moves, IReadOnlyList<RatioThreshold> thresholds)
    {
        var index = universe.RatioIndex;
        var order = index.Order;
        var cells = new List<SensitivityCell>(moves.Count * thresholds.Count);
        foreach (decimal m in moves)
        {
            if (m < -100m)
            {
                throw new ArgumentOutOfRangeException(nameof(moves), m, "A price move cannot be below -100%.");
            }
        }

        // Cells are independent: those answered from the index are computed on every core, the others row by row.
        var grid = new (decimal Move, RatioThreshold Threshold)[moves.Count * thresholds.Count];
        for (int mi = 0; mi < moves.Count; mi++)
        {
            for (int ti = 0; ti < thresholds.Count; ti++)
            {
                grid[(mi * thresholds.Count) + ti] = (moves[mi], thresholds[ti]);
            }
        }

        var results = new SensitivityCell?[grid.Length];
        Parallel.For(0, grid.Length, c =>
        {
            var (m, t) = grid[c];
            if (m == -100m || !TryScaled(m, out long a, out int k) || !TryScaled(t.Percent, out long b, out int j))
            {
                return;
            }

            int now = Cut(universe, order, 0, 0, b, j, t.Bound);
            int moved = Cut(universe, order, a, k, b, j, t.Bound);
            int dat = order.Length - moved;
            var extra = new List<int>();
            for (int f = 0; f < universe.FallbackRows.Length; f++)
            {
                var s = universe.FallbackSnapshots[f];
                var before = SensitivityAnalysis.Classify(s, 0m, t);
                var after = SensitivityAnalysis.Classify(s, m, t);
                dat += after == DatClassification.DigitalAssetTreasury ? 1 : 0;
                if (before != after)
                {
                    extra.Add(universe.FallbackRows[f]);
                }
            }

            int[] flips = Ascending(order.AsSpan(Math.Min(now, moved), Math.Abs(now - moved)), extra, universe.Count);
            results[c] = new SensitivityCell(m, t, dat, new Tickers(universe, flips), owned: true);
        });

        for (int c = 0; c < grid.Length; c++)
        {
            cells.Add(results[c] ?? ByRow(universe, grid[c].Move, grid[c].Threshold));
        }

        return cells;
    }

    /// <summary>Distinct row numbers (below <paramref name="rowCount"/>) in ascending order: a sort, or a bit set when there are many.</summary>
    private static int[] Ascending(ReadOnlySpan<int> rows, List<int> extra, int rowCount)
    {
        int count = rows.Length + extra.Count;
        var result = new int[count];
        if (count < Math.Max(64, rowCount >> 6))
        {
            rows.CopyTo(result);
            extra.CopyTo(result, rows.Length);
            Array.Sort(result);
            return result;
        }

        var bits = new ulong[(rowCount + 63) >> 6];
        foreach (int row in rows)
        {
            bits[row >> 6] |= 1UL << row;
        }

        foreach (int row in extra)
        {
            bits[row >> 6] |= 1UL << row;
        }

        int n = 0;
        for (int w = 0; w < bits.Length; w++)
        {
            for (ulong word = bits[w]; word != 0; word &= word - 1)
            {
                result[n++] = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
            }
        }

        return result;
    }

    /// <summary>The first position in the order whose row is a DAT after the move (the order's length if none).</summary>
    private static int Cut(Universe u, int[] order, long a, int k, long b, int j, ThresholdBound bound)
    {
        Int128 pk = Pow10(k) * 100, pj = Pow10(j) * 100;
        Int128 x = ((pk + a) * pj) - ((Int128)a * b);
        Int128 y = pk * b;
        int lo = 0, hi = order.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int row = order[mid];
            Int128 lhs = u.Digital[row] * x, rhs = u.Total[row] * y;
            bool dat = bound == ThresholdBound.Inclusive ? lhs >= rhs : lhs > rhs;
            if (dat)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static long Pow10(int n)
    {
        long p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }

    /// <summary>Splits a decimal into <c>mantissa / 10^scale</c> with a scale of at most 6 and a mantissa below 10^12.</summary>
    private static bool TryScaled(decimal value, out long mantissa, out int scale)
    {
        value /= 1.000000000000000000000000000m;   // drop trailing zeros of the scale
        scale = value.Scale;
        mantissa = 0;
        if (scale > 6)
        {
            return false;
        }

        decimal m = value * Pow10(scale);
        if (Math.Abs(m) >= 1_000_000_000_000m)
        {
            return false;
        }

        mantissa = (long)m;
        return true;
    }

    /// <summary>Tickers of universe rows, made on demand (a 1M-row grid holds row numbers, not strings).</summary>
    private sealed class Tickers(Universe universe, int[] rows) : IReadOnlyList<string>
    {
        public int Count => rows.Length;

        public string this[int index] => universe.TickerAt(rows[index]);

        public IEnumerator<string> GetEnumerator()
        {
            foreach (int row in rows)
            {
                yield return universe.TickerAt(row);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>One cell from the domain, row by row.</summary>
    private static SensitivityCell ByRow(Universe u, decimal move, RatioThreshold threshold)
    {
        int dat = 0;
        var flips = new List<string>();
        for (int i = 0; i < u.Count; i++)
        {
            var s = u.SnapshotAt(i);
            var after = SensitivityAnalysis.Classify(s, move, threshold);
            dat += after == DatClassification.DigitalAssetTreasury ? 1 : 0;
            if (after != SensitivityAnalysis.Classify(s, 0m, threshold))
            {
                flips.Add(s.Issuer.Ticker);
            }
        }

        return new SensitivityCell(move, threshold, dat, flips.AsReadOnly(), owned: true);
    }
}
