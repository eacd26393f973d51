using DatRules.Data.Formats;
using DatRules.Data.Formats.Parquet;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;

namespace DatRules.Data.Tests.Formats;

/// <summary>
/// The Parquet page decoder (<see cref="ColumnChunkDecoder"/>): files DuckDB writes with every codec, with nulls, in
/// many row groups, as data pages v1 and v2, read by <see cref="SnapshotFrameParquet"/> exactly as DuckDB's own CSV of
/// the same query reads (an independent writer and an independent reader: no expected value comes from our code); each
/// chunk of the common types is decoded by the page decoder (not left to Parquet.Net), and its values are Parquet.Net's;
/// the RLE/bit-packed hybrid on the format specification's own example; corrupt files give typed errors only.
/// </summary>
public sealed class ParquetPageDecoderTests : IDisposable
{
    // 3,000 rows: 1,000 tickers (a dictionary) over three quarter ends; every 7th units and every 11th name null;
    // units DECIMAL(9,3) (INT32), amounts DECIMAL(18,2) (INT64), cik BIGINT, names unique (plain or dictionary, as DuckDB
    // chooses).
    private const string QueryOfRows = """
        SELECT 'T' || lpad(CAST(i % 1000 AS VARCHAR), 4, '0') AS ticker,
               CAST(DATE '2025-03-31' + INTERVAL (CAST(i // 1000 AS INTEGER) * 3) MONTH AS DATE) AS as_of,
               CAST(i * 1.25 AS DECIMAL(18,2)) AS digital_assets_usd,
               CAST(i * 2 + 1 AS DECIMAL(18,2)) AS total_assets_usd,
               CASE WHEN i % 7 = 0 THEN NULL ELSE CAST(i / 8.0 AS DECIMAL(9,3)) END AS units,
               CAST(1000000 + i AS BIGINT) AS cik,
               CASE WHEN i % 11 = 0 THEN NULL ELSE 'Name ' || i || ' Inc' END AS name
        FROM range(ROWS) r(i)
        """;

    private static readonly string Query = QueryOfRows.Replace("ROWS", "3000", StringComparison.Ordinal);

