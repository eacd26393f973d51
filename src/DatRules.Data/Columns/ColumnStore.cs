namespace DatRules.Data;

/// <summary>The values of one column of a <see cref="SnapshotTable"/>, row by row; a row is written at its index, so an invalid row is overwritten by the next one.</summary>
internal abstract class ColumnStore
{
    protected ColumnStore(SnapshotColumn column) => Column = column;

    /// <summary>Initializes a part of <paramref name="whole"/> (see <see cref="PartAt"/>).</summary>
    /// <param name="whole">The table's store.</param>
    /// <param name="rowBase">Where the part's row 0 goes in the whole's arrays.</param>
    protected ColumnStore(ColumnStore whole, int rowBase)
        : this(whole.Column)
    {
        Base = rowBase;
        IsPart = true;
    }

    /// <summary>Gets where this store's row 0 is written in the arrays it shares with the whole store (0 unless a part).</summary>
    protected int Base { get; }

    /// <summary>Gets whether this store is a part of a read on several cores (<see cref="PartAt"/>).</summary>
    protected bool IsPart { get; }

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

    /// <summary>
    /// Creates the store of one part of a file read on several cores: its row r is written at row
    /// <paramref name="rowBase"/> + r of this store's arrays, which must already have room for every part's rows
    /// (<see cref="Reserve"/>; a part never grows them); what cannot be shared between cores (text bytes, caches) is its own.
    /// Parts are written, then <see cref="Join"/>ed; they are not read.
    /// </summary>
    /// <param name="rowBase">The row of this store where the part's first row goes.</param>
    /// <returns>The part's store.</returns>
    internal abstract ColumnStore PartAt(int rowBase);

    /// <summary>Takes in the rows the parts wrote: part i's rows move from its base to follow the earlier parts' rows.</summary>
    /// <param name="parts">The parts, in file order (each made by this store's <see cref="PartAt"/>).</param>
    internal abstract void Join(IReadOnlyList<PartRows> parts);

    /// <summary>Moves a part's rows from its base to its start in an array shared with the parts (the parts in file order: starts never pass bases).</summary>
    protected static void MoveRows<T>(T[] array, PartRows part)
    {
        if (part.Base != part.Start && part.Count > 0)
        {
            Array.Copy(array, part.Base, array, part.Start, part.Count);
        }
    }

    /// <summary>Moves every part's rows into place in an array shared with the parts (<see cref="MoveRows"/>).</summary>
    protected static void JoinRows<T>(T[] array, IReadOnlyList<PartRows> parts)
    {
        foreach (var part in parts)
        {
            MoveRows(array, part);
        }
    }

    /// <summary>Makes room for <paramref name="rows"/> rows in a store's own array (a part's array is the whole's, sized already).</summary>
    protected void ReserveRows<T>(ref T[] array, int rows)
    {
        if (!IsPart)
        {
            Grow(ref array, rows - 1);
        }
    }

    /// <summary>Makes room for index <paramref name="index"/> in an array (a part's arrays were sized for it: it never grows them).</summary>
    protected void Ensure<T>(ref T[] array, int index)
    {
        if (index >= array.Length)
        {
            if (IsPart)
            {
                throw new InvalidOperationException("A part of a file read on several cores has more rows than were reserved for it.");
            }

            Grow(ref array, index);
        }
    }

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

    /// <summary>Creates a store holding the given rows of this one, in that order (a selection, a point in time).</summary>
    /// <param name="rows">The rows to keep; each below the row count.</param>
    /// <returns>The new store.</returns>
    internal abstract ColumnStore Gather(int[] rows);

    /// <summary>Gathers <paramref name="rows"/> of a fixed-size array into a new array.</summary>
    protected static T[] GatherRows<T>(T[] array, int[] rows)
    {
        var result = new T[Math.Max(16, rows.Length)];
        for (int i = 0; i < rows.Length; i++)
        {
            result[i] = array[rows[i]];
        }

        return result;
    }
}
