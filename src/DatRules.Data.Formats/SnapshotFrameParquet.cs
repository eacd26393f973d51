using System.Globalization;
using DatRules.Data.Formats.Parquet;
using global::Parquet;
using global::Parquet.Schema;
using DataField = global::Parquet.Schema.DataField;

namespace DatRules.Data.Formats;

/// <summary>
/// Snapshots as Parquet: <see cref="Read(Stream, SnapshotReadOptions)"/> fills a <see cref="SnapshotFrame"/> through
/// <see cref="SnapshotFrameBuilder"/>, so every check and error of the snapshot CSV reader applies (names ignoring case,
/// required columns and values, negative amounts, duplicates, ...), and <see cref="Write(SnapshotFrame, Stream)"/>
/// writes a frame with typed columns (amounts <c>DECIMAL</c>, dates <c>DATE</c>, flags <c>BOOLEAN</c>, text UTF-8).
/// </summary>
/// <remarks>
/// <para>
/// Accepted column types, by snapshot column: amounts <c>DECIMAL</c> (any precision and scale a <see cref="decimal"/>
/// holds), integers, or text in plain decimal notation; dates <c>DATE</c>, a <c>TIMESTAMP</c> at midnight, or text
/// yyyy-MM-dd; flags <c>BOOLEAN</c>, integers 0/1 or text; text columns UTF-8 strings, integers (a CIK) or
/// <c>DECIMAL</c> (a flow line item). <c>FLOAT</c> and <c>DOUBLE</c> are refused for every snapshot column: a binary
/// floating-point number is not the amount the filing states (0.1 is stored as 0.1000000000000000055...), and which
/// decimal was meant cannot be known. Unknown columns are ignored whatever their type, as by the CSV reader.
/// </para>
/// <para>Errors name the column and the 1-based data row (<see cref="InputError.IsRow"/>); a file that is not Parquet or is cut short is an <see cref="InputException"/> too.</para>
/// </remarks>
public static class SnapshotFrameParquet
{
    /// <summary>The rows of a row group written (readers hold a row group's column at a time: a bounded chunk).</summary>
    private const int GroupRows = 1 << 17;

    /// <summary>The rows from which a file is read on two cores.</summary>
    private const int ParallelRows = 100_000;

    private static readonly ParquetOptions ReadOptions = new() { TreatByteArrayAsString = true, UseDateOnlyTypeForDates = true };

    /// <summary>Reads a snapshot Parquet file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="InputException">The file does not exist, is not Parquet, a column has a type that is refused, or a row is invalid.</exception>
    public static SnapshotFrame Read(string path) => Read(path, new SnapshotReadOptions());

    /// <summary>Reads a snapshot Parquet file with options.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read (skipping invalid rows, columns not read); the source name defaults to the file name.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="InputException">The file does not exist, is not Parquet, a column has a type that is refused, or a row is invalid.</exception>
    public static SnapshotFrame Read(string path, SnapshotReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InputException(full, [new InputError(0, null, Directory.Exists(full) ? "is a directory, not a file" : "file not found")]);
        }

        using var stream = Open(full);
        return ReadAsync(stream, () => Open(full), options with { SourceName = options.SourceName ?? Path.GetFileName(full) }).GetAwaiter().GetResult();

        static FileStream Open(string file) => new(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
    }

    /// <summary>Reads snapshot Parquet from a stream (one that cannot seek is copied to memory first: Parquet is read from its end).</summary>
    /// <param name="stream">The stream, left open.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="InputException">The input is not Parquet, a column has a type that is refused, or a row is invalid.</exception>
    public static SnapshotFrame Read(Stream stream) => Read(stream, new SnapshotReadOptions());

    /// <summary>Reads snapshot Parquet from a stream with options (one that cannot seek is copied to memory first: Parquet is read from its end).</summary>
    /// <param name="stream">The stream, left open.</param>
    /// <param name="options">How to read.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="InputException">The input is not Parquet, a column has a type that is refused, or a row is invalid.</exception>
    public static SnapshotFrame Read(Stream stream, SnapshotReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }

