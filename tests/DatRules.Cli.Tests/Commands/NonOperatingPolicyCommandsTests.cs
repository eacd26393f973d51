namespace DatRules.Cli.Tests.Commands;

/// <summary>
/// <c>screen</c> and <c>diff</c> with the non-operating policies of docs/examples on the example companies (the library's
/// side of the same rules: DatRules.Tests, Policies/NonOperatingRulesTests).
/// </summary>
public class NonOperatingPolicyCommandsTests
{
    [Theory]
    [InlineData("non-operating-liquid-assets.json", "MSTR,2025-09-30,DigitalAssetTreasury", "EXA1,2025-09-30,DigitalAssetTreasury", "EXA2,2025-09-30,OperatingCompany", "BTDR,2025-06-30,OperatingCompany", "WULF,2025-09-30,OperatingCompany", "LMFA,2025-09-30,DigitalAssetTreasury", "DJT,2025-09-30,Indeterminate")]
    [InlineData("non-operating-low-revenue.json", "EXA3,2025-09-30,OperatingCompany", "EXA4,2025-09-30,DigitalAssetTreasury", "EXA4,2025-06-30,Indeterminate", "MSTR,2025-09-30,Indeterminate")]
    [InlineData("non-operating-digital-or-accumulation.json", "MSTR,2025-09-30,DigitalAssetTreasury", "EXA5,2025-09-30,DigitalAssetTreasury", "EXA6,2025-09-30,Indeterminate", "EXA7,2025-09-30,DigitalAssetTreasury", "EXA8,2025-09-30,OperatingCompany", "BTDR,2025-06-30,OperatingCompany")]
    public void ScreenCli_DocumentedRuleOnExampleCompanies_GivesTheDocumentedClasses(string file, params string[] expectedRows)
    {
        // Hand arithmetic for each row: docs/non-operating.md (same figures as the cases above).
        var r = CliRunner.Run("screen", "--policy-file", Example(file), "--input", Example("non-operating-companies.csv"), "--format", "csv");

        Assert.Equal(0, r.ExitCode);
        foreach (string row in expectedRows)
        {
            Assert.Contains(row, r.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DiffCli_MsciFreezeToLiquidAssetsRule_ListsTheFlips()
    {
        // Under >= 50% digital: EXA1 10% operating; under the liquid-assets rule 50% exactly: DAT. DJT stays indeterminate.
        var r = CliRunner.Run("diff", "--policy-file", Example("non-operating-liquid-assets.json"), "--from", "msci-2026-01-dat-freeze", "--to", "scenario-nonop-liquid-assets-50pct", "--input", Example("non-operating-companies.csv"));

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("EXA1     2025-09-30  Operating -> DAT", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("EXA2 ", r.Out, StringComparison.Ordinal);
    }

    private static string Example(string file) => Path.Combine(RepoFiles.Root(), "docs", "examples", file);
}
