using System.Text;
using DatRules.Classification;
using DatRules.Cli.Commands;
using DatRules.Policies;
using NodaTime.Testing;

namespace DatRules.Tests.Cli;

/// <summary><c>screen --format csv --no-reasons</c> writes the same bytes whether a plain file takes the fast path or not.</summary>
public class ScreenFastPathTests
{
    private const string Header = "ticker,as_of,digital_assets_usd,total_assets_usd";

    public static TheoryData<string?> Policies => new() { null, BuiltInPolicies.MsciDatFreeze.Id, BuiltInPolicies.MsciDatProposal.Id };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Run_PlainFile_FastAndGeneralPathWriteTheSameText(string? policyId)
    {
        string path = CliRunner.TempCsv(RandomFile(rows: 5_000, seed: 11));
        var policy = policyId is null ? null : PolicyCatalog.BuiltIn.Get(policyId);

        string fast = Run(path, policy, DatClassifier.Msci, fastPath: true);
        string general = Run(path, policy, DatClassifier.Msci, fastPath: false);

        Assert.Equal(5_001, fast.Count(c => c == '\n'));   // header + one row per company
        Assert.Equal(general, fast);
    }

    [Fact]
    public void Run_MoreRowsThanOneBatchOfBlocks_FastAndGeneralPathWriteTheSameText()
    {
        // 140,000 rows: 5 blocks of 32,768, formatted in two batches into reused buffers.
        string path = CliRunner.TempCsv(RandomFile(rows: 140_000, seed: 13));

        Assert.Equal(Run(path, null, DatClassifier.Msci, fastPath: false), Run(path, null, DatClassifier.Msci, fastPath: true));
    }

    [Fact]
    public void Run_CustomThreshold_FastAndGeneralPathWriteTheSameText()
    {
        string path = CliRunner.TempCsv(RandomFile(rows: 2_000, seed: 12));
        var classifier = new DatClassifier(RatioThreshold.AtLeast(33.3333m), "custom");

        Assert.Equal(Run(path, null, classifier, fastPath: false), Run(path, null, classifier, fastPath: true));
    }

    [Fact]
    public void Run_ExactlyHalf_IsDatOnBothPaths()
    {
        // 50.00 / 100.00 = 50% exactly: DAT under MSCI's inclusive ">= 50%"; 49.99 / 100.00 is not.
        // CCC: total not reported; DDD and FFF: total zero; EEE: digital above total: Indeterminate, no ratio.
        // GGG: digital equal to total, 100%.
        string path = CliRunner.TempCsv($"{Header}\nAAA,2025-09-30,50.00,100.00\nBBB,2025-09-30,49.99,100\nCCC,2025-09-30,1,\nDDD,2025-09-30,5,0\nEEE,2025-09-30,5,4\nFFF,2025-09-30,0,0\nGGG,2025-09-30,7,7\n");

        string fast = Run(path, null, DatClassifier.Msci, fastPath: true);

        Assert.Equal(
            "ticker,as_of,classification,digital_asset_ratio\nAAA,2025-09-30,DigitalAssetTreasury,0.5\nBBB,2025-09-30,OperatingCompany,0.4999\n"
            + "CCC,2025-09-30,Indeterminate,\nDDD,2025-09-30,Indeterminate,\nEEE,2025-09-30,Indeterminate,\n"
            + "FFF,2025-09-30,Indeterminate,\nGGG,2025-09-30,DigitalAssetTreasury,1\n",
            fast);
        Assert.Equal(Run(path, null, DatClassifier.Msci, fastPath: false), fast);
    }

    [Fact]
    public void Screen_NoReasonsDuplicateRow_StillReportsBothLines()
    {
        // The fast path declines a duplicate; the reference reader reports it exactly as without --no-reasons.
        var path = CliRunner.TempCsv($"{Header}\nAAA,2025-09-30,50,100\nBBB,2025-09-30,1,100\naaa,2025-09-30,60,100\n");

        var result = CliRunner.Run("screen", "--input", path, "--format", "csv", "--no-reasons");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("line 4, column 'ticker': duplicate row for aaa as of 2025-09-30 (first on line 2)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_NoReasonsQuotedTicker_TakesTheGeneralPathAndUnescapes()
    {
        var path = CliRunner.TempCsv($"{Header}\n\"A,B\",2025-09-30,60,100\n");

        var result = CliRunner.Run("screen", "--input", path, "--format", "csv", "--no-reasons");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"A,B\",2025-09-30,DigitalAssetTreasury,0.6", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData(",lead", "\",lead\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Escape_QuotesOnlyWhatNeedsQuoting(string field, string expected)
    {
        Assert.Equal(expected, DatRules.Cli.Output.FastCsvWriter.Escape(field));
    }

    private static string Run(string path, IndexPolicy? policy, DatClassifier classifier, bool fastPath)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var ctx = new CliContext(output, error, new FakeClock(Instant.FromUtc(2026, 3, 2, 0, 0)));
        bool tookFastPath = ColumnarScreen.Run(new FileInfo(path), skipInvalid: false, policy, classifier, withReasons: false, ctx, fastPath);
        Assert.Equal(fastPath, tookFastPath);
        output.Flush();
        return output.ToString();
    }

    /// <summary>Whole-cent amounts, ~5% exactly at 50%, ~2% without total assets, constituency true/false/unknown.</summary>
    private static string RandomFile(int rows, int seed)
    {
        var rng = new Random(seed);
        var text = new StringBuilder(Header + ",index_constituent\n");
        for (int i = 0; i < rows; i++)
        {
            long total = rng.NextInt64(1, 50_000_000_000_00);
            int kind = rng.Next(100);
            long digital = kind < 5 ? (total -= total % 2) / 2 : (long)(total * Math.Pow(rng.NextDouble(), 2));
            string totalText = kind is >= 5 and < 7 ? string.Empty : $"{total / 100}.{total % 100:D2}";
            string constituent = (i % 3) switch { 0 => "true", 1 => "false", _ => string.Empty };
            text.Append($"T{i:D5},2025-0{3 * (1 + (i % 3))}-30,{digital / 100}.{digital % 100:D2},{totalText},{constituent}\n");
        }

        return text.ToString();
    }
}
