using DatRules.Json;

namespace DatRules.Tests.Json;

/// <summary>The digits and exponent of an exact number as <c>JsonElementReader.Normalize</c> gives them (the exactness check of the JSON readers).</summary>
public class JsonNumberDigitsTests
{
    [Theory]
    [InlineData("50", "5", 1)]
    [InlineData("050.10", "501", -1)]
    [InlineData("5.01e1", "501", -1)]
    [InlineData("-0.05", "5", -2)]
    [InlineData("0", "", 0)]
    [InlineData("0.000", "", 0)]
    public void Digits_SameNumberSpelledDifferently_SameDigitsAndExponent(string text, string digits, long exponent) =>
        Assert.Equal((digits, exponent), Digits(text));

    private static (string Digits, long Exponent) Digits(string number)
    {
        var (digits, exponent) = JsonElementReader.Normalize(number.Trim());
        return digits.Length == 0 ? (string.Empty, 0) : (digits, exponent);
    }
}
