using System.Text;

namespace DatRules.Data.Tests.Csv;

/// <summary>Fields separated by ';': <see cref="SnapshotReadOptions.Delimiter"/> and detection from the header (issue 24).</summary>
public class SnapshotCsvDelimiterTests
{
    private const string SemicolonHeader = "ticker;as_of;digital_assets_usd;total_assets_usd;name";

    private static SnapshotFrame ReadFile(string csv, SnapshotReadOptions options)
    {
        string path = Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        try
        {
            return SnapshotFrame.ReadCsv(path, options with { SourceName = "f.csv" });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_SemicolonHeader_IsDetectedAndSaysSo()
    {
        var frame = ReadFile(SemicolonHeader + "\nAAA;2025-09-30;60;100;Alpha, Inc\nBBB;2025-09-30;10;100;Beta\n", new SnapshotReadOptions());

        Assert.Equal(2, frame.Count);
        Assert.Equal("f.csv: fields separated by ';' (detected from the header)", frame.ReadNote);
        Assert.Equal("Alpha, Inc", frame.Table.TextAt("name", 0));
        Assert.Equal(60m, frame.Table.AmountAt("digital_assets_usd", 0));
    }

    [Fact]
    public void Read_DelimiterOption_ReadsWithoutANote()
    {
        var frame = ReadFile(SemicolonHeader + "\nAAA;2025-09-30;60;100;Alpha\n", new SnapshotReadOptions { Delimiter = ';' });

        Assert.Equal(1, frame.Count);
        Assert.Null(frame.ReadNote);
    }

    [Fact]
    public void Read_CommaFile_HasNoNote()
    {
        var frame = ReadFile("ticker,as_of,digital_assets_usd,total_assets_usd\nAAA,2025-09-30,60,100\n", new SnapshotReadOptions());

        Assert.Null(frame.ReadNote);
    }

    [Fact]
    public void Read_HeaderWithSemicolonsButNoKnownNames_IsNotDetected()
    {
        var ex = Assert.Throws<InputException>(() => ReadFile("a;b;c\n1;2;3\n", new SnapshotReadOptions()));

        Assert.Contains(ex.Errors, e => e.ToString() == "line 1, column 'ticker': required column is missing from the header");
    }

    [Fact]
    public void Read_DecimalCommaWithSemicolons_IsAnErrorNamingLineAndColumn()
    {
        var ex = Assert.Throws<InputException>(() => ReadFile(SemicolonHeader + "\nAAA;2025-09-30;1234,56;5000;Alpha\n", new SnapshotReadOptions()));

        Assert.StartsWith("line 2, column 'digital_assets_usd': '1234,56' is not a number", Assert.Single(ex.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OtherDelimiter_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => SnapshotFrame.ReadCsv(new MemoryStream("x"u8.ToArray()), new SnapshotReadOptions { Delimiter = '\t' }));
    }

    [Fact]
    public void Read_SemicolonsInParts_SameRowsAsOnOneCore()
    {
        var text = new StringBuilder(SemicolonHeader + "\n");
        for (int i = 0; i < 100; i++)
        {
            text.Append('T').Append(i).Append(";2025-09-30;").Append(i).Append(";100;\"N; ").Append(i).Append("\"\n");
        }

        string path = Path.Combine(Path.GetTempPath(), $"datrules-parts-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text.ToString());
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read);
            var result = SnapshotCsvReader.Read(file, "f.csv", false, 0, 64, 4, null, ',');

            Assert.Equal(100, result.Table.Count);
            Assert.Equal(';', result.DetectedDelimiter);
            Assert.Equal("N; 99", result.Table.TextAt("name", 99));
            Assert.Equal(99m, result.Table.AmountAt("digital_assets_usd", 99));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
