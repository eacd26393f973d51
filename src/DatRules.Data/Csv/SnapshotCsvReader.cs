using System.Globalization;
using System.Text;

namespace DatRules.Data;

/// <summary>
/// Reads issuer snapshots from CSV: the one reader of every snapshot file (screen, history, sensitivity, charts, ...).
/// Columns are those of <see cref="SnapshotSchema"/> (required: <c>ticker,as_of,digital_assets_usd,total_assets_usd</c>);
/// records come from <see cref="CsvRecordReader"/>; values go straight into the columns of a <see cref="SnapshotTable"/>.
/// </summary>
/// <remarks>
/// <para>
/// All-or-nothing by default: any invalid row fails the whole read with every error listed (the first
/// <see cref="MaxErrors"/>). With <c>skipInvalid</c>, invalid rows are skipped and each is reported in
/// <see cref="ReadResult.Skipped"/>. A blank <c>total_assets_usd</c> means "not reported" (the classifier then says
/// Indeterminate); every other required value must be present.
/// </para>
/// <para>
/// Header: names are matched ignoring case (`Ticker`, `AS_OF`); a name given twice (also but for case) is an error naming both; unknown names are ignored. An empty name (a
/// spreadsheet export ending in <c>,,</c>) is allowed only for a column that is empty on every row, and rows may then
/// stop before such trailing unnamed columns. Rows: more fields than the header is an error (an unquoted thousands
/// separator would shift every later value); fewer fields than the header's last named column is an error naming the
/// first missing column. Rows are identified by (ticker, as_of, filed), the ticker case-insensitive: one balance sheet
/// may come in an original filing and an amendment.
/// </para>
/// </remarks>
internal static class SnapshotCsvReader
{
    /// <summary>The most errors listed; further ones are counted.</summary>
    internal const int MaxErrors = 1000;

    /// <summary>The least bytes of each part when a file is read on several cores (smaller files are read on one).</summary>
    internal const long MinPartBytes = 1 << 20;

    /// <summary>The rows from which the duplicate check starts a second thread (below, a thread costs more than it saves).</summary>
    private const int ParallelRows = 16_384;

    internal static string[] RequiredColumns => SnapshotSchema.RequiredColumns;

    /// <summary>The rows read, and the errors of the rows skipped (with <c>skipInvalid</c>).</summary>
    /// <param name="Table">The valid rows.</param>
    /// <param name="Skipped">One or more errors per skipped row.</param>
    internal sealed record ReadResult(SnapshotTable Table, IReadOnlyList<InputError> Skipped)
    {
        /// <summary>Gets the field separator detected from the header (';' in a file whose header has no ','), or <see langword="null"/> when not detected.</summary>
        public char? DetectedDelimiter { get; init; }

        /// <summary>Gets the rows as domain snapshots, in file order.</summary>
        public IReadOnlyList<DatRules.Issuers.IssuerSnapshot> Snapshots => Table.ToSnapshots();
    }

