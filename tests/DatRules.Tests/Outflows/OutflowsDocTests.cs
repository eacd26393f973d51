using DatRules.Outflows;
using DatRules.Tests.Readme;

namespace DatRules.Tests.Outflows;

public class OutflowsDocTests
{
    [Fact]
    public void OutflowsDoc_CSharpExample_IsTheCompiledExample()
    {
        string doc = File.ReadAllText(Path.Combine(RepoFiles.Root(), "docs", "outflows.md"));
        string source = File.ReadAllText(Path.Combine(RepoFiles.Root(), "tests", "DatRules.Tests", "Outflows", "OutflowsDocExample.cs"));

        string compiled = RepoFiles.Normalize(RepoFiles.Between(source, "// snippet:start", "// snippet:end"));

        Assert.Contains(compiled, RepoFiles.Normalize(doc), StringComparison.Ordinal);
    }

    [Fact]
    public void OutflowsDoc_CSharpExample_PrintsJpMorgansMsciFigure()
    {
        using var console = new StringWriter();
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        OutflowEstimate estimate;
        try
        {
            estimate = OutflowsDocExample.Run(console);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        // 2.8e9 / 170.39 = 16,432,889.25 shares; / 18.62M ADV = 0.8825 days; 0.05 x sqrt(0.8825) = 4.70%.
        Assert.Equal(2_800_000_000m, estimate.Total.ForcedSellingUsd);
        Assert.Equal("MSCI alone: 2,800,000,000 USD, 16,432,889 shares, 0.88 days of volume, impact 4.70%\n", console.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void OutflowsDoc_StartsWithATitleAndTheModel()
    {
        string doc = File.ReadAllText(Path.Combine(RepoFiles.Root(), "docs", "outflows.md"));

        Assert.StartsWith("# Forced selling", doc, StringComparison.Ordinal);
        Assert.True(doc.IndexOf("## Model", StringComparison.Ordinal) < doc.IndexOf("```", StringComparison.Ordinal), "the model comes before the first code block");
        Assert.True(doc.Split("```").Length % 2 == 1, "a code block is left open");
    }
}
