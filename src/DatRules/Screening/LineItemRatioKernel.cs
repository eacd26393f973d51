using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using DatRules.Classification;
using DatRules.Policies;

namespace DatRules.Screening;

/// <summary>
/// The exact test of a <see cref="LineItemRatioCriterion"/> on scaled integers: with sums <c>n</c> and <c>d</c> of the
/// term columns and the percentage <c>p = num / den</c> in lowest terms, the ratio crosses when <c>n * den &gt;= num * d</c>.
/// Three tiers, chosen once per universe and criterion from the columns' largest magnitudes: 64-bit (vectorised) when no
/// sum or product can overflow a long; 128-bit when none can overflow an Int128; otherwise the domain criterion per row.
/// </summary>
/// <remarks>
/// Outcome per row, as <see cref="LineItemRatioCriterion.Evaluate"/>: unknown when a denominator term or a numerator flow
/// is missing, when the denominator is &lt;= 0, (part of the whole) when the numerator exceeds it, or when a numerator
/// balance is missing and the items given do not cross; else met or not met.
/// </remarks>
internal sealed class LineItemRatioKernel
{
    private readonly LineItemRatioCriterion _criterion;
    private readonly long[][] _num;
    private readonly long[][] _den;
    private readonly bool[] _numSigned;
    private readonly bool[] _denSigned;
    private readonly long _tNum;
    private readonly long _tDen;
    private readonly bool _inclusive;
    private readonly bool _negated;
    private readonly bool _partOfWhole;

    internal LineItemRatioKernel(Universe u, LineItemRatioCriterion criterion)
    {
        _criterion = criterion;
        var num = criterion.Numerator.Select(u.TermColumn).ToArray();
        var den = criterion.Denominator.Select(u.TermColumn).ToArray();
        _num = num.Select(c => c.Values).ToArray();
        _den = den.Select(c => c.Values).ToArray();
        _numSigned = num.Select(c => c.Signed).ToArray();
        _denSigned = den.Select(c => c.Signed).ToArray();
        _inclusive = criterion.Threshold.Bound == ThresholdBound.Inclusive;
        _negated = criterion.IsNegated;
        _partOfWhole = criterion.IsPartOfWhole;
        var (n, d) = RatioKernel.Reduce(criterion.Threshold.Percent);
        BigInteger maxNum = num.Aggregate(BigInteger.Zero, (s, c) => s + c.MaxAbs), maxDen = den.Aggregate(BigInteger.Zero, (s, c) => s + c.MaxAbs);
        if (n > long.MaxValue || d > long.MaxValue)
        {
            Path = RatioKernel.Tier.Decimal;
            return;
        }

        _tNum = (long)n;
        _tDen = (long)d;
        BigInteger lhs = maxNum * d, rhs = maxDen * n;
        Path = lhs <= long.MaxValue && rhs <= long.MaxValue && maxNum <= long.MaxValue && maxDen <= long.MaxValue ? RatioKernel.Tier.Int64
            : lhs < BigInteger.Pow(2, 126) && rhs < BigInteger.Pow(2, 126) ? RatioKernel.Tier.UInt128
            : RatioKernel.Tier.Decimal;
    }

    internal RatioKernel.Tier Path { get; }

    /// <summary>Writes DatClassification codes (0 indeterminate, 1 operating = not met, 2 DAT = met) for rows [from, to).</summary>
    internal void Classify(Universe u, Span<byte> output, int from, int to)
    {
        int i = from;
        if (Path == RatioKernel.Tier.Int64 && Vector512.IsHardwareAccelerated)
        {
            i = ClassifyVector512(output, from, to);
        }

        for (; i < to; i++)
        {
            output[i - from] = ClassOf(u, i);
        }
    }

    /// <summary>The classification code of one row (any tier).</summary>
    internal byte ClassOf(Universe u, int row)
    {
        if (Path == RatioKernel.Tier.Decimal)
        {
            return _criterion.Evaluate(u.SnapshotAt(row)).Outcome switch
            {
                CriterionOutcome.Met => 2,
                CriterionOutcome.NotMet => 1,
                _ => 0,
            };
        }

        Int128 n = 0, d = 0;
        bool missingBalance = false;
        for (int j = 0; j < _num.Length; j++)
        {
            long v = _num[j][row];
            if (_numSigned[j] ? v == long.MinValue : v < 0)
            {
                if (_numSigned[j])
                {
                    return 0;
                }

                missingBalance = true;
                continue;
            }

            n += v;
        }

        for (int j = 0; j < _den.Length; j++)
        {
            long v = _den[j][row];
            if (_denSigned[j] ? v == long.MinValue : v < 0)
            {
                return 0;
            }

            d += v;
        }

        if (d <= 0 || (_partOfWhole && n > d))
        {
            return 0;
        }

        Int128 l = n * _tDen, r = d * _tNum;
        bool crossed = _inclusive ? l >= r : l > r;

        // Missing numerator balances (>= 0) can only add: known when the items given already cross.
        return missingBalance && !crossed ? (byte)0 : crossed != _negated ? (byte)2 : (byte)1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ClassifyVector512(Span<byte> output, int from, int to)
    {
        const ulong ones = 0x0101010101010101UL;
        var tDen = Vector512.Create(_tDen);
        var tNum = Vector512.Create(_tNum);
        var zero = Vector512<long>.Zero;
        var min = Vector512.Create(long.MinValue);
        ulong negate = _negated ? 0xFFUL : 0UL;
        int i = from;
        for (; i <= to - 8; i += 8)
        {
            Vector512<long> n = zero, d = zero, unknown = zero, missingBalance = zero;
            for (int j = 0; j < _num.Length; j++)
            {
                var v = Vector512.LoadUnsafe(ref _num[j][0], (nuint)i);
                if (_numSigned[j])
                {
                    var miss = Vector512.Equals(v, min);
                    unknown |= miss;
                    n += Vector512.AndNot(v, miss);
                }
                else
                {
                    var miss = Vector512.LessThan(v, zero);
                    missingBalance |= miss;
                    n += Vector512.AndNot(v, miss);
                }
            }

            for (int j = 0; j < _den.Length; j++)
            {
                var v = Vector512.LoadUnsafe(ref _den[j][0], (nuint)i);
                unknown |= _denSigned[j] ? Vector512.Equals(v, min) : Vector512.LessThan(v, zero);
                d += v;
            }

            unknown |= Vector512.LessThanOrEqual(d, zero);
            if (_partOfWhole)
            {
                unknown |= Vector512.GreaterThan(n, d);
            }

            var l = n * tDen;
            var r = d * tNum;
            var crossed = _inclusive ? Vector512.GreaterThanOrEqual(l, r) : Vector512.GreaterThan(l, r);
            unknown |= Vector512.AndNot(missingBalance, crossed);
            ulong met = crossed.ExtractMostSignificantBits() ^ negate;
            ulong unk = unknown.ExtractMostSignificantBits();
            ulong classes = (ones + RatioKernel.ByteOfBit[met]) & ~(RatioKernel.ByteOfBit[unk] * 0xFF);
            Unsafe.WriteUnaligned(ref output[i - from], classes);
        }

        return i;
    }
}
