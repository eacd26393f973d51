using DatRules.TestSupport;

namespace DatRules.Data.Tests.Readme;

/// <summary>Runs alone: the program writes in the current folder and prints on the console.</summary>
[Collection(nameof(RunsAlone))]
public sealed class ParquetDocExampleTests
{
    [Fact]
    public void The_docs_parquet_program_is_the_compiled_one()
    {
        string doc = RepoFiles.Normalize(File.ReadAllText(Path.Combine(RepoFiles.Root(), "docs", "cli.md")));
        string source = File.ReadAllText(Path.Combine(RepoFiles.Root(), "tests", "DatRules.Data.Tests", "Readme", "ParquetDocExample.cs"));
        string usings = RepoFiles.Normalize(string.Join('\n', source.Split('\n').TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal))));
        string compiled = RepoFiles.Normalize(RepoFiles.Between(source, "// snippet:start", "// snippet:end"));

        Assert.Contains("```csharp\n" + usings + "\n" + compiled + "\n```", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void The_docs_parquet_program_prints_what_the_doc_says()
    {
        // The CSV's one row: AAA's digital assets 50 (written as DECIMAL(18,2), read back as 50).
        string dir = Directory.CreateTempSubdirectory("datrules-doc-").FullName;
        string before = Directory.GetCurrentDirectory();
        var output = Console.Out;
        using var captured = new StringWriter();
        try
        {
            Directory.SetCurrentDirectory(dir);
            Console.SetOut(captured);
            ParquetDocExample.Run();
        }
        finally
        {
            Console.SetOut(output);
            Directory.SetCurrentDirectory(before);
            Directory.Delete(dir, recursive: true);
        }

        Assert.Equal("1 row; digital assets 50", captured.ToString().TrimEnd());
        Assert.Contains("It prints `1 row; digital assets 50`.", File.ReadAllText(Path.Combine(RepoFiles.Root(), "docs", "cli.md")), StringComparison.Ordinal);
    }
}