    /// <summary>Reads a snapshot CSV given as text (tests and small inputs).</summary>
    /// <param name="csv">The whole file.</param>
    /// <param name="sourceName">The name used in errors.</param>
    /// <param name="skipInvalid">Skip invalid rows instead of failing.</param>
    /// <returns>The rows and the skipped rows' errors.</returns>
    public static ReadResult Read(string csv, string sourceName, bool skipInvalid = false)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return Read(stream, sourceName, skipInvalid);
    }

    /// <summary>Reads a snapshot CSV from a stream (forward only; never more than one record in memory besides the columns).</summary>
    /// <param name="stream">The UTF-8 bytes. A file (a <see cref="FileStream"/> that can seek) is read on every core.</param>
    /// <param name="sourceName">The name used in errors.</param>
    /// <param name="skipInvalid">Skip invalid rows instead of failing.</param>
    /// <returns>The rows and the skipped rows' errors.</returns>
    /// <exception cref="InputException">The file is empty, its header is wrong, or (without <paramref name="skipInvalid"/>) a row is invalid.</exception>
    /// <param name="expectedRows">The number of rows if known, to size the columns once (files are counted here).</param>
    /// <param name="unread">
    /// Columns the caller will not read: those among them that cannot be invalid (text with no check, neither required)
    /// are not stored; every other rule (field counts, quotes, UTF-8) still applies to them.
    /// </param>
    /// <param name="delimiter">The field separator, ',' or ';'. With ',' a header without ',' whose ';' separates known column names is read with ';' (<see cref="ReadResult.DetectedDelimiter"/>).</param>
    /// <param name="culture">The notation of amounts (<see cref="SnapshotReadOptions.Culture"/>), or <see langword="null"/> for plain decimal notation.</param>
    public static ReadResult Read(Stream stream, string sourceName, bool skipInvalid = false, int expectedRows = 0, IReadOnlyCollection<string>? unread = null, char delimiter = ',', NumberCulture? culture = null) =>
        Read(stream, sourceName, skipInvalid, expectedRows, MinPartBytes, Environment.ProcessorCount, unread, delimiter, culture);

    /// <summary>Reads a snapshot CSV, a file in parts of at least <paramref name="minPartBytes"/> on up to <paramref name="cores"/> cores.</summary>
    /// <param name="stream">The UTF-8 bytes.</param>
    /// <param name="sourceName">The name used in errors.</param>
    /// <param name="skipInvalid">Skip invalid rows instead of failing.</param>
    /// <param name="expectedRows">The number of rows if known.</param>
    /// <param name="minPartBytes">The least bytes of a part.</param>
    /// <param name="cores">The most parts.</param>
    /// <param name="unread">Columns the caller will not read (see the public overload).</param>
    /// <param name="delimiter">The field separator (see the public overload).</param>
    /// <param name="culture">The notation of amounts (see the public overload).</param>
    /// <returns>The rows and the skipped rows' errors.</returns>
    internal static ReadResult Read(Stream stream, string sourceName, bool skipInvalid, int expectedRows, long minPartBytes, int cores, IReadOnlyCollection<string>? unread = null, char delimiter = ',', NumberCulture? culture = null)
    {
        // A stream that can be read again gets the duplicate check after the parse, on every core; in the rare case that
        // it finds a duplicate, the stream is read again with the check row by row, which orders every error as always.
        long origin = stream.CanSeek ? stream.Position : -1;
        if (stream is FileStream file && origin >= 0 && file.Length > origin)
        {
            // Every outcome but clean rows without duplicates (an error, a row beyond a part's bound, an empty file) is
            // left to the read on one core, which reports it as always.
            var (result, duplicate, lines) = ReadInParts(file, origin, sourceName, minPartBytes, cores, unread, delimiter, culture);
            if (result is not null)
            {
                return result;
            }

            file.Seek(origin, SeekOrigin.Begin);
            expectedRows = expectedRows > 0 ? expectedRows : lines;
            if (duplicate)
            {
                return Read(stream, sourceName, skipInvalid, expectedRows, deferDuplicates: false, unread, delimiter, culture)!;
            }
        }

        return Read(stream, sourceName, skipInvalid, expectedRows, deferDuplicates: origin >= 0, unread, delimiter, culture)
            ?? Reread(stream, origin, sourceName, skipInvalid, expectedRows, unread, delimiter, culture);
    }

    private static ReadResult Reread(Stream stream, long origin, string sourceName, bool skipInvalid, int expectedRows, IReadOnlyCollection<string>? unread, char delimiter, NumberCulture? culture)
    {
        stream.Seek(origin, SeekOrigin.Begin);
        return Read(stream, sourceName, skipInvalid, expectedRows, deferDuplicates: false, unread, delimiter, culture)!;
    }

    /// <summary>
    /// Reads a file's records in parts, one per core (<see cref="CsvFileSplitter"/>), each into its own rows of one table;
    /// the result when every row is valid and no two rows are the same, otherwise whether there was a duplicate and the
    /// file's line count (for the read on one core).
    /// </summary>
    private static (ReadResult? Result, bool Duplicate, int Lines) ReadInParts(FileStream file, long origin, string sourceName, long minPartBytes, int cores, IReadOnlyCollection<string>? unread, char delimiter, NumberCulture? culture)
    {
        var headerReader = new CsvRecordReader(file, sourceName, bufferSize: 64 * 1024) { Delimiter = delimiter };
        Header header;
        try
        {
            if (!headerReader.Read() || ReadHeader(headerReader, unread) is not ({ Count: 0 }, var valid))
            {
                return (null, false, 0);
            }

            header = valid;
        }
        catch (InputException)
        {
            return (null, false, 0);
        }

        long dataStart = origin + headerReader.Position;
        long length = file.Length;
        var handle = file.SafeFileHandle;
        var parts = CsvFileSplitter.Split(handle, dataStart, length, (int)Math.Clamp((length - dataStart) / Math.Max(1, minPartBytes), 1, Math.Clamp(cores, 1, 64)));

        // Each part's rows go from the most rows the parts before it can hold (exact when no line is blank or in quotes).
        var bases = new long[parts.Length + 1];
        for (int i = 0; i < parts.Length; i++)
        {
            bases[i + 1] = bases[i] + parts[i].MaxRecords;
        }

        int lines = (int)Math.Min(bases[^1], Array.MaxLength / 16);
        if (parts.Length < 2 || bases[^1] > Array.MaxLength / 16)
        {
            return (null, false, lines);
        }

        var table = new SnapshotTable(header.Present.Select(p => p.Column));
        table.SetNotation(culture);
        table.Reserve(lines);
        var tables = new SnapshotTable[parts.Length];
        var hashes = new int[lines];
        var nextLines = new int[parts.Length];
        var clean = new bool[parts.Length];
        Cores.Run(parts.Length, i =>
        {
            var part = parts[i];
            tables[i] = table.PartAt((int)bases[i]);
            var reader = new CsvRecordReader(new FileSegmentStream(handle, part.Start, part.End), sourceName, bufferSize: 128 * 1024, firstLine: i == 0 ? headerReader.NextLine : 1, atFileStart: false) { Delimiter = headerReader.Delimiter };
            try
            {
                var rows = new RowReader(header, tables[i], skipInvalid: false, deferDuplicates: true) { Hashes = hashes, HashBase = (int)bases[i] };
                clean[i] = rows.ReadPart(reader, (int)(bases[i + 1] - bases[i]), i == 0 ? lines : 0);
                nextLines[i] = reader.NextLine;
            }
            catch (InputException)
            {
                // A quoted field never closed at the part's end, a record over the limit: the read on one core says where.
            }
        });

        if (clean.Contains(false))
        {
            return (null, false, lines);
        }

        // Part 0 counted lines from the header's next line; part i from 1, which is the line after part i - 1's last:
        // part i's line 1 is line nextLines[i - 1] + offset[i - 1].
        var joined = new (SnapshotTable Part, int Base, int LineOffset)[parts.Length];
        int offset = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            joined[i] = (tables[i], (int)bases[i], offset);
            offset += nextLines[i] - 1;
        }

        table.Join(joined);
        for (int i = 1, start = tables[0].Count; i < parts.Length; start += tables[i].Count, i++)
        {
            Array.Copy(hashes, bases[i], hashes, start, tables[i].Count);
        }

        if (table.Count == 0)
        {
            return (null, false, lines);
        }

        if (AnyDuplicate(new RowKeyComparer(table), hashes, table.Count))
        {
            return (null, true, lines);
        }

        Collect(table);
        return (new ReadResult(table, []) { DetectedDelimiter = headerReader.Delimiter != delimiter ? headerReader.Delimiter : null }, false, lines);
    }

    /// <summary>Reads the rows; with <paramref name="deferDuplicates"/>, returns <see langword="null"/> when the rows read hold a duplicate.</summary>
    private static ReadResult? Read(Stream stream, string sourceName, bool skipInvalid, int expectedRows, bool deferDuplicates, IReadOnlyCollection<string>? unread, char delimiter, NumberCulture? culture)
    {
        var reader = new CsvRecordReader(stream, sourceName) { Delimiter = delimiter };
        if (!reader.Read())
        {
            throw new InputException(sourceName, [new InputError(0, null, "the file is empty: expected a header line with columns " + string.Join(",", RequiredColumns))]);
        }

        var (headerErrors, header) = ReadHeader(reader, unread);
        if (headerErrors.Count > 0)
        {
            throw new InputException(sourceName, headerErrors);
        }

        var table = new SnapshotTable(header.Present.Select(p => p.Column));
        table.SetNotation(culture);
        if (expectedRows > 0)
        {
            table.Reserve(expectedRows);
        }

        var rows = new RowReader(header, table, skipInvalid, deferDuplicates);
        rows.Read(reader, expectedRows, stream);
        if (rows.DataRows == 0)
        {
            throw new InputException(sourceName, [new InputError(0, null, "the file has a header but no data rows")]);
        }

        if (deferDuplicates && AnyDuplicate(new RowKeyComparer(table), table.Count))
        {
            return null;
        }

        if (rows.Errors.Count > 0)
        {
            if (rows.MoreErrors > 0)
            {
                rows.Errors.Add(new InputError(0, null, string.Create(CultureInfo.InvariantCulture, $"and {rows.MoreErrors:N0} more errors")));
            }

            throw new InputException(sourceName, rows.Errors);
        }

        var skipped = rows.Skipped;
        rows = null!; // its duplicate set is garbage now
        Collect(table);
        return new ReadResult(table, skipped) { DetectedDelimiter = reader.Delimiter != delimiter ? reader.Delimiter : null };
    }

    private static void Collect(SnapshotTable table)
    {
        if (table.Count >= 100_000)
        {
            // The duplicate set and the read buffers are garbage now: collect them before the universe is built on the
            // columns, so that its few new arrays reuse their memory instead of raising the peak (1M rows: measured in
            // docs/benchmarks.md).
            GC.Collect();
        }
    }

    /// <summary>The header's columns: the names in order, the known columns present, the unnamed ones, the last named one.</summary>
    internal sealed record Header(string[] Names, List<(int Index, SnapshotColumn Column)> Present)
    {
        public int[] Unnamed { get; } = Enumerable.Range(0, Names.Length).Where(i => Names[i].Length == 0).ToArray();

        public int LastNamed { get; } = Array.FindLastIndex(Names, n => n.Length > 0);
    }

    /// <summary>The row loop: each record's fields parsed into the table's columns, each invalid row's errors kept.</summary>
    private sealed class RowReader(Header header, SnapshotTable table, bool skipInvalid, bool deferDuplicates)
    {
        private readonly (int Index, ColumnStore Store)[] _stores = header.Present.Select(p => (p.Index, table.Stores[p.Column.Name])).ToArray();
        private readonly RowKeySet? _keys = deferDuplicates ? null : new RowKeySet(new RowKeyComparer(table), 0);
        private readonly List<InputError> _rowErrors = [];
        private readonly int _tickerIndex = header.Present.First(p => p.Column.Name == "ticker").Index;
        private readonly DateColumn? _filed = table.Store<DateColumn>("filed");

        /// <summary>Gets or sets where a part writes each valid row's hash (<see cref="RowKeyComparer.Hash"/>), at <see cref="HashBase"/> + its row.</summary>
        public int[]? Hashes { get; init; }

        /// <summary>Gets or sets the part's first row in <see cref="Hashes"/> (and in the table's columns).</summary>
        public int HashBase { get; init; }

        /// <summary>Gets the errors of the invalid rows (the first <see cref="MaxErrors"/>) when they are not skipped.</summary>
        public List<InputError> Errors { get; } = [];

        /// <summary>Gets the errors of the rows skipped.</summary>
        public List<InputError> Skipped { get; } = [];

        /// <summary>Gets the number of errors beyond <see cref="MaxErrors"/>.</summary>
        public int MoreErrors { get; private set; }

        /// <summary>Gets the number of records read after the header.</summary>
        public int DataRows { get; private set; }

        /// <summary>Reads every record.</summary>
        /// <param name="reader">The records.</param>
        /// <param name="expectedRows">The rows expected, or 0.</param>
        /// <param name="stream">The stream read, for an estimate of the rows from its size.</param>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public void Read(CsvRecordReader reader, int expectedRows, Stream stream)
        {
            long headerBytes = reader.Position;
            while (reader.Read())
            {
                Row(reader);
                if (DataRows == 4096 && expectedRows > 0)
                {
                    table.Reserve(expectedRows);
                }
                else if (DataRows == 4096 && stream.CanSeek)
                {
                    // Columns sized once from the file size (as the first rows go), not doubled and copied as they fill.
                    long estimate = (long)((stream.Length - headerBytes) * 1.03 * DataRows / Math.Max(1, reader.Position - headerBytes));
                    table.Reserve((int)Math.Min(estimate, Array.MaxLength / 16));
                    _keys?.Reserve((int)Math.Min(estimate, Array.MaxLength / 16));
                }

                Keep(reader.Line);
            }
        }

        /// <summary>Reads the records of one part of a file: stops, returning <see langword="false"/>, at the first invalid row or beyond <paramref name="capacity"/> rows.</summary>
        /// <param name="reader">The part's records.</param>
        /// <param name="capacity">The most rows it may write.</param>
        /// <param name="textRows">The rows to make text room for, when more than <paramref name="capacity"/> (the first part's text is joined in place: room for every part's text).</param>
        /// <returns>Whether every record was read into a valid row.</returns>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public bool ReadPart(CsvRecordReader reader, int capacity, int textRows)
        {
            while (reader.Read())
            {
                if (table.Count == capacity)
                {
                    return false;
                }

                Row(reader);
                if (_rowErrors.Count > 0)
                {
                    return false;
                }

                if (Hashes is { } hashes)
                {
                    // While the row's bytes are at hand, on this core (the duplicate check then only compares).
                    int at = HashBase + table.Count;
                    hashes[at] = RowKeyComparer.Hash(reader.Field(_tickerIndex), table.AsOf[at], _filed is null ? 0 : _filed[at]);
                }

                if (DataRows == 4096)
                {
                    table.Reserve(Math.Max(capacity, textRows));
                }

                table.Commit(reader.Line);
            }

            return true;
        }

        /// <summary>Parses the current record into the table's next row, its problems into the row's errors.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void Row(CsvRecordReader reader)
        {
            var names = header.Names;
            int line = reader.Line;
            DataRows++;
            _rowErrors.Clear();
            int fields = reader.FieldCount;
            if (reader.RecordError is { } problem)
            {
                int f = reader.RecordErrorField;
                _rowErrors.Add(new InputError(line, f >= 0 && f < names.Length && names[f].Length > 0 ? names[f] : null, problem));
            }
            else if (fields > names.Length)
            {
                _rowErrors.Add(new InputError(line, null, string.Create(CultureInfo.InvariantCulture,
                    $"{fields} fields, but the header has {names.Length} columns: an unquoted comma (a thousands separator such as 1,234?) shifts every later value; quote such a field or remove the separator")));
            }
            else if (fields <= header.LastNamed)
            {
                _rowErrors.Add(new InputError(line, names[fields], string.Create(CultureInfo.InvariantCulture,
                    $"the row ends after {fields} field{(fields == 1 ? string.Empty : "s")}, but the header has {names.Length} columns")));
            }
            else
            {
                foreach (int u in header.Unnamed)
                {
                    if (u < fields && !reader.Field(u).IsEmpty)
                    {
                        _rowErrors.Add(new InputError(line, null, string.Create(CultureInfo.InvariantCulture,
                            $"a value in column {u + 1}, which the header leaves unnamed (name the column or leave it empty)")));
                    }
                }

                foreach (var (index, store) in _stores)
                {
                    store.Parse(reader.Field(index), table.Count, line, _rowErrors);
                }

                if (_rowErrors.Count == 0 && _keys?.AddOrGetExisting(table.Count) is var first && first >= 0)
                {
                    _rowErrors.Add(new InputError(line, "ticker", DuplicateMessage(table, table.Count, string.Create(CultureInfo.InvariantCulture, $"line {table.LineAt(first.Value)}"))));
                }
            }
        }

        /// <summary>Commits the row, or keeps its errors.</summary>
        private void Keep(int line)
        {
            if (_rowErrors.Count == 0)
            {
                table.Commit(line);
            }
            else if (skipInvalid)
            {
                Skipped.AddRange(_rowErrors);
            }
            else if (Errors.Count < MaxErrors)
            {
                Errors.AddRange(_rowErrors);
            }
            else
            {
                MoreErrors += _rowErrors.Count;
            }
        }
    }

    /// <summary>Whether two of the first <paramref name="count"/> rows have the same identity: their hashes computed on two cores, then <see cref="AnyDuplicate(RowKeyComparer, int[], int)"/>.</summary>
    internal static bool AnyDuplicate(RowKeyComparer comparer, int count)
    {
        var hashes = new int[count];
        int half = count / 2;
        Cores.Run(2, i => Hash(comparer, hashes, i == 0 ? 0 : half, i == 0 ? half : count), parallel: count >= ParallelRows);
        return AnyDuplicate(comparer, hashes, count);

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        static void Hash(RowKeyComparer comparer, int[] hashes, int from, int to)
        {
            for (int row = from; row < to; row++)
            {
                hashes[row] = comparer.GetHashCode(row);
            }
        }
    }

    /// <summary>
    /// Whether two of the first <paramref name="count"/> rows, whose hashes are given, have the same identity: each half
    /// of the hash space checked on its own core (equal rows have equal hashes).
    /// </summary>
    private static bool AnyDuplicate(RowKeyComparer comparer, int[] hashes, int count)
    {
        var found = new bool[2];
        Cores.Run(2, part => found[part] = AnyDuplicateInHalf(comparer, hashes, count, part), parallel: count >= ParallelRows);
        return found[0] || found[1];
    }

    /// <summary>Whether two rows whose hash has top bit <paramref name="part"/> have the same identity.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool AnyDuplicateInHalf(RowKeyComparer comparer, int[] hashes, int count, int part)
    {
        // Open addressing on row numbers + 1, at most about half full (each part holds about half of the rows).
        var slots = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, count))];
        int mask = slots.Length - 1, filled = 0;
        for (int row = 0; row < count; row++)
        {
            int h = hashes[row];
            if (unchecked((int)((uint)h >> 31)) != part)
            {
                continue;
            }

            if (2 * ++filled > slots.Length)
            {
                // A skewed split: the simple answer is to let the row-by-row check decide.
                return true;
            }

            int slot = h & mask;
            while (slots[slot] != 0)
            {
                int other = slots[slot] - 1;
                if (hashes[other] == h && comparer.Equals(other, row))
                {
                    return true;
                }

                slot = (slot + 1) & mask;
            }

            slots[slot] = row + 1;
        }

        return false;
    }

    /// <summary>Parses a non-negative amount in plain decimal notation, recording what is wrong (for the other CSV readers).</summary>
    /// <param name="text">The trimmed value.</param>
    /// <param name="column">The column, for errors.</param>
    /// <param name="required">Whether a missing value is an error.</param>
    /// <param name="line">The line, for errors.</param>
    /// <param name="errors">Where problems go.</param>
    /// <returns>The amount, or <see langword="null"/>.</returns>
    internal static decimal? Amount(ReadOnlySpan<char> text, string column, bool required, int line, List<InputError> errors)
    {
        if (text.IsEmpty)
        {
            if (required)
            {
                errors.Add(new InputError(line, column, "value is missing"));
            }

            return null;
        }

        return AmountColumn.Parse(text.ToString(), column, line, errors);
    }

    /// <summary>Parses exactly yyyy-MM-dd (ISO calendar, no other form).</summary>
    /// <param name="s">The text.</param>
    /// <param name="date">The date.</param>
    /// <returns>Whether it is such a date.</returns>
    internal static bool TryParseIsoDate(ReadOnlySpan<char> s, out NodaTime.LocalDate date)
    {
        date = default;
        Span<byte> bytes = stackalloc byte[10];
        if (s.Length != 10 || !Ascii.IsValid(s) || Encoding.ASCII.GetBytes(s, bytes) != 10 || !DateColumn.TryParse(bytes, out int day))
        {
            return false;
        }

        date = NodaTime.LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));
        return true;
    }

    /// <summary>The error text of a row whose identity an earlier row has: <c>duplicate row for T as of D[ filed F] (first on line N)</c>.</summary>
    /// <param name="table">The table.</param>
    /// <param name="row">The duplicate row.</param>
    /// <param name="first">Where the first row is, e.g. "line 3" or "row 2".</param>
    /// <returns>The text.</returns>
    internal static string DuplicateMessage(SnapshotTable table, int row, string first)
    {
        var filed = table.Store<DateColumn>("filed")?.DateAt(row);
        string filedText = filed is { } fd ? string.Create(CultureInfo.InvariantCulture, $" filed {fd:yyyy-MM-dd}") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"duplicate row for {table.Ticker.StringAt(row)} as of {table.AsOf.DateAt(row):yyyy-MM-dd}{filedText} (first on {first})");
    }

    private static (List<InputError> Errors, Header Header) ReadHeader(CsvRecordReader reader, IReadOnlyCollection<string>? unread)
    {
        var errors = new List<InputError>();
        int line = reader.Line;
        if (reader.RecordError is { } problem)
        {
            errors.Add(new InputError(line, null, "header: " + problem));
            return (errors, new Header([], []));
        }

        var names = new string[reader.FieldCount];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = Encoding.UTF8.GetString(reader.Field(i));
        }

        // A header without ',' whose ';' separates known column names (a spreadsheet's export in a decimal-comma locale):
        // the fields are separated by ';' (the reader reads every later record so).
        if (reader.Delimiter == ',' && names.Length == 1 && names[0].Contains(';', StringComparison.Ordinal))
        {
            string[] split = names[0].Split(';', StringSplitOptions.TrimEntries);
            if (split.Count(n => SnapshotSchema.Columns.Any(c => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase))) >= 2)
            {
                names = split;
                reader.Delimiter = ';';
            }
        }

        return CheckHeader(names, line, unread);
    }

    /// <summary>
    /// Checks a header's names (any format's: a CSV header line, a Parquet schema): names match ignoring case, a name given
    /// twice is an error naming both, every required column must be there; unknown names are ignored.
    /// </summary>
    /// <param name="names">The names, in order (an empty name: an unnamed column).</param>
    /// <param name="line">The header's line for errors (0: a format without lines).</param>
    /// <param name="unread">Columns the caller will not read (as <see cref="SnapshotReadOptions.UnreadColumns"/>).</param>
    /// <returns>The errors, and the header.</returns>
    internal static (List<InputError> Errors, Header Header) CheckHeader(string[] names, int line, IReadOnlyCollection<string>? unread)
    {
        var errors = new List<InputError>();

        // Names match ignoring case (Ticker, AS_OF); two names equal but for case are the same column given twice.
        var firstIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                continue;
            }

            if (firstIndex.TryGetValue(names[i], out int first))
            {
                errors.Add(new InputError(line, names[i], string.Create(CultureInfo.InvariantCulture,
                    $"the header names this column twice (columns {first + 1} '{names[first]}' and {i + 1} '{names[i]}', names ignoring case); which one holds the values is ambiguous")));
            }
            else
            {
                firstIndex[names[i]] = i;
            }
        }

        foreach (var required in RequiredColumns.Where(c => !firstIndex.ContainsKey(c)))
        {
            errors.Add(new InputError(line, required, "required column is missing from the header"));
        }

        var present = SnapshotSchema.Columns
            .Where(c => firstIndex.ContainsKey(c.Name))
            .Where(c => unread is null || !unread.Contains(c.Name) || c.Check is not null || c.RequiredColumn || c.RequiredValue || c.Kind != ColumnKind.Text)
            .Select(c => (firstIndex[c.Name], c))
            .ToList();
        return (errors, new Header(names, present));
    }

    /// <summary>Row identity: (ticker case-insensitive, as_of, filed), compared in the table's columns.</summary>
    internal sealed class RowKeyComparer(SnapshotTable table) : IEqualityComparer<int>
    {
        private readonly DateColumn? _filed = table.Store<DateColumn>("filed");

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public bool Equals(int x, int y)
        {
            if (table.AsOf[x] != table.AsOf[y] || (_filed is not null && _filed[x] != _filed[y]))
            {
                return false;
            }

            var a = table.Ticker[x];
            var b = table.Ticker[y];
            return Ascii.IsValid(a) && Ascii.IsValid(b)
                ? Ascii.EqualsIgnoreCase(a, b)
                : string.Equals(Encoding.UTF8.GetString(a), Encoding.UTF8.GetString(b), StringComparison.OrdinalIgnoreCase);
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public int GetHashCode(int row) => Hash(table.Ticker[row], table.AsOf[row], _filed is null ? 0 : _filed[row]);

        /// <summary>The hash of a row identity: equal for tickers equal but for case, the same dates.</summary>
        /// <param name="ticker">The ticker's UTF-8 bytes.</param>
        /// <param name="asOf">The as-of day number.</param>
        /// <param name="filed">The filed day number (or <see cref="DateColumn.Missing"/>), 0 without the column.</param>
        /// <returns>The hash.</returns>
        public static int Hash(ReadOnlySpan<byte> ticker, int asOf, int filed)
        {
            ulong h = Mix(unchecked(((ulong)(uint)asOf << 32) | (uint)filed));
            var t = ticker;
            if (Ascii.IsValid(t))
            {
                // Eight bytes at a time, each with bit 0x20 cleared: ASCII letters of either case hash alike (and a few
                // other pairs, which only costs a comparison).
                const ulong Fold = 0xDFDFDFDFDFDFDFDF;
                while (t.Length >= 8)
                {
                    h = Mix(h ^ (System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(t) & Fold));
                    t = t[8..];
                }

                ulong last = (ulong)t.Length << 56;
                for (int i = 0; i < t.Length; i++)
                {
                    last |= (ulong)(t[i] & 0xDF) << (8 * i);
                }

                h = Mix(h ^ last);
            }
            else
            {
                foreach (char ch in Encoding.UTF8.GetString(t).ToUpperInvariant())
                {
                    h = Mix(h ^ ch);
                }
            }

            return unchecked((int)(h >> 32) ^ (int)h);
        }

        /// <summary>A multiply and a shift down: a multiply alone moves a difference only to higher bits (the set masks the low ones).</summary>
        private static ulong Mix(ulong h)
        {
            h = unchecked(h * 0x9E3779B97F4A7C15);
            return h ^ (h >> 29);
        }
    }
}
