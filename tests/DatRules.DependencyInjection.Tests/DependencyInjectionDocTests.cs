using DatRules.Policies;

namespace DatRules.DependencyInjection.Tests;

public class DependencyInjectionDocTests
{
    private static readonly string Doc = RepoFiles.Read("docs", "dependency-injection.md");
    private static readonly string Source = RepoFiles.Read("tests", "DatRules.DependencyInjection.Tests", "DependencyInjectionDocExample.cs");

    [Fact]
    public void Doc_Program_IsTheCompiledExampleWithItsUsings()
    {
        string usings = RepoFiles.Normalize(string.Join('\n', Source.Split('\n').TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal))));
        string body = RepoFiles.Normalize(RepoFiles.Between(Source, "// snippet:start", "// snippet:end"));

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
}
