namespace DatRules.Cli.Tests.Input;

/// <summary>The CLI's embedded dataset screened as known on 10 Oct 2025 (its filing figures: DatRules.Tests, Testing/EmbeddedDatasetTests).</summary>
public sealed class EmbeddedDatasetScreenTests
{
    [Fact]
    public void AsKnownOn10October2025_ScreensTheBalanceSheetsFiledByThen()
    {
        var r = CliRunner.Run("screen", "--as-known-on", "2025-10-10", "--format", "csv", "--no-reasons");

        // Filed on or before 2025-10-10 in the dataset: six 30 Jun 2025 10-Qs and Capital B's 29 Sep release.
        // RIOT 2,100,000,000 / 4,285,000,000 = 0.4900816803 (operating); SMLR 496,865,000 / 522,597,000 = 0.95076129407... -> 0.9507612941.
        Assert.Equal(0, r.ExitCode);
        var rows = r.Out.TrimEnd().Split('\n').Skip(1).ToList();
        Assert.Equal(["RIOT", "SMLR", "XYZ", "ALCPB", "BTCS", "HSDT", "EMPD"], rows.Select(l => l.Split(',')[0]));
        Assert.StartsWith("RIOT,2025-06-30,OperatingCompany,0.4900816803,", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("SMLR,2025-06-30,DigitalAssetTreasury,0.9507612941,", rows[1], StringComparison.Ordinal);
        Assert.Contains("note: MSTR: no balance sheet filed by 2025-10-10 (first: as of 2025-09-30, filed 2025-11-03); not screened.", r.Error, StringComparison.Ordinal);
    }
}
