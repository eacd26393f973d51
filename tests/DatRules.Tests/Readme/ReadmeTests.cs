using DatRules.Classification;

namespace DatRules.Tests.Readme;

public class ReadmeTests
{
    [Fact]
    public void ReadmeSnippet_IsTheCompiledExample()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        string source = File.ReadAllText(Path.Combine(RepoRoot(), "tests", "DatRules.Tests", "Readme", "ReadmeExample.cs"));

        string usings = Normalize(string.Join('\n', source.Split('\n').TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal))));
        string compiled = Normalize(Between(source, "// snippet:start", "// snippet:end"));

        // As pasted into a console app: the usings, then the statements, in one block.
        Assert.Contains(usings + "\n" + compiled, Normalize(readme), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadmeSnippet_ClassifiesStrategyAsDat()
    {
        var result = ReadmeExample.Run();

        // 73,205,725,000 / 73,619,038,000 = 0.99439 (Strategy 10-Q, 30 Sep 2025).
        Assert.Equal(DatClassification.DigitalAssetTreasury, result.Classification);
        Assert.Equal(0.9943857865m, Math.Round(result.DigitalAssetRatio!.Value, 10));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DatRules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DatRules.sln not found above " + AppContext.BaseDirectory);
    }

    internal static string Between(string text, string start, string end)
    {
        int s = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[s..text.IndexOf(end, s, StringComparison.Ordinal)];
    }

    internal static string Normalize(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
