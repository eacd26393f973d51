using System.Runtime.CompilerServices;

namespace DatRules.Cli.Output;

/// <summary>
/// Writes the ratio <c>digital / total</c> of two integer amounts as the CSV output shows it, from integers only:
/// the text of <c>Math.Round((decimal)digital / total, 10, MidpointRounding.ToEven)</c> in the invariant culture.
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
        long whole = digital / total;
        long r = digital % total;

        // Ten decimals, two at a time: r < total < 2^53, so r * 100 < 2^60 never overflows.
        long fraction = 0;
        for (int i = 0; i < 5; i++)
        {
            r *= 100;
            fraction = (fraction * 100) + (r / total);
            r %= total;
        }

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
