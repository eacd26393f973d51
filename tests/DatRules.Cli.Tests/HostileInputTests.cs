using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using DatRules.Cli;
using DatRules.Cli.Commands;

namespace DatRules.Cli.Tests;

/// <summary>Issue 14: hostile input and a new user's first hour, at the command line.</summary>
public partial class HostileInputTests
{
    private const string Overflow = "a result is too large for exact decimal arithmetic (above 7.9e28); check the input's units and magnitudes.";

    private static readonly Command Root = CliApp.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, NodaTime.SystemClock.Instance));

    public static TheoryData<string> CommandsWithFormat => new(Root.Subcommands.Where(c => c.Options.Any(o => o.Name == "--format")).Select(c => c.Name));

    [Fact]
    public void Help_Root_NamesTheToolNotTheAssembly()
    {
        var result = CliRunner.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:\n  datrules [command] [options]", result.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("DatRules.Cli", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Subcommand_NamesTheToolNotTheAssembly()
    {
        var result = CliRunner.Run("screen", "--help");

        Assert.Contains("Usage:\n  datrules screen [options]", result.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("DatRules.Cli", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_FormatOption_ShowsTheValuesAsTyped()
    {
        var result = CliRunner.Run("headroom", "--help");

        Assert.Contains("--format <table|json|csv>", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("OutputFormat", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scren", "Did you mean 'screen' instead of 'scren'?")]
    [InlineData("polices", "Did you mean 'policies' instead of 'polices'?")]
    [InlineData("hedroom", "Did you mean 'headroom' instead of 'hedroom'?")]
    public void Run_MistypedCommand_SuggestsTheClosest(string typo, string expected)
    {
        var result = CliRunner.Run(typo);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal($"error: Unrecognized command or argument '{typo}'.\n{expected}\nRun 'datrules --help' for usage.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("screen", "--fromat", "Did you mean '--format' instead of '--fromat'?")]
    [InlineData("screen", "--treshold", "Did you mean '--threshold' instead of '--treshold'?")]
    [InlineData("outflow", "--scenarios", "Did you mean '--scenario' instead of '--scenarios'?")]
    public void Run_MistypedOption_SuggestsTheClosest(string command, string typo, string expected)
    {
        var result = CliRunner.Run(command, typo, "x");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(expected + "\n", result.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.EndsWith($"Run 'datrules {command} --help' for usage.\n", result.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FarFromAnyName_NoSuggestion()
    {
        var result = CliRunner.Run("zzzzzzzzzz");

        Assert.DoesNotContain("Did you mean", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CommandsWithFormat))]
    public void Run_FormatXml_SaysWhatIsAllowedWithoutTypeNames(string command)
    {
        var result = CliRunner.Run(command, "--format", "xml");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        // screen also writes xlsx and parquet (with --out); the other commands only text formats.
        string allowed = command == "screen" ? "table, json, csv, xlsx, parquet" : "table, json, csv";
        Assert.Equal($"error: --format 'xml' is not one of {allowed}.\nRun 'datrules {command} --help' for usage.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("headroom", "--threshold", "abc", "error: --threshold 'abc' is not a number (e.g. 50 or 0.05).")]
    [InlineData("outflow", "--days", "x", "error: Cannot parse argument 'x' for option '--days' as a whole number.")]
    [InlineData("outflow", "--sigma", "5%", "error: --sigma '5%' is not a number (e.g. 50 or 0.05).")]
    [InlineData("headroom", "--threshold", "50.00000000000000000000000000001", "error: --threshold '50.00000000000000000000000000001' has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28).")]
    [InlineData("outflow", "--sigma", "0.050000000000000000000000000001", "error: --sigma '0.050000000000000000000000000001' has more digits or a larger magnitude than a decimal holds exactly (28 significant digits, below 7.9e28).")]
    public void Run_TypedOptionNotParsable_NoInternalTypeName(string command, string option, string value, string expected)
    {
        var result = CliRunner.Run(command, option, value);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal($"{expected}\nRun 'datrules {command} --help' for usage.\n", result.Error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Every option of every command given hostile values: exit 0 or 2, never an internal error (exit 1).</summary>
    [Fact]
    public void Run_EveryOptionWithHostileValues_NeverAnInternalError()
    {
        string[] values = [string.Empty, " ", "-1", "0", "1e400", "99999999999999999999999999999999", "\u0001", "../", "2026-02-30"];
        var failures = new List<string>();
        foreach (var command in Root.Subcommands)
        {
            foreach (var option in command.Options.Where(o => o.Arity.MaximumNumberOfValues > 0))
            {
                foreach (string value in values)
                {
                    string[] args = command.Name == "chart" ? ["chart", "ratio", option.Name, value] : [command.Name, option.Name, value];
                    var result = CliRunner.Run(args);
                    if (result.ExitCode is not (ExitCodes.Ok or ExitCodes.BadInput) || result.Error.Contains("internal error", StringComparison.Ordinal))
                    {
                        failures.Add($"{string.Join(' ', args.Select(a => $"'{a}'"))} -> {result.ExitCode}: {result.Error.Trim()}");
                    }
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("screen")]
    [InlineData("diff")]
    public void Run_BlankProvider_UsageErrorNamingTheProviders(string command)
    {
        string[] args = command == "diff" ? ["diff", "--provider", "", "--date", "2025-01-01", "--vs-date", "2026-03-02"] : ["screen", "--provider", ""];

        var result = CliRunner.Run(args);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal("error: --provider must name an index provider; known providers: MSCI, Nasdaq, FTSE Russell, US Investment Company Act (analogy), US PFIC (analogy).\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Chart_OutIsADirectory_UsageError()
    {
        string dir = Directory.CreateTempSubdirectory("datrules-chart-").FullName;

        var result = CliRunner.Run("chart", "ratio", "--out", dir);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal($"error: --out '{dir}' is a directory; name a file ending in .svg or .png.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Chart_OutIsADirectoryNamedLikeAnSvg_UsageError()
    {
        string dir = Directory.CreateTempSubdirectory("datrules-chart-").FullName + ".svg";
        Directory.CreateDirectory(dir);

        var result = CliRunner.Run("chart", "ratio", "--out", dir);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal($"error: --out '{dir}' is a directory; name a file ending in .svg or .png.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Chart_OutInAMissingDirectory_UsageError()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"datrules-missing-{Guid.NewGuid():N}");
        string file = Path.Combine(missing, "c.svg");

        var result = CliRunner.Run("chart", "ratio", "--out", file);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal($"error: --out '{file}': directory '{missing}' does not exist.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Chart_Ratio_DatesOnTheAxisAreIso()
    {
        string file = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.svg");

        var result = CliRunner.Run("chart", "ratio", "--out", file);

        Assert.Equal(0, result.ExitCode);
        string svg = File.ReadAllText(file);
        Assert.Matches(@">\s*2025-01-01\s*</text>", svg);
        Assert.DoesNotMatch(UsDate(), svg);
    }

    [Fact]
    public void RunProcess_StandardOutputFull_ExitTwoWithAMessage()
    {
        using var stderr = new StringWriter();

        int code = CliApp.RunProcess(["policies"], new FullStream(), stderr);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("error: cannot write standard output: No space left on device\n", stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void RunProcess_StandardOutputWritable_WritesAndExitsZero()
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();

        int code = CliApp.RunProcess(["policies", "--format", "csv"], stdout, stderr);

        Assert.Equal(0, code);
        Assert.StartsWith("id,provider,", Encoding.UTF8.GetString(stdout.ToArray()), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public void Headroom_ResultBeyondDecimal_ExitTwoNamingTheTicker()
    {
        // 28 significant digits, the most the reader accepts (29 are an input error, see the snapshot reader's tests):
        // a break-even price of 7.9e27 / 1e-27 cannot be held exactly.
        string csv = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd,asset,units\nX,2025-09-30,0.000000000000000000000000001,7922816251426433759354395033,BTC,0.000000000000000000000000001\n");

        var result = CliRunner.Run("headroom", "--input", csv);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal($"error: the headroom of X (2025-09-30): {Overflow}\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Sensitivity_ResultBeyondDecimal_ExitTwo()
    {
        string csv = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd\nX,2025-09-30,50000000000000000000000000000,70000000000000000000000000000\n");

        var result = CliRunner.Run("sensitivity", "--input", csv);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal($"error: the sensitivity grid: {Overflow}\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ChartSensitivity_ResultBeyondDecimal_ExitTwo()
    {
        string csv = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd\nX,2025-09-30,50000000000000000000000000000,70000000000000000000000000000\n");

        var result = CliRunner.Run("chart", "sensitivity", "--input", csv, "--out", Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.svg"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal($"error: {Overflow}\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Outflow_ResultBeyondDecimal_ExitTwoNamingTheTicker()
    {
        string csv = CliRunner.TempCsv("ticker,index_family,provider,as_of,source,price,adv_shares,holding_usd\nX,MSCI ACWI,MSCI,2025-11-20,test,0.0000000001,1,7922816251426433759354395033\n");

        var result = CliRunner.Run("outflow", "--input", csv);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal($"error: the outflow of X: {Overflow}\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Outflow_ScenarioNamesDifferingOnlyInCase_ExitTwoWithThePath()
    {
        string file = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "scenarios": [ { "name": "Exclude", "probability": 0.5, "acting": ["MSCI"] }, { "name": "EXCLUDE", "probability": 0.5, "acting": [] } ] }""");

        var result = CliRunner.Run("outflow", "--scenario", file);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal($"error: {Path.GetFileName(file)}: $.scenarios[1].name: 'EXCLUDE' is already the name of $.scenarios[0] (names are compared ignoring case)\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Outflow_NoVolatility_ExplainsImpactNa()
    {
        var result = CliRunner.Run("outflow");

        Assert.Contains("n/a", result.Out, StringComparison.Ordinal);
        Assert.Contains(
            "Impact n/a: the input has no daily volatility for that ticker; give one with --sigma (e.g. --sigma 0.05),\na daily_volatility column in --input, or dailyVolatility in the --scenario file.\n",
            result.Out.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Outflow_WithSigma_NoHint()
    {
        var result = CliRunner.Run("outflow", "--sigma", "0.05");

        Assert.DoesNotContain("Impact n/a", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_OneCompany_SingularNoun()
    {
        string csv = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd\nX,2025-09-30,1,2\n");

        var result = CliRunner.Run("sensitivity", "--input", csv);

        Assert.StartsWith("DAT count of 1 company by coin-price move", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_OneChange_SingularVerb()
    {
        string csv = CliRunner.TempCsv("ticker,as_of,digital_assets_usd,total_assets_usd\nX,2025-09-30,1,2\n");

        var result = CliRunner.Run("diff", "--input", csv, "--from", "msci-gimi-baseline", "--to", "msci-2025-10-dat-proposal");

        Assert.Contains("\n1 of 1 issuer changes.\n", result.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policies")]
    [InlineData("policies", "--format", "json")]
    [InlineData("policies", "--format", "csv")]
    [InlineData("diff", "--date", "2025-01-01", "--vs-date", "2026-03-02")]
    [InlineData("diff", "--date", "2025-01-01", "--vs-date", "2026-03-02", "--format", "json")]
    [InlineData("history")]
    [InlineData("history", "--format", "csv")]
    public void Run_BaselinePolicy_NoDateFromBeforeTheCalendar(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("9999", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("-9998", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_FromBaseline_HeaderSaysInForceFromTheStart()
    {
        var result = CliRunner.Run("diff", "--date", "2025-01-01", "--vs-date", "2026-03-02");

        Assert.StartsWith(
            "from: msci-gimi-baseline (MSCI, Adopted, in force from the start)\nto:   msci-2026-01-dat-freeze (MSCI, Adopted, effective 2026-01-06)\n",
            result.Out.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    public static TheoryData<string, string> JsonFileOptions => new()
    {
        { "policies", "--policy-file" },
        { "diff", "--policy-file" },
        { "screen", "--policy-file" },
        { "outflow", "--scenario" },
    };

    [Theory]
    [MemberData(nameof(JsonFileOptions))]
    public void Run_JsonFileWithInvalidUtf8_UsageErrorNotSilentReplacement(string command, string option)
    {
        string file = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(file, [.. "{ \"policies\": [], \"x\": \""u8, 0xC3, 0x28, .. "\" }"u8]);
        string[] args = command == "diff" ? ["diff", option, file, "--from", "a", "--to", "b"] : [command, option, file];

        var result = CliRunner.Run(args);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal($"error: {option} '{Path.GetFileName(file)}': not valid UTF-8 text (invalid byte 0xC3); save the file as UTF-8.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Outflow_InputWithInvalidUtf8_UsageErrorNotSilentReplacement()
    {
        string file = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(file, [.. "ticker,index_family,provider,as_of,source,price,adv_shares,holding_usd\nMST"u8, 0xFF, .. ",MSCI,MSCI,2025-11-20,s,1,1,1\n"u8]);

        var result = CliRunner.Run("outflow", "--input", file);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        // The exposures reader uses DatRules.Data's tokenizer (issue 21): the snapshot CSV's UTF-8 rule and message, naming the line.
        Assert.Equal($"error: {Path.GetFileName(file)}: line 2: invalid UTF-8 (the file must be UTF-8 encoded; no character is replaced)\n", result.Error.ReplaceLineEndings("\n"));
    }

    [GeneratedRegex(@"\b\d{1,2}/\d{1,2}/\d{2,4}\b")]
    private static partial Regex UsDate();

    private sealed class FullStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => 0;

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override void Flush() => throw new IOException("No space left on device");

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
