using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Parquet;
using Parquet.Schema;
using DataField = Parquet.Schema.DataField;

namespace DatRules.Data.Formats;

/// <summary>
/// Writes a <see cref="ScreenReport"/> as an Excel workbook or as Parquet: the rows and columns of
/// <see cref="ScreenReport.WriteCsv(Stream, bool)"/>, typed (numbers as numbers, dates as dates), read through the
/// report's public row API (<see cref="ScreenReport.RatioAt"/>, <see cref="ScreenReport.ReasonsAt"/>, ...).
/// </summary>
public static class ScreenReportFormats
{
    /// <summary>The ratio's Parquet type: DECIMAL(20, 10), the CSV's ten decimals.</summary>
    private const int RatioPrecision = 20, RatioScale = 10;

    private const uint HeaderStyle = 1, DateStyle = 2, PercentStyle = 3;

    /// <summary>
    /// Writes the screen as an xlsx workbook of one sheet, <c>Screen</c>: a bold header row (frozen, with an
    /// autofilter), the ratio as a number formatted as a percentage, dates as Excel dates (<c>yyyy-mm-dd</c>), CIKs as
    /// numbers, text as shared strings.
    /// </summary>
    /// <param name="report">The screen.</param>
    /// <param name="output">The stream, left open.</param>
    /// <param name="withReasons">Whether to write the estimate and reasons columns.</param>
    public static void WriteXlsx(this ScreenReport report, Stream output, bool withReasons = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var columns = ScreenColumn.Of(report, withReasons);

        // The package is built in memory: the SDK reads back what it writes (a write-only file stream is refused).
        using var package = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            var sharedStrings = new SharedStringTable();
            var sheetData = new SheetData();
            var header = new Row { RowIndex = 1U };
            for (int c = 0; c < columns.Count; c++)
            {
                header.Append(Text(Reference(c, 1), columns[c].Name, HeaderStyle));
            }

            sheetData.Append(header);
            for (int i = 0; i < report.Count; i++)
            {
                uint rowIndex = (uint)i + 2;
                var row = new Row { RowIndex = rowIndex };
                for (int c = 0; c < columns.Count; c++)
                {
                    string reference = Reference(c, rowIndex);
                    switch (columns[c].Value(i))
                    {
                        case null:
                            break;
                        case string s:
                            row.Append(Text(reference, s, null));
                            break;
                        case LocalDate d:
                            row.Append(Number(reference, (d.ToDateOnly().DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture), DateStyle));
                            break;
                        case decimal r:
                            row.Append(Number(reference, r.ToString(System.Globalization.CultureInfo.InvariantCulture), PercentStyle));
                            break;
                        case long n:
                            row.Append(Number(reference, n.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
                            break;
                        case bool b:
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") });
                            break;
                    }
                }

                sheetData.Append(row);
            }

            string range = $"A1:{Reference(columns.Count - 1, (uint)report.Count + 1)}";
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                { WorkbookViewId = 0U }),
                sheetData,
                new AutoFilter { Reference = range });
            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
            stringsPart.SharedStringTable = sharedStrings;
            workbookPart.Workbook = new Workbook(
                new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1U, Name = "Screen" }),
                new DefinedNames(new DefinedName($"'Screen'!$A$1:${Letters(columns.Count - 1)}${report.Count + 1}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = 0U,
                    Hidden = true,
                }));

            Cell Text(string reference, string text, uint? style)
            {
                if (!strings.TryGetValue(text, out int index))
                {
                    index = strings.Count;
                    strings.Add(text, index);
                    sharedStrings.Append(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                }

                var cell = new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) };
                if (style is { } s)
                {
                    cell.StyleIndex = s;
                }

                return cell;
            }
        }

        package.Position = 0;
        package.CopyTo(output);
        output.Flush();
    }

    /// <summary>
    /// Writes the screen as Parquet, one row group: the ratio as <c>DECIMAL(20, 10)</c>, dates as <c>DATE</c>, the CIK
    /// as <c>INT64</c>, the estimate flag as <c>BOOLEAN</c>, text as UTF-8 strings; empty CSV cells are nulls.
    /// </summary>
    /// <param name="report">The screen.</param>
    /// <param name="output">The stream, left open.</param>
    /// <param name="withReasons">Whether to write the estimate and reasons columns.</param>
    public static void WriteParquet(this ScreenReport report, Stream output, bool withReasons = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        WriteParquetAsync(report, output, withReasons).GetAwaiter().GetResult();
        output.Flush();
    }

    private static async Task WriteParquetAsync(ScreenReport report, Stream output, bool withReasons)
    {
        var columns = ScreenColumn.Of(report, withReasons);
        var fields = columns.Select(c => c.Kind switch
        {
            ScreenColumnKind.Date => (DataField)new DateTimeDataField(c.Name, DateTimeFormat.Date, isNullable: true),
            ScreenColumnKind.Ratio => new DecimalDataField(c.Name, RatioPrecision, RatioScale, isNullable: true),
            ScreenColumnKind.Integer => new DataField<long?>(c.Name),
            ScreenColumnKind.Boolean => new DataField<bool>(c.Name),
            _ => new DataField<string>(c.Name, true),
        }).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        int n = report.Count;
        for (int c = 0; c < columns.Count; c++)
        {
            var value = columns[c].Value;
            switch (columns[c].Kind)
            {
                case ScreenColumnKind.Date:
                    await group.WriteAsync<DateTime>(fields[c], Values(n, i => value(i) is LocalDate d ? d.ToDateTimeUnspecified() : (DateTime?)null)).ConfigureAwait(false);
                    break;
                case ScreenColumnKind.Ratio:
                    await group.WriteAsync<decimal>(fields[c], Values(n, i => (decimal?)value(i))).ConfigureAwait(false);
                    break;
                case ScreenColumnKind.Integer:
                    await group.WriteAsync<long>(fields[c], Values(n, i => (long?)value(i))).ConfigureAwait(false);
                    break;
                case ScreenColumnKind.Boolean:
                    await group.WriteAsync<bool>(fields[c], new ReadOnlyMemory<bool>([.. Enumerable.Range(0, n).Select(i => (bool)value(i)!)])).ConfigureAwait(false);
                    break;
                default:
                    await group.WriteAsync(fields[c], (IReadOnlyCollection<string>)[.. Enumerable.Range(0, n).Select(i => (string?)value(i))!]).ConfigureAwait(false);
                    break;
            }
        }
    }

    private static ReadOnlyMemory<T?> Values<T>(int n, Func<int, T?> value)
        where T : struct
    {
        var values = new T?[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = value(i);
        }

        return values;
    }

    private static Cell Number(string reference, string value, uint? style)
    {
        var cell = new Cell { CellReference = reference, CellValue = new CellValue(value) };
        if (style is { } s)
        {
            cell.StyleIndex = s;
        }

        return cell;
    }

    private static string Reference(int column, uint row) => Letters(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Letters(int column)
    {
        string letters = string.Empty;
        for (int c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164U, FormatCode = "yyyy-mm-dd" }) { Count = 1U },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border()) { Count = 1U },
        new CellStyleFormats(new CellFormat()) { Count = 1U },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1U, ApplyFont = true },
            new CellFormat { NumberFormatId = 164U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 10U, ApplyNumberFormat = true })
        { Count = 4U });
}
