using DatRules.Issuers;
using NodaTime;

namespace DatRules.Cli.Input;

/// <summary>
/// The optional line-item columns of a snapshot CSV, found by header name: a balance item's own name
/// (<c>cash_and_equivalents</c>, <c>marketable_securities</c>, <c>long_term_investments</c>, <c>total_liabilities</c>)
/// and a flow item's name with <c>_quarter</c> (<c>revenue_quarter</c>, <c>operating_income_quarter</c>: the three
/// months ending on <c>as_of</c>). Amounts are in the row's currency; a blank cell means "not given", never zero.
/// </summary>
/// <remarks>Self-contained so that any snapshot reader can map a row with it: <see cref="FromHeader"/> once,
/// <see cref="Read"/> per row.</remarks>
internal sealed class LineItemCsvColumns
{
    private readonly (int Index, LineItem Item, string Column)[] _columns;

    private LineItemCsvColumns((int, LineItem, string)[] columns) => _columns = columns;

    /// <summary>Gets the number of line-item columns in the header.</summary>
    internal int Count => _columns.Length;

    /// <summary>The header index of the k-th line-item column.</summary>
    internal int IndexAt(int k) => _columns[k].Index;

    /// <summary>The column name of an item: its name for a balance, name + <c>_quarter</c> for a flow.</summary>
    internal static string ColumnOf(LineItem item) => item.Kind == LineItemKind.Flow ? item.Name + "_quarter" : item.Name;

    /// <summary>Maps the header's line-item columns (digital and total assets keep their own columns).</summary>
    internal static LineItemCsvColumns FromHeader(IReadOnlyList<string> header)
    {
        var columns = new List<(int, LineItem, string)>();
        foreach (var item in LineItem.WellKnown.Where(w => !w.IsIntrinsic))
        {
            string name = ColumnOf(item);
            for (int i = 0; i < header.Count; i++)
            {
                if (string.Equals(header[i].Trim(), name, StringComparison.Ordinal))
                {
                    columns.Add((i, item, name));
                    break;
                }
            }
        }

        return new LineItemCsvColumns([.. columns]);
    }

    /// <summary>Reads the row's line items, recording an error per invalid cell (balances must be &gt;= 0; flows may be negative).</summary>
    /// <param name="cells">The trimmed text of each line-item column (k-th as <see cref="IndexAt"/>), null when blank.</param>
    /// <param name="asOf">The row's balance-sheet date (end of a flow's quarter), or null if invalid.</param>
    /// <param name="provenance">The row's provenance, given to each value.</param>
    /// <param name="line">The line number, for errors.</param>
    /// <param name="errors">Where errors go.</param>
    internal LineItemValue[] Read(string?[] cells, LocalDate? asOf, Provenance? provenance, int line, List<InputError> errors)
    {
        if (_columns.Length == 0)
        {
            return [];
        }

        var values = new List<LineItemValue>();
        for (int k = 0; k < _columns.Length; k++)
        {
            var (_, item, column) = _columns[k];
            if (cells[k] is not { } text)
            {
                continue;
            }

            if (item.Kind == LineItemKind.Balance)
            {
                if (SnapshotCsvReader.Amount(text, column, required: false, line, errors) is { } amount)
                {
                    values.Add(new LineItemValue(item, amount) { Provenance = provenance });
                }
            }
            else if (!decimal.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out decimal flow))
            {
                errors.Add(new InputError(line, column, $"'{text}' is not a number (expected plain decimal notation such as -1234.56)"));
            }
            else if (asOf is { } end)
            {
                values.Add(LineItemValue.ForQuarter(item, flow, end, provenance));
            }
        }

        return [.. values];
    }
}
