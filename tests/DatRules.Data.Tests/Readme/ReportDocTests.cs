using System.Text.RegularExpressions;

namespace DatRules.Data.Tests.Readme;

public class ReportDocTests
{
    private static string Doc() => File.ReadAllText(Path.Combine(RepoFiles.Root(), "docs", "report.md"));

    [Fact]
    public void The_docs_program_is_the_compiled_example()
    {
        string source = File.ReadAllText(Path.Combine(RepoFiles.Root(), "tests", "DatRules.Data.Tests", "Readme", "ReportDocExample.cs"));
        string usings = RepoFiles.Normalize(string.Join('\n', source.Split('\n').TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal))));
        string compiled = RepoFiles.Normalize(RepoFiles.Between(source, "// snippet:start", "// snippet:end"));
        Assert.Contains(usings + "\nstring path = \"universe.csv\";\nstring output = \"report.html\";\n" + compiled, RepoFiles.Normalize(Doc()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_docs_program_on_the_readmes_file_gives_the_stated_output()
    {
        // The README's universe.csv under msci-2026-01-dat-freeze: AAA's 30 Jun sheet is exactly 50% (a DAT: the bound is
        // inclusive), AAA's 30 Sep sheet 40% and BBB 49.99% are operating. The proposal tests the same 50%, so no
        // classification changes; only the DAT's action does (FreezeShareIncreases... -> Exclude): 3 rows, 1 change.
        string folder = Directory.CreateTempSubdirectory("datrules-report-doc-").FullName;
        try
        {
            string csv = Path.Combine(folder, "universe.csv"), html = Path.Combine(folder, "report.html");
            File.WriteAllText(csv, RepoFiles.Between(File.ReadAllText(Path.Combine(RepoFiles.Root(), "README.md")), "```csv\n", "```"));
            Assert.Equal((3, 1), ReportDocExample.Run(csv, html));
            Assert.Contains("prints `3 rows; 1 change under msci-2025-10-dat-proposal`", RepoFiles.Normalize(Doc()), StringComparison.Ordinal);
            Assert.Equal(3, Regex.Count(File.ReadAllText(html), "<tr class=\"row-"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
