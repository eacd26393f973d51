using System.Text;

namespace DatRules.Data.Tests.Writing;

/// <summary><see cref="ScreenReport.WriteTable(Stream, bool)"/>: the 80-column table and the wide one; what the footer counts.</summary>
public class ScreenReportTableTests
{
    private const string LongName = "Beta Mining And Treasury Corporation, Formerly Known As Beta Digital Infrastructure";

    private static string Table(string csv, bool wide)
    {
        string path = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        try
        {
            var report = ScreenReport.Classify(SnapshotFrame.ReadCsv(path));
            using var output = new MemoryStream();
            report.WriteTable(output, wide);
            return Encoding.UTF8.GetString(output.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static readonly string Csv =
        "ticker,as_of,digital_assets_usd,total_assets_usd,name\n"
        + "AAA,2025-09-30,1,100,Alpha\n"
        + $"BBB,2025-09-30,70,100,\"{LongName}\"\n";

    [Fact]
    public void Narrow_CutsTheLongNameWithATilde()
    {
        string table = Table(Csv, wide: false);

        Assert.DoesNotContain(LongName, table, StringComparison.Ordinal);
        Assert.All(table.Split('\n'), l => Assert.True(l.Length <= 80, l));
        // The name column is 34 characters wide: 33 of the name and "~".
        Assert.Contains("BBB      2025-09-30  70.00%   DAT           " + LongName[..33] + "~\n", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Wide_KeepsTheWholeName()
    {
        string table = Table(Csv, wide: true);

        Assert.Contains("BBB      2025-09-30  70.00%   DAT           " + LongName + "\n", table, StringComparison.Ordinal);
        Assert.Contains("2 companies: 1 DAT, 1 operating, 0 indeterminate.", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Footer_CountsCompaniesByTickerIgnoringCase_AndBalanceSheets()
    {
        string table = Table(Csv + "bbb,2025-06-30,10,100,Beta\n", wide: false);

        Assert.Contains("\n2 companies, 3 balance sheets: 1 DAT, 2 operating, 0 indeterminate.\n", table, StringComparison.Ordinal);
    }
}
