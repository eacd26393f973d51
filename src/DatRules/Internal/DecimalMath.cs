namespace DatRules.Internal;

/// <summary>Decimal functions the BCL lacks, so estimators stay in decimal (no double).</summary>
internal static class DecimalMath
{
    /// <summary>The square root of a non-negative decimal, by Newton's method to full decimal precision.</summary>
    internal static decimal Sqrt(decimal x)
    {
        if (x < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Cannot take the square root of a negative number.");
        }

        if (x == 0m)
        {
            return 0m;
        }

        // Start from the double estimate, then refine in decimal.
        decimal guess = (decimal)Math.Sqrt((double)x);
        for (int i = 0; i < 8; i++)
        {
            decimal next = (guess + (x / guess)) / 2m;
            if (next == guess)
            {
                break;
            }

            guess = next;
        }

        return guess;
    }
}
