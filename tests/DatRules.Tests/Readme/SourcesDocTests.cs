using System.Text.RegularExpressions;
using DatRules.Policies;

namespace DatRules.Tests.Readme;

/// <summary>docs/sources.md cites public documents and files of this repository only (issue 14).</summary>
public partial class SourcesDocTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(RepoFiles.Root(), "docs", "sources.md"));

    [Fact]
    public void Sources_EveryCitedPathIsInTheRepository()
    {
        var paths = CodePath().Matches(Text).Select(m => m.Groups[1].Value).Where(p => p.Contains('/', StringComparison.Ordinal) || p.Contains('.', StringComparison.Ordinal) && p.EndsWith(".md", StringComparison.Ordinal)).ToList();
        var links = RelativeLink().Matches(Text).Select(m => Path.Combine("docs", m.Groups[1].Value.Split('#')[0]));

        Assert.All(paths.Concat(links), p => Assert.True(File.Exists(Path.Combine(RepoFiles.Root(), p)), $"{p} is not a file of the repository"));
    }

    [Theory]
    [InlineData("shared/")]
    [InlineData(".txt")]
    [InlineData("project input")]
    public void Sources_NoFileOutsideTheRepository(string marker) => Assert.DoesNotContain(marker, Text, StringComparison.Ordinal);

    [Fact]
    public void MsciJan2026Decision_CitesMsciNotAPressPage()
    {
        var source = BuiltInPolicies.MsciDatFreeze.Source;

        Assert.Equal("MSCI", source.Publisher);
        Assert.True(source.Url is null || source.Url.Host.EndsWith("msci.com", StringComparison.Ordinal), source.Url?.ToString());
    }

    [Fact]
    public void ScenarioPolicies_LinkTheirSource() =>
        Assert.All(BuiltInPolicies.All.Where(p => p.Status == PolicyStatus.Scenario), p => Assert.NotNull(p.Source.Url));

    [GeneratedRegex(@"`([A-Za-z0-9_./-]+\.(?:cs|md|json|csv|py|sh|txt))`")]
    private static partial Regex CodePath();

    [GeneratedRegex(@"\]\(((?!https?:)[^)]+)\)")]
    private static partial Regex RelativeLink();
}
