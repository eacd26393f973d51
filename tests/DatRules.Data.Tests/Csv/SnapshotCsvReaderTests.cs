using System.Globalization;
using System.Text;
using DatRules.Data;

namespace DatRules.Data.Tests.Csv;

/// <summary>The one snapshot CSV reader: the format's corners and hostile input.</summary>
public class SnapshotCsvReaderTests
{
    private const string Header = "ticker,as_of,digital_assets_usd,total_assets_usd";

    [Fact]
    public void Read_QuotedFieldsCrlfAndBom_UnescapesAndCountsLines()
    {
        // Line 2: a quoted name with a comma and a doubled quote; lines 3-4: one record whose name spans two lines.
        string csv = "\uFEFF" + Header + ",name\r\nAAA,2025-09-30,50,100,\"Acme, \"\"the\"\" Co\"\r\nBBB,2025-09-30,1,100,\"two\nlines\"\r\nCCC,2025-09-30,x,100,\r\n";

        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(csv, "f.csv"));

        Assert.Equal("line 5, column 'digital_assets_usd': 'x' is not a number (expected plain decimal notation such as 1234.56)", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Read_QuotedName_KeepsCommaAndQuote()
    {
        var table = SnapshotCsvReader.Read(Header + ",name\nAAA,2025-09-30,50,100,\"Acme, \"\"the\"\" Co\"\n", "f.csv").Table;

        Assert.Equal("Acme, \"the\" Co", table.TextAt("name", 0));
    }

    [Fact]
    public void Read_StrayQuoteInUnquotedField_ErrorNamesLineAndColumnAndKeepsReading()
    {
        // Before: the quote opened a quoted field that swallowed the rest of the file (2 of 4 rows screened, exit 0).
        string csv = Header + ",name\nAAA,2025-09-30,50,100,Acme\nBBB,2025-09-30,1,100,The 5\" Co\nCCC,2025-09-30,1,100,C\nDDD,2025-09-30,1,100,D\n";

        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(csv, "f.csv"));

        Assert.Equal("line 3, column 'name': a quote (\") inside an unquoted field: quote the whole field and double the quotes inside it", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Read_StrayQuoteSkipInvalid_KeepsEveryOtherRow()
    {
        string csv = Header + ",name\nAAA,2025-09-30,50,100,Acme\nBBB,2025-09-30,1,100,The 5\" Co\nCCC,2025-09-30,1,100,C\nDDD,2025-09-30,1,100,D\n";

        var result = SnapshotCsvReader.Read(csv, "f.csv", skipInvalid: true);

        Assert.Equal(3, result.Table.Count);
        Assert.Equal(3, Assert.Single(result.Skipped).Line);
    }

    [Fact]
    public void Read_UnquotedThousandsSeparator_ErrorInsteadOfShiftedColumns()
    {
        // 75% with the separator would read as digital 7 and total 500 (1.4%) if the extra field were ignored.
        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(Header + "\nAAA,2025-09-30,7,500,10000\n", "f.csv"));

        Assert.Equal(
            "line 2: 5 fields, but the header has 4 columns: an unquoted comma (a thousands separator such as 1,234?) shifts every later value; quote such a field or remove the separator",
            Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Read_FewerFieldsThanHeader_ErrorNamesLineAndFirstMissingColumn()
    {
        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(Header + "\nAAA,2025-09-30,50,100\nBBB,2025-09-30,50\n", "f.csv"));

        Assert.Equal("line 3, column 'total_assets_usd': the row ends after 3 fields, but the header has 4 columns", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Read_RepeatedHeaderName_ErrorNamesBothColumns()
    {
        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(Header + ",ticker\nAAA,2025-09-30,50,100,BBB\n", "f.csv"));

        Assert.Equal("line 1, column 'ticker': the header names this column twice (columns 1 'ticker' and 5 'ticker', names ignoring case); which one holds the values is ambiguous", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Read_HeaderNamesInAnyCase_ReadTheirColumns()
    {
        var table = SnapshotCsvReader.Read("Ticker,AS_OF,Digital_Assets_USD,TOTAL_ASSETS_USD,Name\nAAA,2025-09-30,50,100,Acme\n", "f.csv").Table;

        Assert.Equal(1, table.Count);
        Assert.Equal("AAA", table.Ticker.StringAt(0));
        Assert.Equal("Acme", table.TextAt("name", 0));
    }

    [Fact]
    public void Read_HeaderNamesEqualButForCase_ErrorNamesBoth()
    {
        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(Header + ",Ticker\nAAA,2025-09-30,50,100,BBB\n", "f.csv"));

        Assert.Equal("line 1, column 'Ticker': the header names this column twice (columns 1 'ticker' and 5 'Ticker', names ignoring case); which one holds the values is ambiguous", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Read_TrailingUnnamedColumnsEmpty_Accepted()
    {
        // A spreadsheet export: header and rows end in ",,"; one row stops before the unnamed columns.
        var table = SnapshotCsvReader.Read(Header + ",,\nAAA,2025-09-30,50,100,,\nBBB,2025-09-30,1,100\n", "f.csv").Table;

        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void Read_ValueInUnnamedColumn_Error()
    {
        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(Header + ",,\nAAA,2025-09-30,50,100,,x\n", "f.csv"));

        Assert.Equal("line 2: a value in column 6, which the header leaves unnamed (name the column or leave it empty)", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Read_InvalidUtf8_ErrorNamesLineAndColumnWithoutReplacing()
    {
        // "AB\xFF" and "AB\xFE" would both become "AB\uFFFD" if invalid bytes were replaced, and then collide.
        byte[] bytes = [.. Encoding.ASCII.GetBytes(Header + "\nAAA,2025-09-30,50,100\n"), (byte)'A', (byte)'B', 0xFF, .. Encoding.ASCII.GetBytes(",2025-09-30,50,100\n")];

        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(new MemoryStream(bytes), "f.csv"));

        Assert.Equal("line 3, column 'ticker': invalid UTF-8 (the file must be UTF-8 encoded; no character is replaced)", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Read_FieldOver16MiB_TypedErrorNamingTheLine()
    {
        var csv = new StringBuilder(Header + ",name\nAAA,2025-09-30,50,100,");
        csv.Append('x', CsvRecordReader.MaxFieldBytes + 1).Append('\n');

        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(csv.ToString(), "f.csv"));

        Assert.Equal("line 2: a field is longer than 16,777,216 bytes (the limit; is this a CSV file?)", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Read_EndlessStreamOfZeros_TypedErrorAfterBoundedRead()
    {
        var zeros = new EndlessZeros();

        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(zeros, "/dev/zero"));

        Assert.Contains("is longer than", ex.Message, StringComparison.Ordinal);
        Assert.InRange(zeros.BytesRead, CsvRecordReader.MaxFieldBytes, 4L * CsvRecordReader.MaxFieldBytes);
    }

    [Fact]
    public void Read_QuoteNeverClosed_ErrorNamesTheLineItOpens()
    {
        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(Header + ",name\nAAA,2025-09-30,50,100,A\nBBB,2025-09-30,50,100,\"open\nCCC,2025-09-30,50,100,C\n", "f.csv"));

        Assert.Equal("line 3: a quoted field is never closed (its opening quote is on this line)", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Read_TextAfterClosingQuote_Error()
    {
        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(Header + ",name\nAAA,2025-09-30,50,100,\"A\"B\n", "f.csv"));

        Assert.Equal("line 2, column 'name': text after the closing quote of a quoted field (a quoted field must end at a comma or the line end)", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Read_MoreDigitsThanDecimalHolds_ErrorInsteadOfRounding()
    {
        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(Header + "\nAAA,2025-09-30,1.00000000000000000000000000001,100\n", "f.csv"));

        Assert.Equal("line 2, column 'digital_assets_usd': '1.00000000000000000000000000001' has more than 28 significant digits, more than an exact decimal holds (it would be rounded)", Assert.Single(ex.Errors).ToString());
    }

    [Theory]
    [InlineData("12", 1200L)]
    [InlineData("12.5", 1250L)]
    [InlineData("12.50000", 1250L)]
    [InlineData("+12.5", 1250L)]
    [InlineData(".5", 50L)]
    [InlineData("7.", 700L)]
    [InlineData("-0", 0L)]
    public void Read_AmountForms_StoredAsCents(string text, long cents)
    {
        var table = SnapshotCsvReader.Read($"{Header}\nAAA,2025-09-30,{text},100\n", "f.csv").Table;

        Assert.Equal(cents, table.Digital[0]);
    }

    [Fact]
    public void Read_SubCentAmount_KeptExactly()
    {
        var table = SnapshotCsvReader.Read($"{Header}\nAAA,2025-09-30,0.001,100\n", "f.csv").Table;

        Assert.Equal(0.001m, table.Digital.ValueAt(0));
    }

    [Fact]
    public void Read_OriginalAndAmendment_BothKept()
    {
        var table = SnapshotCsvReader.Read($"{Header},filed,form\nAAA,2025-09-30,50,100,2025-11-01,10-Q\naaa,2025-09-30,60,100,2025-12-01,10-Q/A\n", "f.csv").Table;

        Assert.Equal(2, table.Count);
        Assert.Equal("10-Q/A", table.ProvenanceAt(1)!.Form);
    }

    [Fact]
    public void Read_BlankLinesAndNoFinalLineEnd_Skipped()
    {
        var table = SnapshotCsvReader.Read($"{Header}\n\nAAA,2025-09-30,50,100\n\n\nBBB,2025-09-30,1,100", "f.csv").Table;

        Assert.Equal(2, table.Count);
        Assert.Equal(6, table.LineAt(1));
    }

    [Fact]
    public void Read_ManyBadRows_ListsTheFirstThousandAndCountsTheRest()
    {
        var csv = new StringBuilder(Header + "\n");
        for (int i = 0; i < 1_005; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"T{i},2025-09-30,x,100\n");
        }

        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(csv.ToString(), "f.csv"));

        Assert.Equal(1_001, ex.Errors.Count);
        Assert.Equal("and 5 more errors", ex.Errors[^1].ToString());
    }

    [Fact]
    public void Read_UnreadColumns_NotStoredButStillChecked()
    {
        // 'name' cannot be invalid: not stored. 'currency' has a check, 'ticker' is required: both kept. The rules of the
        // format still apply to an unread column (line 3: a quote inside its unquoted value).
        string csv = Header + ",name,currency\nAAA,2025-09-30,50,100,\"Acme, Inc\",JPY\nBBB,2025-09-30,1,100,Bad\"Co,USD\n";
        string[] unread = ["name", "currency", "ticker"];

        var ex = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "f.csv", unread: unread));
        Assert.Equal("line 3, column 'name': a quote (\") inside an unquoted field: quote the whole field and double the quotes inside it", Assert.Single(ex.Errors).ToString());

        var table = SnapshotCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv.Replace("Bad\"Co", "Bad Co", StringComparison.Ordinal))), "f.csv", unread: unread).Table;
        Assert.Null(table.Store<TextColumn>("name"));
        Assert.Equal("JPY", table.CurrencyAt(0));
        Assert.Equal("AAA BBB", $"{table.Ticker.StringAt(0)} {table.Ticker.StringAt(1)}");

        var badCurrency = Assert.Throws<InputException>(() => SnapshotCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv.Replace("JPY", "jpy", StringComparison.Ordinal).Replace("Bad\"Co", "Bad Co", StringComparison.Ordinal))), "f.csv", unread: unread));
        Assert.Contains("column 'currency': 'jpy' is not an ISO 4217 code", Assert.Single(badCurrency.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SmallBufferLongRecords_SameRowsAsOneBuffer()
    {
        // A 16-byte buffer makes every record cross buffer ends (quotes, CRLF, escapes split anywhere).
        string csv = Header + ",name\r\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"T{i},2025-09-30,{i}.5,100,\"N, \"\"{i}\"\"\nx\"\r\n"));
        var expected = SnapshotCsvReader.Read(csv, "f.csv").Table;

        var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "f.csv", bufferSize: 16);
        Assert.True(reader.Read());
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(reader.Read());
            Assert.Equal(expected.TextAt("name", i), Encoding.UTF8.GetString(reader.Field(4)));
            Assert.Equal(expected.LineAt(i), reader.Line);
        }

