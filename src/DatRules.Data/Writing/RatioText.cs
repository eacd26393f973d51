using System.Runtime.CompilerServices;

namespace DatRules.Data;

/// <summary>
/// Writes the ratio <c>digital / total</c> of two integer amounts as the CSV output shows it, exactly (a double only
/// estimates the ten decimals; 128-bit integer products correct the estimate): the text of <c>Math.Round((decimal)digital / total, 10, MidpointRounding.ToEven)</c> in the invariant culture.
/// </summary>
/// <remarks>
/// <para>
/// That text is the quotient's minimal decimal form when it ends within 10 decimals ("0.5", "0.375", "1", "0"), and
/// otherwise exactly 10 decimals, rounded half to even, trailing zeros kept ("0.3333333333", "1.0000000000").
/// </para>
/// <para>
/// Why integer rounding equals rounding the 28-digit decimal quotient: for <c>0 &lt;= digital &lt;= total &lt; 2^53</c>, a
/// quotient that is not itself a tie differs from every tie <c>k / (2 * 10^10)</c> by at least
/// <c>1 / (2 * 10^10 * total)</c> &gt; 5.5e-27, while the decimal quotient is within 1e-28 of the exact one; so both round the
/// same way. Tests compare the two on random and edge amounts.
/// </para>
/// </remarks>
internal static class RatioText
{
    /// <summary>The longest text: "0." or "1." and 10 decimals.</summary>
    internal const int MaxLength = 12;

    /// <summary>Writes the ratio; requires <c>0 &lt;= digital &lt;= total</c>, <c>0 &lt; total &lt; 2^53</c>.</summary>
    /// <param name="digital">The numerator.</param>
    /// <param name="total">The denominator.</param>
    /// <param name="destination">At least <see cref="MaxLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Write(long digital, long total, Span<byte> destination)
    {
        // Amounts below 2^53 and a fraction below 10^10: the products fit 128 bits and the sums a long (no overflow checks).
        unchecked
        {
            long whole = digital / total;
            long r0 = digital - (whole * total);

            // Ten decimals at once: fraction = floor(r0 * 10^10 / total), r the remainder. The double quotient is within a few
            // units of the true one (relative error below 2^-50 of a value below 10^10), and the 128-bit products correct it
            // exactly, instead of five 64-bit divisions.
            long fraction = (long)((double)r0 / total * 1e10);
            UInt128 numerator = Math.BigMul((ulong)r0, 10_000_000_000UL);
            UInt128 product = Math.BigMul((ulong)fraction, (ulong)total);
            while (product > numerator)
            {
                fraction--;
                product -= (ulong)total;
            }

            UInt128 rest = numerator - product;
            while (rest >= (ulong)total)
            {
                fraction++;
                rest -= (ulong)total;
            }

            long r = (long)(ulong)rest;

            bool exact = r == 0;
            if (!exact && (2 * r > total || (2 * r == total && (fraction & 1) == 1)))
            {
                fraction++;
                if (fraction == 10_000_000_000)
                {
                    fraction = 0;
                    whole++;
                }
            }

            int n = 0;
            destination[n++] = (byte)('0' + whole);
            int decimals = 10;
            if (exact)
            {
                while (decimals > 0 && fraction % 10 == 0)
                {
                    fraction /= 10;
                    decimals--;
                }
            }

            if (decimals > 0)
            {
                destination[n++] = (byte)'.';
                for (int i = decimals - 1; i >= 0; i--)
                {
                    destination[n + i] = (byte)('0' + (fraction % 10));
                    fraction /= 10;
                }

                n += decimals;
            }

            return n;
        }
    }
}
