using DatRules.Issuers;

namespace DatRules.Data;

/// <summary>
/// The CSV columns of line items (<see cref="LineItem.WellKnown"/> but digital and total assets): a balance is a column
/// named after the item (<c>cash_and_equivalents</c>); a flow is the quarter ending on <c>as_of</c>
/// (<c>revenue_quarter</c>). <see cref="SnapshotSchema"/> lists them; <see cref="SnapshotTable"/> reads them.
/// </summary>
internal static class LineItemCsvColumns
{
    /// <summary>The column name of a line item.</summary>
    internal static string ColumnOf(LineItem item) => item.Kind == LineItemKind.Flow ? item.Name + "_quarter" : item.Name;
}
