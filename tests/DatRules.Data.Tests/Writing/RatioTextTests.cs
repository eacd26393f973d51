using System.Globalization;
using System.Text;
using CsCheck;
using DatRules.Data;

namespace DatRules.Data.Tests.Writing;

/// <summary>The integer ratio text must be the text of the general path: Math.Round((decimal)d / t, 10, ToEven).</summary>
public class RatioTextTests
{
    private const long Max = (1L << 53) - 1;

    [Theory]
    [InlineData(1L, 2L, "0.5")]                              // exact, minimal form
    [InlineData(3L, 8L, "0.375")]
    [InlineData(0L, 7L, "0")]
    [InlineData(10L, 10L, "1")]
    [InlineData(1L, 3L, "0.3333333333")]                     // 0.33333333333... rounds down
    [InlineData(2L, 3L, "0.6666666667")]                     // 0.66666666666... rounds up
    [InlineData(123456789012L, 1000000000000L, "0.1234567890")] // 12 exact decimals: rounded, trailing zero kept
    [InlineData(99999999995L, 100000000000L, "1.0000000000")]   // tie at the 11th decimal, odd 9 -> even: carries into 1
    [InlineData(1L, 1L << 40, "0.0000000000")]              // 9.09e-13: rounds to zero, 10 decimals
    [InlineData(5L, 100000000000L, "0.0000000000")]          // exactly 0.00000000005: a tie, 0 is even
    [InlineData(15L, 100000000000L, "0.0000000002")]         // exactly 0.00000000015: a tie, 1 is odd -> 2
    [InlineData(Max - 1, Max, "1.0000000000")]              // 1 - 1.1e-16: rounds up to 1, inexact so 10 decimals
    [InlineData(9999999999L, 10000000000L, "0.9999999999")]  // exactly 10 decimals
    public void Write_KnownRatios_MatchesDecimalText(long digital, long total, string expected)
    {
        Assert.Equal(expected, Text(digital, total));
        Assert.Equal(expected, DecimalText(digital, total));
    }

    [Fact]
    public void Write_RandomAmounts_MatchesDecimalText()
    {
        var amounts = Gen.OneOf(Gen.Long[1, 1000], Gen.Long[1, 10_000_000_000], Gen.Long[1, Max]);
        Gen.Select(amounts, Gen.Double[0, 1]).Sample((total, f) =>
        {
            long digital = (long)Math.Min(total, Math.Floor(total * f));
            Assert.Equal(DecimalText(digital, total), Text(digital, total));
        }, iter: 20_000);
    }

    [Fact]
    public void Write_TiesAtTheEleventhDecimal_MatchesDecimalText()
    {
        // t = 2 * 10^10 * k: d / t = (2m + 1) / (2 * 10^10) exactly halfway between two 10-decimal values.
        Gen.Select(Gen.Long[1, 400_000], Gen.Long[0, 9_999_999_999]).Sample((k, m) =>
        {
            long total = 20_000_000_000 * k;
            long digital = ((2 * m) + 1) * k;
            Assert.Equal(DecimalText(digital, total), Text(digital, total));
        }, iter: 5_000);
    }

    [Fact]
    public void Write_AmountsNearTheEdges_MatchesDecimalText()
    {
        // The ten decimals come from a double estimate corrected in 128 bits: quotients next to a decimal step.
        foreach (long total in new[] { 1L, 3L, 7L, 9_999_999_999L, 10_000_000_001L, Max - 1, Max, (1L << 52) + 1 })
        {
            foreach (long digital in new[] { 0L, 1L, total / 3, total / 2, total - 1, total })
            {
                if (digital >= 0 && digital <= total)
                {
                    Assert.Equal(DecimalText(digital, total), Text(digital, total));
                }
            }
        }
    }

    private static string Text(long digital, long total)
    {
        Span<byte> buffer = stackalloc byte[RatioText.MaxLength];
        int n = RatioText.Write(digital, total, buffer);
        return Encoding.ASCII.GetString(buffer[..n]);
    }

    private static string DecimalText(long digital, long total) =>
        Math.Round((decimal)digital / total, 10, MidpointRounding.ToEven).ToString(CultureInfo.InvariantCulture);
}
