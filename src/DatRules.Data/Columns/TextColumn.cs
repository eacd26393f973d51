namespace DatRules.Data;

/// <summary>A text column: UTF-8 bytes of every row back to back (no string per row).</summary>
internal sealed class TextColumn : ColumnStore
{
    // A part (of a read on several cores) writes its rows' ends into the whole's _ends at Base + r, counted in its own
    // _bytes; Join puts the parts' bytes back to back and shifts their ends.
    private byte[] _bytes = new byte[1024];
    private int[] _ends = new int[16];
    private int _rows;

    /// <summary>Initializes an empty store.</summary>
    /// <param name="column">The column.</param>
    public TextColumn(SnapshotColumn column)
        : base(column)
    {
    }

    private TextColumn(TextColumn whole, int rowBase)
        : base(whole, rowBase) => _ends = whole._ends;

    /// <summary>Gets row <paramref name="row"/>'s bytes (empty when missing).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The UTF-8 bytes.</returns>
    public ReadOnlySpan<byte> this[int row] => _bytes.AsSpan(row == 0 ? 0 : _ends[row - 1], _ends[row] - (row == 0 ? 0 : _ends[row - 1]));

    /// <summary>Gets row <paramref name="row"/> as a string, or <see langword="null"/> when empty.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The text.</returns>
    public string? StringAt(int row) => this[row] is { IsEmpty: false } s ? Text(s) : null;

    /// <summary>Makes room for <paramref name="bytes"/> bytes of text in all (a hint from a source that knows its size; never shrinks).</summary>
    /// <param name="bytes">The bytes.</param>
    internal void ReserveBytes(long bytes)
    {
        if (bytes > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, bytes));
        }
    }

    public override void Reserve(int rows)
    {
        if (!IsPart)
        {
            Grow(ref _ends, rows - 1);
        }

        if (_rows > 0)
        {
            // The bytes from the average so far (a little over, so that the last rows do not double the buffer).
            long bytes = (long)_ends[Base + _rows - 1] * rows / _rows * 21 / 20;
            if (bytes > _bytes.Length)
            {
                Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, bytes));
            }
        }
    }

    /// <summary>Resizes the ends to exactly <paramref name="count"/> rows and returns them with the bytes (which may be longer than the rows' bytes; shared from now on).</summary>
    /// <param name="count">The row count.</param>
    /// <returns>The bytes and the ends.</returns>
    internal (byte[] Bytes, int[] Ends) Trim(int count)
    {
        Array.Resize(ref _ends, count);
        return (_bytes, _ends);
    }

    internal override ColumnStore PartAt(int rowBase) => new TextColumn(this, rowBase);

    /// <summary>Moves <paramref name="count"/> ends from <paramref name="from"/> down to <paramref name="to"/> (at or before it), adding <paramref name="offset"/>, a vector at a time.</summary>
    private static void ShiftEnds(int[] ends, int from, int to, int count, int offset)
    {
        var add = new System.Numerics.Vector<int>(offset);
        int width = System.Numerics.Vector<int>.Count, r = 0;
        var span = ends.AsSpan();
        for (; r + width <= count; r += width)
        {
            // Loaded before stored, and the store ends before the next load starts (to <= from): ascending is safe.
            (new System.Numerics.Vector<int>(span.Slice(from + r, width)) + add).CopyTo(span.Slice(to + r, width));
        }

        for (; r < count; r++)
        {
            ends[to + r] = ends[from + r] + offset;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal override void Join(IReadOnlyList<PartRows> parts)
    {
        long total = 0;
        foreach (var part in parts)
        {
            total += part.Count == 0 ? 0 : _ends[part.Base + part.Count - 1];
        }

        // The first part made room for every part's text (SnapshotCsvReader): the others' bytes follow its own, in place.
        var first = (TextColumn)parts[0].Store;
        var bytes = first._bytes.Length >= total ? first._bytes : new byte[checked((int)total)];
        int offset = 0, rows = 0;
        foreach (var part in parts)
        {
            if (part.Count == 0)
            {
                continue;
            }

            int used = _ends[part.Base + part.Count - 1];
            var own = ((TextColumn)part.Store)._bytes;
            if (own != bytes)
            {
                own.AsSpan(0, used).CopyTo(bytes.AsSpan(offset));
            }

            // Starts never pass bases: ascending rows are read before they are overwritten. The first part's ends are
            // already in place.
            if (offset != 0 || part.Start != part.Base)
            {
                ShiftEnds(_ends, part.Base, part.Start, part.Count, offset);
            }

            offset += used;
            rows = part.Start + part.Count;
        }

        _bytes = bytes;
        _rows = rows;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override void Parse(ReadOnlySpan<byte> value, int row, int line, List<InputError> errors)
    {
        int at = Base + row;
        Ensure(ref _ends, at);
        int start = row == 0 ? 0 : _ends[at - 1];
        _ends[at] = start;
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
        _ends[at] = start + value.Length;
    }

    internal override ColumnStore Gather(int[] rows)
    {
        long length = 0;
        foreach (int row in rows)
        {
            length += this[row].Length;
        }

        var gathered = new TextColumn(Column) { _bytes = new byte[Math.Max(16, length)], _ends = new int[Math.Max(16, rows.Length)], _rows = rows.Length };
        int at = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            var value = this[rows[i]];
            value.CopyTo(gathered._bytes.AsSpan(at));
            at += value.Length;
            gathered._ends[i] = at;
        }

        return gathered;
    }
}
