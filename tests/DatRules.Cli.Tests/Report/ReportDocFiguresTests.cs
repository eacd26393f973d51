using System.Net;
using System.Text.RegularExpressions;

namespace DatRules.Cli.Tests.Report;

/// <summary>The figures docs/report.md quotes are what its command makes: the line it prints, the counts, the boundary cases.</summary>
public sealed partial class ReportDocFiguresTests
{
    private const string Command = "datrules report --out report.html --date 2026-03-02 --vs-policy msci-2025-10-dat-proposal";

    private static string Text(string html, string id) =>
        WebUtility.HtmlDecode(Tags().Replace(Regex.Match(html, $"<p id=\"{id}\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value, string.Empty));

    [Fact]
    public void The_docs_figures_are_the_reports()
    {
        string doc = RepoFiles.Normalize(File.ReadAllText(Path.Combine(RepoFiles.Root(), "docs", "report.md")));
        Assert.Contains(Command, doc, StringComparison.Ordinal);

        string folder = Directory.CreateTempSubdirectory("datrules-report-figures-").FullName;
        try
        {
            string path = Path.Combine(folder, "report.html");
            string[] args = [.. Command.Split(' ').Skip(1).Select(a => a == "report.html" ? path : a)];
            var result = CliRunner.Run(args);
            Assert.Equal(0, result.ExitCode);
            string html = File.ReadAllText(path);

            Assert.Contains(result.Out.Replace(path, "report.html", StringComparison.Ordinal).Trim(), doc, StringComparison.Ordinal);
            Assert.Contains(Text(html, "counts"), doc, StringComparison.Ordinal);
            Assert.Contains(Text(html, "boundary"), doc, StringComparison.Ordinal);
            Assert.Contains(Text(html, "age"), doc, StringComparison.Ordinal);
            Assert.Contains(Text(html, "changes-count"), doc, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
