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
