using DatRules.Classification;

namespace DatRules.Tests.Readme;

public class ReadmeTests
{
    [Fact]
    public void ReadmeSnippet_IsTheCompiledExample()
    {
        string readme = File.ReadAllText(Path.Combine(RepoFiles.Root(), "README.md"));
        string source = File.ReadAllText(Path.Combine(RepoFiles.Root(), "tests", "DatRules.Tests", "Readme", "ReadmeExample.cs"));

        string usings = RepoFiles.Normalize(string.Join('\n', source.Split('\n').TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal))));
        string compiled = RepoFiles.Normalize(RepoFiles.Between(source, "// snippet:start", "// snippet:end"));

        // As pasted into a console app: the usings, then the statements, in one block.
        Assert.Contains(usings + "\n" + compiled, RepoFiles.Normalize(readme), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadmeSnippet_ClassifiesStrategyAsDat()
    {
        var result = ReadmeExample.Run();

        // 73,205,725,000 / 73,619,038,000 = 0.99439 (Strategy 10-Q, 30 Sep 2025).
        Assert.Equal(DatClassification.DigitalAssetTreasury, result.Classification);
        Assert.Equal(0.9943857865m, Math.Round(result.DigitalAssetRatio!.Value, 10));
    }
}
