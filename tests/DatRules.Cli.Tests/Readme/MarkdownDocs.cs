using System.Text.RegularExpressions;

namespace DatRules.Cli.Tests.Readme;

/// <summary>
/// The repository's Markdown docs (README.md and every <c>docs/**/*.md</c>, so docs added later are checked too) and
/// their fenced code blocks, each with the line it starts on.
/// </summary>
internal static partial class MarkdownDocs
{
    /// <summary>A fenced block: the doc (relative path), the 1-based line of its opening fence, its info string and text.</summary>
    internal sealed record Block(string Doc, int Line, string Language, string Text, bool IsFragment);

    /// <summary>The marker line that exempts the next C# block from being a complete program.</summary>
    internal const string FragmentMarker = "<!-- fragment -->";

    /// <summary>Every doc, relative to the repository root with '/' separators, in ordinal order.</summary>
    internal static IReadOnlyList<string> Files()
    {
        string root = RepoFiles.Root();
        return Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(root, "README.md"))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    internal static string[] Lines(string doc) =>
        File.ReadAllText(Path.Combine(RepoFiles.Root(), doc)).ReplaceLineEndings("\n").Split('\n');

    /// <summary>The fenced blocks of <paramref name="doc"/> (fences of three or more backticks, at any indentation).</summary>
    internal static IReadOnlyList<Block> Blocks(string doc)
    {
        string[] lines = Lines(doc);
        var blocks = new List<Block>();
        for (int i = 0; i < lines.Length; i++)
        {
            Match open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            string indent = open.Groups[1].Value, fence = open.Groups[2].Value, language = open.Groups[3].Value.Trim();
            int end = i + 1;
            while (end < lines.Length && !(lines[end].TrimStart().StartsWith(fence, StringComparison.Ordinal) && lines[end].Trim().Trim('`').Length == 0))
            {
                end++;
            }

            var body = lines[(i + 1)..Math.Min(end, lines.Length)].Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l.TrimStart());
            int previous = i - 1;
            while (previous >= 0 && lines[previous].Trim().Length == 0)
            {
                previous--;
            }

            bool fragment = previous >= 0 && lines[previous].Trim() == FragmentMarker;
            blocks.Add(new Block(doc, i + 1, language, string.Join('\n', body), fragment));
            i = end;
        }

        return blocks;
    }

    [GeneratedRegex(@"^(\s*)(`{3,})(.*)$")]
    private static partial Regex Fence();
}