    private readonly string _dir = Directory.CreateTempSubdirectory("datrules-pages-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("UNCOMPRESSED", 0, "V1")]
    [InlineData("SNAPPY", 0, "V1")]
    [InlineData("ZSTD", 0, "V1")]
    [InlineData("GZIP", 0, "V1")]
    [InlineData("SNAPPY", 700, "V1")]
    [InlineData("ZSTD", 500, "V2")]
    [InlineData("SNAPPY", 0, "V2")]
    [InlineData("UNCOMPRESSED", 0, "V2")]
    [InlineData("GZIP", 700, "V2")]
    public void Duckdbs_files_read_as_duckdbs_own_csv_of_the_same_rows(string codec, int rowGroupRows, string version)
    {
        string parquet = Path.Combine(_dir, "p.parquet"), csv = Path.Combine(_dir, "p.csv");
        string groups = rowGroupRows > 0 ? $", ROW_GROUP_SIZE {rowGroupRows}" : string.Empty;
        Execute($"COPY ({Query}) TO '{parquet}' (FORMAT parquet, COMPRESSION {codec}, PARQUET_VERSION {version}{groups})");
        Execute($"COPY ({Query}) TO '{csv}' (FORMAT csv, HEADER)");

        var fromParquet = SnapshotFrameParquet.Read(parquet);
        var fromCsv = SnapshotFrame.ReadCsv(csv);

        Assert.Equal(3000, fromParquet.Count);
        Assert.Equal(CsvOf(fromCsv), CsvOf(fromParquet));

        // Figures by hand: row 8 (i = 7) has no units (7 % 7 = 0); row 10 (i = 9) has 9 * 1.25 = 11.25, total
        // 9 * 2 + 1 = 19, units 9 / 8 = 1.125; row 1001 (i = 1000) is T0000 one quarter later, 2025-06-30.
        Assert.Null(fromParquet.AmountAt("units", 7));
        Assert.Equal(new LocalDate(2025, 6, 30), fromParquet.DateAt("as_of", 1000));
        Assert.Equal("T0000", fromParquet.TextAt("ticker", 1000));
        Assert.Equal(11.25m, fromParquet.AmountAt("digital_assets_usd", 9));
        Assert.Equal(19m, fromParquet.AmountAt("total_assets_usd", 9));
        Assert.Equal(1.125m, fromParquet.AmountAt("units", 9));
    }

    [Fact]
    public void A_file_of_many_rows_is_read_on_two_cores_as_its_csv_reads()
    {
        // 150,000 rows: over the rows from which a file's columns are read by two threads (100,000); the tickers run to
        // T0999 and repeat every 1,000 rows, one quarter later each time (150 quarters from 2025-03-31).
        string query = QueryOfRows.Replace("ROWS", "150000", StringComparison.Ordinal);
        string parquet = Path.Combine(_dir, "big.parquet"), csv = Path.Combine(_dir, "big.csv");
        Execute($"COPY ({query}) TO '{parquet}' (FORMAT parquet)");
        Execute($"COPY ({query}) TO '{csv}' (FORMAT csv, HEADER)");

        var fromParquet = SnapshotFrameParquet.Read(parquet);
        Assert.Equal(150_000, fromParquet.Count);
        Assert.Equal(CsvOf(SnapshotFrame.ReadCsv(csv)), CsvOf(fromParquet));
    }

    [Fact]
    public async Task Our_writer_cuts_row_groups_of_131072_rows_that_read_back_whole()
    {
        // 140,000 rows = 131,072 + 8,928: two row groups, each decoded here.
        string csv = Path.Combine(_dir, "g.csv"), parquet = Path.Combine(_dir, "g.parquet");
        Execute($"COPY ({QueryOfRows.Replace("ROWS", "140000", StringComparison.Ordinal)}) TO '{csv}' (FORMAT csv, HEADER)");
        var frame = SnapshotFrame.ReadCsv(csv);
        SnapshotFrameParquet.Write(frame, parquet);

        await AssertDecodedLikeParquetNet(parquet, columns: 7, minGroups: 2);
        await using (var stream = File.OpenRead(parquet))
        {
            await using var reader = await ParquetReader.CreateAsync(stream);
            Assert.Equal([131_072L, 8_928L], reader.RowGroups.Select(g => g.RowCount));
        }

        Assert.Equal(CsvOf(frame), CsvOf(SnapshotFrameParquet.Read(parquet)));
    }

    [Theory]
    [InlineData("UNCOMPRESSED")]
    [InlineData("SNAPPY")]
    [InlineData("ZSTD")]
    [InlineData("GZIP")]
    public async Task Every_chunk_of_a_v1_file_is_decoded_here_and_gives_parquet_nets_values(string codec)
    {
        string parquet = Path.Combine(_dir, "p.parquet");
        Execute($"COPY ({Query}) TO '{parquet}' (FORMAT parquet, COMPRESSION {codec}, ROW_GROUP_SIZE 1000)");
        await AssertDecodedLikeParquetNet(parquet, columns: 7, minGroups: 2);
    }

    [Fact]
    public async Task Every_chunk_of_a_file_parquet_net_writes_is_decoded_here()
    {
        // SnapshotFrameParquet.Write (Parquet.Net: PLAIN, Snappy, optional columns) of DuckDB's CSV.
        string csv = Path.Combine(_dir, "p.csv"), parquet = Path.Combine(_dir, "w.parquet");
        Execute($"COPY ({Query}) TO '{csv}' (FORMAT csv, HEADER)");
        SnapshotFrameParquet.Write(SnapshotFrame.ReadCsv(csv), parquet);

        // Flags (BOOLEAN) are not decoded here; this file has none. Seven columns, one row group.
        await AssertDecodedLikeParquetNet(parquet, columns: 7, minGroups: 1);
        Assert.Equal(CsvOf(SnapshotFrame.ReadCsv(csv)), CsvOf(SnapshotFrameParquet.Read(parquet)));
    }

    [Theory]
    [InlineData("SNAPPY", "V1")]
    [InlineData("ZSTD", "V2")]
    public async Task Our_footer_reader_reads_what_parquet_net_reads(string codec, string version)
    {
        string parquet = Path.Combine(_dir, "p.parquet");
        Execute($"COPY ({Query}) TO '{parquet}' (FORMAT parquet, COMPRESSION {codec}, PARQUET_VERSION {version}, ROW_GROUP_SIZE 1000)");
        await using var stream = File.OpenRead(parquet);
        var footer = ParquetFooter.TryRead(stream);
        Assert.NotNull(footer);
        await using var reader = await ParquetReader.CreateAsync(stream);

        Assert.Equal(reader.Schema.DataFields.Select(f => f.Name), footer.Columns.Select(c => c.Name));
        Assert.Equal(reader.RowGroupCount, footer.RowGroups.Count);
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            Assert.Equal(reader.RowGroups[g].RowCount, footer.RowGroups[g].Rows);
            for (int c = 0; c < footer.Columns.Count; c++)
            {
                var theirs = reader.RowGroups[g].GetMetadata(reader.Schema.DataFields[c])!.MetaData!;
                var ours = footer.RowGroups[g].Chunks[c].MetaData!;
                Assert.Equal(
                    (theirs.Type, theirs.Codec, theirs.NumValues, theirs.TotalCompressedSize, theirs.TotalUncompressedSize, theirs.DataPageOffset, theirs.DictionaryPageOffset),
                    (ours.Type, ours.Codec, ours.NumValues, ours.TotalCompressedSize, ours.TotalUncompressedSize, ours.DataPageOffset, ours.DictionaryPageOffset));
            }
        }

        // The query's types, by name (DuckDB writes every column optional): tickers text, as_of a
        // DATE on INT32, amounts DECIMAL(18,2) on INT64, units DECIMAL(9,3) on INT32, cik a signed 64-bit integer.
        var byName = footer.Columns.ToDictionary(c => c.Name);
        // Text: BYTE_ARRAY annotated UTF8 (the converted type 0, which DuckDB writes) or STRING (the logical type).
        Assert.Equal(6, byName["ticker"].Physical);
        Assert.True(byName["ticker"].Converted == 0 || byName["ticker"].Logical == FooterLogical.String, byName["ticker"].ToString());
        // Dates and decimals likewise by either annotation (converted 6 DATE, 5 DECIMAL).
        Assert.Equal((1, true), (byName["as_of"].Physical, byName["as_of"].Converted == 6 || byName["as_of"].Logical == FooterLogical.Date));
        Assert.Equal((2, true, 2), (byName["total_assets_usd"].Physical, byName["total_assets_usd"].Converted == 5 || byName["total_assets_usd"].Logical == FooterLogical.Decimal, byName["total_assets_usd"].Scale));
        Assert.Equal((1, true, 3), (byName["units"].Physical, byName["units"].Converted == 5 || byName["units"].Logical == FooterLogical.Decimal, byName["units"].Scale));
        Assert.Equal(2, byName["cik"].Physical);
        Assert.All(footer.Columns, c => Assert.Equal(1, c.Repetition));
    }

