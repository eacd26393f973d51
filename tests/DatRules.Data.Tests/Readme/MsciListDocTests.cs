using DatRules.TestSupport;

namespace DatRules.Data.Tests.Readme;

public class MsciListDocTests
{
    [Fact]
    public void NowcastSnippet_IsTheCompiledExample()
    {
        string doc = File.ReadAllText(Path.Combine(RepoFiles.Root(), "docs", "msci-list.md"));
        string source = File.ReadAllText(Path.Combine(RepoFiles.Root(), "tests", "DatRules.Data.Tests", "Readme", "MsciListNowcastExample.cs"));

        string usings = RepoFiles.Normalize(string.Join('\n', source.Split('\n').TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal))));
        string compiled = RepoFiles.Normalize(RepoFiles.Between(source, "// snippet:start", "// snippet:end"));

        Assert.Contains(usings + "\nstring path = \"src/DatRules.Cli/Data/companies.csv\";\n" + compiled + "\nConsole.WriteLine(line);", RepoFiles.Normalize(doc), StringComparison.Ordinal);
    }

    [Fact]
    public void NowcastSnippet_PrintsWhatTheDocSays()
    {
        // 640,031 + 33,754 = 673,785 BTC x 91,970.9 = 61,968,612,856.5; other 413,313,000 + 1,440,000,000 + 747,800,000
        // = 2,601,113,000; total 64,569,725,856.5; 61,968,612,856.5 / 64,569,725,856.5 = 0.959716... -> 95.97%.
        string line = MsciListNowcastExample.Run(Path.Combine(RepoFiles.Root(), "src", "DatRules.Cli", "Data", "companies.csv"));

        Assert.Equal("DigitalAssetTreasury 95.97% (estimate: True)", line);
        Assert.Contains("prints `" + line + "`", File.ReadAllText(Path.Combine(RepoFiles.Root(), "docs", "msci-list.md")).ReplaceLineEndings(" "), StringComparison.Ordinal);
    }
}
