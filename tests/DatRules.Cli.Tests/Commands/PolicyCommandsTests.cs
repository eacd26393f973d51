using System.Text.Json;
using NodaTime.Testing;

namespace DatRules.Cli.Tests.Commands;

public class PolicyCommandsTests
{
    [Fact]
    public void Policies_Json_ListsBuiltInsWithSources()
    {
        var result = CliRunner.Run("policies", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var ids = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Contains("msci-2025-10-dat-proposal", ids);
        Assert.Contains("msci-2026-01-dat-freeze", ids);
        Assert.All(doc.RootElement.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("source").GetProperty("title").GetString())));
    }

    [Fact]
    public void Policies_Table_ShowsFirstReview()
    {
        var result = CliRunner.Run("policies");

        Assert.Contains("first bites at: February 2026 review (effective after close of 2026-02-27, as of 2026-03-02)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_ProviderAndDate_AppliesPolicyInForceWithPolicyAndActionFields()
    {
        var rows = ScreenCommandTests.JsonRows(CliRunner.Run("screen", "--provider", "MSCI", "--date", "2026-03-02", "--format", "json").Out);

        Assert.Equal("msci-2026-01-dat-freeze", rows["MSTR"].GetProperty("policy").GetString());
        Assert.Equal("FreezeShareIncreases, DeferSizeSegmentMigration", rows["MSTR"].GetProperty("action").GetString());
        Assert.Equal("None", rows["RIOT"].GetProperty("action").GetString());
    }

    [Fact]
    public void Screen_ProviderWithoutDate_UsesTheInjectedClock()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var clock = new FakeClock(Instant.FromUtc(2025, 12, 31, 12, 0));

        int code = DatRules.Cli.CliApp.Run(["screen", "--provider", "MSCI", "--format", "json"], stdout, stderr, clock);

        Assert.Equal(0, code);
        Assert.Equal("msci-2025-10-issuer-freeze", ScreenCommandTests.JsonRows(stdout.ToString())["MSTR"].GetProperty("policy").GetString());
    }

    [Fact]
    public void Screen_Proposal_ExcludesStrategy()
    {
        var rows = ScreenCommandTests.JsonRows(CliRunner.Run("screen", "--policy", "msci-2025-10-dat-proposal", "--format", "json").Out);

        Assert.Equal("Exclude", rows["MSTR"].GetProperty("action").GetString());
    }

    [Fact]
    public void Screen_PolicyFile_SinglePolicyIsApplied()
    {
        // docs/examples/policies.json has two; a one-policy file needs no --policy.
        string path = CliRunner.TempCsv(PolicyExamples.Example);

        var rows = ScreenCommandTests.JsonRows(CliRunner.Run("screen", "--policy-file", path, "--format", "json").Out);

        // 40% line: RIOT (49.12%), DJT (47.31%), CLSK (41.38%), HUT (40.06%) become DATs.
        Assert.Equal("team-2026-40pct-proposal", rows["RIOT"].GetProperty("policy").GetString());
        Assert.Equal("DigitalAssetTreasury", rows["HUT"].GetProperty("classification").GetString());
        Assert.Equal("OperatingCompany", rows["BTDR"].GetProperty("classification").GetString());
    }

    [Fact]
    public void Screen_PolicyFileWithErrors_Exit2WithJsonPath()
    {
        string path = CliRunner.TempCsv("{ \"policies\": [ { \"id\": \"x\" } ] }");

        var result = CliRunner.Run("screen", "--policy-file", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.policies[0].provider: is required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_UnknownPolicy_Exit2()
    {
        var result = CliRunner.Run("screen", "--policy", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: No policy with id 'nope'.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_DateBeforeAnyPolicy_Exit2()
    {
        var result = CliRunner.Run("screen", "--provider", "Nasdaq", "--date", "2026-03-02");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Nasdaq has no adopted policy", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_ThresholdWithPolicy_Exit2() =>
        Assert.Equal(2, CliRunner.Run("screen", "--policy", "msci-2026-01-dat-freeze", "--threshold", "40").ExitCode);

    [Fact]
    public void Diff_ProposalToFreeze_ListsStrategyExcludeToFreeze()
    {
        var result = CliRunner.Run("diff", "--from", "msci-2025-10-dat-proposal", "--to", "msci-2026-01-dat-freeze", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var mstr = doc.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("ticker").GetString() == "MSTR");
        Assert.Equal("Exclude", mstr.GetProperty("before").GetProperty("action").GetString());
        Assert.Equal("FreezeShareIncreases, DeferSizeSegmentMigration", mstr.GetProperty("after").GetProperty("action").GetString());
        // RIOT (49.12%) and the operating companies never change between two 50% rules.
        Assert.DoesNotContain(doc.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("ticker").GetString() == "RIOT");
    }

    [Fact]
    public void Diff_ByDates_Table()
    {
        var result = CliRunner.Run("diff", "--date", "2025-12-31", "--vs-date", "2026-03-02");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("from: msci-2025-10-issuer-freeze", result.Out, StringComparison.Ordinal);
        Assert.Contains("MSTR     2025-09-30  Operating -> DAT", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_MissingArguments_Exit2() =>
        Assert.Equal(2, CliRunner.Run("diff", "--from", "msci-2025-10-dat-proposal").ExitCode);
}