    [Fact]
    public void A_file_of_the_decoders_types_is_read_without_parquet_net_and_one_with_others_is_not()
    {
        string ours = Path.Combine(_dir, "ours.parquet"), other = Path.Combine(_dir, "other.parquet");
        Execute($"COPY ({Query}) TO '{ours}' (FORMAT parquet)");
        Execute($"COPY (SELECT *, true AS index_constituent FROM ({Query})) TO '{other}' (FORMAT parquet)");

        Assert.NotNull(Plan(ours));

        // So is one Parquet.Net writes (SnapshotFrameParquet.Write: STRING and DECIMAL logical types, DATE converted).
        string csv = Path.Combine(_dir, "p.csv"), written = Path.Combine(_dir, "written.parquet");
        Execute($"COPY ({Query}) TO '{csv}' (FORMAT csv, HEADER)");
        SnapshotFrameParquet.Write(SnapshotFrame.ReadCsv(csv), written);
        Assert.NotNull(Plan(written));

        // BOOLEAN is read by Parquet.Net: the whole file goes through it (and still reads as its CSV does).
        Assert.Null(Plan(other));
        Assert.True(SnapshotFrameParquet.Read(other).FlagAt("index_constituent", 0));

        static (SnapshotFrameBuilder, DecodedColumnSetter?[])? Plan(string path)
        {
            using var stream = File.OpenRead(path);
            return SnapshotFrameParquet.DecodedPlan(ParquetFooter.TryRead(stream)!, new SnapshotReadOptions(), "p");
        }
    }

