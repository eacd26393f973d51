using System.Globalization;
using DatRules.Internal;

namespace DatRules.Classification;

/// <summary>
/// A threshold on the digital-asset ratio (digital assets / total assets), in percent, with its bound.
/// </summary>
/// <remarks>
/// The test is exact: <c>digital * 100</c> is compared with <c>percent * total</c> on the exact
/// decimal mantissas, never through a rounded ratio, so an issuer at exactly the threshold always
/// lands on the side <see cref="Bound"/> says.
/// </remarks>
public sealed record RatioThreshold
{
    /// <summary>Initializes a threshold.</summary>
    /// <param name="percent">The threshold in percent of total assets, in (0, 100].</param>
    /// <param name="bound">Whether a ratio exactly at the threshold crosses it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not in (0, 100].</exception>
    public RatioThreshold(decimal percent, ThresholdBound bound = ThresholdBound.Inclusive)
    {
        if (percent <= 0m || percent > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, string.Create(CultureInfo.InvariantCulture, $"A ratio threshold must be in (0, 100] percent; was {percent}."));
        }

        if (!Enum.IsDefined(bound))
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "Unknown threshold bound.");
        }

        Percent = percent;
        Bound = bound;
    }

    /// <summary>Gets MSCI's proposed test of 10 Oct 2025: digital assets 50% or more of total assets (inclusive).</summary>
    public static RatioThreshold Msci { get; } = new(50m, ThresholdBound.Inclusive);

    /// <summary>Gets the threshold in percent.</summary>
    public decimal Percent { get; }

    /// <summary>Gets the bound.</summary>
    public ThresholdBound Bound { get; }

    /// <summary>Gets the threshold as a fraction of 1 (e.g. 0.5).</summary>
    public decimal Fraction => Percent / 100m;

    /// <summary>Creates an inclusive threshold (<c>ratio &gt;= percent</c>).</summary>
    /// <param name="percent">The threshold in percent.</param>
    /// <returns>The threshold.</returns>
    public static RatioThreshold AtLeast(decimal percent) => new(percent, ThresholdBound.Inclusive);

    /// <summary>Creates an exclusive threshold (<c>ratio &gt; percent</c>).</summary>
    /// <param name="percent">The threshold in percent.</param>
    /// <returns>The threshold.</returns>
    public static RatioThreshold Above(decimal percent) => new(percent, ThresholdBound.Exclusive);

    /// <summary>Tests exactly whether <paramref name="digitalAssets"/> / <paramref name="totalAssets"/> crosses the threshold.</summary>
    /// <param name="digitalAssets">Digital assets, &gt;= 0.</param>
    /// <param name="totalAssets">Total assets, &gt; 0.</param>
    /// <returns><see langword="true"/> if the ratio crosses the threshold under <see cref="Bound"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An amount is out of range.</exception>
    public bool IsCrossedBy(decimal digitalAssets, decimal totalAssets)
    {
        Guard.NotNegative(digitalAssets);
        Guard.Positive(totalAssets);
        int cmp = ExactDecimal.CompareProducts(digitalAssets, 100m, Percent, totalAssets);
        return Bound == ThresholdBound.Inclusive ? cmp >= 0 : cmp > 0;
    }

    /// <summary>Returns the threshold as text, e.g. <c>&gt;= 50%</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Bound == ThresholdBound.Inclusive ? ">=" : ">")} {Percent:0.####}%");
}
