using System.Globalization;
using System.Text;
using System.Text.Json;
using DatRules.Classification;
using DatRules.Issuers;
using DatRules.Policies;

namespace DatRules.Cli.Tests.Commands;

/// <summary>screen writes every format from columns; the texts equal the domain's, computed here from snapshots built independently.</summary>
public class ScreenColumnsWriterTests
{
    private const string Header = "ticker,as_of,digital_assets_usd,total_assets_usd,index_constituent,estimated_fields,currency,form,filed";

    public static TheoryData<string?> Policies => new() { null, BuiltInPolicies.MsciDatFreeze.Id, BuiltInPolicies.MsciDatProposal.Id };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Screen_Json_ReasonsRatioAndClassEqualTheDomains(string? policyId)
    {
        var (csv, snapshots) = RandomRows(rows: 2_000, seed: 21);
        var policy = policyId is null ? null : PolicyCatalog.BuiltIn.Get(policyId);
        string[] args = policyId is null ? [] : ["--policy", policyId];

        var result = CliRunner.Run(["screen", "--input", CliRunner.TempCsv(csv), "--format", "json", .. args]);

        Assert.Equal(0, result.ExitCode);
        var rows = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(snapshots.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            var s = snapshots[i];
            var (cls, ratio, reasons) = policy is null
                ? (DatClassifier.Msci.Classify(s).Classification, DatClassifier.Msci.Classify(s).DigitalAssetRatio, DatClassifier.Msci.Classify(s).Reasons)
                : (policy.Evaluate(s).Classification, policy.Evaluate(s).DigitalAssetRatio, policy.Evaluate(s).Reasons);
            Assert.Equal(cls.ToString(), rows[i].GetProperty("classification").GetString());
            Assert.Equal(ratio is { } r ? Math.Round(r, 10).ToString(CultureInfo.InvariantCulture) : "null", rows[i].GetProperty("digitalAssetRatio").GetRawText());
            Assert.Equal(reasons, rows[i].GetProperty("reasons").EnumerateArray().Select(e => e.GetString()!).ToList());
        }
    }

