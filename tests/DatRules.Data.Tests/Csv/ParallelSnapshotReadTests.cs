using DatRules.Policies;
using System.Globalization;
using System.Text;
using CsCheck;
using DatRules.Classification;
using DatRules.Data;
using DatRules.Screening;

namespace DatRules.Data.Tests.Csv;

/// <summary>
/// A file read in parts on several cores (issue 15) gives exactly what the read on one core gives: the same rows, values
/// and lines, or the same errors in the same order. The read on one core is the reference (a stream that is not a file is
/// never split); parts are forced small here (a few bytes) so that every file is cut in many places.
/// </summary>
public class ParallelSnapshotReadTests
{
    private const string Header = "ticker,as_of,digital_assets_usd,total_assets_usd,name,filed";

    /// <summary>Records of every shape the format allows, and a few it does not; each ends with its line end.</summary>
    private static readonly string[] Records =
    [
        "AAA#,2025-09-30,50,100,Plain,2025-11-01\n",
        "BBB#,2025-06-30,1.5,3.25,\"Comma, Inc\",\n",
        "CCC#,2025-03-31,0,10,\"Two\nlines\",2025-05-01\n",
        "DDD#,2025-09-30,7,8,\"Say \"\"hi\"\"\",2025-11-02\r\n",
        "EEE#,2025-09-30,9,9,\"\"\"\n\"\"\",\r\n",
        "\n",
        "\r\n",
        "  FFF# , 2025-12-31 , 1 , 2 , spaced ,\n",
        "ggg#,2025-09-30,50,100,lower case,2025-11-01\n",
        "HHH#,2025-09-30,0.001,1,sub-cent,\n",
        "III#,2025-09-30,100000000000000000,200000000000000000,huge,\n",
        "JJJ#,2025-09-30,5,,no total,\n",
        "KKK#,2025-09-30,x,100,not a number,\n",
        "LLL#,2025-02-30,1,2,bad date,\n",
        "MMM#,2025-09-30,1,2,\"open\n",
        "NNN#,2025-09-30,1,2,stray\"quote,\n",
        "OOO#,2025-09-30,1,2,lone CR,\r",
        "PPP#,2025-09-30,1,2\n",
        "QQQ#,2025-09-30,1,2,too,many,fields\n",
        "\u00c9T\u00c9#,2025-09-30,3,4,accented,\n",
    ];

