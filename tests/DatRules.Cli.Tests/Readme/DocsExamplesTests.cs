using System.Text;
using System.Text.RegularExpressions;

namespace DatRules.Cli.Tests.Readme;

/// <summary>
/// Runs every command example of docs/*.md and README.md as written: each line of a <c>```bash</c> block that starts
/// with <c>datrules</c> or <c>dotnet run --project src/DatRules.Cli --</c>, through the in-process CLI, from the
/// repository root (relative paths resolve there; <c>--out</c> files go to a temporary folder so the docs' pictures
/// are not overwritten). Examples that cannot run here are listed in <see cref="Skipped"/> with the reason; an
/// unlisted example that cannot run fails.
/// </summary>
public partial class DocsExamplesTests
{
    /// <summary>Examples not run, each with why (none at present: every example names files that exist).</summary>
    private static readonly Dictionary<string, string> Skipped = new(StringComparer.Ordinal);

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        string root = RepoFiles.Root();
        var files = Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md")).Order(StringComparer.Ordinal);
        foreach (string file in files)
        {
            foreach (Match block in BashBlock().Matches(File.ReadAllText(file)))
            {
                foreach (string line in block.Groups[1].Value.Split('\n').Select(l => l.Trim()))
                {
                    if (line.StartsWith("datrules", StringComparison.Ordinal) || line.StartsWith(DotnetRun, StringComparison.Ordinal))
                    {
                        data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'), line);
                    }
                }
            }
        }

        return data;
    }

    private const string DotnetRun = "dotnet run --project src/DatRules.Cli --";

    [Fact]
    public void Examples_AreFound() => Assert.True(Examples().Count >= 10, "the docs' bash blocks were not found");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_RunAsWritten_Succeeds(string doc, string line)
    {
        if (Skipped.ContainsKey(line))
        {
            return;
        }

        string[] args = Arguments(line);
        var result = CliRunner.Run(args);

        Assert.True(result.ExitCode == 0, $"{doc}: '{line}' exited {result.ExitCode}: {result.Error}");
        // The examples run on today's clock: the embedded balance sheets grow older than 200 days, which a screen warns about.
        Assert.Equal(string.Empty, System.Text.RegularExpressions.Regex.Replace(result.Error, @"^warning: \d+ balance sheets? (are|is) more than 200 days old \(oldest: [^\n]*\)\r?\n", string.Empty, System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.NotEqual(string.Empty, result.Out);
    }

    [Fact]
    public void Skipped_EveryEntryIsAnExampleOfTheDocs()
    {
        var lines = Examples().Select(row => (string)row[1]).ToHashSet(StringComparer.Ordinal);

        Assert.All(Skipped.Keys, k => Assert.Contains(k, lines));
    }

    /// <summary>The arguments after the program, shell-split; relative paths that exist resolve from the repository root.</summary>
    internal static string[] Arguments(string line)
    {
        string command = line.StartsWith(DotnetRun, StringComparison.Ordinal) ? line[DotnetRun.Length..] : line["datrules".Length..];
        var args = Split(StripComment(command));
        foreach (string a in args)
        {
            Assert.False(a.StartsWith('[') || a.StartsWith('<') || a.Contains('|', StringComparison.Ordinal), $"'{line}' is not runnable as written: '{a}' is a placeholder");
        }

        string root = RepoFiles.Root();
        for (int i = 0; i < args.Count; i++)
        {
            if (i > 0 && args[i - 1] is "--out" or "-o")
            {
                args[i] = Path.Combine(Directory.CreateTempSubdirectory("datrules-docs-").FullName, Path.GetFileName(args[i]));
            }
            else if (!args[i].StartsWith('-') && Path.Exists(Path.Combine(root, args[i])))
            {
                args[i] = Path.Combine(root, args[i]);
            }
        }

        return [.. args];
    }

    private static string StripComment(string command)
    {
        int hash = command.IndexOf(" #", StringComparison.Ordinal);
        return hash >= 0 ? command[..hash] : command;
    }

    private static List<string> Split(string command)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        bool inArg = false;
        char quote = '\0';
        foreach (char c in command)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inArg = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inArg)
                {
                    args.Add(current.ToString());
                    current.Clear();
                    inArg = false;
                }
            }
            else
            {
                current.Append(c);
                inArg = true;
            }
        }

        if (inArg)
        {
            args.Add(current.ToString());
        }

        return args;
    }

    [GeneratedRegex("```bash\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