        return ReadAsync(stream, null, options).GetAwaiter().GetResult();
    }

    /// <summary>Writes a frame as Parquet in row groups of 131,072 rows: every column the frame holds (<see cref="SnapshotFrame.Columns"/>), typed.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="output">The stream, left open.</param>
    /// <exception cref="ArgumentException">An amount column's values need more than 38 digits at one scale (Parquet's largest DECIMAL).</exception>
    public static void Write(SnapshotFrame frame, Stream output)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(output);
        WriteAsync(frame, output).GetAwaiter().GetResult();
        output.Flush();
    }

    /// <summary>Writes a frame as a Parquet file, atomically (<see cref="AtomicFile"/>).</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="path">The file.</param>
    public static void Write(SnapshotFrame frame, string path)
    {
        ArgumentNullException.ThrowIfNull(frame);
        AtomicFile.Write(path, s => Write(frame, s));
    }

    /// <summary>
    /// Reads the columns into the builder; a file (<paramref name="reopen"/>) of many rows on two cores, each with a reader
    /// of its own claiming whole columns, heaviest first, every column's row groups in order.
    /// </summary>
    private static async Task<SnapshotFrame> ReadAsync(Stream stream, Func<Stream>? reopen, SnapshotReadOptions options)
    {
        string name = options.SourceName ?? "input";
        // A file whose every column read is one the page decoder reads: read without starting Parquet.Net.
        if (ParquetFooter.TryRead(stream) is { } footer && DecodedPlan(footer, options, name) is { } plan)
        {
            return await ReadDecodedAsync(stream, reopen, footer, plan.Builder, plan.Setters, name).ConfigureAwait(false);
        }

        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, ReadOptions, leaveStreamOpen: true).ConfigureAwait(false);
        }
        catch (Exception e) when (IsCorruption(e))
        {
            throw new InputException(name, [new InputError(0, null, $"not a readable Parquet file ({e.GetType().Name}: {e.Message})")]);
        }

        await using (reader.ConfigureAwait(false))
        {
            var fields = reader.Schema.Fields;
            long rows = Enumerable.Range(0, reader.RowGroupCount).Sum(g => reader.RowGroups[g].RowCount);
            var builder = NewBuilder([.. fields.Select(f => f.Name)], rows, options, name);
            var typeErrors = new List<InputError>();
            var readers = new ParquetColumnReader?[fields.Count];
            for (int c = 0; c < fields.Count; c++)
            {
                if (builder.KindOf(c) is not { } kind)
                {
                    continue;
                }

                string column = builder.SnapshotNameOf(c)!;
                if (fields[c] is not DataField data || data.IsArray)
                {
                    typeErrors.Add(new InputError(0, column, $"is a nested Parquet type ({fields[c].SchemaType}); expected a single value per row"));
                    continue;
                }

                readers[c] = ParquetColumnReader.For(builder, c, data, kind, out string? refused);
                if (refused is not null)
                {
                    typeErrors.Add(new InputError(0, column, refused));
                }
            }

            if (typeErrors.Count > 0)
            {
                throw new InputException(name, typeErrors);
            }

            int[] read = Prepare(builder, [.. Enumerable.Range(0, readers.Length).Where(c => readers[c] is not null)],
                c => Enumerable.Range(0, reader.RowGroupCount).Sum(g => reader.RowGroups[g].GetMetadata((DataField)fields[c])?.MetaData?.TotalUncompressedSize ?? 0));
            var queue = new ColumnQueue(read);
            if (reopen is null || rows < ParallelRows || read.Length < 2 || Environment.ProcessorCount < 2)
            {
                await ReadColumnsAsync(reader, stream, readers, queue, builder, name).ConfigureAwait(false);
            }
            else
            {
                var other = Task.Run(async () =>
                {
                    await using var stream2 = reopen();
                    await using var reader2 = await ParquetReader.CreateAsync(stream2, ReadOptions, leaveStreamOpen: true).ConfigureAwait(false);
                    var own = new ParquetColumnReader?[readers.Length];
                    foreach (int c in read)
                    {
                        own[c] = ParquetColumnReader.For(builder, c, (DataField)reader2.Schema.Fields[c], builder.KindOf(c)!.Value, out _);
                    }

                    await ReadColumnsAsync(reader2, stream2, own, queue, builder, name).ConfigureAwait(false);
                });
                await ReadColumnsAsync(reader, stream, readers, queue, builder, name).ConfigureAwait(false);
                await other.ConfigureAwait(false);
            }

            return builder.Build();
        }
    }

    /// <summary>A builder for a source's columns and rows (at most what one frame holds).</summary>
    private static SnapshotFrameBuilder NewBuilder(IReadOnlyList<string> names, long rows, SnapshotReadOptions options, string name)
    {
        if (rows > Array.MaxLength / 16)
        {
            throw new InputException(name, [new InputError(0, null, string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows, more than one frame holds"))]);
        }

        return new SnapshotFrameBuilder(names, (int)rows, options);
    }

    /// <summary>
    /// Reserves the text columns' bytes (a plain chunk's uncompressed size bounds its values' bytes) and orders the columns
    /// to read heaviest first (their uncompressed bytes), to be claimed whole by the next free core: the longest column
    /// starts first and the others fill in around it.
    /// </summary>
    private static int[] Prepare(SnapshotFrameBuilder builder, int[] columns, Func<int, long> bytes)
    {
        var sizes = columns.ToDictionary(c => c, bytes);
        foreach (int c in columns)
        {
            if (builder.KindOf(c) == SnapshotValueKind.Text)
            {
                builder.ReserveText(c, Math.Clamp(sizes[c], 0, int.MaxValue));
            }
        }

        return [.. columns.OrderByDescending(c => sizes[c])];
    }

    /// <summary>
    /// The builder and, for every column read, the setter of its decoded values, when the page decoder reads every one
    /// of them (the types below); otherwise <see langword="null"/> and the file is read beside Parquet.Net. The types are
    /// those <see cref="ParquetColumnReader.For"/> accepts for the column's kind, and give the same values.
    /// </summary>
    internal static (SnapshotFrameBuilder Builder, DecodedColumnSetter?[] Setters)? DecodedPlan(ParquetFooter footer, SnapshotReadOptions options, string name)
    {
        var builder = NewBuilder([.. footer.Columns.Select(c => c.Name)], footer.RowGroups.Sum(g => g.Rows), options, name);
        var setters = new DecodedColumnSetter?[footer.Columns.Count];
        for (int c = 0; c < setters.Length; c++)
        {
            if (builder.KindOf(c) is { } kind && (setters[c] = SetterFor(footer.Columns[c], kind)) is null)
            {
                return null;
            }
        }

        return (builder, setters);

        static DecodedColumnSetter? SetterFor(FooterColumn column, SnapshotValueKind kind)
        {
            // Physical types: 1 INT32, 2 INT64, 6 BYTE_ARRAY; converted types: 0 UTF8, 5 DECIMAL, 6 DATE, 17 INT_32, 18 INT_64.
            bool number = column.Physical is 1 or 2;
            bool plain = column.Logical == FooterLogical.None && column.Converted == -1;
            if (column.Repetition > 1)
            {
                return null;
            }

            if (number && (column.Logical == FooterLogical.Decimal || (column.Logical == FooterLogical.None && column.Converted == 5)))
            {
                return kind is SnapshotValueKind.Amount or SnapshotValueKind.Text && column.Scale is >= 0 and <= 18 ? DecodedColumnSetter.Decimal(column.Scale) : null;
            }

            if (column.Physical == 1 && (column.Logical == FooterLogical.Date || (column.Logical == FooterLogical.None && column.Converted == 6)))
            {
                return kind == SnapshotValueKind.Date ? DecodedColumnSetter.Date : null;
            }

            bool signed = plain
                || (column.Logical == FooterLogical.Integer && column.Signed && column.Bits == (column.Physical == 1 ? 32 : 64))
                || (column.Logical == FooterLogical.None && column.Converted == (column.Physical == 1 ? 17 : 18));
            if (number && signed)
            {
                return kind == SnapshotValueKind.Date ? null : DecodedColumnSetter.Integer;
            }

            return column.Physical == 6 && (plain || column.Logical == FooterLogical.String || (column.Logical == FooterLogical.None && column.Converted == 0))
                ? DecodedColumnSetter.Text
                : null;
        }
    }

    /// <summary>Reads a file whose columns the page decoder reads (<see cref="DecodedPlan"/>), on two cores from <see cref="ParallelRows"/> rows.</summary>
    private static async Task<SnapshotFrame> ReadDecodedAsync(Stream stream, Func<Stream>? reopen, ParquetFooter footer, SnapshotFrameBuilder builder, DecodedColumnSetter?[] setters, string name)
    {
        var groups = footer.RowGroups;
        int[] read = Prepare(builder, [.. Enumerable.Range(0, setters.Length).Where(c => setters[c] is not null)],
            c => groups.Sum(g => g.Chunks[c].MetaData!.TotalUncompressedSize));
        var queue = new ColumnQueue(read);
        long rows = groups.Sum(g => g.Rows);
        if (reopen is null || rows < ParallelRows || read.Length < 2 || Environment.ProcessorCount < 2)
        {
            await new DecodedReader(stream, footer, builder, setters, name).ReadAsync(queue).ConfigureAwait(false);
        }
        else
        {
            var other = Task.Run(async () =>
            {
                await using var stream2 = reopen();
                await new DecodedReader(stream2, footer, builder, setters, name).ReadAsync(queue).ConfigureAwait(false);
            });
            await new DecodedReader(stream, footer, builder, setters, name).ReadAsync(queue).ConfigureAwait(false);
            await other.ConfigureAwait(false);
        }

        return builder.Build();
    }

    /// <summary>Reads columns claimed from <paramref name="queue"/> until none is left, each through all its row groups in order.</summary>
    private static async Task ReadColumnsAsync(ParquetReader reader, Stream stream, ParquetColumnReader?[] readers, ColumnQueue queue, SnapshotFrameBuilder builder, string name)
    {
        // One decoder and one value buffer per thread, reused by its columns and row groups.
        var decoder = new ColumnChunkDecoder();
        var values = new ChunkValues();
        while (queue.TryClaim(out int c))
        {
            int row = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int n = (int)group.RowCount;
                try
                {
                    await readers[c]!.ReadAsync(group, stream, decoder, values, row, n, name).ConfigureAwait(false);
                }
                catch (Exception e) when (IsCorruption(e))
                {
                    throw new InputException(name, [new InputError(0, builder.SnapshotNameOf(c), string.Create(CultureInfo.InvariantCulture, $"cannot be read in row group {g + 1} (rows {row + 1} to {row + n}): {e.Message}"))]);
                }

                row += n;
            }
        }
    }

    /// <summary>
    /// Gets whether an exception from reading is the file's fault: whatever Parquet.Net throws on a file that does not
    /// add up (its Thrift errors, index and argument errors, overflows, ...), reported as an <see cref="InputException"/>
    /// naming the column and rows; not our own typed errors, cancellation or running out of memory.
    /// </summary>
    private static bool IsCorruption(Exception e) => e is not (InputException or OperationCanceledException or OutOfMemoryException or StackOverflowException);

    /// <summary>
    /// One thread's reading of the columns it claims, chunk by chunk through the page decoder; a chunk the decoder does not
    /// read (inconsistent, or a day outside the dates) is read by Parquet.Net, started on this thread's stream at the first
    /// such chunk.
    /// </summary>
    private sealed class DecodedReader(Stream stream, ParquetFooter footer, SnapshotFrameBuilder builder, DecodedColumnSetter?[] setters, string name)
    {
        private readonly ColumnChunkDecoder _decoder = new();
        private readonly ChunkValues _values = new();
        private ParquetReader? _fallback;

        public async Task ReadAsync(ColumnQueue queue)
        {
            try
            {
                while (queue.TryClaim(out int c))
                {
                    int row = 0;
                    for (int g = 0; g < footer.RowGroups.Count; g++)
                    {
                        int n = (int)footer.RowGroups[g].Rows;
                        try
                        {
                            var chunk = footer.RowGroups[g].Chunks[c];
                            int levels = footer.Columns[c].Repetition == 1 ? 1 : 0;
                            if (!_decoder.TryDecode(stream, chunk, levels, n, _values, out _) || !setters[c]!.Set(builder, c, _values, row, name))
                            {
                                await FallbackAsync(c, g, row, n).ConfigureAwait(false);
                            }
                        }
                        catch (Exception e) when (IsCorruption(e))
                        {
                            throw new InputException(name, [new InputError(0, builder.SnapshotNameOf(c), string.Create(CultureInfo.InvariantCulture, $"cannot be read in row group {g + 1} (rows {row + 1} to {row + n}): {e.Message}"))]);
                        }

                        row += n;
                    }
                }
            }
            finally
            {
                if (_fallback is not null)
                {
                    await _fallback.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        private async Task FallbackAsync(int c, int g, int row, int n)
        {
            _fallback ??= await ParquetReader.CreateAsync(stream, ReadOptions, leaveStreamOpen: true).ConfigureAwait(false);
            var field = (DataField)_fallback.Schema.Fields[c];
            var reader = ParquetColumnReader.For(builder, c, field, builder.KindOf(c)!.Value, out string? refused)
                ?? throw new InputException(name, [new InputError(0, builder.SnapshotNameOf(c), refused!)]);
            using var group = _fallback.OpenRowGroupReader(g);
            await reader.ReadAsync(group, row, n).ConfigureAwait(false);
        }
    }

    /// <summary>Columns to read, claimed one at a time by the reading threads.</summary>
    private sealed class ColumnQueue(int[] columns)
    {
        private int _next = -1;

        public bool TryClaim(out int column)
        {
            int i = Interlocked.Increment(ref _next);
            column = i < columns.Length ? columns[i] : -1;
            return i < columns.Length;
        }
    }

    private static async Task WriteAsync(SnapshotFrame frame, Stream output)
    {
        var columns = frame.Columns;
        int n = frame.Count;
        var fields = new DataField[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            string column = columns[c];
            fields[c] = frame.KindOf(column) switch
            {
                SnapshotValueKind.Amount => AmountField(frame, column),
                SnapshotValueKind.Date => new DateTimeDataField(column, DateTimeFormat.Date, isNullable: true),
                SnapshotValueKind.Flag => new DataField<bool?>(column),
                _ => new DataField<string>(column, true),
            };
        }

        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output).ConfigureAwait(false);
        for (int first = 0; first < n || first == 0; first += GroupRows)
        {
            int count = Math.Min(GroupRows, n - first);
            using var group = writer.CreateRowGroup();
            for (int c = 0; c < columns.Count; c++)
            {
                string column = columns[c];
                switch (frame.KindOf(column))
                {
                    case SnapshotValueKind.Amount:
                        await group.WriteAsync<decimal>(fields[c], Values(first, count, i => frame.AmountAt(column, i))).ConfigureAwait(false);
                        break;
                    case SnapshotValueKind.Date:
                        await group.WriteAsync<DateTime>(fields[c], Values(first, count, i => frame.DateAt(column, i)?.ToDateTimeUnspecified())).ConfigureAwait(false);
                        break;
                    case SnapshotValueKind.Flag:
                        await group.WriteAsync<bool>(fields[c], Values(first, count, i => frame.FlagAt(column, i))).ConfigureAwait(false);
                        break;
                    default:
                        var text = new string?[count];
                        for (int i = 0; i < count; i++)
                        {
                            text[i] = frame.TextAt(column, first + i);
                        }

                        await group.WriteAsync(fields[c], (IReadOnlyCollection<string>)text!).ConfigureAwait(false);
                        break;
                }
            }
        }
    }

    /// <summary>The column's DECIMAL: the largest scale of its values (at least 2, cents), and precision 18 or 38 as the digits need.</summary>
    private static DecimalDataField AmountField(SnapshotFrame frame, string column)
    {
        int scale = 2, integerDigits = 1;
        for (int i = 0; i < frame.Count; i++)
        {
            if (frame.AmountAt(column, i) is { } v)
            {
                scale = Math.Max(scale, v.Scale);
                decimal whole = decimal.Truncate(v);
                integerDigits = Math.Max(integerDigits, whole == 0m ? 1 : whole.ToString(CultureInfo.InvariantCulture).Length);
            }
        }

        int digits = integerDigits + scale;
        if (digits > 38)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Column '{column}' needs {integerDigits} digits before the point and {scale} after it: more than Parquet's DECIMAL(38) holds at one scale."), nameof(frame));
        }

        return new DecimalDataField(column, digits <= 18 ? 18 : 38, scale, isNullable: true);
    }

    private static T?[] Values<T>(int first, int count, Func<int, T?> value)
        where T : struct
    {
        var values = new T?[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = value(first + i);
        }

        return values;
    }
}
