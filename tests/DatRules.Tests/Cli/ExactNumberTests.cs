using DatRules.Cli.Commands;

namespace DatRules.Tests.Cli;

public class ExactNumberTests
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

    [Theory]
    [InlineData("45.5", 45.5)]
    [InlineData("1e1", 10)]
    [InlineData("40.000000000000000000000000000", 40)]
    public void Headroom_ExactThreshold_Accepted(string text, double expected)
    {
        var result = CliRunner.Run("headroom", "--threshold", text, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"\">= {(decimal)expected}%\"", result.Out, StringComparison.Ordinal);
    }

    private static (string Digits, long Exponent) Digits(string number)
    {
        var (digits, exponent) = DatRules.Json.JsonElementReader.Normalize(number.Trim());
        return digits.Length == 0 ? (string.Empty, 0) : (digits, exponent);
    }
}
