using System.Diagnostics;
using System.Text;
using DatRules.Data;
using DatRules.TestSupport;

namespace DatRules.Cli.Tests.Commands;

/// <summary>Issue 22: output files written atomically, never over an input; a closed standard output is an error.</summary>
public sealed class OutputFilesTests
{
    private static readonly string Facts = SecFixtures.PathOf("CIK0001050446.json");

    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"datrules-out-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void ImportOut_SameFileAsInput_RefusedBeforeReading()
    {
        string dir = TempDir();
        string input = Path.Combine(dir, "facts.json");
        File.Copy(Facts, input);
        byte[] before = File.ReadAllBytes(input);

        var r = CliRunner.Run("import", "sec", "--companyfacts", input, "--out", input);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: --out {input} is also the input --companyfacts {input}: writing it would destroy what is read; choose another file.\n", r.Error.ReplaceLineEndings("\n"));
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void ImportOut_InputThroughSymlinkOrRelativePath_Refused()
    {
        string dir = TempDir();
        string input = Path.Combine(dir, "facts.json");
        File.Copy(Facts, input);
        string link = Path.Combine(dir, "link.json");
        File.CreateSymbolicLink(link, input);
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        byte[] before = File.ReadAllBytes(input);

        var viaLink = CliRunner.Run("import", "sec", "--companyfacts", input, "--out", link);
        var viaDots = CliRunner.Run("import", "sec", "--companyfacts", Path.Combine(dir, "sub", "..", "facts.json"), "--out", input);
        var viaFolder = CliRunner.Run("import", "sec", "--companyfacts", dir, "--out", input);

        Assert.Equal((2, 2, 2), (viaLink.ExitCode, viaDots.ExitCode, viaFolder.ExitCode));
        Assert.Contains("writing it would destroy what is read", viaLink.Error, StringComparison.Ordinal);
        Assert.Contains("is a file of the input --companyfacts", viaFolder.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void ImportOut_ReplacesTheTargetByRename_NotInPlace()
    {
        // A hard link shares the old file's content: written in place, both names would show the new CSV; renamed over,
        // the link keeps the old content (what a reader holding the old file sees), and no temporary file is left.
        if (OperatingSystem.IsWindows())
        {
            return; // ln is a Unix tool
        }

        string dir = TempDir();
        string target = Path.Combine(dir, "out.csv"), alias = Path.Combine(dir, "alias.csv");
        File.WriteAllText(target, "old\n");
        using (var ln = Process.Start("ln", [target, alias]))
        {
            ln.WaitForExit();
        }

        var r = CliRunner.Run("import", "sec", "--companyfacts", Facts, "--out", target);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("old\n", File.ReadAllText(alias));
        Assert.StartsWith("ticker,", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(["alias.csv", "out.csv"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ImportOut_FailingImport_LeavesTheOldTarget()
    {
        string dir = TempDir();
        string target = Path.Combine(dir, "out.csv");
        File.WriteAllText(target, "old\n");
        string bad = CliRunner.TempCsv("""{"cik":1,"facts":{"us-gaap":{"Assets":{"units":{"USD":[{"end":"2025-03-31"}]}}}}}""");

        var r = CliRunner.Run("import", "sec", "--companyfacts", bad, "--out", target);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("old\n", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void Import_NoRows_WritesTheHeaderAndSaysZeroRows()
    {
        string empty = CliRunner.TempCsv("""{"cik":1,"entityName":"EMPTY CO","facts":{}}""");

        var r = CliRunner.Run("import", "sec", "--companyfacts", empty);

        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Out.TrimEnd().Split('\n');
        string header = Assert.Single(lines);
        foreach (string column in new[] { "ticker", "name", "as_of", "currency", "digital_assets_usd", "total_assets_usd", "cash_and_equivalents", "operating_income_quarter", "cik", "filed", "accession", "form", "concepts", "source" })
        {
            Assert.Contains(column, header.Split(','));
        }

        Assert.StartsWith("imported 0 rows (header only): 0 balance sheets of 0 filers", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NoRows_WithOut_WritesTheHeaderToTheFileAndSaysZeroRows()
    {
        // A filer with no facts: no balance sheet, so the file holds the header line alone (never 0 bytes), and the
        // summary on standard output says "0 rows" and names the file.
        string empty = CliRunner.TempCsv("""{"cik":1,"entityName":"EMPTY CO","facts":{}}""");
        string dir = Directory.CreateTempSubdirectory("datrules-import-").FullName;
        string target = Path.Combine(dir, "snapshots.csv");

        var r = CliRunner.Run("import", "sec", "--companyfacts", empty, "--out", target);

        Assert.Equal(0, r.ExitCode);
        string written = File.ReadAllText(target);
        Assert.EndsWith("\n", written, StringComparison.Ordinal);
        string header = Assert.Single(written.TrimEnd().Split('\n'));
        Assert.StartsWith("ticker,as_of,digital_assets_usd,total_assets_usd,", header, StringComparison.Ordinal);
        Assert.StartsWith("imported 0 rows (header only): 0 balance sheets of 0 filers", r.Out, StringComparison.Ordinal);
        Assert.Contains(" to snapshots.csv.", r.Out, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(dir));   // the temporary file was renamed over the target, none left behind
    }

    [Fact]
    public void Import_WrittenThroughSnapshotFrame_ProvenanceReadsBack()
    {
        var r = CliRunner.Run("import", "sec", "--companyfacts", Facts);
        Assert.Equal(0, r.ExitCode);

        var frame = SnapshotFrame.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(r.Out)));

        // The 10-Q of 2020-09-30 (the row ImportCommandTests checks column by column).
        var q3 = frame.ToSnapshots().Single(s => s.Provenance?.Accession?.ToString() == "0001564590-20-047995" && s.AsOf == new NodaTime.LocalDate(2020, 9, 30));
        Assert.Equal(("CIK0001050446", "MICROSTRATEGY Inc", "USD", 380_758_000m, (decimal?)772_905_000m), (q3.Issuer.Ticker, q3.Issuer.Name, q3.Currency.Code, q3.DigitalAssets, q3.TotalAssets));
        var p = q3.Provenance!;
        Assert.Equal((1050446L, new NodaTime.LocalDate(2020, 10, 27), "10-Q"), (p.Cik!.Value, p.Filed!.Value, p.Form));
        Assert.Equal(["us-gaap:Assets", "us-gaap:IndefiniteLivedIntangibleAssetsExcludingGoodwill"], p.Concepts);
        Assert.StartsWith("sec-companyfacts CIK0001050446.json", p.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedPipe_ExitTwoWithOneLineOnStandardError()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // EPIPE is Unix's
        }

        // 100,000 rows of CSV (about 5 MB of output): far more than a pipe holds, so writes go on after the reader closes.
        var csv = new StringBuilder("ticker,as_of,digital_assets_usd,total_assets_usd\n");
        for (int i = 0; i < 100_000; i++)
        {
            csv.Append('T').Append(i).Append(",2025-06-30,").Append(i % 100).Append(",100\n");
        }

        string input = CliRunner.TempCsv(csv.ToString());
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "DatRules.Cli"), ["screen", "--input", input, "--format", "csv"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string? first = process.StandardOutput.ReadLine();
        process.StandardOutput.Close();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(120)));

        Assert.StartsWith("ticker,", first, StringComparison.Ordinal);
        Assert.Equal(2, process.ExitCode);
        Assert.Equal("error: cannot write standard output: Broken pipe\n", (await error).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void RunProcess_WriteFailsMidCommand_OneLineExitTwo()
    {
        using var stderr = new StringWriter();

        int code = DatRules.Cli.CliApp.RunProcess(["screen", "--format", "csv"], new BrokenPipe(), stderr);

        Assert.Equal(2, code);
        Assert.Equal("error: cannot write standard output: Broken pipe\n", stderr.ToString().ReplaceLineEndings("\n"));
    }

    private sealed class BrokenPipe : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => 0;

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override void Flush() => throw new IOException("Broken pipe");

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("Broken pipe");

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
