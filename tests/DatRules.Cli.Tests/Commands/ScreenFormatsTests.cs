using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DuckDB.NET.Data;

namespace DatRules.Cli.Tests.Commands;

/// <summary>
/// <c>screen -f xlsx</c> and <c>-f parquet</c> read back by readers that share no code with the writers: DuckDB for
/// Parquet, the OpenXml SDK's DOM for the workbook. The rows and columns are the CSV's.
/// </summary>
public sealed class ScreenFormatsTests
{
    // MSTR in the embedded dataset: 73,205,725,000 / 73,619,038,000 = 0.99438578650... (to 10 decimals 0.9943857865),
    // as of 2025-09-30, filed 2025-11-03, CIK 1050446.
    private const decimal MstrRatio = 0.9943857865m;

    private static string Temp(string extension) => Path.Combine(Path.GetTempPath(), $"datrules-{Guid.NewGuid():N}.{extension}");

    private static string[][] CsvRows(params string[] extra)
    {
        var csv = CliRunner.Run(["screen", "-f", "csv", "--no-reasons", .. extra]);
        Assert.Equal(0, csv.ExitCode);
        return [.. csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))];
    }

    [Fact]
    public void Parquet_is_typed_and_has_the_csvs_rows_read_by_duckdb()
    {
        string path = Temp("parquet");
        try
        {
            var result = CliRunner.Run("screen", "-f", "parquet", "--out", path);
            Assert.Equal(0, result.ExitCode);
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();

            command.CommandText = $"DESCRIBE SELECT * FROM read_parquet('{path}')";
            var types = new Dictionary<string, string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    types[reader.GetString(0)] = reader.GetString(1);
                }
            }

            Assert.Equal("VARCHAR", types["ticker"]);
            Assert.Equal("DATE", types["as_of"]);
            Assert.Equal("VARCHAR", types["classification"]);
            Assert.Equal("DECIMAL(20,10)", types["digital_asset_ratio"]);
            Assert.Equal("BIGINT", types["cik"]);
            Assert.Equal("DATE", types["filed"]);
            Assert.Equal("BOOLEAN", types["estimate"]);
            Assert.Equal("VARCHAR", types["reasons"]);

            command.CommandText = $"SELECT CAST(as_of AS VARCHAR), classification, digital_asset_ratio, cik, CAST(filed AS VARCHAR), estimate FROM read_parquet('{path}') WHERE ticker = 'MSTR'";
            using (var reader = command.ExecuteReader())
            {
                Assert.True(reader.Read());
                Assert.Equal("2025-09-30", reader.GetString(0));
                Assert.Equal("DigitalAssetTreasury", reader.GetString(1));
                Assert.Equal(MstrRatio, reader.GetDecimal(2));
                Assert.Equal(1050446L, reader.GetInt64(3));
                Assert.Equal("2025-11-03", reader.GetString(4));
                Assert.False(reader.GetBoolean(5));
            }

            // Every row and the first four columns as the CSV writes them.
            var csv = CsvRows();
            command.CommandText = $"SELECT ticker, CAST(as_of AS VARCHAR), classification, digital_asset_ratio FROM read_parquet('{path}')";
            var rows = new List<string[]>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add([reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? string.Empty : reader.GetDecimal(3).ToString(CultureInfo.InvariantCulture)]);
                }
            }

            Assert.Equal(["ticker", "as_of", "classification", "digital_asset_ratio"], csv[0][..4]);
            Assert.Equal(csv.Length - 1, rows.Count);
            for (int i = 0; i < rows.Count; i++)
            {
                Assert.Equal(csv[i + 1][..3], rows[i][..3]);
                Assert.Equal(Number(csv[i + 1][3]), Number(rows[i][3]));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static decimal? Number(string text) => text.Length == 0 ? null : decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Parquet_with_a_policy_has_the_policy_columns()
    {
        string path = Temp("parquet");
        try
        {
            Assert.Equal(0, CliRunner.Run("screen", "--policy", "msci-2025-10-dat-proposal", "-f", "parquet", "--out", path).ExitCode);
            var header = CsvRows("--policy", "msci-2025-10-dat-proposal")[0];
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM read_parquet('{path}') LIMIT 1";
            using var reader = command.ExecuteReader();
            var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            Assert.Equal(header, names[..header.Length]);
            Assert.Equal(["estimate", "reasons"], names[header.Length..]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Xlsx_has_numbers_dates_a_frozen_header_and_an_autofilter()
    {
        string path = Temp("xlsx");
        try
        {
            Assert.Equal(0, CliRunner.Run("screen", "-f", "xlsx", "--out", path).ExitCode);
            var csv = CsvRows();
            using var document = SpreadsheetDocument.Open(path, false);
            var workbook = document.WorkbookPart!;
            var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray();
            var sheet = workbook.WorksheetParts.Single().Worksheet;
            var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
            var custom = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
            var rows = sheet.GetFirstChild<SheetData>()!.Elements<Row>().ToArray();
            Assert.Equal(csv.Length, rows.Length);

            string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] : c.CellValue!.Text;
            Cell At(Row r, string column) => r.Elements<Cell>().Single(c => c.CellReference!.Value == column + r.RowIndex!.Value.ToString(CultureInfo.InvariantCulture));
            string FormatCode(Cell c)
            {
                uint id = formats[(int)c.StyleIndex!.Value].NumberFormatId!.Value;
                return custom.TryGetValue(id, out var code) ? code : id == 10 ? "0.00%" : id.ToString(CultureInfo.InvariantCulture);
            }

            // The header: the CSV's names (with reasons: no --no-reasons here), as shared strings.
            var header = rows[0].Elements<Cell>().Select(Text).ToArray();
            Assert.Equal(csv[0], header[..csv[0].Length]);
            Assert.All(rows[0].Elements<Cell>(), c => Assert.Equal(CellValues.SharedString, c.DataType!.Value));

            var mstr = rows.Single(r => Text(At(r, "A")) == "MSTR");
            var asOf = At(mstr, "B");
            Assert.Null(asOf.DataType);
            // 2025-09-30 is day 45,930 of Excel's calendar: 2025-01-01 is 45,658 (DATE(2025,1,1)), plus 272 days.
            Assert.Equal("45930", asOf.CellValue!.Text);
            Assert.Contains("yy", FormatCode(asOf), StringComparison.Ordinal);
            var ratio = At(mstr, "D");
            Assert.Null(ratio.DataType);
            Assert.Equal(MstrRatio, decimal.Parse(ratio.CellValue!.Text, CultureInfo.InvariantCulture));
            Assert.EndsWith("%", FormatCode(ratio), StringComparison.Ordinal);
            Assert.Equal(CellValues.SharedString, At(mstr, "A").DataType!.Value);
            Assert.Equal(CellValues.SharedString, At(mstr, "C").DataType!.Value);

            var pane = sheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1D, pane.VerticalSplit!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            string last = ((char)('A' + header.Length - 1)).ToString() + rows.Length.ToString(CultureInfo.InvariantCulture);
            Assert.Equal("A1:" + last, sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);

            for (int i = 1; i < rows.Length; i++)
            {
                Assert.Equal(csv[i][0], Text(At(rows[i], "A")));
                Assert.Equal(csv[i][2], Text(At(rows[i], "C")));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("parquet")]
    public void Binary_formats_need_out(string format)
    {
        var result = CliRunner.Run("screen", "-f", format);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void Other_commands_refuse_the_binary_formats()
    {
        Assert.Equal(2, CliRunner.Run("policies", "-f", "xlsx").ExitCode);
    }
}
