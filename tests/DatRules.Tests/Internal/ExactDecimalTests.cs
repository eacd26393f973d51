using DatRules.Internal;

namespace DatRules.Tests.Internal;

public class ExactDecimalTests
{
    [Theory]
    // a*b vs c*d with different scales on each side (scale of a product = sum of the factors' scales).
    [InlineData("1.5", "0.02", "0.03", "1", 0)]      // 0.030 vs 0.03
    [InlineData("1.5", "0.02", "0.029", "1", 1)]     // 0.030 > 0.029
    [InlineData("0.15", "2", "0.3", "1.01", -1)]     // 0.30 < 0.303
    [InlineData("12.5", "0.4", "5", "1", 0)]         // 5.00 = 5
    [InlineData("100", "3", "299.99", "1", 1)]       // 300 > 299.99
    [InlineData("-2", "3", "-6", "1", 0)]            // negatives: -6 = -6
    [InlineData("-2", "3", "5", "1", -1)]            // -6 < 5
    [InlineData("2", "3", "-5", "1", 1)]             // 6 > -5
    [InlineData("-0.5", "0.5", "-0.3", "1", 1)]      // -0.25 > -0.30
    public void CompareProducts_MixedScalesAndSigns(string a, string b, string c, string d, int expectedSign)
    {
        decimal A = decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture), B = decimal.Parse(b, System.Globalization.CultureInfo.InvariantCulture);
        decimal C = decimal.Parse(c, System.Globalization.CultureInfo.InvariantCulture), D = decimal.Parse(d, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expectedSign, Math.Sign(ExactDecimal.CompareProducts(A, B, C, D)));
        Assert.Equal(-expectedSign, Math.Sign(ExactDecimal.CompareProducts(C, D, A, B)));
    }

    [Fact]
    public void CompareProducts_HighScaleLeftVsIntegerRight()
    {
        // 0.0000000001 * 10^10 = 1 exactly (scale 10 vs 0).
        Assert.Equal(0, ExactDecimal.CompareProducts(0.0000000001m, 10_000_000_000m, 1m, 1m));
        Assert.True(ExactDecimal.CompareProducts(0.0000000002m, 10_000_000_000m, 1m, 1m) > 0);
    }
}