        Assert.False(reader.Read());
    }

    private sealed class EndlessZeros : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Duplicates_SeekableAndForwardOnlyStreamsGiveTheSameRowsAndErrors(bool skipInvalid)
    {
        // A stream that can be read again has its duplicate check after the parse (on every core) and is re-read row by
        // row when it finds one: the errors, their order and the rows kept must be those of a forward-only stream.
        var csv = new StringBuilder(Header + ",filed\n");
        for (int i = 0; i < 3000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"T{i % 1200},2025-0{1 + (i % 3 * 3)}-30,{i},{i + 10},2025-10-{10 + (i % 2)}\n");
            if (i % 700 == 5)
            {
                csv.Append("BAD,2025-09-30,x,1,\n");
            }
        }

        byte[] bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var seekable = Outcome(() => SnapshotCsvReader.Read(new MemoryStream(bytes), "f.csv", skipInvalid));
        var forwardOnly = Outcome(() => SnapshotCsvReader.Read(new ForwardOnlyStream(bytes), "f.csv", skipInvalid));

        Assert.Contains("duplicate row for", seekable, StringComparison.Ordinal);
        Assert.Equal(forwardOnly, seekable);
        Assert.Equal(
            Outcome(() => SnapshotCsvReader.Read(new ForwardOnlyStream(Encoding.UTF8.GetBytes(Header + "\nA,2025-09-30,1,2\nB,2025-09-30,1,2\n")), "f.csv")),
            Outcome(() => SnapshotCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Header + "\nA,2025-09-30,1,2\nB,2025-09-30,1,2\n")), "f.csv")));

        static string Outcome(Func<SnapshotCsvReader.ReadResult> read)
        {
            try
            {
                var result = read();
                var rows = Enumerable.Range(0, result.Table.Count).Select(r => $"{result.Table.Ticker.StringAt(r)} {result.Table.LineAt(r)}");
                return string.Join("\n", rows.Concat(result.Skipped.Select(e => "skipped " + e)));
            }
            catch (InputException ex)
            {
                return string.Join("\n", ex.Errors.Select(e => e.ToString()));
            }
        }
    }

    /// <summary>A stream that cannot seek, like a pipe.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
