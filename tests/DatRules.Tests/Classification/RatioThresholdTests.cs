using DatRules.Classification;

namespace DatRules.Tests.Classification;

public class RatioThresholdTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.0001)]
    public void Construction_OutOfRange_Throws(double percent)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("percent", () => new RatioThreshold((decimal)percent));
        Assert.StartsWith("A ratio threshold must be in (0, 100] percent", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsCrossedBy_ProductBeyondDecimalPrecision_StaysExact()
    {
        // percent * total = 33.333333333333333333333333 * 3.0000000000000000000000001
        //                 = 100.0000000000000000000000023333333333333333333333333 (exact, 52 digits),
        // which decimal multiplication rounds to 100.00000000000000000000000233 (29 digits).
        // digital * 100  = 1.0000000000000000000000000233 * 100 = 100.00000000000000000000000233:
        // below the exact product, equal to the rounded one. The exact test must say "not crossed".
        decimal percent = 33.333333333333333333333333m;
        decimal total = 3.0000000000000000000000001m;
        decimal digital = 1.0000000000000000000000000233m;
        Assert.True(digital * 100m >= percent * total, "precondition: naive decimal arithmetic would call it crossed");

        Assert.False(RatioThreshold.AtLeast(percent).IsCrossedBy(digital, total));
        Assert.True(RatioThreshold.AtLeast(percent).IsCrossedBy(digital + 0.0000000000000000000000000001m, total));
    }

    [Fact]
    public void ToString_ShowsBoundAndPercent()
    {
        Assert.Equal(">= 50%", RatioThreshold.Msci.ToString());
        Assert.Equal("> 40%", RatioThreshold.Above(40m).ToString());
    }

    [Fact]
    public void IsCrossedBy_ZeroTotal_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("totalAssets", () => RatioThreshold.Msci.IsCrossedBy(1m, 0m));
}
