using System.IO.Compression;
using System.Text;

namespace DatRules.Cli.Tests.Commands;

/// <summary>Issue 22 through the CLI: a hostile SEC file is exit code 2 with the library's message, never an internal error.</summary>
public sealed class HostileSecImportCommandTests
{
    [Fact]
    public void ImportCompanyFacts_UnpairedSurrogate_ExitTwoNamingFileAndPath()
    {
        string bad = CliRunner.TempCsv("""{"cik":1,"entityName":"\ud800","facts":{}}""");

        var r = CliRunner.Run("import", "sec", "--companyfacts", bad);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {Path.GetFileName(bad)}: $.entityName: not valid text: the string escapes an unpaired UTF-16 surrogate", r.Error.TrimEnd());
    }

    [Fact]
    public void ImportTickers_DuplicateKey_ExitTwoNamingPath()
    {
        string cf = SecFixtures.PathOf("CIK0001050446.json");
        string tickers = CliRunner.TempCsv("""{"0":{"cik_str":1,"ticker":"A"},"0":{"cik_str":2,"ticker":"B"}}""");

        var r = CliRunner.Run("import", "sec", "--companyfacts", cf, "--tickers", tickers);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {Path.GetFileName(tickers)}: $['0']: duplicate key (a JSON object names each key once)", r.Error.TrimEnd());
    }

    [Fact]
    public void ImportFsds_TwoMillionColumnHeader_ExitTwoNamingLine()
    {
        var num = new StringBuilder(SecFixtures.NumHeader);
        for (int i = 0; i < 2_000_000; i++)
        {
            num.Append("\tx");
        }

        num.Append("\n0001628280-25-003063\tAssets\tus-gaap/2024\t20241231\t0\tUSD\t\t\t1\t\n");
        string zip = SecFixtures.ZipFile(FsdsSample.Sub(), num.ToString());

        var r = CliRunner.Run("import", "sec", "--fsds", zip);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {Path.GetFileName(zip)}!num.txt: line 1: a line longer than 1048576 bytes (a real line is under 2 KB): not a Financial Statement Data Sets file", r.Error.TrimEnd());
    }

    [Fact]
    public void ImportFsds_TwoSubTxt_ExitTwoNamingArchive()
    {
        string path = Path.Combine(Path.GetTempPath(), $"datrules-fsds-{Guid.NewGuid():N}.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var (name, text) in new[] { ("sub.txt", FsdsSample.Sub()), ("num.txt", FsdsSample.Num()), ("old/sub.txt", FsdsSample.Sub()) })
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(text);
            }
        }

        var r = CliRunner.Run("import", "sec", "--fsds", path);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: {Path.GetFileName(path)}: archive: 2 entries named sub.txt (sub.txt, old/sub.txt); a Financial Statement Data Sets zip holds exactly one sub.txt at its root", r.Error.TrimEnd());
    }

    [Fact]
    public void ScreenPolicyFile_IdConfusableWithBuiltIn_ExitTwoNamingBoth()
    {
        string json = PolicyExamples.WithId("msci-2026-01-d\u0430t-freeze");
        string path = CliRunner.TempCsv(json);

        var r = CliRunner.Run("screen", "--policy-file", path);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("$.policies[0].id: 'msci-2026-01-d\u0430t-freeze' is confusable with the built-in id 'msci-2026-01-dat-freeze'", r.Error, StringComparison.Ordinal);
    }
}
