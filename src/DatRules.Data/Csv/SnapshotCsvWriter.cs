using System.Globalization;
using System.Text;
using DatRules.Issuers;

namespace DatRules.Data;

/// <summary>
/// Writes a table as the snapshot CSV, symmetric to <see cref="SnapshotCsvReader"/>: every column the table holds, in the
/// schema's order (<see cref="SnapshotSchema"/>), amounts in plain decimal notation, dates as yyyy-MM-dd, flags as
/// true/false, text quoted where CSV needs it. Reading the output back gives the same table.
/// </summary>
internal static class SnapshotCsvWriter
{
    public static void Write(SnapshotTable table, Stream stream)
    {
        var columns = SnapshotSchema.Columns.Where(c => table.Stores.ContainsKey(c.Name)).ToArray();

        // Flows are signed numbers kept as text: written as they are (a leading minus is a sign, not a formula).
        var flows = LineItem.WellKnown.Where(i => i.Kind == LineItemKind.Flow).Select(LineItemCsvColumns.ColumnOf).ToHashSet(StringComparer.Ordinal);
        var o = new Utf8Text(1 << 16);
        for (int c = 0; c < columns.Length; c++)
        {
            if (c > 0)
            {
                o.Append((byte)',');
            }

            o.Append(columns[c].Name);
        }

        o.Append((byte)'\n');
        Span<byte> scratch = stackalloc byte[64];
        for (int row = 0; row < table.Count; row++)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                if (c > 0)
                {
                    o.Append((byte)',');
                }

                switch (table.Stores[columns[c].Name])
                {
                    case AmountColumn amount when amount.ValueAt(row) is { } v:
                        o.Append(v.ToString(CultureInfo.InvariantCulture));
                        break;
                    case DateColumn date when date[row] != DateColumn.Missing:
                        o.Append(DateOnly.FromDayNumber(date[row]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        break;
                    case FlagColumn flag when flag[row] is { } f:
                        o.Append(f ? "true"u8 : "false"u8);
                        break;
                    case TextColumn text when flows.Contains(columns[c].Name):
                        o.Append(text[row]);
                        break;
                    case TextColumn text:
                        CsvCell.Write(o, text[row]);
                        break;
                }
            }

            o.Append((byte)'\n');
            if (o.Length >= 1 << 16)
            {
                stream.Write(o.Slice(0, o.Length));
                o.Clear();
            }
        }

        stream.Write(o.Slice(0, o.Length));
        stream.Flush();
    }
}
