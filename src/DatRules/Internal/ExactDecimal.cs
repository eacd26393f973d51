using System.Numerics;

namespace DatRules.Internal;

/// <summary>
/// Exact comparisons of decimal products. <see cref="decimal"/> multiplication rounds once a
/// product needs more than 28-29 significant digits; these helpers compare <c>a*b</c> with
/// <c>c*d</c> on the exact integer mantissas, so a threshold test never drifts at the boundary.
/// </summary>
internal static class ExactDecimal
{
    /// <summary>Compares <paramref name="a"/>*<paramref name="b"/> with <paramref name="c"/>*<paramref name="d"/> exactly.</summary>
    /// <returns>Negative, zero or positive as the left product is less than, equal to, or greater than the right.</returns>
    internal static int CompareProducts(decimal a, decimal b, decimal c, decimal d)
    {
        var (ma, sa) = Decompose(a);
        var (mb, sb) = Decompose(b);
        var (mc, sc) = Decompose(c);
        var (md, sd) = Decompose(d);
        BigInteger left = ma * mb;
        BigInteger right = mc * md;
        int leftScale = sa + sb;
        int rightScale = sc + sd;

        // Bring both to the larger scale: value = mantissa / 10^scale.
        if (leftScale < rightScale)
        {
            left *= BigInteger.Pow(10, rightScale - leftScale);
        }
        else if (rightScale < leftScale)
        {
            right *= BigInteger.Pow(10, leftScale - rightScale);
        }

        return left.CompareTo(right);
    }

    /// <summary>The exact sum of decimals, as an integer number of 10^-28 (no rounding, no overflow).</summary>
    internal static BigInteger SumScaled28(IEnumerable<decimal> values)
    {
        BigInteger sum = BigInteger.Zero;
        foreach (decimal v in values)
        {
            var (m, s) = Decompose(v);
            sum += m * BigInteger.Pow(10, 28 - s);
        }

        return sum;
    }

    /// <summary>Compares <c>num / den</c> with <paramref name="percent"/>% exactly (both sums in 10^-28 units, den &gt; 0).</summary>
    /// <returns>Negative, zero or positive as the ratio is below, at or above the percentage.</returns>
    internal static int CompareRatio(BigInteger num28, BigInteger den28, decimal percent)
    {
        var (mp, sp) = Decompose(percent);
        return (num28 * 100 * BigInteger.Pow(10, sp)).CompareTo(mp * den28);
    }

    /// <summary>The ratio <c>num / den</c> in percent, rounded to 4 decimals, for display only (den &gt; 0).</summary>
    internal static decimal PercentForDisplay(BigInteger num28, BigInteger den28)
    {
        BigInteger q = BigInteger.Divide(num28 * 100 * 1_000_000, den28);
        var limit = new BigInteger(decimal.MaxValue);
        return q > limit || q < -limit ? (q.Sign > 0 ? decimal.MaxValue : decimal.MinValue) : decimal.Round((decimal)q / 1_000_000m, 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>10^-28 units as a decimal for reasons (to 2 decimals; out-of-range sums are clamped).</summary>
    internal static decimal ForDisplay(BigInteger value28)
    {
        BigInteger cents = BigInteger.Divide(value28, BigInteger.Pow(10, 26));
        var limit = new BigInteger(decimal.MaxValue);
        return cents > limit || cents < -limit ? (cents.Sign > 0 ? decimal.MaxValue : decimal.MinValue) : (decimal)cents / 100m;
    }

    private static (BigInteger Mantissa, int Scale) Decompose(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = new BigInteger(unchecked((uint)bits[0]))
            | (new BigInteger(unchecked((uint)bits[1])) << 32)
            | (new BigInteger(unchecked((uint)bits[2])) << 64);
        int scale = (bits[3] >> 16) & 0xFF;
        bool negative = (bits[3] & unchecked((int)0x80000000)) != 0;
        return (negative ? -magnitude : magnitude, scale);
    }
}
