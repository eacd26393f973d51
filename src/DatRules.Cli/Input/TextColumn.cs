namespace DatRules.Cli.Input;

/// <summary>A text column: UTF-8 bytes of every row back to back (no string per row).</summary>
internal sealed class TextColumn(SnapshotColumn column) : ColumnStore(column)
{
    private byte[] _bytes = new byte[1024];
    private int[] _ends = new int[16];
    private int _rows;

    /// <summary>Gets row <paramref name="row"/>'s bytes (empty when missing).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The UTF-8 bytes.</returns>
    public ReadOnlySpan<byte> this[int row] => _bytes.AsSpan(row == 0 ? 0 : _ends[row - 1], _ends[row] - (row == 0 ? 0 : _ends[row - 1]));

    /// <summary>Gets row <paramref name="row"/> as a string, or <see langword="null"/> when empty.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The text.</returns>
    public string? StringAt(int row) => this[row] is { IsEmpty: false } s ? Text(s) : null;

    public override void Reserve(int rows)
    {
        Grow(ref _ends, rows - 1);
        if (_rows > 0)
        {
            // The bytes from the average so far (a little over, so that the last rows do not double the buffer).
            long bytes = (long)_ends[_rows - 1] * rows / _rows * 21 / 20;
            if (bytes > _bytes.Length)
            {
                Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, bytes));
            }
        }
    }

    /// <summary>Resizes the bytes and ends to exactly <paramref name="count"/> rows and returns them (shared from now on).</summary>
    /// <param name="count">The row count.</param>
    /// <returns>The bytes and the ends.</returns>
    internal (byte[] Bytes, int[] Ends) Trim(int count)
    {
        Array.Resize(ref _ends, count);
        Array.Resize(ref _bytes, count == 0 ? 0 : _ends[count - 1]);
        return (_bytes, _ends);
    }

    public override void Parse(ReadOnlySpan<byte> value, int row, int line, List<InputError> errors)
    {
        Grow(ref _ends, row);
        int start = row == 0 ? 0 : _ends[row - 1];
        _ends[row] = start;
        _rows = row + 1;
        if (value.IsEmpty)
        {
            MissingIsError(line, errors);
            return;
        }

        if (Column.Check is { } check && check(Text(value)) is { } problem)
        {
            errors.Add(new InputError(line, Column.Name, problem));
            return;
        }

        if (start + value.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, Math.Max((long)start + value.Length, (long)_bytes.Length * 2)));
        }

        value.CopyTo(_bytes.AsSpan(start));
        _ends[row] = start + value.Length;
    }
}