    [Fact]
    public void A_chunk_the_decoder_declines_is_read_by_parquet_net_which_names_the_column()
    {
        // DuckDB writes years past 9999; a .NET date stops there: the decoder declines the chunk, Parquet.Net reads it
        // and fails, and the error names the column and the rows.
        string path = Path.Combine(_dir, "far.parquet");
        Execute($"COPY (SELECT 'AAA' AS ticker, DATE '12025-06-30' AS as_of, 1::DECIMAL(18,2) AS digital_assets_usd, 2::DECIMAL(18,2) AS total_assets_usd) TO '{path}' (FORMAT parquet)");

        var ex = Assert.Throws<InputException>(() => SnapshotFrameParquet.Read(path));
        Assert.StartsWith("column 'as_of': cannot be read in row group 1 (rows 1 to 1)", Assert.Single(ex.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rle_bit_packed_hybrid_decodes_the_specifications_examples()
    {
        // Parquet's encodings spec: 0..7 bit-packed at width 3 are 10001000 11000110 11111010 (0x88, 0xC6, 0xFA);
        // the group header is (1 group << 1) | 1 = 3. Then an RLE run: header (5 << 1) = 10, value 4 in one byte.
        var into = new int[13];
        ColumnChunkDecoder.Hybrid([3, 0x88, 0xC6, 0xFA, 10, 4], 3, into);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 4, 4, 4, 4, 4], into);

        // Cut short: the run promises 5 values, 6 are asked for.
        var ex = Assert.Throws<InvalidDataException>(() => ColumnChunkDecoder.Hybrid([10, 4], 3, new int[6]));
        Assert.Contains("5 of 6", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticker_that_is_not_utf8_is_an_error_naming_row_and_column()
    {
        // Parquet.Net writes raw bytes; 0xFF never occurs in UTF-8.
        string path = Path.Combine(_dir, "bad.parquet");
        var fields = new DataField[] { new DataField<byte[]>("ticker"), new DataField<string>("as_of"), new DataField<string>("digital_assets_usd"), new DataField<string>("total_assets_usd") };
        await using (var file = File.Create(path))
        {
            await WriteAsync(file, fields);
        }

        var ex = Assert.Throws<InputException>(() => SnapshotFrameParquet.Read(path));
        Assert.Equal("row 2, column 'ticker': is not valid UTF-8 text", Assert.Single(ex.Errors).ToString());

        static async Task WriteAsync(Stream file, DataField[] fields)
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(fields[0], (IReadOnlyCollection<byte[]>)[[(byte)'A'], [(byte)'B', 0xFF]]);
            await group.WriteAsync(fields[1], (IReadOnlyCollection<string>)["2025-09-30", "2025-09-30"]);
            await group.WriteAsync(fields[2], (IReadOnlyCollection<string>)["1", "2"]);
            await group.WriteAsync(fields[3], (IReadOnlyCollection<string>)["4", "4"]);
        }
    }

    [Fact]
    public void A_corrupt_file_is_an_input_error_or_read_never_another_exception()
    {
        // Flip bytes of the column data (not the footer) of a small file, 300 times at seeded places: whichever decoder
        // reads a chunk, the result is a frame or an InputException, never a crash or a hang.
        string csv = Path.Combine(_dir, "p.csv"), path = Path.Combine(_dir, "w.parquet");
        Execute($"COPY ({Query} LIMIT 200) TO '{csv}' (FORMAT csv, HEADER)");
        SnapshotFrameParquet.Write(SnapshotFrame.ReadCsv(csv), path);
        byte[] good = File.ReadAllBytes(path);
        int footer = BitConverter.ToInt32(good, good.Length - 8);
        int dataEnd = good.Length - 8 - footer;
        var random = new Random(24);
        int read = 0, refused = 0;
        for (int i = 0; i < 300; i++)
        {
            byte[] bad = (byte[])good.Clone();
            for (int k = 0; k < 1 + (i % 4); k++)
            {
                bad[random.Next(4, dataEnd)] ^= (byte)random.Next(1, 256);
            }

            try
            {
                SnapshotFrameParquet.Read(new MemoryStream(bad));
                read++;
            }
            catch (InputException)
            {
                refused++;
            }
        }

        Assert.Equal(300, read + refused);
        Assert.True(refused > 0, "some corruption must be caught");
    }

    private static async Task AssertDecodedLikeParquetNet(string path, int columns, int minGroups)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { TreatByteArrayAsString = true, UseDateOnlyTypeForDates = true });
        var decoder = new ColumnChunkDecoder();
        var values = new ChunkValues();
        int decoded = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int rows = (int)group.RowCount;
            foreach (var field in reader.Schema.DataFields)
            {
                var chunk = group.GetMetadata(field)!;
                Assert.True(decoder.TryDecode(stream, chunk, field.MaxDefinitionLevel, rows, values, out string? why), $"{field.Name}, group {g}: {why}");
                decoded++;
                var expected = await ParquetNetValues(group, field, rows);
                var actual = new List<string?>();
                for (int i = 0, v = 0; i < rows; i++)
                {
                    bool present = values.AllPresent || values.Present[i] != 0;
                    actual.Add(!present ? null
                        : ColumnChunkDecoder.PhysicalOf(chunk) == ColumnChunkDecoder.Physical.ByteArray ? System.Text.Encoding.UTF8.GetString(values.BytesAt(v++))
                        : values.NumberAt(values.Plain.Span, v++).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                Assert.Equal(expected, actual);
            }
        }

        // Every chunk of every group (DuckDB rounds row groups up to its vectors of 2,048 rows: 3,000 rows in 2).
        Assert.InRange(reader.RowGroupCount, minGroups, int.MaxValue);
        Assert.Equal(reader.RowGroupCount * columns, decoded);
    }

    /// <summary>Parquet.Net's values of a chunk as text: strings as they are, numbers as their stored integers (a DECIMAL unscaled, a DATE as days since 1970-01-01).</summary>
    private static async Task<List<string?>> ParquetNetValues(ParquetRowGroupReader group, DataField field, int rows)
    {
        var t = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
        {
            var s = new string?[rows];
            await group.ReadAsync(field, s.AsMemory());
            return [.. s];
        }

        if (t == typeof(decimal))
        {
            var d = new decimal?[rows];
            await group.ReadAsync<decimal>(field, d.AsMemory());
            int scale = ((DecimalDataField)field).Scale;
            return [.. d.Select(x => x is { } v ? decimal.ToInt64(v * Pow(scale)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null)];
        }

        if (t == typeof(DateOnly))
        {
            var d = new DateOnly?[rows];
            await group.ReadAsync<DateOnly>(field, d.AsMemory());
            int epoch = new DateOnly(1970, 1, 1).DayNumber;
            return [.. d.Select(x => x is { } v ? (v.DayNumber - epoch).ToString(System.Globalization.CultureInfo.InvariantCulture) : null)];
        }

        var l = new long?[rows];
        await group.ReadAsync<long>(field, l.AsMemory());
        return [.. l.Select(x => x?.ToString(System.Globalization.CultureInfo.InvariantCulture))];

        static decimal Pow(int scale) => Enumerable.Repeat(10m, scale).Aggregate(1m, (a, b) => a * b);
    }

    private static string CsvOf(SnapshotFrame frame)
    {
        using var o = new MemoryStream();
        frame.WriteCsv(o);
        return System.Text.Encoding.UTF8.GetString(o.ToArray());
    }

    private static void Execute(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
