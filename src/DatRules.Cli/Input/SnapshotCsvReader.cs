using System.Globalization;
using System.Text;

namespace DatRules.Cli.Input;

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
/// Header: names are matched exactly; a name given twice is an error; unknown names are ignored. An empty name (a
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

    internal static string[] RequiredColumns => SnapshotSchema.RequiredColumns;

    /// <summary>The rows read, and the errors of the rows skipped (with <c>skipInvalid</c>).</summary>
    /// <param name="Table">The valid rows.</param>
    /// <param name="Skipped">One or more errors per skipped row.</param>
    internal sealed record ReadResult(SnapshotTable Table, IReadOnlyList<InputError> Skipped)
    {
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
    /// <param name="stream">The UTF-8 bytes.</param>
    /// <param name="sourceName">The name used in errors.</param>
    /// <param name="skipInvalid">Skip invalid rows instead of failing.</param>
    /// <returns>The rows and the skipped rows' errors.</returns>
    /// <exception cref="InputException">The file is empty, its header is wrong, or (without <paramref name="skipInvalid"/>) a row is invalid.</exception>
    /// <param name="expectedRows">The number of rows if known (e.g. the file's line count), to size the columns once.</param>
    public static ReadResult Read(Stream stream, string sourceName, bool skipInvalid = false, int expectedRows = 0)
    {
        // A stream that can be read again gets the duplicate check after the parse, on every core; in the rare case that
        // it finds a duplicate, the stream is read again with the check row by row, which orders every error as always.
        long origin = stream.CanSeek ? stream.Position : -1;
        return Read(stream, sourceName, skipInvalid, expectedRows, deferDuplicates: origin >= 0)
            ?? Reread(stream, origin, sourceName, skipInvalid, expectedRows);
    }

    private static ReadResult Reread(Stream stream, long origin, string sourceName, bool skipInvalid, int expectedRows)
    {
        stream.Seek(origin, SeekOrigin.Begin);
        return Read(stream, sourceName, skipInvalid, expectedRows, deferDuplicates: false)!;
    }

    /// <summary>Reads the rows; with <paramref name="deferDuplicates"/>, returns <see langword="null"/> when the rows read hold a duplicate.</summary>
    private static ReadResult? Read(Stream stream, string sourceName, bool skipInvalid, int expectedRows, bool deferDuplicates)
    {
        var reader = new CsvRecordReader(stream, sourceName);
        if (!reader.Read())
        {
            throw new InputException(sourceName, [new InputError(0, null, "the file is empty: expected a header line with columns " + string.Join(",", RequiredColumns))]);
        }

        var (names, present, headerErrors) = ReadHeader(reader);
        if (headerErrors.Count > 0)
        {
            throw new InputException(sourceName, headerErrors);
        }

        var table = new SnapshotTable(present.Select(p => p.Column));
        long headerBytes = reader.Position;
        if (expectedRows > 0)
        {
            table.Reserve(expectedRows);
        }

        var stores = present.Select(p => (p.Index, Store: table.Stores[p.Column.Name])).ToArray();
        int[] unnamed = Enumerable.Range(0, names.Length).Where(i => names[i].Length == 0).ToArray();
        int lastNamed = Array.FindLastIndex(names, n => n.Length > 0);
        var comparer = new RowKeyComparer(table);
        var keys = new RowKeySet(comparer, deferDuplicates ? 0 : expectedRows);
        var rowErrors = new List<InputError>();
        var errors = new List<InputError>();
        var skipped = new List<InputError>();
        int dataRows = 0, moreErrors = 0;
        while (reader.Read())
        {
            int line = reader.Line;
            dataRows++;
            rowErrors.Clear();
            int fields = reader.FieldCount;
            if (reader.RecordError is { } problem)
            {
                int f = reader.RecordErrorField;
                rowErrors.Add(new InputError(line, f >= 0 && f < names.Length && names[f].Length > 0 ? names[f] : null, problem));
            }
            else if (fields > names.Length)
            {
                rowErrors.Add(new InputError(line, null, string.Create(CultureInfo.InvariantCulture,
                    $"{fields} fields, but the header has {names.Length} columns: an unquoted comma (a thousands separator such as 1,234?) shifts every later value; quote such a field or remove the separator")));
            }
            else if (fields <= lastNamed)
            {
                rowErrors.Add(new InputError(line, names[fields], string.Create(CultureInfo.InvariantCulture,
                    $"the row ends after {fields} field{(fields == 1 ? string.Empty : "s")}, but the header has {names.Length} columns")));
            }
            else
            {
                foreach (int u in unnamed)
                {
                    if (u < fields && !reader.Field(u).IsEmpty)
                    {
                        rowErrors.Add(new InputError(line, null, string.Create(CultureInfo.InvariantCulture,
                            $"a value in column {u + 1}, which the header leaves unnamed (name the column or leave it empty)")));
                    }
                }

                foreach (var (index, store) in stores)
                {
                    store.Parse(reader.Field(index), table.Count, line, rowErrors);
                }

                if (rowErrors.Count == 0 && !deferDuplicates && keys.AddOrGetExisting(table.Count) is var first && first >= 0)
                {
                    var filed = table.Store<DateColumn>("filed")?.DateAt(table.Count);
                    string filedText = filed is { } fd ? string.Create(CultureInfo.InvariantCulture, $" filed {fd:yyyy-MM-dd}") : string.Empty;
                    rowErrors.Add(new InputError(line, "ticker", string.Create(CultureInfo.InvariantCulture,
                        $"duplicate row for {table.Ticker.StringAt(table.Count)} as of {table.AsOf.DateAt(table.Count):yyyy-MM-dd}{filedText} (first on line {table.LineAt(first)})")));
                }
            }

            if (dataRows == 4096 && expectedRows > 0)
            {
                table.Reserve(expectedRows);
            }
            else if (dataRows == 4096 && stream.CanSeek)
            {
                // Columns sized once from the file size (as the first rows go), not doubled and copied as they fill.
                long estimate = (long)((stream.Length - headerBytes) * 1.03 * dataRows / Math.Max(1, reader.Position - headerBytes));
                table.Reserve((int)Math.Min(estimate, Array.MaxLength / 16));
                if (!deferDuplicates)
                {
                    keys.Reserve((int)Math.Min(estimate, Array.MaxLength / 16));
                }
            }

            if (rowErrors.Count == 0)
            {
                table.Commit(line);
            }
            else if (skipInvalid)
            {
                skipped.AddRange(rowErrors);
            }
            else if (errors.Count < MaxErrors)
            {
                errors.AddRange(rowErrors);
            }
            else
            {
                moreErrors += rowErrors.Count;
            }
        }

        if (dataRows == 0)
        {
            throw new InputException(sourceName, [new InputError(0, null, "the file has a header but no data rows")]);
        }

        if (deferDuplicates && AnyDuplicate(comparer, table.Count))
        {
            return null;
        }

        if (errors.Count > 0)
        {
            if (moreErrors > 0)
            {
                errors.Add(new InputError(0, null, string.Create(CultureInfo.InvariantCulture, $"and {moreErrors:N0} more errors")));
            }

            throw new InputException(sourceName, errors);
        }

        if (table.Count >= 100_000)
        {
            // The duplicate set and the read buffer are garbage now: collect them before the universe is built on the
            // columns, so that its few new arrays reuse their memory instead of raising the peak (1M rows: measured in
            // docs/benchmarks.md).
            keys = null!;
            GC.Collect();
        }

        return new ReadResult(table, skipped);
    }

    /// <summary>
    /// Whether two of the first <paramref name="count"/> rows have the same identity: the rows' hashes computed on two
    /// cores, then each half of the hash space checked on its own core (equal rows have equal hashes).
    /// </summary>
    private static bool AnyDuplicate(RowKeyComparer comparer, int count)
    {
        var hashes = new int[count];
        int half = count / 2;
        Parallel.Invoke(
            () => Hash(comparer, hashes, 0, half),
            () => Hash(comparer, hashes, half, count));
        bool low = false, high = false;
        Parallel.Invoke(
            () => low = AnyDuplicate(comparer, hashes, 0),
            () => high = AnyDuplicate(comparer, hashes, 1));
        return low || high;

        static void Hash(RowKeyComparer comparer, int[] hashes, int from, int to)
        {
            for (int row = from; row < to; row++)
            {
                hashes[row] = comparer.GetHashCode(row);
            }
        }
    }

    /// <summary>Whether two rows whose hash has top bit <paramref name="part"/> have the same identity.</summary>
    private static bool AnyDuplicate(RowKeyComparer comparer, int[] hashes, int part)
    {
        // Open addressing on row numbers + 1, at most about half full (each part holds about half of the rows).
        var slots = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, hashes.Length))];
        int mask = slots.Length - 1, filled = 0;
        for (int row = 0; row < hashes.Length; row++)
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

    private static (string[] Names, List<(int Index, SnapshotColumn Column)> Present, List<InputError> Errors) ReadHeader(CsvRecordReader reader)
    {
        var errors = new List<InputError>();
        int line = reader.Line;
        if (reader.RecordError is { } problem)
        {
            errors.Add(new InputError(line, null, "header: " + problem));
            return ([], [], errors);
        }

        var names = new string[reader.FieldCount];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = Encoding.UTF8.GetString(reader.Field(i));
        }

        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                continue;
            }

            if (firstIndex.TryGetValue(names[i], out int first))
            {
                errors.Add(new InputError(line, names[i], string.Create(CultureInfo.InvariantCulture,
                    $"the header names this column twice (columns {first + 1} and {i + 1}); which one holds the values is ambiguous")));
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
            .Select(c => (firstIndex[c.Name], c))
            .ToList();
        return (names, present, errors);
    }

    /// <summary>Row identity: (ticker case-insensitive, as_of, filed), compared in the table's columns.</summary>
    private sealed class RowKeyComparer(SnapshotTable table) : IEqualityComparer<int>
    {
        private readonly DateColumn? _filed = table.Store<DateColumn>("filed");

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

        public int GetHashCode(int row)
        {
            uint h = unchecked(2166136261u ^ (uint)table.AsOf[row] ^ ((uint)(_filed is null ? 0 : _filed[row]) * 31u));
            var t = table.Ticker[row];
            if (Ascii.IsValid(t))
            {
                foreach (byte b in t)
                {
                    uint c = unchecked((uint)(b - 'a')) <= 'z' - 'a' ? b - 0x20u : b;
                    h = unchecked((h ^ c) * 16777619u);
                }
            }
            else
            {
                foreach (char ch in Encoding.UTF8.GetString(t).ToUpperInvariant())
                {
                    h = unchecked((h ^ ch) * 16777619u);
                }
            }

            // Spread the bits: the set masks the low ones.
            return unchecked((int)System.Numerics.BitOperations.RotateLeft(h * 0x9E3779B1u, 15));
        }
    }
}
