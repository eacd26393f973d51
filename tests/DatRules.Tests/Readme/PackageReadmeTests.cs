using System.Text.RegularExpressions;

namespace DatRules.Tests.Readme;

public partial class PackageReadmeTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(RepoFiles.Root(), "eng", "nuget-readme.md"));

    [Fact]
    public void PackageReadme_EveryLinkIsAbsolute() =>
        Assert.All(Link().Matches(Text).Select(m => m.Groups[1].Value), url => Assert.StartsWith("https://", url, StringComparison.Ordinal));

    [Fact]
    public void PackageReadme_EveryRepositoryLinkNamesAFileThatExists()
    {
        const string Blob = "https://github.com/datrules/datrules/blob/main/";
        var paths = Link().Matches(Text).Select(m => m.Groups[1].Value).Where(u => u.StartsWith(Blob, StringComparison.Ordinal)).Select(u => u[Blob.Length..].Split('#')[0]).ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.True(File.Exists(Path.Combine(RepoFiles.Root(), p)), p));
    }

    [Fact]
    public void PackageReadme_IsWhatThePackagesPack()
    {
        string targets = File.ReadAllText(Path.Combine(RepoFiles.Root(), "Directory.Build.targets"));

        Assert.Contains("eng/nuget-readme.md\" Pack=\"true\" PackagePath=\"\\README.md\"", targets, StringComparison.Ordinal);
    }

    [Fact]
    public void PackageReadme_CodeIsTheReadmeProgram()
    {
        string readme = File.ReadAllText(Path.Combine(RepoFiles.Root(), "README.md"));
        string code = Text[(Text.IndexOf("```csharp", StringComparison.Ordinal) + 9)..];
        code = code[..code.IndexOf("```", StringComparison.Ordinal)];

        Assert.Contains(RepoFiles.Normalize(code), RepoFiles.Normalize(readme), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\]\(([^)]+)\)")]
    private static partial Regex Link();
}
