using System.Text.RegularExpressions;

namespace DatRules.Cli.Tests.Readme;

/// <summary>
/// Every picture of the docs (an .svg, .png or .jpg under docs/) is made by one script, eng/regenerate-docs.sh: a line
/// of it writes the picture with <c>--out docs/...</c>, so one run brings every picture up to date.
/// </summary>
public partial class DocPicturesTests
{
    private static readonly string Script = RepoFiles.Read("eng", "regenerate-docs.sh");

    public static TheoryData<string> Pictures()
    {
        string root = RepoFiles.Root();
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(root, "docs"), "*", SearchOption.AllDirectories)
                     .Where(f => Path.GetExtension(f) is ".svg" or ".png" or ".jpg")
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void Pictures_AreFound() => Assert.True(Pictures().Count >= 3, "the docs' pictures were not found");

    [Theory]
    [MemberData(nameof(Pictures))]
    public void Picture_IsMadeByTheRegenerateScript(string picture) =>
        Assert.True(OutArgument().Matches(Script).Any(m => m.Groups[1].Value == picture),
            $"{picture} is made by no line of eng/regenerate-docs.sh (add the command that writes it, with --out {picture})");

    [Fact]
    public void EveryPictureTheScriptMakes_IsShownByADoc()
    {
        string docs = string.Join('\n', MarkdownDocs.Files().Select(d => File.ReadAllText(Path.Combine(RepoFiles.Root(), d))));

        Assert.All(OutArgument().Matches(Script).Select(m => m.Groups[1].Value),
            p => Assert.Contains(p["docs/".Length..], docs, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"--out\s+(docs/\S+)")]
    private static partial Regex OutArgument();
}
