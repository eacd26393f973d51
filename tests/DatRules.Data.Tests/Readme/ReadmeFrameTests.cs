using DatRules.TestSupport;

namespace DatRules.Data.Tests.Readme;

public class ReadmeFrameTests
{
    [Fact]
    public void ReadmeFrameSnippet_IsTheCompiledExample()
    {
        string readme = File.ReadAllText(Path.Combine(RepoFiles.Root(), "README.md"));
        string source = File.ReadAllText(Path.Combine(RepoFiles.Root(), "tests", "DatRules.Data.Tests", "Readme", "ReadmeFrameExample.cs"));

        string usings = RepoFiles.Normalize(string.Join('\n', source.Split('\n').TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal))));
        string compiled = RepoFiles.Normalize(RepoFiles.Between(source, "// snippet:start", "// snippet:end"));

        Assert.Contains(usings + "\nstring path = \"universe.csv\";\n" + compiled, RepoFiles.Normalize(readme), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadmeFrameSnippet_OnTheReadmeFile_GivesTheStatedCounts()
    {
        string path = Path.Combine(Path.GetTempPath(), $"readme-frame-{Guid.NewGuid():N}.csv");
        try
        {
            // The README's universe.csv: AAA's 30 Jun sheet (filed 1 Aug) is exactly 50% -> DAT under the inclusive bound;
            // AAA's 30 Sep sheet was filed 3 Nov (not known on 10 Oct); BBB is 49.99% -> operating. Baseline -> proposal:
            // only AAA changes. So: 3 rows, 2 known, 1 DAT, 1 change.
            string readme = File.ReadAllText(Path.Combine(RepoFiles.Root(), "README.md"));
            File.WriteAllText(path, RepoFiles.Between(readme, "```csv\n", "```"));

            Assert.Equal((3, 2, 1, 1), ReadmeFrameExample.Run(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
