using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using DatRules.Classification;

namespace DatRules.Screening;

/// <summary>
/// The exact threshold test on scaled integers: <c>digital / total &gt;= p</c> with <c>p = num / den</c> in lowest terms
/// is <c>digital * den &gt;= num * total</c> (both sides exact integers). Three tiers, chosen once per universe and threshold:
/// 64-bit (vectorised) when both products fit in a long for the universe's largest amounts; 128-bit otherwise; and the
/// domain's exact decimal test when even 128 bits could overflow.
/// </summary>
internal sealed class RatioKernel
{
    internal static readonly ulong[] ByteOfBit = BuildTable();

    private readonly long _num;
    private readonly long _den;
    private readonly bool _inclusive;
    private readonly Tier _tier;
    private readonly RatioThreshold _threshold;
    private readonly decimal _unit;
    private readonly long[] _digital;
    private readonly byte[] _invalid;

    internal RatioKernel(Universe u, RatioThreshold threshold, HoldingsTreatment? holdings = null)
    {
        // The counted kinds pre-summed into one numerator column (once per treatment, kept by the universe): the kernel
        // below stays one ratio of two columns whatever the treatment.
        var numerator = u.NumeratorFor(holdings);
        _digital = numerator.Values;
        _invalid = numerator.Invalid;
        IsHeldColumn = numerator.IsHeldColumn;
        _threshold = threshold;
        _inclusive = threshold.Bound == ThresholdBound.Inclusive;
        _unit = Universe.UnitOf(u.Scale);
        var (num, den) = Reduce(threshold.Percent);
        if (num.IsZero || den > long.MaxValue || num > long.MaxValue)
        {
            _tier = Tier.Decimal;
            return;
        }

        _num = (long)num;
        _den = (long)den;
        BigInteger lhsMax = (BigInteger)numerator.Max * _den, rhsMax = (BigInteger)u.MaxTotal * _num;
        _tier = lhsMax <= long.MaxValue && rhsMax <= long.MaxValue ? Tier.Int64
            : lhsMax <= (BigInteger)ulong.MaxValue * ulong.MaxValue && rhsMax <= (BigInteger)ulong.MaxValue * ulong.MaxValue ? Tier.UInt128
            : Tier.Decimal;
    }

    internal enum Tier
    {
        Int64,
        UInt128,
        Decimal,
    }

    internal Tier Path => _tier;

    /// <summary>Gets a value indicating whether the numerator is the universe's held-crypto column (the ratio index's order).</summary>
    internal bool IsHeldColumn { get; }

    /// <summary>Writes DatClassification codes (0 indeterminate, 1 operating, 2 DAT) for rows [from, to).</summary>
    internal void Classify(Universe u, Span<byte> output, int from, int to)
    {
        if (_tier == Tier.Int64)
        {
            ClassifyInt64(_digital, u.Total, _invalid, output, from, to);
            return;
        }

        for (int i = from; i < to; i++)
        {
            output[i - from] = ClassOf(u, i);
        }
    }

    /// <summary>The classification code of one row (any tier).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal byte ClassOf(Universe u, int i)
    {
        if (_invalid[i] != 0)
        {
            return 0;
        }

        long d = _digital[i], t = u.Total[i];
        bool crossed = unchecked(_tier switch
        {
            Tier.Int64 => _inclusive ? d * _den >= _num * t : d * _den > _num * t,
            Tier.UInt128 => Compare128((ulong)d, (ulong)_den, (ulong)_num, (ulong)t),
            _ => _threshold.IsCrossedBy(d * _unit, t * _unit),
        });
        return crossed ? (byte)2 : (byte)1;
    }

    internal static (BigInteger Num, BigInteger Den) Reduce(decimal percent)
    {
        // percent = m / 10^s  =>  fraction = m / (100 * 10^s), reduced.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(percent, bits);
        var m = new BigInteger(unchecked((uint)bits[0])) | (new BigInteger(unchecked((uint)bits[1])) << 32) | (new BigInteger(unchecked((uint)bits[2])) << 64);
        int scale = (bits[3] >> 16) & 0xFF;
        var den = 100 * BigInteger.Pow(10, scale);
        var g = BigInteger.GreatestCommonDivisor(m, den);
        return g.IsZero ? (m, den) : (m / g, den / g);
    }

    private static ulong[] BuildTable()
    {
        var table = new ulong[256];
        for (int bits = 0; bits < 256; bits++)
        {
            ulong v = 0;
            for (int j = 0; j < 8; j++)
            {
                if ((bits & (1 << j)) != 0)
                {
                    v |= 1UL << (8 * j);
                }
            }

            table[bits] = v;
        }

        return table;
    }

    private bool Compare128(ulong d, ulong den, ulong num, ulong t)
    {
        UInt128 lhs = (UInt128)d * den, rhs = (UInt128)num * t;
        return _inclusive ? lhs >= rhs : lhs > rhs;
    }

    private void ClassifyInt64(long[] digital, long[] total, byte[] invalid, Span<byte> output, int from, int to)
    {
        const ulong ones = 0x0101010101010101UL;
        int i = from;
        if (Vector512.IsHardwareAccelerated)
        {
            var den = Vector512.Create(_den);
            var num = Vector512.Create(_num);
            ref long dRef = ref digital[0];
            ref long tRef = ref total[0];
            for (; i <= to - 8; i += 8)
            {
                var l = Vector512.LoadUnsafe(ref dRef, (nuint)i) * den;
                var r = Vector512.LoadUnsafe(ref tRef, (nuint)i) * num;
                ulong bits = (_inclusive ? Vector512.GreaterThanOrEqual(l, r) : Vector512.GreaterThan(l, r)).ExtractMostSignificantBits();
                Store(invalid, output, from, i, ones + ByteOfBit[bits]);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var den = Vector256.Create(_den);
            var num = Vector256.Create(_num);
            ref long dRef = ref digital[0];
            ref long tRef = ref total[0];
            for (; i <= to - 8; i += 8)
            {
                var l0 = Vector256.LoadUnsafe(ref dRef, (nuint)i) * den;
                var r0 = Vector256.LoadUnsafe(ref tRef, (nuint)i) * num;
                var l1 = Vector256.LoadUnsafe(ref dRef, (nuint)(i + 4)) * den;
                var r1 = Vector256.LoadUnsafe(ref tRef, (nuint)(i + 4)) * num;
                uint b0 = (_inclusive ? Vector256.GreaterThanOrEqual(l0, r0) : Vector256.GreaterThan(l0, r0)).ExtractMostSignificantBits();
                uint b1 = (_inclusive ? Vector256.GreaterThanOrEqual(l1, r1) : Vector256.GreaterThan(l1, r1)).ExtractMostSignificantBits();
                Store(invalid, output, from, i, ones + ByteOfBit[b0 | (b1 << 4)]);
            }
        }

        for (; i < to; i++)
        {
            long d = digital[i], t = total[i];
            bool crossed = unchecked(_inclusive ? d * _den >= _num * t : d * _den > _num * t);
            output[i - from] = invalid[i] != 0 ? (byte)0 : crossed ? (byte)2 : (byte)1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(byte[] invalid, Span<byte> output, int from, int i, ulong classes)
    {
        // invalid bytes are 0 or 1: (inv ^ 1) * 0xFF is 0xFF for valid rows and 0 for invalid ones, per byte, without carries.
        ulong inv = Unsafe.ReadUnaligned<ulong>(ref invalid[i]);
        ulong valid = (inv ^ 0x0101010101010101UL) * 0xFF;
        Unsafe.WriteUnaligned(ref output[i - from], classes & valid);
    }
}
