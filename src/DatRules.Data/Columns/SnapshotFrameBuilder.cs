using System.Globalization;

namespace DatRules.Data;

/// <summary>
/// Builds a <see cref="SnapshotFrame"/> column by column from a typed source (a Parquet file, a database result) under
/// exactly the snapshot CSV reader's rules: the same header check (names ignoring case, a name given twice, required
/// columns; unknown names ignored), the same column stores and their checks and error texts (a missing required value,
/// a negative amount, more than 28 significant digits, a CIK or accession number that is not one, a duplicate
/// ticker, as-of and filed date), all-or-nothing or <see cref="SnapshotReadOptions.SkipInvalid"/>. Each value is given
/// in its canonical text form to the column's own parser (amounts in plain decimal notation, dates as yyyy-MM-dd), so
/// the frame is the one a CSV of the same values gives. Errors name the 1-based data row (<see cref="InputError.IsRow"/>).
/// </summary>
/// <remarks>
/// Each column's rows are set in order, 0 to the row count - 1, each exactly once; different columns may be set on
/// different threads at once (one thread per column).
/// </remarks>
public sealed class SnapshotFrameBuilder
{
    private readonly SnapshotTable _table;
    private readonly ColumnStore?[] _stores;
    private readonly List<InputError>[] _errors;
    private readonly int[] _next;
    private readonly string[] _names;
    private readonly string _source;
    private readonly bool _skipInvalid;
    private readonly int _rows;
    private bool _built;

    /// <summary>Initializes a builder for a source with these column names and rows.</summary>
    /// <param name="columnNames">The source's column names, in order.</param>
    /// <param name="rowCount">The number of rows the source has.</param>
    /// <param name="options">How to read (source name, skipping invalid rows, columns not read); the field separator does not apply.</param>
    /// <exception cref="InputException">The names are wrong: a required column is missing or a name is given twice (also but for case).</exception>
    public SnapshotFrameBuilder(IReadOnlyList<string> columnNames, int rowCount, SnapshotReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        _source = options.SourceName ?? "input";
        _skipInvalid = options.SkipInvalid;
        _rows = rowCount;
        _names = [.. columnNames];
        var (errors, header) = SnapshotCsvReader.CheckHeader(_names, 0, options.UnreadColumns);
        if (errors.Count > 0)
        {
            throw new InputException(_source, errors);
        }

        _table = new SnapshotTable(header.Present.Select(p => p.Column));
        _table.Reserve(Math.Max(16, rowCount));
        _stores = new ColumnStore?[_names.Length];
        foreach (var (index, column) in header.Present)
        {
            _stores[index] = _table.Stores[column.Name];
            if (column.Kind == ColumnKind.Amount)
            {
                ((AmountColumn)_stores[index]!).Notation = options.Culture;
            }
        }

        _errors = [.. _names.Select(_ => new List<InputError>())];
        _next = new int[_names.Length];
    }

    /// <summary>Gets the number of rows.</summary>
    public int RowCount => _rows;

    /// <summary>Gets the source's column names (the index of each is the column argument of the setters).</summary>
    public IReadOnlyList<string> ColumnNames => _names;

