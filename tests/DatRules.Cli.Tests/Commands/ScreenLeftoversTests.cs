namespace DatRules.Cli.Tests.Commands;

/// <summary>Issue 14 items that lived in the screen command: the baseline's date, exact thresholds, "1 company".</summary>
public sealed class ScreenLeftoversTests
{
    [Fact]
    public void Screen_BaselinePolicy_HeadingSaysInForceFromTheStartNot9999()
    {
        var r = CliRunner.Run("screen", "--provider", "MSCI", "--date", "2025-01-01");

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("DAT screen under msci-gimi-baseline (MSCI, Adopted, in force from the start), in force on 2025-01-01", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("9999", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_ThresholdWithMoreDigitsThanADecimal_ExitTwoNotRounded()
    {
        var r = CliRunner.Run("screen", "--threshold", "50.00000000000000000000000000001");

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: --threshold '50.00000000000000000000000000001' has more digits or a larger magnitude than a decimal holds exactly", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_OneCompany_SingularInTheSummary()
    {
        var r = CliRunner.Run("screen", "--input", CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd\nA,2025-09-30,1,2\n"));

        Assert.Contains("1 company: 1 DAT, 0 operating, 0 indeterminate.", r.Out, StringComparison.Ordinal);
    }
}
