using DatRules.Classification;
using DatRules.Data.Formats;
using DuckDB.NET.Data;

namespace DatRules.Data.Tests.Formats;

/// <summary>
/// <see cref="SnapshotFrameParquet"/>: a frame written and read back whole, our Parquet read by DuckDB with the declared
/// types, DuckDB's Parquet read by us, and hostile files (not Parquet, cut short, floating-point amounts, nulls in required
/// columns, negative amounts, duplicates) as typed errors naming column and row. Expected values are the inputs' own figures.
/// </summary>
public sealed class SnapshotFrameParquetTests : IDisposable
{
    private const string Csv =
        "ticker,as_of,digital_assets_usd,total_assets_usd,units,name,index_constituent,cik,filed,accession,currency,revenue_quarter\n" +
        "AAA,2025-06-30,50,100,1.5,Alpha Inc,true,1050446,2025-08-01,0001050446-25-000001,,-12.5\n" +
        "BBB,2025-09-30,49.99,100,,\"Beta, Co\",false,,,,JPY,\n" +
        "CCC,2025-09-30,0.001,,,,,,,,,\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("datrules-parquet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_frame_written_as_parquet_reads_back_whole()
    {
        var frame = SnapshotFrame.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Csv)));
        using var parquet = new MemoryStream();
        SnapshotFrameParquet.Write(frame, parquet);
        parquet.Position = 0;
        var back = SnapshotFrameParquet.Read(parquet);

        Assert.Equal(CsvOf(frame), CsvOf(back));
        Assert.Equal(frame.Columns, back.Columns);

        // The input's own figures, by hand: CCC's 0.001 is below a cent (kept exact), its total is blank.
        Assert.Equal(3, back.Count);
        Assert.Equal(50m, back.AmountAt("digital_assets_usd", 0));
        Assert.Equal(49.99m, back.AmountAt("digital_assets_usd", 1));
        Assert.Equal(0.001m, back.AmountAt("digital_assets_usd", 2));
        Assert.Null(back.AmountAt("total_assets_usd", 2));
        Assert.Equal(1.5m, back.AmountAt("units", 0));
        Assert.Equal(new LocalDate(2025, 8, 1), back.DateAt("filed", 0));
        Assert.Null(back.DateAt("filed", 1));
        Assert.Equal("Beta, Co", back.TextAt("name", 1));
        Assert.Equal("-12.5", back.TextAt("revenue_quarter", 0));
        Assert.True(back.FlagAt("index_constituent", 0));
        Assert.False(back.FlagAt("index_constituent", 1));
        Assert.Null(back.FlagAt("index_constituent", 2));
    }

    [Fact]
    public void Our_parquet_has_typed_columns_that_duckdb_reads()
    {
        string path = Path.Combine(_dir, "s.parquet");
        SnapshotFrameParquet.Write(SnapshotFrame.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Csv))), path);
        using var connection = Open();
        var types = Rows(connection, $"DESCRIBE SELECT * FROM read_parquet('{path}')").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);

        // digital_assets_usd holds 0.001: three decimals; the other amounts are whole cents.
        Assert.Equal("DECIMAL(18,3)", types["digital_assets_usd"]);
        Assert.Equal("DECIMAL(18,2)", types["total_assets_usd"]);
        Assert.Equal("DATE", types["as_of"]);
        Assert.Equal("DATE", types["filed"]);
        Assert.Equal("BOOLEAN", types["index_constituent"]);
        Assert.Equal("VARCHAR", types["ticker"]);

        // 100 + 100 (CCC's total is null) = 200; 50 + 49.99 + 0.001 = 99.991.
        var sums = Assert.Single(Rows(connection, $"SELECT CAST(sum(total_assets_usd) AS VARCHAR), CAST(sum(digital_assets_usd) AS VARCHAR), CAST(min(as_of) AS VARCHAR) FROM read_parquet('{path}')"));
        Assert.Equal(["200.00", "99.991", "2025-06-30"], sums);
    }

    [Fact]
    public void Duckdbs_parquet_is_read_with_names_in_any_case_and_unknown_columns_ignored()
    {
        string path = DuckDbParquet("""
            SELECT * FROM (VALUES
              ('AAA', DATE '2025-06-30', 50.00::DECIMAL(18,2), 100::BIGINT, 'a note', 1.5::DOUBLE),
              ('BBB', DATE '2025-09-30', 1234.5678::DECIMAL(38,4), 2000::BIGINT, NULL, NULL)
            ) t("Ticker", "AS_OF", "Digital_Assets_USD", total_assets_usd, remark, price)
            """);
        var frame = SnapshotFrameParquet.Read(path);

        Assert.Equal(2, frame.Count);
        Assert.Equal("p.parquet", frame.SourceName);
        Assert.Equal(["ticker", "as_of", "digital_assets_usd", "total_assets_usd"], frame.Columns);
        Assert.Equal("BBB", frame.TextAt("ticker", 1));
        Assert.Equal(new LocalDate(2025, 9, 30), frame.DateAt("as_of", 1));
        Assert.Equal(1234.5678m, frame.AmountAt("digital_assets_usd", 1));
        Assert.Equal(2000m, frame.AmountAt("total_assets_usd", 1));

        // 50 / 100 = 50%: a DAT at MSCI's inclusive bound; 1234.5678 / 2000 = 61.7%: a DAT.
        Assert.Equal(DatClassification.DigitalAssetTreasury, DatClassifier.Msci.Classify(frame.SnapshotAt(0)).Classification);
        Assert.Equal(0.5m, DatClassifier.Msci.Classify(frame.SnapshotAt(0)).DigitalAssetRatio);
    }

    [Fact]
    public void A_timestamp_at_midnight_is_a_date_and_one_with_a_time_is_an_error_naming_row_and_column()
    {
        var frame = SnapshotFrameParquet.Read(DuckDbParquet("SELECT 'AAA' AS ticker, TIMESTAMP '2025-06-30 00:00:00' AS as_of, 1::DECIMAL(18,2) AS digital_assets_usd, 2::DECIMAL(18,2) AS total_assets_usd"));
        Assert.Equal(new LocalDate(2025, 6, 30), frame.DateAt("as_of", 0));

        var ex = Assert.Throws<InputException>(() => SnapshotFrameParquet.Read(DuckDbParquet(
            "SELECT 'AAA' AS ticker, TIMESTAMP '2025-06-30 12:30:00' AS as_of, 1::DECIMAL(18,2) AS digital_assets_usd, 2::DECIMAL(18,2) AS total_assets_usd")));
        Assert.StartsWith("row 1, column 'as_of': '2025-06-30T12:30:00'", Assert.Single(ex.Errors).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DOUBLE")]
    [InlineData("FLOAT")]
    public void A_floating_point_amount_is_refused_naming_the_column(string type)
    {
        var ex = Assert.Throws<InputException>(() => SnapshotFrameParquet.Read(DuckDbParquet(
            $"SELECT 'AAA' AS ticker, DATE '2025-06-30' AS as_of, 50.0::{type} AS digital_assets_usd, 100::DECIMAL(18,2) AS total_assets_usd")));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("digital_assets_usd", error.Column);
        Assert.StartsWith($"column 'digital_assets_usd': is {type}, a binary floating-point number", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("DECIMAL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_column_of_another_type_is_refused_naming_it()
    {
        var ex = Assert.Throws<InputException>(() => SnapshotFrameParquet.Read(DuckDbParquet(
            "SELECT 'AAA' AS ticker, 20250630 AS as_of, 50::DECIMAL(18,2) AS digital_assets_usd, 100::DECIMAL(18,2) AS total_assets_usd")));
        Assert.Equal("column 'as_of': is INT32; expected DATE, a TIMESTAMP at midnight, or text yyyy-MM-dd", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Nulls_negative_amounts_and_duplicates_are_errors_naming_row_and_column_in_row_order()
    {
        string path = DuckDbParquet("""
            SELECT * FROM (VALUES
              ('AAA', DATE '2025-06-30', 50.00::DECIMAL(18,2), 100.00::DECIMAL(18,2)),
              (NULL, DATE '2025-06-30', 1.00, 2.00),
              ('BBB', DATE '2025-06-30', 1.00, -5.00),
              ('aaa', DATE '2025-06-30', 3.00, 4.00),
              ('CCC', NULL, NULL, 4.00)
            ) t(ticker, as_of, digital_assets_usd, total_assets_usd)
            """);
        var ex = Assert.Throws<InputException>(() => SnapshotFrameParquet.Read(path));
        Assert.Equal(
            [
                "row 2, column 'ticker': value is missing",
                "row 3, column 'total_assets_usd': '-5.00' is negative; amounts and counts must be >= 0",
                "row 4, column 'ticker': duplicate row for aaa as of 2025-06-30 (first on row 1)",
                "row 5, column 'as_of': value is missing",
                "row 5, column 'digital_assets_usd': value is missing",
            ],
            ex.Errors.Select(e => e.ToString()));
        Assert.Equal("p.parquet", ex.Source);

        // Skipping them keeps rows 1 (AAA) and nothing else: 2 to 5 are all invalid.
        var frame = SnapshotFrameParquet.Read(path, new SnapshotReadOptions { SkipInvalid = true });
        Assert.Equal(1, frame.Count);
        Assert.Equal(5, frame.Skipped.Count);
    }

    [Fact]
    public void A_missing_required_column_and_a_name_given_twice_are_header_errors()
    {
        var ex = Assert.Throws<InputException>(() => SnapshotFrameParquet.Read(DuckDbParquet(
            "SELECT 'AAA' AS ticker, 'BBB' AS \"TICKER_\", 50::DECIMAL(18,2) AS digital_assets_usd, 100::DECIMAL(18,2) AS total_assets_usd")));
        Assert.Equal("column 'as_of': required column is missing from the header", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void A_file_that_is_not_parquet_or_is_cut_short_is_an_input_error()
    {
        string text = Path.Combine(_dir, "text.parquet");
        File.WriteAllText(text, "ticker,as_of,digital_assets_usd,total_assets_usd\nAAA,2025-06-30,1,2\n");
        var ex = Assert.Throws<InputException>(() => SnapshotFrameParquet.Read(text));
        Assert.StartsWith("not a readable Parquet file", Assert.Single(ex.Errors).ToString(), StringComparison.Ordinal);

        var whole = File.ReadAllBytes(DuckDbParquet("SELECT 'AAA' AS ticker, DATE '2025-06-30' AS as_of, 1::DECIMAL(18,2) AS digital_assets_usd, 2::DECIMAL(18,2) AS total_assets_usd"));
        foreach (int length in new[] { 0, 3, whole.Length / 2, whole.Length - 1 })
        {
            string cut = Path.Combine(_dir, $"cut{length}.parquet");
            File.WriteAllBytes(cut, whole[..length]);
            Assert.Throws<InputException>(() => SnapshotFrameParquet.Read(cut));
        }

        Assert.Throws<InputException>(() => SnapshotFrameParquet.Read(Path.Combine(_dir, "missing.parquet")));
    }

    [Fact]
    public void Files_are_read_as_parquet_by_name_or_magic_bytes_and_otherwise_as_csv()
    {
        string csv = Path.Combine(_dir, "s.csv");
        File.WriteAllText(csv, Csv);
        string parquet = Path.Combine(_dir, "s.parquet"), unnamed = Path.Combine(_dir, "s.dat");
        SnapshotFrameParquet.Write(SnapshotFrame.ReadCsv(csv), parquet);
        File.Copy(parquet, unnamed);

        Assert.False(SnapshotFiles.IsParquet(csv));
        Assert.True(SnapshotFiles.IsParquet(parquet));
        Assert.True(SnapshotFiles.IsParquet(unnamed));
        string expected = CsvOf(SnapshotFrame.ReadCsv(csv));
        Assert.Equal(expected, CsvOf(SnapshotFiles.Read(parquet, new SnapshotReadOptions())));
        Assert.Equal(expected, CsvOf(SnapshotFiles.Read(unnamed, new SnapshotReadOptions())));
    }

    private static string CsvOf(SnapshotFrame frame)
    {
        using var o = new MemoryStream();
        frame.WriteCsv(o);
        return System.Text.Encoding.UTF8.GetString(o.ToArray());
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    private static List<object?[]> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Writes a query's result as Parquet with DuckDB: p.parquet in the test's folder.</summary>
    private string DuckDbParquet(string query)
    {
        string path = Path.Combine(_dir, "p.parquet");
        File.Delete(path);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY ({query}) TO '{path}' (FORMAT parquet)";
        command.ExecuteNonQuery();
        return path;
    }
}