    /// <summary>Gets the source's columns that are not snapshot columns (ignored, as by the CSV reader).</summary>
    public IReadOnlyList<string> UnknownColumns => [.. _names.Where(n => n.Length > 0 && !SnapshotSchema.Columns.Any(c => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Gets what a column holds, or <see langword="null"/> when it is not read (an unknown column, or one of <see cref="SnapshotReadOptions.UnreadColumns"/> that cannot be invalid).</summary>
    /// <param name="column">The column's index in <see cref="ColumnNames"/>.</param>
    /// <returns>The kind.</returns>
    public SnapshotValueKind? KindOf(int column) => _stores[column]?.Column.Kind switch
    {
        null => null,
        ColumnKind.Amount => SnapshotValueKind.Amount,
        ColumnKind.Flag => SnapshotValueKind.Flag,
        ColumnKind.Date => SnapshotValueKind.Date,
        _ => SnapshotValueKind.Text,
    };

    /// <summary>Gets the snapshot column name of a column as the format spells it (<c>ticker</c> for a source's <c>Ticker</c>), or <see langword="null"/> when not read.</summary>
    /// <param name="column">The column's index.</param>
    /// <returns>The name.</returns>
    public string? SnapshotNameOf(int column) => _stores[column]?.Column.Name;

    /// <summary>
    /// Makes room for a text column's bytes, when the source knows about how many it holds (a Parquet column chunk's
    /// size): a hint that saves growing the column value by value; a column that is not text ignores it.
    /// </summary>
    /// <param name="column">The column.</param>
    /// <param name="bytes">The UTF-8 bytes expected in all its rows.</param>
    public void ReserveText(int column, long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (_stores[column] is TextColumn text)
        {
            text.ReserveBytes(bytes);
        }
    }

    /// <summary>Sets a value as text, as a CSV field holds it (trimmed of spaces and tabs; empty: missing), parsed by the column's rules.</summary>
    /// <param name="column">The column.</param>
    /// <param name="row">The row (the next of this column).</param>
    /// <param name="utf8">The UTF-8 bytes.</param>
    public void SetText(int column, int row, ReadOnlySpan<byte> utf8) => Put(column, row, Trim(utf8));

    /// <summary>Sets a value as text (<see langword="null"/> or empty: missing), parsed by the column's rules.</summary>
    /// <param name="column">The column.</param>
    /// <param name="row">The row (the next of this column).</param>
    /// <param name="text">The text.</param>
    public void SetText(int column, int row, string? text) => SetText(column, row, text.AsSpan());

    /// <summary>Sets a value as text (empty: missing), parsed by the column's rules.</summary>
    /// <param name="column">The column.</param>
    /// <param name="row">The row (the next of this column).</param>
    /// <param name="text">The text.</param>
    public void SetText(int column, int row, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            Put(column, row, default);
            return;
        }

        int max = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max <= 256)
        {
            Span<byte> bytes = stackalloc byte[256];
            int n = System.Text.Encoding.UTF8.GetBytes(text, bytes);
            Put(column, row, Trim(bytes[..n]));
        }
        else
        {
            var bytes = new byte[max];
            int n = System.Text.Encoding.UTF8.GetBytes(text, bytes);
            Put(column, row, Trim(bytes.AsSpan(0, n)));
        }
    }

    /// <summary>Sets a number (<see langword="null"/>: missing), given to the column's parser in plain decimal notation (an amount, or a text column such as a flow or the CIK).</summary>
    /// <param name="column">The column.</param>
    /// <param name="row">The row (the next of this column).</param>
    /// <param name="value">The value.</param>
    public void SetDecimal(int column, int row, decimal? value)
    {
        if (_stores[column] is AmountColumn amount)
        {
            Next(column, row);
            amount.Set(value, row, row + 1, _errors[column]);
            return;
        }

        Span<byte> bytes = stackalloc byte[64];
        if (value is not { } v)
        {
            Put(column, row, default);
            return;
        }

        v.TryFormat(bytes, out int n, default, CultureInfo.InvariantCulture);
        Put(column, row, bytes[..n], invariant: true);
    }

    /// <summary>
    /// Sets a DECIMAL as a typed source stores it, an unscaled integer and a scale (<c>12345</c> at scale 2 is 123.45):
    /// the same as <see cref="SetDecimal(int, int, decimal?)"/> with that value, without building a <see cref="decimal"/>
    /// for a whole number of cents.
    /// </summary>
    /// <param name="column">The column.</param>
    /// <param name="row">The row (the next of this column).</param>
    /// <param name="unscaled">The unscaled value.</param>
    /// <param name="scale">The digits after the point, 0 to 28.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not 0 to 28.</exception>
    public void SetDecimal(int column, int row, long unscaled, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 28);
        if (_stores[column] is AmountColumn amount)
        {
            Next(column, row);
            amount.SetUnscaled(unscaled, scale, row, row + 1, _errors[column]);
            return;
        }

        SetDecimal(column, row, AmountColumn.FromUnscaled(unscaled, scale));
    }

    /// <summary>Sets a whole number (<see langword="null"/>: missing), given to the column's parser in plain decimal notation.</summary>
    /// <param name="column">The column.</param>
    /// <param name="row">The row (the next of this column).</param>
    /// <param name="value">The value.</param>
    public void SetInteger(int column, int row, long? value)
    {
        Span<byte> bytes = stackalloc byte[24];
        if (value is not { } v)
        {
            Put(column, row, default);
            return;
        }

        v.TryFormat(bytes, out int n, default, CultureInfo.InvariantCulture);
        Put(column, row, bytes[..n], invariant: true);
    }