    /// <summary>The records above that are valid (any order of them makes a valid file, but for repeated tickers).</summary>
    private static readonly int[] ValidRecords = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 19];

    private static readonly Gen<(string Csv, bool Skip, int PartBytes, int Cores)> Files =
        Gen.Select(
            Gen.Frequency((1, Gen.Int[0, Records.Length - 1].Array[1, 120]), (2, Gen.OneOf(ValidRecords.Select(Gen.Const).ToArray()).Array[1, 120])),
            Gen.Int[0, 9999].Array[120],
            Gen.Bool,
            Gen.Bool,
            Gen.Bool,
            Gen.Int[1, 300],
            Gen.Int[2, 5])
        .Select((picks, serials, bom, trailingNewline, skip, partBytes, cores) =>
        {
            // Most records get a ticker of their own (# becomes a number), so that duplicates stay rare.
            var csv = new StringBuilder(bom ? "\uFEFF" + Header + "\n" : Header + "\n");
            for (int i = 0; i < picks.Length; i++)
            {
                string record = Records[picks[i]];
                csv.Append(record.Replace("#", serials[i] % 50 == 0 ? string.Empty : serials[i].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }

            string text = csv.ToString();
            return (trailingNewline ? text : text.TrimEnd('\n', '\r'), skip, partBytes, cores);
        });

    [Fact]
    public void Read_GeneratedFilesInParts_SameOutcomeAsOnOneCore() =>
        Files.Sample(
            f =>
            {
                Assert.Equal(Outcome(() => OnOneCore(f.Csv, f.Skip)), Outcome(() => InParts(f.Csv, f.Skip, f.PartBytes, f.Cores)));

                // The name left unread (screen --format csv): the same, without the names.
                string[] unread = ["name"];
                Assert.Equal(Outcome(() => OnOneCore(f.Csv, f.Skip, unread)), Outcome(() => InParts(f.Csv, f.Skip, f.PartBytes, f.Cores, unread)));
            },
            iter: 400);

    [Theory]
    [InlineData(16, 2)]
    [InlineData(40, 3)]
    [InlineData(64, 8)]
    public void Read_CleanFileInParts_SameRowsValuesAndLinesAsOnOneCore(int partBytes, int cores)
    {
        // Quoted names with commas, doubled quotes and line breaks, CRLF and blank lines: valid rows, cut in many places.
        var csv = new StringBuilder("\uFEFF" + Header + "\r\n");
        for (int i = 0; i < 300; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"T{i},2025-09-30,{i}.25,{i + 1},\"N, \"\"{i}\"\"\n{i}\",2025-11-0{1 + (i % 9)}\r\n");
            if (i % 37 == 0)
            {
                csv.Append("\r\n\n");
            }
        }

        string text = csv.ToString();
        Assert.True(Split(text, partBytes, cores).Length > 1, "the file is read in more than one part");

        string reference = Outcome(() => OnOneCore(text, skip: false));
        Assert.Equal(reference, Outcome(() => InParts(text, skip: false, partBytes, cores)));
        // Row 299: filed 2025-11-0(1 + 299 % 9) = 2025-11-03.
        Assert.Contains("T299|2025-09-30|299.25|300|N, \"299\"\n299|2025-11-03|line ", reference, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ErrorsInALaterPart_ReportedAsOnOneCore()
    {
        // Line 2 + 200 rows; the bad rows are on lines 150 and 190, and T5 on line 197 repeats line 7.
        var csv = new StringBuilder(Header + "\n");
        for (int i = 0; i < 200; i++)
        {
            string amount = i is 148 or 188 ? "12,5" : "1";
            csv.Append(CultureInfo.InvariantCulture, $"T{(i == 195 ? 5 : i)},2025-09-30,{amount},2,name,\n");
        }

        string text = csv.ToString();
        string outcome = Outcome(() => InParts(text, skip: false, partBytes: 32, cores: 4));

        Assert.Equal(Outcome(() => OnOneCore(text, skip: false)), outcome);
        Assert.StartsWith("error line 150: 7 fields, but the header has 6 columns", outcome, StringComparison.Ordinal);
        Assert.Contains("error line 197, column 'ticker': duplicate row for T5 as of 2025-09-30 (first on line 7)", outcome, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(150_000)]
    [InlineData(4)]
    public void Read_LargeFile_DuplicateFoundWhereverItIs(int duplicateAt)
    {
        // 200,000 rows: enough for the duplicate check's buckets (one per ~4,096 rows and half of the hash space). Each
        // ticker appears at two dates, so tickers alone repeat and only (ticker, as_of) identifies a row; row i is on line
        // i + 2. Row duplicateAt repeats row 3 (T1 as of 2025-06-30, line 5) with other amounts; -1: no duplicate.
        var csv = new StringBuilder(Header + "\n");
        for (int i = 0; i < 200_000; i++)
        {
            int n = i == duplicateAt ? 3 : i;
            csv.Append(CultureInfo.InvariantCulture, $"T{n / 2},{(n % 2 == 0 ? "2025-03-31" : "2025-06-30")},{i % 97},{100 + i},,\n");
        }

        string text = csv.ToString();
        foreach (var outcome in new[] { Outcome(() => InParts(text, skip: false, partBytes: 1 << 20, cores: 2)), Outcome(() => OnOneCore(text, skip: false)) })
        {
            if (duplicateAt < 0)
            {
                Assert.DoesNotContain("error", outcome, StringComparison.Ordinal);
                Assert.Equal(200_000, outcome.Split('\n').Length);
            }
            else
            {
                Assert.Equal($"error line {duplicateAt + 2}, column 'ticker': duplicate row for T1 as of 2025-06-30 (first on line 5)", outcome);
            }
        }
    }

    [Fact]
    public void Read_LoneCarriageReturns_FallBackToOneCore()
    {
        // Records ended by a lone carriage return outnumber the line feeds a part's rows are bounded by.
        string text = Header + "\r" + string.Concat(Enumerable.Range(0, 100).Select(i => $"T{i},2025-09-30,1,2,n,\r"));

        Assert.Equal(Outcome(() => OnOneCore(text, skip: false)), Outcome(() => InParts(text, skip: false, partBytes: 16, cores: 4)));
        Assert.Equal(100, InParts(text, skip: false, partBytes: 16, cores: 4).Table.Count);
    }

    [Fact]
    public void Split_QuotedLineFeedsAtTheCuts_PartsStartAtRecords()
    {
        // Every record holds a quoted line feed; cuts land anywhere, parts must start at a record (after "...\"\n").
        string text = string.Concat(Enumerable.Range(0, 50).Select(i => $"T{i},\"a\nb\"\n"));
        foreach (int cores in new[] { 2, 3, 7, 16 })
        {
            var parts = Split(text, partBytes: 1, cores);
            Assert.Equal(0, parts[0].Start);
            Assert.Equal(Encoding.UTF8.GetByteCount(text), parts[^1].End);
            Assert.All(parts.Skip(1), p => Assert.StartsWith("T", text[(int)p.Start..], StringComparison.Ordinal));
            Assert.Equal(100, parts.Sum(p => p.MaxRecords)); // 2 line feeds a record, one of them quoted
        }
    }

    [Fact]
    public async Task WriteCsv_SinkFailsOnOneCore_TheErrorReachesTheCallerAndTheOtherCoreStops()
    {
        // 40,000 rows: the CSV is formatted in blocks of 8,192 rows on two cores, alternately; the third block fails.
        var csv = new StringBuilder("ticker,as_of,digital_assets_usd,total_assets_usd\n");
        for (int i = 0; i < 40_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"T{i},2025-09-30,{i},{i + 1}\n");
        }

        var table = SnapshotCsvReader.Read(csv.ToString(), "f.csv").Table;
        var universe = table.BuildUniverse();
        var screening = new ScreeningEngine().Screen(universe, IndexPolicy.ClassificationOnly(RatioThreshold.Msci, "ratio test"));
        var screen = new ScreenColumns(table, universe, screening, null, DatClassifier.Msci, null, null, "heading");
        int calls = 0;

        var write = Task.Run(() => ScreenColumnsWriter.WriteCsv(screen, withReasons: false, _ =>
        {
            if (Interlocked.Increment(ref calls) == 4)
            {
                throw new IOException("No space left on device");
            }
        }));

        Assert.Same(write, await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(60))));
        await Assert.ThrowsAsync<IOException>(() => write);
        if (Environment.ProcessorCount > 1)
        {
            Assert.Equal(4, calls); // the header, two blocks, and the failing third: nothing after it
        }
    }

    private static SnapshotCsvReader.ReadResult OnOneCore(string csv, bool skip, string[]? unread = null) =>
        SnapshotCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "f.csv", skip, unread: unread);

    private static SnapshotCsvReader.ReadResult InParts(string csv, bool skip, int partBytes, int cores, string[]? unread = null)
    {
        string path = Path.Combine(Path.GetTempPath(), $"datrules-parts-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(csv));
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read);
            return SnapshotCsvReader.Read(file, "f.csv", skip, 0, partBytes, cores, unread);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static CsvFilePart[] Split(string csv, int partBytes, int cores)
    {
        string path = Path.Combine(Path.GetTempPath(), $"datrules-split-{Guid.NewGuid():N}.csv");
        byte[] bytes = Encoding.UTF8.GetBytes(csv);
        File.WriteAllBytes(path, bytes);
        try
        {
            using var file = File.OpenHandle(path);
            return CsvFileSplitter.Split(file, 0, bytes.Length, Math.Max(1, Math.Min(cores, bytes.Length / partBytes)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Every row's values and line and every skipped row's error, or the errors thrown.</summary>
    private static string Outcome(Func<SnapshotCsvReader.ReadResult> read)
    {
        try
        {
            var result = read();
            var t = result.Table;
            var rows = Enumerable.Range(0, t.Count).Select(r => string.Join(
                "|",
                t.Ticker.StringAt(r),
                $"{t.AsOf.DateAt(r):yyyy-MM-dd}",
                t.Digital.ValueAt(r)?.ToString(CultureInfo.InvariantCulture),
                t.Total.ValueAt(r)?.ToString(CultureInfo.InvariantCulture),
                t.TextAt("name", r),
                $"{t.Store<DateColumn>("filed")?.DateAt(r):yyyy-MM-dd}",
                "line " + t.LineAt(r).ToString(CultureInfo.InvariantCulture)));
            return string.Join("\n", rows.Concat(result.Skipped.Select(e => "skipped " + e)));
        }
        catch (InputException ex)
        {
            return string.Join("\n", ex.Errors.Select(e => "error " + e));
        }
    }
}
