using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using DatRules.Classification;

namespace DatRules.Screening;

/// <summary>
/// The rows of a <see cref="Universe"/> in order of their exact digital-asset ratio, built once per universe, so that a
/// ratio threshold is answered by one binary search: every row at or past the cut crosses it, every row before does not.
/// </summary>
/// <remarks>
/// <para>
/// Built on first use of <see cref="Universe.RatioIndex"/> (O(N log N); about 0.1 s for a million rows, see
/// docs/benchmarks.md) and kept by the universe. Afterwards the <see cref="ScreeningEngine"/> screens a policy whose only
/// criterion is a ratio threshold from the 4-byte rank of each row instead of its two 8-byte amounts, and
/// <see cref="CountCrossing"/> and <see cref="RowsBetween"/> answer "how many are DATs at p%?" and "who flips between p%
/// and q%?" without reading the universe at all. It pays off for many screens of one universe (what-if thresholds,
/// sensitivity grids, several providers); for a single screen the plain kernel is cheaper than building it.
/// </para>
/// <para>
/// Exact: rows are ordered by the correctly rounded <see langword="double"/> quotient, which never inverts two exact
/// ratios (rounding is monotone and amounts below 2^53 are exact doubles), and each run of equal doubles is then ordered
/// by exact 128-bit cross-multiplication. The cut is found with the engine's exact threshold test.
/// Rows without a defined ratio are not ranked (Indeterminate); rows the universe keeps as domain snapshots (sub-unit
/// or huge amounts) are not ranked either and are evaluated exactly by the domain path wherever they matter.
/// </para>
/// </remarks>
public sealed class RatioIndex
{
    internal RatioIndex(Universe universe)
    {
        Universe = universe;
        var rank = new int[universe.Count];
        var rows = new List<int>(universe.Count);
        int f = 0;
        int[] fallback = universe.FallbackRows;
        for (int i = 0; i < universe.Count; i++)
        {
            bool isFallback = f < fallback.Length && fallback[f] == i;
            f += isFallback ? 1 : 0;
            rank[i] = -1;
            if (!isFallback && universe.Invalid[i] == 0)
            {
                rows.Add(i);
            }
        }

        int[] order = [.. rows];
        var keys = new double[order.Length];
        long[] digital = universe.Digital, total = universe.Total;
        for (int k = 0; k < order.Length; k++)
        {
            keys[k] = (double)digital[order[k]] / total[order[k]];
        }

        Array.Sort(keys, order);

        // Equal doubles may hide different exact ratios: order each run of them exactly.
        for (int start = 0; start < keys.Length;)
        {
            int end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start, Comparer<int>.Create((a, b) => CompareRatio(digital[a], total[a], digital[b], total[b])));
            }

            start = end;
        }

        for (int k = 0; k < order.Length; k++)
        {
            rank[order[k]] = k;
        }

        Rank = rank;
        Order = order;
    }

    /// <summary>Gets the universe indexed.</summary>
    public Universe Universe { get; }

    /// <summary>Gets the number of ranked rows (rows with a defined ratio held in the integer columns).</summary>
    public int RankedCount => Order.Length;

    /// <summary>Per row: its position in <see cref="Order"/>, or -1 when not ranked.</summary>
    internal int[] Rank { get; }

    /// <summary>Ranked rows, ascending by exact ratio.</summary>
    internal int[] Order { get; }

    /// <summary>Counts the rows whose digital-asset ratio crosses a threshold: the DATs of a test with only that threshold.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>The count, exact; rows kept as domain snapshots are tested one by one.</returns>
    public int CountCrossing(RatioThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        int count = Order.Length - Cut(new RatioKernel(Universe, threshold));
        foreach (var s in Universe.FallbackSnapshots)
        {
            count += s.DigitalAssetRatio is not null && threshold.IsCrossedBy(s.DigitalAssets, s.TotalAssets!.Value) ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// Lists the rows whose classification under a ratio test differs between two thresholds: those crossing one and not
    /// the other ("who flips if the threshold moves from 50% to 40%?"), ascending by ratio.
    /// </summary>
    /// <param name="first">One threshold.</param>
    /// <param name="second">The other threshold.</param>
    /// <returns>The rows (universe row indices).</returns>
    public IReadOnlyList<int> RowsBetween(RatioThreshold first, RatioThreshold second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        int a = Cut(new RatioKernel(Universe, first)), b = Cut(new RatioKernel(Universe, second));
        var rows = new List<int>(Order.AsSpan(Math.Min(a, b), Math.Abs(a - b)).ToArray());
        for (int f = 0; f < Universe.FallbackRows.Length; f++)
        {
            var s = Universe.FallbackSnapshots[f];
            if (s.DigitalAssetRatio is not null && first.IsCrossedBy(s.DigitalAssets, s.TotalAssets!.Value) != second.IsCrossedBy(s.DigitalAssets, s.TotalAssets.Value))
            {
                rows.Add(Universe.FallbackRows[f]);
            }
        }

        return rows;
    }

    /// <summary>The first position in <see cref="Order"/> whose row crosses the kernel's threshold (RankedCount if none).</summary>
    internal int Cut(RatioKernel kernel)
    {
        // Crossing is monotone along the order: false ... false true ... true.
        int lo = 0, hi = Order.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (kernel.ClassOf(Universe, Order[mid]) == (byte)DatClassification.DigitalAssetTreasury)
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

    /// <summary>Writes classification codes from ranks: 0 unranked, 1 below the cut, 2 at or past it.</summary>
    internal void Classify(int cut, Span<byte> output, int from, int to)
    {
        int[] rank = Rank;
        int i = from;
        if (Vector256.IsHardwareAccelerated && to - from >= 32)
        {
            // (rank >= 0) + (rank >= cut), the comparisons giving -1 for true; cut >= 0, so past the cut implies ranked.
            var zero = Vector256<int>.Zero;
            var c = Vector256.Create(cut);
            ref int r = ref rank[0];
            ref byte o = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(output);
            for (; i <= to - 32; i += 32)
            {
                var s0 = Vector256.Narrow(Code(Vector256.LoadUnsafe(ref r, (nuint)i), zero, c), Code(Vector256.LoadUnsafe(ref r, (nuint)(i + 8)), zero, c));
                var s1 = Vector256.Narrow(Code(Vector256.LoadUnsafe(ref r, (nuint)(i + 16)), zero, c), Code(Vector256.LoadUnsafe(ref r, (nuint)(i + 24)), zero, c));
                Vector256.Narrow(s0, s1).AsByte().StoreUnsafe(ref o, (nuint)(i - from));
            }
        }

        for (; i < to; i++)
        {
            int k = rank[i];
            output[i - from] = k < 0 ? (byte)0 : k >= cut ? (byte)2 : (byte)1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Code(Vector256<int> rank, Vector256<int> zero, Vector256<int> cut) =>
        -(Vector256.GreaterThanOrEqual(rank, zero) + Vector256.GreaterThanOrEqual(rank, cut));

    /// <summary>Compares d1/t1 with d2/t2 exactly (t &gt; 0, amounts &lt; 2^53): by d1*t2 against d2*t1 in 128 bits.</summary>
    private static int CompareRatio(long d1, long t1, long d2, long t2) =>
        ((UInt128)(ulong)d1 * (ulong)t2).CompareTo((UInt128)(ulong)d2 * (ulong)t1);
}
