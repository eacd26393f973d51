using DatRules.Policies;

namespace DatRules.DependencyInjection.Tests;

public class DependencyInjectionDocTests
{
    private static readonly string Doc = RepoFiles.Read("docs", "dependency-injection.md");

    [Theory]
    [InlineData("DependencyInjectionDocExample.cs")]
    [InlineData("DependencyInjectionDocOptionsExample.cs")]
    public void Doc_Example_IsTheCompiledExampleWithItsUsings(string file)
    {
        string source = RepoFiles.Read("tests", "DatRules.DependencyInjection.Tests", file);
        string usings = RepoFiles.Normalize(string.Join('\n', source.Split('\n').TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal))));
        string body = RepoFiles.Normalize(RepoFiles.Between(source, "// snippet:start", "// snippet:end"));

        Assert.Contains(usings + "\n" + body, RepoFiles.Normalize(Doc), StringComparison.Ordinal);
    }

    [Fact]
    public void Doc_NamesTheContainerPackage() =>
        Assert.Contains("dotnet add package Microsoft.Extensions.DependencyInjection\n", Doc.ReplaceLineEndings("\n"), StringComparison.Ordinal);

    [Fact]
    public void Doc_Program_ScreensUnderThePolicyInForce()
    {
        var decisions = DependencyInjectionDocExample.Run();

        Assert.All(decisions, d => Assert.Equal("msci-2026-01-dat-freeze", d.Policy.Id));
        Assert.Contains(decisions, d => d.Action is { } a && a != PolicyAction.None);
    }

    [Fact]
    public void Doc_OptionsExample_EveryScreeningOptionReachesTheEngine()
    {
        string file = Path.Combine(Path.GetTempPath(), $"datrules-doc-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, DatRulesServiceCollectionExtensionsTests.TeamPolicyJson);
        try
        {
            var options = DependencyInjectionDocOptionsExample.Run([file]);

            Assert.Equal((2, false), (options.MaxDegreeOfParallelism, options.UseRatioIndex));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Doc_OptionsExample_MissingPolicyFile_FailsOnStartNamingTheFullPath()
    {
        string file = Path.Combine(Path.GetTempPath(), $"datrules-doc-missing-{Guid.NewGuid():N}.json");

        var ex = Assert.Throws<DatRulesConfigurationException>(() => DependencyInjectionDocOptionsExample.Run([file]));

        Assert.Equal([$"{file}: policy file not found; check the path given to AddPolicyJsonFile (\"{file}\"), a relative path is resolved against the current directory"], ex.Failures);
    }
}
