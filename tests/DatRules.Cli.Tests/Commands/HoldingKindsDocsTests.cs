namespace DatRules.Cli.Tests.Commands;

/// <summary>
/// docs/holdings.md (issue 23): its commands, run as written, print the figures it quotes; each figure worked by hand
/// from the cited filings. A policy that counts customer crypto is refused with exit 2.
/// </summary>
public sealed class HoldingKindsDocsTests
{
    private const string Policies = "docs/examples/holdings-policies.json";
    private const string Djt = "docs/examples/holdings-djt-etp-scenario.csv";

    private static string Out(params string[] args)
    {
        var r = CliRunner.Run([.. args.Select(a => a.StartsWith("docs/", StringComparison.Ordinal) ? Path.Combine(RepoFiles.Root(), a) : a)]);
        Assert.True(r.ExitCode == 0, r.Error);
        return r.Out;
    }

    [Fact]
    public void Doc_QuotesEachFigureAndCommand()
    {
        string doc = File.ReadAllText(Path.Combine(RepoFiles.Root(), "docs", "holdings.md"));
        foreach (string quoted in new[] { "**65.86%**", "**44.23%**", "**47.31%**", "**66.18%**", "49.12%",
            "datrules screen --ticker MARA --policy-file docs/examples/holdings-policies.json --policy example-msci-receivables-excluded",
            "datrules screen --input docs/examples/holdings-djt-etp-scenario.csv --policy-file docs/examples/holdings-policies.json --policy example-msci-etps-counted" })
        {
            Assert.Contains(quoted, doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Mara_WithAndWithoutReceivables()
    {
        // With: (4,048,604,913 + 1,979,873,087) / 9,153,377,000 = 6,028,478,000 / 9,153,377,000 = 0.658607 -> 65.86%, a DAT.
        Assert.Matches(@"MARA\s+2025-09-30\s+65\.86%\s+DAT", Out("screen", "--ticker", "MARA"));

        // Without: 4,048,604,913 / 9,153,377,000 = 0.442307 -> 44.23%, operating; the receivable named as excluded.
        string narrow = Out("screen", "--ticker", "MARA", "--policy-file", Policies, "--policy", "example-msci-receivables-excluded");
        Assert.Matches(@"MARA\s+2025-09-30\s+44\.23%\s+Operating", narrow);
        string json = Out("screen", "--ticker", "MARA", "--policy-file", Policies, "--policy", "example-msci-receivables-excluded", "--format", "json");
        Assert.Contains("crypto receivable 1,979,873,087 USD excluded.", json, StringComparison.Ordinal);

        // The diff: MARA alone changes, by treatment only.
        string diff = Out("diff", "--policy-file", Policies, "--from", "msci-2025-10-dat-proposal", "--to", "example-msci-receivables-excluded");
        Assert.Contains("1 of 32 issuers changes.", diff, StringComparison.Ordinal);
        Assert.Matches(@"MARA\s+2025-09-30\s+DAT -> Operating", diff);
    }

    [Fact]
    public void Riot_RestrictedCounted_AsBeforeTheSplit()
    {
        // (1,823,605,116 + 376,424,400) / 4,479,000,000 = 2,200,029,516 / 4,479,000,000 = 0.491188 -> 49.12%.
        Assert.Matches(@"RIOT\s+2025-09-30\s+49\.12%\s+Operating", Out("screen", "--ticker", "RIOT"));
    }

    [Fact]
    public void TrumpMedia_WithAndWithoutEtps()
    {
        // Excluded: 1,466,689,000 / 3,100,000,000 = 0.473125 -> 47.31%. Counted: 2,051,554,100 / 3,100,000,000 = 0.661792 -> 66.18%.
        Assert.Matches(@"DJT\s+2025-09-30\s+47\.31%\s+Operating", Out("screen", "--input", Djt));
        Assert.Matches(@"DJT\s+2025-09-30\s+66\.18%\s+DAT", Out("screen", "--input", Djt, "--policy-file", Policies, "--policy", "example-msci-etps-counted"));
    }

    [Fact]
    public void PolicyCountingCustomerCrypto_IsRefused_Exit2()
    {
        string file = Path.Combine(Path.GetTempPath(), $"customer-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, File.ReadAllText(Path.Combine(RepoFiles.Root(), Policies)).Replace("\"holdings\": { \"etp\": \"count\" }", "\"holdings\": { \"etp\": \"count\", \"customer\": \"count\" }", StringComparison.Ordinal));
        try
        {
            var r = CliRunner.Run("screen", "--policy-file", file, "--policy", "example-msci-etps-counted");

            Assert.Equal(2, r.ExitCode);
            Assert.Contains("$.policies[1].holdings.customer: customer crypto can never count", r.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
