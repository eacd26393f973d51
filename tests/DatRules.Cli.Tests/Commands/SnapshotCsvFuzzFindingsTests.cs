namespace DatRules.Cli.Tests.Commands;

/// <summary>Inputs the fuzzer of the snapshot CSV reader (DatRules.Data.Tests, Csv/SnapshotCsvFuzzTests) found, run through <c>screen</c>.</summary>
public class SnapshotCsvFuzzFindingsTests
{
    [Fact]
    public void Screen_TwentyEightNines_IsReadExactlyNotAnOverflow()
    {
        // 28 nines fit a decimal but not a decimal times 100 (the integer-cents scaling overflowed before the fix).
        string csv = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd\nX,2025-09-30,9999999999999999999999999999,9999999999999999999999999999\n");

        var r = CliRunner.Run("screen", "--input", csv, "--format", "csv", "--no-reasons");

        // digital = total: 100%, a DAT under MSCI's >= 50%.
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("X,2025-09-30,DigitalAssetTreasury,1", r.Out.Split('\n')[1].TrimEnd('\r'));
    }
}
