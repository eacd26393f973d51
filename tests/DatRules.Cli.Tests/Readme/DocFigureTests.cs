using System.Text.RegularExpressions;

namespace DatRules.Cli.Tests.Readme;

/// <summary>
/// Figures quoted in the docs are checked against the command that produces them. A doc puts a marker, an HTML comment
/// on one line, before the text that quotes a command's output:
/// <code>
/// &lt;!-- check: datrules diff --from A --to B | expect "16 of 32 issuers change" | expect "..." --&gt;
/// &lt;!-- check: datrules outflow --sigma 0.05 | expect-block --&gt;
/// </code>
/// The test runs the command in-process (as <see cref="DocsExamplesTests"/> runs the docs' examples: paths from the
/// repository root, <c>--out</c> to a temporary folder) and requires: exit 0; the command shown in the doc's visible
/// text (<c>datrules ...</c> or <c>dotnet run --project src/DatRules.Cli -- ...</c>); each <c>expect "text"</c> in
/// the command's output (standard output, then standard error) <b>and</b> in the doc between the marker and the next
/// heading (whitespace runs compared as one space, <c>`</c> and <c>**</c> ignored in the doc); with
/// <c>expect-block</c>, the next fenced block after the marker equal to the standard output line for line (trailing
/// spaces ignored). Markers in every doc (README.md, docs/**/*.md) are found, so new docs are checked once they add them.
/// </summary>
public partial class DocFigureTests
{
    internal sealed record Check(string Doc, int Line, string Command, IReadOnlyList<string> Expected, bool ExpectBlock);

    internal static IEnumerable<Check> Checks()
    {
        foreach (string doc in MarkdownDocs.Files())
        {
            string[] lines = MarkdownDocs.Lines(doc);
            for (int i = 0; i < lines.Length; i++)
            {
                Match m = Marker().Match(lines[i]);
                if (m.Success)
                {
                    yield return Parse(doc, i + 1, m.Groups[1].Value);
                }
            }
        }
    }

    internal static Check Parse(string doc, int line, string body)
    {
        string[] parts = body.Split(" | ", StringSplitOptions.TrimEntries);
        var expected = new List<string>();
        bool block = false;
        foreach (string part in parts[1..])
        {
            Match e = Expect().Match(part);
            if (e.Success)
            {
                expected.Add(e.Groups[1].Value);
            }
            else if (part == "expect-block")
            {
                block = true;
            }
            else
            {
                Assert.Fail($"{doc}:{line}: '{part}' is neither expect \"text\" nor expect-block");
            }
        }

        Assert.True(parts[0].StartsWith("datrules ", StringComparison.Ordinal), $"{doc}:{line}: a check runs a 'datrules ...' command; was '{parts[0]}'");
        Assert.True(expected.Count > 0 || block, $"{doc}:{line}: the check expects nothing");
        return new Check(doc, line, parts[0], expected, block);
    }

    public static TheoryData<string, int> Markers()
    {
        var data = new TheoryData<string, int>();
        foreach (var check in Checks())
        {
            data.Add(check.Doc, check.Line);
        }

        return data;
    }

    [Fact]
    public void Markers_AreFound() => Assert.True(Checks().Count() >= 8, "the docs' check markers were not found");

    [Theory]
    [MemberData(nameof(Markers))]
    public void QuotedFigures_AreWhatTheShownCommandPrints(string doc, int line)
    {
        var check = Checks().Single(c => c.Doc == doc && c.Line == line);
        string[] lines = MarkdownDocs.Lines(doc);
        string where = $"{doc}:{line}";

        string visible = HtmlComment().Replace(string.Join('\n', lines), string.Empty);
        string args = check.Command["datrules ".Length..];
        Assert.True(visible.Contains("datrules " + args, StringComparison.Ordinal) || visible.Contains("dotnet run --project src/DatRules.Cli -- " + args, StringComparison.Ordinal),
            $"{where}: the command '{check.Command}' is not shown in {doc} (the reader must see the command that gives the figures)");

        var result = CliRunner.Run(DocsExamplesTests.Arguments(check.Command));
        Assert.True(result.ExitCode == 0, $"{where}: '{check.Command}' exited {result.ExitCode}: {result.Error}");
        string output = Squash(result.Out + "\n" + result.Error);

        int next = Array.FindIndex(lines, line, l => l.StartsWith('#'));
        string section = Squash(string.Join('\n', lines[line..(next < 0 ? lines.Length : next)]).Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal));
        foreach (string figure in check.Expected)
        {
            Assert.True(output.Contains(Squash(figure), StringComparison.Ordinal), $"{where}: '{check.Command}' does not print \"{figure}\"; it prints:\n{result.Out}{result.Error}");
            Assert.True(section.Contains(Squash(figure), StringComparison.Ordinal), $"{where}: \"{figure}\" is checked but not quoted in the text after the marker (up to the next heading)");
        }

        if (check.ExpectBlock)
        {
            var block = MarkdownDocs.Blocks(doc).FirstOrDefault(b => b.Line > line) ?? throw new Xunit.Sdk.XunitException($"{where}: expect-block, but no fenced block follows");
            Assert.True(TrimLines(block.Text) == TrimLines(result.Out),
                $"{where}: the block at {doc}:{block.Line} is not what '{check.Command}' prints now:\n{result.Out}");
        }
    }

    [Fact]
    public void Parse_ReadsEveryExpectation()
    {
        var check = Parse("x.md", 3, "datrules diff --from a --to b | expect \"16 of 32 issuers change\" | expect \"MSTR\" | expect-block");

        Assert.Equal(("datrules diff --from a --to b", 2, true), (check.Command, check.Expected.Count, check.ExpectBlock));
        Assert.Equal("16 of 32 issuers change", check.Expected[0]);
    }

    private static string Squash(string text) => Whitespace().Replace(text, " ");

    private static string TrimLines(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    [GeneratedRegex(@"^\s*<!--\s*check:\s*(.+?)\s*-->\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex("^expect \"(.+)\"$")]
    private static partial Regex Expect();

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