    [Fact]
    public void Screen_CsvWithReasons_JoinsTheDomainsReasons()
    {
        var (csv, snapshots) = RandomRows(rows: 500, seed: 22);

        var lines = CliRunner.Run("screen", "--input", CliRunner.TempCsv(csv), "--format", "csv").Out.Split('\n');

        for (int i = 0; i < snapshots.Count; i++)
        {
            string reasons = string.Join(" | ", DatClassifier.Msci.Classify(snapshots[i]).Reasons);
            Assert.EndsWith("," + (reasons.Contains(',', StringComparison.Ordinal) ? $"\"{reasons}\"" : reasons), lines[i + 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Screen_SubCentAndHugeAmounts_ReasonsEqualTheDomains()
    {
        // 0.001 is not whole cents; 10^17 is beyond 2^53 cents: both rows are screened by the domain (universe fallback).
        var path = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd\nA,2025-09-30,0.001,100\nB,2025-09-30,100000000000000000,200000000000000000\nC,2025-09-30,0.5,\nD,2025-09-30,60,100\n");
        var expected = new[]
        {
            new IssuerSnapshot(new IssuerId("A"), new LocalDate(2025, 9, 30), 100m, [new DigitalAssetHolding("DIGITAL", 0m, 0.001m)]),
            new IssuerSnapshot(new IssuerId("B"), new LocalDate(2025, 9, 30), 200000000000000000m, [new DigitalAssetHolding("DIGITAL", 0m, 100000000000000000m)]),
            new IssuerSnapshot(new IssuerId("C"), new LocalDate(2025, 9, 30), null, [new DigitalAssetHolding("DIGITAL", 0m, 0.5m)]),
            new IssuerSnapshot(new IssuerId("D"), new LocalDate(2025, 9, 30), 100m, [new DigitalAssetHolding("DIGITAL", 0m, 60m)]),
        };

        var rows = JsonDocument.Parse(CliRunner.Run("screen", "--input", path, "--format", "json").Out).RootElement.EnumerateArray().ToList();

        for (int i = 0; i < expected.Length; i++)
        {
            var result = DatClassifier.Msci.Classify(expected[i]);
            Assert.Equal(result.Classification.ToString(), rows[i].GetProperty("classification").GetString());
            Assert.Equal(result.Reasons, rows[i].GetProperty("reasons").EnumerateArray().Select(e => e.GetString()!).ToList());
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("MSTR", "MSTR")]
    public void Screen_CsvCellStartingWithFormulaCharacter_Neutralised(string ticker, string expectedCell)
    {
        string quoted = "\"" + ticker.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var path = CliRunner.TempCsv($"ticker,as_of,digital_assets_usd,total_assets_usd\n{quoted},2025-09-30,1,100\n");

        var lines = CliRunner.Run("screen", "--input", path, "--format", "csv", "--no-reasons").Out.Split('\n');

        Assert.Equal(expectedCell + ",2025-09-30,OperatingCompany,0.01", lines[1]);
    }

    [Fact]
    public void Screen_TableWithControlCharactersInInput_EscapesThemVisibly()
    {
        // ESC [2J clears a terminal; a bidi override reorders what is shown.
        var path = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd,name\nAB,2025-09-30,1,100,\"x\u001b[2Jy\u202Ez\"\n");

        var output = CliRunner.Run("screen", "--input", path).Out;

        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u202E', output);
        Assert.Contains(@"x\x1B[2Jy\u202Ez", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_DateWithIssuerListPolicy_ShowsRatioTestBesidePolicyVerdict()
    {
        // On 2025-12-31 the MSCI policy in force names two issuers only: Strategy (99.44%) is Operating under it,
        // but a DAT by the 50% ratio test.
        var result = CliRunner.Run("screen", "--date", "2025-12-31", "--format", "json");

        var mstr = ScreenCommandTests.JsonRows(result.Out)["MSTR"];
        Assert.Equal("OperatingCompany", mstr.GetProperty("classification").GetString());
        Assert.Equal("DigitalAssetTreasury", mstr.GetProperty("ratioTestClassification").GetString());
        Assert.Equal("None", mstr.GetProperty("action").GetString());
    }

    [Fact]
    public void Screen_DateTable_HeadingNamesTheDateAndRatioTestColumn()
    {
        var output = CliRunner.Run("screen", "--date", "2025-12-31").Out;

        Assert.Contains(", in force on 2025-12-31", output.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("MSTR     2025-09-30  99.44%   DAT           Operating     None", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_ProviderWithoutDateAsJson_NotesTodaysDateOnStandardError()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 3, 2, 12, 0));

        int code = DatRules.Cli.CliApp.Run(["screen", "--provider", "MSCI", "--format", "json"], stdout, stderr, clock);

        Assert.Equal(0, code);
        // And the age warning: the four balance sheets as of 2025-06-30 are 245 days old on 2026-03-02 (Jun 30 -> Jul 31 is
        // 31 days, + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 = 243, + 2 = 245 > 200); BTDR comes first.
        Assert.Equal(
            "note: today is 2026-03-02 (UTC): msci-2026-01-dat-freeze is the MSCI policy in force.\nwarning: 4 balance sheets are more than 200 days old (oldest: BTDR as of 2025-06-30, 245 days)",
            stderr.ToString().Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Screen_PolicyCsv_HeaderHasTheRatioTestColumn()
    {
        var path = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd\nA,2025-09-30,60,100\n");

        var lines = CliRunner.Run("screen", "--input", path, "--format", "csv", "--no-reasons", "--date", "2025-12-31").Out.Split('\n');

        Assert.Equal("ticker,as_of,classification,digital_asset_ratio,policy,action,ratio_test_classification", lines[0]);
        Assert.Equal("A,2025-09-30,OperatingCompany,0.6,msci-2025-10-issuer-freeze,None,DigitalAssetTreasury", lines[1]);
    }

    /// <summary>Rows with whole cents, ~5% exactly at 50%, totals missing or zero, digital above total, estimates, JPY, amendments.</summary>
    private static (string Csv, List<IssuerSnapshot> Snapshots) RandomRows(int rows, int seed)
    {
        var rng = new Random(seed);
        var text = new StringBuilder(Header + "\n");
        var snapshots = new List<IssuerSnapshot>();
        for (int i = 0; i < rows; i++)
        {
            long total = rng.NextInt64(1, 50_000_000_000_00);
            int kind = rng.Next(100);
            long digital = kind < 5 ? (total -= total % 2) / 2 : kind < 8 ? total + rng.Next(1, 1000) : (long)(total * Math.Pow(rng.NextDouble(), 2));
            decimal? totalValue = kind is >= 8 and < 10 ? null : kind == 10 ? 0m : total / 100m;
            bool? constituent = (i % 3) switch { 0 => true, 1 => false, _ => null };
            string estimated = (i % 4) switch { 0 => "total_assets_usd", 1 => "units;shares_outstanding", _ => string.Empty };
            string currency = i % 5 == 0 ? "JPY" : string.Empty;
            bool amended = i % 7 == 0;
            var asOf = new LocalDate(2025, 3 * (1 + (i % 3)), 30);
            text.Append(CultureInfo.InvariantCulture, $"T{i:D5},{asOf:yyyy-MM-dd},{digital / 100m},{totalValue},{constituent?.ToString() ?? string.Empty},{estimated},{currency},{(amended ? "10-Q/A" : string.Empty)},{(amended ? "2025-12-01" : string.Empty)}\n");
            var c = currency.Length == 0 ? Currency.Usd : new Currency(currency);
            snapshots.Add(new IssuerSnapshot(new IssuerId($"T{i:D5}"), asOf, totalValue, digital == 0 ? [] : [new DigitalAssetHolding("DIGITAL", 0m, digital / 100m, c)], c)
            {
                IsIndexConstituent = constituent,
                EstimatedFields = estimated.Split(';', StringSplitOptions.RemoveEmptyEntries),
                Provenance = amended ? new Provenance("input file") { Form = "10-Q/A", Filed = new LocalDate(2025, 12, 1) } : null,
            });
        }

        return (text.ToString(), snapshots);
    }
}
