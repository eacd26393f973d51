using DatRules.Data.Formats;

namespace DatRules.Cli.Tests.Commands;

/// <summary>
/// <c>screen -i F.parquet</c> prints exactly what <c>screen -i F.csv</c> prints for the same data, in every output format
/// (issue 24); <c>--culture</c> reads decimal commas.
/// </summary>
public sealed class ScreenParquetInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("datrules-pqin-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string[]> Screens() => new()
    {
        Array.Empty<string>(),
        new[] { "--wide" },
        new[] { "-f", "json" },
        new[] { "-f", "csv" },
        new[] { "-f", "csv", "--no-reasons" },
        new[] { "--policy", "msci-2025-10-dat-proposal", "-f", "csv" },
        new[] { "--as-known-on", "2025-10-10", "-f", "json" },
        new[] { "--provider", "MSCI", "--date", "2026-03-02" },
        new[] { "--ticker", "MSTR,MARA", "-f", "csv" },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public void Parquet_input_prints_what_the_csv_prints(string[] options)
    {
        var (csv, parquet) = EmbeddedDatasetBothWays();
        var fromCsv = CliRunner.Run(["screen", "-i", csv, .. options]);
        var fromParquet = CliRunner.Run(["screen", "-i", parquet, .. options]);

        Assert.Equal(0, fromCsv.ExitCode);
        Assert.Equal(0, fromParquet.ExitCode);
        Assert.False(string.IsNullOrEmpty(fromCsv.Out));
        Assert.Equal(fromCsv.Out, fromParquet.Out);
        Assert.Equal(fromCsv.Error.Replace("d.csv", "d.parquet", StringComparison.Ordinal), fromParquet.Error);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("parquet")]
    public void Parquet_input_writes_the_csvs_binary_outputs_byte_for_byte(string format)
    {
        var (csv, parquet) = EmbeddedDatasetBothWays();
        string a = Path.Combine(_dir, "a." + format), b = Path.Combine(_dir, "b." + format);
        Assert.Equal(0, CliRunner.Run("screen", "-i", csv, "-f", format, "--out", a).ExitCode);
        Assert.Equal(0, CliRunner.Run("screen", "-i", parquet, "-f", format, "--out", b).ExitCode);
        if (format == "xlsx")
        {
            // A workbook is a zip whose entries carry the time they were written, and the OpenXml SDK names relationships at
            // random (R followed by 16 hex digits, the same from one CSV twice): the entries are compared without those.
            using var za = System.IO.Compression.ZipFile.OpenRead(a);
            using var zb = System.IO.Compression.ZipFile.OpenRead(b);
            Assert.Equal(za.Entries.Select(e => e.FullName), zb.Entries.Select(e => e.FullName));
            foreach (var entry in za.Entries)
            {
                Assert.Equal(Normalized(entry), Normalized(zb.GetEntry(entry.FullName)!));
            }
        }
        else
        {
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }

        static string Normalized(System.IO.Compression.ZipArchiveEntry entry)
        {
            using var s = new StreamReader(entry.Open());
            return System.Text.RegularExpressions.Regex.Replace(s.ReadToEnd(), "R[0-9a-f]{16}", "R");
        }
    }

    [Fact]
    public void A_large_parquet_file_read_on_two_cores_prints_what_the_csv_prints()
    {
        // 150,000 rows (over the two-core threshold of 100,000): ticker, dates, whole and sub-cent amounts, a blank total.
        string csv = Path.Combine(_dir, "big.csv");
        using (var w = new StreamWriter(csv))
        {
            w.WriteLine("ticker,as_of,digital_assets_usd,total_assets_usd,name");
            for (int i = 0; i < 150_000; i++)
            {
                string total = i % 97 == 0 ? string.Empty : $"{1000 + (i % 5000)}.{i % 100:D2}";
                w.WriteLine($"T{i:D6},2025-0{(i % 3) + 6}-30,{i % 1000}.{i % 1000:D3},{total},Name {i}");
            }
        }

        string parquet = Path.Combine(_dir, "big.parquet");
        SnapshotFrameParquet.Write(Data.SnapshotFrame.ReadCsv(csv), parquet);
        var fromCsv = CliRunner.Run("screen", "-i", csv, "-f", "csv");
        var fromParquet = CliRunner.Run("screen", "-i", parquet, "-f", "csv");
        Assert.Equal(0, fromParquet.ExitCode);
        Assert.Equal(150_001, fromParquet.Out.Count(c => c == '\n'));
        Assert.Equal(fromCsv.Out, fromParquet.Out);
    }

    [Fact]
    public void Bad_parquet_input_exits_2_naming_file_column_and_row()
    {
        string text = Path.Combine(_dir, "x.parquet");
        File.WriteAllText(text, "not parquet");
        var notParquet = CliRunner.Run("screen", "-i", text);
        Assert.Equal(2, notParquet.ExitCode);
        Assert.Contains("x.parquet: not a readable Parquet file", notParquet.Error, StringComparison.Ordinal);

        // A negative total in row 2 and a floating-point column, in files DuckDB writes.
        string negative = Path.Combine(_dir, "neg.parquet");
        DuckDb($"COPY (SELECT * FROM (VALUES ('AAA', DATE '2025-06-30', 1.00::DECIMAL(18,2), 2.00::DECIMAL(18,2)), ('BBB', DATE '2025-06-30', 1.00, -5.00)) t(ticker, as_of, digital_assets_usd, total_assets_usd)) TO '{negative}' (FORMAT parquet)");
        var bad = CliRunner.Run("screen", "-i", negative);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("neg.parquet: row 2, column 'total_assets_usd': '-5.00' is negative", bad.Error, StringComparison.Ordinal);

        string floating = Path.Combine(_dir, "double.parquet");
        DuckDb($"COPY (SELECT 'AAA' AS ticker, DATE '2025-06-30' AS as_of, 1.5::DOUBLE AS digital_assets_usd, 2::DECIMAL(18,2) AS total_assets_usd) TO '{floating}' (FORMAT parquet)");
        var refused = CliRunner.Run("screen", "-i", floating);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("double.parquet: column 'digital_assets_usd': is DOUBLE, a binary floating-point number", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Culture_reads_decimal_commas_and_without_it_they_are_refused()
    {
        string csv = Path.Combine(_dir, "de.csv");
        File.WriteAllText(csv, "ticker;as_of;digital_assets_usd;total_assets_usd\nAAA;2025-09-30;1.234,56;2.469,12\n");

        // 1234.56 / 2469.12 = 0.5 exactly: a DAT at MSCI's inclusive 50%.
        var read = CliRunner.Run("screen", "-i", csv, "--culture", "de-DE", "-f", "csv", "--no-reasons");
        Assert.Equal(0, read.ExitCode);
        Assert.Equal("ticker,as_of,classification,digital_asset_ratio\nAAA,2025-09-30,DigitalAssetTreasury,0.5\n", read.Out.Replace("\r\n", "\n", StringComparison.Ordinal));

        var refused = CliRunner.Run("screen", "-i", csv, "-f", "csv");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("line 2, column 'digital_assets_usd': '1.234,56' is not a number", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--culture de-DE", refused.Error, StringComparison.Ordinal);

        var unknown = CliRunner.Run("screen", "-i", csv, "--culture", "xx");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--culture: 'xx' is not a known number culture; known: de-DE", unknown.Error, StringComparison.Ordinal);
    }

    private static void DuckDb(string sql)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private (string Csv, string Parquet) EmbeddedDatasetBothWays()
    {
        string csv = Path.Combine(_dir, "d.csv"), parquet = Path.Combine(_dir, "d.parquet");
        File.WriteAllText(csv, RepoFiles.Read("src", "DatRules.Cli", "Data", "companies.csv"));
        SnapshotFrameParquet.Write(Data.SnapshotFrame.ReadCsv(csv), parquet);
        return (csv, parquet);
    }
}
