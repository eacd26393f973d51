using System.Globalization;
using System.Text;

namespace DatRules.Data.Tests.Columns;

/// <summary>
/// The reader and the screen writer remember the last dates they handled (eight slots, by hash): a file that interleaves
/// more distinct dates than slots, so that dates evict each other, still reads and writes every row's own date.
/// </summary>
public sealed class RepeatedDatesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(37)]
    public void Every_row_keeps_its_own_date_when_dates_interleave(int distinct)
    {
        // Quarter ends and leap days across 1999-2031: 37 distinct dates at most, taken in turn (row i has date i % distinct).
        var dates = Enumerable.Range(0, 33).SelectMany(y => new[] { new DateOnly(1999 + y, 3, 31), new DateOnly(1999 + y, 12, 31) })
            .Concat([new DateOnly(2000, 2, 29), new DateOnly(2024, 2, 29), new DateOnly(1, 1, 1)])
            .Take(distinct).ToArray();
        var csv = new StringBuilder("ticker,as_of,digital_assets_usd,total_assets_usd\n");
        const int rows = 500;
        for (int i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"T{i:000},{dates[i % distinct]:yyyy-MM-dd},1,4\n");
        }

        var frame = SnapshotFrame.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())));
        using var output = new MemoryStream();
        ScreenReport.Classify(frame).WriteCsv(output, withReasons: false);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(rows + 1, lines.Length);
        var written = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
        for (int i = 0; i < rows; i++)
        {
            Assert.Equal(dates[i % distinct].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), written[$"T{i:000}"]);
        }
    }
}