    /// <summary>Sets a date (<see langword="null"/>: missing), given to the column's parser as yyyy-MM-dd.</summary>
    /// <param name="column">The column.</param>
    /// <param name="row">The row (the next of this column).</param>
    /// <param name="value">The value.</param>
    public void SetDate(int column, int row, DateOnly? value)
    {
        if (_stores[column] is DateColumn date)
        {
            Next(column, row);
            date.Set(value?.DayNumber, row, row + 1, _errors[column]);
            return;
        }

        Span<byte> bytes = stackalloc byte[16];
        if (value is not { } v)
        {
            Put(column, row, default);
            return;
        }

        v.TryFormat(bytes, out int n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Put(column, row, bytes[..n]);
    }

    /// <summary>Sets a flag (<see langword="null"/>: missing), given to the column's parser as true or false.</summary>
    /// <param name="column">The column.</param>
    /// <param name="row">The row (the next of this column).</param>
    /// <param name="value">The value.</param>
    public void SetFlag(int column, int row, bool? value) => Put(column, row, value is not { } v ? default : v ? "true"u8 : "false"u8);

    /// <summary>Builds the frame: every row of every read column must have been set.</summary>
    /// <returns>The frame (the valid rows with <see cref="SnapshotReadOptions.SkipInvalid"/>, each skipped row's errors in <see cref="SnapshotFrame.Skipped"/>).</returns>
    /// <exception cref="InputException">The source has no rows, or (without <see cref="SnapshotReadOptions.SkipInvalid"/>) a row is invalid; every error names its row and column.</exception>
    /// <exception cref="InvalidOperationException">A read column has rows not set, or the frame was built already.</exception>
    public SnapshotFrame Build()
    {
        if (_built)
        {
            throw new InvalidOperationException("The frame was built already: a builder builds one frame.");
        }

        _built = true;
        for (int c = 0; c < _stores.Length; c++)
        {
            if (_stores[c] is not null && _next[c] != _rows)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Column '{_names[c]}' has {_next[c]} of {_rows} rows set."));
            }
        }

        if (_rows == 0)
        {
            throw new InputException(_source, [new InputError(0, null, "the file has a header but no data rows")]);
        }

        for (int row = 0; row < _rows; row++)
        {
            _table.Commit(row + 1);
        }

        // Errors as the CSV reader lists them: by row, within a row in the schema's column order.
        var order = _table.Stores.Values.Select((s, i) => (s, i)).ToDictionary(p => p.s.Column.Name, p => p.i, StringComparer.Ordinal);
        var errors = Enumerable.Range(0, _stores.Length)
            .Where(c => _stores[c] is not null)
            .OrderBy(c => order[_stores[c]!.Column.Name])
            .SelectMany(c => _errors[c])
            .OrderBy(e => e.Line)
            .Select(e => e with { IsRow = true })
            .ToList();
        var bad = errors.Select(e => e.Line - 1).ToHashSet();

        // Duplicates among the valid rows, in order: the first of an identity is kept, each later one is an error.
        var comparer = new SnapshotCsvReader.RowKeyComparer(_table);
        if (bad.Count > 0 || SnapshotCsvReader.AnyDuplicate(comparer, _rows))
        {
            var keys = new RowKeySet(comparer, _rows);
            var duplicates = new List<InputError>();
            for (int row = 0; row < _rows; row++)
            {
                if (!bad.Contains(row) && keys.AddOrGetExisting(row) is var first && first >= 0)
                {
                    duplicates.Add(new InputError(row + 1, "ticker", SnapshotCsvReader.DuplicateMessage(_table, row, string.Create(CultureInfo.InvariantCulture, $"row {first + 1}"))) { IsRow = true });
                }
            }

            errors = [.. errors.Concat(duplicates).OrderBy(e => e.Line)];
            bad.UnionWith(duplicates.Select(e => e.Line - 1));
        }

        if (errors.Count > 0 && !_skipInvalid)
        {
            var listed = errors.Take(SnapshotCsvReader.MaxErrors).ToList();
            if (errors.Count > listed.Count)
            {
                listed.Add(new InputError(0, null, string.Create(CultureInfo.InvariantCulture, $"and {errors.Count - listed.Count:N0} more errors")));
            }

            throw new InputException(_source, listed);
        }

        var table = bad.Count == 0 ? _table : _table.Gather([.. Enumerable.Range(0, _rows).Where(r => !bad.Contains(r))]);
        return new SnapshotFrame(table, errors, sourceName: _source);
    }

    private void Put(int column, int row, ReadOnlySpan<byte> value, bool invariant = false)
    {
        if (_stores[column] is not { } store)
        {
            return;
        }

        Next(column, row);
        if (invariant && store is AmountColumn amount)
        {
            amount.ParseInvariant(value, row, row + 1, _errors[column]);
        }
        else
        {
            store.Parse(value, row, row + 1, _errors[column]);
        }
    }

    /// <summary>Checks that <paramref name="row"/> is the column's next row, and counts it.</summary>
    private void Next(int column, int row)
    {
        if (row != _next[column] || row >= _rows)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Column '{_names[column]}': row {row} set where row {_next[column]} of {_rows} was expected (each column's rows are set in order, once)."));
        }

        _next[column]++;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        int a = 0, z = s.Length;
        while (a < z && (s[a] == (byte)' ' || s[a] == (byte)'\t'))
        {
            a++;
        }

        while (z > a && (s[z - 1] == (byte)' ' || s[z - 1] == (byte)'\t'))
        {
            z--;
        }

        return s[a..z];
    }
}
