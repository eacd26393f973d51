namespace DatRules.Cli.Tests.Commands;

public class ExactNumberTests
{
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
}
