namespace DatRules.Cli.Input;

/// <summary>The values of one column of a <see cref="SnapshotTable"/>, row by row; a row is written at its index, so an invalid row is overwritten by the next one.</summary>
internal abstract class ColumnStore
{
    protected ColumnStore(SnapshotColumn column) => Column = column;

    /// <summary>Gets the column this store holds.</summary>
    public SnapshotColumn Column { get; }

    /// <summary>Creates the store of a column's kind.</summary>
    /// <param name="column">The column.</param>
    /// <returns>A new store.</returns>
    public static ColumnStore For(SnapshotColumn column) => column.Kind switch
    {
        ColumnKind.Amount => new AmountColumn(column),
        ColumnKind.Flag => new FlagColumn(column),
        ColumnKind.Date => new DateColumn(column),
        _ => new TextColumn(column),
    };

    /// <summary>Parses a value into row <paramref name="row"/> (an empty span is a missing value).</summary>
    /// <param name="value">The trimmed, unquoted UTF-8 value.</param>
    /// <param name="row">The row index (the table's count: rows are written in order).</param>
    /// <param name="line">The line, for errors.</param>
    /// <param name="errors">Where problems go.</param>
    public abstract void Parse(ReadOnlySpan<byte> value, int row, int line, List<InputError> errors);

    /// <summary>Makes room for <paramref name="rows"/> rows (a hint: stores grow anyway).</summary>
    /// <param name="rows">The expected row count.</param>
    public abstract void Reserve(int rows);

    /// <summary>Records a missing value where one is required.</summary>
    protected bool MissingIsError(int line, List<InputError> errors)
    {
        if (Column.RequiredValue)
        {
            errors.Add(new InputError(line, Column.Name, "value is missing"));
            return true;
        }

        return false;
    }

    protected static void Grow<T>(ref T[] array, int row)
    {
        if (row >= array.Length)
        {
            Array.Resize(ref array, (int)Math.Min(Array.MaxLength, Math.Max(row + 1L, Math.Max(16L, array.Length * 2L))));
        }
    }

    protected static string Text(ReadOnlySpan<byte> value) => System.Text.Encoding.UTF8.GetString(value);
}
