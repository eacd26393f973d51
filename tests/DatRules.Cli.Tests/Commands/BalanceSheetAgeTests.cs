using System.Text;
using DatRules.Classification;
using DatRules.Data;
using DatRules.Policies;
using NodaTime;

namespace DatRules.Cli.Tests.Commands;

/// <summary>Issue 22: every screen states each balance sheet's age; --max-age makes the older ones Indeterminate.</summary>
public sealed class BalanceSheetAgeTests
{
    // A as of 2025-09-30, B as of 2025-01-31, screened on 2026-03-02:
    // A: Sep 30 -> Oct 31 = 31, Nov 30 = 61, Dec 31 = 92, Jan 31 = 123, Feb 28 = 151, Mar 2 = 153 days.
    // B: Jan 31 2025 -> Jan 31 2026 = 365, Feb 28 = 393, Mar 2 = 395 days (> 200: stale).
    private const string Csv = "ticker,as_of,digital_assets_usd,total_assets_usd\nA,2025-09-30,60,100\nB,2025-01-31,70,100\n";

    private static readonly NodaTime.Testing.FakeClock Clock = new(Instant.FromUtc(2026, 3, 2, 12, 0));

    private static CliRunner.Result Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = DatRules.Cli.CliApp.Run(args, stdout, stderr, Clock);
        return new CliRunner.Result(code, stdout.ToString(), stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Json_AgeDaysAndStaleFlag_WarningOnStandardError()
    {
        var r = Run("screen", "--input", CliRunner.TempCsv(Csv), "--format", "json");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"asOf\": \"2025-09-30\",\n    \"ageDays\": 153,\n    \"classification\"", r.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"asOf\": \"2025-01-31\",\n    \"ageDays\": 395,\n    \"stale\": true,\n", r.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(1, r.Out.Split("\"stale\"").Length - 1);
        Assert.Equal("warning: 1 balance sheet is more than 200 days old (oldest: B as of 2025-01-31, 395 days)\n", r.Error);
    }

    [Fact]
    public void Table_FooterStatesTheAge()
    {
        var r = Run("screen", "--input", CliRunner.TempCsv(Csv));

        Assert.Contains("\nBalance sheets are 153 to 395 days old on 2026-03-02 (1 more than 200 days).\n", r.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void MaxAge_OlderRowIndeterminateWithTheReason_YoungerUnchanged()
    {
        var r = Run("screen", "--input", CliRunner.TempCsv(Csv), "--format", "csv", "--max-age", "300");

        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Out.TrimEnd().Split('\n');
        Assert.StartsWith("A,2025-09-30,DigitalAssetTreasury,0.6,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("B,2025-01-31,Indeterminate,0.7,", lines[2], StringComparison.Ordinal);
        Assert.Contains("balance sheet as of 2025-01-31 is 395 days old, more than --max-age 300", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Date_CountsAgesToThatDate()
    {
        // On 2026-01-31: A is 123 days old (Sep 30 -> Jan 31, above); B 365 days.
        var r = Run("screen", "--input", CliRunner.TempCsv(Csv), "--format", "json", "--date", "2026-01-31");

        Assert.Contains("\"ageDays\": 123,", r.Out, StringComparison.Ordinal);
        Assert.Contains("\"ageDays\": 365,", r.Out, StringComparison.Ordinal);
        Assert.Contains("(oldest: B as of 2025-01-31, 365 days)", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxAge_Negative_UsageError()
    {
        var r = Run("screen", "--max-age", "-1");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: --max-age must be 0 or more days.\n", r.Error);
    }

    [Fact]
    public void Library_WithAge_EngineResultAgreesWithTheReasons()
    {
        var frame = SnapshotFrame.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(Csv)));
        var policy = BuiltInPolicies.All.First(p => p.RatioThreshold is not null);

        var report = ScreenReport.Create(frame, policy).WithAge(new LocalDate(2026, 3, 2), maxAgeDays: 300);

        Assert.Equal((153, 395), (report.AgeDaysAt(0)!.Value, report.AgeDaysAt(1)!.Value));
        Assert.Equal(DatClassification.DigitalAssetTreasury, report.Screening.ClassificationAt(0));
        Assert.Equal(DatClassification.Indeterminate, report.Screening.ClassificationAt(1));
        Assert.Null(report.Screening.ActionAt(1));
        Assert.Equal("balance sheet as of 2025-01-31 is 395 days old, more than --max-age 300", report.ReasonsAt(1)[0]);
        Assert.Equal(ReasonText.ActionUnknown(policy), report.ReasonsAt(1)[^1]);
        Assert.Equal("1 balance sheet is more than 200 days old (oldest: B as of 2025-01-31, 395 days)", report.StaleWarning);
        Assert.Equal(1, report.Screening.IndeterminateCount);
    }
}
